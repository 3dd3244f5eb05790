import { createHandlers } from '../../../src/messaging/handlers';
import { createSettingsChanges } from '../../../src/settings/changes';
import type { CmpQuestion } from '../../../src/consent-manager/person-answer';
import { createSettingsStore } from '../../../src/settings/store';
import type { TabCounter } from '../../../src/tab-counts/tab-counter';
import { createTabView } from '../../../src/messaging/tab-view';
import { freshSettings, type Settings } from '../../../src/settings/settings';
import { buildSiteIndex } from '../../../src/knowledge/site-index';
import { MINI } from '../../support/mini-site';

function setup() {
  const data: Record<string, unknown> = {};
  const area = {
    get: async (keys: string | string[]) => Object.fromEntries([keys].flat().map((key) => [key, data[key]])),
    set: async (items: Record<string, unknown>) => void Object.assign(data, items),
  };
  const store = createSettingsStore(area, [MINI]);
  const enforced: Settings[] = [];
  const counter = { counts: async () => ({ analytics: { blockedRequests: 2, removedCookies: 1 } }) } as unknown as TabCounter;
  const urls: Record<number, string> = {
    1: 'https://shop.mini.test/cart',
    2: 'https://elsewhere.test/',
    4: 'https://static.mini-cdn.net/',
  };
  const index = buildSiteIndex([MINI]);
  const questions = new Map<string, CmpQuestion>();
  const tabs = createTabView({
    indexOf: () => index,
    store,
    counter,
    jar: { cookiesIn: async () => [] },
    tabUrl: async (tabId) => urls[tabId],
    cmpCheckOf: () => null,
    cmpQuestionOf: async (domain) => questions.get(domain) ?? null,
    cmpAnswerFailed: async () => false,
  });
  const cmpQuestions = {
    questionOf: async (domain: string) => questions.get(domain) ?? null,
    settleQuestion: async (domain: string) => void questions.delete(domain),
  };
  const protector = {
    read: async () => ({ state: 'unreadable' as const, problem: { code: 'no-access' as const } }),
    protect: async () => undefined,
    unprotect: async () => (await store.current()).settings,
    release: async () => undefined,
  };
  const handlers = createHandlers({
    bundled: [MINI],
    indexOf: () => index,
    store,
    tabs,
    changes: createSettingsChanges(
      store,
      async (settings) => void enforced.push(settings),
      () => undefined,
    ),
    cmpQuestions,
    protector,
  });
  return { handlers, data, enforced, urls, questions };
}

/** The settings as stored: the protected sites are kept under their own key (settings/store.ts). */
function stored(data: Record<string, unknown>): unknown {
  return { ...(data.settings as object), protectedSites: data.protectedSites ?? {} };
}

test('the tab state names the covered site, the registrable domain, what is allowed there and the counts', async () => {
  const { handlers } = setup();
  await handlers['set-site-choice']({ domain: 'mini.test', categoryId: 'analytics', allowed: true });
  const state = await handlers['get-tab-state']({ tabId: 1 });
  expect(state.site?.id).toBe('mini');
  expect(state.domain).toBe('mini.test');
  expect(state.allowed).toEqual({ 'strictly-necessary': true, functionality: true, analytics: true, advertising: false, research: false });
  expect(state).toMatchObject({ paused: false, counts: { analytics: { blockedRequests: 2, removedCookies: 1 } } });
  expect((await handlers['get-tab-state']({ tabId: 2 })).site).toBeNull();
  expect((await handlers['get-tab-state']({ tabId: 3 })).site).toBeNull();
});

test("the popup's change answers with its tab's new state, once enforced", async () => {
  const { handlers, data, enforced } = setup();
  const state = await handlers['set-tab-choice']({ tabId: 1, domain: 'mini.test', categoryId: 'advertising', allowed: true });
  expect(state).toMatchObject({ site: { id: 'mini' }, paused: false, counts: { analytics: { blockedRequests: 2, removedCookies: 1 } } });
  expect(state.allowed.advertising).toBe(true);
  expect(enforced).toEqual([stored(data)]);
  const paused = await handlers['set-tab-paused']({ tabId: 1, domain: 'mini.test', paused: true });
  expect(paused.paused).toBe(true);
  expect(Object.values(paused.allowed).every(Boolean)).toBe(true);
  expect(enforced).toHaveLength(2);
});

test("a choice holds on the registrable domain where it was made, not on the owner's other domains", async () => {
  const { handlers } = setup();
  await handlers['set-tab-choice']({ tabId: 1, domain: 'mini.test', categoryId: 'advertising', allowed: true });
  await handlers['set-tab-paused']({ tabId: 1, domain: 'mini.test', paused: true });
  const other = await handlers['get-tab-state']({ tabId: 4 });
  expect(other).toMatchObject({ site: { id: 'mini' }, domain: 'mini-cdn.net', paused: false });
  expect(other.allowed.advertising).toBe(false);
});

