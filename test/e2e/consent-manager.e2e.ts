// The site's consent manager (CMP) is told the person's choices: the replica's OneTrust fake reads the record the
// extension wrote, so its banner never asks and its own tag gating agrees. Judged by the page's DOM (is the banner
// there, which parked tags did the CMP run), the CMP's own view (OnetrustActiveGroups) and the replica's log; each
// scenario also runs without the extension, where the banner asks and "Allow all" releases the tags.
import { settingsOf } from './harness/messages';
import { tabOfVisit } from './harness/tabs';
import { waitForText } from './ui-checks';
import { describeInBrowsers, type TestBrowser, type TestPage, type Visit, type Replica } from './harness';

const DEFAULT_ANSWER = 'C0001:1,C0002:0,C0003:1,C0004:0,C0005:0';
const ACTIVE_BY_DEFAULT = ',C0001,C0003,';

/** The OneTrust record on atlassian.com once one is there and `accept` takes it (waited for: the worker writes it). */
async function recordOf(browser: TestBrowser, accept = (_record: URLSearchParams) => true, timeoutMs = 60_000): Promise<URLSearchParams> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const cookie = (await browser.cookies()).find(
      (candidate) => candidate.name === 'OptanonConsent' && candidate.domain === '.atlassian.com',
    );
    const record = cookie && new URLSearchParams(cookie.value);
    if (record && accept(record)) return record;
    if (Date.now() > deadline) throw new Error(`no such OptanonConsent on atlassian.com within ${timeoutMs} ms: ${cookie?.value}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The groups of the OneTrust record on atlassian.com, once one is there. */
const recordGroups = async (browser: TestBrowser): Promise<string> => (await recordOf(browser)).get('groups') ?? '';

/** The worker has answered the person's interaction: the record keeps its new count and says the choices again. */
const answeredAfterInteraction = (browser: TestBrowser, groups: string) =>
  recordOf(browser, (record) => Number(record.get('interactionCount')) >= 2 && record.get('groups') === groups);

/** What the page shows and what its CMP believes, read from the page itself; each parked tag with its group. */
const cmpView = (page: TestPage) =>
  page.evaluate(() => ({
    banner: document.getElementById('onetrust-banner-sdk') !== null,
    active: (window as unknown as { OnetrustActiveGroups?: string }).OnetrustActiveGroups ?? null,
    parked: [...document.querySelectorAll('script[type="text/plain"][class*="optanon-category-"]')].map((script) => ({
      group: script.className.replace('optanon-category-', ''),
      host: new URL(script.getAttribute('src') ?? '').hostname,
      released: script.hasAttribute('data-released'),
    })),
  }));
type View = Awaited<ReturnType<typeof cmpView>>;

/** The groups the CMP ran tags of. */
const releasedGroups = (view: View) => [...new Set(view.parked.filter((tag) => tag.released).map((tag) => tag.group))].sort();

/**
 * Which parked tags of these groups reached their servers in the visit: a parked tag is "/tag.js" on its host, not
 * injected by a tag manager (which the replica does not park).
 */
const gatedArrived = (replica: Replica, visit: Visit, view: View, groups: string[]) => {
  const hosts = new Set(view.parked.filter((tag) => groups.includes(tag.group)).map((tag) => tag.host));
  return replica.log.find({ visit: visit.id, kind: 'script', path: '/tag.js', via: null }).filter((request) => hosts.has(request.host));
};

const REFUSED_GROUPS = ['C0002', 'C0004', 'C0005'];

/** Clicks in the page's "Cookie settings" preference centre; resolves once the tags the CMP then released settled. */
async function inPreferenceCentre(page: TestPage, clicks: string[]): Promise<Array<{ url: string; outcome: string }>> {
  await page.click('#ot-sdk-btn');
  for (const selector of clicks) await page.click(selector);
  type ReplicaWindow = typeof window & { __replicaInjectedOutcomes: () => Promise<Array<{ url: string; outcome: string }>> };
  return page.evaluate(() => (window as ReplicaWindow).__replicaInjectedOutcomes());
}

const visitWith = (query: string) => async (browser: TestBrowser, replica: Replica) => {
  if (browser.extension) await recordGroups(browser);
  const visit = await browser.visit(`${replica.coveredPage()}?${query}`);
  return { visit, view: await cmpView(visit.page) };
};

describeInBrowsers('the consent manager is answered', (suite) => {
  suite.scenario('first visit, EU model: the banner never asks; the CMP holds the choices and runs no gated tag', {
    run: visitWith('cmp=eu'),
    control: async ({ visit, view }, replica) => {
      expect(view).toMatchObject({ banner: true, active: ',C0001,' });
      expect(view.parked.length).toBeGreaterThan(0);
      expect(releasedGroups(view)).toEqual([]);
      expect(gatedArrived(replica, visit, view, ['C0002', 'C0003', 'C0004', 'C0005'])).toEqual([]);
      // The person clicks "Accept all": the CMP runs the parked tags, which reach their servers.
      await visit.page.click('#onetrust-accept-btn-handler');
      const advertising = view.parked.find((tag) => tag.group === 'C0004')!;
      await replica.log.waitFor({ visit: visit.id, kind: 'script', host: advertising.host, path: '/tag.js' }, 1, 60_000);
    },
    extension: ({ visit, view }, replica) => {
      expect(view).toMatchObject({ banner: false, active: ACTIVE_BY_DEFAULT });
      expect(releasedGroups(view)).toEqual(['C0003']);
      expect(gatedArrived(replica, visit, view, REFUSED_GROUPS)).toEqual([]);
    },
  });

  suite.scenario('US model (everything allowed without asking): the refusals hold', {
    run: visitWith('cmp=us'),
    control: ({ visit, view }, replica) => {
      expect(view).toMatchObject({ banner: false, active: ',C0001,C0002,C0003,C0004,C0005,' });
      expect(releasedGroups(view)).toEqual(['C0002', 'C0003', 'C0004', 'C0005']);
      expect(gatedArrived(replica, visit, view, REFUSED_GROUPS).length).toBeGreaterThan(0);
    },
    extension: ({ view }) => {
      expect(view).toMatchObject({ banner: false, active: ACTIVE_BY_DEFAULT });
      expect(releasedGroups(view)).toEqual(['C0003']);
    },
  });

  suite.scenario('a stale "accept all" record is answered again before the next page reads it', {
    run: async (browser, replica) => {
      if (browser.extension) await recordGroups(browser);
      const first = await browser.visit(`${replica.coveredPage()}?cmp=eu`);
      // As a CMP or a page script would: every group consented, written over whatever was there.
      await first.page.evaluate(() => {
        document.cookie = `OptanonConsent=consentId=stale&groups=${encodeURIComponent('C0001:1,C0002:1,C0003:1,C0004:1,C0005:1')}; domain=atlassian.com; path=/; max-age=86400`;
        document.cookie = 'OptanonAlertBoxClosed=2026-01-01T00:00:00.000Z; domain=atlassian.com; path=/; max-age=86400';
      });
      if (browser.extension) {
        const deadline = Date.now() + 60_000;
        while ((await recordGroups(browser)) !== DEFAULT_ANSWER && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      }
      const visit = await browser.visit(`${replica.coveredPage()}?cmp=eu`);
      return { visit, view: await cmpView(visit.page), groups: await recordGroups(browser) };
    },
    control: ({ view, groups }) => {
      expect(groups).toBe('C0001:1,C0002:1,C0003:1,C0004:1,C0005:1');
      expect(releasedGroups(view)).toEqual(['C0002', 'C0003', 'C0004', 'C0005']);
    },
    extension: ({ view, groups }) => {
      expect(groups).toBe(DEFAULT_ANSWER);
      expect(view).toMatchObject({ banner: false, active: ACTIVE_BY_DEFAULT });
      expect(releasedGroups(view)).toEqual(['C0003']);
    },
  });

  suite.scenario('a CMP that ignores its record is answered through its own API once the page has loaded; DNR blocks regardless', {
    run: async (browser, replica) => {
      if (browser.extension) await recordGroups(browser);
      const visit = await browser.visit(`${replica.coveredPage()}?cmp=eu&ignore=1`);
      // The worker checks once the page has loaded, then repairs: wait for what the CMP then believes, or its deadline.
      const deadline = Date.now() + (browser.extension ? 60_000 : 5_000);
      let view = await cmpView(visit.page);
      while (view.active !== ACTIVE_BY_DEFAULT && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        view = await cmpView(visit.page);
      }
      if (!browser.extension) return { visit, view, popup: null, settings: null };
      // The popup reports the mismatch found and the repair made.
      const popup = await browser.openExtensionPage(`popup.html?tabId=${await tabOfVisit(browser, visit.id)}`);
      await waitForText(popup, '.cmp .note', /told again through its own UpdateConsent call; now it holds these choices/);
      return { visit, view, popup: await popup.text('.cmp'), settings: await settingsOf(browser) };
    },
    control: ({ view }) => expect(view).toMatchObject({ banner: true, active: ',C0001,' }),
    extension: ({ visit, view, popup, settings }, replica) => {
      expect(popup).toMatch(/Checked on this page: it believes C0003 refused and its banner is shown, so it was told again/);
      // The CMP's record writes for the extension's own repair calls are not taken for the person's answer.
      expect(settings?.sites).toEqual({});
      expect(popup).not.toMatch(/now allows/);
      expect(view).toMatchObject({ banner: false, active: ACTIVE_BY_DEFAULT });
      expect(gatedArrived(replica, visit, view, REFUSED_GROUPS)).toEqual([]);
      expect(replica.log.categoriesSeen({ visit: visit.id })).not.toContain('performance-and-analytics');
    },
  });

  suite.scenario('a group the map does not know (US model, allowed by default): answered refused, flagged in the popup', {
    run: async (browser, replica) => {
      if (browser.extension) await recordGroups(browser);
      const visit = await browser.visit(`${replica.coveredPage()}?cmp=us&extra=1`);
      if (!browser.extension) return { view: await cmpView(visit.page), popup: null, groups: null };
      // The worker checks once the page has loaded; an open popup hears the check when it is done.
      const page = await browser.openExtensionPage(`popup.html?tabId=${await tabOfVisit(browser, visit.id)}`);
      await waitForText(page, '.cmp', /C0009/);
      const popup = (await page.text('.cmp')) ?? '';
      await page.close();
      const groups = (await recordOf(browser, (record) => /C0009:0/.test(record.get('groups') ?? ''))).get('groups');
      return { view: await cmpView(visit.page), popup, groups };
    },
    control: ({ view }) => expect(view.active).toContain(',C0009,'),
    extension: ({ view, popup, groups }) => {
      expect(view.active).toBe(ACTIVE_BY_DEFAULT);
      expect(popup).toContain('“Research” (C0009), which Atlassian’s cookie notice does not name: told refused.');
      expect(popup).toContain('Cookies for research panels.');
      expect(groups).toBe(`${DEFAULT_ANSWER},C0009:0`);
    },
  });

  suite.scenario(
    '"Allow all" in the site\'s cookie settings: nothing refused loads; the popup asks; confirming allows it on that domain only',
    {
      timeoutMs: 360_000,
      run: async (browser, replica) => {
        if (browser.extension) await recordGroups(browser);
        const visit = await browser.visit(`${replica.coveredPage()}?cmp=eu`);
        const view = await cmpView(visit.page);
        const released = await inPreferenceCentre(visit.page, ['#accept-recommended-btn-handler']);
        if (!browser.extension) return { visit, view, released, question: null, settings: null, next: null };
        // The worker keeps the grant as a question for the popup, then answers the record back to the choices.
        await answeredAfterInteraction(browser, DEFAULT_ANSWER);
        const popup = await browser.openExtensionPage(`popup.html?tabId=${await tabOfVisit(browser, visit.id)}`);
        const question = await waitForText(popup, '.cmp .question', /now allows everything/);
        await popup.screenshot(`artifacts/screenshots/popup-cmp-question-${browser.name}.png`);
        await popup.click('#cmp-allow');
        await waitForText(popup, '.cmp', /Performance and analytics \(C0002\): allowed/);
        const settings = await settingsOf(browser);
        const next = await browser.visit(`${replica.coveredPage()}?cmp=eu`);
        return { visit, view, released, question, settings, next };
      },
      control: ({ visit, view, released }, replica) => {
        expect(released.length).toBeGreaterThan(0);
        expect(gatedArrived(replica, visit, view, REFUSED_GROUPS).length).toBeGreaterThan(0);
      },
      extension: ({ visit, view, released, question, settings, next }, replica) => {
        // The CMP released its parked tags on the click; the refused ones were blocked, not loaded.
        expect(released.length).toBeGreaterThan(0);
        expect(gatedArrived(replica, visit, view, REFUSED_GROUPS)).toEqual([]);
        expect(question).toMatch(/Allow Performance and analytics, Targeting or advertising and Social media on atlassian.com too\?/);
        expect(settings?.sites['atlassian.com']?.choices).toMatchObject({
          'performance-and-analytics': true,
          'targeting-or-advertising': true,
          'social-media': true,
        });
        expect(settings?.sites['bitbucket.org']).toBeUndefined();
        expect(replica.log.categoriesSeen({ visit: next!.id })).toEqual(
          expect.arrayContaining(['performance-and-analytics', 'targeting-or-advertising']),
        );
      },
    },
  );

  suite.scenario("a refusal made in the site's preference centre becomes the choice on that domain", {
    timeoutMs: 360_000,
    run: async (browser, replica) => {
      if (browser.extension) await recordGroups(browser);
      const first = await browser.visit(`${replica.coveredPage()}?cmp=eu`);
      // Functionality (C0003) is allowed by default: the person switches it off there and confirms.
      await inPreferenceCentre(first.page, ['input[data-optanongroupid="C0003"]', '#save-preference-btn-handler']);
      // The worker mirrors the refusal into the settings, then answers the record with it.
      if (browser.extension) await answeredAfterInteraction(browser, 'C0001:1,C0002:0,C0003:0,C0004:0,C0005:0');
      const settings = browser.extension ? await settingsOf(browser) : null;
      const next = await browser.visit(`${replica.coveredPage()}?cmp=eu`);
      return { settings, next };
    },
    control: ({ next }, replica) => expect(replica.log.categoriesSeen({ visit: next.id })).toContain('functionality'),
    extension: ({ settings, next }, replica) => {
      expect(settings?.sites['atlassian.com']?.choices).toEqual({ functionality: false });
      expect(settings?.sites['bitbucket.org']).toBeUndefined();
      expect(replica.log.categoriesSeen({ visit: next.id })).not.toContain('functionality');
    },
  });

  if (suite.browser === 'chromium') {
    suite.scenario('the worker stopped between visits (Chromium): the answer still holds', {
      run: async (browser, replica) => {
        if (browser.extension) {
          await recordGroups(browser);
          await browser.stopWorker();
        }
        const visit = await browser.visit(`${replica.coveredPage()}?cmp=eu`);
        return { visit, view: await cmpView(visit.page) };
      },
      control: ({ view }) => expect(view).toMatchObject({ banner: true, active: ',C0001,' }),
      extension: ({ view }) => {
        expect(view).toMatchObject({ banner: false, active: ACTIVE_BY_DEFAULT });
        expect(releasedGroups(view)).toEqual(['C0003']);
      },
    });
  }
});
