// Compiles the user's choices into declarativeNetRequest dynamic rules, and says for each rule why it exists: a pure
// function of (sites, settings). The browser enforces the rules itself, so protection holds while the worker sleeps.
import type { DnrRule } from '../ports/dnr';
import { trackerRefusedAmong } from '../settings/choices';
import { domainsByChoices } from '../settings/domain-groups';
import { lookupHostOrParent } from '../shared/hosts';
import { PRIORITY, RULE_IDS } from './dnr-ids';
import { hostsByExclusions, pagesByExclusions, pathHostsByExclusions } from './dnr-nesting';
import { withFqdnSpellings } from './dnr-spellings';
import type { Site, Tracker } from '../knowledge/schema';
import type { Settings } from '../settings/settings';
import { buildSiteIndex, type SiteEntry } from '../knowledge/site-index';

export interface TrackerRef {
  id: string;
  name: string;
}

/** Why a rule exists: what it enforces, on pages of which covered sites (ids, sorted; the rule names the domains). */
export type RuleReason =
  | { enforces: 'refused-tracker'; sites: string[]; category: string; tracker: TrackerRef }
  /** An allowed tracker's paths on a host a block or strip rule would otherwise reach. */
  | { enforces: 'allowed-tracker-path'; sites: string[]; category: string; tracker: TrackerRef }
  | { enforces: 'consent-manager'; sites: string[]; consentManager: string }
  | { enforces: 'unknown-cookies'; sites: string[] };

export interface CompiledRules {
  rules: DnrRule[];
  /** Rule id → its reason; one entry per rule. The per-tab counts, and any "why was this blocked", read it. */
  reasons: Map<number, RuleReason>;
}

const STRIP_COOKIES = {
  type: 'modifyHeaders',
  requestHeaders: [{ header: 'cookie', operation: 'remove' }],
  responseHeaders: [{ header: 'set-cookie', operation: 'remove' }],
} as const satisfies DnrRule['action'];

const ORDER: Record<RuleReason['enforces'], number> = {
  'consent-manager': 0,
  'refused-tracker': 1,
  'allowed-tracker-path': 2,
  'unknown-cookies': 3,
};

