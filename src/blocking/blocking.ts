// The blocking slice as the worker builds it: the declarativeNetRequest rules in force for the settings, the removal
// of refused categories' cookies, and the count of what the rules stopped. Requests a covered page's frames make
// (other or opaque origins) are covered by top-level-page rules where the browser has `topDomains`, else by tab
// session rules kept in line with the tabs (tab-rules.ts says why).
import { createBlockedRequests } from './blocked-requests';
import { createCookieSweeper, type CookieSweeper } from './cookie-sweeper';
import { RULE_IDS } from './dnr-ids';
import type { CompiledRules } from './dnr-rules';
import { createDnrSync } from './dnr-sync';
import { compileTopDomainRules } from './tab-rules';
import { createTabRulesSync } from './tab-rules-sync';
import type { SiteIndex } from '../knowledge/site-index';
import type { DynamicRules } from '../ports/dnr';
import type { Ports } from '../ports/ports';
import type { ObservedRequest } from '../ports/requests';
import type { Settings } from '../settings/settings';
import type { TabCounter } from '../tab-counts/tab-counter';

export interface BlockingDeps {
  ports: Pick<Ports, 'dynamicRules' | 'sessionRules' | 'jar' | 'tabs' | 'topDomainsSupported'>;
  /** The covered sites under some settings, and the rules compiled for them. */
  indexOf: (settings: Settings) => SiteIndex;
  compiled: (settings: Settings) => CompiledRules;
  /** Rules another slice adds for the same settings (Global Privacy Control's headers), in their own id range. */
  headerRules: (settings: Settings) => Parameters<DynamicRules['updateDynamicRules']>[0]['addRules'];
  settings: () => Promise<Settings>;
  counter: Pick<TabCounter, 'navigated' | 'blocked' | 'cookieRemoved'>;
  report: (error: unknown) => void;
}

export interface Blocking {
  /** Resolves once the rules for these settings (or newer ones) are in force. */
  apply(settings: Settings): Promise<void>;
  /** A request of a tab (tabId ≥ 0), as webRequest reports it: a top-level load moves the tab's rules, and is counted. */
  requested(request: ObservedRequest): Promise<void>;
  /** The tab's committed page changed or finished loading (undefined: one the extension may not see). */
  committed(tabId: number, url: string | undefined): Promise<void>;
  closed(tabId: number): Promise<void>;
  sweeper: CookieSweeper;
}

export function createBlocking(deps: BlockingDeps): Blocking {
  const { compiled, counter, report } = deps;
  const { topDomainsSupported } = deps.ports;
  const siteRules = createDnrSync(
    deps.ports.dynamicRules,
    (current) => [
      ...compiled(current).rules,
      ...(topDomainsSupported ? compileTopDomainRules(compiled(current)) : []),
      ...deps.headerRules(current),
    ],
    [RULE_IDS.sites, RULE_IDS.topSites, RULE_IDS.globalPrivacyControl],
  );
  const tabRules = topDomainsSupported
    ? null
    : createTabRulesSync({
        session: deps.ports.sessionRules,
        compile: compiled,
        settings: deps.settings,
        openTabs: deps.ports.tabs.openTabs,
      });
  const counted = createBlockedRequests({ indexOf: deps.indexOf, compiled, settings: deps.settings, counter });
  const sweeper = createCookieSweeper({
    jar: deps.ports.jar,
    indexOf: deps.indexOf,
    settings: deps.settings,
    onRemoved: ({ domain, category, tracker }, name) =>
      void counter.cookieRemoved(domain, category, { tracker, kind: 'cookie', what: name }).catch(report),
  });
  return {
    apply: async (current) => {
      await Promise.all([siteRules.apply(current), tabRules?.apply(current)]);
    },
    requested: async (request) => {
      await Promise.all([request.type === 'main_frame' ? tabRules?.navigated(request.tabId, request.url) : undefined, counted(request)]);
    },
    committed: async (tabId, url) => tabRules?.committed(tabId, url),
    closed: async (tabId) => tabRules?.closed(tabId),
    sweeper,
  };
}
