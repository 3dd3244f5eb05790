// A Connector without a browser, for component tests and for working on the UI alone.
// Handlers answer like the background would; every request and browser action is recorded.
import type { Message, MessageType, Request, Response } from '../core/messages';
import type { Connector } from './connector';

export type MockHandlers = { [T in MessageType]?: (payload: Request<T>) => Response<T> | Promise<Response<T>> };

export interface MockConnector extends Connector {
  sent: Message[];
  reloaded: number[];
  optionsOpened: number;
  /** Fires the storage listeners, as the browser does when the background writes. */
  emitStorageChange(): void;
}

export function mockConnector(handlers: MockHandlers, tabId: number | null = 7): MockConnector {
  const listeners = new Set<() => void>();
  const mock: MockConnector = {
    sent: [],
    reloaded: [],
    optionsOpened: 0,
    async request<T extends MessageType>(type: T, payload: Request<T>): Promise<Response<T>> {
      mock.sent.push({ type, payload });
      const handler = handlers[type];
      if (!handler) throw new Error(`no mock handler for ${type}`);
      return handler(payload);
    },
    onStorageChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    activeTabId: async () => tabId,
    async reloadTab(id) {
      mock.reloaded.push(id);
    },
    async openOptionsPage() {
      mock.optionsOpened += 1;
    },
    emitStorageChange() {
      for (const listener of listeners) listener();
    },
  };
  return mock;
}
