// A browser restart on the same profile: the choices and the rules they compile to are in force before the first
// page loads, with no wait for the worker. Chromium: a Firefox temporary add-on does not survive a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Browser from 'webextension-polyfill';
import { describeInBrowsers, launchBrowser, type TestBrowser } from './harness';

declare const chrome: Browser.Browser;

describeInBrowsers('restart', (suite) => {
  if (suite.browser !== 'chromium') {
    test.skip('browser restart on the same profile (Chromium only)', () => undefined);
    return;
  }

  test('with extension: after a restart, a refused default is in force from the first load', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'policy-guard-restart-'));
    const launch = () => launchBrowser('chromium', { replica: suite.replica, extension: true, profile });
    let browser: TestBrowser | null = null;
    try {
      browser = await launch();
      const page = await browser.openExtensionPage('options.html');
      await page.evaluate(async () => {
        await chrome.runtime.sendMessage({ type: 'set-default-choice', payload: { categoryId: 'functionality', allowed: false } });
      });
      const rulesBefore = await page.evaluate(() => chrome.declarativeNetRequest.getDynamicRules());
      await browser.close();

      browser = await launch();
      // The first thing the restarted browser does is load the covered page.
      const visit = await browser.visit(suite.replica.coveredPage());
      // With functionality refused too, every refusable category is: only the strictly necessary (reCAPTCHA) and the CMP load.
      expect(suite.replica.log.categoriesSeen({ visit: visit.id })).toEqual(['strictly-necessary']);
      expect(suite.replica.log.find({ visit: visit.id, role: 'consent-manager' }).length).toBeGreaterThan(0);
      const rulesAfter = await browser.inExtension(() => chrome.declarativeNetRequest.getDynamicRules());
      expect(rulesAfter).toEqual(rulesBefore);
      const settings = await browser.inExtension(async () => chrome.storage.local.get(null));
      expect(JSON.stringify(settings)).toContain('"functionality":false');
    } finally {
      await browser?.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  test('control: without the extension the same restart lets every category through', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'policy-guard-restart-'));
    try {
      const first = await launchBrowser('chromium', { replica: suite.replica, extension: false, profile });
      await first.close();
      const browser = await launchBrowser('chromium', { replica: suite.replica, extension: false, profile });
      const visit = await browser.visit(suite.replica.coveredPage());
      expect(suite.replica.log.categoriesSeen({ visit: visit.id })).toEqual(
        expect.arrayContaining(['functionality', 'performance-and-analytics']),
      );
      await browser.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
