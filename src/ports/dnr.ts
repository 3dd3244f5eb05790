// The declarativeNetRequest API's dynamic and session rules.
import type { DnrRule } from '../blocking/dnr-rules';
import type { GpcRule } from '../gpc/gpc';
import type { TabRule, TopDomainRule } from '../blocking/tab-rules';

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
