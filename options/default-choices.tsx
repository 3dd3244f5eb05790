// Default choice per category of the bundled knowledge base, for every covered site without its own choice; a site
// protected from its consent manager follows it in the categories matched to it.
import { readableDescription } from '../src/ui/sentences';
import type { ProtectedSite } from '../src/settings/settings';
import { CategorySwitch } from '../src/ui/category-switch';
import { categoryUnion } from './category-union';
import { defaultChoice } from '../src/settings/choices';
import { protectedSitesOf } from './protected-sites';
import type { SectionProps } from './section-props';

export function DefaultChoices({ connector, run, settings, sites }: SectionProps) {
  const protectedSites = protectedSitesOf(settings);
  const setDefault = (categoryId: string, allowed: boolean) =>
    void run(() => connector.request('set-default-choice', { categoryId, allowed }));
  return (
    <section id="defaults" aria-labelledby="defaults-heading">
      <h2 id="defaults-heading">Default choices</h2>
      <p class="lead">For every covered site where you have not made a choice of its own. Changes apply from the next page load.</p>
      <ul class="categories">
        {categoryUnion(sites).map((category) => {
          const descriptionId = `default-${category.id}`;
          const alsoOn = protectedUses(protectedSites, category.id);
          return (
            <li class="category" key={category.id}>
              <CategorySwitch
                name={category.id}
                label={category.labels.join(' / ')}
                checked={defaultChoice(settings, category)}
                locked={!category.refusable}
                describedBy={descriptionId}
                onChange={(allowed) => setDefault(category.id, allowed)}
              />
              <p id={descriptionId} class="description">
                {readableDescription(category.description)}
                {!category.refusable && ' The notices say this cannot be refused.'}
              </p>
              <p class="note">Named by: {category.siteNames.join(', ')}</p>
              {alsoOn.length > 0 && <p class="note">Also on sites you protected: {alsoOn.join(', ')}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** "harbor-books.com (“Site statistics”)": the protected sites whose refusable category has this id, in their own words. */
function protectedUses(records: ReadonlyArray<{ domain: string; record: ProtectedSite }>, categoryId: string): string[] {
  return records.flatMap(({ domain, record }) => {
    const category = record.site.categories.find((own) => own.id === categoryId && own.refusable);
    return category ? [`${domain} (“${category.label}”)`] : [];
  });
}
