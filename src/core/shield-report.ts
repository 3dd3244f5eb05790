// The count of writes the cookie shield dropped, on its way from the page to the worker: the main-world shield
// dispatches it as a DOM event, the isolated-world relay forwards it as a `shield-drops` message. Both ends read it
// with the same schema, since the page's own scripts can dispatch the event too: they can only add to their own
// tab's count of categories refused there, by at most MAX_DROPS_PER_REPORT a report.
import * as v from 'valibot';
import { IdSchema } from './schema-parts';

/** The DOM event's type; its `detail` is the report as a JSON string (a string crosses Firefox's Xray boundary). */
export const SHIELD_EVENT = 'policy-guard-shield-drops';

/** At most this many dropped writes per category in one report, and this many categories. */
export const MAX_DROPS_PER_REPORT = 1000;
const MAX_CATEGORIES = 16;
/** The relay forwards at most this many dropped writes per document, over all its reports. */
export const MAX_DROPS_PER_DOCUMENT = 10_000;
/** A report's JSON text is never longer than this. */
const MAX_REPORT_CHARS = 2048;

const DropsSchema = v.pipe(
  v.record(IdSchema, v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_DROPS_PER_REPORT))),
  v.check((drops) => Object.keys(drops).length <= MAX_CATEGORIES, 'too many categories'),
);

/** Category id → writes dropped since the last report. */
export type Drops = v.InferOutput<typeof DropsSchema>;

/** The drops in a report, or null when it is not one (wrong shape, out-of-range counts, too long). */
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

/** The report's detail text, capped as parseDrops requires. */
export function dropsText(drops: Readonly<Record<string, number>>): string {
  const capped = Object.entries(drops)
    .slice(0, MAX_CATEGORIES)
    .map(([category, count]) => [category, Math.min(count, MAX_DROPS_PER_REPORT)]);
  return JSON.stringify(Object.fromEntries(capped));
}

/** Takes up to `budget` of the report's drops, category by category: what a document may still add. */
export function withinBudget(drops: Drops, budget: number): Drops {
  const kept: Drops = {};
  let left = budget;
  for (const [category, count] of Object.entries(drops)) {
    const taken = Math.min(count, left);
    if (taken > 0) kept[category] = taken;
    left -= taken;
  }
  return kept;
}
