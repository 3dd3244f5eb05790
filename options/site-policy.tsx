// One covered site's policy as the extension understands it: categories, trackers, collection, opt-outs, changes.
import type { Site } from '../src/knowledge/schema';
import { ChoiceList } from '../src/ui/choice-list';
import { CollectedList } from '../src/ui/collected-list';
import { DocumentList } from '../src/ui/document-list';
import { PointList } from '../src/ui/point-list';
import { QuoteDisclosure } from '../src/ui/quote-disclosure';
import { descriptionOf } from '../src/ui/sentences';
import { PolicyDifferences } from './policy-differences';
import { TrackerTable } from './tracker-table';

export function SitePolicy({ site }: { site: Site }) {
  const headingId = `policy-${site.id}`;
  return (
    <article class="site-policy" aria-labelledby={headingId}>
      <h3 id={headingId}>{site.name}</h3>
      <p class="note">Sites: {site.domains.join(', ')}</p>
      <DocumentList site={site} />

      <h4>Cookie categories</h4>
      <dl class="policy-categories">
        {site.categories.map((category) => (
          <div key={category.id}>
            <dt>
              {category.label}
              {!category.refusable && <span class="note"> (cannot be refused)</span>}
            </dt>
            <dd>
              {descriptionOf(site, category)}
              <QuoteDisclosure site={site} cites={category.cites} />
            </dd>
          </div>
        ))}
      </dl>

      <h4>Trackers and cookies</h4>
      <TrackerTable site={site} />

      <h4>What it says it does with your data</h4>
      <div class="points">
        <PointList site={site} headingLevel={5} />
      </div>

      <h4>What it collects</h4>
      <div class="collected">
        <CollectedList site={site} headingLevel={5} />
      </div>

      <h4>Your choices</h4>
      <ChoiceList site={site} />

      <h4>Changes between policy snapshots</h4>
      <PolicyDifferences site={site} />
    </article>
  );
}
