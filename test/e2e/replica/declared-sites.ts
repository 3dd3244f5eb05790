// Two replica sites the knowledge base does not cover, each declaring its cookies through a consent manager (CMP):
// www.harbor-books.com with a fake OneTrust, www.fjord-travel.com with a fake Cookiebot. The fakes are written from the
// CMPs' public data formats only (no vendor code), as the extension's reader takes them
// (src/protected-sites/page/declarations-page.ts, then src/protected-sites/declaration.ts readDeclaration). One spec per site gives both
// what its CMP declares and what its page does (declaredSitePlan), so the two cannot drift apart. Plain data and
// script text: unit tests import this without the server.
import { registrableDomain } from '../../../src/knowledge/registrable-domain';

export const DECLARED_SITE_IDS = ['harbor-books', 'fjord-travel'] as const;
export type DeclaredSiteId = (typeof DECLARED_SITE_IDS)[number];

/**
 * What a declared page's CMP declares, by the page URL's `?declared=<variant>`:
 * - `default`: the site as designed (below);
 * - `changed`: one more first-party cookie in the statistics-like category and one more host in the advertising-like
 *   one (the page sets and loads them too);
 * - `oversized`: more than readDeclaration reads (MAX_DECLARED: 2,000 cookies and keys, 200 hosts), so it is refused;
 * - `forged`: hostile entries that the reader leaves out or neutralises, so it reads exactly as `default`.
 * The page of `oversized` and `forged` does what the `default` page does.
 */
export const DECLARED_VARIANTS = ['default', 'changed', 'oversized', 'forged'] as const;
export type DeclaredVariant = (typeof DECLARED_VARIANTS)[number];

/** The page URL's query parameter that picks the variant: `https://www.harbor-books.com:<port>/?declared=changed`. */
export const DECLARED_VARIANT_PARAM = 'declared';
/** The query parameter every load of a declared page carries: the site whose page made it (the log's `declaredSite`). */
export const DECLARING_PARAM = 'declaring';
/** Where the fake CMP's script is served on the CMP's host: `<prefix>otSDKStub.js` or `<prefix>uc.js`. */
export const DECLARED_CMP_PATH_PREFIX = '/replica-declared/';

/** A first-party cookie the site declares. */
interface OwnCookie {
  /** Its name; one ending in "*" varies after that prefix (OneTrust's patternKey, Cookiebot's "#"). */
  name: string;
  /** The domain the CMP names for it (the page sets every one on the registrable domain). */
  domain: string;
  purpose: string;
}

/** A third party the site declares: the page loads an image and a script from each of its hosts. */
interface ThirdParty {
  hosts: string[];
  /** The cookie the hosts' answers set on their registrable domain (SameSite=None; Secure), as the site declares it. */
  cookie: string;
  purpose: string;
  /** Cookiebot: the cookie row's domain cell when it names the cookie's domain (".tripmatch-media.com"), not the hosts. */
  cookieDomain?: string;
  /** Cookiebot: a tracking-pixel row (type id 5) of this name on the hosts as well. */
  pixel?: string;
  /** Cookiebot: declared by its pixel row only (no cookie row). */
  pixelOnly?: boolean;
}

interface CategorySpec {
  /** OneTrust's CustomGroupId, or Cookiebot's table: readDeclaration's category id either way. */
  id: string;
  /** The site's words (OneTrust shows them; Cookiebot's reader names its tables itself). */
  name: string;
  description: string;
  alwaysActive: boolean;
  cookies: OwnCookie[];
  /** localStorage keys (Cookiebot's "HTML" rows, type id 2). */
  storage: string[];
  thirdParties: ThirdParty[];
}

interface SiteSpec {
  platform: 'onetrust' | 'cookiebot';
  pageHost: string;
  /** Where its CMP's script loads from: the CMP's own CDN (src/protected-sites/declared-site.ts CMP_HOSTS). */
  cmpHost: string;
  version: string;
  categories: CategorySpec[];
  /** The `changed` variant's additions: a first-party cookie in `statistics`, a third party in `advertising`. */
  changed: { statistics: string; cookie: OwnCookie; advertising: string; thirdParty: ThirdParty };
}

