// Keeps something in line with the newest of a stream of values (the settings, most often): syncs run one at a
// time, and a burst of changes ends with the newest value, skipping those already overtaken.
import { serialQueue } from './serial-queue';

/** `enqueue`: the queue the syncs run on, when other jobs must not interleave with them either. */
export function syncToLatest<T>(
  sync: (value: T) => Promise<void>,
  enqueue: ReturnType<typeof serialQueue> = serialQueue(),
): (value: T) => Promise<void> {
  let latest: T | null = null;
  let applied: T | null = null;
  return (value) => {
    latest = value;
    return enqueue(async () => {
      const wanted = latest;
      if (wanted === null || wanted === applied) return;
      await sync(wanted);
      applied = wanted;
    });
  };
}
