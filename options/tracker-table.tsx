// A site's trackers: who, under which notice category, the hosts, paths and cookies matched, and why.
import type { Site, Tracker } from '../src/knowledge/schema';
import { trackerSourceText } from '../src/ui/tracker-source';

export function TrackerTable({ site }: { site: Site }) {
  const labels = new Map(site.categories.map((category) => [category.id, category.label]));
  return (
    <div class="table-scroll">
      <table class="trackers">
        <caption class="visually-hidden">Trackers and cookies of {site.name}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Category</th>
            <th scope="col">Hosts</th>
            <th scope="col">Cookies</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {site.trackers.map((tracker) => (
            <tr key={tracker.id}>
              <th scope="row">{tracker.name}</th>
              <td>{labels.get(tracker.category) ?? tracker.category}</td>
              <td>
                {tracker.hosts.length + (tracker.paths?.length ?? 0) > 0 ? <CodeList items={placesOf(tracker)} /> : 'the site itself'}
                {tracker.loads && <p class="note">Loads tags of: {tracker.loads.map((id) => labels.get(id) ?? id).join(', ')}</p>}
              </td>
              <td>{tracker.cookies.length > 0 ? <CodeList items={tracker.cookies} /> : 'none'}</td>
              <td>
                {tracker.reason} <span class="note">({trackerSourceText(tracker)})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A tracker's hosts, then its host + path prefixes ("www.facebook.com/tr"), as the table lists them. */
function placesOf(tracker: Tracker): string[] {
  return [...tracker.hosts, ...(tracker.paths ?? []).flatMap(({ host, paths }) => paths.map((path) => `${host}${path}`))];
}

function CodeList({ items }: { items: string[] }) {
  return (
    <ul class="code-list">
      {items.map((item) => (
        <li key={item}>
          <code>{item}</code>
        </li>
      ))}
    </ul>
  );
}
