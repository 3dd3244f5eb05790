// The stored record of a site protected from what its consent manager declares (protected-sites/ makes and keeps
// them; settings.protectedSites holds them): its schema and caps, checked when settings are read back from storage or
// an import. It lives with the settings, which check it, so the settings need nothing from the slice above them.
import * as v from 'valibot';
import { isWithin } from '../shared/hosts';
import { visibleText } from '../shared/visible-text';
import { registrableDomainOrNull } from '../knowledge/registrable-domain';
import { SiteSchema } from '../knowledge/schema';
import { MAX_SITE_CHANGES, type ProtectedSite } from './settings';

/** Caps on one site's declaration (protected-sites/declaration.ts reads no more): real ones hold a few dozen hosts and a few hundred cookies. */
export const MAX_DECLARED = { categories: 64, hosts: 200, cookies: 2000 } as const;

const Timestamp = v.pipe(v.string(), v.isoTimestamp());

/** Most sites a person may protect: with the largest declarations they would still fit Firefox's 5,000 dynamic rules. */
export const MAX_PROTECTED_SITES = 1000;
/** A record's JSON, at most: the caps below allow about 300 KB; anything larger was not made by this extension. */
const MAX_RECORD_CHARS = 400_000;
/** A line of a reading's changes, at most (protected-sites/protected-sites.ts protectSite cuts longer ones). */
export const MAX_LINE = 300;

const distinct = (values: readonly string[]): number => new Set(values).size;

/**
 * A stored or imported protected site: in the shape a declaration makes (declared-site.ts) and capped as one is
 * (MAX_DECLARED, one more category for the disputed hosts): one domain, no documents or quotes, at most
 * two trackers per category plus the disputed hosts', none scoped by path or loading others, and at most
 * MAX_RECORD_CHARS of JSON. The site's id and domain are checked against its key (protectedSiteProblem).
 */
export const ProtectedSiteSchema = v.strictObject({
  site: v.pipe(
    SiteSchema,
    v.check((site) => site.declared !== undefined, 'must be a site read from its consent manager (declared)'),
    v.check((site) => site.domains.length === 1, 'must have exactly one domain'),
    v.check(
      (site) =>
        [site.documents, site.sentences, site.collected, site.practices, site.optOuts, site.points, site.choices].every(
          (list) => list.length === 0,
        ),
      'a site read from its consent manager has no documents, quotes, collected data, practices or opt-outs',
    ),
    v.check((site) => site.categories.length <= MAX_DECLARED.categories + 1, `must have at most ${MAX_DECLARED.categories + 1} categories`),
    v.check((site) => site.trackers.length <= 2 * site.categories.length + 1, 'has more trackers than its categories can declare'),
    v.check(
      (site) => site.trackers.every((tracker) => !tracker.paths && !tracker.loads && !tracker.serverCookies),
      'a declared tracker is a list of hosts and cookies: no paths, loads or server cookies',
    ),
    v.check(
      (site) => distinct(site.trackers.flatMap((tracker) => tracker.hosts)) <= MAX_DECLARED.hosts,
      `must have at most ${MAX_DECLARED.hosts} hosts`,
    ),
    v.check(
      (site) =>
        distinct(site.trackers.flatMap((tracker) => [...tracker.cookies, ...(tracker.storage?.names ?? [])])) <= MAX_DECLARED.cookies,
      `must have at most ${MAX_DECLARED.cookies} cookies and storage keys`,
    ),
    v.check((site) => JSON.stringify(site).length <= MAX_RECORD_CHARS, `must be at most ${MAX_RECORD_CHARS} characters of JSON`),
    // A record made here shows only visible text (shared/visible-text.ts); one carrying reordering or invisible
    // characters was made elsewhere, and could make its names read as the extension's own words.
    v.check((site) => {
      const json = JSON.stringify(site);
      return visibleText(json) === json;
    }, 'its names and descriptions must be visible text, without control, format or separator characters'),
  ),
  protectedAt: Timestamp,
  changes: v.pipe(
    v.array(v.strictObject({ at: Timestamp, lines: v.pipe(v.array(v.pipe(v.string(), v.maxLength(MAX_LINE))), v.maxLength(200)) })),
    v.maxLength(MAX_SITE_CHANGES),
  ),
});

/**
 * Why the protected site under `domain` cannot be kept, or null. `domain` must be a registrable domain (not a public
 * suffix such as "github.io", which would stand for every site under it), the record's only domain, and named in its
 * id (`declared-<domain, dots as dashes>-…`, so it can never take a bundled site's id); and it may be neither on, nor
 * within, nor above a bundled site's domain (`bundledDomains`), whose knowledge base it would otherwise contradict.
 */
export function protectedSiteProblem(domain: string, record: ProtectedSite, bundledDomains: readonly string[]): string | null {
  if (registrableDomainOrNull(domain) !== domain) return `${domain} is not a registrable domain of its own`;
  if (record.site.domains[0] !== domain) return `its site is ${JSON.stringify(record.site.domains[0])}, not ${domain}`;
  if (!record.site.id.startsWith(`declared-${domain.replaceAll('.', '-')}-`)) return `its id does not name ${domain}`;
  const bundled = bundledDomains.find((covered) => isWithin(domain, covered) || isWithin(covered, domain));
  return bundled === undefined ? null : `${domain} is covered by the bundled knowledge base (${bundled})`;
}

/**
 * Why a whole list of protected sites cannot be kept together, or null: two records with one id (two domains whose
 * dashed forms agree) would be one site to the index, and more than MAX_PROTECTED_SITES would outgrow the rule limits.
 */
export function protectedSitesProblem(sites: Readonly<Record<string, ProtectedSite>>): string | null {
  const records = Object.values(sites);
  if (records.length > MAX_PROTECTED_SITES) return `at most ${MAX_PROTECTED_SITES} sites can be protected`;
  return distinct(records.map((record) => record.site.id)) === records.length ? null : 'two protected sites have the same id';
}
