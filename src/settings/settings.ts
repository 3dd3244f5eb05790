// User settings: one defaults object, the type derived from it.
// Validation, migration and import live in schema.ts; this file stays free of runtime imports.
import type { Site } from '../knowledge/schema';

export interface SiteChoices {
  /** Category id → allowed. Missing categories fall back to the defaults. */
  choices: Record<string, boolean>;
  /** Paused: everything allowed on this domain's pages until resumed. */
  paused: boolean;
}

/**
 * A site the person protected from what its consent manager declares (protected-sites/): the record made from the
 * declaration, when they protected it, and what later readings found changed, newest first.
 */
export interface ProtectedSite {
  /** In the bundled sites' shape, with `declared` saying where it came from; its one domain is the key it is kept under. */
  site: Site;
  /** When the person protected it (ISO 8601). */
  protectedAt: string;
  /** What a later reading of the declaration found changed, newest first (at most MAX_SITE_CHANGES). */
  changes: SiteChange[];
}

export interface SiteChange {
  /** When the changed declaration was read (ISO 8601). */
  at: string;
  /** One line per change, as text ("New cookie “_x” in “Statistics”"). */
  lines: string[];
}

/** How many readings' changes a protected site keeps. */
export const MAX_SITE_CHANGES = 10;

export const DEFAULT_SETTINGS = {
  version: 4,
  /** Category id → allowed, for every site without its own choice. Missing: the knowledge base's defaultAllowed. */
  defaults: {} as Record<string, boolean>,
  /**
   * Registrable domain (eTLD+1) of a covered page → the choices, or pause, the user made on that domain's pages. They
   * hold there only, never on the owner's other domains (schema version 2; version 1 keyed them by site id).
   */
  sites: {} as Record<string, SiteChoices>,
  /** Cookies on covered sites that the knowledge base does not classify. */
  unknownCookies: 'allow' as 'allow' | 'remove',
  badge: true,
  /**
   * Send Global Privacy Control (the Sec-GPC request header and navigator.globalPrivacyControl,
   * https://privacycg.github.io/gpc-spec/) on covered domains whose choices refuse the site's advertising category.
   * Off unless the person turns it on (schema version 3).
   */
  globalPrivacyControl: false,
  /**
   * Registrable domain → the site protected there from its consent manager's declarations (schema version 4). They are
   * covered as the bundled sites are; the list reveals sites the person visited.
   */
  protectedSites: {} as Record<string, ProtectedSite>,
};

export type Settings = typeof DEFAULT_SETTINGS;

/** The preferences the options page sets one at a time; a missing one is left as it is. */
export type Preferences = Partial<Pick<Settings, 'unknownCookies' | 'badge' | 'globalPrivacyControl'>>;

/** A new copy of the defaults (schema version, no choices, no exceptions): the settings of a new install and of a reset. */
export function freshSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS);
}