test("applying a domain's choices to all of the owner's sites copies its choices, never its pause", async () => {
  const { handlers, data } = setup();
  await handlers['set-tab-choice']({ tabId: 1, domain: 'mini.test', categoryId: 'advertising', allowed: true });
  await handlers['set-tab-paused']({ tabId: 1, domain: 'mini.test', paused: true });
  const state = await handlers['apply-choices-to-owner']({ tabId: 4, domain: 'mini.test' });
  expect(state).toMatchObject({ domain: 'mini-cdn.net', paused: false });
  expect(state.allowed.advertising).toBe(true);
  expect(data.settings).toMatchObject({
    sites: {
      'mini.test': { choices: { advertising: true }, paused: true },
      'mini-cdn.net': { choices: { advertising: true }, paused: false },
    },
  });
  await expect(handlers['apply-choices-to-owner']({ tabId: 4, domain: 'shop.mini.test' })).rejects.toThrow('no covered site');
});

test("a popup's change applies to the site it showed, even if its tab has moved on since", async () => {
  const { handlers, data, urls } = setup();
  urls[1] = 'https://elsewhere.test/';
  const state = await handlers['set-tab-choice']({ tabId: 1, domain: 'mini.test', categoryId: 'research', allowed: true });
  expect(state.site).toBeNull();
  expect(data.settings).toMatchObject({ sites: { 'mini.test': { choices: { research: true } } } });
  await expect(handlers['set-tab-paused']({ tabId: 1, domain: 'nope.test', paused: true })).rejects.toThrow('no covered site');
  await expect(
    handlers['set-tab-choice']({ tabId: 1, domain: 'mini.test', categoryId: 'strictly-necessary', allowed: false }),
  ).rejects.toThrow('cannot be refused');
});

test('every change is stored and enforced before the reply', async () => {
  const { handlers, data, enforced } = setup();
  const settings = await handlers['set-default-choice']({ categoryId: 'functionality', allowed: false });
  expect(stored(data)).toEqual(settings);
  expect(enforced).toEqual([settings]);
});

test('changes that the knowledge base or the schema do not allow are refused and change nothing', async () => {
  const { handlers, data, enforced } = setup();
  await expect(handlers['set-site-choice']({ domain: 'mini.test', categoryId: 'strictly-necessary', allowed: false })).rejects.toThrow(
    'cannot be refused',
  );
  await expect(handlers['set-site-choice']({ domain: 'nope.test', categoryId: 'analytics', allowed: false })).rejects.toThrow(
    'no covered site',
  );
  await expect(handlers['set-default-choice']({ categoryId: 'strictly-necessary', allowed: false })).rejects.toThrow('cannot be refused');
  await expect(handlers['set-preferences']({ unknownCookies: 'delete' as 'remove' })).rejects.toThrow('invalid');
  expect(data).toEqual({});
  expect(enforced).toEqual([]);
});

test('export, reset, import restores the same settings; an invalid import changes nothing', async () => {
  const { handlers, data } = setup();
  await handlers['set-site-paused']({ domain: 'mini.test', paused: true });
  const edited = await handlers['set-preferences']({ badge: false });
  const { text } = await handlers['export-settings']({});
  expect(await handlers['reset-settings']({})).toEqual(freshSettings());
  expect(await handlers['import-settings']({ text })).toEqual({ ok: true, settings: edited });
  expect(stored(data)).toEqual(edited);
  expect(await handlers['import-settings']({ text: '{"version":1}' })).toMatchObject({ ok: false });
  expect(stored(data)).toEqual(edited);
  expect((await handlers['get-settings']({})).settings).toEqual(edited);
});

test("a grant made in the site's consent manager is allowed only when the popup confirms it, on that domain only", async () => {
  const { handlers, data, questions } = setup();
  // Strictly necessary is not refusable: a page-chosen list cannot use the question to touch it.
  questions.set('mini.test', { granted: ['advertising', 'strictly-necessary'], allowAll: true });
  await handlers['answer-cmp-question']({ tabId: 1, domain: 'mini.test', allow: false, categories: ['advertising', 'strictly-necessary'] });
  expect(data.settings).toBeUndefined();
  expect(questions.has('mini.test')).toBe(false);

  questions.set('mini.test', { granted: ['advertising', 'strictly-necessary'], allowAll: true });
  const state = await handlers['answer-cmp-question']({
    tabId: 1,
    domain: 'mini.test',
    allow: true,
    categories: ['advertising', 'strictly-necessary'],
  });
  expect(state.allowed.advertising).toBe(true);
  expect(data.settings).toMatchObject({ sites: { 'mini.test': { choices: { advertising: true } } } });
  expect((data.settings as Settings).sites['mini-cdn.net']).toBeUndefined();
  expect(questions.has('mini.test')).toBe(false);
});

test('a question the page replaced after the popup showed its own is not answered by that click', async () => {
  const { handlers, data, questions } = setup();
  // The popup showed "analytics"; a page script has since recorded "Allow all" there.
  questions.set('mini.test', { granted: ['analytics', 'advertising'], allowAll: true });
  const state = await handlers['answer-cmp-question']({ tabId: 1, domain: 'mini.test', allow: true, categories: ['analytics'] });
  expect(state.allowed.analytics).toBe(true);
  expect(state.allowed.advertising).toBe(false);
  expect(data.settings).toMatchObject({ sites: { 'mini.test': { choices: { analytics: true } } } });
  expect(questions.has('mini.test')).toBe(true);
});
