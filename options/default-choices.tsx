// Default choice per category, for every covered site without its own choice.
import { CategorySwitch } from '../src/ui/category-switch';
import { categoryUnion } from './category-union';
import type { SectionProps } from './section-props';

export function DefaultChoices({ connector, run, settings, sites }: SectionProps) {
  const setDefault = (categoryId: string, allowed: boolean) =>
    void run(() => connector.request('set-default-choice', { categoryId, allowed }));
  return (
    <section id="defaults" aria-labelledby="defaults-heading">
      <h2 id="defaults-heading">Default choices</h2>
      <p class="lead">For every covered site where you have not made a choice of its own. Changes apply from the next page load.</p>
      <ul class="categories">
        {categoryUnion(sites).map((category) => {
          const descriptionId = `default-${category.id}`;
          return (
            <li class="category" key={category.id}>
              <CategorySwitch
                name={category.id}
                label={category.labels.join(' / ')}
                checked={settings.defaults[category.id] ?? category.defaultAllowed}
                locked={!category.refusable}
                describedBy={descriptionId}
                onChange={(allowed) => setDefault(category.id, allowed)}
              />
              <p id={descriptionId} class="description">
                {category.description}
                {!category.refusable && ' The notices say this cannot be refused.'}
              </p>
              <p class="note">Named by: {category.siteNames.join(', ')}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
