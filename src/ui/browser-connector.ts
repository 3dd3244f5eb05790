// The Connector bound to the real browser (webextension-polyfill: promises on Chrome and Firefox alike).
import browser from 'webextension-polyfill';
import {
  isWorkerStarted,
  PUSH_PORT,
  type MessageType,
  type PortMessage,
  type Reply,
  type Request,
  type Response,
} from '../messaging/protocol';
import { unwrap, type Connector } from './connector';

export const browserConnector: Connector = {
  async request<T extends MessageType>(type: T, payload: Request<T>): Promise<Response<T>> {
    return unwrap(await browser.runtime.sendMessage<unknown, Reply<T> | undefined>({ type, payload }));
  },
  subscribe(subscription, subscriber) {
    let port: browser.Runtime.Port | null = null;
    let subscribedBefore = false;
    const connect = (): void => {
      // A port from before the worker's start is dead already.
      port?.disconnect();
      const current = browser.runtime.connect({ name: PUSH_PORT });
      port = current;
      current.onMessage.addListener((received: unknown) => {
        // The worker's port speaks the protocol's PortMessage for this subscription's topic.
        const message = received as PortMessage<typeof subscription.topic>;
        if (message.type !== 'subscribed') subscriber.push(message);
        else if (subscribedBefore) subscriber.resync();
        else subscribedBefore = true;
      });
      current.postMessage(subscription);
    };
    const onWorkerStarted = (message: unknown): undefined => {
      if (isWorkerStarted(message)) connect();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onWorkerStarted);
    connect();
    return () => {
      browser.runtime.onMessage.removeListener(onWorkerStarted);
      port?.disconnect();
      port = null;
    };
  },
  async activeTabId() {
    // Without the "tabs" permission the tab's URL stays hidden; its id is all the background needs.
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  },
  async reloadTab(tabId) {
    await browser.tabs.reload(tabId);
  },
  requestSiteAccess: (origins) => browser.permissions.request({ origins }),
  hasSiteAccess: (origins) => browser.permissions.contains({ origins }),
  openOptionsPage: () => browser.runtime.openOptionsPage(),
};
