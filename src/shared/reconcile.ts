// "Read back, compare, replace": what must change so that what the browser holds equals what is wanted. Shared by
// the syncs of dynamic rules and of registered content scripts, which differ only in how an item is written down.

export interface Changes<Existing, Wanted> {
  /** Items the browser holds that are not wanted as they are: remove them (by id) first. */
  remove: Existing[];
  /** Wanted items the browser does not hold as they are: add them after the removals. */
  add: Wanted[];
}

/**
 * Compares the items the browser reports (`existing`, already narrowed to those the caller owns) with the `wanted`
 * ones through `canonical`, which must write an item the same way whichever side it comes from (key order, fields a
 * browser reports as null, path prefixes…). Returns null when both sides hold the same items, so nothing is written;
 * otherwise the changed items only: an item whose canonical form differs is removed and added again. Order does not
 * matter on either side; canonical forms must be unique within a side (they include the item's id).
 */
export function reconcile<Existing, Wanted>(
  existing: readonly Existing[],
  wanted: readonly Wanted[],
  canonical: (item: Existing | Wanted) => string,
): Changes<Existing, Wanted> | null {
  const held = new Set(existing.map(canonical));
  const target = new Set(wanted.map(canonical));
  const remove = existing.filter((item) => !target.has(canonical(item)));
  const add = wanted.filter((item) => !held.has(canonical(item)));
  return remove.length === 0 && add.length === 0 ? null : { remove, add };
}

/**
 * A JSON value written with sorted object keys and without null or undefined fields, so that an object read back
 * from a browser (Chrome keeps key order as given, Firefox reports every unset optional field as null) compares
 * equal to the one that was written. Array order is kept: it is significant in the objects compared here.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field !== null && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(
          Object.entries(field)
            .filter(([, inner]) => inner !== null && inner !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : field,
  );
}
