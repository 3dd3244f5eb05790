// The categories the defaults apply to: every bundled site's notice categories, merged by id in notice order. Sites
// protected from their consent manager's declarations (`declared`) add none: their own categories (`cmp-…`,
// `disputed-trackers`) are chosen per site, and those matched to a notice category already share its id.
import type { Category, Site } from '../src/knowledge/schema';

export interface DefaultCategory {
  id: string;
  /** The notices' own names for it; usually one, more when notices word it differently. */
  labels: string[];
  description: string;
  /** Refusable when any notice lets it be refused; a category no notice lets refuse stays locked. */
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
      else byId.set(category.id, fromCategory(category, site));
    }
  }
  return [...byId.values()];
}

function fromCategory(category: Category, site: Site): DefaultCategory {
  const { id, label, description, refusable, defaultAllowed } = category;
  return { id, labels: [label], description, refusable, defaultAllowed, siteNames: [site.name] };
}

function merge(known: DefaultCategory, category: Category, site: Site): void {
  if (!known.labels.includes(category.label)) known.labels.push(category.label);
  known.refusable ||= category.refusable;
  known.siteNames.push(site.name);
}
