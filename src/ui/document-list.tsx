// The published documents a site's knowledge comes from, with their effective dates.
import type { Site } from '../core/knowledge';

export function DocumentList({ site }: { site: Site }) {
  return (
    <ul class="documents">
      {site.documents.map((doc) => (
        <li key={doc.id}>
          <a href={doc.url} target="_blank" rel="noopener noreferrer">
            {doc.title}
            <span class="visually-hidden"> (opens in a new tab)</span>
          </a>
          {doc.effective && <span class="effective"> · effective {doc.effective}</span>}
        </li>
      ))}
    </ul>
  );
}
