// The settings as stored in storage.local, read once per worker life and repaired on read; writes go through one
// queue. The worker is their only writer (pages change them by message), so the cached copy never goes stale and
// nothing listens to storage.onChanged.
import * as v from 'valibot';
import type { Owners } from '../core/migrations';
import { recoverSettings, SettingsSchema, type Recovered } from '../core/settings-schema';
import type { Settings } from '../core/settings';
import type { KeyValueArea } from '../ports/storage';
import { serialQueue } from './serial-queue';

export const SETTINGS_KEY = 'settings';

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
    (cached ??= area.get(SETTINGS_KEY).then((items) => recoverSettings(items[SETTINGS_KEY], owners)));
  return {
    current,
    update: (change) =>
      enqueue(async () => {
        const next = change((await current()).settings);
        if (!v.is(SettingsSchema, next)) throw new Error('the change would make the settings invalid');
        await area.set({ [SETTINGS_KEY]: next });
        cached = Promise.resolve({ settings: next, recovered: [] });
        return next;
      }),
  };
}
