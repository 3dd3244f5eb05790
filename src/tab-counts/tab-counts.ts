// Per-tab tallies of what was stopped, by category: plain data so the worker can keep them in storage.session.

/** What was stopped on one tab, per category id. */
export interface CategoryCounts {
  blockedRequests: number;
  removedCookies: number;
  /**
   * Which things were stopped, at most MAX_STOPPED_THINGS distinct ones in the order first stopped (later ones still
   * add to the totals above). Absent when nothing named was stopped, and in records stored before it was kept.
   */
  stopped?: StoppedThing[];
}

/** One thing stopped on a tab: a tracker's request host, a cookie or a storage key, by name. */
export interface StoppedThing {
  /** The tracker's id in the site's knowledge; null for a cookie the knowledge does not know. */
  tracker: string | null;
  kind: 'request' | 'cookie' | 'storage';
  /** The request's host, the cookie's name or the storage key's name (at most MAX_STOPPED_WHAT_CHARS), shown as text. */
  what: string;
  /** How many times it was stopped on the tab's page. */
  count: number;
}

/** At most this many distinct stopped things are kept per category and tab. */
export const MAX_STOPPED_THINGS = 20;
/** A stopped thing's name is cut to this length, so session storage stays bounded whatever a page names its cookies. */
export const MAX_STOPPED_WHAT_CHARS = 100;

export type TabCounts = Record<string, CategoryCounts>;

export interface TabRecord {
  /** The registrable domain of the tab's top-level page when it is covered, or null. */
  domain: string | null;
  counts: TabCounts;
}

/** Tab id (as a string, for storage) → its record. */
export type TabTable = Record<string, TabRecord>;

/** Which total a stop adds to. */
export type Tally = 'blockedRequests' | 'removedCookies';

/** What was stopped, without its count: the same tracker, kind and name count as one thing. */
export type Stop = Omit<StoppedThing, 'count'>;

/**
 * A copy of `counts` with `by` (1 unless given) more blocked requests or removed cookies under `category`, and, when
 * `stop` names what was stopped, `by` more of that thing: added to its list while the list has room.
 */
export function countStop(counts: TabCounts, category: string, kind: Tally, by = 1, stop?: Stop): TabCounts {
  const current = counts[category] ?? { blockedRequests: 0, removedCookies: 0 };
  const next: CategoryCounts = { ...current, [kind]: current[kind] + by };
  if (stop !== undefined) next.stopped = withStop(current.stopped ?? [], stop, by);
  return { ...counts, [category]: next };
}

function withStop(stopped: readonly StoppedThing[], { tracker, kind, what }: Stop, by: number): StoppedThing[] {
  const name = what.slice(0, MAX_STOPPED_WHAT_CHARS);
  const at = stopped.findIndex((thing) => thing.tracker === tracker && thing.kind === kind && thing.what === name);
  if (at >= 0) return stopped.map((thing, index) => (index === at ? { ...thing, count: thing.count + by } : thing));
  return stopped.length < MAX_STOPPED_THINGS ? [...stopped, { tracker, kind, what: name, count: by }] : [...stopped];
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
