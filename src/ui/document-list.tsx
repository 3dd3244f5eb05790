// The published documents a site's knowledge comes from, with their effective dates.
import type { Site } from '../knowledge/schema';

export function DocumentList({ site }: { site: Site }) {
  return (
    <ul class="documents">
      {site.documents.map((doc) => (
        <li key={doc.id}>
          <a href={doc.url} target="_blank" rel="noopener noreferrer">
            {doc.title}
            <span class="visually-hidden"> (opens in a new tab)</span>
          </a>
          {doc.effective && <span class="effective"> · effective {readableDate(doc.effective)}</span>}
        </li>
      ))}
    </ul>
  );
}

/** "2018-05-25" → "May 25, 2018"; any other wording is the document's own and stays as it is. */
export function readableDate(text: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  return new Date(`${text}T00:00:00Z`).toLocaleDateString('en-US', { dateStyle: 'long', timeZone: 'UTC' });
}
