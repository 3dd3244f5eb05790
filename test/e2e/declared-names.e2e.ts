// A page's names shown as plain text: the forged harbor-books page (replica/declared-sites.ts) names a category with a
// right-to-left override, an isolate and a zero-width space around its words; the popup shows the words without them,
// so the site cannot reorder or hide what the popup says after its name.
import { describeInBrowsers } from './harness';
import { tabOfVisit } from './harness/tabs';
import { waitForText } from './ui-checks';

/** Format characters (Unicode Cf): bidirectional controls, zero-width characters, the byte-order mark. */
const INVISIBLE = /\p{Cf}/u;

describeInBrowsers("a declared category's name in the popup", (suite) => {
  test('with extension: shown without the invisible characters that would reorder or hide its words', async () => {
    const browser = await suite.launch({ extension: true, testBuild: true });
    const visit = await browser.visit(suite.replica.declaredSitePage('harbor-books', 'forged'));
    const popup = await browser.openExtensionPage(`popup.html?tabId=${await tabOfVisit(browser, visit.id)}`);
    await waitForText(popup, '#declaration', /consent manager \(OneTrust\) declares \d+ categories/);
    const text = (await popup.text('main')) ?? '';
    expect(text).toMatch(/Site statistics/);
    expect(text).not.toMatch(INVISIBLE);
  }, 120_000);
});
