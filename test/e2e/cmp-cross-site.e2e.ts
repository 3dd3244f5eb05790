// Issue #22, finding 1: a hostile page on a protected site must not turn the extension's OneTrust check into a call,
// let alone a grant, on another site. The page (replica/hostile-cmp.ts) names atlassian.com's targeting group C0004
// "always active" beyond its own map, reports a mismatch, and leaves for www.atlassian.com once observed while its
// repair waits in the answerer's queue. Judged by the replica: atlassian.com's OneTrust fake logs every API call it
// receives. Before the fix, atlassian.com's OneTrust received the hostile page's repair (a RejectAll in Chromium).
import type Browser from 'webextension-polyfill';
import { describeInBrowsers, type TestBrowser, type Visit } from './harness';
import { cmpApiCalls, HOSTILE_CMP_PATH } from './replica/hostile-cmp';
import { tabOfVisit } from './harness/tabs';
import { waitForText } from './ui-checks';

declare const chrome: Browser.Browser;

/** Atlassian's groups the default choices refuse (performance, targeting, social media). */
const REFUSED_GROUPS = ['C0002', 'C0004', 'C0005'];
const grants = (calls: string[]) =>
  calls.filter((call) => call === 'AllowAll' || REFUSED_GROUPS.some((group) => call.endsWith(`Category:${group}:1`)));

/** Protects the visited declared site from the popup, as a person does; resolves once it is in force. */
async function protect(browser: TestBrowser, visit: Visit): Promise<void> {
  const popup = await browser.openExtensionPage(`popup.html?tabId=${await tabOfVisit(browser, visit.id)}`);
  await waitForText(popup, '#declaration', /consent manager \(OneTrust\) declares \d+ categories/);
  await popup.click('#protect-site');
  await waitForText(popup, '#owner-note', /Protected from its own consent manager's declarations/);
  await popup.close();
}

/**
 * Waits until every job the CMP answerer had queued has run: a choice change is answered on the same queue before its
 * reply. Twice, as the repair is queued only once the declared groups queued before it were written.
 */
async function answererSettled(browser: TestBrowser): Promise<void> {
  const page = await browser.openExtensionPage('options.html');
  for (const allowed of [true, false])
    await page.evaluate(
      (value) =>
        chrome.runtime.sendMessage({
          type: 'set-site-choice',
          payload: { domain: 'trello.com', categoryId: 'functionality', allowed: value },
        }),
      allowed,
    );
  await page.close();
}

describeInBrowsers('a hostile protected page and the CMP check', (suite) => {
  {
    const named = 'C0004';
    suite.scenario(`it names ${named} always active, then leaves for atlassian.com while observed: nothing is granted there`, {
      testBuild: true,
      run: async (browser, replica) => {
        if (browser.extension) await protect(browser, await browser.visit(replica.declaredSitePage('harbor-books')));
        const since = Date.now();
        const next = encodeURIComponent(`${replica.coveredPage()}?cmp=eu`);
        const visit = await browser.visit(replica.url('www.harbor-books.com', `${HOSTILE_CMP_PATH}?named=${named}&next=${next}`));
        if (browser.extension) await answererSettled(browser);
        const logged = replica.log.find().filter((request) => request.time >= since);
        const popup = browser.extension ? await browser.openExtensionPage(`popup.html?tabId=${await tabOfVisit(browser, visit.id)}`) : null;
        if (popup) await waitForText(popup, '#cmp-heading', /OneTrust/);
        return {
          observed: logged.some((request) => request.path === `${HOSTILE_CMP_PATH}/observed` && request.visit === visit.id),
          navigated: logged.some(
            (request) => request.host === 'www.atlassian.com' && request.kind === 'document' && request.visit === visit.id,
          ),
          calls: cmpApiCalls(logged.filter((request) => request.host === 'www.atlassian.com').map((request) => request.path)),
          question: popup ? await popup.evaluate(() => document.querySelector('#cmp-question')?.textContent ?? null) : null,
        };
      },
      control: ({ navigated, calls }) => {
        expect(navigated).toBe(true);
        expect(calls).toEqual([]);
      },
      extension: ({ observed, navigated, calls, question }) => {
        // The attack ran: the check observed the page, which then left for atlassian.com.
        expect(observed).toBe(true);
        expect(navigated).toBe(true);
        // Nothing reached atlassian.com's OneTrust, let alone a grant of a group refused there.
        expect(grants(calls)).toEqual([]);
        expect(calls).toEqual([]);
        expect(question).toBeNull();
      },
      timeoutMs: 120_000,
    });
  }
});
