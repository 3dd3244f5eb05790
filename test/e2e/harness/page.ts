// Playwright's and Puppeteer's pages share the calls the harness needs; one adapter serves both.
import { randomBytes } from 'node:crypto';
import type { Replica } from '../replica/server';
import type { BrowserName, TestPage, Visit } from './types';

/** The common shape of a Playwright and a Puppeteer page, as far as the harness uses it. */
export interface DrivablePage {
  url(): string;
  goto(url: string): Promise<unknown>;
  evaluate(fn: (arg: never) => unknown, arg?: unknown): Promise<unknown>;
  waitForSelector(selector: string): Promise<unknown>;
  click(selector: string): Promise<void>;
  keyboard: { press(key: string): Promise<void> };
  /** Playwright only; Puppeteer's BiDi pages have no colour-scheme emulation. */
  emulateMedia?(options: { colorScheme: 'light' | 'dark' }): Promise<void>;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  close(): Promise<void>;
  setDefaultTimeout(timeoutMs: number): void;
}

/** Navigations and waits on a busy 2-core machine can take far longer than the libraries' 30 s defaults. */
const PAGE_TIMEOUT_MS = 120_000;

export function testPage(page: DrivablePage): TestPage {
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  return {
    url: () => page.url(),
    goto: async (url) => {
      await page.goto(url);
    },
    evaluate: async <T, A>(fn: (arg: A) => T | Promise<T>, arg?: A) => (await page.evaluate(fn, arg)) as T,
    waitForSelector: async (selector) => {
      await page.waitForSelector(selector);
    },
    click: (selector) => page.click(selector),
    press: (key) => page.keyboard.press(key),
    colorScheme: async (scheme) => {
      if (!page.emulateMedia) throw new Error('colour-scheme emulation is only supported in Chromium');
      await page.emulateMedia({ colorScheme: scheme });
    },
    text: async (selector) =>
      (await page.evaluate((css: string) => document.querySelector(css)?.textContent ?? null, selector)) as string | null,
    screenshot: async (path) => {
      await page.screenshot({ path, fullPage: true });
    },
    close: () => page.close(),
  };
}

/** Opens a replica page tagged with a fresh visit id and waits for the page's own "all settled" report. */
export async function visitPage(browser: BrowserName, replica: Replica, page: TestPage, url: string): Promise<Visit> {
  const id = `${browser}-${randomBytes(4).toString('hex')}`;
  const tagged = new URL(url);
  tagged.searchParams.set('visit', id);
  const [, outcomes] = await Promise.all([page.goto(tagged.href), replica.visitDone(id)]);
  return { id, page, outcomes };
}
