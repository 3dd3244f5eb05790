// A covered page is covered under every spelling of its host a browser accepts, and a refused tracker is refused
// under every spelling of its own. Two kinds of spelling exist: those URL parsing folds into the canonical host
// (upper case, percent-encoded dots, full-width letters, the ideographic full stop — WHATWG URL "host parsing" with
// UTS #46 mapping), and the fully qualified one with a trailing dot, which browsers keep in the URL, the origin, the
// Host header and the cookie domain (https://github.com/whatwg/url/pull/176). Judged, as everywhere, by what reached
// the replica and what the jar holds; each scenario's control run shows the spelling loading the trackers and
// storing the cookies.
import type Browser from 'webextension-polyfill';
import { isTrackerRefused } from '../../src/settings/choices';
import type { Site } from '../../src/knowledge/schema';
import { freshSettings } from '../../src/settings/settings';
import { loadSites } from '../../src/knowledge/load';
import { describeInBrowsers, firstPartyCookieNames, thirdPartyCookieName, type JarCookie, type Replica, type TestBrowser } from './harness';
import type { Reply, Request } from '../../src/messaging/protocol';
import { randomBytes } from 'node:crypto';

declare const chrome: Browser.Browser;

const site: Site = loadSites()[0]!;
const loaded = site.trackers.filter((tracker) => tracker.hosts.length > 0 || (tracker.paths ?? []).length > 0);
const refusedTrackers = loaded
  .filter((tracker) => isTrackerRefused(site, tracker, freshSettings(), site.domains[0]!))
  .map((tracker) => tracker.id);
const refusedCookies = new Set(
  site.trackers
    .filter((tracker) => refusedTrackers.includes(tracker.id))
    .flatMap((tracker) => [...firstPartyCookieNames(tracker), thirdPartyCookieName(tracker)]),
);

const refusedFirstPartyCookie = site.trackers.filter((tracker) => refusedTrackers.includes(tracker.id)).flatMap(firstPartyCookieNames)[0]!;

interface Seen {
  /** location.host of each visit, as the browser keeps it. */
  hosts: string[];
  /** Refused trackers that reached the replica, with the host as the browser spelled it: "tracker@host". */
  trackers: string[];
  /** Refused cookies in the jar: "name@domain". */
  cookies: string[];
}

/** The worker answers its pages once its start-up enforcement is done: from then on the rules are in force. */
async function ready(browser: TestBrowser): Promise<void> {
  const page = await browser.openExtensionPage('options.html');
  const message: { type: 'get-settings'; payload: Request<'get-settings'> } = { type: 'get-settings', payload: {} };
  const reply = await page.evaluate((sent) => chrome.runtime.sendMessage<unknown, Reply<'get-settings'>>(sent), message);
  await page.close();
  expect(reply).toMatchObject({ ok: true });
}

const refusedIn = (jar: JarCookie[]): string[] =>
  jar
    .filter((cookie) => refusedCookies.has(cookie.name))
    .map((cookie) => `${cookie.name}@${cookie.domain}`)
    .sort();

/**
 * The jar's refused cookies. Without the extension every cookie is stored before the page reports it is done; with
 * it, a cookie the shield did not drop is removed as it appears, so the jar is read until none is left or a generous
 * deadline passes.
 */
async function refusedCookiesLeft(browser: TestBrowser, deadlineMs = 30_000): Promise<string[]> {
  const deadline = Date.now() + deadlineMs;
  let left = refusedIn(await browser.cookies());
  while (browser.extension && left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    left = refusedIn(await browser.cookies());
  }
  return left;
}

function refusedArrivals(replica: Replica, visit: string): string[] {
  const arrivals = replica.log.find({ visit, role: 'tracker' }).filter((request) => refusedTrackers.includes(request.tracker!));
  return [...new Set(arrivals.map((request) => `${request.tracker}@${request.host}`))].sort();
}

/** Visits each URL in turn, handed to the browser exactly as written (the harness's visit() parses it in Node first). */
async function visitAsSpelled(browser: TestBrowser, replica: Replica, spellings: string[]): Promise<Seen> {
  const seen: Seen = { hosts: [], trackers: [], cookies: [] };
  for (const spelled of spellings) {
    const visit = `${browser.name}-${randomBytes(4).toString('hex')}`;
    const page = await browser.newPage();
    await page.goto(replica.blankPage());
    const done = replica.visitDone(visit, 120_000);
    // The navigation replaces the page mid-call: the call may reject, the load is judged by its /__done report.
    await page.evaluate((url) => void (location.href = url), `${spelled}?visit=${visit}`).catch(() => undefined);
    await done;
    seen.hosts.push(await page.evaluate(() => location.host));
    seen.trackers.push(...refusedArrivals(replica, visit));
    await page.close();
  }
  seen.cookies = await refusedCookiesLeft(browser);
  return seen;
}

