/**
 * @jest-environment jsdom
 */
// The replica's declared sites (test/e2e/replica/declared-sites.ts) read as designed: each variant's fake CMP script,
// run in a DOM as the page runs it, read by the extension's main-world reader and the core (readDeclaration), and made
// into a site record (declaredSite). The page's plan is the same data the e2e pages act on.
import knowledgeSites from 'knowledge:sites';
import { readDeclarations } from '../../../src/protected-sites/page/declarations-page';
import { readDeclaration, type Declaration } from '../../../src/protected-sites/declaration';
import { worded } from './observations';
import { declaredSite } from '../../../src/protected-sites/declared-site';
import { isWithin } from '../../../src/shared/hosts';
import { validateSite } from '../../../src/knowledge/schema';
import { DECLARED_SITE_PATTERNS } from '../../../src/build/test-build-grants';
import {
  DECLARED_REPLICA_HOSTS,
  DECLARED_SITE_IDS,
  DECLARED_VARIANTS,
  cookiebotDialog,
  declaredCmpScript,
  declaredSitePlan,
  oneTrustDomainData,
  type DeclaredSiteId,
  type DeclaredVariant,
} from '../../e2e/replica/declared-sites';

const GLOBALS = ['OneTrust', 'Cookiebot', 'CookieConsentDialog'];
afterEach(() => GLOBALS.forEach((name) => Reflect.deleteProperty(window, name)));

/** What the extension reads on the page of `site` in `variant`: the fake CMP's script run, then the two readers. */
function read(site: DeclaredSiteId, variant: DeclaredVariant) {
  GLOBALS.forEach((name) => Reflect.deleteProperty(window, name));
  const script = document.createElement('script');
  script.textContent = declaredCmpScript(site, variant);
  document.head.append(script);
  script.remove();
  return readDeclaration(readDeclarations(), declaredSitePlan(site).pageHost);
}

function declaration(site: DeclaredSiteId, variant: DeclaredVariant): Declaration {
  const result = read(site, variant);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.declaration;
}

const sortedSet = (values: string[]) => [...new Set(values)].sort();

/** A category's entries, for comparing variants. */
const entries = (category: Declaration['categories'][number]) => ({
  id: category.id,
  cookies: category.cookies,
  storage: category.storage,
  hosts: category.hosts,
});

const HARBOR = [
  {
    id: 'HB-ESS',
    name: 'Essential',
    description: 'Keep the basket, checkout and sign-in working. These cannot be switched off.',
    alwaysActive: true,
    standard: 'strictly-necessary',
    cookies: ['hb_basket', 'hb_session'],
    storage: [],
    hosts: ['www.google-analytics.com'],
  },
  {
    id: 'HB-STATS',
    name: 'Site statistics',
    description: 'Count visits and popular pages anonymously so we know which books to stock.',
    alwaysActive: false,
    standard: 'performance-and-analytics',
    cookies: ['_sb_id', '_sb_ses_*'],
    storage: [],
    hosts: ['collect.statsbeam.net'],
  },
  {
    id: 'HB-ADS',
    name: 'Personalised advertising',
    description: 'Show you book offers on other sites, based on what you browsed here.',
    alwaysActive: false,
    standard: 'targeting-or-advertising',
    cookies: ['_agx_click'],
    storage: [],
    hosts: ['px.adgrid-exchange.com', 'sync.bidfunnel.com'],
  },
  {
    id: 'HB-CHAT',
    name: 'Live chat',
    description: 'Let you talk to our booksellers in the chat window.',
    alwaysActive: false,
    standard: null,
    cookies: ['chatterly_visitor'],
    storage: [],
    hosts: ['widget.chatterly.io'],
  },
];

