// What a site's consent manager (CMP) declares about its cookies, read from the page the person is looking at: its
// categories in the site's own words, the first-party cookies and third-party hosts in each. The page hands it over
// (src/protected-sites/page/declarations-page.ts), so everything here is hostile input: schema-checked, size-capped, text only,
// and it describes that one site. Formats, from the CMPs' public data and what open-source crawlers read of them:
// OneTrust's GetDomainData().Groups (OptanonGroupId / CustomGroupId, GroupName, GroupDescription, Status,
// FirstPartyCookies[].Name/Host, Hosts[].HostName/Cookies); Cookiebot's cookie tables
// (CookieConsentDialog.cookieTableNecessary, …Preference, …Statistics, …Advertising, …Unclassified: rows of
// [name, domain(s) joined by "<br/>", purpose, expiry, type name, type id (1 HTTP, 2 HTML storage, 5 pixel), …] —
// dibollinger/CookieBlock-Consent-Crawler and its parse_cb_js.py).
import * as v from 'valibot';
import { GROUP_ID } from '../consent-manager/onetrust/record';
import { normalizeHost, isWithin } from '../shared/hosts';
import { registrableDomainOrNull } from '../knowledge/registrable-domain';
import { MAX_DECLARED } from '../settings/protected-site-record';

/** The standard categories a declared one is matched to, by the CMP's standard ids or the site's names for them. */
export type StandardCategory =
  'strictly-necessary' | 'functionality' | 'performance-and-analytics' | 'targeting-or-advertising' | 'social-media';

interface DeclaredCategory {
  /** The CMP's own id ("C0002", "BG28", or Cookiebot's table: "statistics"). */
  id: string;
  /** The site's name and description for it, as text (markup removed). */
  name: string;
  description: string;
  /** The CMP keeps it on whatever the visitor says (its strictly necessary group). */
  alwaysActive: boolean;
  standard: StandardCategory | null;
  /** First-party cookie names (a name ending in "*" is a prefix), sorted. */
  cookies: string[];
  /** localStorage / sessionStorage keys (Cookiebot's "HTML local storage" rows), sorted. */
  storage: string[];
  /** Third-party hosts, sorted. */
  hosts: string[];
}

export interface Declaration {
  platform: 'onetrust' | 'cookiebot';
  /** The CMP's name as shown ("OneTrust"). */
  name: string;
  /** The CMP's version of the data, as it reports it ("" when it does not). */
  version: string;
  categories: DeclaredCategory[];
}

export type DeclarationResult =
  | { ok: true; declaration: Declaration }
  /** `none`: the page has no CMP, or none with a readable declaration; else the declaration was refused. */
  | { ok: false; none: boolean; error: string };

const MAX_ID = 64;
const MAX_NAME = 120;
const MAX_DESCRIPTION = 2000;
const MAX_VERSION = 64;
/** Per category, before de-duplication: more entries than a site could declare without exceeding the caps. */
const MAX_ENTRIES = MAX_DECLARED.cookies + MAX_DECLARED.hosts;

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Entries = <T extends v.GenericSchema>(item: T) => v.pipe(v.array(item), v.maxLength(MAX_ENTRIES));

// The compact shape the main-world reader (src/protected-sites/page/declarations-page.ts) returns.
// `pattern`: OneTrust's patternKey, the prefix the name stands for ("_ga_" for "_ga_XYZ"); "" for an exact name.
const OneTrustCookie = v.strictObject({ name: Text(256), host: Text(256), pattern: Text(256) });
const OneTrustGroup = v.strictObject({
  id: Text(MAX_ID),
  name: Text(MAX_NAME),
  description: Text(MAX_DESCRIPTION),
  status: Text(32),
  cookies: Entries(OneTrustCookie),
  hosts: Entries(v.strictObject({ host: Text(256), cookies: Entries(Text(256)) })),
});
const CookiebotRow = v.pipe(v.array(v.nullable(Text(MAX_DESCRIPTION))), v.maxLength(16));
const COOKIEBOT_TABLES = ['necessary', 'preference', 'statistics', 'advertising', 'unclassified'] as const;
const Observation = v.variant('platform', [
  v.strictObject({ platform: v.null() }),
  v.strictObject({
    platform: v.literal('onetrust'),
    version: Text(MAX_VERSION),
    groups: v.pipe(v.array(OneTrustGroup), v.maxLength(MAX_DECLARED.categories)),
  }),
  v.strictObject({
    platform: v.literal('cookiebot'),
    version: Text(MAX_VERSION),
    tables: v.strictObject(
      Object.fromEntries(COOKIEBOT_TABLES.map((table) => [table, Entries(CookiebotRow)])) as Record<
        (typeof COOKIEBOT_TABLES)[number],
        ReturnType<typeof Entries<typeof CookiebotRow>>
      >,
    ),
  }),
]);

