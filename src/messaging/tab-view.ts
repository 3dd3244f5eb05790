// What the popup shows about a tab: the covered site of its page (with only the sentences its claims cite), the
// registrable domain the choices there belong to, those choices under the current settings, and what was stopped on it.
import { choicesOn } from '../settings/choices';
import { classifyCookie } from '../knowledge/classify';
import { withCitedSentencesOnly } from '../knowledge/cited-view';
import type { CmpQuestion } from '../consent-manager/person-answer';
import { cmpStatus, type CmpCheck } from '../consent-manager/status';
import { MAX_UNDECLARED_SHOWN, type TabState } from './protocol';
import { coveredPageOf, type CoveredPage } from '../knowledge/registrable-domain';
import type { Site } from '../knowledge/schema';
import type { Settings } from '../settings/settings';
import type { SiteIndex } from '../knowledge/site-index';
import type { CookieJar } from '../ports/cookies';
import type { SettingsStore } from '../settings/store';
import type { TabCounter } from '../tab-counts/tab-counter';

export interface TabViewDeps {
  /** The covered sites under some settings (the bundled and the protected ones). */
  indexOf: (settings: Settings) => SiteIndex;
  store: Pick<SettingsStore, 'current'>;
  counter: TabCounter;
  /** The cookie jar, read for the cookies a protected site does not declare. */
  jar: Pick<CookieJar, 'cookiesIn'>;
  /** The URL of a tab's page, when the extension may see it (a host permission, or the popup's activeTab grant). */
  tabUrl: (tabId: number) => Promise<string | undefined>;
  /** The check of the tab's page's consent manager, when one ran (checker.ts). */
  cmpCheckOf: (tabId: number) => CmpCheck | null;
  /** A grant the person made in the domain's consent manager, waiting to be confirmed (answerer.ts). */
  cmpQuestionOf: (domain: string) => Promise<CmpQuestion | null>;
  /** Whether the domain's last answer to its consent manager could not be written (answerer.ts). */
  cmpAnswerFailed: (domain: string) => Promise<boolean>;
}

export interface TabView {
  /** The covered page the tab shows (its site as the popup sees it); null when none (or its URL is hidden). */
  pageOf(tabId: number): Promise<CoveredPage | null>;
  state(tabId: number): Promise<TabState>;
  /** The consent manager's line alone (what the popup's CMP pushes carry), without the counts or the jar. */
  cmp(tabId: number): Promise<TabState['cmp']>;
}

export function createTabView(deps: TabViewDeps): TabView {
  const { indexOf, store, counter, jar, tabUrl, cmpCheckOf, cmpQuestionOf, cmpAnswerFailed } = deps;
  const popupViews = new WeakMap<Site, Site>();
  const popupView = (site: Site): Site => {
    let view = popupViews.get(site);
    if (view === undefined) popupViews.set(site, (view = withCitedSentencesOnly(site)));
    return view;
  };
  const pageOf = async (tabId: number): Promise<CoveredPage | null> => {
    const url = await tabUrl(tabId);
    const covered = url === undefined ? undefined : coveredPageOf(indexOf((await store.current()).settings), url);
    return covered === undefined ? null : { site: popupView(covered.site), domain: covered.domain };
  };
  /** The cookies on a protected domain that its site does not classify (its consent manager does not declare them). */
  const undeclaredOn = async (domain: string, settings: Settings): Promise<TabState['undeclared']> => {
    const index = indexOf(settings);
    const cookies = await jar.cookiesIn([domain]);
    const names = new Set(cookies.filter((cookie) => classifyCookie(index, cookie).kind === 'unknown').map((cookie) => cookie.name));
    return { names: [...names].sort().slice(0, MAX_UNDECLARED_SHOWN), removed: settings.unknownCookies === 'remove' };
  };
  const cmpOn = async (tabId: number, page: CoveredPage, settings: Settings): Promise<TabState['cmp']> => {
    const { allowed, paused } = choicesOn(page.site, settings, page.domain);
    const [question, failed] = await Promise.all([cmpQuestionOf(page.domain), cmpAnswerFailed(page.domain)]);
    return cmpStatus(page.site, allowed, paused, cmpCheckOf(tabId), question, failed);
  };
  return {
    pageOf,
    async cmp(tabId) {
      const page = await pageOf(tabId);
      return page === null ? null : cmpOn(tabId, page, (await store.current()).settings);
    },
    async state(tabId) {
      const page = await pageOf(tabId);
      const { settings } = await store.current();
      const { allowed, paused } = page === null ? { allowed: {}, paused: false } : choicesOn(page.site, settings, page.domain);
      const domain = page?.domain ?? null;
      const cmp = page === null ? null : await cmpOn(tabId, page, settings);
      const counts = await counter.counts(tabId, domain);
      const record = domain === null ? undefined : settings.protectedSites[domain];
      const protection = record === undefined ? null : { protectedAt: record.protectedAt, changes: record.changes };
      const undeclared = record === undefined || domain === null ? null : await undeclaredOn(domain, settings);
      const { globalPrivacyControl } = settings;
      return { site: page?.site ?? null, domain, allowed, paused, counts, cmp, globalPrivacyControl, protection, undeclared };
    },
  };
}
