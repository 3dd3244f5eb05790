// The background worker: wires the pieces to the browser. Every listener is registered synchronously here, at
// the top level, so an event that wakes the worker is never missed.
import browser from 'webextension-polyfill';
import sites from 'knowledge:sites';
import { hostOf } from '../core/hosts';
import { WORKER_STARTED } from '../core/messages';
import { hostPermissions } from '../core/permissions';
import { compileRules } from '../core/rules';
import type { Settings } from '../core/settings';
import { shieldPlan } from '../core/shield-plan';
import { siteOfHost, buildSiteIndex } from '../core/site-index';
import { blockedRequest } from '../core/verdicts';
import { setBadge } from '../browser/badge';
import { browserCookieJar } from '../browser/cookies';
import { requestFacts } from '../browser/requests';
import { createCookieGuard } from './cookie-guard';
import { createEnforcement } from './enforcement';
import { createHandlers } from './handlers';
import { createMessageRouter } from './message-router';
import { createPagePushes } from './page-pushes';
import { createRulesSync, type DynamicRules } from './rules-sync';
import { createSettingsStore } from './settings-store';
import { createShieldSync, type ContentScripts } from './shield-sync';
import { createTabCounter } from './tab-counter';
import { createTabView } from './tab-view';

const index = buildSiteIndex(sites);
const store = createSettingsStore(browser.storage.local);
const settings = async (): Promise<Settings> => (await store.current()).settings;
const rules = createRulesSync(browser.declarativeNetRequest as unknown as DynamicRules, (current) => compileRules(sites, current));
const shield = createShieldSync(browser.scripting as unknown as ContentScripts, (current) => shieldPlan(sites, current));
const tabUrl = async (tabId: number) => (await browser.tabs.get(tabId)).url;
const pages = createPagePushes({
  extensionOrigin: browser.runtime.getURL(''),
  settings: () => store.current(),
  siteOf: (tabId) => tabs.siteOf(tabId),
  report,
});
const counter = createTabCounter({
  session: browser.storage.session,
  setBadge,
  badgeEnabled: async () => (await settings()).badge,
  onCounts: (tabId, record) => pages.countsChanged(tabId, record),
});
const tabs = createTabView({ index, store, counter, tabUrl });
const guard = createCookieGuard({
  jar: browserCookieJar,
  index,
  settings,
  onRemoved: ({ site, category }) => void counter.cookieRemoved(site.id, category).catch(report),
});

const enforce = createEnforcement({
  rules,
  shield,
  announce: () => pages.settingsChanged(),
  sweep: async () => void (await Promise.all([guard.sweep(), counter.refreshBadges()])),
  report,
});

// Each worker start (install, browser start-up, or a wake for any event) re-checks rules and sweeps cookies.
const started = settings().then(enforce).catch(report);

const route = createMessageRouter(createHandlers({ index, store, tabs, enforce }), browser.runtime.getURL(''));

// Pages are answered once this worker's start-up rules are in force, so what they read is in force.
browser.runtime.onMessage.addListener(async (message: unknown, sender: browser.Runtime.MessageSender) => {
  await started;
  return route(message, sender);
});

// Open pages subscribe to what they show; the sender is checked as for messages. Pages open while this worker
// slept lost their ports with the last one: they are told it is back.
browser.runtime.onConnect.addListener((port) => pages.connect(port));
void browser.runtime.sendMessage(WORKER_STARTED).catch(() => undefined);

browser.cookies.onChanged.addListener((change) => void guard.changed(change).catch(report));

browser.webRequest.onBeforeRequest.addListener(
  (details) => {
    if (details.tabId < 0) return;
    if (details.type === 'main_frame') {
      void counter.navigated(details.tabId, siteOfHost(index, hostOf(details.url))?.site.id ?? null).catch(report);
      return;
    }
    void settings()
      .then((current) => {
        const stopped = blockedRequest(index, current, requestFacts(details));
        if (stopped) return counter.blocked(details.tabId, stopped.site.id, stopped.category);
      })
      .catch(report);
  },
  { urls: hostPermissions(sites) },
);

browser.tabs.onRemoved.addListener((tabId) => void counter.closed(tabId).catch(report));

browser.runtime.onInstalled.addListener(() => started);
browser.runtime.onStartup.addListener(() => started);

function report(error: unknown): void {
  console.warn('policy-guard:', error);
}
