// The background worker's composition root: builds each slice's services from the browser adapters, then registers
// every listener synchronously here, at the top level, so an event that wakes the worker is never missed. Decisions
// live in the slices; this file only wires them (src/README.md).
import sites from 'knowledge:sites';
import browser from 'webextension-polyfill';
import { createBlocking } from './blocking/blocking';
import { isShieldDropsMessage } from './cookie-shield/shield-report';
import { browserBadge } from './browser/badge';
import { browserCookieJar } from './browser/cookies';
import { browserDnr, browserSessionRules, topDomainsSupported } from './browser/dnr';
import { browserPermissions } from './browser/permissions';
import { browserRequests } from './browser/requests';
import { browserPageScripts, browserScripting } from './browser/scripting';
import { browserStorage } from './browser/storage';
import { browserTabs } from './browser/tabs';
import { createCmpAnswerer } from './consent-manager/answerer';
import { createCmpChecker } from './consent-manager/checker';
import { createCookieShield } from './cookie-shield/shield';
import { gpcRules, gpcScripts } from './gpc/gpc';
import { createHandlers } from './messaging/handlers';
import { createPagePushes } from './messaging/page-pushes';
import { WORKER_STARTED } from './messaging/protocol';
import { createMessageRouter } from './messaging/router';
import { createTabView } from './messaging/tab-view';
import { createCoverage, siteRulesProblem } from './protected-sites/protected-sites';
import { createSiteProtector } from './protected-sites/site-protector';
import { createSettingsChanges } from './settings/changes';
import { choicesOn } from './settings/choices';
import { createEnforcement } from './settings/enforcement';
import { setSiteChoices } from './settings/ops';
import type { Settings } from './settings/settings';
import { createSettingsStore } from './settings/store';
import { createTabCounter } from './tab-counts/tab-counter';

// The covered sites: the bundled knowledge base and the sites protected from their consent manager's declarations.
const { index: indexOf, compiled } = createCoverage(sites);
const coveredSites = (current: Settings) => indexOf(current).sites;
const store = createSettingsStore(browserStorage.local, sites);
const settings = async (): Promise<Settings> => (await store.current()).settings;
const choicesFor = (site: Parameters<typeof choicesOn>[0], domain: string, current: Settings) => choicesOn(site, current, domain);

const counter = createTabCounter({
  session: browserStorage.session,
  setBadge: browserBadge.setText,
  badgeEnabled: async () => (await settings()).badge,
  onCounts: (tabId, record) => pages.countsChanged(tabId, record),
});
const blocking = createBlocking({
  dnr: browserDnr,
  session: browserSessionRules,
  jar: browserCookieJar,
  topDomainsSupported,
  openTabs: browserTabs.openTabs,
  indexOf,
  compiled,
  headerRules: (current) => gpcRules(coveredSites(current), current),
  settings,
  counter,
  report,
});
const shield = createCookieShield({
  scripting: browserScripting,
  pages: browserPageScripts,
  otherScripts: (current) => gpcScripts(coveredSites(current), current),
  indexOf,
  settings,
  pageOf: (tabId) => tabs.pageOf(tabId),
  counter,
});
const pages = createPagePushes({
  extensionOrigin: browser.runtime.getURL(''),
  settings: () => store.current(),
  report,
  pageOf: (tabId: number) => tabs.pageOf(tabId),
  cmpOf: (tabId: number) => tabs.cmp(tabId),
});
const tabs = createTabView({
  indexOf,
  store,
  counter,
  jar: browserCookieJar,
  tabUrl: browserTabs.url,
  cmpCheckOf: (tabId: number) => cmpChecker.checkOf(tabId),
  cmpQuestionOf: (domain: string) => cmp.questionOf(domain),
});
// A refusal the person made in a site's consent manager becomes their choice on that domain.
const cmp = createCmpAnswerer({
  jar: browserCookieJar,
  sitesOf: coveredSites,
  choicesFor,
  settings,
  session: browserStorage.session,
  report,
  clock: () => ({ now: new Date(), newConsentId: () => crypto.randomUUID() }),
  refuse: (domain, categories) => changes.changeAndEnforceLater((current) => setSiteChoices(current, domain, categories, false)),
  questionChanged: (domain) => void pages.cmpChanged({ domain }).catch(report),
});
const cmpChecker = createCmpChecker({
  pages: browserPageScripts,
  indexOf,
  settings,
  choicesFor,
  declared: (domain, groups) => cmp.declare(domain, groups),
  ownInteraction: (domain, interact) => cmp.ownInteraction(domain, interact),
  onChecked: (tabId) => void pages.cmpChanged({ tabId }).catch(report),
});
const enforce = createEnforcement({
  rules: blocking,
  shield,
  cmp,
  announce: () => pages.settingsChanged(),
  report,
  sweep: async () => {
    await Promise.all([blocking.sweeper.sweep(), counter.refreshBadges()]);
  },
});
const changes = createSettingsChanges(store, enforce, report);
const protector = createSiteProtector({
  pages: browserPageScripts,
  permissions: browserPermissions,
  jar: browserCookieJar,
  tabUrl: browserTabs.url,
  bundled: sites,
  settings,
  change: (edit) => changes.change(edit),
  now: () => new Date(),
  rulesProblem: (current) => siteRulesProblem(() => compiled(current)),
});
const handlers = createHandlers({ bundled: sites, indexOf, store, tabs, changes, cmpQuestions: cmp, protector });
const route = createMessageRouter(handlers, browser.runtime.getURL(''));

// Each worker start (install, browser start-up, or a wake for any event) re-checks rules and sweeps cookies; pages are
// answered once they are in force. The shield's relay reports dropped writes (no reply); the router answers only the
// extension's own pages, and open pages' ports (told the worker is back) are checked the same way.
const started = settings().then(enforce).catch(report);
browser.runtime.onMessage.addListener(async (message: unknown, sender: browser.Runtime.MessageSender) => {
  if (isShieldDropsMessage(message)) return void shield.dropped(message.drops, sender).catch(report);
  await started;
  return route(message, sender);
});
browser.runtime.onConnect.addListener((port) => pages.connect(port));
void browser.runtime.sendMessage(WORKER_STARTED).catch(() => undefined);
browser.runtime.onInstalled.addListener(() => void started);
browser.runtime.onStartup.addListener(() => void started);

browserCookieJar.onChanged((change) => {
  void blocking.sweeper.changed(change).catch(report);
  void cmp.changed(change).catch(report);
});
// Every URL: the browser reports only requests to hosts the extension may see, which grow as sites are protected.
browserRequests.onBeforeRequest(['<all_urls>'], (request) => {
  if (request.tabId < 0) return;
  if (request.type === 'main_frame') cmpChecker.forget(request.tabId);
  void blocking.requested(request).catch(report);
});
browserTabs.onRemoved((tabId) => {
  cmpChecker.forget(tabId);
  void Promise.all([blocking.closed(tabId), counter.closed(tabId)]).catch(report);
});
browserTabs.onLoaded((tabId, url) => {
  void cmpChecker.loaded(tabId, url).catch(report);
  void protector.loaded(tabId, url).catch(report);
});
browserTabs.onCommitted((tabId, url) => {
  void Promise.all([blocking.committed(tabId, url), shield.committed(tabId, url)]).catch(report);
});

function report(error: unknown): void {
  console.warn('policy-guard:', error);
}
