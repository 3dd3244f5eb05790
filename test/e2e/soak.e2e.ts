// The short soak (the long one is `npm run soak`), and a burst of choice changes that must end with exactly the
// rules the final settings compile to.
import type Browser from 'webextension-polyfill';
import type { Reply } from '../../src/messaging/protocol';
import { compileRules } from '../../src/blocking/dnr-rules';
import type { Settings } from '../../src/settings/settings';
import { compileTopDomainRules } from '../../src/blocking/tab-rules';
import { loadSites } from '../../src/knowledge/load';
import { describeInBrowsers } from './harness';
import { soak, type SoakTotals } from './soak/soak';

declare const chrome: Browser.Browser;

const site = loadSites()[0]!;

describeInBrowsers('reliability', (suite) => {
  // Forced worker stops need Chromium's CDP; the burst runs in both browsers.
  if (suite.browser === 'chromium')
    suite.scenario('short soak: 8 loads, random choice changes and pauses, 2 worker stops', {
      // Seed 25 pauses two domains and changes both a default and a domain's choice within its 8 loads.
      run: (browser, replica) => soak(browser, replica, site, { loads: 8, workerStops: 2, seed: 25 }),
      // Eight loads with worker stops take half a minute alone, and several times that on a busy 2-core machine.
      timeoutMs: 480_000,
      control: (totals: SoakTotals) => {
        expect(totals.refusedRequestsArrived).toBeGreaterThan(0);
        expect(totals.refusedCookiesKept).toBeGreaterThan(0);
        expect(totals.refusedCookiesSent).toBeGreaterThan(0);
      },
      extension: (totals: SoakTotals) => {
        expect(totals.violations).toEqual([]);
        expect(totals.workerStops).toBe(2);
        expect(totals.pauses).toBe(2);
        expect(totals.trackerRequestsArrived).toBeGreaterThan(0);
      },
    });

  test('with extension: 100 choice changes in a burst end with exactly the rules of the final settings', async () => {
    const browser = await suite.launch({ extension: true });
    const page = await browser.openExtensionPage('options.html');
    const refusable = site.categories.filter((category) => category.refusable).map((category) => category.id);
    const { settings, rules } = await page.evaluate(
      async ({ domain, categories }) => {
        const burst = Array.from({ length: 100 }, (_, n) => {
          const categoryId = categories[(n * 7) % categories.length]!;
          const allowed = (n * 13) % 3 === 0;
          const message =
            n % 2 === 0
              ? { type: 'set-site-choice', payload: { domain, categoryId, allowed } }
              : { type: 'set-default-choice', payload: { categoryId, allowed } };
          return chrome.runtime.sendMessage(message);
        });
        await Promise.all(burst);
        const final = await chrome.runtime.sendMessage<unknown, Reply<'get-settings'>>({ type: 'get-settings', payload: {} });
        return { settings: final.ok ? final.value.settings : null, rules: await chrome.declarativeNetRequest.getDynamicRules() };
      },
      { domain: site.domains[0]!, categories: refusable },
    );
    expect(settings).not.toBeNull();
    // Firefox reports every unset rule field as null; what counts is the fields that are set.
    const normalised = (list: unknown[]) =>
      JSON.parse(JSON.stringify(list, (_key, value: unknown) => (value === null ? undefined : value))).sort(
        (a: { id: number }, b: { id: number }) => a.id - b.id,
      );
    const compiled = compileRules([site], settings as Settings);
    // Chromium has topDomains, so the site rules also come as top-level page rules (src/blocking/tab-rules.ts).
    const topDomainRules = suite.browser === 'chromium' ? compileTopDomainRules(compiled) : [];
    expect(normalised(rules)).toEqual(normalised([...compiled.rules, ...topDomainRules]));
  });
});