/** Rules with the same action and request condition, for the pages of one or more sites. */
interface Group {
  reason: DistributiveOmit<RuleReason, 'sites'>;
  requestCondition: Pick<DnrRule['condition'], 'requestDomains' | 'excludedRequestDomains' | 'regexFilter'>;
  /** Page domain → the id of the covered site it belongs to. */
  pages: Map<string, string>;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * The rules for `settings` over the covered `sites`, with ids 1, 2, … in RULE_IDS.sites, and each rule's reason.
 *
 * Per covered site, for each group of its domains with the same choices (domain-groups.ts; a paused domain has none):
 * one block rule per refused tracker (its hosts, for the group's pages); an allow
 * rule for its CMP, which outranks blocks (PRIORITY), whenever a block or strip rule could reach it; and,
 * when `settings.unknownCookies` is 'remove', one rule stripping cookie and set-cookie headers from every host the
 * site's knowledge does not list. A request host belongs to the nearest listed host of the site, as the classifier
 * decides (classify.ts): hosts of other roles nested below a rule's hosts are excluded from it, and so are the pages
 * of other covered sites nested below a site's domains. Sites whose rules are alike share them (their domains merged,
 * the reason listing every site), and so do domains of one site with different choices wherever their rules agree, so
 * the count grows with distinct trackers and choices, not with sites or domains. Every domain is listed in both
 * spellings, "example.com" and "example.com." (dnr-spellings.ts). Main-frame loads are never matched. Deterministic
 * and independent of the order of `sites`.
 *
 * Throws a RangeError if the rules would not fit the site id range.
 */
export function compileRules(sites: readonly Site[], settings: Settings): CompiledRules {
  const index = buildSiteIndex(sites);
  const groups = new Map<string, Group>();
  for (const site of [...sites].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const entry = index.byId.get(site.id);
    if (entry === undefined) continue;
    for (const { domains, refused } of domainsByChoices(site, settings)) {
      const add = (reason: Group['reason'], requestCondition: Group['requestCondition'], key: string): void => {
        const group = groups.get(key) ?? { reason, requestCondition, pages: new Map<string, string>() };
        for (const domain of domains) group.pages.set(domain, site.id);
        groups.set(key, group);
      };
      compileSite(entry, refused, settings, add);
    }
  }
  const coveredDomains = [...index.byDomain.keys()];
  const ordered = [...groups.entries()].sort(([a, x], [b, y]) => ORDER[x.reason.enforces] - ORDER[y.reason.enforces] || (a < b ? -1 : 1));
  const rules: DnrRule[] = [];
  const reasons = new Map<number, RuleReason>();
  for (const [, group] of ordered) {
    for (const [pages, excludedPages] of pagesByExclusions(group.pages, coveredDomains)) {
      const id = RULE_IDS.sites.first + rules.length;
      if (id > RULE_IDS.sites.last) throw new RangeError(`more than ${RULE_IDS.sites.last - RULE_IDS.sites.first + 1} site rules`);
      const condition: DnrRule['condition'] = {
        ...group.requestCondition,
        initiatorDomains: pages,
        ...nonEmpty('excludedInitiatorDomains', excludedPages),
        excludedResourceTypes: ['main_frame'],
      };
      rules.push({ id, ...actionOf(group), condition: withFqdnSpellings(condition) });
      reasons.set(id, { ...group.reason, sites: sorted(pages.map((page) => group.pages.get(page)!)) });
    }
  }
  return { rules, reasons };
}

type AddRule = (reason: Group['reason'], requestCondition: Group['requestCondition'], key: string) => void;

/** One site's rules for the pages of domains that refuse `refused`, handed to `add` keyed by what they do. */
function compileSite(entry: SiteEntry, refused: readonly string[], settings: Settings, add: AddRule): void {
  const { site, hosts: roles } = entry;
  const refusedTrackers = new Set(site.trackers.filter((tracker) => trackerRefusedAmong(tracker, refused)));
  for (const tracker of site.trackers) {
    const reason = { category: tracker.category, tracker: { id: tracker.id, name: tracker.name } };
    if (refusedTrackers.has(tracker)) {
      for (const [hosts, excluded] of hostsByExclusions(roles, tracker)) {
        const key = ['block', tracker.category, tracker.id, hosts, excluded].join('|');
        add({ enforces: 'refused-tracker', ...reason }, { requestDomains: hosts, ...nonEmpty('excludedRequestDomains', excluded) }, key);
      }
    }
    for (const { hosts, excluded, regexFilter } of pathConditions(entry, tracker, refusedTrackers, settings)) {
      const enforces = refusedTrackers.has(tracker) ? 'refused-tracker' : 'allowed-tracker-path';
      const key = [enforces, tracker.category, tracker.id, hosts, excluded, regexFilter].join('|');
      const condition = { requestDomains: hosts, ...nonEmpty('excludedRequestDomains', excluded), regexFilter };
      add({ enforces, ...reason }, condition, key);
    }
  }
  const hosts = sorted(site.consentManager.hosts);
  if (hosts.length > 0 && (refused.length > 0 || settings.unknownCookies === 'remove')) {
    const reason = { enforces: 'consent-manager', consentManager: site.consentManager.name } as const;
    add(reason, { requestDomains: hosts }, ['allow', site.consentManager.name, hosts].join('|'));
  }
  if (settings.unknownCookies === 'remove') {
    // Every host the site lists, whatever its category: a refused tracker's request is blocked before headers matter.
    // TODO [2027-01-31]: a modifyHeaders rule acts only where the extension has host permission for the request and
    // its initiator (MDN declarativeNetRequest.RuleAction), and the product's hosts are the covered sites and tracker
    // hosts, so unknown third parties are out of reach; testMatchOutcome ignores permissions and cannot show it.
    const known = sorted(roles.keys());
    add({ enforces: 'unknown-cookies' }, { excludedRequestDomains: known }, ['strip', known].join('|'));
  }
}

/**
 * The path-scoped conditions of a tracker: its hosts with the same prefixes together, one regular expression for
 * them. A refused tracker's are blocked; an allowed tracker's need an allow rule only where a refused host rule above
 * its host, or the unknown-cookie strip rule (a path host the table does not list is unknown to it), would reach them.
 */
function pathConditions(
  entry: SiteEntry,
  tracker: Tracker,
  refused: ReadonlySet<Tracker>,
  settings: Settings,
): Array<{ hosts: string[]; excluded: string[]; regexFilter: string }> {
  const byPrefixes = new Map<string, string[]>();
  for (const [host, scoped] of entry.paths) {
    const prefixes = sorted(scoped.filter((path) => path.tracker === tracker).map((path) => path.prefix));
    if (prefixes.length === 0) continue;
    if (!refused.has(tracker)) {
      const nearest = lookupHostOrParent(entry.hosts, host);
      const reached = nearest === undefined ? settings.unknownCookies === 'remove' : typeof nearest === 'object' && refused.has(nearest);
      if (!reached) continue;
    }
    byPrefixes.set(prefixes.join(' '), [...(byPrefixes.get(prefixes.join(' ')) ?? []), host]);
  }
  return [...byPrefixes].flatMap(([prefixes, hosts]) =>
    pathHostsByExclusions(entry.hosts, hosts).map(([grouped, excluded]) => ({
      hosts: grouped,
      excluded,
      regexFilter: pathPattern(prefixes.split(' ')),
    })),
  );
}

/** The regexFilter for path prefixes (site-index.ts pathMatches): after the authority, a prefix, then a separator. */
function pathPattern(prefixes: readonly string[]): string {
  const alternatives = prefixes.map((prefix) => prefix.replace(/\./g, '\\.') + (prefix.endsWith('/') ? '' : '([^a-z0-9_.%-]|$)'));
  return `^[a-z]+://[^/?#]+(${alternatives.join('|')})`;
}

function actionOf({ reason, requestCondition }: Group): Pick<DnrRule, 'priority' | 'action'> {
  if (reason.enforces === 'allowed-tracker-path') return { priority: PRIORITY.trackerPath, action: { type: 'allow' } };
  if (requestCondition.regexFilter !== undefined) return { priority: PRIORITY.trackerPath, action: { type: 'block' } };
  if (reason.enforces === 'consent-manager') return { priority: PRIORITY.allowConsentManager, action: { type: 'allow' } };
  if (reason.enforces === 'unknown-cookies') return { priority: PRIORITY.stripUnknownCookies, action: STRIP_COOKIES };
  // No header rule beside the block: a blocked request is never sent, so it carries no cookie and gets no
  // set-cookie back, and a modifyHeaders rule with the same condition could never decide an outcome.
  return { priority: PRIORITY.blockRefused, action: { type: 'block' } };
}

function nonEmpty<K extends string>(key: K, values: string[]): Partial<Record<K, string[]>> {
  return values.length > 0 ? ({ [key]: values } as Record<K, string[]>) : {};
}

function sorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}
