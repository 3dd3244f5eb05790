// Requests observed over the webRequest API, as the knowledge slice's request facts (classify.ts): Chrome names the requesting origin
// `initiator`, Firefox gives the requesting document's URL.
import browser, { type WebRequest } from 'webextension-polyfill';
import type { ObservedRequest, RequestObserver } from '../ports/requests';

export const browserRequests: RequestObserver = {
  onBeforeRequest(urls, listener) {
    browser.webRequest.onBeforeRequest.addListener((details) => listener(observed(details)), { urls });
  },
};

function observed(details: WebRequest.OnBeforeRequestDetailsType): ObservedRequest {
  return {
    tabId: details.tabId,
    url: details.url,
    type: details.type,
    initiator: details.initiator ?? details.documentUrl ?? details.originUrl,
  };
}
