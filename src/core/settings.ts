// User settings: one defaults object, the type derived from it.
// Validation, migration and import live in settings-schema.ts; this file stays dependency-free.

export interface SiteChoices {
  /** Category id → allowed. Missing categories fall back to the defaults. */
  choices: Record<string, boolean>;
  /** Paused: everything allowed on this domain's pages until resumed. */
  paused: boolean;
}

export const DEFAULT_SETTINGS = {
  version: 3,
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
};

export type Settings = typeof DEFAULT_SETTINGS;

/** The preferences the options page sets one at a time; a missing one is left as it is. */
export type Preferences = Partial<Pick<Settings, 'unknownCookies' | 'badge' | 'globalPrivacyControl'>>;

/** A new copy of the defaults (schema version, no choices, no exceptions): the settings of a new install and of a reset. */
export function freshSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS);
}
