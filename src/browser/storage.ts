// storage.local and storage.session as key-value areas.
import browser from 'webextension-polyfill';
import type { StorageAreas } from '../ports/storage';

export const browserStorage: StorageAreas = {
  local: browser.storage.local,
  session: browser.storage.session,
  onLocalChanged(listener) {
    browser.storage.local.onChanged.addListener((changes) => listener(changes));
  },
};
