// A just-installed extension applies its rules asynchronously; a visit made before that would test the start-up
// race rather than the behaviour. A fresh profile refuses some categories by default, so "ready" means its
// dynamic rules are in force.
import type Browser from 'webextension-polyfill';
import type { ReplicaSite } from '../replica/knowledge';
import type { TestBrowser } from './types';

declare const chrome: Browser.Browser;

export async function untilRulesApplied(browser: TestBrowser, sites: ReplicaSite[], timeoutMs = 15_000): Promise<void> {
  const refusedByDefault = sites.some((site) => site.categories.some((category) => category.refusable && !category.defaultAllowed));
  if (!refusedByDefault) return;
  const deadline = Date.now() + timeoutMs;
  while ((await browser.inExtension(async () => (await chrome.declarativeNetRequest.getDynamicRules()).length)) === 0) {
    if (Date.now() > deadline) throw new Error(`the extension set no dynamic rules within ${timeoutMs} ms of starting`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
