// Enforcement in real browsers, judged by what reached the replica and what is in the cookie jar. Every scenario
// also runs without the extension, where the same trackers and cookies must be seen: otherwise nothing is proven.
import type Browser from 'webextension-polyfill';
import { isAllowed, isTrackerRefused } from '../../src/settings/choices';
import type { Site } from '../../src/knowledge/schema';
import { freshSettings, type Settings } from '../../src/settings/settings';
import { loadSites } from '../../src/knowledge/load';
import { describeInBrowsers, firstPartyCookieNames, thirdPartyCookieName, type JarCookie, type TestBrowser, type Visit } from './harness';
import type { Replica } from './harness';
import { roleOf } from './replica/hosts';
import { ready, send } from './harness/messages';

declare const chrome: Browser.Browser;

const site: Site = loadSites()[0]!;
/** The registrable domain of the replica's covered page (www.atlassian.com), whose choices these scenarios change. */
const domain = site.domains[0]!;
const refused = site.categories.filter((category) => !isAllowed(site, category, freshSettings(), domain)).map((category) => category.id);
// Trackers the replica loads (a host or a path), and those the default choices refuse: a loader (tag manager) only
// when every category it loads is refused.
const loaded = site.trackers.filter((tracker) => tracker.hosts.length > 0 || (tracker.paths ?? []).length > 0);
const refusedTrackers = (settings: Settings) => loaded.filter((tracker) => isTrackerRefused(site, tracker, settings, domain));
const refusedByDefault = refusedTrackers(freshSettings());
/** The categories of the trackers that load under these choices. */
// The categories of the trackers that load; a loader (tag manager) is logged without one.
const categoriesLoading = (settings: Settings): string[] =>
  [
    ...new Set(
      loaded.filter((tracker) => !tracker.loads && !isTrackerRefused(site, tracker, settings, domain)).map((tracker) => tracker.category),
    ),
  ].sort();
const necessaryCookies = site.trackers.filter((tracker) => tracker.category === 'strictly-necessary').flatMap(firstPartyCookieNames);

/** The cookie names of one category as the replica sets them: its trackers' first-party names and their hosts' own cookie. */
function cookiesOf(categories: string[]): Set<string> {
  // A loader the choices let load is not refused, whatever its own category.
  const trackers = site.trackers.filter(
    (tracker) => categories.includes(tracker.category) && (!tracker.loads || refusedByDefault.includes(tracker)),
  );
  return new Set(
    trackers.flatMap((tracker) => [
      ...firstPartyCookieNames(tracker),
      ...(loaded.includes(tracker) ? [thirdPartyCookieName(tracker)] : []),
    ]),
  );
}

const refusedCookies = cookiesOf(refused);
const refusedFirstPartyCookies = new Set(
  site.trackers.filter((tracker) => refused.includes(tracker.category)).flatMap(firstPartyCookieNames),
);
const refusedThirdPartyCookies = new Set(refusedByDefault.map(thirdPartyCookieName));
/** The site's first-party cookies refused once "functionality" is refused too, as in the choice-change scenario. */
const nowRefusedCookies = new Set(
  site.trackers
    .filter((tracker) => ['performance-and-analytics', 'targeting-or-advertising', 'functionality'].includes(tracker.category))
    .flatMap(firstPartyCookieNames),
);

/** "A second after the page loads": the moment the issue names, not a timing assertion. */
const aSecond = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1000));

/**
 * A reply to a choice change means its rules are in force; the sweep of cookies the old choice let in follows. Reads
 * the jar until `done` says so or a generous deadline passes, and returns the last jar read either way.
 */
async function jarOnceSwept(browser: TestBrowser, done: (jar: JarCookie[]) => boolean, deadlineMs = 30_000): Promise<JarCookie[]> {
  const deadline = Date.now() + deadlineMs;
  let jar = await browser.cookies();
  while (!done(jar) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    jar = await browser.cookies();
  }
  return jar;
}

