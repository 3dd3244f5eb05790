// The site rules (dnr-rules.ts) carried to everything a covered page's tab loads. A site rule matches requests whose
// initiator is a covered page; frames of other origins in that page (an embedded player that loads its own trackers)
// and frames with an opaque origin (sandboxed, data:, srcdoc) initiate requests of their own, which it misses.
//
// The field's way is a condition on the top-level page, `topDomains` / `excludedTopDomains`
// (https://github.com/w3c/webextensions/issues/762), in Chrome since 141: a dynamic rule then holds before the first
// request of a page and while the worker sleeps. Where the browser lacks it (Firefox ESR 153 here), session rules with
// `tabIds` (Chrome and Firefox, MDN declarativeNetRequest.updateSessionRules; Firefox's tab matching:
// toolkit/components/extensions/test/xpcshell/test_ext_dnr_tabIds.js) carry the rules to the tabs showing a covered
// page. Either way a carried rule is the site rule for the page's own requests, minus its initiator condition: the
// same choices, paths, exclusions and consent-manager allowances, and never a first-party host of the site.
import type { DnrRule, RequestCondition, TabRule, TopDomainRule } from '../ports/dnr';
import { RULE_IDS } from './dnr-ids';
import type { CompiledRules } from './dnr-rules';
import { hostOf, isWithin } from '../shared/hosts';

/**
 * The session rules for the open tabs `pages` (tab id → URL of its top-level page): each site rule that applies to the
 * requests of a tab's page, with `tabIds` listing every such tab instead of its initiator domains. Tabs on pages no
 * rule applies to (not covered, paused) get none. Site rule `RULE_IDS.sites.first + n` becomes
 * `RULE_IDS.tabSession.first + n`, so ids are stable while tabs come and go, and there are never more session rules
 * than site rules. Ordered by id; tab ids sorted.
 */
export function compileTabRules(compiled: CompiledRules, pages: ReadonlyMap<number, string>): TabRule[] {
  const hosts = [...pages].map(([tabId, url]) => [tabId, hostOf(url)] as const).filter(([, host]) => host !== '');
  return compiled.rules.flatMap((rule) => {
    const tabIds = hosts.filter(([, host]) => appliesOnPage(rule, host)).map(([tabId]) => tabId);
    if (tabIds.length === 0) return [];
    const condition = { ...requestCondition(rule), tabIds: tabIds.sort((a, b) => a - b) };
    return [{ id: carried(rule.id, RULE_IDS.tabSession.first), priority: rule.priority, action: rule.action, condition }];
  });
}

/** Every site rule with its initiator domains as top-level page domains (`topDomains`), ids in RULE_IDS.topSites. */
export function compileTopDomainRules(compiled: CompiledRules): TopDomainRule[] {
  return compiled.rules.map((rule) => {
    const { initiatorDomains, excludedInitiatorDomains } = rule.condition;
    const excluded = excludedInitiatorDomains === undefined ? {} : { excludedTopDomains: excludedInitiatorDomains };
    const condition = { ...requestCondition(rule), topDomains: initiatorDomains, ...excluded };
    return { id: carried(rule.id, RULE_IDS.topSites.first), priority: rule.priority, action: rule.action, condition };
  });
}

/** Whether a site rule applies to requests a page on `host` makes (its initiator domains, as the browser matches them). */
function appliesOnPage(rule: DnrRule, host: string): boolean {
  const { initiatorDomains, excludedInitiatorDomains = [] } = rule.condition;
  return initiatorDomains.some((domain) => isWithin(host, domain)) && !excludedInitiatorDomains.some((domain) => isWithin(host, domain));
}

function requestCondition(rule: DnrRule): RequestCondition {
  const { initiatorDomains, excludedInitiatorDomains, ...rest } = rule.condition;
  return rest;
}

/** The id of a site rule's carried copy: the same offset in the other range (both hold 99,999 or more ids). */
function carried(siteRuleId: number, first: number): number {
  return first + (siteRuleId - RULE_IDS.sites.first);
}
