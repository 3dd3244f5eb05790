// "What this site collects": the knowledge base's groups, each item in plain words with its quotes.
import type { Site } from '../knowledge/schema';
import { QuoteDisclosure } from './quote-disclosure';

export function CollectedList({ site, headingLevel }: { site: Site; headingLevel: 3 | 4 | 5 }) {
  if (site.collected.length === 0) return <p>The policy lists nothing we could attribute to a group.</p>;
  const Heading = `h${headingLevel}` as const;
  return (
    <>
      {site.collected.map((group) => (
        <section class="collected-group" key={group.group}>
          <Heading>{group.label}</Heading>
          <ul>
            {group.items.map((item) => (
              <li key={item.id}>
                <span class="item-label">{item.label}</span>
                {item.dataTypes.length > 0 && <span class="data-types">: {item.dataTypes.join(', ')}</span>}
                {item.corrected !== undefined && <p class="note corrected">Corrected by us: {item.corrected}</p>}
                <QuoteDisclosure site={site} cites={item.cites} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
