// Requests a covered page's frames make themselves: a third-party player's document, a sandboxed and a data: frame
// (opaque origins) and a srcdoc frame, each loading Google Analytics and the Meta pixel (refused by default). Their
// initiator is not the covered site, so only rules scoped by the top-level page or the tab reach them
// (src/core/tab-rules.ts). Judged by what reached the replica and what the jar holds; the control run must see all of it.
import type Browser from 'webextension-polyfill';
import { RULE_IDS } from '../../src/core/dnr-ids';
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

  test('with extension: the rules that reach the frames are in force for a covered tab, and go when it closes', async () => {
    const browser = await suite.launch({ extension: true });
    const page = await browser.newPage();
    // Polls the extension's rules from the extension's side while the page loads: when did a covered tab get them?
    const watch = browser.inExtension(async (first: number) => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const session = (await chrome.declarativeNetRequest.getSessionRules()).filter((rule) => rule.id >= first);
        const dynamic = await chrome.declarativeNetRequest.getDynamicRules();
        const tabRules = session.filter((rule) => (rule.condition.tabIds ?? []).length > 0);
        const topRules = dynamic.filter((rule) => (rule.condition as { topDomains?: string[] }).topDomains !== undefined);
        if (tabRules.length > 0 || topRules.length > 0 || Date.now() > deadline) {
          return {
            at: Date.now(),
            tabRules: tabRules.length,
            topRules: topRules.length,
            tabs: [...new Set(tabRules.flatMap((rule) => rule.condition.tabIds ?? []))],
          };
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    }, RULE_IDS.tabSession.first);
    await page.goto(`${suite.replica.framesPage()}&visit=timing`);
    const navigationStart = await page.evaluate(() => performance.timeOrigin);
    const seen = await watch;
    const mechanism = seen.topRules > 0 ? 'topDomains dynamic rules' : 'tab session rules';
    console.log(
      `[${suite.browser}] ${mechanism}: ${seen.topRules || seen.tabRules} rules; ` +
        (seen.topRules > 0
          ? 'in force before any navigation'
          : `in force ${Math.round(seen.at - navigationStart)} ms after navigation start`),
    );
    if (seen.topRules > 0) {
      expect(seen.tabRules).toBe(0);
      return;
    }
    expect(seen.tabRules).toBeGreaterThan(0);
    expect(seen.tabs).toHaveLength(1);
    await page.close();
    // Waits for the worker to hear of the closed tab (tabs.onRemoved), not a fixed time.
    const left = await browser.inExtension(async () => {
      const deadline = Date.now() + 60_000;
      let rules = await chrome.declarativeNetRequest.getSessionRules();
      while (rules.length > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        rules = await chrome.declarativeNetRequest.getSessionRules();
      }
      return rules.length;
    });
    expect(left).toBe(0);
  });
});
