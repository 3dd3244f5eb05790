// The one typed client the popup and the options page use to reach the background and the browser.
// Pages get it as a parameter, so components run against the mock in tests and against the browser here.
import type { MessageType, Reply, Request, Response } from '../core/messages';

export interface Connector {
  /** Sends one protocol request; resolves with its value or rejects with the background's error message. */
  request<T extends MessageType>(type: T, payload: Request<T>): Promise<Response<T>>;
  /** Calls back on any extension storage change (settings, counts); returns the unsubscribe function. */
  onStorageChange(listener: () => void): () => void;
  /** The tab the popup speaks about: the active tab of the popup's window. */
  activeTabId(): Promise<number | null>;
  reloadTab(tabId: number): Promise<void>;
  openOptionsPage(): Promise<void>;
}

export function unwrap<T extends MessageType>(reply: Reply<T> | undefined): Response<T> {
  if (!reply) throw new Error('The extension did not answer. Try closing and reopening this page.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