const FJORD = [
  {
    id: 'necessary',
    name: 'Necessary',
    description: '',
    alwaysActive: true,
    standard: 'strictly-necessary',
    cookies: ['ft_csrf', 'ft_session'],
    storage: ['ft_basket'],
    hosts: [],
  },
  {
    id: 'preference',
    name: 'Preferences',
    description: '',
    alwaysActive: false,
    standard: 'functionality',
    cookies: ['ft_lang'],
    storage: ['ft_recent_searches'],
    hosts: ['weatherpane.io'],
  },
  {
    id: 'statistics',
    name: 'Statistics',
    description: '',
    alwaysActive: false,
    standard: 'performance-and-analytics',
    cookies: ['_fm_id', '_fm_ses_*'],
    storage: ['fm_events'],
    hosts: ['stats.fjordmetrics.net'],
  },
  {
    id: 'advertising',
    name: 'Marketing',
    description: '',
    alwaysActive: false,
    standard: 'targeting-or-advertising',
    cookies: ['_tm_click'],
    storage: ['tm_offer_seen'],
    hosts: ['px.beaconcrest.com', 'sync.beaconcrest.com', 'tripmatch-media.com'],
  },
];

describe("the CMPs' own formats", () => {
  test('OneTrust: custom group ids (not C0001…C0005), the site’s names, "always active" for the essential group', () => {
    const data = oneTrustDomainData();
    expect(data.Version).toBe('202505.1.0');
    expect(data.Groups.map((group) => [group.CustomGroupId, group.OptanonGroupId, group.GroupName, group.Status])).toEqual([
      ['HB-ESS', 'HB-ESS', 'Essential', 'always active'],
      ['HB-STATS', 'HB-STATS', 'Site statistics', 'inactive'],
      ['HB-ADS', 'HB-ADS', 'Personalised advertising', 'inactive'],
      ['HB-CHAT', 'HB-CHAT', 'Live chat', 'inactive'],
    ]);
    // A varying name: the scanner's example and the prefix it stands for.
    expect(data.Groups[1]!.FirstPartyCookies).toContainEqual(expect.objectContaining({ Name: '_sb_ses_7F3A', patternKey: '_sb_ses_' }));
    expect(data.Groups[2]!.Hosts).toContainEqual(
      expect.objectContaining({ HostName: 'px.adgrid-exchange.com', Cookies: [expect.objectContaining({ Name: 'agx_id' })] }),
    );
  });

  test('Cookiebot: the five tables, rows of eight cells with type ids 1, 2 and 5, "#" for a varying part, "<br/>" between domains', () => {
    const dialog = cookiebotDialog();
    expect(Object.keys(dialog).sort()).toEqual(
      ['Advertising', 'Necessary', 'Preference', 'Statistics', 'Unclassified'].map((table) => `cookieTable${table}`),
    );
    const rows = Object.values(dialog).flat() as string[][];
    expect(rows.every((row) => row.length === 8)).toBe(true);
    expect(sortedSet(rows.map((row) => `${row[4]} ${row[5]}`))).toEqual(['HTML 2', 'HTTP 1', 'Pixel 5']);
    expect(dialog.cookieTableStatistics).toContainEqual([
      '_fm_ses_#',
      '.fjord-travel.com',
      expect.any(String),
      '1 year',
      'HTTP',
      '1',
      '',
      '',
    ]);
    expect(dialog.cookieTableAdvertising).toContainEqual(expect.arrayContaining(['bc_seg', 'sync.beaconcrest.com<br/>px.beaconcrest.com']));
  });
});

