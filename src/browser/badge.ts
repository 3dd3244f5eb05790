// The per-tab badge. A tab can close between a count and its badge update; that is not an error worth reporting.
import browser from 'webextension-polyfill';

export async function setBadge(tabId: number, text: string): Promise<void> {
  await browser.action.setBadgeText({ tabId, text }).catch(() => undefined);
}
