// The settings as stored in storage.local, read once per worker life and repaired on read; writes go through one queue.
import { recoverSettings, type Recovered } from '../core/settings-schema';
import type { Settings } from '../core/settings';
import type { KeyValueArea } from '../ports/storage';
import { serialQueue } from './serial-queue';

export const SETTINGS_KEY = 'settings';

export interface SettingsStore {
  /** The current settings and what was repaired when they were read. */
  current(): Promise<Recovered>;
  /** Applies a change to the latest settings and stores the result; changes never overwrite each other. */
  update(change: (settings: Settings) => Settings): Promise<Settings>;
  /**
   * Takes in a value from storage.onChanged. Null for the echo of this store's own write: that one is in force
   * already, and adopting an older echo after a newer write would bring back stale settings.
   */
  adopt(stored: unknown): Recovered | null;
}

export function createSettingsStore(area: KeyValueArea): SettingsStore {
  const enqueue = serialQueue();
  let cached: Promise<Recovered> | null = null;
  // Own writes whose storage.onChanged echo has not arrived yet, oldest first.
  const unechoed: string[] = [];
  const current = (): Promise<Recovered> => (cached ??= area.get(SETTINGS_KEY).then((items) => recoverSettings(items[SETTINGS_KEY])));
  return {
    current,
    update: (change) =>
      enqueue(async () => {
        const next = change((await current()).settings);
        unechoed.push(JSON.stringify(next));
        await area.set({ [SETTINGS_KEY]: next });
        cached = Promise.resolve({ settings: next, recovered: [] });
        return next;
      }),
    adopt(stored) {
      const echo = unechoed.indexOf(JSON.stringify(stored));
      if (echo >= 0) {
        unechoed.splice(0, echo + 1);
        return null;
      }
      const recovered = recoverSettings(stored);
      cached = Promise.resolve(recovered);
      return recovered;
    },
  };
}
