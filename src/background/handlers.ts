// What each message does. Every change goes through the settings store's queue, is checked against the schema
// before it is written, and answers once its rules are in force (see the protocol), not after the cookie sweep.
import * as v from 'valibot';
import { isRefusable, isRefusableOnAnySite } from '../core/choices';
import type { Site } from '../core/knowledge';
import { freshSettings, type Settings } from '../core/settings';
import { removeSiteException, setDefaultChoice, setPreferences, setSiteChoice, setSitePaused } from '../core/settings-ops';
import { exportSettings, parseImport, SettingsSchema } from '../core/settings-schema';
import type { SiteIndex } from '../core/site-index';
import type { Handlers } from './message-router';
import type { SettingsStore } from './settings-store';
import type { TabView } from './tab-view';

export interface HandlerDeps {
  index: SiteIndex;
  store: SettingsStore;
  tabs: TabView;
  /** Puts new settings in force: resolves once their rules are, while the cookie sweep goes on. */
  enforce: (settings: Settings) => Promise<void>;
}

export function createHandlers({ index, store, tabs, enforce }: HandlerDeps): Handlers {
  const change = async (edit: (settings: Settings) => Settings): Promise<Settings> => {
    const next = await store.update((settings) => {
      const edited = edit(settings);
      if (!v.is(SettingsSchema, edited)) throw new Error('the change would make the settings invalid');
      return edited;
    });
    await enforce(next);
    return next;
  };
  const knownSite = (siteId: string): Site => {
    const site = index.byId.get(siteId)?.site;
    if (site === undefined) throw new Error(`no covered site "${siteId}"`);
    return site;
  };
  const setChoice = async (siteId: string, categoryId: string, allowed: boolean): Promise<Settings> => {
    if (!isRefusable(knownSite(siteId), categoryId)) throw new Error(`"${categoryId}" cannot be refused on ${siteId}`);
    return change((settings) => setSiteChoice(settings, siteId, categoryId, allowed === true));
  };
  const setPaused = async (siteId: string, paused: boolean): Promise<Settings> => {
    knownSite(siteId);
    return change((settings) => setSitePaused(settings, siteId, paused === true));
  };

  return {
    'get-tab-state': ({ tabId }) => tabs.state(tabId),
    'set-tab-choice': async ({ tabId, siteId, categoryId, allowed }) => {
      await setChoice(siteId, categoryId, allowed);
      return tabs.state(tabId);
    },
    'set-tab-paused': async ({ tabId, siteId, paused }) => {
      await setPaused(siteId, paused);
      return tabs.state(tabId);
    },
    'set-site-choice': ({ siteId, categoryId, allowed }) => setChoice(siteId, categoryId, allowed),
    'set-site-paused': ({ siteId, paused }) => setPaused(siteId, paused),
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
