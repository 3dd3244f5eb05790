// User settings: one defaults object, the type derived from it.
// Validation, migration and import live in settings-schema.ts; this file stays dependency-free.

export interface SiteChoices {
  /** Category id → allowed. Missing categories fall back to the defaults. */
  choices: Record<string, boolean>;
  /** Paused: everything allowed on this domain's pages until resumed. */
  paused: boolean;
}

export const DEFAULT_SETTINGS = {
  version: 2,
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
};

export type Settings = typeof DEFAULT_SETTINGS;

/** A new copy of the defaults (schema version, no choices, no exceptions): the settings of a new install and of a reset. */
export function freshSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS);
}
