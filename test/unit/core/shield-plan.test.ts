import { freshSettings } from '../../../src/core/settings';
import { setDefaultChoice, setPreferences, setSiteChoice, setSitePaused } from '../../../src/core/settings-ops';
import { SHIELD_GLOBAL } from '../../../src/core/shield-global';
import { cookiePatternsByCategory, shieldDataScript, shieldPlan } from '../../../src/core/shield-plan';
import { buildSiteIndex } from '../../../src/core/site-index';
import { cookieToRemove } from '../../../src/core/verdicts';
import { matchName, namePatterns } from '../../../src/core/cookie-names';
import { MINI, twinOf } from './mini-site';

const TWIN = twinOf(MINI, 'twin', ['twin.test']);

/** The patterns the registered data files hand the shield, by running their text against a fake global. */
function shieldPatterns(settings = freshSettings()): string[] {
  const scope: Record<string, unknown> = {};
  const [script] = shieldPlan([MINI], settings);
  for (const file of script?.js.slice(0, -1) ?? []) {
    const category = file.split('/')[2]!.replace(/\.js$/, '');
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs the generated data file, as the page would
    new Function('globalThis', shieldDataScript(cookiePatternsByCategory(MINI).get(category)!))(scope);
  }
  return (scope[SHIELD_GLOBAL] as string[] | undefined) ?? [];
}

test('default choices: the refused categories with cookie names, in notice order, then the shield, on every domain', () => {
  expect(shieldPlan([MINI], freshSettings())).toEqual([
    {
      id: 'shield-mini',
      js: ['shield/mini/analytics.js', 'shield/mini/advertising.js', 'cookie-shield.js'],
      matches: ['*://*.mini.test/*', '*://*.mini-cdn.net/*'],
    },
  ]);
});

test('a paused site, or one that refuses nothing with cookie names, gets no shield', () => {
  const allowAll = ['analytics', 'advertising'].reduce((settings, category) => setDefaultChoice(settings, category, true), freshSettings());
  expect(shieldPlan([MINI], allowAll)).toEqual([]);
  expect(shieldPlan([MINI], setSitePaused(setSitePaused(freshSettings(), 'mini.test', true), 'mini-cdn.net', true))).toEqual([]);
  expect(
    shieldPlan([MINI, TWIN], setSitePaused(setSitePaused(freshSettings(), 'mini.test', true), 'mini-cdn.net', true)).map(
      (script) => script.id,
    ),
  ).toEqual(['shield-twin']);
});

test("a domain's own choices decide its files, on its pages only; categories without cookie names have none", () => {
  const settings = setSiteChoice(setSiteChoice(freshSettings(), 'mini.test', 'functionality', false), 'mini.test', 'analytics', true);
  expect(shieldPlan([MINI], settings)).toEqual([
    {
      id: 'shield-mini',
      js: ['shield/mini/functionality.js', 'shield/mini/advertising.js', 'cookie-shield.js'],
      matches: ['*://*.mini.test/*'],
    },
    {
      id: 'shield-mini@mini-cdn.net',
      js: ['shield/mini/analytics.js', 'shield/mini/advertising.js', 'cookie-shield.js'],
      matches: ['*://*.mini-cdn.net/*'],
    },
  ]);
  expect(cookiePatternsByCategory(MINI)).toEqual(
    new Map([
      ['functionality', ['chat_id']],
      ['analytics', ['_st', '_st_*']],
      ['advertising', ['_ad']],
    ]),
  );
});

test('the shield refuses exactly the first-party names the worker would remove as a refused category', () => {
  const index = buildSiteIndex([MINI]);
  const names = ['_st', '_st_1', '_stx', '_ad', '_ad_1', 'chat_id', 'session.token', '__Host-x', 'ConsentState', 'theme', ''];
  for (const settings of [
    freshSettings(),
    setDefaultChoice(freshSettings(), 'functionality', false),
    setPreferences(freshSettings(), { unknownCookies: 'remove' }),
  ]) {
    const patterns = shieldPatterns(settings);
    for (const name of names) {
      const removed = cookieToRemove(index, settings, { name, domain: '.mini.test' });
      expect([name, matchName(namePatterns(patterns.map((pattern) => [pattern, true] as const)), name) === true]).toEqual([
        name,
        removed !== null && removed.category !== 'unknown',
      ]);
    }
  }
});
