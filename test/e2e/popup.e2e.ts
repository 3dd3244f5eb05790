// The popup against the replica: a covered tab shows its site, documents and one switch per notice category;
// a category switched on there reaches the server on that site's next load (and nothing else changes); an open
// popup's counts grow as the worker pushes them; an uncovered tab says so. Screenshots of each state go to
// artifacts/screenshots/.
import { mkdirSync } from 'node:fs';
import type Browser from 'webextension-polyfill';
import type { Category } from '../../src/knowledge/schema';
import type { Reply } from '../../src/messaging/protocol';
import { loadSites } from '../../src/knowledge/load';
import { describeInBrowsers, type BrowserSuite, type TestBrowser, type TestPage } from './harness';
import { tabOfVisit } from './harness/tabs';
import { concreteHost } from './replica/hosts';
import { axeViolations, waitForCount, waitForText } from './ui-checks';

declare const chrome: Browser.Browser;

const SCREENSHOTS = 'artifacts/screenshots';
const TOGGLED = 'performance-and-analytics';
const site = loadSites()[0]!;

/** The categories whose trackers may reach the server when `allowed` says which refusable ones are allowed. */
function arrivingCategories(allowed: (category: Category) => boolean): string[] {
  const open = new Set(site.categories.filter((category) => !category.refusable || allowed(category)).map((c) => c.id));
  // A loader (tag manager) is logged without a category; a tracker may be a host or a host's paths.
  const arrives = (t: (typeof site.trackers)[number]) =>
    (t.hosts.length > 0 || (t.paths ?? []).length > 0) && !t.loads && open.has(t.category);
  return [...new Set(site.trackers.filter(arrives).map((t) => t.category))].sort();
}

const categoryRow = (id: string) => `li.category:has(input[name="${id}"])`;

// The popup's width (popup.css) and the height it must show its controls within, in CSS pixels.
const POPUP_WIDTH = 380;
const FIRST_SCREEN = 600;

/** How far from the top of the popup each of its controls ends, in CSS pixels, and the popup's width. */
async function firstScreen(popup: TestPage) {
  return popup.evaluate(() => {
    const bottom = (element: Element | null) => (element === null ? Infinity : Math.ceil(element.getBoundingClientRect().bottom + scrollY));
    const rows = [...document.querySelectorAll('li.category')];
    return {
      width: Math.round(document.body.getBoundingClientRect().width),
      bottoms: {
        site: bottom(document.querySelector('#owner-note')),
        ...Object.fromEntries(
          rows.map((row) => [
            row.querySelector('input')?.name ?? '?',
            Math.max(bottom(row.querySelector('input')), bottom(row.querySelector('.counts'))),
          ]),
        ),
        pause: bottom(document.querySelector('#pause')),
        cmp: bottom(document.querySelector('.cmp .note')),
      },
    };
  });
}

async function switchStates(popup: TestPage) {
  return popup.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('input[role=switch]')].map((input) => ({
      id: input.name,
      label: input.closest('label')?.querySelector('.switch-label')?.textContent ?? '',
      checked: input.checked,
      disabled: input.disabled,
    })),
  );
}

