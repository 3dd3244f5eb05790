// "Your choices": the policy's own opt-out links, each saying what it opts out of.
import type { Site } from '../core/knowledge';
import { QuoteDisclosure } from './quote-disclosure';

export function OptOutList({ site }: { site: Site }) {
  if (site.optOuts.length === 0) return <p>The policy offers no opt-out links of its own.</p>;
  return (
    <ul class="opt-outs">
      {site.optOuts.map((optOut) => (
        <li key={optOut.url + optOut.label}>
          <a href={optOut.url} target="_blank" rel="noopener noreferrer">
            {optOut.label}
            <span class="visually-hidden"> (opens in a new tab)</span>
          </a>
          <p class="opts-out-of">Opts out of: {optOut.optsOutOf}</p>
          <QuoteDisclosure site={site} cites={optOut.cites} />
        </li>
      ))}
    </ul>
  );
}
