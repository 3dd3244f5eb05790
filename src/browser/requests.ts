// webRequest details as the core's request facts: Chrome names the requesting origin `initiator`,
// Firefox gives the requesting document's URL.
import type { WebRequest } from 'webextension-polyfill';
import type { RequestFacts } from '../core/classify';

export function requestFacts(details: WebRequest.OnBeforeRequestDetailsType): RequestFacts {
  return { url: details.url, type: details.type, initiator: details.initiator ?? details.documentUrl ?? details.originUrl };
}