describe('the default declarations', () => {
  test("harbor-books' OneTrust: its own group ids, names and descriptions; first-party cookies and third-party hosts", () => {
    expect(declaration('harbor-books', 'default')).toEqual({
      platform: 'onetrust',
      name: 'OneTrust',
      version: '202505.1.0',
      categories: HARBOR,
    });
  });

  test("fjord-travel's Cookiebot: its tables, cookies by domain, HTML storage keys, cookie and pixel hosts", () => {
    expect(declaration('fjord-travel', 'default')).toEqual({
      platform: 'cookiebot',
      name: 'Cookiebot',
      version: 'replica-1',
      categories: FJORD,
    });
  });

  test('harbor-books as a site record: standard ids where its names say, its own for live chat (refused by default)', () => {
    const site = declaredSite(declaration('harbor-books', 'default'), 'www.harbor-books.com', new Date('2026-11-30T12:00:00Z'));
    expect(validateSite(site)).toEqual({ ok: true, site });
    expect(site.domains).toEqual(['harbor-books.com']);
    expect(site.categories.map(({ id, refusable, defaultAllowed }) => [id, refusable, defaultAllowed])).toEqual([
      ['strictly-necessary', false, true],
      ['performance-and-analytics', true, false],
      ['targeting-or-advertising', true, false],
      ['cmp-hb-chat', true, false],
    ]);
    expect(site.consentManager.groups?.map).toEqual([
      { id: 'HB-ESS', category: 'strictly-necessary' },
      { id: 'HB-STATS', category: 'performance-and-analytics' },
      { id: 'HB-ADS', category: 'targeting-or-advertising' },
      { id: 'HB-CHAT', category: 'cmp-hb-chat' },
    ]);
    const hostsOf = (category: string) =>
      site.trackers.filter((tracker) => tracker.category === category).flatMap((tracker) => tracker.hosts);
    expect(hostsOf('targeting-or-advertising')).toEqual(['px.adgrid-exchange.com', 'sync.bidfunnel.com']);
    expect(hostsOf('cmp-hb-chat')).toEqual(['widget.chatterly.io']);
  });

  test('fjord-travel as a site record: the four standard categories, necessary and preferences allowed by default', () => {
    const site = declaredSite(declaration('fjord-travel', 'default'), 'www.fjord-travel.com', new Date('2026-11-30T12:00:00Z'));
    expect(validateSite(site)).toEqual({ ok: true, site });
    expect(site.categories.map(({ id, label, defaultAllowed }) => [id, label, defaultAllowed])).toEqual([
      ['strictly-necessary', 'Necessary', true],
      ['functionality', 'Preferences', true],
      ['performance-and-analytics', 'Statistics', false],
      ['targeting-or-advertising', 'Marketing', false],
    ]);
    const advertising = site.trackers.filter((tracker) => tracker.category === 'targeting-or-advertising');
    expect(advertising.flatMap((tracker) => tracker.storage?.names ?? [])).toEqual(['tm_offer_seen']);
  });
});

describe('the variants', () => {
  test('changed: one more first-party cookie in the statistics-like category, one more host in the advertising-like one', () => {
    const added = (site: DeclaredSiteId) => {
      const before = declaration(site, 'default').categories.map(entries);
      return declaration(site, 'changed')
        .categories.map(entries)
        .map((category, index) => ({
          id: category.id,
          cookies: category.cookies.filter((name) => !before[index]!.cookies.includes(name)),
          hosts: category.hosts.filter((host) => !before[index]!.hosts.includes(host)),
          storage: category.storage.length - before[index]!.storage.length,
        }));
    };
    expect(added('harbor-books')).toEqual([
      { id: 'HB-ESS', cookies: [], hosts: [], storage: 0 },
      { id: 'HB-STATS', cookies: ['_sb_scroll'], hosts: [], storage: 0 },
      { id: 'HB-ADS', cookies: [], hosts: ['rt.loopcast-ads.com'], storage: 0 },
      { id: 'HB-CHAT', cookies: [], hosts: [], storage: 0 },
    ]);
    expect(added('fjord-travel')).toEqual([
      { id: 'necessary', cookies: [], hosts: [], storage: 0 },
      { id: 'preference', cookies: [], hosts: [], storage: 0 },
      { id: 'statistics', cookies: ['_fm_scroll'], hosts: [], storage: 0 },
      { id: 'advertising', cookies: [], hosts: ['px.nordicretarget.com'], storage: 0 },
    ]);
  });

  test('oversized: refused, harbor-books for its cookies (over 2,000), fjord-travel for its hosts (over 200)', () => {
    expect(worded(read('harbor-books', 'oversized'))).toEqual({
      ok: false,
      none: false,
      error: 'the consent manager declares 2007 cookies and keys; at most 2000 are read',
    });
    expect(worded(read('fjord-travel', 'oversized'))).toEqual({
      ok: false,
      none: false,
      error: 'the consent manager declares 206 hosts; at most 200 are read',
    });
  });

  test.each(DECLARED_SITE_IDS)(
    'forged (%s): markup, public suffixes, non-strings and repeated ids are left out; it reads as default',
    (site) => {
      const forged = read(site, 'forged');
      // The page reader hands the hostile entries on (as text): the core is what leaves them out.
      expect(JSON.stringify(readDeclarations())).toContain('<img src=x onerror=alert(1)>');
      expect(forged.ok).toBe(true);
      expect(forged).toEqual(read(site, 'default'));
    },
  );
});

