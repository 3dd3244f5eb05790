// The tabs API.
import browser from 'webextension-polyfill';
import type { Tabs } from '../ports/tabs';

export const browserTabs: Tabs = {
  async url(tabId) {
    return (await browser.tabs.get(tabId)).url;
  },
  onRemoved(listener) {
    browser.tabs.onRemoved.addListener((tabId) => listener(tabId));
  },
};