const inJar = (jar: JarCookie[], names: Set<string>): string[] =>
  jar
    .filter((cookie) => names.has(cookie.name))
    .map((cookie) => `${cookie.name}@${cookie.domain}`)
    .sort();

const sentCookies = (replica: Replica, visit: Visit, names: Set<string>): string[] =>
  replica.log
    .find({ visit: visit.id })
    .flatMap((request) => request.cookieNames.filter((name) => names.has(name)).map((name) => `${name}→${request.host}`));

interface Loads {
  first: Visit;
  reload: Visit;
  jarAfterFirst: JarCookie[];
  jarAfterReload: JarCookie[];
}

/** Two loads of the covered page, the jar read a second after each. */
async function loadTwice(browser: TestBrowser, replica: Replica): Promise<Loads> {
  const first = await browser.visit(replica.everyKindPage());
  await aSecond();
  const jarAfterFirst = await browser.cookies();
  await first.page.close();
  const reload = await browser.visit(replica.everyKindPage());
  await aSecond();
  return { first, reload, jarAfterFirst, jarAfterReload: await browser.cookies() };
}

function expectTrackersStopped(replica: Replica, loads: Loads): void {
  for (const visit of [loads.first, loads.reload]) {
    expect(replica.log.trackersSeen({ visit: visit.id }).filter((id) => refusedByDefault.some((tracker) => tracker.id === id))).toEqual([]);
    expect(replica.log.find({ visit: visit.id, role: 'consent-manager' })).toHaveLength(site.consentManager.hosts.length);
    expect(replica.log.find({ visit: visit.id, role: 'static' }).length).toBeGreaterThan(0);
    const nonTracker = visit.outcomes.filter((load) => {
      const url = new URL(load.url);
      return roleOf(url.hostname, url.pathname, replica.sites).role !== 'tracker';
    });
    expect(nonTracker.filter((load) => !['loaded', 'sent'].includes(load.outcome))).toEqual([]);
  }
}

function expectCookiesStopped(replica: Replica, loads: Loads): void {
  expect(inJar(loads.jarAfterFirst, refusedCookies)).toEqual([]);
  expect(inJar(loads.jarAfterReload, refusedCookies)).toEqual([]);
  // Third-party cookies of refused trackers are never sent: their requests are blocked.
  for (const visit of [loads.first, loads.reload]) expect(sentCookies(replica, visit, refusedThirdPartyCookies)).toEqual([]);
  // The page's own script never gets to store a refused first-party cookie (the cookie shield), so no request of
  // either load carries one: not the site's own, not wac-cdn.atlassian.com, not the next page request.
  for (const visit of [loads.first, loads.reload]) expect(sentCookies(replica, visit, refusedFirstPartyCookies)).toEqual([]);
  const document = replica.log.find({ visit: loads.reload.id, kind: 'document' })[0];
  expect(document?.cookieNames.filter((name) => refusedCookies.has(name))).toEqual([]);
  // Strictly necessary cookies stay, and the site gets them back on the next load.
  expect(inJar(loads.jarAfterReload, new Set(necessaryCookies)).length).toBeGreaterThanOrEqual(necessaryCookies.length);
  expect(document?.cookieNames).toEqual(expect.arrayContaining(necessaryCookies));
}

