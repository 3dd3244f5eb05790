import { PUSH_PORT, WORKER_STARTED, type Push } from '../../../src/messaging/protocol';
import { browserConnector } from '../../../src/ui/browser-connector';

// The browser as the connector sees it (jest.mock is hoisted above the imports): ports it opens, and the page's
// runtime.onMessage listeners.
interface Port {
  name: string;
  posted: unknown[];
  disconnected: boolean;
  listeners: ((message: unknown) => void)[];
}
const ports: Port[] = [];
const messageListeners = new Set<(message: unknown) => unknown>();

jest.mock('webextension-polyfill', () => ({
  __esModule: true,
  default: {
    runtime: {
      connect: ({ name }: { name: string }) => {
        const port: Port = { name, posted: [], disconnected: false, listeners: [] };
        ports.push(port);
        return {
          postMessage: (message: unknown) => port.posted.push(message),
          disconnect: () => void (port.disconnected = true),
          onMessage: { addListener: (listener: (message: unknown) => void) => port.listeners.push(listener) },
          onDisconnect: { addListener: () => undefined },
        };
      },
      onMessage: {
        addListener: (listener: (message: unknown) => unknown) => messageListeners.add(listener),
        removeListener: (listener: (message: unknown) => unknown) => messageListeners.delete(listener),
      },
    },
  },
}));

const fromWorker = (port: Port, message: unknown) => port.listeners.forEach((listener) => listener(message));
const broadcast = (message: unknown) => [...messageListeners].map((listener) => listener(message));

beforeEach(() => {
  ports.length = 0;
  messageListeners.clear();
});

test('subscribes over its own port and hands the pushes on; closing the subscription closes the port', () => {
  const pushes: Push<'tab'>[] = [];
  let resyncs = 0;
  const close = browserConnector.subscribe({ topic: 'tab', tabId: 7 }, { push: (push) => pushes.push(push), resync: () => resyncs++ });
  expect(ports.map((port) => [port.name, port.posted])).toEqual([[PUSH_PORT, [{ topic: 'tab', tabId: 7 }]]]);
  const counts: Push<'tab'> = { type: 'tab-counts', tabId: 7, domain: 'mini.test', counts: {} };
  fromWorker(ports[0]!, { type: 'subscribed' });
  fromWorker(ports[0]!, counts);
  expect([pushes, resyncs]).toEqual([[counts], 0]);
  close();
  expect(ports[0]!.disconnected).toBe(true);
  expect(messageListeners.size).toBe(0);
});

test('a starting worker makes it subscribe again and ask again; other messages, and their replies, are left alone', () => {
  let resyncs = 0;
  browserConnector.subscribe({ topic: 'settings' }, { push: () => undefined, resync: () => resyncs++ });
  fromWorker(ports[0]!, { type: 'subscribed' });
  // Another page's request to the worker reaches this page's listener too: it must neither answer nor act on it.
  expect(broadcast({ type: 'get-settings', payload: {} })).toEqual([undefined]);
  expect(ports).toHaveLength(1);

  expect(broadcast(WORKER_STARTED)).toEqual([undefined]);
  expect(ports).toHaveLength(2);
  expect(ports[0]!.disconnected).toBe(true);
  expect(ports[1]!.posted).toEqual([{ topic: 'settings' }]);
  expect(resyncs).toBe(0);
  fromWorker(ports[1]!, { type: 'subscribed' });
  expect(resyncs).toBe(1);
});

test('a worker woken by the subscription itself costs no second request', () => {
  let resyncs = 0;
  browserConnector.subscribe({ topic: 'settings' }, { push: () => undefined, resync: () => resyncs++ });
  // The new worker says it started before it acknowledged the port that woke it.
  broadcast(WORKER_STARTED);
  fromWorker(ports[1]!, { type: 'subscribed' });
  expect(resyncs).toBe(0);
});
