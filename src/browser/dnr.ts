// Dynamic rules over the declarativeNetRequest API.
import browser from 'webextension-polyfill';
import type { DynamicRules } from '../ports/dnr';

export const browserDnr: DynamicRules = {
  getDynamicRules: () => browser.declarativeNetRequest.getDynamicRules(),
  updateDynamicRules: (options) => browser.declarativeNetRequest.updateDynamicRules(options),
};