describeInBrowsers('enforcement', (suite) => {
  suite.scenario('default choices: refused trackers and their cookies are stopped, the rest works', {
    prepare: ready,
    run: loadTwice,
    control: (loads, replica) => {
      expect(replica.log.categoriesSeen({ visit: loads.first.id })).toEqual(expect.arrayContaining(refused));
      expect(inJar(loads.jarAfterFirst, refusedCookies).length).toBeGreaterThan(0);
      expect(sentCookies(replica, loads.reload, refusedThirdPartyCookies).length).toBeGreaterThan(0);
      const document = replica.log.find({ visit: loads.reload.id, kind: 'document' })[0];
      expect(document?.cookieNames.filter((name) => refusedCookies.has(name)).length).toBeGreaterThan(0);
      // Without the extension the page's own script stores them, and its next requests to its own site carry them.
      const sameLoad = sentCookies(replica, loads.first, refusedFirstPartyCookies);
      expect(sameLoad).toEqual(expect.arrayContaining([...refusedFirstPartyCookies].map((name) => `${name}→wac-cdn.atlassian.com`)));
    },
    extension: (loads, replica) => {
      expectTrackersStopped(replica, loads);
      expectCookiesStopped(replica, loads);
      // Allowed categories still load (functionality by default).
      const allowed = loaded.filter((tracker) => !refusedByDefault.includes(tracker));
      expect(replica.log.trackersSeen({ visit: loads.first.id })).toEqual(allowed.map((tracker) => tracker.id).sort());
    },
  });

  suite.scenario("the page's own script cannot store a refused first-party cookie, not even for a moment", {
    prepare: ready,
    run: async (browser, replica) => {
      const visit = await browser.visit(replica.coveredPage());
      // Written and read back in one task: the worker's removal could not have run in between.
      return visit.page.evaluate(
        (name) => {
          document.cookie = `${name}=probe; path=/`;
          document.cookie = 'probe=1; path=/';
          const jar = document.cookie.split('; ');
          return { refused: jar.includes(`${name}=probe`), other: jar.includes('probe=1') };
        },
        [...refusedFirstPartyCookies][0],
      );
    },
    control: (seen) => expect(seen).toEqual({ refused: true, other: true }),
    extension: (seen) => expect(seen).toEqual({ refused: false, other: true }),
  });

  suite.scenario('a page the knowledge base does not cover is untouched', {
    prepare: ready,
    run: async (browser, replica) => {
      const visit = await browser.visit(replica.uncoveredPage());
      return { visit, jar: await browser.cookies() };
    },
    control: ({ visit }, replica) => expect(replica.log.categoriesSeen({ visit: visit.id })).toEqual(expect.arrayContaining(refused)),
    extension: ({ visit, jar }, replica) => {
      const everyTracker = loaded.map((tracker) => tracker.id).sort();
      expect(replica.log.trackersSeen({ visit: visit.id })).toEqual(everyTracker);
      expect(visit.outcomes.filter((load) => !['loaded', 'sent'].includes(load.outcome))).toEqual([]);
      expect(inJar(jar, refusedCookies).length).toBeGreaterThan(0);
    },
  });

  test('with extension: resuming sweeps refused cookies, partitioned under the covered site too, and only those', async () => {
    const browser = await suite.launch({ extension: true });
    const page = await browser.openExtensionPage('options.html');
    // The consent manager's records, which the extension writes itself, are not part of what is swept.
    const jar = await page.evaluate(
      async ({ domain, consent }) => {
        const cookies = [
          ['https://www.google-analytics.com/', 'refused-partitioned', 'https://atlassian.com'],
          ['https://static.zdassets.com/', 'allowed-partitioned', 'https://atlassian.com'],
          ['https://www.google-analytics.com/', 'other-site-partition', 'https://example-news.com'],
          ['https://www.atlassian.com/', '_gid', null],
        ];
        // Set while the site is paused, so only the sweep on resuming can remove them.
        await chrome.runtime.sendMessage({ type: 'set-site-paused', payload: { domain, paused: true } });
        for (const [url, name, topLevelSite] of cookies) {
          const partition = topLevelSite ? { partitionKey: { topLevelSite } } : {};
          await chrome.cookies.set({ url: url!, name: name!, value: '1', secure: true, sameSite: 'no_restriction', ...partition });
        }
        const names = async () =>
          (await chrome.cookies.getAll({ partitionKey: {} }))
            .map((cookie) => cookie.name)
            .filter((name) => !consent.includes(name))
            .sort();
        const before = await names();
        await chrome.runtime.sendMessage({ type: 'set-site-paused', payload: { domain, paused: false } });
        // The reply means the rules are in force; the sweep follows it. Read the jar until it is done, or 30 s have passed.
        const swept = JSON.stringify(['allowed-partitioned', 'other-site-partition']);
        const deadline = Date.now() + 30_000;
        let after = await names();
        while (JSON.stringify(after) !== swept && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          after = await names();
        }
        return { before, after };
      },
      { domain, consent: site.consentManager.cookies },
    );
    expect(jar.before).toEqual(['_gid', 'allowed-partitioned', 'other-site-partition', 'refused-partitioned']);
    expect(jar.after).toEqual(['allowed-partitioned', 'other-site-partition']);
  });

  if (suite.browser === 'chromium') {
    suite.scenario('after the worker is stopped, protection holds and cookie removal resumes', {
      prepare: ready,
      run: async (browser, replica) => {
        if (browser.extension) await browser.stopWorker();
        return loadTwice(browser, replica);
      },
      control: (loads, replica) => expect(replica.log.categoriesSeen({ visit: loads.first.id })).toEqual(expect.arrayContaining(refused)),
      extension: (loads, replica) => {
        expectTrackersStopped(replica, loads);
        expectCookiesStopped(replica, loads);
      },
    });
  }

  suite.scenario('changing a choice takes effect on the next load; pause allows everything', {
    prepare: ready,
    run: async (browser, replica) => {
      // Each page is closed before the next change: what it still had pending must not count for the next choice.
      const before = await browser.visit(replica.coveredPage());
      await before.page.close();
      if (browser.extension) {
        await send(browser, 'set-site-choice', { domain, categoryId: 'social-media', allowed: true });
        await send(browser, 'set-default-choice', { categoryId: 'functionality', allowed: false });
      }
      const changed = await browser.visit(replica.coveredPage());
      await changed.page.close();
      if (browser.extension) await send(browser, 'set-site-paused', { domain, paused: true });
      const paused = await browser.visit(replica.coveredPage());
      await aSecond();
      const jarPaused = await browser.cookies();
      await paused.page.close();
      // Resuming sweeps what the pause let in, without waiting for another page load.
      if (browser.extension) await send(browser, 'set-site-paused', { domain, paused: false });
      const jarResumed = browser.extension ? await jarOnceSwept(browser, (jar) => inJar(jar, nowRefusedCookies).length === 0) : [];
      return { before, changed, paused, jarPaused, jarResumed };
    },
    control: ({ before }, replica) =>
      expect(replica.log.categoriesSeen({ visit: before.id })).toEqual(expect.arrayContaining(['functionality', 'social-media'])),
    extension: ({ before, changed, paused, jarPaused, jarResumed }, replica) => {
      const seen = (visit: Visit) => replica.log.categoriesSeen({ visit: visit.id });
      const changedSettings: Settings = {
        ...freshSettings(),
        defaults: { functionality: false },
        sites: { [domain]: { choices: { 'social-media': true }, paused: false } },
      };
      expect(seen(before)).toEqual(categoriesLoading(freshSettings()));
      expect(seen(changed)).toEqual(categoriesLoading(changedSettings));
      expect(seen(paused)).toEqual([...new Set(loaded.filter((tracker) => !tracker.loads).map((tracker) => tracker.category))].sort());
      // The sweep removes the site's refused first-party cookies (functionality is now refused too). Trackers' own
      // unpartitioned cookies are theirs on every site, so they stay, but covered pages never send them.
      expect(inJar(jarPaused, nowRefusedCookies).length).toBeGreaterThan(0);
      expect(inJar(jarResumed, nowRefusedCookies)).toEqual([]);
      expect(inJar(jarResumed, new Set(necessaryCookies)).length).toBeGreaterThanOrEqual(necessaryCookies.length);
    },
  });
});
