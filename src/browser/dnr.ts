// Dynamic and session rules over the declarativeNetRequest API.
import browser from 'webextension-polyfill';
import type { DynamicRules, SessionRules } from '../ports/dnr';

// The polyfill's types predate RuleConditionKeys.
type Api = typeof browser.declarativeNetRequest & { RuleConditionKeys?: Record<string, string> };
const dnr = browser.declarativeNetRequest as Api;

export const browserDnr: DynamicRules = {
  getDynamicRules: () => dnr.getDynamicRules(),
  updateDynamicRules: ({ removeRuleIds, addRules }) => dnr.updateDynamicRules({ removeRuleIds, addRules }),
};

export const browserSessionRules: SessionRules = {
  getSessionRules: () => dnr.getSessionRules(),
  updateSessionRules: ({ removeRuleIds, addRules }) => dnr.updateSessionRules({ removeRuleIds, addRules }),
};

/**
 * Whether rule conditions may name the top-level page's domains (`topDomains`). Feature detection as agreed in
 * https://github.com/w3c/webextensions/issues/762: a browser that knows the key lists it in RuleConditionKeys (Chromium
 * 156 does; Firefox ESR 153 does not). One that does not know it may load the rule without it (Firefox
 * 128+ skips unknown rule properties, MDN manifest.json/declarative_net_request), which would then match on every
 * page, so the key is never sent blind.
 */
export const topDomainsSupported: boolean = Object.values(dnr.RuleConditionKeys ?? {}).includes('topDomains');