const HARBOR: SiteSpec = {
  platform: 'onetrust',
  pageHost: 'www.harbor-books.com',
  cmpHost: 'cdn.cookielaw.org',
  version: '202505.1.0',
  categories: [
    {
      id: 'HB-ESS',
      name: 'Essential',
      description: 'Keep the basket, checkout and sign-in working. These cannot be switched off.',
      alwaysActive: true,
      cookies: [
        { name: 'hb_session', domain: 'www.harbor-books.com', purpose: 'Keeps you signed in.' },
        { name: 'hb_basket', domain: 'harbor-books.com', purpose: 'Remembers the books in your basket.' },
      ],
      storage: [],
      // A host the knowledge base lists as an analytics tracker, declared essential by the site: later tests show a
      // warning for it. Its answers to a harbor-books page set "_ga" on google-analytics.com as well as the replica's
      // own tracker cookie.
      thirdParties: [{ hosts: ['www.google-analytics.com'], cookie: '_ga', purpose: 'Counts checkout errors.' }],
    },
    {
      id: 'HB-STATS',
      name: 'Site statistics',
      description: 'Count visits and popular pages anonymously so we know which books to stock.',
      alwaysActive: false,
      cookies: [
        { name: '_sb_id', domain: 'harbor-books.com', purpose: 'Tells visits apart.' },
        { name: '_sb_ses_*', domain: '.harbor-books.com', purpose: 'Groups the pages of one visit.' },
      ],
      storage: [],
      thirdParties: [{ hosts: ['collect.statsbeam.net'], cookie: 'sb_uid', purpose: 'Statsbeam visitor id.' }],
    },
    {
      id: 'HB-ADS',
      name: 'Personalised advertising',
      description: 'Show you book offers on other sites, based on what you browsed here.',
      alwaysActive: false,
      cookies: [{ name: '_agx_click', domain: '.harbor-books.com', purpose: 'Remembers which ad brought you here.' }],
      storage: [],
      thirdParties: [
        { hosts: ['px.adgrid-exchange.com'], cookie: 'agx_id', purpose: 'AdGrid visitor id.' },
        { hosts: ['sync.bidfunnel.com'], cookie: 'bf_sync', purpose: 'Matches AdGrid ids with BidFunnel ids.' },
      ],
    },
    {
      id: 'HB-CHAT',
      name: 'Live chat',
      description: 'Let you talk to our booksellers in the chat window.',
      alwaysActive: false,
      cookies: [{ name: 'chatterly_visitor', domain: 'www.harbor-books.com', purpose: 'Reopens your conversation.' }],
      storage: [],
      thirdParties: [{ hosts: ['widget.chatterly.io'], cookie: 'chl_session', purpose: 'Chatterly session.' }],
    },
  ],
  changed: {
    statistics: 'HB-STATS',
    cookie: { name: '_sb_scroll', domain: 'harbor-books.com', purpose: 'How far pages are read.' },
    advertising: 'HB-ADS',
    thirdParty: { hosts: ['rt.loopcast-ads.com'], cookie: 'lc_rt', purpose: 'Loopcast retargeting list.' },
  },
};

const FJORD: SiteSpec = {
  platform: 'cookiebot',
  pageHost: 'www.fjord-travel.com',
  cmpHost: 'consent.cookiebot.com',
  version: 'replica-1',
  categories: [
    {
      id: 'necessary',
      name: 'Necessary',
      description: '',
      alwaysActive: true,
      cookies: [
        { name: 'ft_session', domain: '.fjord-travel.com', purpose: 'Keeps the booking session.' },
        { name: 'ft_csrf', domain: 'www.fjord-travel.com', purpose: 'Protects forms against forgery.' },
      ],
      storage: ['ft_basket'],
      thirdParties: [],
    },
    {
      id: 'preference',
      name: 'Preferences',
      description: '',
      alwaysActive: false,
      cookies: [{ name: 'ft_lang', domain: '.fjord-travel.com', purpose: 'Remembers the language.' }],
      storage: ['ft_recent_searches'],
      thirdParties: [
        { hosts: ['widget.weatherpane.io'], cookie: 'wp_units', cookieDomain: '.weatherpane.io', purpose: 'Weather widget units.' },
      ],
    },
    {
      id: 'statistics',
      name: 'Statistics',
      description: '',
      alwaysActive: false,
      cookies: [
        { name: '_fm_id', domain: '.fjord-travel.com', purpose: 'Tells visitors apart.' },
        { name: '_fm_ses_*', domain: '.fjord-travel.com', purpose: 'Groups the pages of one visit.' },
      ],
      storage: ['fm_events'],
      thirdParties: [{ hosts: ['stats.fjordmetrics.net'], cookie: 'fm_uid', pixel: 'fm_collect', purpose: 'FjordMetrics visitor id.' }],
    },
    {
      id: 'advertising',
      name: 'Marketing',
      description: '',
      alwaysActive: false,
      cookies: [{ name: '_tm_click', domain: '.fjord-travel.com', purpose: 'Remembers which ad brought you here.' }],
      storage: ['tm_offer_seen'],
      thirdParties: [
        {
          hosts: ['ads.tripmatch-media.com'],
          cookie: 'tm_uid',
          cookieDomain: '.tripmatch-media.com',
          purpose: 'TripMatch visitor id.',
        },
        // Two hosts in one row, joined by "<br/>" as Cookiebot's tables join them.
        { hosts: ['sync.beaconcrest.com', 'px.beaconcrest.com'], cookie: 'bc_seg', purpose: 'BeaconCrest audience segment.' },
      ],
    },
  ],
  changed: {
    statistics: 'statistics',
    cookie: { name: '_fm_scroll', domain: '.fjord-travel.com', purpose: 'How far pages are read.' },
    advertising: 'advertising',
    thirdParty: { hosts: ['px.nordicretarget.com'], cookie: 'nr_id', pixel: 'nr_px', pixelOnly: true, purpose: 'Retargeting pixel.' },
  },
};

