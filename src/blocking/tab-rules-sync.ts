// Keeps the browser's tab-scoped session rules equal to what tab-rules.ts compiles for the open tabs' top-level pages and
// the current settings (tab-rules.ts compileTabRules), where the browser cannot scope rules by top-level page. Session
// rules last while the browser runs, so they hold while the worker sleeps; a woken worker reads the open tabs again.
// A tab's rules follow the top-level load's start (webRequest main_frame, the earliest event without asking for the
// webNavigation permission): in force 44–1,103 ms after navigation start in Firefox ESR 153 on a busy test machine,
// the first page of a fresh browser slowest (frames.e2e.ts), and before the page's frames loaded in every run; the
// page's own requests have the site rules meanwhile. Leaving for a page the extension may not see is known only once
// that page completes (tabs.onUpdated gives no URL for it before), so the old rules stay that long on it.
import { inRange, RULE_IDS } from './dnr-ids';
import type { CompiledRules } from './dnr-rules';
import { canonicalJson, reconcile } from '../shared/reconcile';
import type { Settings } from '../settings/settings';
import { compileTabRules } from './tab-rules';
import type { SessionRules } from '../ports/dnr';
import { hostOf } from '../shared/hosts';
import { serialQueue } from '../shared/serial-queue';

export interface TabRulesDeps {
  session: SessionRules;
  compile: (settings: Settings) => CompiledRules;
  settings: () => Promise<Settings>;
  /** The open tabs and their committed page URLs (undefined where the extension may not see it). */
  openTabs: () => Promise<Array<{ tabId: number; url: string | undefined }>>;
}

export interface TabRulesSync {
  /** A top-level load started in the tab (the earliest event the worker sees): its rules follow the new page. */
  navigated(tabId: number, url: string): Promise<void>;
  /** The tab's committed page changed or finished loading (undefined: a page the extension may not see). */
  committed(tabId: number, url: string | undefined): Promise<void>;
  closed(tabId: number): Promise<void>;
  /** Resolves once the session rules for these settings (or newer ones) and the tabs as known now are in force. */
  apply(settings: Settings): Promise<void>;
}

/**
 * Each change rewrites only the session rules in RULE_IDS.tabSession that differ (one atomic updateSessionRules), one
 * write at a time, changes arriving meanwhile coalesced into the next. On creation (each worker start) the open tabs'
 * committed pages are read once, and the first write removes what tabs closed while the worker slept left behind.
 */
export function createTabRulesSync({ session, compile, settings, openTabs }: TabRulesDeps): TabRulesSync {
  // Every tab the extension may see is tracked: which pages are covered changes when a site is protected, and the
  // compiled tab rules name only the tabs a site rule applies on.
  const pages = new Map<number, string>();
  // Tabs an event has told about since this worker started: fresher than what the start-up read of the tabs says.
  const told = new Set<number>();
  const started = openTabs().then((tabs) => {
    for (const { tabId, url } of tabs) if (!told.has(tabId) && url !== undefined) pages.set(tabId, url);
  });
  const enqueue = serialQueue();
  let latest: Settings | null = null;
  let queued: Promise<void> | null = null;

  const write = async (): Promise<void> => {
    await started.catch(() => undefined);
    const wanted = compileTabRules(compile(latest ?? (await settings())), pages);
    const held = (await session.getSessionRules()).filter((rule) => inRange(rule.id, RULE_IDS.tabSession));
    const changes = reconcile(held, wanted, canonicalJson);
    if (changes) await session.updateSessionRules({ removeRuleIds: changes.remove.map((rule) => rule.id), addRules: changes.add });
  };
  const sync = (): Promise<void> =>
    (queued ??= enqueue(() => {
      queued = null;
      return write();
    }));
  const set = (tabId: number, url: string | undefined): Promise<void> => {
    told.add(tabId);
    // The rules follow hosts: a new path or fragment on the same host (pushState, an anchor) changes nothing.
    const before = pages.get(tabId);
    if (url !== undefined) pages.set(tabId, url);
    else pages.delete(tabId);
    const after = pages.get(tabId);
    const same = before === after || (before !== undefined && after !== undefined && hostOf(before) === hostOf(after));
    return same ? (queued ?? Promise.resolve()) : sync();
  };

  return {
    navigated: set,
    committed: set,
    closed: (tabId) => set(tabId, undefined),
    apply: (current) => {
      latest = current;
      return sync();
    },
  };
}
