// The Connector bound to the real browser (webextension-polyfill: promises on Chrome and Firefox alike).
import browser from 'webextension-polyfill';
import type { MessageType, Reply, Request, Response } from '../core/messages';
import { unwrap, type Connector } from './connector';

export const browserConnector: Connector = {
  async request<T extends MessageType>(type: T, payload: Request<T>): Promise<Response<T>> {
    return unwrap(await browser.runtime.sendMessage<unknown, Reply<T> | undefined>({ type, payload }));
  },
  onStorageChange(listener) {
    const onChanged = () => listener();
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  },
  async activeTabId() {
    // Without the "tabs" permission the tab's URL stays hidden; its id is all the background needs.
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  },
  async reloadTab(tabId) {
    await browser.tabs.reload(tabId);
  },
  openOptionsPage: () => browser.runtime.openOptionsPage(),
};
