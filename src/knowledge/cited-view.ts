// The site as the popup shows it: every claim with only the sentences claims cite (the practice groups' buckets of
// sentences are not claims; the points are). The full text of every policy
// snapshot (several hundred sentences) stays with the options page, so the popup's one request stays small.
import type { Site } from './schema';

/** A copy of the site whose `sentences` holds only those some claim cites (ids `<doc>:<n>`); everything else is shared, not copied. */
export function withCitedSentencesOnly(site: Site): Site {
  const cited = new Set<string>([
    ...site.categories.flatMap((category) => category.cites),
    ...site.trackers.flatMap((tracker) => tracker.cites ?? []),
    ...site.collected.flatMap((group) => group.items.flatMap((item) => item.cites)),
    ...site.points.flatMap((point) => point.cites),
    ...site.choices.flatMap((choice) => choice.cites),
  ]);
  return { ...site, sentences: site.sentences.filter((sentence) => cited.has(sentence.id)) };
}
