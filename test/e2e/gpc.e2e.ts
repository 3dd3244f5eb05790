// Global Privacy Control, once the person turns it on in the options: a covered domain that refuses advertising gets
// `Sec-GPC: 1` on its page load and on every request its page makes where the extension has host access, and its
// pages read navigator.globalPrivacyControl as true; a domain that allows advertising gets neither, and neither does
// any domain before the option is on or after it is off again. Judged by the headers the replica received and what the page reads; refused
// trackers stay blocked (the header rules outrank the consent-manager allowances, never the blocks).
import { loadSites } from '../../src/knowledge/load';
import { describeInBrowsers, type TestBrowser, type TestPage } from './harness';
import { send, ready } from './harness/messages';
import { tabOfVisit } from './harness/tabs';
import { waitForText } from './ui-checks';

const site = loadSites()[0]!;
const ADVERTISING = site.globalPrivacyControl!.category;
/** Categories refused by default that the replica's covered pages load. */
const REFUSED = site.categories.filter((category) => category.refusable && !category.defaultAllowed).map((category) => category.id);

describeInBrowsers('Global Privacy Control', (suite) => {
  const page = (host: string) => suite.replica.url(host, '/');

  /** What a visit sent: the Sec-GPC header of its page load, of its other requests that arrived, and what the page read. */
  const visitOf = async (browser: TestBrowser, host: string) => {
    const visit = await browser.visit(page(host));
    const signal = await visit.page.evaluate(() => Reflect.get(navigator, 'globalPrivacyControl') as unknown);
    const requests = suite.replica.log.find({ visit: visit.id });
    const document = requests.find((entry) => entry.role === 'page' && entry.kind === 'document');
    const loads = requests.filter((entry) => entry.kind !== 'document' && entry.role !== 'replica');
    return {
      visit,
      signal,
      document: document?.gpc ?? null,
      // Requests to the covered site itself and to tracker hosts: where the extension has host access.
      granted: loads
        .filter((entry) => entry.host.endsWith(host.replace(/^www\./, '')) || entry.role === 'tracker')
        .map((entry) => entry.gpc),
      trackerCategories: [...new Set(loads.flatMap((entry) => (entry.role === 'tracker' && entry.category ? [entry.category] : [])))],
    };
  };

  suite.scenario('sent where advertising is refused once turned on: the header on every request the page makes, and the property', {
    prepare: ready,
    run: async (browser) => {
      const before = await visitOf(browser, 'www.atlassian.com');
      await before.visit.page.close();
      if (browser.extension) {
        await send(browser, 'set-preferences', { globalPrivacyControl: true });
        await send(browser, 'set-site-choice', { domain: 'bitbucket.org', categoryId: ADVERTISING, allowed: true });
      }
      const refusing = await visitOf(browser, 'www.atlassian.com');
      let popupLine: string | null = null;
      if (browser.extension) {
        const popup: TestPage = await browser.openExtensionPage(`popup.html?tabId=${await tabOfVisit(browser, refusing.visit.id)}`);
        popupLine = await waitForText(popup, '#gpc', /sent to atlassian\.com/);
        await popup.close();
      }
      await refusing.visit.page.close();
      const allowing = await visitOf(browser, 'bitbucket.org');
      await allowing.visit.page.close();
      // Turned off again: its rules and script go.
      if (browser.extension) await send(browser, 'set-preferences', { globalPrivacyControl: false });
      const after = await visitOf(browser, 'www.atlassian.com');
      const strip = ({ visit: _visit, ...rest }: Awaited<ReturnType<typeof visitOf>>) => rest;
      return { before: strip(before), refusing: strip(refusing), allowing: strip(allowing), after: strip(after), popupLine };
    },
    control: ({ before, refusing, allowing, after }) => {
      for (const visit of [before, refusing, allowing, after]) {
        expect(visit.document).toBeNull();
        expect(visit.granted.length).toBeGreaterThan(0);
        expect(visit.granted.every((gpc) => gpc === null)).toBe(true);
        expect(visit.signal).not.toBe(true);
      }
      expect(refusing.trackerCategories).toEqual(expect.arrayContaining(REFUSED));
    },
    extension: ({ before, refusing, allowing, after, popupLine }) => {
      // Off by default, and off again once turned off.
      for (const visit of [before, after]) {
        expect(visit.document).toBeNull();
        expect(visit.granted.every((gpc) => gpc === null)).toBe(true);
        expect(visit.signal).not.toBe(true);
      }
      // On, where advertising is refused: the page load and every request with host access, and the property.
      expect(refusing.document).toBe('1');
      expect(refusing.granted.length).toBeGreaterThan(0);
      expect(refusing.granted.every((gpc) => gpc === '1')).toBe(true);
      expect(refusing.signal).toBe(true);
      expect(popupLine).toMatch(/^Global Privacy Control: sent to atlassian\.com/);
      // Refused trackers are still blocked.
      for (const category of REFUSED) expect(refusing.trackerCategories).not.toContain(category);
      // Where advertising is allowed: not sent.
      expect(allowing.document).toBeNull();
      expect(allowing.granted.every((gpc) => gpc === null)).toBe(true);
      expect(allowing.signal).not.toBe(true);
    },
  });
});
