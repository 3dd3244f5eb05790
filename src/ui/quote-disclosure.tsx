// The policy's own sentences behind a claim, one click away. Always rendered as text.
import type { Site } from '../core/knowledge';
import { quotesFor } from './sentences';

interface Props {
  site: Site;
  cites: readonly string[];
  summary?: string;
}

export function QuoteDisclosure({ site, cites, summary = "In the policy's words" }: Props) {
  const quotes = quotesFor(site, cites);
  if (quotes.length === 0) return null;
  return (
    <details class="quote">
      <summary>{summary}</summary>
      <QuoteList site={site} cites={cites} />
    </details>
  );
}

export function QuoteList({ site, cites }: { site: Site; cites: readonly string[] }) {
  return (
    <>
      {quotesFor(site, cites).map((quote) => (
        <figure class="quote-text" key={quote.id}>
          <blockquote>{quote.text}</blockquote>
          <figcaption>{quote.source}</figcaption>
        </figure>
      ))}
    </>
  );
}
