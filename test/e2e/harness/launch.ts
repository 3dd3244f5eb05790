// One entry point for both browsers, and the browser selection shared by the scenario helper and npm start.
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import { untilRulesApplied } from './ready';
import type { BrowserName, LaunchOptions, TestBrowser } from './types';

const LAUNCHERS: Record<BrowserName, (options: LaunchOptions) => Promise<TestBrowser>> = {
  chromium: launchChromium,
  firefox: launchFirefox,
};

export const BROWSER_NAMES = Object.keys(LAUNCHERS) as BrowserName[];

/** A fresh browser and profile; with the extension, once the extension's default rules are in force. */
export async function launchBrowser(name: BrowserName, options: LaunchOptions): Promise<TestBrowser> {
  const browser = await LAUNCHERS[name](options);
  if (options.extension) await untilRulesApplied(browser, options.replica.sites);
  return browser;
}

/** The browsers named in E2E_BROWSERS (comma-separated), or all of them. */
export function selectedBrowsers(value = process.env.E2E_BROWSERS): BrowserName[] {
  if (!value) return BROWSER_NAMES;
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !BROWSER_NAMES.includes(name as BrowserName));
  if (unknown.length > 0) throw new Error(`E2E_BROWSERS: unknown browser(s) ${unknown.join(', ')}; use ${BROWSER_NAMES.join(', ')}`);
  return names as BrowserName[];
}
