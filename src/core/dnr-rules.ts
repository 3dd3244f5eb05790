// Compiles the user's choices into declarativeNetRequest dynamic rules, and says for each rule why it exists: a pure
// function of (sites, settings). The browser enforces the rules itself, so protection holds while the worker sleeps.
import { isPaused, refusedCategories } from './choices';
import { PRIORITY, RULE_IDS } from './dnr-ids';
import { hostsByExclusions, pagesByExclusions } from './dnr-nesting';
import type { Site } from './knowledge';
import type { Settings } from './settings';
import { buildSiteIndex } from './site-index';

type HeaderRemoval = { header: string; operation: 'remove' };

/**
 * The subset of chrome.declarativeNetRequest.Rule this extension writes; valid in Chrome and Firefox. A domain list
 * matches its domains and their subdomains; an excluded list wins over the matching one
 * (https://developer.chrome.com/docs/extensions/reference/api/declarativeNetRequest#type-RuleCondition).
 */
export interface DnrRule {
  id: number;
  priority: number;
  action: { type: 'block' | 'allow' } | { type: 'modifyHeaders'; requestHeaders: HeaderRemoval[]; responseHeaders: HeaderRemoval[] };
  condition: {
    requestDomains?: string[];
    excludedRequestDomains?: string[];
    initiatorDomains: string[];
    excludedInitiatorDomains?: string[];
    // Every subresource type, including those a browser adds later (beacon, webtransport, …); never a page load.
    // Both browsers leave main_frame out when no type list is given (Chrome DNR docs, RuleCondition.excludedResourceTypes);
    // naming it keeps that out of the browser's defaults and in the rule.
    excludedResourceTypes: Array<'main_frame'>;
  };
}

export interface TrackerRef {
  id: string;
  name: string;
}

/** Why a rule exists: what it enforces, on the pages of which covered sites (ids, sorted). */
export type RuleReason =
  | { enforces: 'refused-tracker'; sites: string[]; category: string; tracker: TrackerRef }
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

const ORDER: Record<RuleReason['enforces'], number> = { 'consent-manager': 0, 'refused-tracker': 1, 'unknown-cookies': 2 };

/** Rules with the same action and request condition, for the pages of one or more sites. */
interface Group {
  reason: DistributiveOmit<RuleReason, 'sites'>;
  requestCondition: Pick<DnrRule['condition'], 'requestDomains' | 'excludedRequestDomains'>;
  /** Page domain → the id of the covered site it belongs to. */
  pages: Map<string, string>;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * The rules for `settings` over the covered `sites`, with ids 1, 2, … in RULE_IDS.sites, and each rule's reason.
 *
 * Per covered site, unless paused: one block rule per refused tracker (its hosts, for the site's pages); an allow
 * rule for its CMP, which outranks blocks (PRIORITY), whenever a block or strip rule could reach it; and,
 * when `settings.unknownCookies` is 'remove', one rule stripping cookie and set-cookie headers from every host the
 * site's knowledge does not list. A request host belongs to the nearest listed host of the site, as the classifier
 * decides (classify.ts): hosts of other roles nested below a rule's hosts are excluded from it, and so are the pages
 * of other covered sites nested below a site's domains. Sites whose rules are alike share them (their domains merged,
 * the reason listing every site), so the count grows with distinct trackers and choices, not with sites. Main-frame
 * loads are never matched. Deterministic and independent of the order of `sites`.
 *
 * Throws a RangeError if the rules would not fit the site id range.
 */
export function compileRules(sites: readonly Site[], settings: Settings): CompiledRules {
  const index = buildSiteIndex(sites);
  const groups = new Map<string, Group>();
  const add = (reason: Group['reason'], requestCondition: Group['requestCondition'], site: Site, key: string): void => {
    const group = groups.get(key) ?? { reason, requestCondition, pages: new Map<string, string>() };
    for (const domain of site.domains) group.pages.set(domain, site.id);
    groups.set(key, group);
  };
  for (const site of [...sites].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const roles = index.byId.get(site.id)?.hosts;
    if (roles === undefined || isPaused(settings, site.id)) continue;
    const refused = refusedCategories(site, settings);
    for (const tracker of site.trackers.filter((candidate) => refused.includes(candidate.category))) {
      for (const [hosts, excluded] of hostsByExclusions(roles, tracker)) {
        const reason = {
          enforces: 'refused-tracker',
          category: tracker.category,
          tracker: { id: tracker.id, name: tracker.name },
        } as const;
        const key = ['block', tracker.category, tracker.id, hosts, excluded].join('|');
        add(reason, { requestDomains: hosts, ...nonEmpty('excludedRequestDomains', excluded) }, site, key);
      }
    }
    const hosts = sorted(site.consentManager.hosts);
    if (hosts.length > 0 && (refused.length > 0 || settings.unknownCookies === 'remove')) {
      const reason = { enforces: 'consent-manager', consentManager: site.consentManager.name } as const;
      add(reason, { requestDomains: hosts }, site, ['allow', site.consentManager.name, hosts].join('|'));
    }
    if (settings.unknownCookies === 'remove') {
      // Every host the site lists, whatever its category: a refused tracker's request is blocked before headers matter.
      // TODO [2027-01-31]: a modifyHeaders rule acts only where the extension has host permission for the request and
      // its initiator (MDN declarativeNetRequest.RuleAction), and the product's hosts are the covered sites and tracker
      // hosts, so unknown third parties are out of reach; testMatchOutcome ignores permissions and cannot show it.
      const known = sorted(roles.keys());
      add({ enforces: 'unknown-cookies' }, { excludedRequestDomains: known }, site, ['strip', known].join('|'));
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
      rules.push({ id, ...actionOf(group.reason), condition });
      reasons.set(id, { ...group.reason, sites: sorted(pages.map((page) => group.pages.get(page)!)) });
    }
  }
  return { rules, reasons };
}

/**
 * compileRules for fixed `sites`, remembering the last result: the rule sync and the request observer ask for the
 * same settings object many times, and share one compilation of it.
 */
export function createRulesCompiler(sites: readonly Site[]): (settings: Settings) => CompiledRules {
  let last: { settings: Settings; compiled: CompiledRules } | null = null;
  return (settings) => {
    if (last?.settings !== settings) last = { settings, compiled: compileRules(sites, settings) };
    return last.compiled;
  };
}

function actionOf(reason: Group['reason']): Pick<DnrRule, 'priority' | 'action'> {
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
