// The settings as stored in storage.local, read once per worker life and repaired on read; writes go through one
// queue. The worker is their only writer (pages change them by message), so the cached copy never goes stale and
// nothing listens to storage.onChanged.
import * as v from 'valibot';
import type { Owners } from './migrations';
import { recoverSettings, SettingsSchema, type Recovered } from './schema';
import type { Settings } from './settings';
import type { KeyValueArea } from '../ports/storage';
import { serialQueue } from '../shared/serial-queue';

export const SETTINGS_KEY = 'settings';
/**
 * The protected sites (settings.protectedSites) are kept under their own key: their records are large next to the
 * choices, and are written only when they change.
 */
export const PROTECTED_SITES_KEY = 'protectedSites';

export interface SettingsStore {
  /** The current settings and what was repaired when they were read. */
  current(): Promise<Recovered>;
  /**
   * Applies a change to the latest settings and stores the result; changes never overwrite each other. Rejects, and
   * stores nothing, when the result does not fit the settings schema.
   */
  update(change: (settings: Settings) => Settings): Promise<Settings>;
}

/**
 * The store over `area`. Settings of an older schema version are migrated as they are read (`owners`, the covered
 * sites, for version 1's per-site choices), and written in the new shape with the next change.
 */
export function createSettingsStore(area: KeyValueArea, owners: Owners): SettingsStore {
  const enqueue = serialQueue();
  let cached: Promise<Recovered> | null = null;
  const current = (): Promise<Recovered> =>
    (cached ??= area.get([SETTINGS_KEY, PROTECTED_SITES_KEY]).then((items) => recoverSettings(joined(items), owners)));
  return {
    current,
    update: (change) =>
      enqueue(async () => {
        const { settings: before, recovered } = await current();
        const next = change(before);
        // Records dropped when the stored ones were read are dropped from storage too, with the first change.
        const sitesChanged = next.protectedSites !== before.protectedSites || recovered.some((line) => line.startsWith('protectedSites'));
        // The protected sites' records are checked only when they change: each is checked as it is made.
        const checked = sitesChanged ? next : { ...next, protectedSites: {} };
        if (!v.is(SettingsSchema, checked)) throw new Error('the change would make the settings invalid');
        const { protectedSites, ...choices } = next;
        await area.set({ [SETTINGS_KEY]: choices, ...(sitesChanged ? { [PROTECTED_SITES_KEY]: protectedSites } : {}) });
        cached = Promise.resolve({ settings: next, recovered: [] });
        return next;
      }),
  };
}

/** The stored settings with their protected sites back in them; a store from before version 4 has none to add. */
function joined(items: Record<string, unknown>): unknown {
  const stored = items[SETTINGS_KEY];
  const protectedSites = items[PROTECTED_SITES_KEY];
  if (protectedSites === undefined || typeof stored !== 'object' || stored === null || Array.isArray(stored)) return stored;
  return { ...stored, protectedSites };
}
