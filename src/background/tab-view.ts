// What the popup shows about a tab: the covered site of its page (with only the sentences its claims cite), the
// choices there under the current settings, and what was stopped on it.
import { choicesOn } from '../core/choices';
import { withCitedSentencesOnly } from '../core/cited-view';
import { hostOf } from '../core/hosts';
import type { Site } from '../core/knowledge';
import type { TabState } from '../core/messages';
import { siteOfHost, type SiteIndex } from '../core/site-index';
import type { SettingsStore } from './settings-store';
import type { TabCounter } from './tab-counter';

export interface TabViewDeps {
  index: SiteIndex;
  store: SettingsStore;
  counter: TabCounter;
  /** The URL of a tab's page, when the extension may see it (covered sites are in its host permissions). */
  tabUrl: (tabId: number) => Promise<string | undefined>;
}

export interface TabView {
  /** The covered site the tab shows, as the popup sees it; null when it shows none (or its URL is hidden). */
  siteOf(tabId: number): Promise<Site | null>;
  state(tabId: number): Promise<TabState>;
}

export function createTabView({ index, store, counter, tabUrl }: TabViewDeps): TabView {
  const popupViews = new Map(index.sites.map((site) => [site.id, withCitedSentencesOnly(site)]));
  const siteOf = async (tabId: number): Promise<Site | null> => {
    const url = await tabUrl(tabId);
    const covered = url === undefined ? undefined : siteOfHost(index, hostOf(url))?.site;
    return covered === undefined ? null : popupViews.get(covered.id)!;
  };
  return {
    siteOf,
    async state(tabId) {
      const site = await siteOf(tabId);
      const { settings } = await store.current();
      const { allowed, paused } = site === null ? { allowed: {}, paused: false } : choicesOn(site, settings);
      return { site, allowed, paused, counts: await counter.counts(tabId, site?.id ?? null) };
    },
  };
}
