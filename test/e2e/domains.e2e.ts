// Choices belong to the registrable domain where the user made them: a category allowed in the popup on
// www.atlassian.com arrives there and not on bitbucket.org (same owner, same knowledge-base entry) until the user asks,
// in the popup, to apply the choices to all of the owner's sites; a pause on one domain pauses no other.
import type Browser from 'webextension-polyfill';
import type { Reply } from '../../src/messaging/protocol';
import { loadSites } from '../../src/knowledge/load';
import { describeInBrowsers, type TestBrowser, type TestPage } from './harness';
import { tabOfVisit } from './harness/tabs';
import { waitForText } from './ui-checks';

declare const chrome: Browser.Browser;

const site = loadSites()[0]!;
const TOGGLED = 'performance-and-analytics';
/** Categories refused by default that the replica's covered pages load. */
const REFUSED = site.categories.filter((category) => category.refusable && !category.defaultAllowed).map((category) => category.id);
// A loader (tag manager) loads while any category it loads is allowed, whatever its own category: judged by the tags.
const LOADERS = new Set(site.trackers.filter((tracker) => tracker.loads !== undefined).map((tracker) => tracker.id));

/** The popup about the tab of a visit, as a user opens it there. */
async function popupOf(browser: TestBrowser, visitId: string): Promise<TestPage> {
  return browser.openExtensionPage(`popup.html?tabId=${await tabOfVisit(browser, visitId)}`);
}

describeInBrowsers('choices per registrable domain', (suite) => {
  const page = (host: string) => suite.replica.url(host, '/');
  /** The categories of the trackers (not loaders) that reached the replica during a visit. */
  const seen = (visitId: string) => [
    ...new Set(
      suite.replica.log
        .find({ visit: visitId, role: 'tracker' })
        .filter((entry) => !LOADERS.has(entry.tracker ?? ''))
        .map((entry) => entry.category),
    ),
  ];

  suite.scenario("a choice made on www.atlassian.com holds there, and on bitbucket.org only once applied to all of the owner's sites", {
    run: async (browser) => {
      const first = await browser.visit(page('www.atlassian.com'));
      if (browser.extension) {
        const popup = await popupOf(browser, first.id);
        await waitForText(popup, 'h1', /^atlassian\.com$/);
        await popup.click(`input[name="${TOGGLED}"]`);
        // The status appears with the reply, which means the choice is in force.
        await waitForText(popup, '.status', /applies from the next page load/);
        await popup.close();
      }
      await first.page.close();
      const here = await browser.visit(page('www.atlassian.com'));
      await here.page.close();
      const elsewhere = await browser.visit(page('bitbucket.org'));
      if (browser.extension) {
        // The popup's explicit action, sent as the popup sends it; its reply means the new rules are in force.
        const popup = await popupOf(browser, elsewhere.id);
        const reply = await popup.evaluate(
          (tabId) =>
            chrome.runtime.sendMessage<unknown, Reply<'apply-choices-to-owner'>>({
              type: 'apply-choices-to-owner',
              payload: { tabId, domain: 'atlassian.com' },
            }),
          await tabOfVisit(browser, elsewhere.id),
        );
        expect(reply).toMatchObject({ ok: true, value: { domain: 'bitbucket.org', allowed: { [TOGGLED]: true } } });
        await popup.close();
      }
      await elsewhere.page.close();
      const applied = await browser.visit(page('bitbucket.org'));
      const trello = await browser.visit(page('trello.com'));
      return { here: seen(here.id), elsewhere: seen(elsewhere.id), applied: seen(applied.id), trello: seen(trello.id) };
    },
    control: ({ here, elsewhere, applied }) => {
      for (const categories of [here, elsewhere, applied]) expect(categories).toEqual(expect.arrayContaining(REFUSED));
    },
    extension: ({ here, elsewhere, applied, trello }) => {
      expect(here).toContain(TOGGLED);
      expect(elsewhere).not.toContain(TOGGLED);
      expect(applied).toContain(TOGGLED);
      expect(trello).toContain(TOGGLED);
      // Only the choice made was applied: what stayed refused on www.atlassian.com stays refused everywhere.
      for (const categories of [here, elsewhere, applied, trello]) {
        for (const refused of REFUSED.filter((id) => id !== TOGGLED)) expect(categories).not.toContain(refused);
      }
    },
  });

  suite.scenario('a pause on www.atlassian.com pauses that registrable domain only: bitbucket.org and acme.atlassian.net stay protected', {
    run: async (browser) => {
      const first = await browser.visit(page('www.atlassian.com'));
      if (browser.extension) {
        const popup = await popupOf(browser, first.id);
        await waitForText(popup, 'h1', /^atlassian\.com$/);
        await popup.click('.actions button');
        await waitForText(popup, '.actions button', /^Resume on atlassian\.com$/);
        await popup.close();
      }
      await first.page.close();
      const paused = await browser.visit(page('www.atlassian.com'));
      await paused.page.close();
      const bitbucket = await browser.visit(page('bitbucket.org'));
      await bitbucket.page.close();
      const customer = await browser.visit(page('acme.atlassian.net'));
      return { paused: seen(paused.id), bitbucket: seen(bitbucket.id), customer: seen(customer.id) };
    },
    control: ({ paused, bitbucket, customer }) => {
      for (const categories of [paused, bitbucket, customer]) expect(categories).toEqual(expect.arrayContaining(REFUSED));
    },
    extension: ({ paused, bitbucket, customer }) => {
      expect(paused).toEqual(expect.arrayContaining(REFUSED));
      for (const categories of [bitbucket, customer]) for (const refused of REFUSED) expect(categories).not.toContain(refused);
    },
  });
});
