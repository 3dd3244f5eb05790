// A consent manager's declared categories, as the popup shows a reading of an uncovered site and the options page a
// protected site: each one's name, what it holds and whether the site keeps it always active. The words are the
// site's own, so they are rendered as text only.
import { categoryCountsText } from './declaration-text';

export interface DeclaredCategoryView {
  id: string;
  name: string;
  alwaysActive: boolean;
  /** What it holds: cookies (with storage keys) and hosts. */
  counts: { cookies: number; hosts: number };
  /** The site's description of it; "" when it gives none. */
  description: string;
}

export function DeclaredCategories({ categories }: { categories: readonly DeclaredCategoryView[] }) {
  return (
    <ul class="declared-categories">
      {categories.map((category) => (
        <li key={category.id}>
          <span class="category-name">{category.name}</span>: {categoryCountsText(category.counts)}
          {category.alwaysActive && <span class="note"> (always active)</span>}
          {category.description !== '' && <p class="description">{category.description}</p>}
        </li>
      ))}
    </ul>
  );
}
