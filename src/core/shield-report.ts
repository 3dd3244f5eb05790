// What the cookie shield dropped, on its way from the page to the worker: the main-world shield dispatches it as a
// DOM event, the isolated-world relay forwards it as a `shield-drops` message. Both ends read it with the same schema,
// since the page's own scripts can dispatch the event too: they can only add to their own tab's count of categories
// refused there, by at most MAX_DROPS_PER_REPORT a report, and offer names, which the worker lists only when the
// site's knowledge puts them under that category (shield-drops.ts).
import * as v from 'valibot';
import { MAX_STOPPED_WHAT_CHARS } from './messages';
import { IdSchema } from './schema-parts';

/** The DOM event's type; its `detail` is the report as a JSON string (a string crosses Firefox's Xray boundary). */
export const SHIELD_EVENT = 'policy-guard-shield-drops';

/** At most this many dropped writes per category in one report, and this many categories. */
export const MAX_DROPS_PER_REPORT = 1000;
const MAX_CATEGORIES = 16;
/** At most this many distinct names per category in one report; the writes of others are counted, not named. */
export const MAX_NAMES_PER_CATEGORY = 10;
/** The relay forwards at most this many dropped writes per document, over all its reports. */
export const MAX_DROPS_PER_DOCUMENT = 10_000;
/**
 * A report's JSON text is never longer than this: room for every category's count and, in a report of a few
 * categories, their names; dropsText leaves out the names that do not fit, never a count.
 */
const MAX_REPORT_CHARS = 4096;

const CountSchema = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_DROPS_PER_REPORT));

const NameSchema = v.strictObject({
  kind: v.picklist(['cookie', 'storage']),
  /** The cookie's name or the storage key, cut to MAX_STOPPED_WHAT_CHARS as the tab's list keeps it. */
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_STOPPED_WHAT_CHARS)),
  /** How many of the category's dropped writes were of this name. */
  count: CountSchema,
});

const CategorySchema = v.pipe(
  v.strictObject({ count: CountSchema, names: v.pipe(v.array(NameSchema), v.maxLength(MAX_NAMES_PER_CATEGORY)) }),
  v.check(({ names }) => new Set(names.map(nameKey)).size === names.length, 'a name listed twice'),
  v.check(({ count, names }) => names.reduce((sum, name) => sum + name.count, 0) <= count, 'more writes named than counted'),
);

const DropsSchema = v.pipe(
  v.record(IdSchema, CategorySchema),
  v.check((drops) => Object.keys(drops).length <= MAX_CATEGORIES, 'too many categories'),
);

/** Category id → the writes dropped there since the last report: all counted, the first distinct names named. */
export type Drops = v.InferOutput<typeof DropsSchema>;
type CategoryDrops = Drops[string];
/** One name the shield dropped: a cookie's or a storage key's, and how many of the category's writes were of it. */
export type DroppedName = CategoryDrops['names'][number];

function nameKey({ kind, name }: { kind: string; name: string }): string {
  return `${kind}:${name}`;
}

/** The drops in a report, or null when it is not one (wrong shape, out-of-range counts, too many or too long names). */
export function parseDrops(value: unknown): Drops | null {
  // valibot's record takes an array as an object of its indices.
  if (Array.isArray(value)) return null;
  const result = v.safeParse(DropsSchema, value);
  return result.success ? result.output : null;
}

/** The drops in the event's detail text, or null. */
export function parseDropsText(detail: unknown): Drops | null {
  if (typeof detail !== 'string' || detail.length > MAX_REPORT_CHARS) return null;
  try {
    return parseDrops(JSON.parse(detail));
  } catch {
    return null;
  }
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

/** Takes up to `budget` of the report's drops, category by category: what a document may still add. */
export function withinBudget(drops: Drops, budget: number): Drops {
  const kept: Drops = {};
  let left = budget;
  for (const [category, each] of Object.entries(drops)) {
    const taken = Math.min(each.count, left);
    if (taken > 0) kept[category] = cappedDrops(each, taken);
    left -= taken;
  }
  return kept;
}

/**
 * A category's drops with at most `max` writes counted and named: its names cut, non-empty, distinct, at most
 * MAX_NAMES_PER_CATEGORY, their counts together no more than the category's.
 */
function cappedDrops({ count, names }: Readonly<CategoryDrops>, max: number): CategoryDrops {
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
