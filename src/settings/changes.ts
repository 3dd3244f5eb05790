// The one "store, then enforce": every change to the settings goes through the store's queue, then is put in force.
import type { Settings } from './settings';
import type { SettingsStore } from './store';

export interface SettingsChanges {
  /**
   * Stores what `edit` makes of the latest settings, then puts it in force; resolves once its rules are (the cookie
   * sweep goes on). Rejects, storing nothing, when the result does not fit the settings schema.
   */
  change(edit: (settings: Settings) => Settings): Promise<Settings>;
  /**
   * As `change`, but resolves once stored and enforces without waiting: for a caller running inside a queue that
   * enforcement itself waits behind (the consent manager's answerer heeding a refusal made in the site's banner).
   */
  changeAndEnforceLater(edit: (settings: Settings) => Settings): Promise<Settings>;
}

export function createSettingsChanges(
  store: Pick<SettingsStore, 'update'>,
  enforce: (settings: Settings) => Promise<void>,
  report: (error: unknown) => void,
): SettingsChanges {
  return {
    async change(edit) {
      const next = await store.update(edit);
      await enforce(next);
      return next;
    },
    async changeAndEnforceLater(edit) {
      const next = await store.update(edit);
      void enforce(next).catch(report);
      return next;
    },
  };
}
