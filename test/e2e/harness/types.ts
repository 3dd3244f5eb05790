// The small interface every e2e scenario drives, the same for Chromium (Playwright) and Firefox (Puppeteer).
import type { Replica } from '../replica/server';
import type { LoadOutcome } from '../replica/visits';

export type BrowserName = 'chromium' | 'firefox';

export interface LaunchOptions {
  replica: Replica;
  /** Install the built extension; false is the control run. */
  extension: boolean;
  /** Show the window (npm start with a display); tests always run headless. */
  headless?: boolean;
  /**
   * Chromium: a profile folder to start from and keep, so a test can restart the browser on the same profile.
   * By default each launch gets a fresh profile, removed on close.
   */
  profile?: string;
  /** Chromium: load dist/test-chrome (the shipped build plus test-only pages) instead of dist/chrome. */
  testBuild?: boolean;
  /** Firefox: start with a dark colour scheme (Chromium's pages emulate one with TestPage.colorScheme). */
  darkScheme?: boolean;
  /** Chromium: load the unpacked extension in this folder instead of a build under dist/ (an update test swaps its files). */
  extensionDir?: string;
}

export interface JarCookie {
  name: string;
  value: string;
  /** As the browser stores it: ".atlassian.com" for domain cookies, "www.atlassian.com" for host-only ones. */
  domain: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string;
  partitioned: boolean;
}

export interface TestPage {
  url(): string;
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page; it must be self-contained (it is serialised), `arg` is passed as JSON. */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  waitForSelector(selector: string): Promise<void>;
  click(selector: string): Promise<void>;
  /** Presses a key as a person would (e.g. "Tab", " "), on whatever has focus. */
  press(key: string): Promise<void>;
  /** Chromium: renders the page as under the operating system's light or dark theme (prefers-color-scheme). */
  colorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /** The text of the first element matching `selector`, or null when there is none. */
  text(selector: string): Promise<string | null>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface Visit {
  /** Tags every request the page caused, so `replica.log.find({ visit: id })` is this visit only. */
  id: string;
  page: TestPage;
  /** How each resource ended as the page saw it (loaded, failed, ...). */
  outcomes: LoadOutcome[];
}

export interface TestBrowser {
  name: BrowserName;
  /** Null on a control run. `baseUrl` is chrome-extension://<id>/ or moz-extension://<uuid>/. */
  extension: { id: string; baseUrl: string } | null;
  newPage(): Promise<TestPage>;
  /** Opens `url` (a replica page) in a new tab and waits until the page reports every resource settled. */
  visit(url: string): Promise<Visit>;
  /** Every cookie in the browser's jar, first- and third-party. */
  cookies(): Promise<JarCookie[]>;
  /** Opens popup.html, options.html (with an optional query) as a tab. */
  openExtensionPage(path: string): Promise<TestPage>;
  /**
   * Runs `fn` with the extension's privileges: in Chromium inside the service worker, in Firefox inside an
   * extension page. Use the `chrome.*` namespace (promise-based in both); `fn` is serialised.
   */
  inExtension<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** Chromium: the JS heap the extension's service worker uses, in bytes. */
  workerHeapBytes(): Promise<number>;
  /** Stops the extension's background (Chromium) and resolves once it is gone; its DNR rules stay in force. */
  stopWorker(): Promise<void>;
  /** Resolves when the browser goes away, closed by the harness or by a person (npm start). */
  closed: Promise<void>;
  close(): Promise<void>;
}
