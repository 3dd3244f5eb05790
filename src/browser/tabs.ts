// The tabs API.
import browser from 'webextension-polyfill';
import type { Tabs } from '../ports/tabs';

export const browserTabs: Tabs = {
  async url(tabId) {
    return (await browser.tabs.get(tabId)).url;
  },
  async openTabs() {
    return (await browser.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [{ tabId: tab.id, url: tab.url }]));
  },
  onRemoved(listener) {
    browser.tabs.onRemoved.addListener((tabId) => listener(tabId));
  },
  onCommitted(listener) {
    // Without the "tabs" permission a tab's URL is shown only for hosts the extension may access, and changeInfo.url
    // only then; the "complete" status comes for every page, so leaving a covered site is seen too.
    browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
      if (changeInfo.url !== undefined || changeInfo.status === 'complete') listener(tabId, tab.url);
    });
  },
  onLoaded(listener) {
    browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
      if (changeInfo.status === 'complete') listener(tabId, tab.url);
    });
  },
};
