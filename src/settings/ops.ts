// The changes the popup and options page can make, as pure functions from settings to new settings.
// Per-page choices are keyed by the registrable domain where the user made them (settings.ts `sites`).
import type { Preferences, Settings, SiteChoices } from './settings';

/** The user's default for a category id on every domain without a choice of its own. Pure; the caller validates ids. */
export function setDefaultChoice(settings: Settings, categoryId: string, allowed: boolean): Settings {
  return { ...settings, defaults: { ...settings.defaults, [categoryId]: allowed } };
}

/** One domain's choice for one category; it outranks the default. Pure; the caller checks the domain and category. */
export function setSiteChoice(settings: Settings, domain: string, categoryId: string, allowed: boolean): Settings {
  const site = siteChoices(settings, domain);
  return withSite(settings, domain, { ...site, choices: { ...site.choices, [categoryId]: allowed } });
}

/** One domain's choice, the same for several categories (a refusal or a grant made in the site's consent manager). */
export function setSiteChoices(settings: Settings, domain: string, categoryIds: readonly string[], allowed: boolean): Settings {
  return categoryIds.reduce((edited, categoryId) => setSiteChoice(edited, domain, categoryId, allowed), settings);
}

/** Pauses or resumes one domain; choices made there are kept for when it resumes. */
export function setSitePaused(settings: Settings, domain: string, paused: boolean): Settings {
  return withSite(settings, domain, { ...siteChoices(settings, domain), paused });
}

/** Forgets a domain's own choices and pause, so it follows the defaults again. */
export function removeSiteException(settings: Settings, domain: string): Settings {
  const { [domain]: _removed, ...sites } = settings.sites;
  return { ...settings, sites };
}

/**
 * The explicit "apply to all of the owner's sites": each of `domains` gets `from`'s own choices (replacing its own),
 * so the same categories are allowed there; each keeps its own pause, which is never copied.
 */
export function copySiteChoices(settings: Settings, from: string, domains: readonly string[]): Settings {
  const { choices } = siteChoices(settings, from);
  return domains.reduce((next, domain) => withSite(next, domain, { ...siteChoices(next, domain), choices: { ...choices } }), settings);
}

/** Sets the preferences given; those left out keep their value. */
export function setPreferences(settings: Settings, preferences: Preferences): Settings {
  return {
    ...settings,
    unknownCookies: preferences.unknownCookies ?? settings.unknownCookies,
    badge: preferences.badge ?? settings.badge,
    globalPrivacyControl: preferences.globalPrivacyControl ?? settings.globalPrivacyControl,
  };
}

function siteChoices(settings: Settings, domain: string): SiteChoices {
  return Object.hasOwn(settings.sites, domain) ? settings.sites[domain]! : { choices: {}, paused: false };
}

/** A domain left with no choice of its own and not paused is no longer an exception. */
function withSite(settings: Settings, domain: string, site: SiteChoices): Settings {
  if (!site.paused && Object.keys(site.choices).length === 0) return removeSiteException(settings, domain);
  return { ...settings, sites: { ...settings.sites, [domain]: site } };
}
