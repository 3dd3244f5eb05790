// Firefox ESR through Puppeteer over WebDriver BiDi. Host names map to the replica by pref, third-party
// cookies are accepted as in a default profile without Total Cookie Protection, and the extension gets a
// fixed origin so its pages have a known URL.
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { extensionDir, manifestOf } from './extension-dir';
import { toJarCookie } from './jar';
import { testPage, visitPage, type DrivablePage } from './page';
import type { LaunchOptions, TestBrowser, TestPage } from './types';

const executablePath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export async function launchFirefox({
  replica,
  extension,
  headless = true,
  profile,
  darkScheme = false,
}: LaunchOptions): Promise<TestBrowser> {
  // A temporary add-on does not survive a restart, so a kept profile would test nothing.
  if (profile) throw new Error('restarting on a kept profile is only supported in Chromium');
  const dir = extension ? extensionDir('firefox') : null;
  const geckoId = dir ? manifestOf(dir).browser_specific_settings?.gecko?.id : undefined;
  if (dir && !geckoId) throw new Error(`${dir}/manifest.json has no browser_specific_settings.gecko.id`);
  const uuid = randomUUID();
  const userDataDir = mkdtempSync(join(tmpdir(), 'policy-guard-firefox-'));
  cpSync(await warmProfile(), userDataDir, { recursive: true });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless,
    acceptInsecureCerts: true,
    userDataDir,
    extraPrefsFirefox: {
      'network.dns.localDomains': replica.hosts.join(','),
      'network.cookie.cookieBehavior': 0,
      'network.trr.mode': 5,
      'dom.security.https_first': false,
      'dom.security.https_first_schemeless': false,
      'privacy.trackingprotection.enabled': false,
      // Optional permission requests are granted without a prompt (the test build also grants its sites at install).
      'extensions.webextOptionalPermissionPrompts': false,
      // Firefox's pages have no colour-scheme emulation over BiDi: the scheme is the system's, which these prefs set.
      ...(darkScheme ? { 'ui.systemUsesDarkTheme': 1, 'layout.css.prefers-color-scheme.content-override': 0 } : {}),
      ...(geckoId ? { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }) } : {}),
    },
  });
  if (dir) await browser.installExtension(dir);
  const baseUrl = dir ? `moz-extension://${uuid}/` : null;
  const newPage = async () => testPage((await browser.newPage()) as unknown as DrivablePage);

  const openExtensionPage = async (path: string): Promise<TestPage> => {
    if (!baseUrl) throw new Error('this is a control run: the browser was launched without the extension');
    const page = testPage((await browser.newPage()) as unknown as DrivablePage);
    await page.goto(replica.blankPage());
    // BiDi refuses to navigate to moz-extension:// itself, and reports no navigation there: the test build
    // lets a web page go there, and the new document says when it is ready.
    const target = `${baseUrl}${path}`;
    await page.evaluate((url: string) => void (location.href = url), target);
    while (!(await page.evaluate(isReady, target).catch(() => false))) await new Promise((resolve) => setTimeout(resolve, 50));
    return { ...page, url: () => target };
  };
  let extensionPage: Promise<TestPage> | null = null;

  const testBrowser: TestBrowser = {
    name: 'firefox',
    extension: baseUrl ? { id: geckoId!, baseUrl } : null,
    newPage,
    visit: async (url) => visitPage('firefox', replica, await newPage(), url),
    cookies: async () => (await browser.cookies()).map(toJarCookie),
    openExtensionPage,
    inExtension: async (fn, arg) => {
      extensionPage ??= openExtensionPage('options.html');
      return (await extensionPage).evaluate(fn, arg);
    },
    workerHeapBytes: async () => {
      throw new Error('reading the background heap is only supported in Chromium');
    },
    stopWorker: async () => {
      throw new Error('stopping the background on demand is only supported in Chromium');
    },
    closed: new Promise((resolve) => browser.once('disconnected', () => resolve())),
    close: async () => {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return testBrowser;
}

/**
 * A profile Firefox has started in once, which each launch copies: a new profile's first start costs about 2 s more
 * (measured here: 5.2 s → 3.0 s a launch). Made once per Firefox build and kept in the temporary directory; two test
 * workers making it at once keep whichever lands first. The prefs of each launch are written over it (user.js).
 */
async function warmProfile(): Promise<string> {
  const template = join(tmpdir(), `policy-guard-firefox-profile-${Math.round(statSync(executablePath).mtimeMs)}`);
  if (existsSync(template)) return template;
  const staging = mkdtempSync(join(tmpdir(), 'policy-guard-firefox-staging-'));
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true, userDataDir: staging });
  await browser.newPage();
  await browser.close();
  try {
    renameSync(staging, template);
  } catch {
    // Another worker's copy landed first.
    rmSync(staging, { recursive: true, force: true });
  }
  return template;
}

function isReady(url: string): boolean {
  return location.href === url && document.readyState === 'complete';
}
