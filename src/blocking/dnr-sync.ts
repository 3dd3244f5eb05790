// Keeps the browser's dynamic rules equal to what dnr-rules.ts compiles from the current settings.
// Each update is one atomic updateDynamicRules call; updates run one at a time, and a burst of changes ends with the last one.
import { inRange, RULE_IDS, type IdRange } from './dnr-ids';
import { canonicalJson, reconcile } from '../shared/reconcile';
import type { Settings } from '../settings/settings';
import type { DynamicRule, DynamicRules } from '../ports/dnr';
import { syncToLatest } from '../shared/sync-to-latest';

export interface DnrSync {
  /** Resolves once rules for these settings, or for settings newer than them, are in force. */
  apply(settings: Settings): Promise<void>;
}

/**
 * Reads back the dynamic rules in the owned `ranges` (RULE_IDS.sites by default; rules with other ids are never touched), compares
 * them with `compile(settings)` (key order and null fields ignored) and, when they differ, removes the changed rules
 * and adds the new ones in one update. Rejects when the browser refuses the
 * update (e.g. a rule limit); the next apply starts again from what the browser holds.
 */
export function createDnrSync(
  dnr: DynamicRules,
  compile: (settings: Settings) => DynamicRule[],
  ranges: readonly IdRange[] = [RULE_IDS.sites],
): DnrSync {
  return {
    apply: syncToLatest(async (wanted) => {
      const owned = (await dnr.getDynamicRules()).filter((rule) => ranges.some((range) => inRange(rule.id, range)));
      const changes = reconcile(owned, compile(wanted), canonicalJson);
      if (changes) await dnr.updateDynamicRules({ removeRuleIds: changes.remove.map((rule) => rule.id), addRules: changes.add });
    }),
  };
}
