// Once a covered page has loaded, checks that its consent manager (CMP) believes what its record told it; on a
// mismatch makes the one repair call through the CMP's own API, then checks again. The outcome is this tab's only:
// everything read from the page is untrusted and changes no rule.
import { cmpAnswer, type DeclaredBeyondMap } from './answer';
import type { CmpCheck } from './status';
import { registry as defaultRegistry, type PlatformRegistry } from './registry';
import { coveredPageOf } from '../knowledge/registrable-domain';
import type { Site } from '../knowledge/schema';
import type { Settings } from '../settings/settings';
import type { SiteIndex } from '../knowledge/site-index';
import type { PageScripts } from '../ports/scripting';

/** How long a page's CMP may take to publish its groups after the page's load event: real banners load late. */
const OBSERVE_WAIT_MS = 10_000;

export interface CmpCheckerDeps {
  pages: Pick<PageScripts, 'runInDocument'>;
  /** The covered sites under some settings (the bundled and the protected ones). */
  indexOf: (settings: Settings) => SiteIndex;
  settings: () => Promise<Settings>;
  choicesFor: (site: Site, domain: string, settings: Settings) => { allowed: Record<string, boolean>; paused: boolean };
  /** The page's CMP on `domain` declares these groups the map lacks: its record answers them too. */
  declared: (domain: string, groups: DeclaredBeyondMap) => Promise<void>;
  /** Runs the repair as the extension's own interaction with the CMP (answerer.ts), not the person's. */
  ownInteraction: (domain: string, interact: () => Promise<number>) => Promise<void>;
  /** A tab's check is done (its popup, if open, shows it). */
  onChecked: (tabId: number) => void;
  /** The CMPs it knows (registry.ts's unless given). */
  registry?: PlatformRegistry;
}

export function createCmpChecker(deps: CmpCheckerDeps) {
  const { pages, indexOf, settings, choicesFor, declared, ownInteraction, onChecked, registry = defaultRegistry } = deps;
  // Per tab, the check of the page it shows; a new page or a closed tab forgets it. Kept in memory: a worker that
  // slept has none until the tab's next page load, and the popup then says "not checked yet".
  const checks = new Map<number, CmpCheck>();
  // Per tab, how many pages it has left: a check that ends after its page was left (two observations can take 20 s)
  // is dropped rather than shown for the next page.
  const departures = new Map<number, number>();
  const forget = (tabId: number): void => {
    checks.delete(tabId);
    departures.set(tabId, (departures.get(tabId) ?? 0) + 1);
  };
  return {
    /** The last check of the tab's page, or null. */
    checkOf: (tabId: number): CmpCheck | null => checks.get(tabId) ?? null,
    /** The tab left its page or closed. */
    forget,
    /**
     * A tab finished loading `url`: checks its CMP when the page is a covered, unpaused site whose CMP has an API.
     * Everything after the first observation is bound to the document observed (its id, where the browser reports
     * one, and its origin, checked in the page) and dropped once the tab has left it: a page that navigates away must
     * not have its repair, its declared groups or its check land on the next page.
     */
    async loaded(tabId: number, url: string | undefined): Promise<void> {
      // Counted before anything is awaited: the tab may leave the page meanwhile.
      const left = departures.get(tabId) ?? 0;
      const stayed = (): boolean => (departures.get(tabId) ?? 0) === left;
      const current = await settings();
      const page = url === undefined ? undefined : coveredPageOf(indexOf(current), url);
      const api = page === undefined ? undefined : registry.of(page.site.consentManager.platform)?.api;
      if (page === undefined || api === undefined) return;
      const origin = new URL(url!).origin;
      const checked = (check: CmpCheck): void => {
        if (!stayed()) return;
        checks.set(tabId, check);
        onChecked(tabId);
      };
      const { site, domain } = page;
      const { allowed, paused } = choicesFor(site, domain, current);
      if (paused) return;
      const first = await pages.runInDocument(tabId, undefined, api.observe, [OBSERVE_WAIT_MS, origin]);
      const observe = async (): Promise<unknown> =>
        (await pages.runInDocument(tabId, first.documentId, api.observe, [OBSERVE_WAIT_MS, origin])).result;
      if (!stayed()) return;
      // Groups the CMP declares beyond the map are answered too: refused, unless it marks them always active.
      const groups = api.declaredGroups(first.result);
      const answer = cmpAnswer(
        site.consentManager,
        allowed,
        groups.map(({ id }) => id),
        groups.filter((group) => group.alwaysActive).map(({ id }) => id),
      );
      const unmapped = groups
        .filter(({ id }) => answer.unmapped.includes(id))
        .map(({ id, name, description }) => ({ id, name, description, told: answer.groups.get(id) === true }));
      const alwaysActive = unmapped.filter((group) => group.told).map(({ id }) => id);
      await declared(domain, { refusable: unmapped.filter((group) => !group.told).map(({ id }) => id), alwaysActive });
      const before = api.verify(answer.groups, first.result);
      const necessary = new Set(
        (site.consentManager.groups?.map ?? [])
          .filter(({ category }) => !site.categories.some((candidate) => candidate.id === category && candidate.refusable))
          .map(({ id }) => id),
      );
      const repair = before.state === 'mismatch' ? api.repair(answer.groups, necessary, new Set(alwaysActive)) : null;
      if (repair === null) {
        checked({ verdict: before, repaired: null, unmapped });
        return;
      }
      await ownInteraction(domain, async () => {
        // The repair may have waited in the answerer's queue while the tab moved on: it is then dropped.
        if (!stayed()) return 0;
        await pages.runInDocument(tabId, first.documentId, api.repairInPage, [origin, repair.call, repair.groups]);
        return repair.interactions;
      });
      if (!stayed()) return;
      checked({ verdict: api.verify(answer.groups, await observe()), repaired: { call: repair.call, before }, unmapped });
    },
  };
}