describe("each variant's page acts on what its CMP declares", () => {
  const prefixOf = (name: string) => (name.endsWith('*') ? name.slice(0, -1) : null);
  const covers = (declared: string[], name: string) =>
    declared.some((entry) => entry === name || (prefixOf(entry) !== null && name.startsWith(prefixOf(entry)!)));

  test.each(DECLARED_SITE_IDS.flatMap((site) => DECLARED_VARIANTS.map((variant) => [site, variant] as const)))(
    '%s, %s: every cookie and key the page sets, every host it loads, in the category declaring it',
    (site, variant) => {
      const plan = declaredSitePlan(site, variant);
      // The oversized and forged pages act as the default one; their declarations are refused or read as it.
      const declared = declaration(site, variant === 'changed' ? 'changed' : 'default').categories;
      const category = (id: string) => declared.find((candidate) => candidate.id === id)!;
      for (const { name, category: id } of plan.cookies) expect([name, covers(category(id).cookies, name)]).toEqual([name, true]);
      for (const { key, category: id } of plan.storage) expect(category(id).storage).toContain(key);
      for (const { host, category: id } of plan.thirdParties)
        expect([host, category(id).hosts.some((declaredHost) => isWithin(host, declaredHost))]).toEqual([host, true]);
      // And nothing declared goes unused by the page.
      const hosts = plan.thirdParties.map(({ host }) => host);
      for (const { hosts: declaredHosts } of declared)
        for (const declaredHost of declaredHosts)
          expect([declaredHost, hosts.some((host) => isWithin(host, declaredHost))]).toEqual([declaredHost, true]);
      expect(plan.cookies.length).toBe(new Set(declared.flatMap((entry) => entry.cookies)).size);
    },
  );
});

describe('the hosts', () => {
  const knownHosts = knowledgeSites.flatMap((known) => known.trackers.flatMap((tracker) => tracker.hosts));
  const known = (host: string) => knownHosts.some((knownHost) => isWithin(host, knownHost));

  test('one declared host is a tracker the knowledge base knows (declared essential); the others and the sites are not', () => {
    const hosts = DECLARED_SITE_IDS.flatMap((site) => DECLARED_VARIANTS.flatMap((variant) => declaredSitePlan(site, variant).thirdParties));
    expect([...new Set(hosts.filter(({ host }) => known(host)).map(({ host, category }) => `${host} ${category}`))]).toEqual([
      'www.google-analytics.com HB-ESS',
    ]);
    expect(knowledgeSites.some((site) => site.domains.some((domain) => ['harbor-books.com', 'fjord-travel.com'].includes(domain)))).toBe(
      false,
    );
  });

  test('the replica resolves every page, CMP and third-party host the pages load', () => {
    for (const site of DECLARED_SITE_IDS)
      for (const variant of DECLARED_VARIANTS) {
        const plan = declaredSitePlan(site, variant);
        expect(DECLARED_REPLICA_HOSTS).toEqual(
          expect.arrayContaining([plan.pageHost, plan.cmpHost, ...plan.thirdParties.map(({ host }) => host)]),
        );
      }
  });

  test('the match patterns cover the two pages and none of their third parties', () => {
    const matches = (host: string) =>
      DECLARED_SITE_PATTERNS.some((pattern) => {
        const domain = /^\*:\/\/\*\.([^/]+)\/\*$/.exec(pattern)![1]!;
        return isWithin(host, domain);
      });
    const plans = DECLARED_SITE_IDS.map((site) => declaredSitePlan(site, 'changed'));
    expect(plans.map(({ pageHost }) => matches(pageHost))).toEqual([true, true]);
    expect(plans.flatMap(({ cmpHost, thirdParties }) => [cmpHost, ...thirdParties.map(({ host }) => host)]).filter(matches)).toEqual([]);
  });
});
