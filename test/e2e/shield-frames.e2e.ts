// Issue #22: a protected site's refusals (its refused categories and cookie names: the person's choices there) must
// reach only that site's own frames. The page and a www.youtube.com frame it embeds (a host the extension may reach)
// both replace String.prototype.endsWith/startsWith and trap the cookie shield's global (replica/hostile-frame.ts). The
// top page, the site's own, must get the shield's data (the control that the trap catches it); the frame must get
// nothing, whatever its builtins say.
import { describeInBrowsers, type TestPage } from './harness';
import { protectFromPopup } from './harness/protect';
import { HOSTILE_PATH, HOSTILE_REPORT_PREFIX } from './replica/hostile-frame';

const DEADLINE_MS = 30_000;
const EMBEDDED = 'www.youtube.com';

/** Waits until `check` in the page holds, or throws at the deadline. */
async function until(page: TestPage, check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  while (!(await page.evaluate(check))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describeInBrowsers("the protected site's shield data", (suite) => {
  test("with extension: reaches the site's own frame, never a third party's frame with forged builtins", async () => {
    const browser = await suite.launch({ extension: true, testBuild: true });
    const { replica } = suite;
    await protectFromPopup(browser, await browser.visit(replica.declaredSitePage('harbor-books')));

    const visit = `hostile-${Date.now()}`;
    const page = await browser.newPage();
    await page.goto(replica.url('www.harbor-books.com', `${HOSTILE_PATH}?visit=${visit}&embed=${EMBEDDED}`));
    // The shield ran in the top frame: it read its data and deleted the global.
    await until(
      page,
      () =>
        (Reflect.get(window, '__hostileGot') as unknown[]).length > 0 &&
        !Object.prototype.hasOwnProperty.call(window, '__policyGuardRefused'),
      'the shield in the top frame',
    );
    const top = await page.evaluate(() => JSON.stringify(Reflect.get(window, '__hostileGot')));
    expect(top).toMatch(/"_sb_id"/);

    await page.evaluate(() => document.querySelector('iframe')!.contentWindow!.postMessage('report', '*'));
    const reports = () => replica.log.find({ visit, host: EMBEDDED }).filter(({ path }) => path.startsWith(HOSTILE_REPORT_PREFIX));
    const deadline = Date.now() + DEADLINE_MS;
    while (reports().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    const received = reports().map(({ path }) => decodeURIComponent(path.slice(HOSTILE_REPORT_PREFIX.length)));
    expect(received).toEqual(['[]']);
  }, 120_000);
});
