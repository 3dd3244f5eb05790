import { createShieldDrops } from '../../../src/background/shield-drops';
import { freshSettings, type Settings } from '../../../src/core/settings';
import { setDefaultChoice } from '../../../src/core/settings-ops';
import { buildSiteIndex } from '../../../src/core/site-index';
import { MINI } from '../core/mini-site';

/** The handler with MINI on every tab but tab 3 (a page not covered); returns what it counted. */
function setup(settings: Settings = freshSettings()) {
  const counted: Array<[number, string, Record<string, number>]> = [];
  const handle = createShieldDrops({
    indexOf: () => buildSiteIndex([MINI]),
    settings: async () => settings,
    pageOf: async (tabId) => (tabId === 3 ? null : { site: MINI, domain: 'mini.test' }),
    counter: { dropped: async (tabId, domain, drops) => void counted.push([tabId, domain, { ...drops }]) },
  });
  return { handle, counted };
}

const page = (tabId: number, url = 'https://www.mini.test/') => ({ tab: { id: tabId }, url });

test('counts refused categories on the sender tab, from the site or its about: frames', async () => {
  const { handle, counted } = setup();
  await handle({ analytics: 2, advertising: 1 }, page(1));
  await handle({ analytics: 1 }, page(1, 'about:blank'));
  await handle({ analytics: 1 }, page(1, 'about:srcdoc'));
  expect(counted).toEqual([
    [1, 'mini.test', { analytics: 2, advertising: 1 }],
    [1, 'mini.test', { analytics: 1 }],
    [1, 'mini.test', { analytics: 1 }],
  ]);
});

test('allowed, unknown and unrefusable categories, other sites, no tab and malformed reports count nothing', async () => {
  const { handle, counted } = setup(setDefaultChoice(freshSettings(), 'analytics', true));
  await handle({ analytics: 4, 'strictly-necessary': 1, nonsense: 2 }, page(1));
  await handle({ advertising: 1 }, page(1, 'https://www.elsewhere.test/'));
  await handle({ advertising: 1 }, page(3));
  await handle({ advertising: 1 }, { url: 'https://www.mini.test/' });
  await handle({ advertising: 1 }, page(-1));
  for (const bad of [
    null,
    'x',
    [],
    { advertising: 0 },
    { advertising: 1.5 },
    { advertising: 1001 },
    { __proto__x: 1 },
    { Advertising: 1 },
  ]) {
    await handle(bad, page(1));
  }
  await handle({ advertising: 1 }, page(1));
  expect(counted).toEqual([[1, 'mini.test', { advertising: 1 }]]);
});
