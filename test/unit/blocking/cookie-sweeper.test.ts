import { createCookieSweeper } from '../../../src/blocking/cookie-sweeper';
import type { CookieJar, JarCookie } from '../../../src/ports/cookies';
import { freshSettings } from '../../../src/settings/settings';
import { setPreferences, setSiteChoice } from '../../../src/settings/ops';
import { buildSiteIndex } from '../../../src/knowledge/site-index';
import { UNKNOWN_CATEGORY } from '../../../src/blocking/verdicts';
import { MINI } from '../../support/mini-site';

const cookie = (name: string, domain: string, extra: Partial<JarCookie> = {}): JarCookie => ({
  name,
  value: 'v',
  domain,
  storeId: '0',
  path: '/',
  secure: true,
  ...extra,
});

function fakeJar(cookies: JarCookie[]): Pick<CookieJar, 'cookiesIn' | 'remove'> & { left: () => string[] } {
  let jar = [...cookies];
  return {
    async cookiesIn(domains) {
      return jar.filter((c) =>
        domains.some((d) => c.domain.endsWith(d) || c.partitionKey?.topLevelSite?.endsWith(d) || c.firstPartyDomain === d),
      );
    },
    async remove(removed) {
      jar = jar.filter((c) => c !== removed);
    },
    left: () => jar.map((c) => `${c.storeId}:${c.name}@${c.domain}`).sort(),
  };
}

const index = buildSiteIndex([MINI]);
const indexOf = () => index;

test('the sweep removes refused cookies of covered sites in every store and partition, and only those', async () => {
  const jar = fakeJar([
    cookie('_st', '.mini.test'),
    cookie('_st_X1', '.mini.test', { storeId: 'firefox-container-1' }),
    cookie('_ad', 'mini-cdn.net', { partitionKey: { topLevelSite: 'https://mini-cdn.net' } }),
    cookie('uid', '.ads.example', { partitionKey: { topLevelSite: 'https://mini.test' } }),
    cookie('uid', '.ads.example', { firstPartyDomain: 'mini.test' }),
    cookie('session.token', '.mini.test'),
    cookie('ConsentState', '.mini.test'),
    cookie('chat_id', '.mini.test'),
    cookie('theme', '.mini.test'),
    cookie('_st', '.elsewhere.test'),
  ]);
  const removed: string[] = [];
  const guard = createCookieSweeper({
    jar,
    indexOf,
    settings: async () => freshSettings(),
    onRemoved: ({ category, tracker }, name) => removed.push(`${category}:${tracker}:${name}`),
  });
  await guard.sweep();
  expect(jar.left()).toEqual([
    '0:ConsentState@.mini.test',
    '0:_st@.elsewhere.test',
    '0:chat_id@.mini.test',
    '0:session.token@.mini.test',
    '0:theme@.mini.test',
  ]);
  expect(removed.sort()).toEqual([
    'advertising:ads:_ad',
    'advertising:ads:uid',
    'advertising:ads:uid',
    'analytics:stats:_st',
    'analytics:stats:_st_X1',
  ]);
});

test('a removed unknown cookie is told with its name and no tracker', async () => {
  const theme = cookie('theme', '.mini.test');
  const jar = fakeJar([theme, cookie('chat_id', '.mini.test')]);
  const removed: Array<[string, string | null, string]> = [];
  const guard = createCookieSweeper({
    jar,
    indexOf,
    settings: async () => setPreferences(freshSettings(), { unknownCookies: 'remove' }),
    onRemoved: ({ category, tracker }, name) => removed.push([category, tracker, name]),
  });
  await guard.changed({ removed: false, cookie: theme });
  expect(jar.left()).toEqual(['0:chat_id@.mini.test']);
  expect(removed).toEqual([[UNKNOWN_CATEGORY, null, 'theme']]);
});

test('a refused cookie is removed when it appears; removals and allowed cookies are left alone', async () => {
  const appeared = cookie('_st', '.mini.test');
  const jar = fakeJar([appeared, cookie('chat_id', '.mini.test')]);
  let settings = freshSettings();
  const guard = createCookieSweeper({ jar, indexOf, settings: async () => settings, onRemoved: () => undefined });
  await guard.changed({ removed: true, cookie: appeared });
  expect(jar.left()).toEqual(['0:_st@.mini.test', '0:chat_id@.mini.test']);
  await guard.changed({ removed: false, cookie: appeared });
  expect(jar.left()).toEqual(['0:chat_id@.mini.test']);
  settings = setSiteChoice(settings, 'mini.test', 'functionality', false);
  await guard.sweep();
  expect(jar.left()).toEqual([]);
});

test('the sweep asks for the dotted spelling too: a page at "www.mini.test." stores its cookies there', async () => {
  // As cookies.getAll({ domain }) answers in Chromium and Firefox (tried): the domain and its subdomains as spelled,
  // so "mini.test" misses "www.mini.test.".
  const asSpelled = (domain: string, asked: string): boolean => {
    const bare = domain.replace(/^\./, '');
    return bare === asked || bare.endsWith(`.${asked}`);
  };
  let jar = [cookie('_st', 'www.mini.test.'), cookie('_ad', 'mini-cdn.net.'), cookie('session.token', 'www.mini.test.')];
  const asked: string[] = [];
  const guard = createCookieSweeper({
    jar: {
      async cookiesIn(domains) {
        asked.push(...domains);
        return jar.filter((c) => domains.some((d) => asSpelled(c.domain, d)));
      },
      async remove(removed) {
        jar = jar.filter((c) => c !== removed);
      },
    },
    indexOf,
    settings: async () => freshSettings(),
    onRemoved: () => undefined,
  });
  await guard.sweep();
  expect(asked).toEqual(['mini.test', 'mini.test.', 'mini-cdn.net', 'mini-cdn.net.']);
  expect(jar.map((c) => `${c.name}@${c.domain}`)).toEqual(['session.token@www.mini.test.']);
});
