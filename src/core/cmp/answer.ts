// What the site's consent manager (CMP) is told: the person's choice per notice category, turned into the CMP's groups.
import type { ConsentManager } from '../knowledge';

/** The CMP's groups answered, and the groups it has that the knowledge base does not map (shown in the popup). */
export interface CmpAnswer {
  /** Group id → consented, mapped groups first in the knowledge base's order, then the unmapped ones. */
  groups: Map<string, boolean>;
  /** Groups the CMP knows that the map does not: answered refused unless the CMP marks them always active. */
  unmapped: string[];
}

/**
 * The answer for a site's CMP. `allowed` is category id → allowed on this registrable domain (as `choicesOn` gives
 * it: strictly necessary categories are true); a mapped group whose category is missing there is refused. `present`
 * lists the group ids the CMP itself declares (its record or its domain data), `alwaysActive` those it marks
 * always active; both are page data, so they only add groups, never change a mapped one.
 */
export function cmpAnswer(
  consentManager: ConsentManager,
  allowed: Readonly<Record<string, boolean>>,
  present: Iterable<string> = [],
  alwaysActive: Iterable<string> = [],
): CmpAnswer {
  const groups = new Map<string, boolean>();
  for (const { id, category } of consentManager.groups?.map ?? []) groups.set(id, allowed[category] ?? false);
  const active = new Set(alwaysActive);
  const unmapped: string[] = [];
  for (const id of present) {
    if (groups.has(id)) continue;
    groups.set(id, active.has(id));
    unmapped.push(id);
  }
  return { groups, unmapped };
}
