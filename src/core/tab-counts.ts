// Per-tab tallies of what was stopped, by category: plain data so the worker can keep them in storage.session.
import type { CategoryCounts, TabCounts } from './messages';

export interface TabRecord {
  /** The registrable domain of the tab's top-level page when it is covered, or null. */
  domain: string | null;
  counts: TabCounts;
}

/** Tab id (as a string, for storage) → its record. */
export type TabTable = Record<string, TabRecord>;

/** A copy of `counts` with `by` (1 unless given) more blocked requests or removed cookies under `category`. */
export function countStop(counts: TabCounts, category: string, kind: keyof CategoryCounts, by = 1): TabCounts {
  const current = counts[category] ?? { blockedRequests: 0, removedCookies: 0 };
  return { ...counts, [category]: { ...current, [kind]: current[kind] + by } };
}

export const NO_COUNTS: CategoryCounts = { blockedRequests: 0, removedCookies: 0 };

/** Every category's counts added up. */
export function sumCounts(counts: TabCounts): CategoryCounts {
  let blockedRequests = 0;
  let removedCookies = 0;
  for (const each of Object.values(counts)) {
    blockedRequests += each.blockedRequests;
    removedCookies += each.removedCookies;
  }
  return { blockedRequests, removedCookies };
}

/** Requests blocked plus cookies removed, over every category. */
export function totalStopped(counts: TabCounts): number {
  const { blockedRequests, removedCookies } = sumCounts(counts);
  return blockedRequests + removedCookies;
}

/** The badge for a tab: the total stopped, "999+" above 999, and "" when nothing was stopped or the badge is off. */
export function badgeText(counts: TabCounts, enabled: boolean): string {
  const total = totalStopped(counts);
  if (!enabled || total === 0) return '';
  return total > 999 ? '999+' : String(total);
}
