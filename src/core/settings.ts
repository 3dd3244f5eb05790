// User settings: one defaults object, the type derived from it.
// Validation, migration and import live in settings-schema.ts; this file stays dependency-free.

export interface SiteChoices {
  /** Category id → allowed. Missing categories fall back to the defaults. */
  choices: Record<string, boolean>;
  /** Paused: everything allowed on this site until resumed. */
  paused: boolean;
}

export const DEFAULT_SETTINGS = {
  version: 1,
  /** Category id → allowed, for every site without its own choice. Missing: the knowledge base's defaultAllowed. */
  defaults: {} as Record<string, boolean>,
  /** Covered site id → its own choices. */
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