const SPECS: Record<DeclaredSiteId, SiteSpec> = { 'harbor-books': HARBOR, 'fjord-travel': FJORD };

/** A site's categories for a variant: `changed` adds its cookie and third party; the others are `default`'s. */
function categoriesOf(site: DeclaredSiteId, variant: DeclaredVariant): CategorySpec[] {
  const spec = SPECS[site];
  if (variant !== 'changed') return spec.categories;
  return spec.categories.map((category) => ({
    ...category,
    cookies: category.id === spec.changed.statistics ? [...category.cookies, spec.changed.cookie] : category.cookies,
    thirdParties: category.id === spec.changed.advertising ? [...category.thirdParties, spec.changed.thirdParty] : category.thirdParties,
  }));
}

/** The name a page sets for a declared one: a varying name's prefix with "replica" after it, as a tag's own suffix. */
const concreteName = (name: string): string => (name.endsWith('*') ? `${name.slice(0, -1)}replica` : name);

/** What a declared page does, each entry with the category id its CMP declares it in. */
export interface DeclaredSitePlan {
  site: DeclaredSiteId;
  platform: 'onetrust' | 'cookiebot';
  pageHost: string;
  /** The registrable domain, where the page sets its first-party cookies (`Domain=`, SameSite=Lax). */
  domain: string;
  /** The CMP's host, where the page's fake CMP script loads from. */
  cmpHost: string;
  /** First-party cookies, as the page sets them by document.cookie with a fresh value each load. */
  cookies: Array<{ name: string; category: string }>;
  /** localStorage keys the page writes with a fresh value each load. */
  storage: Array<{ key: string; category: string }>;
  /** Hosts the page loads an image and a script from; `cookie` is what their answers set on `cookieDomain`. */
  thirdParties: Array<{ host: string; category: string; cookie: string; cookieDomain: string }>;
}

/** What the page of `site` does in `variant` (`oversized` and `forged` pages act as the `default` one). */
export function declaredSitePlan(site: DeclaredSiteId, variant: DeclaredVariant = 'default'): DeclaredSitePlan {
  const spec = SPECS[site];
  const categories = categoriesOf(site, variant);
  return {
    site,
    platform: spec.platform,
    pageHost: spec.pageHost,
    domain: registrableDomain(spec.pageHost),
    cmpHost: spec.cmpHost,
    cookies: categories.flatMap(({ id, cookies }) => cookies.map(({ name }) => ({ name: concreteName(name), category: id }))),
    storage: categories.flatMap(({ id, storage }) => storage.map((key) => ({ key, category: id }))),
    thirdParties: categories.flatMap(({ id, thirdParties }) =>
      thirdParties.flatMap(({ hosts, cookie }) =>
        hosts.map((host) => ({ host, category: id, cookie, cookieDomain: registrableDomain(host) })),
      ),
    ),
  };
}

// The hostile text the forged variants carry: an image whose error handler would run if a name were parsed as HTML.
const MARKUP = '<img src=x onerror=alert(1)>';
// Invisible characters that would reorder or hide a name's words (a right-to-left override, an isolate, a zero-width space).
const BIDI = '\u202E\u2066\u200B';
/** More than MAX_DECLARED (src/protected-sites/declaration.ts): 2,000 cookies and keys, 200 hosts. */
const OVERSIZED = { cookies: 2001, hosts: 201 };

