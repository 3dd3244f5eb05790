// Cookiebot's declarations, as page/declarations.ts hands them over (hostile input: schema-checked, size-capped,
// text only): its cookie tables (CookieConsentDialog.cookieTableNecessary, …Preference, …Statistics, …Advertising,
// …Unclassified: rows of [name, domain(s) joined by "<br/>", purpose, expiry, type name, type id (1 HTTP, 2 HTML
// storage, 5 pixel), …] — dibollinger/CookieBlock-Consent-Crawler and its parse_cb_js.py).
import * as v from 'valibot';
import { normalizeHost } from '../../shared/hosts';
import {
  Entries,
  isThirdPartyHost,
  MAX_DECLARED_TEXT as MAX,
  place,
  plainText,
  placeKey,
  sorted,
  Text,
  type DeclaredCategory,
  type StandardCategory,
} from '../declared';

const CookiebotRow = v.pipe(v.array(v.nullable(Text(MAX.description))), v.maxLength(16));
const COOKIEBOT_TABLES = ['necessary', 'preference', 'statistics', 'advertising', 'unclassified'] as const;
type Table = (typeof COOKIEBOT_TABLES)[number];
const CookiebotObservation = v.strictObject({
  platform: v.literal('cookiebot'),
  version: Text(MAX.version),
  tables: v.strictObject(
    Object.fromEntries(COOKIEBOT_TABLES.map((table) => [table, Entries(CookiebotRow)])) as Record<
      Table,
      ReturnType<typeof Entries<typeof CookiebotRow>>
    >,
  ),
});

/**
 * Each table's name as Cookiebot's dialog shows it, its standard category, and the consent flag that governs it (its
 * `Cookiebot.consent` properties, record.ts): the flag is the category's answer. Unclassified cookies have no flag.
 */
const TABLES: Record<Table, { name: string; standard: StandardCategory | null; flag?: string }> = {
  necessary: { name: 'Necessary', standard: 'strictly-necessary', flag: 'necessary' },
  preference: { name: 'Preferences', standard: 'functionality', flag: 'preferences' },
  statistics: { name: 'Statistics', standard: 'performance-and-analytics', flag: 'statistics' },
  advertising: { name: 'Marketing', standard: 'targeting-or-advertising', flag: 'marketing' },
  unclassified: { name: 'Unclassified', standard: null },
};

/** The consent flag a declared table's answer is written to; undefined for a table without one. */
export function flagOfTable(table: string): string | undefined {
  return Object.hasOwn(TABLES, table) ? TABLES[table as Table].flag : undefined;
}

/** The tables that hold rows, in Cookiebot's order, with what they declare for `site`. */
export function readCookiebot(observed: unknown, site: string): { version: string; categories: DeclaredCategory[] } | null {
  const parsed = v.safeParse(CookiebotObservation, observed);
  if (!parsed.success) return null;
  const { tables } = parsed.output;
  const categories = COOKIEBOT_TABLES.flatMap((table) => {
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
        if (typeId === '2') placeKey(name, host, site, storage);
        else if (typeId === '5') {
          if (isThirdPartyHost(host, site)) hosts.add(host);
        } else place(name, domain, site, cookies, hosts);
      }
    }
    const { name, standard } = TABLES[table];
    return [
      {
        id: table,
        name,
        description: '',
        alwaysActive: table === 'necessary',
        standard,
        cookies: sorted(cookies),
        storage: sorted(storage),
        hosts: sorted(hosts),
      },
    ];
  });
  return { version: plainText(parsed.output.version), categories };
}
