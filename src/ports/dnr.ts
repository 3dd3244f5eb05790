// The declarativeNetRequest API's dynamic rules.
import type { DnrRule } from '../core/dnr-rules';

export interface DynamicRules {
  getDynamicRules(): Promise<Array<{ id: number }>>;
  updateDynamicRules(options: { removeRuleIds: number[]; addRules: DnrRule[] }): Promise<void>;
}
