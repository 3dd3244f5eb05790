// The background worker: wires the pieces to the browser. Every listener is registered synchronously here, at
// the top level, so an event that wakes the worker is never missed.
import browser from 'webextension-polyfill';
import sites from 'knowledge:sites';
import { hostOf } from '../core/hosts';
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
import { createRulesSync, type DynamicRules } from './rules-sync';
import { createSettingsStore } from './settings-store';
import { createShieldSync, type ContentScripts } from './shield-sync';
import { createTabCounter } from './tab-counter';

const index = buildSiteIndex(sites);
const store = createSettingsStore(browser.storage.local);
const settings = async (): Promise<Settings> => (await store.current()).settings;
const rules = createRulesSync(browser.declarativeNetRequest as unknown as DynamicRules, (current) => compileRules(sites, current));
const shield = createShieldSync(browser.scripting as unknown as ContentScripts, (current) => shieldPlan(sites, current));
const counter = createTabCounter({ session: browser.storage.session, setBadge, badgeEnabled: async () => (await settings()).badge });
const guard = createCookieGuard({
  jar: browserCookieJar,
  index,
  settings,
  onRemoved: ({ site, category }) => void counter.cookieRemoved(site.id, category).catch(report),
});

const enforce = createEnforcement({
  rules,
  shield,
  sweep: async () => void (await Promise.all([guard.sweep(), counter.refreshBadges()])),
  report,
});

// Each worker start (install, browser start-up, or a wake for any event) re-checks rules and sweeps cookies.
const started = settings().then(enforce).catch(report);

const route = createMessageRouter(
  createHandlers({ index, store, counter, enforce, tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url }),
  browser.runtime.getURL(''),
);

// Pages are answered once this worker's start-up rules are in force, so what they read is in force.
browser.runtime.onMessage.addListener(async (message: unknown, sender: browser.Runtime.MessageSender) => {
  await started;
  return route(message, sender);
});

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
