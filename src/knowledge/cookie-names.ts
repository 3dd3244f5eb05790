// Cookie-name patterns as the knowledge base writes them: an exact name, or a prefix when the pattern ends in "*".
// One matcher serves the worker's classifier and the page's document.cookie filter.
import type { Tracker } from './schema';

/** A tracker's first-party cookie names: those its script sets and those the site's server sets for it. */
export function trackerCookiePatterns(tracker: Tracker): string[] {
  return [...tracker.cookies, ...(tracker.serverCookies?.names ?? [])];
}

/** Patterns compiled for lookup: exact names in a map, prefixes longest first so the most specific one wins. */
export interface NamePatterns<T> {
  exact: Map<string, T>;
  prefixes: Array<[prefix: string, value: T]>;
}

/** Compiles `[pattern, value]` pairs; for a name listed twice, the last pair's value is kept. */
export function namePatterns<T>(entries: ReadonlyArray<readonly [string, T]>): NamePatterns<T> {
  const exact = new Map<string, T>();
  const prefixes: Array<[string, T]> = [];
  for (const [pattern, value] of entries) {
    if (pattern.endsWith('*')) prefixes.push([pattern.slice(0, -1), value]);
    else exact.set(pattern, value);
  }
  prefixes.sort((a, b) => b[0].length - a[0].length);
  return { exact, prefixes };
}

/** The value of the pattern a cookie name matches: an exact name first, then the longest prefix; the empty name matches nothing. */
export function matchName<T>(patterns: NamePatterns<T>, name: string): T | undefined {
  if (name === '') return undefined;
  const exact = patterns.exact.get(name);
  if (exact !== undefined) return exact;
  for (const [prefix, value] of patterns.prefixes) if (name.startsWith(prefix)) return value;
  return undefined;
}

/** Whether any pattern was compiled: with none, nothing can match. */
export function hasPatterns(patterns: NamePatterns<unknown>): boolean {
  return patterns.exact.size > 0 || patterns.prefixes.length > 0;
}
