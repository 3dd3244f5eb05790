// Per-tab counts of what was stopped, by category, mirrored in storage.session so a woken worker keeps them,
// told to whoever listens (open pages), and shown on the badge, which is written only when its text changes.
import {
  badgeText,
  countStop,
  type Stop,
  type StoppedThing,
  type Tally,
  type TabCounts,
  type TabRecord,
  type TabTable,
} from './tab-counts';
import type { KeyValueArea } from '../ports/storage';
import { serialQueue } from '../shared/serial-queue';

const TAB_COUNTS_KEY = 'tabCounts';

export interface TabCounterDeps {
  session: KeyValueArea;
  setBadge: (tabId: number, text: string) => Promise<void>;
  badgeEnabled: () => Promise<boolean>;
}

export interface TabCounter {
  /** A new top-level page in the tab, of a covered registrable domain or null: its counts start again. */
  navigated(tabId: number, domain: string | null): Promise<void>;
  /** A request of the tab's page blocked: `stop` names the tracker and the request's host. */
  blocked(tabId: number, domain: string, category: string, stop: Stop): Promise<void>;
  /**
   * Cookies belong to a registrable domain, not a tab: the removal counts on every tab showing that domain. `stop`
   * names the cookie and its tracker (null when the knowledge does not know it).
   */
  cookieRemoved(domain: string, category: string, stop: Stop): Promise<void>;
  /**
   * Writes the cookie shield dropped on the tab's page (cookies and storage keys, counted as removed cookies), per
   * category: `count` in all, of which `stopped` names some (their counts are part of it); counted only while the tab
   * still shows `domain`.
   */
  dropped(
    tabId: number,
    domain: string,
    drops: Readonly<Record<string, { count: number; stopped: readonly StoppedThing[] }>>,
  ): Promise<void>;
  closed(tabId: number): Promise<void>;
  /** The tab's counts while it still shows that domain; a tab that has moved on has none. */
  counts(tabId: number, domain: string | null): Promise<TabCounts>;
  /** Brings every tab's badge in line with the settings (the badge preference); unchanged texts are not rewritten. */
  refreshBadges(): Promise<void>;
  /** Registers a listener told of a tab's record each time its counts change (a new page, a stop), once stored. */
  onCounts(listener: (tabId: number, record: TabRecord) => void): void;
}

export function createTabCounter({ session, setBadge, badgeEnabled }: TabCounterDeps): TabCounter {
  const listeners: Array<(tabId: number, record: TabRecord) => void> = [];
  const enqueue = serialQueue();
  let table: TabTable | null = null;
  // Tab id → the badge text this worker last wrote there: most counts leave the text as it was.
  const written = new Map<number, string>();
  const load = async (): Promise<TabTable> =>
    (table ??= ((await session.get(TAB_COUNTS_KEY))[TAB_COUNTS_KEY] as TabTable | undefined) ?? {});
  const writeBadges = async (tabs: TabTable, tabIds: number[]): Promise<void> => {
    const enabled = await badgeEnabled();
    const changed = tabIds
      .map((tabId) => ({ tabId, text: badgeText(tabs[tabId]?.counts ?? {}, enabled) }))
      .filter(({ tabId, text }) => written.get(tabId) !== text);
    await Promise.all(
      changed.map(({ tabId, text }) => {
        written.set(tabId, text);
        return setBadge(tabId, text);
      }),
    );
  };
  /** `edit` returns the tabs whose counts it changed. */
  const change = (edit: (tabs: TabTable) => number[]): Promise<void> =>
    enqueue(async () => {
      const tabs = await load();
      const changed = edit(tabs);
      await session.set({ [TAB_COUNTS_KEY]: tabs });
      for (const tabId of changed) {
        const record = tabs[tabId];
        if (record) for (const listener of listeners) listener(tabId, record);
      }
      await writeBadges(tabs, changed);
    });
  const bump = (tabs: TabTable, tabId: string, category: string, kind: Tally, by = 1, stop?: Stop): void => {
    const record = tabs[tabId];
    if (record) record.counts = countStop(record.counts, category, kind, by, stop);
  };
  return {
    navigated: (tabId, domain) =>
      change((tabs) => {
        // Firefox resets a tab's own badge text when the tab navigates, so what was written there is gone
        // (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/action/setBadgeText).
        written.delete(tabId);
        tabs[tabId] = { domain, counts: {} };
        return [tabId];
      }),
    blocked: (tabId, domain, category, stop) =>
      change((tabs) => {
        // A tab that navigated before this worker life began has no record yet.
        tabs[tabId] ??= { domain, counts: {} };
        bump(tabs, String(tabId), category, 'blockedRequests', 1, stop);
        return [tabId];
      }),
    cookieRemoved: (domain, category, stop) =>
      change((tabs) => {
        const showing = Object.keys(tabs).filter((tabId) => tabs[tabId]?.domain === domain);
        for (const tabId of showing) bump(tabs, tabId, category, 'removedCookies', 1, stop);
        return showing.map(Number);
      }),
    dropped: (tabId, domain, drops) =>
      change((tabs) => {
        if (tabs[tabId]?.domain !== domain) return [];
        for (const [category, { count, stopped }] of Object.entries(drops)) {
          let unnamed = count;
          for (const { count: times, ...stop } of stopped) {
            bump(tabs, String(tabId), category, 'removedCookies', times, stop);
            unnamed -= times;
          }
          if (unnamed > 0) bump(tabs, String(tabId), category, 'removedCookies', unnamed);
        }
        return [tabId];
      }),
    closed: (tabId) =>
      change((tabs) => {
        delete tabs[tabId];
        written.delete(tabId);
        return [];
      }),
    counts: async (tabId, domain) => {
      const record = (await enqueue(load))[tabId];
      return record !== undefined && record.domain === domain ? record.counts : {};
    },
    refreshBadges: () =>
      enqueue(async () => {
        const tabs = await load();
        await writeBadges(tabs, Object.keys(tabs).map(Number));
      }),
    onCounts: (listener) => void listeners.push(listener),
  };
}
