// "Your choices": every choice the documents offer, link or not, each saying where and how, with its quotes. A link
// that no longer works is shown as text with why, not as a link.
import type { Site } from '../knowledge/schema';
import { QuoteDisclosure } from './quote-disclosure';

export function ChoiceList({ site }: { site: Site }) {
  if (site.choices.length === 0) return <p>The documents offer no choices we could find.</p>;
  return (
    <ul class="choices">
      {site.choices.map((choice) => (
        <li key={choice.id} id={`choice-${choice.id}`}>
          {choice.url !== undefined && choice.obsolete === undefined ? (
            <a href={choice.url} target="_blank" rel="noopener noreferrer">
              {choice.label}
              <span class="visually-hidden"> (opens in a new tab)</span>
            </a>
          ) : (
            <span class="choice-label">{choice.label}</span>
          )}
          <p class="how">{choice.how}</p>
          {choice.email !== undefined && (
            <p class="how">
              E-mail: <a href={`mailto:${choice.email}`}>{choice.email}</a>
            </p>
          )}
          {choice.obsolete && (
            <p class="obsolete">
              Obsolete: {choice.obsolete.reason} (
              <a href={choice.obsolete.reference} target="_blank" rel="noopener noreferrer">
                source
              </a>
              ).
            </p>
          )}
          <QuoteDisclosure site={site} cites={choice.cites} />
        </li>
      ))}
    </ul>
  );
}
