// What the cookie shield dropped, on its way from the page to the worker: the main-world shield dispatches it as a
// DOM event (shield-tally.ts), the isolated-world relay forwards it as a `shield-drops` message. Both ends read it
// with the same schema, since the page's own scripts can dispatch the event too: they can only add to their own tab's
// count of categories refused there, by at most MAX_DROPS_PER_REPORT a report, and offer names, which the worker lists
// only when the site's knowledge puts them under that category (shield-drops.ts).
import * as v from 'valibot';
import { MAX_STOPPED_WHAT_CHARS } from '../tab-counts/tab-counts';
import { IdSchema } from '../shared/schema-parts';
import {
  cappedDrops,
  MAX_CATEGORIES,
  MAX_DROPS_PER_REPORT,
  MAX_NAMES_PER_CATEGORY,
  MAX_REPORT_CHARS,
  nameKey,
  type Drops,
} from './shield-tally';

/**
 * The one message from a web page's side: the cookie shield's relay (an isolated-world content script on a covered
 * page) telling the worker how many refused writes the shield dropped there, per category, and the names of some.
 * Sent with runtime.sendMessage, no reply; the worker counts it on the sender's tab only, after checking it again.
 */
export interface ShieldDropsMessage {
  type: 'shield-drops';
  drops: Drops;
}

export function isShieldDropsMessage(message: unknown): message is { type: 'shield-drops'; drops: unknown } {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'shield-drops';
}

/** The relay forwards at most this many dropped writes per document, over all its reports. */
export const MAX_DROPS_PER_DOCUMENT = 10_000;

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

// The schema's output is the tally's own shape.
const schemaShape: v.GenericSchema<unknown, Drops> = DropsSchema;

/** The drops in a report, or null when it is not one (wrong shape, out-of-range counts, too many or too long names). */
export function parseDrops(value: unknown): Drops | null {
  // valibot's record takes an array as an object of its indices.
  if (Array.isArray(value)) return null;
  const result = v.safeParse(schemaShape, value);
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
