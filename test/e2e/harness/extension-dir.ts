// Which build each browser loads. Firefox takes the test build, whose pages a web page may navigate to
// (WebDriver BiDi refuses moz-extension:// navigation); Chromium takes the shipped build as is, unless asked
// for its test build (the bench opens the test-only empty.html).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserName } from './types';

const dist = resolve(__dirname, '../../../dist');
const BUILDS: Record<BrowserName, string> = { chromium: 'chrome', firefox: 'test-firefox' };
const TEST_BUILDS: Record<BrowserName, string> = { chromium: 'test-chrome', firefox: 'test-firefox' };

export function extensionDir(browser: BrowserName, { testBuild = false } = {}): string {
  const dir = join(dist, (testBuild ? TEST_BUILDS : BUILDS)[browser]);
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`${dir} is missing: run \`npm run build -- --test\` before the end-to-end tests`);
  }
  return dir;
}

export function manifestOf(dir: string): { browser_specific_settings?: { gecko?: { id?: string } } } {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
}
