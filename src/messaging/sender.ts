// Who may talk to the background: only the extension's own pages (popup, options), never a web page or content.
import type { SenderFacts } from '../ports/pages';

/** origin: the extension's base URL, e.g. "chrome-extension://<id>/" (runtime.getURL('')). */
export function isExtensionPage(sender: SenderFacts, origin: string): boolean {
  if (sender.url === undefined || !sender.url.startsWith(origin)) return false;
  // A popup has no tab; an options page opened in a tab shows the extension's own URL.
  return sender.tab === undefined || (sender.tab.url !== undefined && sender.tab.url.startsWith(origin));
}
