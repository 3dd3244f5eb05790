// Preference resolution: is a category allowed on a covered site, given the user's settings?
import type { Category, Site } from './knowledge';
import type { Settings } from './settings';

export function isAllowed(site: Site, category: Category, settings: Settings): boolean {
  if (!category.refusable) return true;
  const own = settings.sites[site.id];
  if (own?.paused) return true;
  return own?.choices[category.id] ?? settings.defaults[category.id] ?? category.defaultAllowed;
}

/** The ids of the site's categories the user refuses, in the notice's order. */
export function refusedCategories(site: Site, settings: Settings): string[] {
  return site.categories.filter((category) => !isAllowed(site, category, settings)).map((category) => category.id);
}
