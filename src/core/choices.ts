// Preference resolution: is a category allowed on a covered site, given the user's settings?
import type { Category, Site, Tracker } from './knowledge';
import type { Settings } from './settings';

/**
 * Whether a category is allowed on a covered site. The first rule that applies decides: a category the notice does
 * not let anyone refuse (strictly necessary) is allowed; a paused site allows everything; then the user's choice
 * for the site; then the user's default for the category; then the knowledge base's default.
 */
export function isAllowed(site: Site, category: Category, settings: Settings): boolean {
  if (!category.refusable) return true;
  if (isPaused(settings, site.id)) return true;
  return settings.sites[site.id]?.choices[category.id] ?? settings.defaults[category.id] ?? category.defaultAllowed;
}

/** Whether the user paused the extension on a site: then nothing is refused there. */
export function isPaused(settings: Settings, siteId: string): boolean {
  return settings.sites[siteId]?.paused ?? false;
}

/** Whether the site's notice lets the user refuse this category id (false for an id the site does not have). */
export function isRefusable(site: Site, categoryId: string): boolean {
  return site.categories.some((category) => category.id === categoryId && category.refusable);
}

/** Whether any covered site lets the user refuse this category id: only those can have a default. */
export function isRefusableOnAnySite(sites: readonly Site[], categoryId: string): boolean {
  return sites.some((site) => isRefusable(site, categoryId));
}

/** The ids of the site's categories the user refuses, in the notice's order. */
export function refusedCategories(site: Site, settings: Settings): string[] {
  return site.categories.filter((category) => !isAllowed(site, category, settings)).map((category) => category.id);
}

/** What the popup shows of the settings on one site: each category's allowed state, and whether it is paused. */
export function choicesOn(site: Site, settings: Settings): { allowed: Record<string, boolean>; paused: boolean } {
  const allowed = Object.fromEntries(site.categories.map((category) => [category.id, isAllowed(site, category, settings)]));
  return { allowed, paused: isPaused(settings, site.id) };
}

/**
 * Whether a tracker is refused on a site. A loader (a tag manager, `loads` in the knowledge base) is refused only when
 * every category it loads is: otherwise it loads, and each tag it injects is judged on its own.
 */
export function isTrackerRefused(site: Site, tracker: Tracker, settings: Settings): boolean {
  const refused = refusedCategories(site, settings);
  return (tracker.loads ?? [tracker.category]).every((id) => refused.includes(id));
}
