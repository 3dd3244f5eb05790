// The documents' own sentences behind a claim, one click away: readable, saying which document and snapshot they come
// from and, for a text-only copy, what its crawl removed, with each sentence exactly as stored a click further.
// Always rendered as text.
import { useState } from 'preact/hooks';
import type { Site } from '../knowledge/schema';
import { STRIPPED_NOTE } from '../knowledge/readable-text';
import { citedKinds, quotesFor, type Quote } from './sentences';

interface Props {
  site: Site;
  cites: readonly string[];
  summary?: string;
}

/** The quotes render when first opened: a popup holds a hundred of these, and most are never opened. */
export function QuoteDisclosure({ site, cites, summary }: Props) {
  const [opened, setOpened] = useState(false);
  const kinds = citedKinds(site, cites);
  if (kinds.size === 0) return null;
  return (
    <details class="quote" onToggle={(event) => setOpened(opened || event.currentTarget.open)}>
      <summary>{summary ?? wordsOf(kinds)}</summary>
      {opened && <QuoteList site={site} cites={cites} />}
    </details>
  );
}

export function QuoteList({ site, cites }: { site: Site; cites: readonly string[] }) {
  const quotes = quotesFor(site, cites);
  return (
    <>
      {quotes.some((quote) => quote.textOnly) && <p class="note stripped-note">{STRIPPED_NOTE} The live policy at its link may differ.</p>}
      {quotes.map((quote) => (
        <figure class="quote-text" key={quote.id}>
          <blockquote>{quote.readable}</blockquote>
          <figcaption>
            {quote.source}
            {quote.snapshot && `, snapshot ${quote.snapshot.index} of ${quote.snapshot.of}`}
            {quote.textOnly && ' (text-only copy)'}
          </figcaption>
          {quote.readable !== quote.text && (
            <details class="as-stored">
              <summary>Exactly as stored</summary>
              <p>{quote.text}</p>
            </details>
          )}
        </figure>
      ))}
    </>
  );
}

/** "In the notice's words", "In the policy's words", or both when a claim cites each. */
function wordsOf(kinds: ReadonlySet<Quote['kind']>): string {
  if (kinds.size > 1) return "In the policy's and the notice's words";
  return kinds.has('cookie-notice') ? "In the notice's words" : "In the policy's words";
}
