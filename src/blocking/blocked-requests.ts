// Counts what the rules stopped, as the webRequest API reports the tab's requests (observed, never changed): a
// top-level load starts the tab's counts again, and a request a compiled rule blocks counts under its category.
import { blockedRequest } from './verdicts';
import type { CompiledRules } from './dnr-rules';
import { coveredPageOf } from '../knowledge/registrable-domain';
import type { SiteIndex } from '../knowledge/site-index';
import type { ObservedRequest } from '../ports/requests';
import type { Settings } from '../settings/settings';
import { hostOf } from '../shared/hosts';
import type { TabCounter } from '../tab-counts/tab-counter';

export interface BlockedRequestsDeps {
  indexOf: (settings: Settings) => SiteIndex;
  compiled: (settings: Settings) => CompiledRules;
  settings: () => Promise<Settings>;
  counter: Pick<TabCounter, 'navigated' | 'blocked'>;
}

/** One observed request of a tab (tabId ≥ 0): resolves once it is counted, or found not to count. */
export function createBlockedRequests({ indexOf, compiled, settings, counter }: BlockedRequestsDeps) {
  return async (request: ObservedRequest): Promise<void> => {
    const current = await settings();
    if (request.type === 'main_frame') {
      await counter.navigated(request.tabId, coveredPageOf(indexOf(current), request.url)?.domain ?? null);
      return;
    }
    const stopped = blockedRequest(indexOf(current), compiled(current), request);
    if (!stopped) return;
    await counter.blocked(request.tabId, stopped.domain, stopped.category, {
      tracker: stopped.tracker.id,
      kind: 'request',
      what: hostOf(request.url),
    });
  };
}
