// What each message does. Every change goes through the settings store's queue, is checked against the schema
// before it is written, and answers once its rules are in force (see the protocol), not after the cookie sweep.
import * as v from 'valibot';
import { isAllowed, isPaused, isRefusable, isRefusableOnAnySite } from '../core/choices';
import { withCitedSentencesOnly } from '../core/cited-view';
import { hostOf } from '../core/hosts';
import type { Site } from '../core/knowledge';
import { freshSettings, type Settings } from '../core/settings';
import { removeSiteException, setDefaultChoice, setPreferences, setSiteChoice, setSitePaused } from '../core/settings-ops';
import { exportSettings, parseImport, SettingsSchema } from '../core/settings-schema';
import { siteOfHost, type SiteIndex } from '../core/site-index';
import type { Handlers } from './message-router';
import type { SettingsStore } from './settings-store';
import type { TabCounter } from './tab-counter';

export interface HandlerDeps {
  index: SiteIndex;
  store: SettingsStore;
  counter: TabCounter;
  /** The URL of a tab's page, when the extension may see it (covered sites are in its host permissions). */
  tabUrl: (tabId: number) => Promise<string | undefined>;
  /** Puts new settings in force: resolves once their rules are, while the cookie sweep goes on. */
  enforce: (settings: Settings) => Promise<void>;
}

export function createHandlers({ index, store, counter, tabUrl, enforce }: HandlerDeps): Handlers {
  const change = async (edit: (settings: Settings) => Settings): Promise<Settings> => {
    const next = await store.update((settings) => {
      const edited = edit(settings);
      if (!v.is(SettingsSchema, edited)) throw new Error('the change would make the settings invalid');
      return edited;
    });
    await enforce(next);
    return next;
  };
  const popupViews = new Map(index.sites.map((site) => [site.id, withCitedSentencesOnly(site)]));
  const knownSite = (siteId: string): Site => {
    const site = index.byId.get(siteId)?.site;
    if (site === undefined) throw new Error(`no covered site "${siteId}"`);
    return site;
  };

  return {
    async 'get-tab-state'({ tabId }) {
      const url = await tabUrl(tabId);
      const covered = url === undefined ? undefined : siteOfHost(index, hostOf(url))?.site;
      const site = covered === undefined ? null : popupViews.get(covered.id)!;
      const { settings } = await store.current();
      const allowed = Object.fromEntries((site?.categories ?? []).map((category) => [category.id, isAllowed(site!, category, settings)]));
      return {
        site,
        allowed,
        paused: site !== null && isPaused(settings, site.id),
        counts: await counter.counts(tabId, site?.id ?? null),
      };
    },
    'set-site-choice': async ({ siteId, categoryId, allowed }) => {
      if (!isRefusable(knownSite(siteId), categoryId)) throw new Error(`"${categoryId}" cannot be refused on ${siteId}`);
      return change((settings) => setSiteChoice(settings, siteId, categoryId, allowed === true));
    },
    'set-site-paused': async ({ siteId, paused }) => {
      knownSite(siteId);
      return change((settings) => setSitePaused(settings, siteId, paused === true));
    },
    'remove-site-exception': ({ siteId }) => change((settings) => removeSiteException(settings, siteId)),
    async 'get-settings'() {
      const { settings, recovered } = await store.current();
      return { settings, recovered, sites: [...index.sites] };
    },
    'set-default-choice': async ({ categoryId, allowed }) => {
      if (!isRefusableOnAnySite(index.sites, categoryId)) throw new Error(`"${categoryId}" cannot be refused`);
      return change((settings) => setDefaultChoice(settings, categoryId, allowed === true));
    },
    'set-preferences': (preferences) => change((settings) => setPreferences(settings, preferences)),
    'export-settings': async () => ({ text: exportSettings((await store.current()).settings) }),
    async 'import-settings'({ text }) {
      const result = parseImport(typeof text === 'string' ? text : '');
      if (result.ok) await change(() => result.settings);
      return result;
    },
    'reset-settings': () => change(() => freshSettings()),
  };
}