/**
 * OneTrust's domain data, as `OneTrust.GetDomainData()` returns it (OneTrust's public JavaScript API and domain-data
 * JSON: `Version`, `Groups[]` with `OptanonGroupId`, `CustomGroupId`, `GroupName`, `GroupDescription`, `Status`,
 * `Type`, `FirstPartyCookies[]` {id, Name, Host, IsSession, Length, description, patternKey} and `Hosts[]` {HostName,
 * DisplayName, HostId, Description, Cookies[] {id, Name, Host, IsSession, Length, description}}; `patternKey` is the
 * prefix a varying name stands for, null for an exact one). harbor-books only.
 */
export function oneTrustDomainData(variant: DeclaredVariant = 'default') {
  let serial = 0;
  const id = (): string => `hb-${(serial++).toString(16).padStart(4, '0')}`;
  const groups: Array<Record<string, unknown>> = categoriesOf('harbor-books', variant).map((category) => ({
    OptanonGroupId: category.id,
    CustomGroupId: category.id,
    GroupName: category.name,
    GroupDescription: category.description,
    Status: category.alwaysActive ? 'always active' : 'inactive',
    Type: 'COOKIE',
    FirstPartyCookies: category.cookies.map(({ name, domain, purpose }) => ({
      id: id(),
      // The scanner's example of a varying name, and the prefix it stands for.
      Name: name.endsWith('*') ? `${name.slice(0, -1)}7F3A` : name,
      Host: domain,
      IsSession: false,
      Length: '365',
      description: purpose,
      patternKey: name.endsWith('*') ? name.slice(0, -1) : null,
    })),
    Hosts: category.thirdParties.flatMap(({ hosts, cookie, purpose }) =>
      hosts.map((host) => ({
        HostName: host,
        DisplayName: host,
        HostId: id(),
        Description: purpose,
        Cookies: [{ id: id(), Name: cookie, Host: host, IsSession: false, Length: '390', description: purpose }],
      })),
    ),
  }));
  const group = (groupId: string) => groups.find((candidate) => candidate.CustomGroupId === groupId)!;
  const append = (groupId: string, key: 'FirstPartyCookies' | 'Hosts', entries: unknown[]) => {
    group(groupId)[key] = [...(group(groupId)[key] as unknown[]), ...entries];
  };
  if (variant === 'oversized')
    append(
      'HB-STATS',
      'FirstPartyCookies',
      Array.from({ length: OVERSIZED.cookies }, (_, n) => ({ id: id(), Name: `_sb_exp_${n}`, Host: 'harbor-books.com', patternKey: null })),
    );
  if (variant === 'forged') {
    const statistics = group('HB-STATS');
    // Markup in the site's texts: readDeclaration keeps them as text without it (the same text as `default`).
    statistics.GroupName = `${BIDI}${String(statistics.GroupName)}${MARKUP}`;
    statistics.GroupDescription = `${String(statistics.GroupDescription)} ${MARKUP}`;
    append('HB-STATS', 'FirstPartyCookies', [
      // Not a cookie name: left out.
      { id: id(), Name: MARKUP, Host: 'harbor-books.com', patternKey: null },
      // Not strings: the page reader makes them "", which names no cookie.
      { id: id(), Name: ['hb_array'], Host: { host: 'harbor-books.com' }, patternKey: null },
    ]);
    append('HB-ADS', 'Hosts', [
      // A public suffix, not a host name: left out, with its cookies.
      { HostName: 'com', Cookies: [{ Name: 'uid', Host: 'com' }] },
      { HostName: MARKUP, Cookies: [{ Name: 'x', Host: MARKUP }] },
      { HostName: 42, Cookies: 'agx_id' },
    ]);
    // Not a string: the page reader makes the status "", so the group is not always active.
    group('HB-CHAT').Status = ['always active'];
    groups.push(
      // A repeat of the essential group's id, claiming an advertising host: a repeated id is left out.
      { ...group('HB-ESS'), Hosts: [{ HostName: 'sync.bidfunnel.com', Cookies: [] }] },
      // An id that is not a string: the page reader makes it "", not a group id, so the group is left out.
      { CustomGroupId: { id: 'HB-ESS' }, GroupName: 'Essential', Status: 'always active', Hosts: [{ HostName: 'px.adgrid-exchange.com' }] },
    );
  }
  return { Version: HARBOR.version, Language: { Culture: 'en' }, Groups: groups };
}

