// An update from the release before choices were per registrable domain (0.1.0, commit bfee6c6) keeps every choice
// in force from the first page load after it: a choice made for the whole site in 0.1.0 holds, after the update, on
// each of the owner's registrable domains. Chromium only: it loads an unpacked folder whose files the test replaces,
// which Chromium treats as an update (same path, same id, same profile); Firefox's temporary add-ons do not update.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { loadSites } from '../../src/knowledge/load';
import { launchBrowser, selectedBrowsers } from './harness/launch';
import { extensionDir } from './harness/extension-dir';
import { releaseBuild } from './harness/release-build';
import type { TestBrowser } from './harness/types';
import { startReplica, type Replica } from './replica/server';

declare const chrome: Browser.Browser;

const RELEASE = 'bfee6c6';
const site = loadSites()[0]!;
const TOGGLED = 'performance-and-analytics';
/** One covered page on each of four of the owner's registrable domains. */
const HOSTS = ['www.atlassian.com', 'bitbucket.org', 'trello.com', 'acme.atlassian.net'];
const LOADERS = new Set(site.trackers.filter((tracker) => tracker.loads !== undefined).map((tracker) => tracker.id));

const describeChromium = selectedBrowsers().includes('chromium') ? describe : describe.skip;

describeChromium('[chromium] update from 0.1.0', () => {
  let replica: Replica;
  const open: TestBrowser[] = [];
  const temp: string[] = [];
  beforeAll(async () => {
    replica = await startReplica();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((browser) => browser.close()));
    for (const dir of temp.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  afterAll(async () => replica.stop());

  const launch = async (dir: string, profile: string): Promise<TestBrowser> => {
    const browser = await launchBrowser('chromium', { replica, extension: true, extensionDir: dir, profile });
    open.push(browser);
    return browser;
  };
  const folder = (name: string): string => {
    const dir = mkdtempSync(join(tmpdir(), `policy-guard-${name}-`));
    temp.push(dir);
    return dir;
  };
  /** Whether the category's trackers (not a loader, which loads while any of its categories is allowed) arrived. */
  const arrived = async (browser: TestBrowser, host: string): Promise<boolean> => {
    const visit = await browser.visit(replica.url(host, '/'));
    await visit.page.close();
    return replica.log
      .find({ visit: visit.id, role: 'tracker' })
      .some((entry) => entry.category === TOGGLED && !LOADERS.has(entry.tracker ?? ''));
  };
  const allArrivals = async (browser: TestBrowser) => {
    const arrivals: Record<string, boolean> = {};
    for (const host of HOSTS) arrivals[host] = await arrived(browser, host);
    return arrivals;
  };
  const everywhere = (value: boolean) => Object.fromEntries(HOSTS.map((host) => [host, value]));

  test('with extension: a site-wide choice made in 0.1.0 is in force on each registrable domain from the first load after the update', async () => {
    const release = releaseBuild(RELEASE);
    const profile = folder('profile');
    const installed = join(folder('extension'), 'policy-guard');
    cpSync(release, installed, { recursive: true });

    const old = await launch(installed, profile);
    expect(await old.inExtension(() => chrome.runtime.getManifest().version)).toBe('0.1.0');
    const id = old.extension?.id;
    // The choice as 0.1.0's popup and options page sent it: for the covered site, by its id.
    const options = await old.openExtensionPage('options.html');
    const reply = await options.evaluate(
      ([siteId, categoryId]) => chrome.runtime.sendMessage({ type: 'set-site-choice', payload: { siteId, categoryId, allowed: true } }),
      [site.id, TOGGLED] as const,
    );
    expect(reply).toMatchObject({ ok: true, value: { sites: { [site.id]: { choices: { [TOGGLED]: true } } } } });
    expect(await allArrivals(old)).toEqual(everywhere(true));

    // The update: the new build's files in the same folder, then the extension reloaded from it, as an unpacked
    // extension updates (runtime.onInstalled fires with reason "update"); same profile, same id.
    for (const entry of readdirSync(installed)) rmSync(join(installed, entry), { recursive: true, force: true });
    cpSync(extensionDir('chromium'), installed, { recursive: true });
    await old.inExtension(() => void setTimeout(() => chrome.runtime.reload(), 100));
    const deadline = Date.now() + 120_000;
    let version = '0.1.0';
    while (version !== '0.2.0' && Date.now() < deadline) {
      // The old worker's handle fails while it goes; the harness then evaluates in the newest worker.
      version = await old.inExtension(() => chrome.runtime.getManifest().version).catch(() => version);
      if (version !== '0.2.0') await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(version).toBe('0.2.0');
    const updated = old;
    expect(updated.extension?.id).toBe(id);
    // The first page load after the update, before asking the new worker anything.
    const first = await arrived(updated, 'bitbucket.org');
    // A reply means the new worker's start-up rules are in force: the migrated settings are what it enforces now.
    const page = await updated.openExtensionPage('options.html');
    const settings = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'get-settings', payload: {} }));
    const choice = { choices: { [TOGGLED]: true }, paused: false };
    expect(settings).toMatchObject({
      ok: true,
      // Migrated through every schema version since: the newest options keep their defaults (GPC off).
      value: {
        settings: {
          version: DEFAULT_SETTINGS.version,
          sites: Object.fromEntries(site.domains.map((d) => [d, choice])),
          globalPrivacyControl: false,
        },
      },
    });
    expect({ first, ...(await allArrivals(updated)) }).toEqual({ first: true, ...everywhere(true) });
  });

  test('with extension (control): a fresh install of 0.2.0, where the choice was never made, refuses it on each domain', async () => {
    const browser = await launch(extensionDir('chromium'), folder('profile'));
    expect(await browser.inExtension(() => chrome.runtime.getManifest().version)).toBe('0.2.0');
    expect(await allArrivals(browser)).toEqual(everywhere(false));
  });
});
