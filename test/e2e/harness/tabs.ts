// The browser's tab id of a visit, for opening the popup as a page about that tab (popup.html?tabId=N).
import type Browser from 'webextension-polyfill';
import type { TestBrowser } from './types';

declare const chrome: Browser.Browser;

export async function tabOfVisit(browser: TestBrowser, visitId: string): Promise<number> {
  const found = await browser.inExtension(
    async (tag: string) => (await chrome.tabs.query({})).find((tab) => tab.url?.includes(`visit=${tag}`))?.id ?? null,
    visitId,
  );
  if (found === null) throw new Error(`no tab shows visit ${visitId}`);
  return found;
}