/** OneTrust's standard group ids (its documentation), and the legacy numeric ones in the same order. */
const ONETRUST_STANDARD: Record<string, StandardCategory> = {
  C0001: 'strictly-necessary',
  C0002: 'performance-and-analytics',
  C0003: 'functionality',
  C0004: 'targeting-or-advertising',
  C0005: 'social-media',
  '1': 'strictly-necessary',
  '2': 'performance-and-analytics',
  '3': 'functionality',
  '4': 'targeting-or-advertising',
  '5': 'social-media',
};

const COOKIEBOT_STANDARD: Record<(typeof COOKIEBOT_TABLES)[number], { name: string; standard: StandardCategory | null }> = {
  necessary: { name: 'Necessary', standard: 'strictly-necessary' },
  preference: { name: 'Preferences', standard: 'functionality' },
  statistics: { name: 'Statistics', standard: 'performance-and-analytics' },
  advertising: { name: 'Marketing', standard: 'targeting-or-advertising' },
  unclassified: { name: 'Unclassified', standard: null },
};

/** Words sites use for the standard categories in their own names (English and German), first match wins. */
const STANDARD_NAMES: Array<[RegExp, StandardCategory]> = [
  [/\b(strictly|necessary|essential|required|notwendig|erforderlich)/i, 'strictly-necessary'],
  [/\b(social)/i, 'social-media'],
  [/\b(target|advertis|marketing|ads\b|werbung)/i, 'targeting-or-advertising'],
  [/\b(performance|analytic|statisti|measurement|leistung)/i, 'performance-and-analytics'],
  [/\b(functional|preference|personali[sz]|funktional|präferenz)/i, 'functionality'],
];

/**
 * The standard category of a declared one: by OneTrust's standard ids, else by the words of the site's name for it;
 * null when neither says (such a category starts refused).
 */
export function standardCategoryOf(platform: Declaration['platform'], id: string, name: string): StandardCategory | null {
  if (platform === 'onetrust' && Object.hasOwn(ONETRUST_STANDARD, id)) return ONETRUST_STANDARD[id]!;
  return STANDARD_NAMES.find(([words]) => words.test(name))?.[1] ?? null;
}

