import { createCmpAnswerer } from '../../../src/background/cmp-answerer';
import { choicesOn } from '../../../src/core/choices';
import { freshSettings, type Settings } from '../../../src/core/settings';
import { setSiteChoice, setSitePaused } from '../../../src/core/settings-ops';
import { loadSites } from '../../../src/knowledge/load';
import type { CookieJar, JarCookie, NewCookie } from '../../../src/ports/cookies';

const sites = loadSites();
const site = sites.find((candidate) => candidate.id === 'atlassian')!;

/** A jar of first-party cookies that records every write and removal. */
function fakeJar() {
  const cookies = new Map<string, JarCookie>();
  const key = (name: string, domain: string) => `${name}@${domain.replace(/^\./, '')}`;
  const writes: NewCookie[] = [];
  const jar: Pick<CookieJar, 'cookiesIn' | 'set' | 'remove'> = {
    cookiesIn: async (domains) =>
      [...cookies.values()].filter((cookie) => domains.some((domain) => cookie.domain.replace(/^\./, '').endsWith(domain))),
    set: async (cookie) => {
      writes.push(cookie);
      cookies.set(key(cookie.name, cookie.domain), { ...cookie, domain: `.${cookie.domain}`, path: '/', secure: true, storeId: '0' });
    },
    remove: async (cookie) => void cookies.delete(key(cookie.name, cookie.domain)),
  };
  const put = (name: string, value: string, domain: string) =>
    cookies.set(key(name, domain), { name, value, domain, path: '/', secure: true, storeId: '0' });
  return { jar, writes, cookies, put };
}

function setup(current: Settings = freshSettings()) {
  const { jar, writes, cookies, put } = fakeJar();
  let settings = current;
  const reported: unknown[] = [];
  const answerer = createCmpAnswerer({
    jar,
    sites,
    choicesFor: (answeredSite, domain, now) => choicesOn(answeredSite, now, domain),
    settings: async () => settings,
    clock: () => ({ now: new Date('2026-11-30T10:00:00Z'), newConsentId: () => 'fresh-id' }),
    report: (error) => void reported.push(error),
  });
  const groupsOn = (domain: string) => new URLSearchParams(cookies.get(`OptanonConsent@${domain}`)?.value ?? '').get('groups');
  return { answerer, writes, cookies, put, groupsOn, reported, use: (next: Settings) => (settings = next) };
}

test('every covered domain gets a record of the default choices, and nothing more when it already agrees', async () => {
  const { answerer, writes, groupsOn } = setup();
  await answerer.apply(freshSettings());
  expect(new Set(writes.map((write) => write.domain))).toEqual(new Set(site.domains));
  expect(groupsOn('bitbucket.org')).toBe('C0001:1,C0002:0,C0003:1,C0004:0,C0005:0');
  writes.length = 0;
  await answerer.apply(freshSettings());
  expect(writes).toEqual([]);
});

test('a burst of choice changes answers the newest settings, once, not every one in between', async () => {
  const { answerer, writes, groupsOn } = setup();
  const burst = Array.from({ length: 50 }, (_, n) => setSiteChoice(freshSettings(), 'trello.com', 'functionality', n % 2 === 0));
  await Promise.all(burst.map((settings) => answerer.apply(settings)));
  // All fifty are queued before the first answer runs, so they collapse into one answer: the last one's.
  expect(writes.length).toBe(site.domains.length * 2);
  expect(groupsOn('trello.com')).toBe('C0001:1,C0002:0,C0003:0,C0004:0,C0005:0');
});

test('a page that rewrites the record to "allow all" is answered again; the answer does not loop', async () => {
  const { answerer, writes, put, groupsOn } = setup();
  await answerer.apply(freshSettings());
  put('OptanonConsent', 'consentId=x&groups=C0001%3A1%2CC0002%3A1%2CC0003%3A1%2CC0004%3A1%2CC0005%3A1', '.atlassian.com');
  writes.length = 0;
  const changed = (value: string) =>
    answerer.changed({
      removed: false,
      cookie: { name: 'OptanonConsent', value, domain: '.atlassian.com', path: '/', secure: true, storeId: '0' },
    });
  await changed('x');
  expect(groupsOn('atlassian.com')).toBe('C0001:1,C0002:0,C0003:1,C0004:0,C0005:0');
  expect(writes.map((write) => write.name)).toEqual(['OptanonConsent', 'OptanonAlertBoxClosed']);
  writes.length = 0;
  await changed('the answer itself');
  expect(writes).toEqual([]);
});

test('a paused domain has no answer, so its banner asks; a removed record stays removed while paused; other domains keep theirs', async () => {
  const paused = setSitePaused(setSiteChoice(freshSettings(), 'trello.com', 'functionality', false), 'trello.com', true);
  const { answerer, cookies, use } = setup();
  await answerer.apply(freshSettings());
  expect(cookies.size).toBe(site.domains.length * 2);
  use(paused);
  await answerer.apply(paused);
  expect(cookies.size).toBe((site.domains.length - 1) * 2);
  expect([...cookies.keys()].filter((key) => key.endsWith('@trello.com'))).toEqual([]);
  await answerer.changed({
    removed: true,
    cookie: { name: 'OptanonConsent', value: '', domain: '.trello.com', path: '/', secure: true, storeId: '0' },
  });
  expect(cookies.size).toBe((site.domains.length - 1) * 2);
});

test('a forged record is replaced and reported', async () => {
  const { answerer, put, groupsOn, reported } = setup();
  put('OptanonConsent', 'groups=C0001%3Ayes', '.trello.com');
  await answerer.apply(freshSettings());
  expect(groupsOn('trello.com')).toBe('C0001:1,C0002:0,C0003:1,C0004:0,C0005:0');
  expect(reported).toEqual([expect.stringContaining('the stored OptanonConsent on trello.com was replaced')]);
});

test('a second copy of the record (host-only, as a page script may write it) is removed, so the answer does not fight it', async () => {
  const { answerer, writes, cookies, put, groupsOn } = setup();
  put('OptanonConsent', 'groups=C0002%3A1', 'www.atlassian.com');
  await answerer.apply(freshSettings());
  expect(cookies.has('OptanonConsent@www.atlassian.com')).toBe(false);
  expect(groupsOn('atlassian.com')).toBe('C0001:1,C0002:0,C0003:1,C0004:0,C0005:0');
  writes.length = 0;
  put('OptanonConsent', 'random', 'www.atlassian.com');
  await answerer.changed({
    removed: false,
    cookie: { name: 'OptanonConsent', value: 'random', domain: 'www.atlassian.com', path: '/', secure: true, storeId: '0' },
  });
  expect(cookies.has('OptanonConsent@www.atlassian.com')).toBe(false);
  expect(writes).toEqual([]);
});
