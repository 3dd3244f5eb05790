import { createPagePushes } from '../../../src/messaging/page-pushes';
import type { PagePort, SenderFacts } from '../../../src/ports/pages';
import { PUSH_PORT, type PortMessage } from '../../../src/messaging/protocol';
import { freshSettings, type Settings } from '../../../src/settings/settings';
import { setDefaultChoice, setSiteChoice, setSitePaused } from '../../../src/settings/ops';
import { MINI } from '../../support/mini-site';
import { ORIGIN, OWN_PAGES, REFUSED_SENDERS } from './senders';

interface FakePort extends PagePort<PortMessage> {
  received: PortMessage[];
  disconnected: boolean;
  /** A message from the page. */
  send(message: unknown): void;
  /** The page goes away. */
  close(): void;
}

function fakePort(sender: SenderFacts, name = PUSH_PORT): FakePort {
  const onMessage: ((message: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const port: FakePort = {
    name,
    sender,
    received: [],
    disconnected: false,
    postMessage(message) {
      if (port.disconnected) throw new Error('Attempting to use a disconnected port object');
      port.received.push(structuredClone(message));
    },
    disconnect() {
      port.disconnected = true;
    },
    onMessage: { addListener: (listener) => void onMessage.push(listener) },
    onDisconnect: { addListener: (listener) => void onDisconnect.push(listener) },
    send: (message) => onMessage.forEach((listener) => listener(message)),
    close() {
      port.disconnected = true;
      onDisconnect.forEach((listener) => listener());
    },
  };
  return port;
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const popupSender = OWN_PAGES[0]![1];

/** `cmpLatency(n)`: how many event-loop turns the n-th CMP line takes to build (0 by default). */
function setup(cmpLatency: (call: number) => number = () => 0) {
  let settings: Settings = freshSettings();
  const siteOfTab: Record<number, typeof MINI | null> = { 1: MINI, 2: MINI, 3: null };
  let cmpCalls = 0;
  const pushes = createPagePushes({
    extensionOrigin: ORIGIN,
    settings: async () => ({ settings, recovered: [] }),
    pageOf: async (tabId: number) => (siteOfTab[tabId] ? { site: siteOfTab[tabId], domain: 'mini.test' } : null),
    cmpOf: async (tabId: number) => {
      const paused = settings.sites['mini.test']?.paused ?? false;
      for (let turn = cmpLatency(cmpCalls++); turn > 0; turn--) await settle();
      return siteOfTab[tabId] ? { ...CMP, paused } : null;
    },
    report: (error) => {
      throw error;
    },
  });
  const subscribe = async (subscription: unknown, sender: SenderFacts = popupSender) => {
    const port = fakePort(sender);
    pushes.connect(port);
    port.send(subscription);
    await settle();
    return port;
  };
  const change = async (edit: (settings: Settings) => Settings) => {
    settings = edit(settings);
    await pushes.settingsChanged();
  };
  return { pushes, subscribe, change };
}

const CMP = { name: 'OneTrust', paused: false, told: [], check: null, question: null, answerFailed: false };
const countsOf = (port: FakePort) => port.received.filter((message) => message.type === 'tab-counts');
const COUNTS = { analytics: { blockedRequests: 1, removedCookies: 0 } };

test.each(OWN_PAGES)('acknowledges a subscription from %s', async (_name, sender) => {
  const { subscribe } = setup();
  const port = await subscribe({ topic: 'settings' }, sender);
  expect(port.received).toEqual([{ type: 'subscribed' }]);
  expect(port.disconnected).toBe(false);
});

test.each(REFUSED_SENDERS)('refuses a port from %s, as the router refuses its messages', async (_name, sender) => {
  const { pushes, subscribe } = setup();
  const port = await subscribe({ topic: 'tab', tabId: 1 }, sender);
  pushes.countsChanged(1, { domain: 'mini.test', counts: COUNTS });
  expect(port.disconnected).toBe(true);
  expect(port.received).toEqual([]);
});

test.each([
  ['no subscription', null],
  ['an unknown topic', { topic: 'everything' }],
  ['a tab without an id', { topic: 'tab' }],
  ['a negative tab id', { topic: 'tab', tabId: -1 }],
])('closes a port that sends %s', async (_name, message) => {
  const { subscribe } = setup();
  const port = await subscribe(message);
  expect(port.disconnected).toBe(true);
  expect(port.received).toEqual([]);
});

test('a port of another name is left alone; a second subscription on one port closes it', async () => {
  const { pushes, subscribe } = setup();
  const other = fakePort(popupSender, 'something-else');
  pushes.connect(other);
  other.send({ topic: 'settings' });
  expect(other.received).toEqual([]);

  const port = await subscribe({ topic: 'tab', tabId: 1 });
  port.send({ topic: 'tab', tabId: 2 });
  pushes.countsChanged(1, { domain: 'mini.test', counts: COUNTS });
  expect(port.disconnected).toBe(true);
  expect(countsOf(port)).toEqual([]);
});

test("a tab's counts go to the pages subscribed to that tab only", async () => {
  const { pushes, subscribe } = setup();
  const popup = await subscribe({ topic: 'tab', tabId: 1 });
  const otherPopup = await subscribe({ topic: 'tab', tabId: 2 });
  const options = await subscribe({ topic: 'settings' });
  pushes.countsChanged(1, { domain: 'mini.test', counts: COUNTS });
  expect(countsOf(popup)).toEqual([{ type: 'tab-counts', tabId: 1, domain: 'mini.test', counts: COUNTS }]);
  expect(otherPopup.received).toEqual([{ type: 'subscribed' }]);
  expect(options.received).toEqual([{ type: 'subscribed' }]);
});

test('settings go to the settings subscribers; a popup hears only a change to the choices on its tab’s site', async () => {
  const { subscribe, change } = setup();
  const options = await subscribe({ topic: 'settings' });
  const popup = await subscribe({ topic: 'tab', tabId: 1 });
  const uncovered = await subscribe({ topic: 'tab', tabId: 3 });

  await change((settings) => setSiteChoice(settings, 'another.example', 'analytics', true));
  expect(options.received.at(-1)).toMatchObject({ type: 'settings', settings: { sites: { 'another.example': {} } }, recovered: [] });
  expect(popup.received).toEqual([{ type: 'subscribed' }]);

  await change((settings) => setSiteChoice(settings, 'mini.test', 'analytics', true));
  expect(popup.received.at(-1)).toEqual({
    type: 'tab-choices',
    tabId: 1,
    domain: 'mini.test',
    allowed: { 'strictly-necessary': true, functionality: true, analytics: true, advertising: false, research: false },
    paused: false,
    globalPrivacyControl: false,
    cmp: CMP,
  });
  // The Global Privacy Control option changes the popup's line: pushed too.
  await change((settings) => ({ ...settings, globalPrivacyControl: true }));
  expect(popup.received.at(-1)).toMatchObject({ type: 'tab-choices', globalPrivacyControl: true });
  // A default the site's own choice overrides changes nothing shown there.
  await change((settings) => setDefaultChoice(settings, 'analytics', false));
  await change((settings) => setSitePaused(settings, 'mini.test', true));
  expect(
    popup.received.filter((message) => message.type === 'tab-choices').map((message) => 'paused' in message && message.paused),
  ).toEqual([false, false, true]);
  expect(uncovered.received).toEqual([{ type: 'subscribed' }]);
  expect(options.received.filter((message) => message.type === 'settings')).toHaveLength(5);
});

test("a consent manager's new check goes to its tab's popups; a new question to the popups of every tab on its domain", async () => {
  const { pushes, subscribe } = setup();
  const first = await subscribe({ topic: 'tab', tabId: 1 });
  const second = await subscribe({ topic: 'tab', tabId: 2 });
  const uncovered = await subscribe({ topic: 'tab', tabId: 3 });
  const options = await subscribe({ topic: 'settings' });
  await pushes.cmpChanged({ tabId: 1 });
  const pushed = { type: 'tab-cmp', domain: 'mini.test', cmp: CMP };
  expect(first.received.slice(1)).toEqual([{ ...pushed, tabId: 1 }]);
  expect(second.received.slice(1)).toEqual([]);
  await pushes.cmpChanged({ domain: 'mini.test' });
  await pushes.cmpChanged({ domain: 'other.test' });
  expect(first.received.slice(1)).toEqual([
    { ...pushed, tabId: 1 },
    { ...pushed, tabId: 1 },
  ]);
  expect(second.received.slice(1)).toEqual([{ ...pushed, tabId: 2 }]);
  for (const port of [uncovered, options]) expect(port.received).toEqual([{ type: 'subscribed' }]);
});

test('a change overtaken while its push was being built is not pushed after the newer one', async () => {
  // The first change's CMP line is slow to build; the second's is not.
  const { subscribe, change } = setup((call) => (call === 0 ? 5 : 0));
  const popup = await subscribe({ topic: 'tab', tabId: 1 });
  const first = change((settings) => setSiteChoice(settings, 'mini.test', 'analytics', true));
  await settle();
  await change((settings) => setSitePaused(settings, 'mini.test', true));
  await first;
  const pushed = popup.received.filter((message) => message.type === 'tab-choices');
  expect(pushed.map((message) => 'paused' in message && message.paused)).toEqual([true]);
});

test('a page that went away hears nothing more, and its going does not disturb the others', async () => {
  const { pushes, subscribe, change } = setup();
  const gone = await subscribe({ topic: 'tab', tabId: 1 });
  const stays = await subscribe({ topic: 'tab', tabId: 1 });
  gone.close();
  pushes.countsChanged(1, { domain: 'mini.test', counts: COUNTS });
  await change((settings) => setSitePaused(settings, 'mini.test', true));
  expect(gone.received).toEqual([{ type: 'subscribed' }]);
  expect(stays.received.map((message) => message.type)).toEqual(['subscribed', 'tab-counts', 'tab-choices']);
});
