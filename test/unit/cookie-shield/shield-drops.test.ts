import { createShieldDrops } from '../../../src/cookie-shield/shield-drops';
import { MAX_DROPS_PER_DOCUMENT } from '../../../src/cookie-shield/shield-report';
import { MAX_DROPS_PER_REPORT } from '../../../src/cookie-shield/shield-tally';
import type { StoppedThing } from '../../../src/tab-counts/tab-counts';
import { freshSettings, type Settings } from '../../../src/settings/settings';
import { setDefaultChoice } from '../../../src/settings/ops';
import { buildSiteIndex } from '../../../src/knowledge/site-index';
import { MINI } from '../../support/mini-site';

/** The handler with MINI on every tab but tab 3 (a page not covered); returns what it counted. */
function setup(settings: Settings = freshSettings()) {
  const counted: Array<[number, string, Record<string, { count: number; stopped: readonly StoppedThing[] }>]> = [];
  const handle = createShieldDrops({
    indexOf: () => buildSiteIndex([MINI]),
    settings: async () => settings,
    pageOf: async (tabId) => (tabId === 3 ? null : { site: MINI, domain: 'mini.test' }),
    counter: { dropped: async (tabId, domain, drops) => void counted.push([tabId, domain, { ...drops }]) },
  });
  return { handle, counted };
}

const page = (tabId: number, url = 'https://www.mini.test/') => ({ tab: { id: tabId }, url });
/** A report's category with `count` writes, none named. */
const only = (count: number) => ({ count, names: [] });
const unnamed = (count: number) => ({ count, stopped: [] });

test('counts refused categories on the sender tab, from the site or its about: frames', async () => {
  const { handle, counted } = setup();
  await handle({ analytics: only(2), advertising: only(1) }, page(1));
  await handle({ analytics: only(1) }, page(1, 'about:blank'));
  await handle({ analytics: only(1) }, page(1, 'about:srcdoc'));
  expect(counted).toEqual([
    [1, 'mini.test', { analytics: unnamed(2), advertising: unnamed(1) }],
    [1, 'mini.test', { analytics: unnamed(1) }],
    [1, 'mini.test', { analytics: unnamed(1) }],
  ]);
});

test('lists a name under the tracker of that category the knowledge gives it, as the shield matched it: exact or by prefix', async () => {
  const { handle, counted } = setup();
  await handle(
    {
      analytics: {
        count: 6,
        names: [
          { kind: 'cookie', name: '_st_abc', count: 2 },
          { kind: 'storage', name: '_st_ls', count: 1 },
          { kind: 'storage', name: '_st_ls_x', count: 1 },
        ],
      },
      advertising: { count: 1, names: [{ kind: 'cookie', name: 'FP_AD', count: 1 }] },
    },
    page(1),
  );
  expect(counted).toEqual([
    [
      1,
      'mini.test',
      {
        analytics: {
          count: 6,
          stopped: [
            { tracker: 'stats', kind: 'cookie', what: '_st_abc', count: 2 },
            { tracker: 'stats', kind: 'storage', what: '_st_ls', count: 1 },
            { tracker: 'stats', kind: 'storage', what: '_st_ls_x', count: 1 },
          ],
        },
        advertising: { count: 1, stopped: [{ tracker: 'ads', kind: 'cookie', what: 'FP_AD', count: 1 }] },
      },
    ],
  ]);
});

test("a name no tracker of that category has is counted, not listed: unknown, another category's, the other kind's", async () => {
  const { handle, counted } = setup();
  const name = (kind: 'cookie' | 'storage', value: string) => ({ kind, name: value, count: 1 });
  await handle(
    {
      // Under analytics: an unknown cookie, advertising's cookie, an allowed category's, its own cookie "_st" given as a
      // storage key. Under advertising: its cookie "_ad" as a storage key, analytics' "_st_*", the sign-in cookie.
      analytics: { count: 4, names: [name('cookie', 'theme'), name('cookie', '_ad'), name('cookie', 'chat_id'), name('storage', '_st')] },
      advertising: { count: 3, names: [name('storage', '_ad'), name('cookie', '_st_ls'), name('cookie', 'session.token')] },
    },
    page(1),
  );
  expect(counted).toEqual([[1, 'mini.test', { analytics: unnamed(4), advertising: unnamed(3) }]]);
});

test('allowed, unknown and unrefusable categories, other sites, no tab and malformed reports count nothing', async () => {
  const { handle, counted } = setup(setDefaultChoice(freshSettings(), 'analytics', true));
  await handle({ analytics: only(4), 'strictly-necessary': only(1), nonsense: only(2) }, page(1));
  await handle({ advertising: only(1) }, page(1, 'https://www.elsewhere.test/'));
  await handle({ advertising: only(1) }, page(3));
  await handle({ advertising: only(1) }, { url: 'https://www.mini.test/' });
  await handle({ advertising: only(1) }, page(-1));
  for (const bad of [
    null,
    'x',
    [],
    { advertising: 1 },
    { advertising: only(0) },
    { advertising: only(1.5) },
    { advertising: only(1001) },
    { advertising: { count: 1, names: [{ kind: 'request', name: 'ads.example', count: 1 }] } },
    { advertising: { count: 1, names: [{ kind: 'cookie', name: '_ad', count: 2 }] } },
    { __proto__x: only(1) },
    { Advertising: only(1) },
  ]) {
    await handle(bad, page(1));
  }
  await handle({ advertising: only(1) }, page(1));
  expect(counted).toEqual([[1, 'mini.test', { advertising: unnamed(1) }]]);
});

test('a flood from many blank frames of one page counts at most MAX_DROPS_PER_DOCUMENT in all; a new top document starts again', async () => {
  const { handle, counted } = setup();
  const total = () => counted.reduce((sum, [, , drops]) => sum + Object.values(drops).reduce((all, { count }) => all + count, 0), 0);
  const top = { ...page(1), frameId: 0, documentId: 'top-1' };
  await handle({ analytics: only(1) }, top);
  // Each blank frame its own document with a relay of its own, reporting as much as a relay lets one document.
  for (let frame = 1; frame <= 30; frame++) {
    const blank = { ...page(1, 'about:blank'), frameId: frame, documentId: `blank-${frame}` };
    for (let report = 0; report < 4; report++) await handle({ analytics: only(MAX_DROPS_PER_REPORT) }, blank);
  }
  expect(total()).toBe(MAX_DROPS_PER_DOCUMENT);
  // Another tab has a budget of its own; the same tab's next page too.
  await handle({ analytics: only(2) }, { ...page(2), frameId: 0, documentId: 'other-tab' });
  await handle({ analytics: only(3) }, { ...page(1), frameId: 0, documentId: 'top-2' });
  expect(counted.slice(-2)).toEqual([
    [2, 'mini.test', { analytics: unnamed(2) }],
    [1, 'mini.test', { analytics: unnamed(3) }],
  ]);
  expect(total()).toBe(MAX_DROPS_PER_DOCUMENT + 5);
});
