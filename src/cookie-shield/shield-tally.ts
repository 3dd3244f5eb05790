// The cookie shield's side of its report of dropped writes (shield-report.ts reads it): the tally kept in the page
// and the capped JSON text sent. No schema library here: this runs in every covered page's main world at
// document_start, so it stays small.
import { MAX_STOPPED_WHAT_CHARS } from '../tab-counts/tab-counts';

/** One name the cookie shield dropped: a cookie's or a storage key's, and how many of the category's writes were of it. */
export interface DroppedName {
  kind: 'cookie' | 'storage';
  /** Cut to MAX_STOPPED_WHAT_CHARS, as the tab's list keeps it. */
  name: string;
  count: number;
}

export interface CategoryDrops {
  count: number;
  names: DroppedName[];
}

/** Category id → the writes dropped there since the last report: all counted, the first distinct names named. */
export type Drops = Record<string, CategoryDrops>;

/** The DOM event's type; its `detail` is the report as a JSON string (a string crosses Firefox's Xray boundary). */
export const SHIELD_EVENT = 'policy-guard-shield-drops';

/** At most this many dropped writes per category in one report, and this many categories. */
export const MAX_DROPS_PER_REPORT = 1000;
export const MAX_CATEGORIES = 16;
/** At most this many distinct names per category in one report; the writes of others are counted, not named. */
export const MAX_NAMES_PER_CATEGORY = 10;
/**
 * A report's JSON text is never longer than this: room for every category's count and, in a report of a few
 * categories, their names; dropsText leaves out the names that do not fit, never a count.
 */
export const MAX_REPORT_CHARS = 4096;

export function nameKey({ kind, name }: { kind: string; name: string }): string {
  return `${kind}:${name}`;
}

/** Adds one dropped write to the shield's tally since its last report; its name is kept while the category has room. */
export function tallyDrop(tally: Drops, category: string, kind: DroppedName['kind'], name: string): void {
  const entry = (tally[category] ??= { count: 0, names: [] });
  entry.count += 1;
  const cut = name.slice(0, MAX_STOPPED_WHAT_CHARS);
  const named = entry.names.find((each) => each.kind === kind && each.name === cut);
  if (named !== undefined) named.count += 1;
  else if (cut !== '' && entry.names.length < MAX_NAMES_PER_CATEGORY) entry.names.push({ kind, name: cut, count: 1 });
}

/**
 * The report's detail text, capped as parseDrops requires: every category's count first, then the names that still
 * fit within MAX_REPORT_CHARS, in order.
 */
export function dropsText(tally: Readonly<Drops>): string {
  const capped = Object.entries(tally)
    .slice(0, MAX_CATEGORIES)
    .map(([category, drops]) => ({ category, drops: cappedDrops(drops, MAX_DROPS_PER_REPORT), kept: [] as DroppedName[] }));
  const report: Drops = Object.fromEntries(capped.map(({ category, drops, kept }) => [category, { count: drops.count, names: kept }]));
  // JSON.stringify without spaces adds up: one more name adds its own text, and a comma after the first.
  let length = JSON.stringify(report).length;
  for (const { drops, kept } of capped) {
    for (const name of drops.names) {
      const added = JSON.stringify(name).length + (kept.length > 0 ? 1 : 0);
      if (length + added > MAX_REPORT_CHARS) continue;
      kept.push(name);
      length += added;
    }
  }
  return JSON.stringify(report);
}

/**
 * A category's drops with at most `max` writes counted and named: its names cut, non-empty, distinct, at most
 * MAX_NAMES_PER_CATEGORY, their counts together no more than the category's.
 */
export function cappedDrops({ count, names }: Readonly<CategoryDrops>, max: number): CategoryDrops {
  const total = Math.min(count, max);
  const kept: DroppedName[] = [];
  const seen = new Set<string>();
  let left = total;
  for (const { kind, name, count: times } of names) {
    const each = { kind, name: name.slice(0, MAX_STOPPED_WHAT_CHARS), count: Math.min(times, left) };
    if (each.name === '' || each.count <= 0 || seen.has(nameKey(each)) || kept.length >= MAX_NAMES_PER_CATEGORY) continue;
    seen.add(nameKey(each));
    kept.push(each);
    left -= each.count;
  }
  return { count: total, names: kept };
}
