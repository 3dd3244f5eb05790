// The changes the popup and options page can make, as pure functions from settings to new settings.
import type { Settings, SiteChoices } from './settings';

/** The user's default for a category id on every site without a choice of its own. Pure; the caller validates ids. */
export function setDefaultChoice(settings: Settings, categoryId: string, allowed: boolean): Settings {
  return { ...settings, defaults: { ...settings.defaults, [categoryId]: allowed } };
}

/** One site's choice for one category; it outranks the default. Pure; the caller checks that the category is refusable there. */
export function setSiteChoice(settings: Settings, siteId: string, categoryId: string, allowed: boolean): Settings {
  const site = siteChoices(settings, siteId);
  return withSite(settings, siteId, { ...site, choices: { ...site.choices, [categoryId]: allowed } });
}

/** Pauses or resumes a site; choices made there are kept for when it resumes. */
export function setSitePaused(settings: Settings, siteId: string, paused: boolean): Settings {
  return withSite(settings, siteId, { ...siteChoices(settings, siteId), paused });
}

/** Forgets a site's own choices and pause, so it follows the defaults again. */
export function removeSiteException(settings: Settings, siteId: string): Settings {
  const { [siteId]: _removed, ...sites } = settings.sites;
  return { ...settings, sites };
}

/** Sets the preferences given; those left out keep their value. */
export function setPreferences(settings: Settings, preferences: Partial<Pick<Settings, 'unknownCookies' | 'badge'>>): Settings {
  return {
    ...settings,
    unknownCookies: preferences.unknownCookies ?? settings.unknownCookies,
    badge: preferences.badge ?? settings.badge,
  };
}

function siteChoices(settings: Settings, siteId: string): SiteChoices {
  return Object.hasOwn(settings.sites, siteId) ? settings.sites[siteId]! : { choices: {}, paused: false };
}

/** A site left with no choice of its own and not paused is no longer an exception. */
function withSite(settings: Settings, siteId: string, site: SiteChoices): Settings {
  if (!site.paused && Object.keys(site.choices).length === 0) return removeSiteException(settings, siteId);
  return { ...settings, sites: { ...settings.sites, [siteId]: site } };
}
