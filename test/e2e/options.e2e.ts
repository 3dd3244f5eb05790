// The options page against the replica, in every browser: a changed default reaches the covered page on its
// next load; an export, a reset and an import of that export bring the same behaviour back; a choice made in the
// popup shows on the open options page, pushed by the worker.
import { mkdirSync } from 'node:fs';
import { loadSites } from '../../src/knowledge/load';
import { describeInBrowsers, type TestPage } from './harness';
import { tabOfVisit } from './harness/tabs';
import { axeViolations, waitForText } from './ui-checks';

const SCREENSHOTS = 'artifacts/screenshots';
const TOGGLED = 'performance-and-analytics';
const site = loadSites()[0]!;
const toggled = site.categories.find((category) => category.id === TOGGLED)!;
/** Refused by default and not the options page's own toggle. */
const POPUP_TOGGLED = site.categories.find((category) => category.refusable && !category.defaultAllowed && category.id !== TOGGLED)!.id;

const defaultRow = `#defaults li.category:has(input[name="${TOGGLED}"])`;

/** Keeps the Blob the page hands to URL.createObjectURL, so the test reads exactly what would be saved. */
async function watchExports(page: TestPage): Promise<void> {
  await page.evaluate(() => {
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      (window as unknown as { exported: Blob }).exported = blob as Blob;
      return original(blob);
    };
  });
}

/** Chooses a file in the page's file input the way the file picker does: a File in input.files, then "change". */
async function chooseFile(page: TestPage, name: string, text: string): Promise<void> {
  await page.evaluate(
    ([fileName, content]) => {
      const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], fileName, { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [name, text] as [string, string],
  );
}

describeInBrowsers('options page', (suite) => {
  beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));

  test('with extension: a default follows on the next load; export, reset and import restore it; a popup choice shows by push', async () => {
    const browser = await suite.launch({ extension: true });
    /** Loads the covered page afresh: do the toggled category's trackers reach the server? */
    const arrives = async (): Promise<boolean> => {
      const { id } = await browser.visit(suite.replica.coveredPage());
      // A loader (tag manager) loads while another category it loads is allowed: its tags are judged.
      const loaders = new Set(site.trackers.filter((tracker) => tracker.loads !== undefined).map((tracker) => tracker.id));
      return suite.replica.log
        .find({ visit: id, role: 'tracker' })
        .some((entry) => entry.category === TOGGLED && !loaders.has(entry.tracker ?? ''));
    };
    expect(toggled.defaultAllowed).toBe(false);
    expect(await arrives()).toBe(false);

    const options = await browser.openExtensionPage('options.html');
    await waitForText(options, `${defaultRow} .switch-label`, new RegExp(toggled.label));
    expect(await axeViolations(options)).toEqual([]);
    await options.screenshot(`${SCREENSHOTS}/options-${suite.browser}.png`);

    await options.click(`${defaultRow} input`);
    await waitForText(options, `${defaultRow} .switch-state`, /^Allowed$/);
    expect(await arrives()).toBe(true);

    await watchExports(options);
    await options.click('#settings-file .actions button');
    await waitForText(options, '#settings-file [role=status]', /Exported/);
    const exported = await options.evaluate(() => (window as unknown as { exported: Blob }).exported.text());
    expect(JSON.parse(exported)).toMatchObject({ defaults: { [TOGGLED]: true } });

    await options.click('#settings-file button.danger');
    await options.screenshot(`${SCREENSHOTS}/options-confirm-reset-${suite.browser}.png`);
    await options.click('#settings-file .confirm button.danger');
    await waitForText(options, '#settings-file [role=status]', /back to their defaults/);
    await waitForText(options, `${defaultRow} .switch-state`, /^Blocked$/);
    expect(await arrives()).toBe(false);

    await chooseFile(options, 'broken.json', '{"version":1,"defaults":{"performance-and-analytics":"yes"}}');
    await waitForText(
      options,
      '#settings-file [role=alert]',
      /broken\.json was not imported, nothing changed: defaults\.performance-and-analytics: ./,
    );
    await options.screenshot(`${SCREENSHOTS}/options-import-error-${suite.browser}.png`);
    expect(await arrives()).toBe(false);

    await chooseFile(options, 'exported.json', exported);
    await waitForText(options, '#settings-file [role=status]', /Imported exported\.json/);
    await waitForText(options, `${defaultRow} .switch-state`, /^Allowed$/);
    expect(await arrives()).toBe(true);

    // The popup, open on a covered tab, allows a category there: the options page shows the new exception, for that
    // registrable domain, under its owner.
    const visit = await browser.visit(suite.replica.coveredPage());
    const popup = await browser.openExtensionPage(`popup.html?tabId=${await tabOfVisit(browser, visit.id)}`);
    await waitForText(popup, 'h1', /^atlassian\.com$/);
    await popup.click(`input[name="${POPUP_TOGGLED}"]`);
    await waitForText(popup, '.status', /applies from the next page load/);
    await waitForText(options, '#exceptions .owner h3', new RegExp(site.name));
    await waitForText(options, '#exceptions .owner .exception h4', /^atlassian\.com$/);
    expect(
      await options.evaluate(
        (name) => document.querySelector<HTMLInputElement>(`#exceptions input[name="${name}"]`)?.checked,
        POPUP_TOGGLED,
      ),
    ).toBe(true);
  });
});
