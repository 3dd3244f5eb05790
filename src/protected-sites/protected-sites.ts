// Sites the person protected from what their consent manager declares (protected-sites/), kept in the settings
// (settings.protectedSites): their check when read back from storage or an import, the changes that add, re-read and
// remove them, and the covered sites they make together with the bundled knowledge base.
import * as v from 'valibot';
import { MAX_DECLARED } from '../consent-manager/declared';
import { compileRules, type CompiledRules } from '../blocking/dnr-rules';
import { isWithin } from '../shared/hosts';
import { registrableDomainOrNull } from '../knowledge/registrable-domain';
import { SiteSchema, type Site } from '../knowledge/schema';
import { buildSiteIndex, type SiteIndex } from '../knowledge/site-index';
import { MAX_SITE_CHANGES, type ProtectedSite, type Settings, type SiteChange } from '../settings/settings';

const Timestamp = v.pipe(v.string(), v.isoTimestamp());

/** Most sites a person may protect: with the largest declarations they would still fit Firefox's 5,000 dynamic rules. */
export const MAX_PROTECTED_SITES = 1000;
/** A record's JSON, at most: the caps below allow about 300 KB; anything larger was not made by this extension. */
const MAX_RECORD_CHARS = 400_000;
const MAX_LINE = 300;

const distinct = (values: readonly string[]): number => new Set(values).size;

/**
 * A stored or imported protected site: in the shape a declaration makes (declared-site.ts) and capped as one is
 * (declaration.ts MAX_DECLARED, one more category for the disputed hosts): one domain, no documents or quotes, at most
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
