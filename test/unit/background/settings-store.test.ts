import { createSettingsStore, SETTINGS_KEY } from '../../../src/background/settings-store';
import type { KeyValueArea } from '../../../src/ports/storage';
import { freshSettings } from '../../../src/core/settings';
import { setDefaultChoice, setSitePaused } from '../../../src/core/settings-ops';

function memoryArea(initial: Record<string, unknown> = {}): KeyValueArea & { data: Record<string, unknown> } {
  const data = structuredClone(initial);
  const later = () => new Promise((resolve) => setImmediate(resolve));
  return {
    data,
    async get(key) {
      await later();
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      await later();
      Object.assign(data, structuredClone(items));
    },
  };
}

test('concurrent changes are applied one after another: none is lost', async () => {
  const area = memoryArea();
  const store = createSettingsStore(area);
  await Promise.all([
    store.update((settings) => setDefaultChoice(settings, 'functionality', false)),
    store.update((settings) => setDefaultChoice(settings, 'social-media', true)),
    store.update((settings) => setSitePaused(settings, 'atlassian', true)),
  ]);
  const expected = setSitePaused(
    setDefaultChoice(setDefaultChoice(freshSettings(), 'functionality', false), 'social-media', true),
    'atlassian',
    true,
  );
  expect(area.data[SETTINGS_KEY]).toEqual(expected);
  expect((await createSettingsStore(area).current()).settings).toEqual(expected);
});

test('a failing change leaves the stored settings alone and does not block the next', async () => {
  const area = memoryArea();
  const store = createSettingsStore(area);
  const failed = store.update(() => {
    throw new Error('invalid');
  });
  const next = store.update((settings) => setDefaultChoice(settings, 'functionality', false));
  await expect(failed).rejects.toThrow('invalid');
  await next;
  expect(area.data[SETTINGS_KEY]).toEqual(setDefaultChoice(freshSettings(), 'functionality', false));
});

test('corrupt stored settings are repaired on read and the repair is reported until the next write', async () => {
  const store = createSettingsStore(memoryArea({ [SETTINGS_KEY]: { version: 1, badge: 'loud', defaults: { functionality: false } } }));
  const { settings, recovered } = await store.current();
  expect(settings).toEqual({ ...setDefaultChoice(freshSettings(), 'functionality', false) });
  expect(recovered).toEqual(['badge: "loud" must be true or false; reset to true']);
  await store.update((current) => current);
  expect((await store.current()).recovered).toEqual([]);
});

test("echoes of the store's own writes are skipped, even one arriving after a newer write; others are adopted", async () => {
  const store = createSettingsStore(memoryArea());
  const first = await store.update((settings) => setDefaultChoice(settings, 'functionality', false));
  const second = await store.update((settings) => setDefaultChoice(settings, 'social-media', true));
  expect(store.adopt(structuredClone(first))).toBeNull();
  expect(store.adopt(structuredClone(second))).toBeNull();
  expect((await store.current()).settings).toEqual(second);

  const foreign = setSitePaused(second, 'atlassian', true);
  expect(store.adopt(structuredClone(foreign))?.settings).toEqual(foreign);
  expect((await store.current()).settings).toEqual(foreign);
});
