// What each message does. Every change goes through the settings store's queue, is checked against the schema
// before it is written, and answers once its rules are in force (see the protocol), not after the cookie sweep.
import { isRefusable, takesDefault } from '../settings/choices';
import type { Site } from '../knowledge/schema';
import { freshSettings, type Settings } from '../settings/settings';
import { registrableDomain, ownerOfDomain } from '../knowledge/registrable-domain';
import {
  copySiteChoices,
  removeSiteException,
  setDefaultChoice,
  setPreferences,
  setSiteChoice,
  setSiteChoices,
  setSitePaused,
} from '../settings/ops';
import { exportSettings, parseImport } from '../settings/schema';
import type { SiteIndex } from '../knowledge/site-index';
import type { CmpAnswerer } from '../consent-manager/answerer';
import type { Handlers } from './router';
import type { SettingsChanges } from '../settings/changes';
import type { SettingsStore } from '../settings/store';
import type { SiteProtector } from '../protected-sites/site-protector';
import type { TabView } from './tab-view';

export interface HandlerDeps {
  /** The knowledge base's sites (an import's version-1 choices name them; a protected site may not overlap them). */
  bundled: readonly Site[];
  /** The covered sites under some settings (the bundled and the protected ones). */
  indexOf: (settings: Settings) => SiteIndex;
  store: Pick<SettingsStore, 'current'>;
  tabs: TabView;
  /** Stores a change, then puts it in force: resolves once its rules are, while the cookie sweep goes on. */
  changes: Pick<SettingsChanges, 'change'>;
  /** Grants the person made in a site's consent manager, waiting for them to confirm (answerer.ts). */
  cmpQuestions: Pick<CmpAnswerer, 'questionOf' | 'settleQuestion'>;
  protector: Pick<SiteProtector, 'read' | 'protect' | 'unprotect' | 'release'>;
}

export function createHandlers({ bundled, indexOf, store, tabs, changes, cmpQuestions, protector }: HandlerDeps): Handlers {
  const index = async (): Promise<SiteIndex> => indexOf((await store.current()).settings);
  const { change } = changes;
  /** Settings that replace all of them (an import, a reset): the sites no longer protected give their access back. */
  const replace = async (settings: Settings): Promise<Settings> => {
    const before = Object.keys((await store.current()).settings.protectedSites);
    const next = await change(() => settings);
    await protector.release(before);
    return next;
  };
  const ownerOf = async (domain: string): Promise<Site> => {
    const site = typeof domain === 'string' ? ownerOfDomain(await index(), domain) : undefined;
    if (site === undefined) throw new Error(`no covered site has the registrable domain ${JSON.stringify(domain)}`);
    return site;
  };
  const setChoice = async (domain: string, categoryId: string, allowed: boolean): Promise<Settings> => {
    if (!isRefusable(await ownerOf(domain), categoryId)) throw new Error(`"${categoryId}" cannot be refused on ${domain}`);
    return change((settings) => setSiteChoice(settings, domain, categoryId, allowed === true));
  };
  const setPaused = async (domain: string, paused: boolean): Promise<Settings> => {
    await ownerOf(domain);
    return change((settings) => setSitePaused(settings, domain, paused === true));
  };
  const applyToOwner = async (domain: string): Promise<Settings> => {
    const others = [...new Set((await ownerOf(domain)).domains.map(registrableDomain))].filter((other) => other !== domain);
    return change((settings) => copySiteChoices(settings, domain, others));
  };

  return {
    'get-tab-state': ({ tabId }) => tabs.state(tabId),
    'set-tab-choice': async ({ tabId, domain, categoryId, allowed }) => {
      await setChoice(domain, categoryId, allowed);
      return tabs.state(tabId);
    },
    'set-tab-paused': async ({ tabId, domain, paused }) => {
      await setPaused(domain, paused);
      return tabs.state(tabId);
    },
    'answer-cmp-question': async ({ tabId, domain, allow, categories }) => {
      const site = await ownerOf(domain);
      const question = await cmpQuestions.questionOf(domain);
      const shown = Array.isArray(categories) ? categories : [];
      // Only what the popup showed and the site's CMP still records, and only refusable categories: a page may
      // replace the question between the showing and the click, and it chose the list.
      const granted = (question?.granted ?? []).filter((categoryId) => shown.includes(categoryId) && isRefusable(site, categoryId));
      if (allow === true && granted.length > 0) await change((settings) => setSiteChoices(settings, domain, granted, true));
      // A question the popup did not show stays to be asked.
      const same = question !== null && question.granted.length === shown.length && question.granted.every((id) => shown.includes(id));
      if (same) await cmpQuestions.settleQuestion(domain);
      return tabs.state(tabId);
    },
    'apply-choices-to-owner': async ({ tabId, domain }) => {
      await applyToOwner(domain);
      return tabs.state(tabId);
    },
    'set-site-choice': ({ domain, categoryId, allowed }) => setChoice(domain, categoryId, allowed),
    'set-site-paused': ({ domain, paused }) => setPaused(domain, paused),
    'remove-site-exception': ({ domain }) => change((settings) => removeSiteException(settings, domain)),
    async 'get-settings'() {
      const { settings, recovered } = await store.current();
      return { settings, recovered, sites: [...indexOf(settings).sites] };
    },
    'set-default-choice': async ({ categoryId, allowed }) => {
      if (!takesDefault((await index()).sites, categoryId)) throw new Error(`"${categoryId}" cannot be refused`);
      return change((settings) => setDefaultChoice(settings, categoryId, allowed === true));
    },
    'set-preferences': (preferences) => change((settings) => setPreferences(settings, preferences)),
    'export-settings': async () => ({ text: exportSettings((await store.current()).settings) }),
    async 'import-settings'({ text }) {
      const result = parseImport(typeof text === 'string' ? text : '', bundled);
      if (!result.ok) return result;
      await replace(result.settings);
      return result;
    },
    'reset-settings': () => replace(freshSettings()),
    'read-tab-site': ({ tabId }) => protector.read(tabId),
    'protect-tab-site': async ({ tabId, domain }) => {
      await protector.protect(tabId, typeof domain === 'string' ? domain : '');
      return tabs.state(tabId);
    },
    'unprotect-site': ({ domain }) => protector.unprotect(typeof domain === 'string' ? domain : ''),
  };
}
