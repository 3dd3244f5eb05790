// Requests a covered page's frames make themselves: a third-party player's document, a sandboxed and a data: frame
// (opaque origins) and a srcdoc frame, each loading Google Analytics and the Meta pixel (refused by default). Their
// initiator is not the covered site, so only rules scoped by the top-level page or the tab reach them
// (src/blocking/tab-rules.ts). Judged by what reached the replica and what the jar holds; the control run must see all of it.
import type Browser from 'webextension-polyfill';
import { RULE_IDS } from '../../src/blocking/dnr-ids';
import { describeInBrowsers, thirdPartyCookieName, type LoggedRequest, type Replica, type TestBrowser } from './harness';
import { FRAME_VARIANTS, type FrameVariant } from './replica/page';

declare const chrome: Browser.Browser;

const REFUSED_BY_DEFAULT = ['performance-and-analytics', 'targeting-or-advertising'];
const TRACKERS = ['google-analytics', 'meta-pixel'];
const REFUSED_COOKIES = TRACKERS.map((id) => thirdPartyCookieName({ id } as Parameters<typeof thirdPartyCookieName>[0]));

interface Observed {
  /** Per frame: the refused trackers whose requests reached the replica. */
  refused: Record<FrameVariant, string[]>;
  /** Per frame: whether its first-party image (the covered page's own host) arrived. */
  firstParty: Record<FrameVariant, boolean>;
  outcomes: string[];
  jar: string[];
}

const perVariant = <T>(value: (variant: FrameVariant) => T): Record<FrameVariant, T> =>
  Object.fromEntries(FRAME_VARIANTS.map((variant) => [variant, value(variant)])) as Record<FrameVariant, T>;

async function visitFrames(browser: TestBrowser, replica: Replica): Promise<Observed> {
  const visit = await browser.visit(replica.framesPage());
  const requests = replica.log.find({ visit: visit.id });
  const from = (variant: FrameVariant): LoggedRequest[] => requests.filter((request) => request.via === variant);
  const jar = (await browser.cookies()).map((cookie) => cookie.name).filter((name) => REFUSED_COOKIES.includes(name));
  return {
    refused: perVariant((variant) =>
      [
        ...new Set(
          from(variant)
            .filter((request) => request.role === 'tracker' && REFUSED_BY_DEFAULT.includes(request.category ?? ''))
            .map((request) => request.tracker!),
        ),
      ].sort(),
    ),
    firstParty: perVariant((variant) => from(variant).some((request) => request.role === 'page' && request.path === '/pixel.gif')),
    outcomes: visit.outcomes.map((outcome) => outcome.outcome),
    jar: [...new Set(jar)].sort(),
  };
}

describeInBrowsers("requests from a covered page's frames whose initiator is not the site", (suite) => {
  suite.scenario('a player, a sandboxed, a data: and a srcdoc frame load Google Analytics and the Meta pixel', {
    run: visitFrames,
    control: ({ refused, firstParty, outcomes, jar }) => {
      expect(refused).toEqual(perVariant(() => TRACKERS));
      expect(firstParty).toEqual(perVariant(() => true));
      expect(outcomes).toEqual(FRAME_VARIANTS.map(() => 'loaded'));
      expect(jar).toEqual([...REFUSED_COOKIES].sort());
    },
    extension: ({ refused, firstParty, outcomes, jar }) => {
      expect(refused).toEqual(perVariant(() => []));
      // The frames themselves and the covered site's own requests from them are never blocked.
      expect(firstParty).toEqual(perVariant(() => true));
      expect(outcomes).toEqual(FRAME_VARIANTS.map(() => 'loaded'));
      expect(jar).toEqual([]);
    },
  });

  test('with extension: the rules that reach the frames follow a tab to a covered page, away from it, and go when it closes', async () => {
    const browser = await suite.launch({ extension: true });
    const page = await browser.newPage();
    const first = RULE_IDS.tabSession.first;
    // Polls the extension's rules from its side while the page loads: when did the covered tab get them?
    const timed = async (url: string) => {
      const watch = browser.inExtension(awaitTabRules, { until: 'some', first });
      await page.goto(url);
      const navigationStart = await page.evaluate(() => performance.timeOrigin);
      const seen = await watch;
      return { ...seen, ms: Math.round(seen.at - navigationStart) };
    };
    const loaded = await timed(`${suite.replica.framesPage()}&visit=timing-1`);
    if (loaded.topRules > 0) {
      console.log(`[${suite.browser}] topDomains dynamic rules: ${loaded.topRules}, in force before any navigation`);
      expect(loaded.tabRules).toBe(0);
      return;
    }
    expect(loaded.tabs).toHaveLength(1);
    await page.goto(suite.replica.blankPage());
    expect(await browser.inExtension(awaitTabRules, { until: 'none', first })).toMatchObject({ tabRules: 0 });
    const again = await timed(`${suite.replica.framesPage()}&visit=timing-2`);
    expect(again.tabs).toEqual(loaded.tabs);
    console.log(
      `[${suite.browser}] tab session rules: ${loaded.tabRules} per covered tab, in force ${loaded.ms} ms after navigation ` +
        `start (first page of the browser), ${again.ms} ms (a later one)`,
    );
    await page.close();
    expect(await browser.inExtension(awaitTabRules, { until: 'none', first })).toMatchObject({ tabRules: 0 });
  });
});

/**
 * In the extension: waits up to 60 s, polling, until tab session rules (ids from `first`) or top-level page rules
 * exist ('some'), or no tab session rule is left ('none'); says what it saw and when (ms since the epoch).
 */
async function awaitTabRules({ until, first }: { until: 'some' | 'none'; first: number }) {
  const deadline = Date.now() + 60_000;
  // Reads back to back, with no timer: Firefox runs the extension page in a background tab, whose timers wait a second.
  for (;;) {
    const session = await chrome.declarativeNetRequest.getSessionRules();
    const tabRules = session.filter((rule) => rule.id >= first && (rule.condition.tabIds ?? []).length > 0);
    const dynamic = await chrome.declarativeNetRequest.getDynamicRules();
    // Firefox reports unset rule fields as null.
    const topRules = dynamic.filter((rule) => (rule.condition as { topDomains?: string[] | null }).topDomains != null);
    const done = until === 'some' ? tabRules.length > 0 || topRules.length > 0 : tabRules.length === 0;
    if (done || Date.now() > deadline) {
      const tabs = [...new Set(tabRules.flatMap((rule) => rule.condition.tabIds ?? []))];
      return { at: Date.now(), tabRules: tabRules.length, topRules: topRules.length, tabs };
    }
  }
}
