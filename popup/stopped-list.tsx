// What was stopped in one category on this tab, and why each thing belongs there: the tracker, our reason and where
// the fact comes from. The category's own sentence in the notice sits beside it. Names from the page shown as text.
import type { Category, Site, Tracker } from '../src/knowledge/schema';
import type { StoppedThing } from '../src/tab-counts/tab-counts';
import { trackerSourceText } from '../src/ui/tracker-source';

export function StoppedList({ site, category, stopped }: { site: Site; category: Category; stopped: readonly StoppedThing[] }) {
  if (stopped.length === 0) return null;
  return (
    <div class="stopped">
      <p>Stopped on this tab, and why:</p>
      <ul>
        {byTracker(site, stopped).map(({ id, tracker, things }) => (
          <li class="tracker" key={id}>
            {whyText(tracker, category)}
            {tracker && <span class="note"> ({trackerSourceText(tracker)})</span>}
            <ul>
              {things.map((thing) => (
                <li class="thing" key={`${thing.kind} ${thing.what}`}>
                  <code>{thing.what}</code> ({thingText(thing)})
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The things by the tracker they belong to (unknown cookies together), in the order each tracker was first stopped. */
function byTracker(site: Site, stopped: readonly StoppedThing[]): { id: string; tracker: Tracker | undefined; things: StoppedThing[] }[] {
  const trackers = new Map(site.trackers.map((tracker) => [tracker.id, tracker]));
  const groups = new Map<string, StoppedThing[]>();
  for (const thing of stopped) {
    const id = thing.tracker ?? '';
    groups.set(id, [...(groups.get(id) ?? []), thing]);
  }
  return [...groups].map(([id, things]) => ({ id, tracker: trackers.get(id), things }));
}

/** "3 requests", "cookie, removed once", "storage key, removed 2 times". */
function thingText({ kind, count }: StoppedThing): string {
  if (kind === 'request') return `${count} ${count === 1 ? 'request' : 'requests'}`;
  return `${kind === 'cookie' ? 'cookie' : 'storage key'}, removed ${count === 1 ? 'once' : `${count} times`}`;
}

function whyText(tracker: Tracker | undefined, category: Category): string {
  if (tracker === undefined) return `Cookies the site's knowledge does not account for, under ${category.label}`;
  return `${tracker.name}, in ${category.label}: ${tracker.reason}`;
}
