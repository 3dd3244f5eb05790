// Dynamic content scripts over the scripting API.
import browser from 'webextension-polyfill';
import type { ContentScripts } from '../ports/scripting';

export const browserScripting: ContentScripts = {
  getRegisteredContentScripts: () => browser.scripting.getRegisteredContentScripts(),
  unregisterContentScripts: (filter) => browser.scripting.unregisterContentScripts(filter),
  registerContentScripts: (scripts) => browser.scripting.registerContentScripts(scripts),
};
