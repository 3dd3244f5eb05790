// Where a tracker's place in a category comes from, in words that claim no more than the source says.
import type { Tracker } from '../core/knowledge';

const SOURCES: Record<Tracker['source'], string> = {
  notice: 'named in the notice',
  'notice-category': "fits the notice's category (our classification)",
  policy: 'named in the policy',
  curated: 'curated by us, from public documentation',
  'consent-manager': "declared by the site's consent manager",
};

export function trackerSourceText(tracker: Tracker): string {
  return SOURCES[tracker.source];
}
