// The background worker, the one composition root: builds the services from the core and the browser adapters,
// then registers every listener synchronously here, at the top level, so an event that wakes the worker is never missed.
import sites from 'knowledge:sites';
import browser from 'webextension-polyfill';
import { createRulesCompiler } from '../core/dnr-rules';
import { WORKER_STARTED } from '../core/messages';
import { hostPermissions } from '../core/permissions';
import type { Settings } from '../core/settings';
import { shieldPlan } from '../core/shield-plan';
import { coveredPageOf } from '../core/registrable-domain';
import { buildSiteIndex } from '../core/site-index';
import { blockedRequest } from '../core/verdicts';
import { browserBadge } from '../browser/badge';
import { browserCookieJar } from '../browser/cookies';
import { browserDnr } from '../browser/dnr';
import { browserRequests } from '../browser/requests';
import { browserScripting } from '../browser/scripting';
import { browserStorage } from '../browser/storage';
import { browserTabs } from '../browser/tabs';
import { createCookieSweeper } from './cookie-sweeper';
import { createDnrSync } from './dnr-sync';
import { createEnforcement } from './enforcement';
import { createHandlers } from './handlers';
import { createMessageRouter } from './message-router';
import { createPagePushes } from './page-pushes';
import { createSettingsStore } from './settings-store';
import { createShieldSync } from './shield-sync';
import { createTabCounter } from './tab-counter';
import { createTabView } from './tab-view';

const index = buildSiteIndex(sites);
const store = createSettingsStore(browserStorage.local, sites);
const settings = async (): Promise<Settings> => (await store.current()).settings;
const compiled = createRulesCompiler(sites);
const rules = createDnrSync(browserDnr, (current) => compiled(current).rules);
const shield = createShieldSync(browserScripting, (current) => shieldPlan(sites, current));
const pages = createPagePushes({
  extensionOrigin: browser.runtime.getURL(''),
  settings: () => store.current(),
  pageOf: (tabId) => tabs.pageOf(tabId),
  report,
});
const counter = createTabCounter({
  session: browserStorage.session,
  setBadge: browserBadge.setText,
  badgeEnabled: async () => (await settings()).badge,
  onCounts: (tabId, record) => pages.countsChanged(tabId, record),
});
const tabs = createTabView({ index, store, counter, tabUrl: browserTabs.url });
const sweeper = createCookieSweeper({
  jar: browserCookieJar,
  index,
  settings,
  onRemoved: ({ domain, category }) => void counter.cookieRemoved(domain, category).catch(report),
});

const enforce = createEnforcement({
  rules,
  shield,
  announce: () => pages.settingsChanged(),
  sweep: async () => {
    await Promise.all([sweeper.sweep(), counter.refreshBadges()]);
  },
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

browserCookieJar.onChanged((change) => void sweeper.changed(change).catch(report));

browserRequests.onBeforeRequest(hostPermissions(sites), (request) => {
  if (request.tabId < 0) return;
  if (request.type === 'main_frame') {
    void counter.navigated(request.tabId, coveredPageOf(index, request.url)?.domain ?? null).catch(report);
    return;
  }
  void settings()
    .then((current) => {
      const stopped = blockedRequest(index, compiled(current), request);
      if (stopped) return counter.blocked(request.tabId, stopped.domain, stopped.category);
    })
    .catch(report);
});

browserTabs.onRemoved((tabId) => void counter.closed(tabId).catch(report));

browser.runtime.onInstalled.addListener(() => void started);
browser.runtime.onStartup.addListener(() => void started);

function report(error: unknown): void {
  console.warn('policy-guard:', error);
}