/** Cookiebot's tables, by the suffix of their `CookieConsentDialog.cookieTable<Table>` property. */
const COOKIEBOT_TABLES = {
  necessary: 'Necessary',
  preference: 'Preference',
  statistics: 'Statistics',
  advertising: 'Advertising',
} as const;

/**
 * Cookiebot's cookie tables, as `CookieConsentDialog.cookieTableNecessary`, `…Preference`, `…Statistics`,
 * `…Advertising` and `…Unclassified` hold them: rows of [name, domain(s) joined by "<br/>", purpose, expiry, type name,
 * type id, name pattern, URL], type id 1 an HTTP cookie, 2 HTML (local) storage, 5 a tracking pixel, a varying part of
 * a name written "#" (dibollinger/CookieBlock-Consent-Crawler, parse_cb_js.py). fjord-travel only.
 */
export function cookiebotDialog(variant: DeclaredVariant = 'default') {
  const tables: Record<string, unknown[]> = Object.fromEntries(
    categoriesOf('fjord-travel', variant).map((category) => [
      `cookieTable${COOKIEBOT_TABLES[category.id as keyof typeof COOKIEBOT_TABLES]}`,
      [
        ...category.cookies.map(({ name, domain, purpose }) => [name.replace(/\*$/, '#'), domain, purpose, '1 year', 'HTTP', '1', '', '']),
        ...category.storage.map((key) => [key, FJORD.pageHost, 'Kept by the site in the browser.', 'Persistent', 'HTML', '2', '', '']),
        ...category.thirdParties.flatMap(({ hosts, cookie, cookieDomain, pixel, pixelOnly, purpose }) => [
          ...(pixelOnly ? [] : [[cookie, cookieDomain ?? hosts.join('<br/>'), purpose, '1 year', 'HTTP', '1', '', '']]),
          ...(pixel ? [[pixel, hosts.join('<br/>'), purpose, 'Session', 'Pixel', '5', '', '']] : []),
        ]),
      ],
    ]),
  );
  tables.cookieTableUnclassified = [];
  const append = (table: keyof typeof COOKIEBOT_TABLES, rows: unknown[]) => {
    const key = `cookieTable${COOKIEBOT_TABLES[table]}`;
    tables[key] = [...tables[key]!, ...rows];
  };
  if (variant === 'oversized')
    append(
      'advertising',
      Array.from({ length: OVERSIZED.hosts }, (_, n) => [`af_px`, `p${n}.adflood-network.com`, 'Pixel.', 'Session', 'Pixel', '5', '', '']),
    );
  // Hostile rows, each left out by readDeclaration (or made "" by the page reader first), only in tables that have
  // rows already: a table of nothing but left-out rows would still read as an (empty) category.
  if (variant === 'forged') {
    append('necessary', [
      // Not a cookie name.
      [MARKUP, FJORD.pageHost, 'x', '1 year', 'HTTP', '1', '', ''],
      // Storage on a public suffix is not the site's.
      ['ft_theme', 'co.uk', 'x', 'Persistent', 'HTML', '2', '', ''],
    ]);
    append('preference', [
      // A cookie on a public suffix: no host name.
      ['ft_evil', '.com', 'x', '1 year', 'HTTP', '1', '', ''],
    ]);
    append('statistics', [
      // Cells that are not strings: the page reader makes the name "" and the domain "42".
      [{ name: 'fm_uid' }, 42, null, null, 'HTTP', 1],
      // Rows that are not rows.
      'fm_uid',
      null,
    ]);
    append('advertising', [
      // A public suffix as a pixel's host.
      ['evil', 'com', 'x', 'Session', 'Pixel', '5', '', ''],
      // Markup smuggled in as a second domain: the first one reads, the markup is left out.
      ['tm_uid', `.tripmatch-media.com<br/>${MARKUP}`, 'x', '1 year', 'HTTP', '1', '', ''],
    ]);
  }
  return tables;
}

/**
 * The fake Cookiebot's reading of its consent record at load, as its public API reports it (cookiebot.com/en/developer:
 * `Cookiebot.consent.necessary / preferences / statistics / marketing / stamp`, `hasResponse`): the `CookieConsent`
 * cookie, `{stamp:'…',necessary:true,preferences:false,…,method:'explicit',ver:1,utc:…}` stored with %27 for quotes
 * and %2C for commas (src/consent-manager/cookiebot/record.ts names the sources). A record that is not that shape is no
 * response. Without a response its banner, `#CybotCookiebotDialog` (the dialog's id, as Consent-O-Matic's Cookiebot
 * rule finds it), is shown.
 */
