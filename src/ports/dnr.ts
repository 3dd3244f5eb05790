// The declarativeNetRequest API's dynamic and session rules, and the rules' shapes: the API's data format, which the
// slices compile values of (blocking/dnr-rules.ts, blocking/tab-rules.ts, gpc/gpc.ts).

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
    // A tracker's path prefixes on its hosts (knowledge/site-index.ts pathMatches), matched case-insensitively as both browsers
    // do by default. A regular expression, not a urlFilter: "||www.facebook.com/tr^" does not match a URL that names
    // a port (https://www.facebook.com:8443/tr?id=1, tried in Chromium's testMatchOutcome), and requestDomains already
    // anchors the host. Chrome allows 1,000 regex rules (MAX_NUMBER_OF_REGEX_RULES); Firefox supports them since 113.
    regexFilter?: string;
    initiatorDomains: string[];
    excludedInitiatorDomains?: string[];
    // Every subresource type, including those a browser adds later (beacon, webtransport, …); never a page load.
    // Both browsers leave main_frame out when no type list is given (Chrome DNR docs, RuleCondition.excludedResourceTypes);
    // naming it keeps that out of the browser's defaults and in the rule.
    excludedResourceTypes: Array<'main_frame'>;
  };
}

export type RequestCondition = Omit<DnrRule['condition'], 'initiatorDomains' | 'excludedInitiatorDomains'>;

/** A site rule carried to tabs: a declarativeNetRequest session rule (ids in RULE_IDS.tabSession). */
export interface TabRule extends Omit<DnrRule, 'condition'> {
  condition: RequestCondition & { tabIds: number[] };
}

/** A site rule scoped by the top-level page: a dynamic rule (ids in RULE_IDS.topSites). */
export interface TopDomainRule extends Omit<DnrRule, 'condition'> {
  condition: RequestCondition & { topDomains: string[]; excludedTopDomains?: string[] };
}

/** A declarativeNetRequest dynamic rule that sets `Sec-GPC: 1` (ids in RULE_IDS.globalPrivacyControl). */
export interface GpcRule {
  id: number;
  priority: number;
  action: { type: 'modifyHeaders'; requestHeaders: Array<{ header: 'Sec-GPC'; operation: 'set'; value: '1' }> };
  condition:
    | { requestDomains: string[]; resourceTypes: Array<'main_frame' | 'sub_frame'> }
    | { initiatorDomains: string[]; excludedResourceTypes: Array<'main_frame' | 'sub_frame'> };
}

/** Every kind of dynamic rule the extension adds: the site rules, their top-level-page copies, the GPC header rules. */
export type DynamicRule = DnrRule | TopDomainRule | GpcRule;

export interface DynamicRules {
  getDynamicRules(): Promise<Array<{ id: number }>>;
  updateDynamicRules(options: { removeRuleIds: number[]; addRules: DynamicRule[] }): Promise<void>;
}

/** Rules that last until the browser quits, not across restarts; the only ones that may name tabs. */
export interface SessionRules {
  getSessionRules(): Promise<Array<{ id: number }>>;
  updateSessionRules(options: { removeRuleIds: number[]; addRules: TabRule[] }): Promise<void>;
}
