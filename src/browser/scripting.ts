// Dynamic content scripts and one-off page scripts over the scripting API.
import browser from 'webextension-polyfill';
import type { ContentScripts, PageScripts } from '../ports/scripting';

export const browserScripting: ContentScripts = {
  getRegisteredContentScripts: () => browser.scripting.getRegisteredContentScripts(),
  unregisterContentScripts: (filter) => browser.scripting.unregisterContentScripts(filter),
  registerContentScripts: (scripts) => browser.scripting.registerContentScripts(scripts),
};

export const browserPageScripts: PageScripts = {
  async runInMainWorld(tabId, func, args) {
    const [first] = await browser.scripting.executeScript({ target: { tabId }, world: 'MAIN', func, args });
    return first?.result;
  },
};