const COOKIEBOT_CONSENT_READER = `  var record = null;
  document.cookie.split('; ').forEach(function (pair) {
    if (pair.indexOf('CookieConsent=') !== 0) return;
    var text = pair.slice('CookieConsent='.length).replace(/%27/gi, "'").replace(/%2C/gi, ',');
    var body = /^\\{(.*)\\}$/.exec(text);
    if (body === null) return;
    var fields = Object.create(null);
    body[1].split(',').forEach(function (field) {
      var colon = field.indexOf(':');
      if (colon > 0) fields[field.slice(0, colon)] = field.slice(colon + 1);
    });
    var flags = ['necessary', 'preferences', 'statistics', 'marketing'];
    var stamp = /^'([^']*)'$/.exec(fields.stamp || '');
    if (stamp === null || !flags.every(function (flag) { return fields[flag] === 'true' || fields[flag] === 'false'; })) return;
    record = { stamp: stamp[1] };
    flags.forEach(function (flag) { record[flag] = fields[flag] === 'true'; });
  });
  window.Cookiebot.consent = record || { necessary: true, preferences: false, statistics: false, marketing: false, stamp: '0' };
  window.Cookiebot.hasResponse = record !== null;
  if (record === null)
    document.addEventListener('DOMContentLoaded', function () {
      var banner = document.createElement('div');
      banner.id = 'CybotCookiebotDialog';
      banner.textContent = 'This website uses cookies (replica Cookiebot banner).';
      document.body.appendChild(banner);
    });
`;

/**
 * The fake CMP: the script the page loads from the CMP's host before its own. It only exposes the declaration where
 * each CMP's public JavaScript API has it: OneTrust `window.OneTrust` {version, GetDomainData()}; Cookiebot
 * `window.Cookiebot` {version, dialog} and `window.CookieConsentDialog` (the same object, with the cookie tables).
 */
export function declaredCmpScript(site: DeclaredSiteId, variant: DeclaredVariant): string {
  // "<" is escaped so the data reads the same whether served as a file or inlined.
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  if (SPECS[site].platform === 'onetrust')
    return `(function () {
  var data = ${json(oneTrustDomainData(variant))};
  window.OneTrust = { version: data.Version, GetDomainData: function () { return data; } };
})();
`;
  return `(function () {
  var dialog = ${json(cookiebotDialog(variant))};
  window.CookieConsentDialog = dialog;
  window.Cookiebot = { version: ${json(FJORD.version)}, dialog: dialog };
${COOKIEBOT_CONSENT_READER}})();
`;
}

/** The fake CMP script's path on the CMP's host, by the CMP's own script's name. */
export function declaredCmpPath(site: DeclaredSiteId): string {
  return `${DECLARED_CMP_PATH_PREFIX}${SPECS[site].platform === 'onetrust' ? 'otSDKStub.js' : 'uc.js'}`;
}

/** A host a declared page loads, with the site and category that declare it (in any variant). */
export type DeclaredThirdParty = DeclaredSitePlan['thirdParties'][number] & { site: DeclaredSiteId };

const THIRD_PARTIES = new Map<string, DeclaredThirdParty>(
  DECLARED_SITE_IDS.flatMap((site) =>
    DECLARED_VARIANTS.flatMap((variant) =>
      declaredSitePlan(site, variant).thirdParties.map((entry) => [entry.host, { ...entry, site }] as const),
    ),
  ),
);

/** The declared site and category of a host a declared page loads, in any variant; undefined for any other host. */
export function declaredThirdParty(host: string): DeclaredThirdParty | undefined {
  return THIRD_PARTIES.get(host);
}

/** The declared site whose page `host` is. */
export function declaredPageSite(host: string): DeclaredSiteId | undefined {
  return DECLARED_SITE_IDS.find((site) => SPECS[site].pageHost === host);
}

/** The hosts that serve the declared sites' fake CMPs (cdn.cookielaw.org also serves the covered site's). */
export const DECLARED_CMP_HOSTS: readonly string[] = [...new Set(DECLARED_SITE_IDS.map((site) => SPECS[site].cmpHost))];

/** Every host name the declared sites bring to the replica: their pages, their CMPs' hosts, every variant's loads. */
export const DECLARED_REPLICA_HOSTS: readonly string[] = [
  ...new Set([...DECLARED_SITE_IDS.map((site) => SPECS[site].pageHost), ...DECLARED_CMP_HOSTS, ...THIRD_PARTIES.keys()]),
].sort();
