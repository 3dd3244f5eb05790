// Where a tracker's place in a category comes from, in words that claim no more than the source says.
import type { Tracker } from '../knowledge/schema';

const SOURCES: Record<Tracker['source'], string> = {
  notice: 'named in the notice',
  'notice-category': "fits the notice's category (our classification)",
  policy: 'named in the policy',
  curated: 'curated by us',
  'consent-manager': "declared by the site's consent manager",
};

/** "named in the notice", "fits the notice's category (our classification)", "curated by us, from public documentation", … */
export function trackerSourceText(tracker: Tracker): string {
  if (tracker.source === 'curated') return tracker.reference === undefined ? 'curated by us' : 'curated by us, from public documentation';
  return SOURCES[tracker.source];
}
