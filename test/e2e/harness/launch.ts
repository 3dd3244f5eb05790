// One entry point for both browsers, and the browser selection shared by the scenario helper and npm start.
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, LaunchOptions, TestBrowser } from './types';

const LAUNCHERS: Record<BrowserName, (options: LaunchOptions) => Promise<TestBrowser>> = {
  chromium: launchChromium,
  firefox: launchFirefox,
};

export const BROWSER_NAMES = Object.keys(LAUNCHERS) as BrowserName[];

export function launchBrowser(name: BrowserName, options: LaunchOptions): Promise<TestBrowser> {
  return LAUNCHERS[name](options);
}

/** The browsers named in E2E_BROWSERS (comma-separated), or all of them. */
export function selectedBrowsers(value = process.env.E2E_BROWSERS): BrowserName[] {
  if (!value) return BROWSER_NAMES;
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !BROWSER_NAMES.includes(name as BrowserName));
  if (unknown.length > 0) throw new Error(`E2E_BROWSERS: unknown browser(s) ${unknown.join(', ')}; use ${BROWSER_NAMES.join(', ')}`);
  return names as BrowserName[];
}
