import { createSiteProtector } from '../../../src/protected-sites/site-protector';
import { freshSettings, type Settings } from '../../../src/settings/settings';
import { loadSites } from '../../../src/knowledge/load';
import { group, oneTrust } from './observations';
import { failureText, problemText } from '../../../src/ui/declaration-text';

/** What the popup says when `action` fails: the thrown problem in its words ("succeeded" when it did not fail). */
const failure = (action: Promise<unknown>) =>
  action.then(
    () => 'succeeded',
    (error: unknown) => failureText(error instanceof Error ? error.message : String(error)),
  );

const HARBOR = oneTrust([
  group({
    id: 'HB-ESS',
    name: 'Essential',
    status: 'always active',
    cookies: [{ name: 'hb_session', host: 'harbor.example', pattern: '' }],
  }),
  group({ id: 'HB-STATS', name: 'Site statistics', hosts: [{ host: 'collect.statsbeam.net', cookies: [] }] }),
]);

interface Options {
  /** The tab's URL; null when the extension may not see it. */
  url?: string | null;
  /** What the page's main world reports. */
  observed?: unknown;
  granted?: boolean;
  /** Domains the browser's own Public Suffix List makes suffixes. */
  browserSuffixes?: string[];
  rulesProblem?: () => string | null;
}

function setup({
  url = 'https://www.harbor.example/books',
  observed = HARBOR,
  granted = true,
  browserSuffixes = [],
  rulesProblem = () => null,
}: Options = {}) {
  let settings = freshSettings();
  const removed: string[][] = [];
  const page = { observed, readings: 0 };
  const clock = { now: new Date('2026-11-30T12:00:00Z').getTime() };
  const protector = createSiteProtector({
    pages: { runInMainWorld: async () => (page.readings++, page.observed) },
    permissions: { contains: async () => granted, remove: async (origins) => (removed.push(origins), true) },
    jar: { takesDomainCookies: async (domain) => !browserSuffixes.includes(domain) },
    tabUrl: async () => url ?? undefined,
    bundled: loadSites(),
    settings: async () => settings,
    change: async (edit: (current: Settings) => Settings) => (settings = edit(settings)),
    now: () => new Date(clock.now),
    rulesProblem,
  });
  return { protector, page, clock, removed, settings: () => settings };
}

test('reads the declaration of the page on the tab, with the permission it would ask for', async () => {
  const { protector } = setup();
  expect(await protector.read(1)).toMatchObject({
    state: 'found',
    domain: 'harbor.example',
    origins: ['*://*.harbor.example/*'],
    summary: { consentManager: 'OneTrust', cookies: 1, hosts: 1 },
  });
});

test('says why there is nothing to read: a hidden URL, no web page, no declaration, a refused one', async () => {
  expect(await setup({ url: null }).protector.read(1)).toMatchObject({ state: 'unreadable' });
  expect(await setup({ url: 'chrome://settings/' }).protector.read(1)).toMatchObject({
    state: 'unreadable',
    problem: { code: 'not-a-web-page' },
  });
  expect(problemText({ code: 'not-a-web-page' })).toMatch(/not a web page/);
  expect(await setup({ observed: { platform: null } }).protector.read(1)).toMatchObject({ state: 'none', domain: 'harbor.example' });
  expect(await setup({ observed: { platform: 'onetrust', groups: 'x' } }).protector.read(1)).toMatchObject({ state: 'refused' });
});

test('protects only with the host permission granted, from a fresh reading, and never a bundled site', async () => {
  const refused = setup({ granted: false });
  expect(await failure(refused.protector.protect(1, 'harbor.example'))).toMatch(/was not given access to harbor\.example/);
  expect(refused.settings().protectedSites).toEqual({});

  const { protector, settings } = setup();
  await protector.protect(1, 'harbor.example');
  expect(settings().protectedSites['harbor.example']?.site.declared).toMatchObject({
    platform: 'onetrust',
    captured: '2026-11-30T12:00:00.000Z',
  });

  const bundled = setup({ url: 'https://www.atlassian.com/' });
  expect(await failure(bundled.protector.protect(1, 'atlassian.com'))).toMatch(/bundled knowledge base/);
  expect(bundled.removed).toEqual([['*://*.atlassian.com/*']]);
});