/** What a page at `url` lets through: the refused trackers that arrived and the refused cookies that stayed. */
async function visitOnce(browser: TestBrowser, replica: Replica, url: string): Promise<Seen> {
  const visit = await browser.visit(url);
  const hosts = [await visit.page.evaluate(() => location.host)];
  return { hosts, trackers: refusedArrivals(replica, visit.id), cookies: await refusedCookiesLeft(browser) };
}

const port = (replica: Replica): string => new URL(replica.coveredPage()).port;

describeInBrowsers('host spellings', (suite) => {
  suite.scenario('the covered page at its trailing-dot spelling (https://www.atlassian.com./)', {
    prepare: ready,
    run: (browser, replica) => visitOnce(browser, replica, replica.fqdnPage({ page: true, thirdParties: false })),
    control: (seen, replica) => {
      expect(seen.hosts).toEqual([`www.atlassian.com.:${port(replica)}`]);
      expect(seen.trackers.length).toBeGreaterThan(0);
      // The page's cookies are stored under the dotted host.
      expect(seen.cookies).toEqual(expect.arrayContaining(['_ga@www.atlassian.com.']));
    },
    extension: (seen) => {
      expect(seen.hosts[0]).toMatch(/^www\.atlassian\.com\.:/);
      expect(seen.trackers).toEqual([]);
      expect(seen.cookies).toEqual([]);
    },
  });

  suite.scenario('refused trackers at their trailing-dot spelling (https://www.google-analytics.com./) from the covered page', {
    prepare: ready,
    run: (browser, replica) => visitOnce(browser, replica, replica.fqdnPage({ page: false, thirdParties: true })),
    control: (seen) => {
      expect(seen.trackers).toEqual(expect.arrayContaining(['google-analytics@www.google-analytics.com.']));
      expect(seen.cookies).toEqual(expect.arrayContaining(['tp-google-analytics@www.google-analytics.com.']));
    },
    extension: (seen) => {
      expect(seen.trackers).toEqual([]);
      expect(seen.cookies).toEqual([]);
    },
  });

  suite.scenario('the covered page and its trackers all at their trailing-dot spellings', {
    prepare: ready,
    run: (browser, replica) => visitOnce(browser, replica, replica.fqdnPage({ page: true, thirdParties: true })),
    control: (seen) => {
      expect(seen.trackers).toEqual(expect.arrayContaining(['google-analytics@www.google-analytics.com.']));
      expect(seen.cookies).toEqual(expect.arrayContaining(['_ga@www.atlassian.com.', 'tp-google-analytics@www.google-analytics.com.']));
    },
    extension: (seen) => {
      expect(seen.trackers).toEqual([]);
      expect(seen.cookies).toEqual([]);
    },
  });

  suite.scenario("the page's own script at the trailing-dot spelling cannot store a refused cookie, not even for a moment", {
    prepare: ready,
    run: async (browser, replica) => {
      const visit = await browser.visit(replica.fqdnPage({ page: true, thirdParties: false }));
      // Written and read back in one task: only the shield, in the page at document start, can have dropped it.
      return visit.page.evaluate((name) => {
        document.cookie = `${name}=probe; path=/`;
        document.cookie = 'probe=1; path=/';
        const jar = document.cookie.split('; ');
        return { refused: jar.includes(`${name}=probe`), other: jar.includes('probe=1') };
      }, refusedFirstPartyCookie);
    },
    control: (seen) => expect(seen).toEqual({ refused: true, other: true }),
    extension: (seen) => expect(seen).toEqual({ refused: false, other: true }),
  });

  suite.scenario('spellings URL parsing folds into www.atlassian.com: upper case, %2E, full-width letters, ideographic full stops', {
    prepare: ready,
    run: (browser, replica) =>
      visitAsSpelled(
        browser,
        replica,
        [
          'WWW.Atlassian.COM',
          'www.atlassian%2Ecom',
          '\uff57\uff57\uff57.atlassian.com', // ｗｗｗ (full-width)
          'www\u3002atlassian\u3002com', // www。atlassian。com
        ].map((host) => `https://${host}:${port(replica)}/`),
      ),
    control: (seen, replica) => {
      expect(seen.hosts).toEqual(Array(4).fill(`www.atlassian.com:${port(replica)}`));
      expect(seen.trackers.length).toBeGreaterThan(0);
      expect(seen.cookies.length).toBeGreaterThan(0);
    },
    extension: (seen) => {
      expect(seen.trackers).toEqual([]);
      expect(seen.cookies).toEqual([]);
    },
    timeoutMs: 600_000,
  });
});
