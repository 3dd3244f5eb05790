// Who may talk to the worker, shared by the message router's and the page ports' tests: both check senders alike.
import type { SenderFacts } from '../../../src/ports/pages';

export const ORIGIN = 'moz-extension://6b1c7a8e/';

export const OWN_PAGES: [string, SenderFacts][] = [
  ['the popup', { url: `${ORIGIN}popup.html` }],
  ['the options page in a tab', { url: `${ORIGIN}options.html`, tab: { url: `${ORIGIN}options.html` } }],
];

export const REFUSED_SENDERS: [string, SenderFacts][] = [
  ['a web page', { url: 'https://www.atlassian.com/', tab: { url: 'https://www.atlassian.com/' } }],
  ['a frame of the extension inside a web page', { url: `${ORIGIN}popup.html`, tab: { url: 'https://evil.test/' } }],
  ['another extension', { url: 'moz-extension://other/popup.html' }],
  ['a sender without a URL', {}],
];
