// The background worker's composition root: builds each slice from the browser adapters, in the order they stand on
// each other, then registers every listener synchronously at the top level, so an event that wakes the worker is
// never missed. Decisions live in the slices (src/README.md); this file only wires them.
import sites from 'knowledge:sites';
import browser from 'webextension-polyfill';
import { createBlocking } from './blocking/blocking';
import { adapters } from './browser/adapters';
import { createConsentManager } from './consent-manager/consent-manager';
import { createCookieShield } from './cookie-shield/shield';
import { isShieldDropsMessage } from './cookie-shield/shield-report';
import { gpcRules, gpcScripts } from './gpc/gpc';
import { createMessaging } from './messaging/messaging';
import { WORKER_STARTED } from './messaging/protocol';
import { createCoverage, siteRulesProblem } from './protected-sites/protected-sites';
import { createSiteProtector } from './protected-sites/site-protector';
import { createSettingsChanges } from './settings/changes';
import { createEnforcement } from './settings/enforcement';
import { setSiteChoices } from './settings/ops';
import type { Settings } from './settings/settings';
import { createSettingsStore } from './settings/store';
import { createTabCounter } from './tab-counts/tab-counter';

const { jar, tabs, storage } = adapters;
// The covered sites: the bundled knowledge base and the sites protected from their consent manager's declarations.
const { index: indexOf, compiled } = createCoverage(sites);
const coveredSites = (current: Settings) => indexOf(current).sites;
const store = createSettingsStore(storage.local, sites);
const settings = async (): Promise<Settings> => (await store.current()).settings;
// What every slice reads: the covered sites under some settings, the current settings, and where errors go.
const base = { indexOf, settings, report };

const counter = createTabCounter({
  session: storage.session,
  setBadge: adapters.badge.setText,
  badgeEnabled: async () => (await settings()).badge,
});
const blocking = createBlocking({
  ...base,
  ports: adapters,
  compiled,
  counter,
  headerRules: (current) => gpcRules(coveredSites(current), current),
});
const shield = createCookieShield({
  ...base,
  ports: adapters,
  counter,
  otherScripts: (current) => gpcScripts(coveredSites(current), current),
});
// The two loops of the domain, bound late: a refusal made in a site's banner becomes the person's choice there, whose
// enforcement answers the banner again; and settings in force are announced to the pages whose requests change them.
const cmp = createConsentManager({
  ...base,
  ports: adapters,
  refuse: (domain, refused) => changes.changeAndEnforceLater((current) => setSiteChoices(current, domain, refused, false)),
});
const enforce = createEnforcement({
  rules: blocking,
  shield,
  cmp: cmp.answerer,
  announce: () => messaging.pages.settingsChanged(),
  sweep: () => Promise.all([blocking.sweeper.sweep(), counter.refreshBadges()]).then(() => undefined),
  report,
});
const changes = createSettingsChanges(store, enforce, report);
const protector = createSiteProtector({
  ...base,
  pages: adapters.pageScripts,
  permissions: adapters.permissions,
  jar,
  tabUrl: tabs.url,
  bundled: sites,
  change: (edit) => changes.change(edit),
  now: () => new Date(),
  rulesProblem: (current) => siteRulesProblem(() => compiled(current)),
});
const messaging = createMessaging({
  ...base,
  ports: adapters,
  extensionOrigin: browser.runtime.getURL(''),
  bundled: sites,
  store,
  counter,
  changes,
  protector,
  cmpQuestions: cmp.answerer,
  cmpCheckOf: (tabId) => cmp.checker.checkOf(tabId),
});
counter.onCounts((tabId, record) => messaging.pages.countsChanged(tabId, record));
cmp.onChanged((change) => void messaging.pages.cmpChanged(change).catch(report));

// Each worker start (install, start-up, any wake) puts the settings in force before pages are answered. The shield's
// relay reports dropped writes (no reply); the router and the pages' ports answer only the extension's own pages.
const started = settings().then(enforce).catch(report);
browser.runtime.onMessage.addListener(async (message: unknown, sender: browser.Runtime.MessageSender) => {
  if (isShieldDropsMessage(message)) return void shield.dropped(message.drops, sender).catch(report);
  await started;
  return messaging.route(message, sender);
});
browser.runtime.onConnect.addListener((port) => messaging.pages.connect(port));
void browser.runtime.sendMessage(WORKER_STARTED).catch(() => undefined);
browser.runtime.onInstalled.addListener(() => void started);
browser.runtime.onStartup.addListener(() => void started);

jar.onChanged((change) => void Promise.all([blocking.sweeper.changed(change), cmp.answerer.changed(change)]).catch(report));
// Every URL: the browser reports only requests to hosts the extension may see, which grow as sites are protected.
adapters.requests.onBeforeRequest(['<all_urls>'], (request) => {
  if (request.tabId < 0) return;
  if (request.type === 'main_frame') cmp.checker.forget(request.tabId);
  void blocking.requested(request).catch(report);
});
tabs.onRemoved((tabId) => cmp.checker.forget(tabId));
tabs.onRemoved((tabId) => void Promise.all([blocking.closed(tabId), counter.closed(tabId)]).catch(report));
tabs.onLoaded((tabId, url) => void Promise.all([cmp.checker.loaded(tabId, url), protector.loaded(tabId, url)]).catch(report));
tabs.onCommitted((tabId, url) => void Promise.all([blocking.committed(tabId, url), shield.committed(tabId, url)]).catch(report));

function report(error: unknown): void {
  console.warn('policy-guard:', error);
}
