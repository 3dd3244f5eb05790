// The figures only a real browser gives: page-load cost with and without the extension, choice change to rules
// in force, popup time to first render with data next to an empty extension page, and the worker's JS heap.
// Headless Chromium, local replica.
import { launchBrowser, type TestBrowser, type TestPage } from '../../test/e2e/harness';
import type { Replica } from '../../test/e2e/replica/server';
import { percentile } from './percentile';

// The extension APIs as the pages and the worker see them; only the calls made here.
declare const chrome: {
  declarativeNetRequest: { getDynamicRules(): Promise<unknown[]> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(query: { url: string }): Promise<Array<{ id?: number }>> };
};

interface Percentiles {
  p50: number;
  p95: number;
}

export interface PageLoadRow {
  page: 'covered' | 'non-covered';
  withoutMs: number;
  withMs: number;
  ratio: number;
}

function percentiles(values: number[]): Percentiles {
  return { p50: percentile(values, 50), p95: percentile(values, 95) };
}

async function loadTime(browser: TestBrowser, url: string): Promise<number> {
  const visit = await browser.visit(url);
  const ms = await visit.page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return navigation ? navigation.loadEventEnd - navigation.startTime : Number.NaN;
  });
  await visit.page.close();
  return ms;
}

/** A fresh profile per mode; runs alternate between the two so drift in the machine hits both alike. */
export async function benchPageLoad(replica: Replica, runs: number): Promise<PageLoadRow[]> {
  const without = await launchBrowser('chromium', { replica, extension: false });
  const withExtension = await launchBrowser('chromium', { replica, extension: true });
  try {
    const rows: PageLoadRow[] = [];
    for (const [page, url] of [
      ['covered', replica.coveredPage()],
      ['non-covered', replica.uncoveredPage()],
    ] as const) {
      await loadTime(without, url);
      await loadTime(withExtension, url);
      const times = { without: [] as number[], with: [] as number[] };
      for (let run = 0; run < runs; run++) {
        times.without.push(await loadTime(without, url));
        times.with.push(await loadTime(withExtension, url));
      }
      const withoutMs = percentile(times.without, 50);
      const withMs = percentile(times.with, 50);
      rows.push({ page, withoutMs, withMs, ratio: withMs / withoutMs });
    }
    return rows;
  } finally {
    await without.close();
    await withExtension.close();
  }
}

export interface ExtensionFigures {
  choiceToRules: Percentiles;
  popupFirstRender: FirstRender;
  workerHeap: { afterStartMB: number; afterScenarioMB: number };
}

const workerHeapMB = async (browser: TestBrowser): Promise<number> => (await browser.workerHeapBytes()) / 2 ** 20;

/**
 * From an extension page: flip a default choice through the message protocol and poll the dynamic rules until
 * the browser returns a different set, i.e. the change is in force.
 */
async function choiceToRules(browser: TestBrowser, changes: number): Promise<Percentiles> {
  const page = await browser.openExtensionPage('options.html');
  const samples: number[] = [];
  for (let n = 0; n < changes; n++) {
    samples.push(
      // No named inner functions: tsx would wrap them in a helper the page does not have.
      await page.evaluate(
        async (allowed: boolean) => {
          const before = JSON.stringify(await chrome.declarativeNetRequest.getDynamicRules());
          const start = performance.now();
          // What is measured is the moment the new rules can be read back; the reply means as much (it does not wait
          // for the cookie sweep), so the next change is not sent before it.
          const reply = chrome.runtime.sendMessage({
            type: 'set-default-choice',
            payload: { categoryId: 'targeting-or-advertising', allowed },
          });
          while (JSON.stringify(await chrome.declarativeNetRequest.getDynamicRules()) === before) {
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
          const inForce = performance.now() - start;
          await reply;
          return inForce;
        },
        n % 2 === 0,
      ),
    );
  }
  await page.close();
  return percentiles(samples);
}

interface FirstRender {
  /** popup.html: from navigation start to the page's own mark for its first render with the site's data. */
  fromNavigation: Percentiles;
  /** The popup's own share, from its script's start (what comes before is the browser setting up an extension page). */
  fromScript: Percentiles;
  /** empty.html (test builds only), opened the same way: from navigation start to its load event's end. */
  emptyPage: Percentiles;
}

/** The popup's marks, read once the page has set them. */
async function popupMarks(page: TestPage): Promise<{ rendered: number; start: number }> {
  await page.waitForSelector('[role="switch"], input[type="checkbox"]');
  return page.evaluate(async () => {
    for (;;) {
      const [rendered] = performance.getEntriesByName('popup-rendered');
      const [start] = performance.getEntriesByName('popup-start');
      if (rendered && start) return { rendered: rendered.startTime, start: start.startTime };
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  });
}

/** An extension page with nothing to do is done when its load event ends. */
async function emptyPageLoaded(page: TestPage): Promise<number> {
  return page.evaluate(async () => {
    for (;;) {
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      if (navigation && navigation.loadEventEnd > 0) return navigation.loadEventEnd;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  });
}

/**
 * The popup's time to first render with data, next to the blank empty.html opened the same way (same query, same
 * browser, alternating) so the ratio says what the popup adds to the cost of any extension page.
 */
async function firstRender(browser: TestBrowser, tabId: number, opens: number): Promise<FirstRender> {
  const samples: number[] = [];
  const ownShare: number[] = [];
  const empty: number[] = [];
  for (let n = 0; n < opens; n++) {
    const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    const marks = await popupMarks(popup);
    samples.push(marks.rendered);
    ownShare.push(marks.rendered - marks.start);
    await popup.close();
    const blank = await browser.openExtensionPage(`empty.html?tabId=${tabId}`);
    empty.push(await emptyPageLoaded(blank));
    await blank.close();
  }
  return { fromNavigation: percentiles(samples), fromScript: percentiles(ownShare), emptyPage: percentiles(empty) };
}

export async function benchExtension(replica: Replica, repeats: number): Promise<ExtensionFigures> {
  // The test build: the shipped one plus empty.html, the popup's baseline.
  const browser = await launchBrowser('chromium', { replica, extension: true, testBuild: true });
  try {
    const afterStartMB = await workerHeapMB(browser);
    const visit = await browser.visit(replica.coveredPage());
    const tabId = await browser.inExtension(async () => (await chrome.tabs.query({ url: '*://*.atlassian.com/*' }))[0]?.id ?? -1);
    const afterScenarioMB = await workerHeapMB(browser);
    const popup = await firstRender(browser, tabId, repeats);
    await visit.page.close();
    return { choiceToRules: await choiceToRules(browser, repeats), popupFirstRender: popup, workerHeap: { afterStartMB, afterScenarioMB } };
  } finally {
    await browser.close();
  }
}
