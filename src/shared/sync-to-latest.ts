// Keeps something in the browser in line with the settings: syncs run one at a time, and a burst of changes ends
// with the newest settings, skipping those already overtaken.
import type { Settings } from '../settings/settings';
import { serialQueue } from './serial-queue';

export function syncToLatest(sync: (settings: Settings) => Promise<void>): (settings: Settings) => Promise<void> {
  const enqueue = serialQueue();
  let latest: Settings | null = null;
  let applied: Settings | null = null;
  return (settings) => {
    latest = settings;
    return enqueue(async () => {
      const wanted = latest;
      if (wanted === null || wanted === applied) return;
      await sync(wanted);
      applied = wanted;
    });
  };
}
