import { createHandlers } from '../../../src/background/handlers';
import { createSettingsStore } from '../../../src/background/settings-store';
import type { TabCounter } from '../../../src/background/tab-counter';
import { createTabView } from '../../../src/background/tab-view';
import { freshSettings, type Settings } from '../../../src/core/settings';
import { buildSiteIndex } from '../../../src/core/site-index';
import { MINI } from '../core/mini-site';

function setup() {
  const data: Record<string, unknown> = {};
  const store = createSettingsStore({ get: async (key) => ({ [key]: data[key] }), set: async (items) => void Object.assign(data, items) });
  const enforced: Settings[] = [];
  const counter = { counts: async () => ({ analytics: { blockedRequests: 2, removedCookies: 1 } }) } as unknown as TabCounter;
  const urls: Record<number, string> = { 1: 'https://shop.mini.test/cart', 2: 'https://elsewhere.test/' };
  const index = buildSiteIndex([MINI]);
  const tabs = createTabView({ index, store, counter, tabUrl: async (tabId) => urls[tabId] });
  const handlers = createHandlers({ index, store, tabs, enforce: async (settings) => void enforced.push(settings) });
  return { handlers, data, enforced, urls };
}

test('the tab state names the covered site, what is allowed there and the counts', async () => {
  const { handlers } = setup();
  await handlers['set-site-choice']({ siteId: 'mini', categoryId: 'analytics', allowed: true });
  const state = await handlers['get-tab-state']({ tabId: 1 });
  expect(state.site?.id).toBe('mini');
  expect(state.allowed).toEqual({ 'strictly-necessary': true, functionality: true, analytics: true, advertising: false, research: false });
  expect(state).toMatchObject({ paused: false, counts: { analytics: { blockedRequests: 2, removedCookies: 1 } } });
  expect((await handlers['get-tab-state']({ tabId: 2 })).site).toBeNull();
  expect((await handlers['get-tab-state']({ tabId: 3 })).site).toBeNull();
});

test("the popup's change answers with its tab's new state, once enforced", async () => {
  const { handlers, data, enforced } = setup();
  const state = await handlers['set-tab-choice']({ tabId: 1, siteId: 'mini', categoryId: 'advertising', allowed: true });
  expect(state).toMatchObject({ site: { id: 'mini' }, paused: false, counts: { analytics: { blockedRequests: 2, removedCookies: 1 } } });
  expect(state.allowed.advertising).toBe(true);
  expect(enforced).toEqual([data.settings]);
  const paused = await handlers['set-tab-paused']({ tabId: 1, siteId: 'mini', paused: true });
  expect(paused.paused).toBe(true);
  expect(Object.values(paused.allowed).every(Boolean)).toBe(true);
  expect(enforced).toHaveLength(2);
});

test("a popup's change applies to the site it showed, even if its tab has moved on since", async () => {
  const { handlers, data, urls } = setup();
  urls[1] = 'https://elsewhere.test/';
  const state = await handlers['set-tab-choice']({ tabId: 1, siteId: 'mini', categoryId: 'research', allowed: true });
  expect(state.site).toBeNull();
  expect(data.settings).toMatchObject({ sites: { mini: { choices: { research: true } } } });
  await expect(handlers['set-tab-paused']({ tabId: 1, siteId: 'nope', paused: true })).rejects.toThrow('no covered site');
  await expect(handlers['set-tab-choice']({ tabId: 1, siteId: 'mini', categoryId: 'strictly-necessary', allowed: false })).rejects.toThrow(
    'cannot be refused',
  );
});

test('every change is stored and enforced before the reply', async () => {
  const { handlers, data, enforced } = setup();
  const settings = await handlers['set-default-choice']({ categoryId: 'functionality', allowed: false });
  expect(data.settings).toEqual(settings);
  expect(enforced).toEqual([settings]);
});

test('changes that the knowledge base or the schema do not allow are refused and change nothing', async () => {
  const { handlers, data, enforced } = setup();
  await expect(handlers['set-site-choice']({ siteId: 'mini', categoryId: 'strictly-necessary', allowed: false })).rejects.toThrow(
    'cannot be refused',
  );
  await expect(handlers['set-site-choice']({ siteId: 'nope', categoryId: 'analytics', allowed: false })).rejects.toThrow('no covered site');
  await expect(handlers['set-default-choice']({ categoryId: 'strictly-necessary', allowed: false })).rejects.toThrow('cannot be refused');
  await expect(handlers['set-preferences']({ unknownCookies: 'delete' as 'remove' })).rejects.toThrow('invalid');
  expect(data).toEqual({});
  expect(enforced).toEqual([]);
});

test('export, reset, import restores the same settings; an invalid import changes nothing', async () => {
  const { handlers, data } = setup();
  await handlers['set-site-paused']({ siteId: 'mini', paused: true });
  const edited = await handlers['set-preferences']({ badge: false });
  const { text } = await handlers['export-settings']({});
  expect(await handlers['reset-settings']({})).toEqual(freshSettings());
  expect(await handlers['import-settings']({ text })).toEqual({ ok: true, settings: edited });
  expect(data.settings).toEqual(edited);
  expect(await handlers['import-settings']({ text: '{"version":1}' })).toMatchObject({ ok: false });
  expect(data.settings).toEqual(edited);
  expect((await handlers['get-settings']({})).settings).toEqual(edited);
});
