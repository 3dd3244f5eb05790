// What changed between the crawled snapshots of each document, sentence by sentence.
import type { PolicyDocument, Site } from '../src/core/knowledge';
import { quotesFor } from '../src/ui/sentences';

export function PolicyDifferences({ site }: { site: Site }) {
  const changed = site.documents.filter((doc) => doc.differences.some((d) => d.added.length + d.removed.length > 0));
  if (changed.length === 0) return <p>Every snapshot we have of its documents says the same.</p>;
  return (
    <>
      {changed.map((doc) => (
        <DocumentDifferences key={doc.id} site={site} doc={doc} />
      ))}
    </>
  );
}

function DocumentDifferences({ site, doc }: { site: Site; doc: PolicyDocument }) {
  return (
    <details class="differences">
      <summary>
        {doc.title}: {doc.snapshots.length} snapshots, oldest first
      </summary>
      {doc.differences.map((difference) => (
        <div key={`${difference.from}-${difference.to}`}>
          <h5>
            From snapshot {difference.from} to snapshot {difference.to}
          </h5>
          {difference.added.length + difference.removed.length === 0 && <p>No sentence changed.</p>}
          <SentenceList title="Added" sentences={sentenceTexts(site, difference.added)} />
          <SentenceList title="Removed" sentences={sentenceTexts(site, difference.removed)} />
        </div>
      ))}
    </details>
  );
}

/** Differences name sentences by id when the knowledge base holds them; anything else is already text. */
function sentenceTexts(site: Site, entries: readonly string[]): string[] {
  return entries.map((entry) => quotesFor(site, [entry])[0]?.text ?? entry);
}

function SentenceList({ title, sentences }: { title: string; sentences: string[] }) {
  if (sentences.length === 0) return null;
  return (
    <>
      <p class="difference-kind">{title}:</p>
      <ul class={`difference-${title.toLowerCase()}`}>
        {sentences.map((text, position) => (
          <li key={position}>{text}</li>
        ))}
      </ul>
    </>
  );
}
