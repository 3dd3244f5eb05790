import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSettingsStore, PROTECTED_SITES_KEY, SETTINGS_KEY } from '../../../src/settings/store';
import { manifestFor } from '../../../src/build/manifest';
import type { KeyValueArea } from '../../../src/ports/storage';
import { freshSettings, type Settings } from '../../../src/settings/settings';
import { setDefaultChoice, setSitePaused } from '../../../src/settings/ops';
import { declaredSite } from '../../../src/protected-sites/declared-site';
import { protectSite } from '../../../src/protected-sites/protected-sites';
import { harborDeclaration } from '../protected-sites/observations';

const OWNERS = [{ id: 'atlassian', domains: ['atlassian.com', 'bitbucket.org'] }];

function memoryArea(initial: Record<string, unknown> = {}): KeyValueArea & { data: Record<string, unknown> } {
  const data = structuredClone(initial);
  const later = () => new Promise((resolve) => setImmediate(resolve));
  return {
    data,
    async get(key) {
      await later();
      return Object.fromEntries([key].flat().flatMap((one) => (one in data ? [[one, structuredClone(data[one])]] : [])));
    },
    async set(items) {
      await later();
      Object.assign(data, structuredClone(items));
    },
  };
}

test('concurrent changes are applied one after another: none is lost', async () => {
  const area = memoryArea();
  const store = createSettingsStore(area, OWNERS);
  await Promise.all([
    store.update((settings) => setDefaultChoice(settings, 'functionality', false)),
    store.update((settings) => setDefaultChoice(settings, 'social-media', true)),
    store.update((settings) => setSitePaused(settings, 'atlassian.com', true)),
  ]);
  const expected = setSitePaused(
    setDefaultChoice(setDefaultChoice(freshSettings(), 'functionality', false), 'social-media', true),
    'atlassian.com',
    true,
  );
  const { protectedSites: _none, ...choices } = expected;
  expect(area.data[SETTINGS_KEY]).toEqual(choices);
  expect((await createSettingsStore(area, OWNERS).current()).settings).toEqual(expected);
});

test('a failing change leaves the stored settings alone and does not block the next', async () => {
  const area = memoryArea();
  const store = createSettingsStore(area, OWNERS);
  const failed = store.update(() => {
    throw new Error('invalid');
  });
  const next = store.update((settings) => setDefaultChoice(settings, 'functionality', false));
  await expect(failed).rejects.toThrow('invalid');
  await next;
  const { protectedSites: _none, ...choices } = setDefaultChoice(freshSettings(), 'functionality', false);
  expect(area.data[SETTINGS_KEY]).toEqual(choices);
});

test('a change whose result does not fit the schema is refused, and nothing is stored', async () => {
  const area = memoryArea();
  const store = createSettingsStore(area, OWNERS);
  await expect(store.update((settings) => ({ ...settings, ...(JSON.parse('{"badge":"loud"}') as Partial<Settings>) }))).rejects.toThrow(
    'the change would make the settings invalid',
  );
  expect(area.data[SETTINGS_KEY]).toBeUndefined();
});

test('corrupt stored settings are repaired on read and the repair is reported until the next write', async () => {
  const store = createSettingsStore(
    memoryArea({ [SETTINGS_KEY]: { version: 2, badge: 'loud', defaults: { functionality: false } } }),
    OWNERS,
  );
  const { settings, recovered } = await store.current();
  expect(settings).toEqual({ ...setDefaultChoice(freshSettings(), 'functionality', false) });
  expect(recovered).toEqual(['badge: "loud" must be true or false; reset to true']);
  await store.update((current) => current);
  expect((await store.current()).recovered).toEqual([]);
});

test('settings stored by version 0.1 (choices per site id) are read as the same choices on each of its domains', async () => {
  const stored = {
    version: 1,
    defaults: {},
    sites: { atlassian: { choices: { 'social-media': true }, paused: false } },
    unknownCookies: 'allow',
    badge: true,
  };
  const area = memoryArea({ [SETTINGS_KEY]: stored });
  const { settings, recovered } = await createSettingsStore(area, OWNERS).current();
  const choice = { choices: { 'social-media': true }, paused: false };
  expect(settings.sites).toEqual({ 'atlassian.com': choice, 'bitbucket.org': choice });
  expect(recovered).toEqual([]);
});

// The store reads storage once per worker life and nothing listens to storage.onChanged, which holds only while
// the worker is the settings' one writer: no page, content script or second worker writes extension storage.
test('the worker is the only writer of extension storage: pages and content scripts reach it by message', () => {
  const root = join(__dirname, '../../..');
  const sources = (dir: string): string[] =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.tsx?$/.test(name))
      .map((name) => join(dir, name));
  // Any use of a storage area outside the worker's own adapters counts: a page holding one could write to it.
  const writers = ['popup', 'options', 'src']
    .flatMap(sources)
    .filter((file) => !file.startsWith(join('src', 'browser')))
    .filter((file) => /\b(browser|chrome)\s*\.\s*storage\s*\.\s*(local|sync|session)\b/.test(readFileSync(join(root, file), 'utf8')));
  expect(writers).toEqual([]);
  // In Chrome's "split" incognito mode private windows would get a second worker writing the same storage.
  for (const target of ['chrome', 'firefox'] as const) expect(manifestFor(target, []).incognito).toBeUndefined();
});

test('protected sites are kept under their own key, written only when they change', async () => {
  const area = memoryArea();
  const store = createSettingsStore(area, OWNERS);
  await store.update((settings) => setDefaultChoice(settings, 'functionality', false));
  expect(area.data).not.toHaveProperty(PROTECTED_SITES_KEY);
  const site = declaredSite(harborDeclaration(), 'www.harbor.example', new Date('2026-11-30T12:00:00Z'));
  const protectedOnce = await store.update((settings) => protectSite(settings, site, '2026-11-30T12:00:00.000Z'));
  expect(area.data[PROTECTED_SITES_KEY]).toEqual(protectedOnce.protectedSites);
  expect(area.data[SETTINGS_KEY]).not.toHaveProperty('protectedSites');
  area.data[PROTECTED_SITES_KEY] = 'overwritten elsewhere';
  await store.update((settings) => setDefaultChoice(settings, 'functionality', true));
  expect(area.data[PROTECTED_SITES_KEY]).toBe('overwritten elsewhere');
  // A new worker reads both keys back into one settings object.
  const again = createSettingsStore(memoryArea({ ...area.data, [PROTECTED_SITES_KEY]: protectedOnce.protectedSites }), OWNERS);
  expect((await again.current()).settings.protectedSites).toEqual(protectedOnce.protectedSites);
});

test('a protected site dropped when read is dropped from storage with the next change', async () => {
  const site = declaredSite(harborDeclaration(), 'www.harbor.example', new Date('2026-11-30T12:00:00Z'));
  const good = protectSite(freshSettings(), site, '2026-11-30T12:00:00.000Z').protectedSites;
  const { protectedSites: _none, ...choices } = freshSettings();
  const area = memoryArea({ [SETTINGS_KEY]: choices, [PROTECTED_SITES_KEY]: { ...good, 'bad.example': { site: 'forged' } } });
  const store = createSettingsStore(area, OWNERS);
  expect((await store.current()).recovered).toEqual([expect.stringMatching(/^protectedSites\."bad\.example"/)]);
  await store.update((settings) => setDefaultChoice(settings, 'functionality', false));
  expect(area.data[PROTECTED_SITES_KEY]).toEqual(good);
  expect((await createSettingsStore(area, OWNERS).current()).recovered).toEqual([]);
});
