// The ground the other suites stand on: the built extension loads in each browser, and without it the replica
// really delivers every tracker category and its cookies (otherwise "blocked" would prove nothing).
import type Browser from 'webextension-polyfill';
import {
  concreteCookieName,
  describeInBrowsers,
  firstPartyCookieNames,
  hostMatches,
  thirdPartyCookieName,
  type TestBrowser,
} from './harness';
import type { ReplicaSite } from './replica/knowledge';

declare const chrome: Browser.Browser;

/** chrome://extensions' own API, the part this file uses. */
interface DevTools {
  chrome: {
    developerPrivate: {
      getExtensionInfo(id: string): Promise<{ manifestErrors: unknown[]; installWarnings: unknown[]; runtimeErrors: unknown[] }>;
      updateExtensionConfiguration(update: { extensionId: string; errorCollection: boolean }): Promise<void>;
    };
  };
}

function trackersWithHosts(site: ReplicaSite) {
  return site.trackers.filter((tracker) => tracker.hosts.length > 0);
}

/** Trackers the replica loads: those with hosts, and those that are paths of a host that serves several purposes. */
function loadedTrackers(site: ReplicaSite) {
  return site.trackers.filter((tracker) => tracker.hosts.length > 0 || (tracker.paths ?? []).length > 0);
}

async function cookieNamesOn(browser: TestBrowser, domain: string): Promise<string[]> {
  const jar = await browser.cookies();
  return jar.filter((cookie) => hostMatches(cookie.domain.replace(/^\./, ''), domain)).map((cookie) => cookie.name);
}

describeInBrowsers('foundation', (suite) => {
  test('control: every tracker category reaches the replica without the extension', async () => {
    const browser = await suite.launch();
    const site = suite.replica.sites[0]!;
    const { id, outcomes } = await browser.visit(suite.replica.everyKindPage());

    expect(outcomes.filter((load) => !['loaded', 'sent'].includes(load.outcome))).toEqual([]);
    const loaded = loadedTrackers(site);
    expect(suite.replica.log.trackersSeen({ visit: id })).toEqual(loaded.map((tracker) => tracker.id).sort());
    const judgedByCategory = loaded.filter((tracker) => !tracker.loads);
    expect(suite.replica.log.categoriesSeen({ visit: id })).toEqual(
      [...new Set(judgedByCategory.map((tracker) => tracker.category))].sort(),
    );
    // The light kinds at least once per tracker host; frames and sockets once per category (replica/page.ts says why).
    const trackers = trackersWithHosts(site);
    for (const kind of ['image', 'beacon', 'script', 'fetch', 'xhr']) {
      await suite.replica.log.waitFor({ visit: id, role: 'tracker', kind }, trackers.length);
    }
    const categories = new Set(trackers.map((tracker) => tracker.category));
    for (const kind of ['frame', 'websocket']) await suite.replica.log.waitFor({ visit: id, role: 'tracker', kind }, categories.size);
    expect(suite.replica.log.find({ visit: id, role: 'consent-manager' }).length).toBe(site.consentManager.hosts.length);
    expect(suite.replica.log.find({ visit: id, role: 'static' }).length).toBeGreaterThan(0);
  });

  test('control: third-party and first-party tracker cookies land in the jar and are sent back', async () => {
    const browser = await suite.launch();
    const site = suite.replica.sites[0]!;
    await browser.visit(suite.replica.coveredPage());
    const again = await browser.visit(suite.replica.coveredPage());

    for (const tracker of trackersWithHosts(site)) {
      const onTrackerHost = await cookieNamesOn(browser, tracker.hosts[0]!);
      expect({ tracker: tracker.id, cookies: onTrackerHost }).toEqual({
        tracker: tracker.id,
        cookies: expect.arrayContaining([thirdPartyCookieName(tracker)]),
      });
      const sentBack = suite.replica.log.find({ visit: again.id, tracker: tracker.id, kind: 'image' });
      expect(sentBack.every((request) => request.cookieNames.includes(thirdPartyCookieName(tracker)))).toBe(true);
    }
    const onSite = await cookieNamesOn(browser, site.domains[0]!);
    const expected = [...site.trackers.flatMap(firstPartyCookieNames), ...site.consentManager.cookies.map(concreteCookieName)];
    expect(onSite).toEqual(expect.arrayContaining(expected));
  });

  test('control: a site the knowledge base does not cover loads the same trackers over HTTP', async () => {
    const browser = await suite.launch();
    const { id, outcomes } = await browser.visit(suite.replica.uncoveredPage('http'));
    expect(outcomes.filter((load) => !['loaded', 'sent'].includes(load.outcome))).toEqual([]);
    expect(suite.replica.log.find({ visit: id, kind: 'document' })[0]?.scheme).toBe('http');
    expect(suite.replica.log.trackersSeen({ visit: id }).length).toBeGreaterThan(0);
  });

  test('with extension: the built extension loads and its background answers its pages', async () => {
    const browser = await suite.launch({ extension: true });
    const manifest = await browser.inExtension(() => chrome.runtime.getManifest());
    expect(manifest).toMatchObject({ manifest_version: 3, name: 'Policy Guard' });
    const options = await browser.openExtensionPage('options.html');
    const reply = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'get-settings', payload: {} }));
    expect(reply).toMatchObject({ ok: true, value: { sites: [expect.objectContaining({ id: suite.replica.sites[0]!.id })] } });
  });

  if (suite.browser === 'chromium') {
    test('with extension: chrome://extensions lists no manifest, install or runtime errors after a covered visit', async () => {
      const browser = await suite.launch({ extension: true });
      const extensions = await browser.newPage();
      await extensions.goto('chrome://extensions/');
      const id = browser.extension!.id;
      // Runtime errors are collected only once asked for, so collection is switched on before the visit.
      await extensions.evaluate(
        (extensionId: string) =>
          (globalThis as unknown as DevTools).chrome.developerPrivate.updateExtensionConfiguration({ extensionId, errorCollection: true }),
        id,
      );
      await browser.visit(suite.replica.coveredPage());
      const info = await extensions.evaluate(
        (extensionId: string) => (globalThis as unknown as DevTools).chrome.developerPrivate.getExtensionInfo(extensionId),
        id,
      );
      expect({ manifest: info.manifestErrors, install: info.installWarnings, runtime: info.runtimeErrors }).toEqual({
        manifest: [],
        install: [],
        runtime: [],
      });
    });
  }
});