describeInBrowsers('popup', (suite) => {
  beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));

  test('with extension: a covered tab shows its site and switches; a category switched on arrives on its next load', async () => {
    const browser = await suite.launch({ extension: true });
    const { log } = suite.replica;
    const first = await browser.visit(suite.replica.coveredPage());
    expect(log.categoriesSeen({ visit: first.id })).toEqual(arrivingCategories((c) => c.defaultAllowed));

    const tabId = await tabOfVisit(browser, first.id);
    const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    await waitForText(popup, 'h1', /^atlassian\.com$/);
    expect(await popup.text('#owner-note')).toBe(`Covered by ${site.name}'s privacy policy and cookie notice`);
    expect(await switchStates(popup)).toEqual(
      site.categories.map((c) => ({ id: c.id, label: c.label, checked: !c.refusable || c.defaultAllowed, disabled: !c.refusable })),
    );
    expect(await popup.text('#categories-heading')).toBe('Cookie categories on atlassian.com');
    await waitForText(popup, `${categoryRow(TOGGLED)} .counts`, /^[1-9]\d* requests? blocked/);
    await waitForText(popup, '.cmp .note', /^Checked on this page/);
    // The control surface is the first screen: the site, every switch with its count, pause and the CMP's status.
    const screen = await firstScreen(popup);
    expect(screen.width).toBe(POPUP_WIDTH);
    expect(Object.keys(screen.bottoms)).toEqual(['site', ...site.categories.map((c) => c.id), 'pause', 'cmp']);
    expect(Object.entries(screen.bottoms).filter(([, bottom]) => !(bottom <= FIRST_SCREEN))).toEqual([]);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot(`${SCREENSHOTS}/popup-covered-${suite.browser}.png`);
    // What was stopped in a category, and why, one click below its switch.
    await popup.click(`${categoryRow(TOGGLED)} summary`);
    await popup.screenshot(`${SCREENSHOTS}/popup-why-${suite.browser}.png`);
    await popup.click(`${categoryRow(TOGGLED)} summary`);

    await popup.click(`input[name="${TOGGLED}"]`);
    await waitForText(popup, '.status', /applies from the next page load/);
    await popup.screenshot(`${SCREENSHOTS}/popup-toggled-${suite.browser}.png`);
    const reloadedAt = Date.now();
    await popup.click('.status button');
    // The page reports /__done once per load: the second report ends the reloaded page.
    await log.waitFor({ visit: first.id, path: '/__done' }, 2, 60_000);
    const afterReload = log.find({ visit: first.id, role: 'tracker' }).filter((entry) => entry.time >= reloadedAt);
    expect([...new Set(afterReload.flatMap((entry) => entry.category ?? []))].sort()).toEqual(
      arrivingCategories((c) => c.defaultAllowed || c.id === TOGGLED),
    );
    // The open popup follows the reloaded tab's counts, pushed by the worker.
    await waitForText(popup, `${categoryRow(TOGGLED)} .counts`, /^Nothing stopped/);

    // The choice is this registrable domain's own; the defaults, and the owner's other domains, stay as they were.
    const reply = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'get-settings', payload: {} }));
    const { settings } = (reply as Reply<'get-settings'> & { ok: true }).value;
    expect(settings.defaults[TOGGLED]).toBeUndefined();
    expect(settings.sites).toEqual({ 'atlassian.com': { choices: { [TOGGLED]: true }, paused: false } });
  });

  test("with extension: on bitbucket.org the popup names that registrable domain and its owner's policy", async () => {
    const browser = await suite.launch({ extension: true });
    const visit = await browser.visit(suite.replica.url('bitbucket.org', '/'));
    const popup = await browser.openExtensionPage(`popup.html?tabId=${await tabOfVisit(browser, visit.id)}`);
    await waitForText(popup, 'h1', /^bitbucket\.org$/);
    expect(await popup.text('#owner-note')).toBe(`Covered by ${site.name}'s privacy policy and cookie notice`);
    expect(await popup.text('#categories-heading')).toBe('Cookie categories on bitbucket.org');
    expect(await popup.text('#apply-to-owner')).toBe(`Apply these choices to all of ${site.name}'s sites`);
    expect(await popup.text('#apply-to-owner-note')).toMatch(
      /^Your choices here hold on bitbucket\.org only, until you apply them to atlassian\.com, /,
    );
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot(`${SCREENSHOTS}/popup-bitbucket-${suite.browser}.png`);
  });

  test("with extension: an open popup's counts grow as the worker stops trackers on its tab, by push", async () => {
    const browser = await suite.launch({ extension: true });
    const visit = await browser.visit(suite.replica.coveredPage());
    const popup = await browser.openExtensionPage(`popup.html?tabId=${await tabOfVisit(browser, visit.id)}`);
    const counts = `${categoryRow(TOGGLED)} .counts`;
    await waitForText(popup, counts, /^[1-9]\d* requests? blocked/);
    const before = await waitForCount(popup, counts, 1);

    // The page asks for a refused tracker twice more while the popup stays open: the worker blocks and counts both.
    const tracker = site.trackers.find((candidate) => candidate.category === TOGGLED && candidate.hosts.length > 0 && !candidate.loads)!;
    const host = concreteHost(tracker.hosts[0]!);
    for (const probe of ['first', 'second']) {
      const url = suite.replica.url(host, `/pixel.gif?kind=image&probe=${probe}&visit=${visit.id}`);
      await visit.page.evaluate((src: string) => document.body.append(Object.assign(new Image(), { src })), url);
    }
    expect(await waitForCount(popup, counts, before + 2)).toBeGreaterThanOrEqual(before + 2);
    // A loader (tag manager) of the category loads while another category it loads is allowed: its tags are judged.
    const loaders = new Set(site.trackers.filter((candidate) => candidate.loads !== undefined).map((candidate) => candidate.id));
    const arrived = suite.replica.log.find({ visit: visit.id, role: 'tracker' }).filter((entry) => !loaders.has(entry.tracker ?? ''));
    expect(arrived.filter((entry) => entry.category === TOGGLED)).toEqual([]);
  });

  test('with extension: an uncovered tab says so plainly and points to the options page', async () => {
    const browser = await suite.launch({ extension: true });
    // Firefox runs extension code in a page of its own: open it before the visit so the visit is the newest tab.
    await browser.inExtension(() => chrome.runtime.id);
    await browser.visit(suite.replica.uncoveredPage());
    const tabId = await browser.inExtension(async () => Math.max(...(await chrome.tabs.query({})).map((tab) => tab.id ?? -1)));
    const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    await waitForText(popup, 'h1', /This site is not covered/);
    expect(await popup.text('footer button')).toMatch(/covered sites/);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot(`${SCREENSHOTS}/popup-not-covered-${suite.browser}.png`);
  });

  test('with extension: keyboard alone reaches and flips a switch, with a visible focus ring; dark theme passes axe too', async () => {
    const browser = await suite.launch({ extension: true });
    const visit = await browser.visit(suite.replica.coveredPage());
    const popup = await browser.openExtensionPage(`popup.html?tabId=${await tabOfVisit(browser, visit.id)}`);
    await waitForText(popup, 'h1', /^atlassian\.com$/);

    const focused = () =>
      popup.evaluate(() => {
        const element = document.activeElement as HTMLInputElement | null;
        return {
          name: element?.name ?? '',
          checked: element?.checked ?? false,
          outline: element ? getComputedStyle(element).outlineStyle : 'none',
        };
      });
    for (let presses = 0; presses < 60 && (await focused()).name !== TOGGLED; presses++) await popup.press('Tab');
    const before = await focused();
    expect(before).toEqual({ name: TOGGLED, checked: false, outline: 'solid' });
    await popup.press(' ');
    expect((await focused()).checked).toBe(true);
    await waitForText(popup, '.status', /applies from the next page load/);

    if (suite.browser === 'chromium') {
      await popup.colorScheme('dark');
      const background = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await popup.colorScheme('light');
      expect(await popup.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(background);
      await popup.colorScheme('dark');
      expect(await axeViolations(popup)).toEqual([]);
      await popup.screenshot(`${SCREENSHOTS}/popup-dark-${suite.browser}.png`);
    }
  });
});

