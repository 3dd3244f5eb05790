// Sites the person protected from what their consent manager declares (protected-sites/), kept in the settings
// (settings.protectedSites): their check when read back from storage or an import, the changes that add, re-read and
// remove them, and the covered sites they make together with the bundled knowledge base.
import { compileRules, type CompiledRules } from '../blocking/dnr-rules';
import type { Site } from '../knowledge/schema';
import { buildSiteIndex, type SiteIndex } from '../knowledge/site-index';
import { MAX_SITE_CHANGES, type ProtectedSite, type Settings, type SiteChange } from '../settings/settings';
import { MAX_LINE } from '../settings/protected-site-record';

/**
 * The match patterns of a protected site's host permission: its registrable domain and every host under it, on any
 * scheme (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns).
 */
export function siteAccessOrigins(domain: string): string[] {
  return [`*://*.${domain}/*`];
}

/**
 * Protects the site made from a declaration (declared-site.ts), or replaces the record of one already protected with
 * a newer reading (`change`, what that reading found different, is kept first in its history). `now`: ISO 8601.
 */
export function protectSite(settings: Settings, site: Site, now: string, change: string[] = []): Settings {
  const domain = site.domains[0]!;
  const before = settings.protectedSites[domain];
  const lines = change.slice(0, 200).map((line) => (line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line));
  const changes: SiteChange[] = lines.length === 0 ? (before?.changes ?? []) : [{ at: now, lines }, ...(before?.changes ?? [])];
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
  /** The covered sites' lookup tables, built again whenever the list of protected sites is another object. */
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

/**
 * Site rules at most: Firefox ESR 153 allows 5,000 dynamic rules in all (the Global Privacy Control rules and some
 * headroom come off it); Chromium's 30,000, with 5,000 unsafe, hold them with their top-level-page copies
 * (scripts/bench/scale.ts LIMITS, read from both browsers).
 */
const SITE_RULE_BUDGET = 4_500;

/** Why the site rules `compile` makes would not fit the browsers' limits (or would not compile), or null. */
export function siteRulesProblem(compile: () => CompiledRules): string | null {
  let count: number;
  try {
    count = compile().rules.length;
  } catch {
    return 'the rules for every protected site would not fit the browser';
  }
  return count <= SITE_RULE_BUDGET ? null : `protecting it would need ${count} rules, and the browser allows ${SITE_RULE_BUDGET} here`;
}
