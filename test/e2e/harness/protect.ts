// "Protect this site" from the popup on a visit's tab, as a person does it (a test build: the site access is granted).
import { waitForText } from '../ui-checks';
import { tabOfVisit } from './tabs';
import type { TestBrowser, Visit } from './types';

/** Protects the visited declared site; resolves once the popup shows it protected (in force by then). */
export async function protectFromPopup(browser: TestBrowser, visit: Visit): Promise<void> {
  const popup = await browser.openExtensionPage(`popup.html?tabId=${await tabOfVisit(browser, visit.id)}`);
  await waitForText(popup, '#declaration', /consent manager \((OneTrust|Cookiebot)\) declares/);
  await popup.click('#protect-site');
  await waitForText(popup, '#owner-note', /Protected from its own consent manager's declarations/);
  await popup.close();
}
