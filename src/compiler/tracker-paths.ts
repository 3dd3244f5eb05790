// Checks on the parts of a tracker that depend on other trackers: path prefixes shared out over one host, and the
// categories a loader (a tag manager) injects. The classifier and the DNR rules rely on them (src/knowledge/site-index.ts).
import type { Category } from '../knowledge/schema';
import { SourceError } from './source-format';
import type { CuratedTracker } from './curated';

/** Throws a SourceError when prefixes of one host overlap, a path host is nested in another, or a loader is wrong. */
export function checkTrackerPaths(trackers: readonly CuratedTracker[], categories: readonly Category[]): void {
  const byHost = new Map<string, Array<{ tracker: string; prefix: string }>>();
  for (const tracker of trackers) {
    for (const { host, paths } of tracker.paths ?? []) {
      const entries = byHost.get(host) ?? [];
      for (const prefix of paths) entries.push({ tracker: tracker.id, prefix });
      byHost.set(host, entries);
    }
    const loads = tracker.loads ?? [];
    for (const id of loads) {
      if (!categories.some((category) => category.id === id)) throw new SourceError(`tracker ${tracker.id}: loads "${id}", not a category`);
    }
    if (loads.length > 0 && !loads.includes(tracker.category)) {
      throw new SourceError(`tracker ${tracker.id}: a loader's loads must include its own category "${tracker.category}"`);
    }
  }
  for (const [host, entries] of byHost) {
    const nested = [...byHost.keys()].find((other) => host.endsWith(`.${other}`));
    if (nested) throw new SourceError(`path host ${host} lies below path host ${nested}: give the paths to one of them`);
    for (const a of entries) {
      for (const b of entries) {
        if (a !== b && covers(a.prefix, b.prefix)) {
          throw new SourceError(
            `${host}: path ${a.prefix} (${a.tracker}) overlaps ${b.prefix} (${b.tracker}); the classifier could not decide`,
          );
        }
      }
    }
  }
}

/** Whether a URL path matching `b` can also match `a`. */
function covers(a: string, b: string): boolean {
  if (!b.startsWith(a)) return false;
  return a.endsWith('/') || b.length === a.length || !/[a-z0-9_.%-]/.test(b[a.length]!);
}