test('protects only the domain the popup showed, and gives the access back when protecting fails', async () => {
  const { protector, settings, removed } = setup({ url: 'https://www.elsewhere.example/' });
  expect(await failure(protector.protect(1, 'harbor.example'))).toMatch(/no longer shows harbor\.example/);
  expect(settings().protectedSites).toEqual({});
  const refused = setup({ observed: { platform: 'onetrust', groups: 'forged' } });
  expect(await failure(refused.protector.protect(1, 'harbor.example'))).toMatch(/not in a shape this version reads/);
  expect(refused.removed).toEqual([['*://*.harbor.example/*']]);
  expect(removed).toEqual([]);
});

test("a domain the browser's own list makes a public suffix is not protected, though tldts's list finds it a site", async () => {
  const { protector, settings, removed } = setup({ browserSuffixes: ['harbor.example'] });
  expect(await failure(protector.protect(1, 'harbor.example'))).toBe(
    "your browser treats harbor.example as shared by many sites, so protecting it could remove other sites' cookies",
  );
  expect(settings().protectedSites).toEqual({});
  expect(removed).toEqual([['*://*.harbor.example/*']]);
});

test('a site whose rules would not fit the browser is not protected', async () => {
  const { protector, settings } = setup();
  const over = setup({ rulesProblem: () => 'protecting it would need 5000 rules' });
  expect(await failure(over.protector.protect(1, 'harbor.example'))).toMatch(/5000 rules/);
  expect(over.settings().protectedSites).toEqual({});
  await protector.protect(1, 'harbor.example');
  expect(Object.keys(settings().protectedSites)).toEqual(['harbor.example']);
});

test('a later visit records what changed; an unreadable or refused reading keeps the last good record', async () => {
  const { protector, page, clock, settings } = setup();
  await protector.protect(1, 'harbor.example');
  const before = settings().protectedSites['harbor.example'];
  page.observed = { platform: 'onetrust', groups: 'forged' };
  await protector.loaded(1, 'https://www.harbor.example/');
  expect(settings().protectedSites['harbor.example']).toBe(before);
  clock.now += 60_000;
  page.observed = oneTrust([
    ...HARBOR.groups,
    group({ id: 'HB-ADS', name: 'Advertising', hosts: [{ host: 'px.adgrid.example', cookies: [] }] }),
  ]);
  await protector.loaded(1, 'https://www.harbor.example/');
  expect(settings().protectedSites['harbor.example']?.changes[0]?.lines).toEqual([
    'New category “Advertising”',
    'New host “px.adgrid.example” in “Advertising”',
  ]);
  // Another site's page reads nothing.
  page.observed = { platform: 'onetrust', groups: 'never read' };
  await protector.loaded(1, 'https://www.elsewhere.example/');
});

test('a protected site serving a refused declaration is not read on every load: it backs off, doubling', async () => {
  const { protector, page, clock, settings } = setup();
  await protector.protect(1, 'harbor.example');
  const before = settings().protectedSites['harbor.example'];
  page.observed = { platform: 'onetrust', oversized: true };
  const load = async () => {
    const readings = page.readings;
    await protector.loaded(1, 'https://www.harbor.example/');
    return page.readings - readings;
  };
  expect(await load()).toBe(1);
  expect(await load()).toBe(0);
  clock.now += 60_000;
  expect(await load()).toBe(1);
  clock.now += 60_000;
  expect(await load()).toBe(0);
  clock.now += 60_000;
  expect(await load()).toBe(1);
  expect(settings().protectedSites['harbor.example']).toBe(before);
  // Once it reads again, every load reads it.
  page.observed = HARBOR;
  clock.now += 4 * 60_000;
  expect([await load(), await load()]).toEqual([1, 1]);
});

test('stopping protection forgets the site and gives its host permission back', async () => {
  const { protector, settings, removed } = setup();
  expect(await failure(protector.unprotect('atlassian.com'))).toMatch(/not a site you protected/);
  await protector.protect(1, 'harbor.example');
  await protector.unprotect('harbor.example');
  expect(settings().protectedSites).toEqual({});
  expect(removed).toEqual([['*://*.harbor.example/*']]);
  // A site still protected keeps its permission.
  await protector.protect(1, 'harbor.example');
  await protector.release(['harbor.example']);
  expect(removed).toHaveLength(1);
});
