// The background worker, the one composition root: builds the services from the core and the browser adapters,
// then registers every listener synchronously here, at the top level, so an event that wakes the worker is never missed.
import sites from 'knowledge:sites';
import browser from 'webextension-polyfill';
import { choicesOn } from './settings/choices';
import { RULE_IDS } from './blocking/dnr-ids';
import { gpcRules, gpcScripts } from './gpc/gpc';
import { hostOf } from './shared/hosts';
import { WORKER_STARTED } from './messaging/protocol';
import { isShieldDropsMessage } from './cookie-shield/shield-report';
import { coveredPageOf } from './knowledge/registrable-domain';
import type { Settings } from './settings/settings';
import { setSiteChoice } from './settings/ops';
import { createCoverage, siteRulesProblem } from './protected-sites/protected-sites';
import { shieldPlan } from './cookie-shield/shield-plan';
import { compileTopDomainRules } from './blocking/tab-rules';
import { blockedRequest } from './blocking/verdicts';
import { browserBadge } from './browser/badge';
import { browserCookieJar } from './browser/cookies';
import { browserDnr, browserSessionRules, topDomainsSupported } from './browser/dnr';
import { browserRequests } from './browser/requests';
import { browserPermissions } from './browser/permissions';
import { browserPageScripts, browserScripting } from './browser/scripting';
import { browserStorage } from './browser/storage';
import { browserTabs } from './browser/tabs';
import { createCmpAnswerer } from './consent-manager/answerer';
import { createCmpChecker } from './consent-manager/checker';
import { createCookieSweeper } from './blocking/cookie-sweeper';
import { createDeclaredShield } from './cookie-shield/declared-shield';
import { createDnrSync } from './blocking/dnr-sync';
import { createEnforcement } from './settings/enforcement';
import { createHandlers } from './messaging/handlers';
import { createMessageRouter } from './messaging/router';
import { createPagePushes } from './messaging/page-pushes';
import { createSettingsStore } from './settings/store';
import { createShieldDrops } from './cookie-shield/shield-drops';
import { createShieldSync } from './cookie-shield/shield-sync';
import { createSiteProtector } from './protected-sites/site-protector';
import { createTabCounter } from './tab-counts/tab-counter';
import { createTabRulesSync } from './blocking/tab-rules-sync';
import { createTabView } from './messaging/tab-view';

// The covered sites: the bundled knowledge base, and the sites the person protected from their consent manager's
// declarations, which live in the settings; every service asks for them under the settings it works with.
const coverage = createCoverage(sites);
const indexOf = coverage.index;
const coveredSites = (current: Settings) => indexOf(current).sites;
const compiled = coverage.compiled;
const store = createSettingsStore(browserStorage.local, sites);
const settings = async (): Promise<Settings> => (await store.current()).settings;
// Requests a covered page's frames make (other or opaque origins) are covered by top-level-page rules where the browser
// has topDomains, else by tab session rules kept in line with the tabs (src/blocking/tab-rules.ts says why).
const siteRules = createDnrSync(
  browserDnr,
  (current) => [
    ...compiled(current).rules,
    ...(topDomainsSupported ? compileTopDomainRules(compiled(current)) : []),
    ...gpcRules(coveredSites(current), current),
  ],
  [RULE_IDS.sites, RULE_IDS.topSites, RULE_IDS.globalPrivacyControl],
);
const tabRules = topDomainsSupported
  ? null
  : createTabRulesSync({
      session: browserSessionRules,
      compile: compiled,
      settings,
      openTabs: browserTabs.openTabs,
    });
const rules = {
  apply: async (current: Settings): Promise<void> => {
    await Promise.all([siteRules.apply(current), tabRules?.apply(current)]);
  },
};
const shield = createShieldSync(browserScripting, (current) => [
  ...shieldPlan(coveredSites(current), current),
  ...gpcScripts(coveredSites(current), current),
]);
const pages = createPagePushes({
  extensionOrigin: browser.runtime.getURL(''),
  settings: () => store.current(),
  pageOf: (tabId) => tabs.pageOf(tabId),
  cmpOf: (tabId) => tabs.cmp(tabId),
  report,
});
const counter = createTabCounter({
  session: browserStorage.session,
  setBadge: browserBadge.setText,
  badgeEnabled: async () => (await settings()).badge,
  onCounts: (tabId, record) => pages.countsChanged(tabId, record),
});
const tabs = createTabView({
  indexOf,
  store,
  counter,
  jar: browserCookieJar,
  tabUrl: browserTabs.url,
  cmpCheckOf: (tabId) => cmpChecker.checkOf(tabId),
  cmpQuestionOf: (domain) => cmp.questionOf(domain),
});
const sweeper = createCookieSweeper({
  jar: browserCookieJar,
  indexOf,
  settings,
  onRemoved: ({ domain, category, tracker }, name) =>
    void counter.cookieRemoved(domain, category, { tracker, kind: 'cookie', what: name }).catch(report),
});
const cmp = createCmpAnswerer({
  jar: browserCookieJar,
  sitesOf: coveredSites,
  choicesFor: (site, domain, current) => choicesOn(site, current, domain),
  settings,
  clock: () => ({ now: new Date(), newConsentId: () => crypto.randomUUID() }),
  session: browserStorage.session,
  refuse: (domain, categories) => mirrorCmpRefusals(domain, categories),
  questionChanged: (domain) => void pages.cmpChanged({ domain }).catch(report),
  report,
});

