// The consent-manager slice as the worker builds it: the answerer that keeps each covered site's CMP record saying the
// person's choices, and the checker that verifies (and repairs) a loaded page's CMP through its own API. Open popups
// hear when a tab's check or a domain's question changed through `onChanged`.
import { createCmpAnswerer, type CmpAnswerer } from './answerer';
import { createCmpChecker } from './checker';
import { choicesOn } from '../settings/choices';
import type { Settings } from '../settings/settings';
import type { SiteIndex } from '../knowledge/site-index';
import type { Ports } from '../ports/ports';

export interface ConsentManagerDeps {
  /** The jar, the pages' main world, and storage.session, where the per-domain answer state lives while the browser runs. */
  ports: Pick<Ports, 'jar' | 'pageScripts' | 'storage'>;
  /** The covered sites under some settings (the bundled and the protected ones). */
  indexOf: (settings: Settings) => SiteIndex;
  settings: () => Promise<Settings>;
  /** Makes the person's refusals in a CMP their choice on `domain`; resolves with the new settings once stored. */
  refuse: (domain: string, categories: string[]) => Promise<Settings>;
  report: (error: unknown) => void;
}

/** What changed for open popups: one tab's check, or the question on every tab showing a registrable domain. */
export type CmpChange = { tabId: number } | { domain: string };

export function createConsentManager({ ports, indexOf, settings, refuse, report }: ConsentManagerDeps) {
  const { jar, pageScripts: pages } = ports;
  const { session } = ports.storage;
  const listeners: Array<(change: CmpChange) => void> = [];
  const changed = (change: CmpChange): void => {
    for (const listener of listeners) listener(change);
  };
  const choicesFor = (site: Parameters<typeof choicesOn>[0], domain: string, current: Settings) => choicesOn(site, current, domain);
  const answerer: CmpAnswerer = createCmpAnswerer({
    jar,
    sitesOf: (current) => indexOf(current).sites,
    choicesFor,
    settings,
    clock: () => ({ now: new Date(), newConsentId: () => crypto.randomUUID() }),
    session,
    refuse,
    questionChanged: (domain) => changed({ domain }),
    report,
  });
  const checker = createCmpChecker({
    pages,
    indexOf,
    settings,
    choicesFor,
    declared: (domain, groups) => answerer.declare(domain, groups),
    ownInteraction: (domain, interact) => answerer.ownInteraction(domain, interact),
    onChecked: (tabId) => changed({ tabId }),
  });
  return {
    answerer,
    checker,
    /** Registers a listener of what changed for open popups (the worker's pushes to pages). */
    onChanged: (listener: (change: CmpChange) => void): void => void listeners.push(listener),
  };
}