// A cookie name as a cookie header carries it (RFC 6265 token), or a prefix ending in "*".
const COOKIE_NAME = /^[!#$%&'+\-.^_`|~0-9A-Za-z]{1,128}\*?$/;
// A host name, as the knowledge base's Host schema accepts it.
const HOST = /^(?=.{1,253}$)([a-z0-9-]+\.)+([a-z]{2,}|xn--[a-z0-9-]+)$/;

/**
 * The declaration the page's main world reported (`observed`, untrusted) for the page's registrable domain
 * `pageDomain`: categories in the CMP's order with the site's texts (markup removed, whitespace collapsed), each
 * cookie on the page's registrable domain as a first-party name and every other host as a third-party host. Entries
 * a browser could not act on (a name with spaces, a "host" that is a company name) are left out. Refused, with the
 * reason, when it does not fit the reader's shape or exceeds MAX_DECLARED; `none` when the page has no CMP declaration.
 */
export function readDeclaration(observed: unknown, pageDomain: string): DeclarationResult {
  if (!withinBudget(observed))
    return { ok: false, none: false, error: "the consent manager's declaration was refused: it is larger than any real one" };
  const parsed = v.safeParse(Observation, observed);
  // The reason names no value and no key of the page's: they are its words, and the popup would show them as ours.
  if (!parsed.success)
    return { ok: false, none: false, error: "the consent manager's declaration was refused: it is not in a shape this version reads" };
  const data = parsed.output;
  if (data.platform === null)
    return { ok: false, none: true, error: 'no consent manager with a readable declaration was found on this page' };
  const site = registrableDomainOrNull(pageDomain);
  // A public suffix's own host (vercel.app, github.io) would cover every tenant's site under it.
  if (site === null) return { ok: false, none: false, error: `${pageDomain} has no registrable domain of its own to protect` };
  const categories = data.platform === 'onetrust' ? oneTrustCategories(data.groups, site) : cookiebotCategories(data.tables, site);
  if (categories.length === 0) return { ok: false, none: true, error: 'the consent manager declares no categories on this page' };
  const count = (pick: (category: DeclaredCategory) => string[]) => new Set(categories.flatMap(pick)).size;
  const cookies = count((category) => [...category.cookies, ...category.storage]);
  const hosts = count((category) => category.hosts);
  if (cookies > MAX_DECLARED.cookies)
    return {
      ok: false,
      none: false,
      error: `the consent manager declares ${cookies} cookies and keys; at most ${MAX_DECLARED.cookies} are read`,
    };
  if (hosts > MAX_DECLARED.hosts)
    return { ok: false, none: false, error: `the consent manager declares ${hosts} hosts; at most ${MAX_DECLARED.hosts} are read` };
  const name = data.platform === 'onetrust' ? 'OneTrust' : 'Cookiebot';
  return { ok: true, declaration: { platform: data.platform, name, version: data.version, categories } };
}

function oneTrustCategories(groups: v.InferOutput<typeof OneTrustGroup>[], site: string): DeclaredCategory[] {
  const seen = new Set<string>();
  return groups.flatMap((group) => {
    // A group the record could not name (its ids are "C0002", "BG28", …) cannot be answered or shown by id.
    const id = group.id.trim();
    if (!GROUP_ID.test(id) || seen.has(id)) return [];
    seen.add(id);
    const cookies = new Set<string>();
    const hosts = new Set<string>();
    for (const cookie of group.cookies)
      place(cookie.pattern !== '' ? `${cookie.pattern}*` : cookie.name, cookie.host, site, cookies, hosts);
    for (const host of group.hosts) {
      const normalized = normalizeHost(host.host.trim());
      if (isThirdPartyHost(normalized, site)) hosts.add(normalized);
      else for (const name of host.cookies) place(name, host.host, site, cookies, hosts);
    }
    const name = plainText(group.name);
    return [
      {
        id,
        name,
        description: plainText(group.description),
        alwaysActive: group.status.toLowerCase() === 'always active',
        standard: standardCategoryOf('onetrust', id, name),
        cookies: [...cookies].sort(),
        storage: [],
        hosts: [...hosts].sort(),
      },
    ];
  });
}

function cookiebotCategories(
  tables: Record<(typeof COOKIEBOT_TABLES)[number], Array<Array<string | null>>>,
  site: string,
): DeclaredCategory[] {
  return COOKIEBOT_TABLES.flatMap((table) => {
    const rows = tables[table];
    if (rows.length === 0) return [];
    const cookies = new Set<string>();
    const storage = new Set<string>();
    const hosts = new Set<string>();
    for (const [cell = null, domains = null, , , , typeId = null] of rows) {
      if (cell === null) continue;
      // "_ga_#": Cookiebot's placeholder for the varying part of a name, a prefix.
      const name = cell.includes('#') ? `${cell.slice(0, cell.indexOf('#'))}*` : cell;
      for (const domain of (domains ?? '').split(/<br\s*\/?>/i)) {
        const host = normalizeHost(domain.trim());
        // Type 2 is "HTML" storage (a key the site's own pages keep), 5 a tracking pixel (a request to its host),
        // 1 an HTTP cookie (CookieBlock's parse_cb_js.py); anything else is taken for a cookie.
        if (typeId === '2') {
          if (COOKIE_NAME.test(name) && (host === '' || isWithin(host, site))) storage.add(name);
        } else if (typeId === '5') {
          if (isThirdPartyHost(host, site)) hosts.add(host);
        } else {
          place(name, domain, site, cookies, hosts);
        }
      }
    }
    const { name, standard } = COOKIEBOT_STANDARD[table];
    return [
      {
        id: table,
        name,
        description: '',
        alwaysActive: table === 'necessary',
        standard,
        cookies: [...cookies].sort(),
        storage: [...storage].sort(),
        hosts: [...hosts].sort(),
      },
    ];
  });
}

/** A declared cookie on `domain`: a first-party name when the domain is the site's, else its host is a third party. */
function place(name: string, domain: string, site: string, cookies: Set<string>, hosts: Set<string>): void {
  const host = normalizeHost(domain.trim());
  if (host === '' || isWithin(host, site)) {
    if (COOKIE_NAME.test(name)) cookies.add(name);
  } else if (isThirdPartyHost(host, site)) {
    hosts.add(host);
  }
}

/**
 * A host a browser can block for the site: a host name, not the site's own, and not a public suffix ("co.uk",
 * "github.io"), which would stand for every site under it.
 */
function isThirdPartyHost(host: string, site: string): boolean {
  return HOST.test(host) && !isWithin(host, site) && registrableDomainOrNull(host) !== null;
}

/** What the page may hand over before it is even checked: more is refused unread (see withinBudget). */
const OBSERVATION_BUDGET = { values: 100_000, chars: 4_000_000 };

/**
 * Whether `value` holds at most `values` arrays, objects and primitives and `chars` characters of strings and keys,
 * counted without recursion and stopping at the first excess: the page's main world can replace the reader's own
 * array methods and hand back anything, and the schema check would walk all of it.
 */
function withinBudget(value: unknown, { values, chars } = OBSERVATION_BUDGET): boolean {
  const pending: unknown[] = [value];
  let seen = 0;
  let characters = 0;
  while (pending.length > 0) {
    const next = pending.pop();
    if (++seen > values) return false;
    if (typeof next === 'string') characters += next.length;
    else if (typeof next === 'object' && next !== null)
      for (const [key, child] of Object.entries(next)) {
        characters += key.length;
        pending.push(child);
      }
    if (characters > chars) return false;
  }
  return true;
}

/** The site's text without markup or runs of whitespace: it is shown as text, never parsed as HTML. */
function plainText(value: string): string {
  return value
    .replace(/<[^<>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