const cmpChecker = createCmpChecker({
  pages: browserPageScripts,
  indexOf,
  settings,
  choicesFor: (site, domain, current) => choicesOn(site, current, domain),
  declared: (domain, groups) => cmp.declare(domain, groups),
  ownInteraction: (domain, interact) => cmp.ownInteraction(domain, interact),
  onChecked: (tabId) => void pages.cmpChanged({ tabId }).catch(report),
});

const declaredShield = createDeclaredShield({ pages: browserPageScripts, indexOf, settings });

const shieldDrops = createShieldDrops({ indexOf, settings, pageOf: (tabId) => tabs.pageOf(tabId), counter });

const enforce = createEnforcement({
  rules,
  shield,
  cmp,
  announce: () => pages.settingsChanged(),
  sweep: async () => {
    await Promise.all([sweeper.sweep(), counter.refreshBadges()]);
  },
  report,
});

// Each worker start (install, browser start-up, or a wake for any event) re-checks rules and sweeps cookies.
const started = settings().then(enforce).catch(report);

const protector = createSiteProtector({
  pages: browserPageScripts,
  permissions: browserPermissions,
  tabUrl: browserTabs.url,
  bundled: sites,
  settings,
  change: async (edit) => {
    const next = await store.update(edit);
    await enforce(next);
    return next;
  },
  now: () => new Date(),
  rulesProblem: (current) => siteRulesProblem(() => compiled(current)),
});

const route = createMessageRouter(
  createHandlers({ bundled: sites, indexOf, store, tabs, enforce, cmpQuestions: cmp, protector }),
  browser.runtime.getURL(''),
);

/** A refusal the person made in a site's consent manager becomes their choice on that domain (cmp-answerer.ts). */
async function mirrorCmpRefusals(domain: string, categories: string[]): Promise<Settings> {
  const next = await store.update((current) =>
    categories.reduce((settings, category) => setSiteChoice(settings, domain, category, false), current),
  );
  // Not awaited: the answerer calls this from its queue, which the enforcement's own answer waits behind.
  void enforce(next).catch(report);
  return next;
}

// Pages are answered once this worker's start-up rules are in force, so what they read is in force.
// The cookie shield's relay on covered pages reports dropped writes (no reply); everything else goes to the router,
// which answers only the extension's own pages.
browser.runtime.onMessage.addListener(async (message: unknown, sender: browser.Runtime.MessageSender) => {
  if (isShieldDropsMessage(message)) {
    void shieldDrops(message.drops, sender).catch(report);
    return;
  }
  await started;
  return route(message, sender);
});

// Open pages subscribe to what they show; the sender is checked as for messages. Pages open while this worker
// slept lost their ports with the last one: they are told it is back.
browser.runtime.onConnect.addListener((port) => pages.connect(port));
void browser.runtime.sendMessage(WORKER_STARTED).catch(() => undefined);

browserCookieJar.onChanged((change) => {
  void sweeper.changed(change).catch(report);
  void cmp.changed(change).catch(report);
});

// Every URL: the browser reports only requests to hosts the extension may see, which grow as sites are protected.
browserRequests.onBeforeRequest(['<all_urls>'], (request) => {
  if (request.tabId < 0) return;
  if (request.type === 'main_frame') {
    cmpChecker.forget(request.tabId);
    void tabRules?.navigated(request.tabId, request.url).catch(report);
    void settings()
      .then((current) => counter.navigated(request.tabId, coveredPageOf(indexOf(current), request.url)?.domain ?? null))
      .catch(report);
    return;
  }
  void settings()
    .then((current) => {
      const stopped = blockedRequest(indexOf(current), compiled(current), request);
      if (!stopped) return;
      return counter.blocked(request.tabId, stopped.domain, stopped.category, {
        tracker: stopped.tracker.id,
        kind: 'request',
        what: hostOf(request.url),
      });
    })
    .catch(report);
});

browserTabs.onRemoved((tabId) => {
  cmpChecker.forget(tabId);
  void tabRules?.closed(tabId).catch(report);
  void counter.closed(tabId).catch(report);
});
browserTabs.onLoaded((tabId, url) => {
  void cmpChecker.loaded(tabId, url).catch(report);
  void protector.loaded(tabId, url).catch(report);
});
browserTabs.onCommitted((tabId, url) => {
  void tabRules?.committed(tabId, url).catch(report);
  void declaredShield(tabId, url).catch(report);
});

browser.runtime.onInstalled.addListener(() => void started);
browser.runtime.onStartup.addListener(() => void started);

function report(error: unknown): void {
  console.warn('policy-guard:', error);
}
