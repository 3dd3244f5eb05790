// Who may act, and what leaves the browser: a web page cannot change a choice, and the extension itself sends
// nothing anywhere (with every host name mapped to the replica, any request it made would arrive there).
import type Browser from 'webextension-polyfill';
import type { Reply } from '../../src/messaging/protocol';
import { describeInBrowsers, type TestBrowser } from './harness';

declare const chrome: Browser.Browser;

const refusedCategory = 'targeting-or-advertising';

/** The stored default for the refused category, as the options page reads it. */
async function storedDefault(browser: TestBrowser): Promise<boolean | undefined> {
  const page = await browser.openExtensionPage('options.html');
  const stored = await page.evaluate(async (categoryId) => {
    const reply = await chrome.runtime.sendMessage<unknown, Reply<'get-settings'>>({ type: 'get-settings', payload: {} });
    return reply.ok ? { value: reply.value.settings.defaults[categoryId] } : null;
  }, refusedCategory);
  await page.close();
  if (stored === null) throw new Error('get-settings failed');
  return stored.value;
}

describeInBrowsers('security', (suite) => {
  test('with extension: a web page cannot change a choice; the extension page that can, does', async () => {
    const browser = await suite.launch({ extension: true });
    const visit = await browser.visit(suite.replica.coveredPage());
    const attempt = await visit.page.evaluate(
      async ({ id, categoryId }) => {
        const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (...args: unknown[]) => Promise<unknown> } } }).chrome
          ?.runtime;
        if (!runtime?.sendMessage) return 'no extension messaging in web pages';
        try {
          return JSON.stringify(await runtime.sendMessage(id, { type: 'set-default-choice', payload: { categoryId, allowed: true } }));
        } catch (error) {
          return `refused: ${(error as Error).message}`;
        }
      },
      { id: browser.extension!.id, categoryId: refusedCategory },
    );
    expect(attempt).not.toContain('"ok":true');
    expect(await storedDefault(browser)).toBeUndefined();
    const again = await browser.visit(suite.replica.coveredPage());
    expect(suite.replica.log.categoriesSeen({ visit: again.id })).not.toContain(refusedCategory);

    // The same message from the extension's own page goes through, so the check above can fail.
    const page = await browser.openExtensionPage('options.html');
    await page.evaluate(
      (categoryId) => chrome.runtime.sendMessage({ type: 'set-default-choice', payload: { categoryId, allowed: true } }),
      refusedCategory,
    );
    expect(await storedDefault(browser)).toBe(true);
  });

  /**
   * Everything that arrived and belongs to no page the test opened (tagged with the visit, or referred by the visit
   * or by the harness's blank page): what the browser or the extension sent on its own.
   */
  const stray = (visitId: string) =>
    suite.replica.log.find().filter((request) => {
      const referredByTestPage =
        request.referer !== null && (request.referer.includes(`visit=${visitId}`) || request.referer.endsWith('/__blank'));
      return request.visit !== visitId && !referredByTestPage && request.path !== '/__blank';
    });

  suite.scenario('the extension sends nothing of its own: every request that arrives belongs to the page visit', {
    run: async (browser, replica) => {
      replica.log.clear();
      const visit = await browser.visit(replica.coveredPage());
      if (browser.extension) {
        const popup = await browser.openExtensionPage('popup.html');
        const options = await browser.openExtensionPage('options.html');
        await options.evaluate(() =>
          chrome.runtime.sendMessage({ type: 'set-site-paused', payload: { domain: 'atlassian.com', paused: true } }),
        );
        await popup.close();
        await options.close();
      } else {
        // The control makes one request outside the visit, as an extension phoning home would: it must be caught.
        const page = await browser.newPage();
        await page.goto(replica.blankPage());
        await page.evaluate(
          (url) => fetch(url, { mode: 'no-cors', referrerPolicy: 'no-referrer' }).then(() => undefined),
          replica.url('www.google-analytics.com', '/stray-report'),
        );
        await page.close();
      }
      await visit.page.close();
      // Long enough for anything the pages or the worker queued to arrive; nothing here waits for a known event.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      return stray(visit.id).map((request) => `${request.host}${request.path}`);
    },
    control: (strays) => expect(strays).toEqual(['www.google-analytics.com/stray-report']),
    extension: (strays) => expect(strays).toEqual([]),
  });
});
