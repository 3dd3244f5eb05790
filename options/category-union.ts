// The categories the defaults apply to: every bundled site's notice categories, merged by id in notice order. Which
// take a default is settings/choices.ts takesDefault's to say; sites protected from their consent manager add none.
import type { Category, Site } from '../src/knowledge/schema';
import { takesDefault } from '../src/settings/choices';

export interface DefaultCategory {
  id: string;
  /** The notices' own names for it; usually one, more when notices word it differently. */
  labels: string[];
  description: string;
  /** Whether it takes a default (takesDefault); one that takes none stays locked. */
  refusable: boolean;
  defaultAllowed: boolean;
  /** The sites whose notices name it. */
  siteNames: string[];
}

export function categoryUnion(sites: readonly Site[]): DefaultCategory[] {
  const byId = new Map<string, DefaultCategory>();
  for (const site of sites) {
    if (site.declared !== undefined) continue;
    for (const category of site.categories) {
      const known = byId.get(category.id);
      if (known) merge(known, category, site);
      else byId.set(category.id, fromCategory(category, site, takesDefault(sites, category.id)));
    }
  }
  return [...byId.values()];
}

function fromCategory(category: Category, site: Site, refusable: boolean): DefaultCategory {
  const { id, label, description, defaultAllowed } = category;
  return { id, labels: [label], description, refusable, defaultAllowed, siteNames: [site.name] };
}

function merge(known: DefaultCategory, category: Category, site: Site): void {
  if (!known.labels.includes(category.label)) known.labels.push(category.label);
  known.siteNames.push(site.name);
}
