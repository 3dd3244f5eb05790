// Preference resolution: is a category allowed on a covered page, given the user's settings?
// Choices belong to the registrable domain of the page where the user made them (registrable-domain.ts), not to the
// knowledge-base entry of its owner: allowing analytics on atlassian.com allows nothing on bitbucket.org.
import type { Category, Site, Tracker } from '../knowledge/schema';
import type { Settings } from './settings';

/**
 * Whether a category is allowed on the pages of `domain` (a registrable domain of `site`). The first rule that
 * applies decides: a category the notice does not let anyone refuse (strictly necessary) is allowed; a paused domain
 * allows everything; then the user's choice for the domain; then the user's default for the category; then the
 * knowledge base's default.
 */
export function isAllowed(site: Site, category: Category, settings: Settings, domain: string): boolean {
  if (!category.refusable) return true;
  if (isPaused(settings, domain)) return true;
  return ownChoice(settings, domain, category.id) ?? defaultChoice(settings, category);
}

/** The person's default for a category (settings.defaults), else the knowledge base's. */
export function defaultChoice(settings: Settings, category: Pick<Category, 'id' | 'defaultAllowed'>): boolean {
  // Own properties only: an id such as "constructor" must not read Object.prototype's.
  return Object.hasOwn(settings.defaults, category.id) ? settings.defaults[category.id]! : category.defaultAllowed;
}

/** Whether the user paused the extension on a registrable domain: then nothing is refused on its pages. */
export function isPaused(settings: Settings, domain: string): boolean {
  return (Object.hasOwn(settings.sites, domain) && settings.sites[domain]!.paused) || false;
}

/** Whether the site's notice lets the user refuse this category id (false for an id the site does not have). */
export function isRefusable(site: Site, categoryId: string): boolean {
  return site.categories.some((category) => category.id === categoryId && category.refusable);
}

/**
 * Whether a category id takes a default (settings.defaults): when a bundled site's notice lets the user refuse it. A
 * site protected from its consent manager (`declared`) adds none: its own categories are chosen per site, and those
 * matched to a notice category share that category's id and follow its default.
 */
export function takesDefault(sites: readonly Site[], categoryId: string): boolean {
  return sites.some((site) => site.declared === undefined && isRefusable(site, categoryId));
}

/** The ids of the site's categories the user refuses on `domain`'s pages, in the notice's order. */
export function refusedCategories(site: Site, settings: Settings, domain: string): string[] {
  return site.categories.filter((category) => !isAllowed(site, category, settings, domain)).map((category) => category.id);
}

/** What the popup shows of the settings on one domain: each category's allowed state, and whether it is paused. */
export function choicesOn(site: Site, settings: Settings, domain: string): { allowed: Record<string, boolean>; paused: boolean } {
  const allowed = Object.fromEntries(site.categories.map((category) => [category.id, isAllowed(site, category, settings, domain)]));
  return { allowed, paused: isPaused(settings, domain) };
}

/**
 * Whether a tracker is refused on `domain`'s pages. A loader (a tag manager, `loads` in the knowledge base) is refused
 * only when every category it loads is: otherwise it loads, and each tag it injects is judged on its own.
 */
export function isTrackerRefused(site: Site, tracker: Tracker, settings: Settings, domain: string): boolean {
  return trackerRefusedAmong(tracker, refusedCategories(site, settings, domain));
}

/** isTrackerRefused with the refused category ids already known. */
export function trackerRefusedAmong(tracker: Tracker, refused: readonly string[]): boolean {
  return (tracker.loads ?? [tracker.category]).every((id) => refused.includes(id));
}

function ownChoice(settings: Settings, domain: string, categoryId: string): boolean | undefined {
  const choices = Object.hasOwn(settings.sites, domain) ? settings.sites[domain]!.choices : {};
  return Object.hasOwn(choices, categoryId) ? choices[categoryId] : undefined;
}
