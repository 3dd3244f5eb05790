// Issue #22: a protected site's rules apply only to its own pages. In Firefox its rules reach its tab's frames as
// tab-scoped session rules (src/blocking/tab-rules-sync.ts); when the tab goes on to a site the extension may not see,
// that site's own loads must not meet them, from its first request. harbor-books.com refuses www.google-analytics.com
// (declared essential there, but the knowledge base's analytics tracker); www.example-news.com, uncovered, loads it.
import { describeInBrowsers } from './harness';
import { protectFromPopup } from './harness/protect';

const REFUSED_THERE = 'www.google-analytics.com';

describeInBrowsers("a protected site's rules in its tab", (suite) => {
  // Chromium scopes them by topDomains, which end with the page; the tab rules are Firefox's. The control (no
  // extension) shows the next page loads the host in that tab.
  const title = 'do not reach the next site opened in the same tab, from its first request';
  if (suite.browser !== 'firefox') return test.skip(title, () => undefined);
  suite.scenario(title, {
    testBuild: true,
    run: async (browser, replica) => {
      const first = await browser.visit(replica.declaredSitePage('harbor-books'));
      if (browser.extension) await protectFromPopup(browser, first);
      const protectedVisit = await browser.visit(replica.declaredSitePage('harbor-books'));
      const blockedThere = replica.log.find({ visit: protectedVisit.id, host: REFUSED_THERE }).length;
      const visit = `next-${Date.now()}`;
      await protectedVisit.page.goto(`${replica.uncoveredPage()}?visit=${visit}`);
      const arrived = await replica.log.waitFor({ visit, host: REFUSED_THERE }, 1, 30_000).then(
        (found) => found.length,
        () => 0,
      );
      return { blockedThere, arrived };
    },
    control: ({ blockedThere, arrived }) => expect({ there: blockedThere > 0, next: arrived > 0 }).toEqual({ there: true, next: true }),
    extension: ({ blockedThere, arrived }) => expect({ there: blockedThere, next: arrived > 0 }).toEqual({ there: 0, next: true }),
    timeoutMs: 120_000,
  });
});
