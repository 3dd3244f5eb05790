// What differs between the crawled snapshots of each document, sentence by sentence. The crawl does not date its
// snapshots, so they are named by their place in the file and never called older, newer, added or removed.
import type { PolicyDocument, Site } from '../src/knowledge/schema';
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
        {doc.title}: {doc.snapshots.length} snapshots, numbered in the order the crawled file holds them
      </summary>
      <p class="note">
        The file does not say when each snapshot was taken. Quotes come from snapshot {doc.current ?? 1}; the live document at its link may
        differ from all of them.
      </p>
      {doc.differences.map((difference) => {
        const [first, second] = [difference.from, difference.to].sort((a, b) => a - b) as [number, number];
        // `added` holds sentences of `to` that `from` lacks; `removed` the other way round.
        const only = (snapshot: number) => (snapshot === difference.to ? difference.added : difference.removed);
        return (
          <div key={`${first}-${second}`}>
            <h5>
              Snapshots {first} and {second}
            </h5>
            {difference.added.length + difference.removed.length === 0 && <p>They hold the same sentences.</p>}
            <SentenceList
              kind="only-in"
              title={`In snapshot ${first}, not in snapshot ${second}`}
              sentences={sentenceTexts(site, only(first))}
            />
            <SentenceList
              kind="only-in"
              title={`In snapshot ${second}, not in snapshot ${first}`}
              sentences={sentenceTexts(site, only(second))}
            />
          </div>
        );
      })}
    </details>
  );
}

/** Differences name sentences by id when the knowledge base holds them (shown readable); anything else is already text. */
function sentenceTexts(site: Site, entries: readonly string[]): string[] {
  return entries.map((entry) => quotesFor(site, [entry])[0]?.readable ?? entry);
}

function SentenceList({ kind, title, sentences }: { kind: string; title: string; sentences: string[] }) {
  if (sentences.length === 0) return null;
  return (
    <>
      <p class="difference-kind">{title}:</p>
      <ul class={`difference-${kind}`} aria-label={title}>
        {sentences.map((text, position) => (
          <li key={position}>{text}</li>
        ))}
      </ul>
    </>
  );
}