describeInBrowsers('popup, every disclosure open', (suite) => {
  test('with extension: each request stopped on the tab says which tracker and category, and why; axe passes in light and dark', async () => {
    const light = await suite.launch({ extension: true });
    const popup = await openedPopup(light, suite);
    // Each thing stopped, with the line of the tracker it is listed under.
    const items = await popup.evaluate(
      (css: string) =>
        [...document.querySelectorAll(`${css} .stopped li.thing`)].map((item) => ({
          thing: item.textContent ?? '',
          why: item.closest('li.tracker')?.textContent ?? '',
        })),
      categoryRow(TOGGLED),
    );
    const trackers = site.trackers.filter((tracker) => tracker.category === TOGGLED);
    const requests = items.filter(({ thing }) => /^\S+ \(\d+ requests?\)$/.test(thing));
    expect(requests.length).toBeGreaterThan(0);
    for (const { thing, why } of requests) {
      const host = thing.split(' ')[0]!;
      const tracker = trackers.find((candidate) => candidate.hosts.some((listed) => host === listed || host.endsWith(`.${listed}`)));
      expect({ thing, tracker: tracker?.name }).toEqual({ thing, tracker: expect.any(String) });
      expect(why).toContain(`${tracker!.name}, in ${site.categories.find((c) => c.id === TOGGLED)!.label}: ${tracker!.reason}`);
    }
    expect(await axeViolations(popup)).toEqual([]);

    // Dark: Chromium emulates it on the page; Firefox takes it from the system's scheme at launch.
    let dark = popup;
    if (suite.browser === 'chromium') await popup.colorScheme('dark');
    else dark = await openedPopup(await suite.launch({ extension: true, darkScheme: true }), suite);
    expect(await dark.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(27, 27, 31)');
    expect(await axeViolations(dark)).toEqual([]);
  });
});

/** The popup of a covered tab once a refused category's counts are in, with every disclosure in it open. */
async function openedPopup(browser: TestBrowser, suite: BrowserSuite): Promise<TestPage> {
  const visit = await browser.visit(suite.replica.coveredPage());
  const popup = await browser.openExtensionPage(`popup.html?tabId=${await tabOfVisit(browser, visit.id)}`);
  await waitForText(popup, `${categoryRow(TOGGLED)} .stopped`, /requests?\)/);
  // The site's words render once the controls are on screen.
  await waitForText(popup, '#documents-heading', /documents/);
  // Quotes render when their disclosure first opens; the sentences as stored are disclosures within them.
  const openAll = () => popup.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
  await openAll();
  await popup.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const rendered = () => [...document.querySelectorAll('details.quote')].every((details) => details.querySelector('figure'));
        if (rendered()) return resolve();
        const observer = new MutationObserver(() => {
          if (!rendered()) return;
          observer.disconnect();
          resolve();
        });
        observer.observe(document.body, { subtree: true, childList: true });
      }),
  );
  await openAll();
  return popup;
}
