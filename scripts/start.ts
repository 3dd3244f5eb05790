// `npm start` (Chromium) or `npm start -- --firefox`: builds, starts the replica of the covered site and opens
// a real browser with the extension on its page. Without a display (or in CI, or with --headless) it makes the
// same visit headless, without and with the extension, prints what changed per category, and saves
// screenshots of the popup and the options page.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser, startReplica, type BrowserName, type Replica } from '../test/e2e/harness';
import { compareRuns, formatReport, observeVisit } from '../test/e2e/harness/report';
import { tabOfVisit } from '../test/e2e/harness/tabs';

const root = resolve(__dirname, '..');
const artifacts = join(root, 'artifacts/demo');

async function interactive(browserName: BrowserName, replica: Replica): Promise<void> {
  const browser = await launchBrowser(browserName, { replica, extension: true, headless: false });
  await browser.visit(replica.coveredPage());
  console.log(`Policy Guard is running in ${browserName} on ${replica.coveredPage()} (a local replica of the real site).`);
  console.log(`A site it does not cover: ${replica.uncoveredPage()}`);
  console.log('Close the browser or press Ctrl+C to stop.');
  await Promise.race([browser.closed, new Promise((done) => process.once('SIGINT', done))]);
  await browser.close().catch(() => undefined);
}

async function headless(browserName: BrowserName, replica: Replica): Promise<void> {
  const site = replica.sites[0]!;
  const page = replica.coveredPage();
  const control = await launchBrowser(browserName, { replica, extension: false });
  const without = await observeVisit(control, replica, page);
  await control.close();

  const browser = await launchBrowser(browserName, { replica, extension: true });
  const withExtension = await observeVisit(browser, replica, page);
  const visit = await browser.visit(page);
  mkdirSync(artifacts, { recursive: true });
  const popup = await browser.openExtensionPage(`popup.html?tabId=${await tabOfVisit(browser, visit.id)}`);
  await popup.screenshot(join(artifacts, 'popup.png'));
  const options = await browser.openExtensionPage('options.html');
  await options.screenshot(join(artifacts, 'options.png'));
  await browser.close();

  console.log(`\n${site.name}: ${page} in headless ${browserName}, without and with Policy Guard (default choices)\n`);
  console.log(formatReport(compareRuns(site, without, withExtension)));
  console.log(`\nScreenshots of the popup and the options page: ${artifacts}/popup.png, ${artifacts}/options.png`);
}

async function main(): Promise<void> {
  const browserName: BrowserName = process.argv.includes('--firefox') ? 'firefox' : 'chromium';
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const showWindow = hasDisplay && !process.env.CI && !process.argv.includes('--headless');
  const build = spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/build.ts', '--test'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
  const replica = await startReplica();
  try {
    await (showWindow ? interactive : headless)(browserName, replica);
  } finally {
    await replica.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
