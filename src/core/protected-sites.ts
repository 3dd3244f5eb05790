// Sites the person protected from what their consent manager declares (core/declared/), kept in the settings
// (settings.protectedSites): their check when read back from storage or an import, the changes that add, re-read and
// remove them, and the covered sites they make together with the bundled knowledge base.
import * as v from 'valibot';
import { MAX_DECLARED } from './declared/declaration';
import { compileRules, type CompiledRules } from './dnr-rules';
import { isWithin } from './hosts';
import { SiteSchema, type Site } from './knowledge';
import { buildSiteIndex, type SiteIndex } from './site-index';
import { MAX_SITE_CHANGES, type ProtectedSite, type Settings, type SiteChange } from './settings';

const Timestamp = v.pipe(v.string(), v.isoTimestamp());

/**
 * A stored or imported protected site, capped as a declaration is (declaration.ts MAX_DECLARED): a site made from a
 * consent manager's declaration (`declared` present) with one domain.
 */
export const ProtectedSiteSchema = v.strictObject({
  site: v.pipe(
    SiteSchema,
    v.check((site) => site.declared !== undefined, 'must be a site read from its consent manager (declared)'),
    v.check((site) => site.domains.length === 1, 'must have exactly one domain'),
    v.check((site) => site.categories.length <= MAX_DECLARED.categories, `must have at most ${MAX_DECLARED.categories} categories`),
    v.check(
      (site) => new Set(site.trackers.flatMap((tracker) => tracker.hosts)).size <= MAX_DECLARED.hosts,
      `must have at most ${MAX_DECLARED.hosts} hosts`,
    ),
    v.check(
      (site) =>
        site.trackers.reduce((sum, tracker) => sum + tracker.cookies.length + (tracker.storage?.names.length ?? 0), 0) <=
        MAX_DECLARED.cookies,
      `must have at most ${MAX_DECLARED.cookies} cookies and storage keys`,
    ),
  ),
  protectedAt: Timestamp,
  changes: v.pipe(
    v.array(v.strictObject({ at: Timestamp, lines: v.pipe(v.array(v.pipe(v.string(), v.maxLength(300))), v.maxLength(200)) })),
    v.maxLength(MAX_SITE_CHANGES),
  ),
});

/**
 * Why the protected site under `domain` cannot be kept, or null: it must be kept under its own domain, and neither on
 * nor within nor above a bundled site's domain (`bundledDomains`), whose knowledge base it would otherwise contradict.
 */
export function protectedSiteProblem(domain: string, record: ProtectedSite, bundledDomains: readonly string[]): string | null {
  if (record.site.domains[0] !== domain) return `its site is ${JSON.stringify(record.site.domains[0])}, not ${domain}`;
  const bundled = bundledDomains.find((covered) => isWithin(domain, covered) || isWithin(covered, domain));
  return bundled === undefined ? null : `${domain} is covered by the bundled knowledge base (${bundled})`;
}

/**
 * Protects the site made from a declaration (declared-site.ts), or replaces the record of one already protected with
 * a newer reading (`change`, what that reading found different, is kept first in its history). `now`: ISO 8601.
 */
export function protectSite(settings: Settings, site: Site, now: string, change: string[] = []): Settings {
  const domain = site.domains[0]!;
  const before = settings.protectedSites[domain];
  const changes: SiteChange[] = change.length === 0 ? (before?.changes ?? []) : [{ at: now, lines: change }, ...(before?.changes ?? [])];
  const record: ProtectedSite = { site, protectedAt: before?.protectedAt ?? now, changes: changes.slice(0, MAX_SITE_CHANGES) };
  return { ...settings, protectedSites: { ...settings.protectedSites, [domain]: record } };
}

/** Stops protecting the site on `domain`, and forgets the choices made there (they were its categories'). */
export function unprotectSite(settings: Settings, domain: string): Settings {
  const { [domain]: _site, ...protectedSites } = settings.protectedSites;
  const { [domain]: _choices, ...sites } = settings.sites;
  return { ...settings, protectedSites, sites };
}

/** What is covered under some settings: the bundled sites and the protected ones. */
export interface Coverage {
  /** The covered sites' lookup tables, built once per list of protected sites. */
  index: (settings: Settings) => SiteIndex;
  /**
   * compileRules over the covered sites, remembered for the last settings object (the rule syncs and the request
   * observer ask for the same one many times).
   */
  compiled: (settings: Settings) => CompiledRules;
}

/** Coverage over the `bundled` sites (the knowledge base) and each settings' protected sites, after them. */
export function createCoverage(bundled: readonly Site[]): Coverage {
  let lastIndex: { of: Settings['protectedSites']; index: SiteIndex } | null = null;
  let lastRules: { of: Settings; compiled: CompiledRules } | null = null;
  const index = (settings: Settings): SiteIndex => {
    if (lastIndex?.of !== settings.protectedSites) {
      const declared = Object.values(settings.protectedSites).map((record) => record.site);
      lastIndex = { of: settings.protectedSites, index: buildSiteIndex(declared.length === 0 ? bundled : [...bundled, ...declared]) };
    }
    return lastIndex.index;
  };
  return {
    index,
    compiled(settings) {
      if (lastRules?.of !== settings) lastRules = { of: settings, compiled: compileRules(index(settings).sites, settings) };
      return lastRules.compiled;
    },
  };
}
