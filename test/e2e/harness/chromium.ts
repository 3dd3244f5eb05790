// Debian's Chromium through Playwright: a fresh profile that, like a default desktop Chrome, accepts
// third-party cookies (otherwise a control run shows none and a cookie test proves nothing), in developer
// mode so chrome://extensions collects the extension's errors.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { extensionDir } from './extension-dir';
import { toJarCookie } from './jar';
import { testPage, visitPage, type DrivablePage } from './page';
import type { LaunchOptions, TestBrowser } from './types';
import { workerHeapBytes } from './worker-heap';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

/** The flags every test Chromium starts with and, given an unpacked extension's folder, those that load it. */
export function chromiumArgs(extension: string | null): string[] {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--host-resolver-rules=MAP * 127.0.0.1',
    '--ignore-certificate-errors',
  ];
  // Playwright adds --disable-extensions itself; --disable-extensions-except lifts it for ours.
  if (extension) args.push(`--disable-extensions-except=${extension}`, `--load-extension=${extension}`);
  return args;
}

export async function launchChromium(options: LaunchOptions): Promise<TestBrowser> {
  const { replica, extension, headless = true, profile, testBuild } = options;
  const userDataDir = profile ?? mkdtempSync(join(tmpdir(), 'policy-guard-chromium-'));
  if (!existsSync(join(userDataDir, 'Default/Preferences'))) {
    mkdirSync(join(userDataDir, 'Default'), { recursive: true });
    writeFileSync(
      join(userDataDir, 'Default/Preferences'),
      JSON.stringify({
        profile: { cookie_controls_mode: 0, block_third_party_cookies: false },
        extensions: { ui: { developer_mode: true } },
      }),
    );
  }
  const dir = extension ? (options.extensionDir ?? extensionDir('chromium', { testBuild })) : null;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless,
    args: chromiumArgs(dir),
    ignoreHTTPSErrors: true,
  });

  const worker = async (): Promise<Worker> => context.serviceWorkers().at(-1) ?? context.waitForEvent('serviceworker');
  const id = dir ? new URL((await worker()).url()).host : null;
  const baseUrl = id ? `chrome-extension://${id}/` : null;
  const newPage = async () => testPage((await context.newPage()) as unknown as DrivablePage);

  const browser: TestBrowser = {
    name: 'chromium',
    extension: id && baseUrl ? { id, baseUrl } : null,
    newPage,
    visit: async (url) => visitPage('chromium', replica, await newPage(), url),
    cookies: async () => (await context.cookies()).map(toJarCookie),
    openExtensionPage: async (path) => {
      const page = await newPage();
      await page.goto(`${requireExtension(baseUrl)}${path}`);
      return page;
    },
    inExtension: async (fn, arg) => {
      requireExtension(baseUrl);
      return (await worker()).evaluate(fn, arg as never);
    },
    workerHeapBytes: async () => workerHeapBytes(context, requireExtension(baseUrl)),
    stopWorker: async () => stopWorker(context, requireExtension(baseUrl)),
    closed: new Promise((resolve) => context.once('close', () => resolve())),
    close: async () => {
      await context.close();
      if (!profile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return browser;
}

function requireExtension(baseUrl: string | null): string {
  if (!baseUrl) throw new Error('this is a control run: the browser was launched without the extension');
  return baseUrl;
}

/** Stops every service worker over CDP and waits until the extension's is gone from the browser's targets. */
async function stopWorker(context: BrowserContext, baseUrl: string): Promise<void> {
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  const running = async (): Promise<boolean> => {
    const { targetInfos } = await session.send('Target.getTargets');
    return targetInfos.some((target) => target.type === 'service_worker' && target.url.startsWith(baseUrl));
  };
  while (await running()) await new Promise((resolve) => setTimeout(resolve, 50));
  await session.detach();
  await page.close();
}
