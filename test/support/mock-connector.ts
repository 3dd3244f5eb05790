// A Connector without a browser, for the UI's component tests.
// Handlers answer like the background would; every request, subscription and browser action is recorded, and
// a test pushes to subscribed pages as the worker would.
import type { Message, MessageType, Push, Request, Response, Subscription } from '../../src/messaging/protocol';
import type { Connector, Subscriber } from '../../src/ui/connector';

export type MockHandlers = { [T in MessageType]?: (payload: Request<T>) => Response<T> | Promise<Response<T>> };

export interface MockConnector extends Connector {
  sent: Message[];
  reloaded: number[];
  optionsOpened: number;
  /** Each host permission request, and what the mock answers (`grant`, true unless a test sets it). */
  accessRequests: string[][];
  grant: boolean;
  /** The host permissions granted (origins joined by a space), as requests that `grant` add them. */
  granted: Set<string>;
  /** The subscriptions open now. */
  subscriptions(): Subscription[];
  /** Pushes to the pages subscribed to its topic (and tab), as the worker does. */
  push(push: Push): void;
  /** As when the worker stopped and the connection came back. */
  reconnect(): void;
}

interface Open {
  subscription: Subscription;
  subscriber: Subscriber<never>;
}

export function mockConnector(handlers: MockHandlers, tabId: number | null = 7): MockConnector {
  const open = new Set<Open>();
  const hears = ({ subscription }: Open, push: Push): boolean =>
    push.type === 'settings' ? subscription.topic === 'settings' : subscription.topic === 'tab' && subscription.tabId === push.tabId;
  const mock: MockConnector = {
    sent: [],
    reloaded: [],
    optionsOpened: 0,
    accessRequests: [],
    grant: true,
    granted: new Set(),
    async request<T extends MessageType>(type: T, payload: Request<T>): Promise<Response<T>> {
      mock.sent.push({ type, payload });
      const handler = handlers[type];
      if (!handler) throw new Error(`no mock handler for ${type}`);
      return handler(payload);
    },
    subscribe(subscription, subscriber) {
      const entry: Open = { subscription, subscriber: subscriber };
      open.add(entry);
      return () => void open.delete(entry);
    },
    activeTabId: async () => tabId,
    async reloadTab(id) {
      mock.reloaded.push(id);
    },
    async requestSiteAccess(origins) {
      mock.accessRequests.push(origins);
      if (mock.grant) mock.granted.add(origins.join(' '));
      return mock.grant;
    },
    hasSiteAccess: async (origins) => mock.granted.has(origins.join(' ')),
    async openOptionsPage() {
      mock.optionsOpened += 1;
    },
    subscriptions: () => [...open].map((entry) => entry.subscription),
    push(push) {
      for (const entry of open) if (hears(entry, push)) (entry.subscriber.push as (push: Push) => void)(push);
    },
    reconnect() {
      for (const entry of open) entry.subscriber.resync();
    },
  };
  return mock;
}
