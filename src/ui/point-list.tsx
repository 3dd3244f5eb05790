// "What this site says it does with your data": one fact per point, in our words and marked as our summary, grouped
// by practice, with the sentences that support it one click away.
import type { Point, Site } from '../knowledge/schema';
import { QuoteDisclosure } from './quote-disclosure';

export function PointList({ site, headingLevel }: { site: Site; headingLevel: 3 | 4 | 5 }) {
  if (site.points.length === 0) return <p>We have not summarised this site's documents yet.</p>;
  const Heading = `h${headingLevel}` as const;
  return (
    <>
      <p class="note">
        Each point is our summary; the quotes under it are what the documents say. They come from the copies listed under its documents,
        which are not dated: the live documents at their links may say otherwise.
      </p>
      {groupsOf(site).map(({ group, label, points }) => (
        <section class="point-group" key={group}>
          <Heading>{label}</Heading>
          <ul class="points">
            {points.map((point) => (
              <li key={point.id} id={`point-${point.id}`}>
                {point.label} <span class="tag">our summary</span>
                <QuoteDisclosure site={site} cites={point.cites} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** Points by practice group, in the knowledge base's order of practices (then any other group), with its labels. */
function groupsOf(site: Site): { group: string; label: string; points: Point[] }[] {
  const order = site.practices.map((practice) => practice.group);
  const rank = (group: string) => (order.includes(group) ? order.indexOf(group) : order.length);
  const groups = new Map<string, Point[]>();
  for (const point of site.points) groups.set(point.group, [...(groups.get(point.group) ?? []), point]);
  const labels = new Map(site.practices.map((practice) => [practice.group, practice.label]));
  return [...groups].sort(([a], [b]) => rank(a) - rank(b)).map(([group, points]) => ({ group, label: labels.get(group) ?? group, points }));
}
