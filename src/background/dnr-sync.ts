// Keeps the browser's dynamic rules equal to what the core compiles from the current settings.
// One atomic update replaces every rule; updates run one at a time, and a burst of changes ends with the last one.
import type { DnrRule } from '../core/dnr-rules';
import type { Settings } from '../core/settings';
import { syncToLatest } from './sync-to-latest';

export interface DynamicRules {
  getDynamicRules(): Promise<Array<{ id: number }>>;
  updateDynamicRules(options: { removeRuleIds: number[]; addRules: DnrRule[] }): Promise<void>;
}

export interface DnrSync {
  /** Resolves once rules for these settings, or for settings newer than them, are in force. */
  apply(settings: Settings): Promise<void>;
}

export function createDnrSync(dnr: DynamicRules, compile: (settings: Settings) => DnrRule[]): DnrSync {
  return {
    apply: syncToLatest(async (wanted) => {
      const addRules = compile(wanted);
      const existing = await dnr.getDynamicRules();
      if (canonical(existing) !== canonical(addRules)) {
        await dnr.updateDynamicRules({ removeRuleIds: existing.map((rule) => rule.id), addRules });
      }
    }),
  };
}

/** Rules as a comparable string: key order does not matter, so rules read back from the browser compare equal. */
function canonical(rules: readonly object[]): string {
  const sortKeys = (_key: string, value: unknown): unknown =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
      : value;
  return JSON.stringify(
    [...rules].sort((a, b) => ruleId(a) - ruleId(b)),
    sortKeys,
  );
}

function ruleId(rule: object): number {
  return 'id' in rule && typeof rule.id === 'number' ? rule.id : 0;
}
