// Per-tab tallies of what was stopped, by category: plain data so the worker can keep them in storage.session.
import type { CategoryCounts, TabCounts } from './messages';

interface TabRecord {
  /** The covered site of the tab's top-level page, or null. */
  siteId: string | null;
  counts: TabCounts;
}

/** Tab id (as a string, for storage) → its record. */
export type TabTable = Record<string, TabRecord>;

export function countStop(counts: TabCounts, category: string, kind: keyof CategoryCounts): TabCounts {
  const current = counts[category] ?? { blockedRequests: 0, removedCookies: 0 };
  return { ...counts, [category]: { ...current, [kind]: current[kind] + 1 } };
}

export function totalStopped(counts: TabCounts): number {
  let total = 0;
  for (const { blockedRequests, removedCookies } of Object.values(counts)) total += blockedRequests + removedCookies;
  return total;
}

export function badgeText(counts: TabCounts, enabled: boolean): string {
  const total = totalStopped(counts);
  if (!enabled || total === 0) return '';
  return total > 999 ? '999+' : String(total);
}
