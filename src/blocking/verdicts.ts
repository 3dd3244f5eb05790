// What enforcement does with a classified request or cookie, given the user's settings.
import type { DnrRule } from '../ports/dnr';
import { isAllowed, isPaused, isTrackerRefused } from '../settings/choices';
import { classifyCookie, classifyRequestFully, cookieContext, type CookieFacts, type RequestFacts } from '../knowledge/classify';
import type { CompiledRules, RuleReason, TrackerRef } from './dnr-rules';
import { hostOf, isWithin } from '../shared/hosts';
import type { Site } from '../knowledge/schema';
import { registrableDomain } from '../knowledge/registrable-domain';
import type { Settings } from '../settings/settings';
import type { SiteIndex } from '../knowledge/site-index';

/** The pseudo-category under which removed unknown cookies are counted. */
export const UNKNOWN_CATEGORY = 'unknown';

export interface Stopped {
  site: Site;
  /** The registrable domain whose choices stopped it: of the page that made the request, or holding the cookie. */
  domain: string;
  category: string;
  /** The id of the tracker the cookie belongs to in the site's knowledge; null for an unknown cookie. */
  tracker: string | null;
}

/**
 * What the rules must do with a request: 'block' a refused category's tracker; 'strip-cookies' (remove its cookie and
 * set-cookie headers) for a host the site's knowledge does not list when unknown cookies are removed; otherwise
 * 'none' — top-level loads, pages not covered, paused domains, the site's own hosts, its CMP and allowed
 * trackers. The choices are those of the initiating page's registrable domain. The specification the compiled rules
 * are tested against (in the browser's own matcher, test/e2e).
 */
export function requestOutcome(index: SiteIndex, settings: Settings, request: RequestFacts): 'block' | 'strip-cookies' | 'none' {
  const found = classifyRequestFully(index, request);
  if (found.kind === 'uncovered') return 'none';
  const domain = registrableDomain(hostOf(request.initiator ?? ''));
  if (isPaused(settings, domain)) return 'none';
  if (found.kind === 'tracker') return isTrackerRefused(found.site, found.tracker, settings, domain) ? 'block' : 'none';
  return found.kind === 'unknown' && settings.unknownCookies === 'remove' ? 'strip-cookies' : 'none';
}

export interface Blocked {
  /** The compiled rule that blocks the request. */
  ruleId: number;
  /** The covered site whose page made the request, and that page's registrable domain. */
  siteId: string;
  domain: string;
  /** From the rule's reason: the refused category, the tracker. */
  category: string;
  tracker: TrackerRef;
}

/**
 * The compiled rule that blocks a request, and why (its reason in `compiled.reasons`), or null when no rule of
 * `compiled` blocks it. The request is classified first (covered page, nearest listed host); the rule is then the
 * block rule for that site's tracker whose domains match the request's initiator and host. The rules were compiled
 * from the settings, so no settings are needed here: counts follow what is in force.
 */
export function blockedRequest(index: SiteIndex, compiled: CompiledRules, request: RequestFacts): Blocked | null {
  const found = classifyRequestFully(index, request);
  if (found.kind !== 'tracker') return null;
  const initiator = hostOf(request.initiator ?? '');
  const host = hostOf(request.url);
  for (const [rule, reason, path] of blockRules(compiled).get(key(found.site.id, found.tracker.id)) ?? []) {
    if (path !== null && !path.test(request.url)) continue;
    if (matchesDomains(rule.condition, initiator, host)) {
      return {
        ruleId: rule.id,
        siteId: found.site.id,
        domain: registrableDomain(initiator),
        category: reason.category,
        tracker: reason.tracker,
      };
    }
  }
  return null;
}

/**
 * The refused category a cookie falls in, so it must go; consent-manager and allowed cookies never do. The choices
 * are those of the registrable domain of the context that stores it (classify.ts cookieContext).
 */
export function cookieToRemove(index: SiteIndex, settings: Settings, cookie: CookieFacts): Stopped | null {
  const found = classifyCookie(index, cookie);
  if (found.kind !== 'category' && found.kind !== 'unknown') return null;
  const domain = registrableDomain(cookieContext(cookie));
  if (found.kind === 'category') return isRefused(found.site, found.category, settings, domain) ? { ...found, domain } : null;
  if (settings.unknownCookies === 'remove' && !isPaused(settings, domain)) {
    return { site: found.site, domain, category: UNKNOWN_CATEGORY, tracker: null };
  }
  return null;
}

function isRefused(site: Site, categoryId: string, settings: Settings, domain: string): boolean {
  const category = site.categories.find((candidate) => candidate.id === categoryId);
  return category !== undefined && !isAllowed(site, category, settings, domain);
}

/** Per (site, tracker): its block rules, path-scoped ones first (they outrank host rules), with their path pattern. */
type BlockRules = Map<string, Array<[DnrRule, RuleReason & { enforces: 'refused-tracker' }, RegExp | null]>>;

const blockRulesOf = new WeakMap<CompiledRules, BlockRules>();

/** The reason table indexed by (site, tracker), built once per compiled set. */
function blockRules(compiled: CompiledRules): BlockRules {
  let table = blockRulesOf.get(compiled);
  if (table === undefined) {
    table = new Map();
    for (const rule of compiled.rules) {
      const reason = compiled.reasons.get(rule.id);
      if (reason?.enforces !== 'refused-tracker') continue;
      for (const site of reason.sites) {
        const entries = table.get(key(site, reason.tracker.id)) ?? [];
        // Case-insensitive, as both browsers match a regexFilter by default (isUrlFilterCaseSensitive: false).
        const path = rule.condition.regexFilter === undefined ? null : new RegExp(rule.condition.regexFilter, 'i');
        entries.push([rule, reason, path]);
        table.set(key(site, reason.tracker.id), entries);
      }
    }
    for (const entries of table.values()) entries.sort(([, , a], [, , b]) => (a === null ? 1 : 0) - (b === null ? 1 : 0));
    blockRulesOf.set(compiled, table);
  }
  return table;
}

const key = (siteId: string, trackerId: string): string => `${siteId}\n${trackerId}`;

/** The domain part of a rule's condition (a domain list matches the host and its subdomains; exclusions win). */
function matchesDomains(condition: DnrRule['condition'], initiator: string, host: string): boolean {
  const within = (value: string, domains: string[] | undefined): boolean => domains?.some((domain) => isWithin(value, domain)) ?? false;
  return (
    within(initiator, condition.initiatorDomains) &&
    !within(initiator, condition.excludedInitiatorDomains) &&
    (condition.requestDomains === undefined || within(host, condition.requestDomains)) &&
    !within(host, condition.excludedRequestDomains)
  );
}
