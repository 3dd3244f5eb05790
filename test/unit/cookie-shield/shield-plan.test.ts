import { freshSettings } from '../../../src/settings/settings';
import { setDefaultChoice, setPreferences, setSiteChoice, setSitePaused } from '../../../src/settings/ops';
import { readShieldData, SHIELD_GLOBAL, shieldDataScript, type ShieldData } from '../../../src/cookie-shield/shield-global';
import { shieldDataByCategory, shieldPlan } from '../../../src/cookie-shield/shield-plan';
import { buildSiteIndex } from '../../../src/knowledge/site-index';
import { cookieToRemove } from '../../../src/blocking/verdicts';
import { matchName, namePatterns } from '../../../src/knowledge/cookie-names';
import { MINI, twinOf } from '../../support/mini-site';

const TWIN = twinOf(MINI, 'twin', ['twin.test']);

/** The data the registered data files hand the shield, by running their text against a fake global. */
function shieldData(settings = freshSettings()): ShieldData[] {
  const scope: Record<string, unknown> = {};
  const [script] = shieldPlan([MINI], settings);
  for (const file of script?.js.slice(0, -1) ?? []) {
    const category = file.split('/')[2]!.replace(/\.js$/, '');
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs the generated data file, as the page would
    new Function('globalThis', shieldDataScript(shieldDataByCategory(MINI).get(category)!))(scope);
  }
  return readShieldData(scope[SHIELD_GLOBAL]);
}

const MINI_MATCHES = ['*://*.mini.test/*', '*://*.mini.test./*', '*://*.mini-cdn.net/*', '*://*.mini-cdn.net./*'];

test('default choices: the refused categories with names, in notice order, then the shield, and its relay, on every domain in both spellings', () => {
  expect(shieldPlan([MINI], freshSettings())).toEqual([
    {
      id: 'shield-mini',
      js: ['shield/mini/analytics.js', 'shield/mini/advertising.js', 'cookie-shield.js'],
      matches: MINI_MATCHES,
      world: 'MAIN',
    },
    { id: 'shield-relay-mini', js: ['shield-relay.js'], matches: MINI_MATCHES, world: 'ISOLATED' },
  ]);
});

test('a paused site, or one that refuses nothing with names, gets no shield', () => {
  const allowAll = ['analytics', 'advertising'].reduce((settings, category) => setDefaultChoice(settings, category, true), freshSettings());
  expect(shieldPlan([MINI], allowAll)).toEqual([]);
  expect(shieldPlan([MINI], setSitePaused(setSitePaused(freshSettings(), 'mini.test', true), 'mini-cdn.net', true))).toEqual([]);
  expect(
    shieldPlan([MINI, TWIN], setSitePaused(setSitePaused(freshSettings(), 'mini.test', true), 'mini-cdn.net', true)).map(
      (script) => script.id,
    ),
  ).toEqual(['shield-twin', 'shield-relay-twin']);
});

test("a domain's own choices decide its files, on its pages only; a category's data holds script-set and server-set cookies and storage keys", () => {
  const settings = setSiteChoice(setSiteChoice(freshSettings(), 'mini.test', 'functionality', false), 'mini.test', 'analytics', true);
  const onMini = ['*://*.mini.test/*', '*://*.mini.test./*'];
  const onCdn = ['*://*.mini-cdn.net/*', '*://*.mini-cdn.net./*'];
  expect(shieldPlan([MINI], settings)).toEqual([
    {
      id: 'shield-mini',
      js: ['shield/mini/functionality.js', 'shield/mini/advertising.js', 'cookie-shield.js'],
      matches: onMini,
      world: 'MAIN',
    },
    { id: 'shield-relay-mini', js: ['shield-relay.js'], matches: onMini, world: 'ISOLATED' },
    {
      id: 'shield-mini@mini-cdn.net',
      js: ['shield/mini/analytics.js', 'shield/mini/advertising.js', 'cookie-shield.js'],
      matches: onCdn,
      world: 'MAIN',
    },
    { id: 'shield-relay-mini@mini-cdn.net', js: ['shield-relay.js'], matches: onCdn, world: 'ISOLATED' },
  ]);
  expect(shieldDataByCategory(MINI)).toEqual(
    new Map([
      ['functionality', { category: 'functionality', cookies: ['chat_id'], storage: [] }],
      ['analytics', { category: 'analytics', cookies: ['_st', '_st_*'], storage: ['_st_ls', '_st_ls_*'] }],
      ['advertising', { category: 'advertising', cookies: ['_ad', 'FP_AD'], storage: [] }],
    ]),
  );
});

test('the shield refuses exactly the first-party names the worker would remove as a refused category', () => {
  const index = buildSiteIndex([MINI]);
  const names = ['_st', '_st_1', '_stx', '_ad', '_ad_1', 'FP_AD', 'chat_id', 'session.token', '__Host-x', 'ConsentState', 'theme', ''];
  for (const settings of [
    freshSettings(),
    setDefaultChoice(freshSettings(), 'functionality', false),
    setPreferences(freshSettings(), { unknownCookies: 'remove' }),
  ]) {
    const data = shieldData(settings);
    const patterns = namePatterns(data.flatMap(({ category, cookies }) => cookies.map((name) => [name, category] as const)));
    for (const name of names) {
      const removed = cookieToRemove(index, settings, { name, domain: '.mini.test' });
      expect([name, matchName(patterns, name) ?? null]).toEqual([
        name,
        removed === null || removed.category === 'unknown' ? null : removed.category,
      ]);
    }
  }
});

test('the shield reads only well-formed data from its global', () => {
  const good = { category: 'analytics', cookies: ['_st'], storage: ['_st_ls'] };
  expect(
    readShieldData([good, 'x', null, { category: 1, cookies: [], storage: [] }, { category: 'a', cookies: [1], storage: [] }]),
  ).toEqual([good]);
  expect(readShieldData(undefined)).toEqual([]);
  expect(readShieldData({ length: 1, 0: good })).toEqual([]);
});
