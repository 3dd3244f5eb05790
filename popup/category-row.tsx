// One category on this tab: its switch and what was stopped here on one glance; the notice's description, its
// quotes and why each stopped thing belongs to the category one click away, so every switch fits the first screen.
import type { Category, Site } from '../src/knowledge/schema';
import type { CategoryCounts } from '../src/tab-counts/tab-counts';
import { CategorySwitch } from '../src/ui/category-switch';
import { NO_COUNTS } from '../src/tab-counts/tab-counts';
import { countsText } from '../src/ui/counts';
import { QuoteDisclosure, QuoteList } from '../src/ui/quote-disclosure';
import { descriptionOf, quotesFor } from '../src/ui/sentences';
import { StoppedList } from './stopped-list';

interface Props {
  site: Site;
  category: Category;
  allowed: boolean;
  paused: boolean;
  counts: CategoryCounts | undefined;
  onChange: (allowed: boolean) => void;
}

export function CategoryRow({ site, category, allowed, paused, counts, onChange }: Props) {
  const countsId = `counts-${category.id}`;
  const descriptionId = `category-${category.id}`;
  // The description is usually one of the cited sentences; the reason it cannot be refused is another.
  const beyondDescription = category.cites.filter((id) => quotesFor(site, [id])[0]?.text !== category.description);
  const describedBy = [countsId, descriptionId, ...(paused ? ['paused-note'] : [])].join(' ');
  return (
    <li class="category">
      <CategorySwitch
        name={category.id}
        label={category.label}
        checked={allowed}
        locked={!category.refusable}
        disabled={paused}
        describedBy={describedBy}
        onChange={onChange}
      />
      <details class="category-about">
        <summary>
          <span class="counts" id={countsId}>
            {countsText(counts ?? NO_COUNTS)}
          </span>
        </summary>
        <p id={descriptionId} class="description">
          {descriptionOf(site, category)}
        </p>
        {category.refusable ? (
          <QuoteDisclosure site={site} cites={category.cites} />
        ) : site.declared !== undefined ? (
          <p class="locked-why">Its consent manager ({site.consentManager.name}) keeps this always active.</p>
        ) : (
          <div class="locked-why">
            <p>The notice says this cannot be refused:</p>
            <QuoteList site={site} cites={beyondDescription.length > 0 ? beyondDescription : category.cites} />
          </div>
        )}
        <StoppedList site={site} category={category} stopped={counts?.stopped ?? []} />
      </details>
    </li>
  );
}
