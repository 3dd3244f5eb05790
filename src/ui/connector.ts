// The one typed client the popup and the options page use to reach the background and the browser.
// Pages get it as a parameter, so components run against the mock in tests and against the browser here.
import type { MessageType, Push, Reply, Request, Response, SubscriptionTo, Topic } from '../messaging/protocol';

export interface Subscriber<T extends Topic> {
  push(push: Push<T>): void;
  /** The connection was lost (the worker stopped) and is back: pushes may have been missed, so ask again. */
  resync(): void;
}

export interface Connector {
  /** Sends one protocol request; resolves with its value or rejects with the background's error message. */
  request<T extends MessageType>(type: T, payload: Request<T>): Promise<Response<T>>;
  /** Hears the worker's pushes on one topic until the returned function is called. */
  subscribe<T extends Topic>(subscription: SubscriptionTo<T>, subscriber: Subscriber<T>): () => void;
  /** The tab the popup speaks about: the active tab of the popup's window. */
  activeTabId(): Promise<number | null>;
  reloadTab(tabId: number): Promise<void>;
  /**
   * Asks the browser for these host permissions (its prompt names them); resolves whether they are granted. Call it
   * first thing in a click handler: browsers grant a request only while they handle the person's action.
   */
  requestSiteAccess(origins: string[]): Promise<boolean>;
  /** Whether these host permissions are granted now. */
  hasSiteAccess(origins: string[]): Promise<boolean>;
  openOptionsPage(): Promise<void>;
}

export function unwrap<T extends MessageType>(reply: Reply<T> | undefined): Response<T> {
  if (!reply) throw new Error('The extension did not answer. Try closing and reopening this page.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
