// Counts the writes the cookie shield dropped on a page, as its relay reports them (cookie-shield/shield-report.ts). The
// report comes from a web page's side, so it is read again with the schema and counted only on the sender's tab,
// only for categories refused on the registrable domain that tab shows, and only when the sending frame is on it or a
// same-origin frame without a URL of its own (about:blank, about:srcdoc). A name it gives is listed only under the
// tracker of that category whose cookie or storage pattern it matches in the site's knowledge, as the shield matched
// it; any other name is counted, not listed: the page's own events can list only names the knowledge gives there.
// At most MAX_DROPS_PER_DOCUMENT drops are counted per tab and top-level document (drop-budget.ts): past that, a report
// is dropped before it is even parsed.
import { createDropBudget } from './drop-budget';
import { refusedCategories } from '../settings/choices';
import { matchName } from '../knowledge/cookie-names';
import type { Site } from '../knowledge/schema';
import { coveredPageOf, type CoveredPage } from '../knowledge/registrable-domain';
import type { Settings } from '../settings/settings';
import { shieldNamePatterns } from './shield-plan';
import { parseDrops, withinBudget } from './shield-report';
import type { DroppedName } from './shield-tally';
import type { SiteIndex } from '../knowledge/site-index';
import type { TabCounter } from '../tab-counts/tab-counter';
import type { StoppedThing } from '../tab-counts/tab-counts';

export interface ShieldDropsDeps {
  /** The covered sites under some settings (the bundled and the protected ones). */
  indexOf: (settings: Settings) => SiteIndex;
  settings: () => Promise<Settings>;
  pageOf: (tabId: number) => Promise<CoveredPage | null>;
  counter: Pick<TabCounter, 'dropped'>;
}

/** What the browser says about a message's sender. */
export interface DropsSender {
  tab?: { id?: number };
  url?: string;
  frameId?: number;
  documentId?: string;
}

/** Returns the handler of a `shield-drops` message's `drops` (anything; checked) from `sender`. */
export function createShieldDrops({ indexOf, settings, pageOf, counter }: ShieldDropsDeps) {
  const budget = createDropBudget();
  return async (drops: unknown, sender: DropsSender): Promise<void> => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || tabId < 0) return;
    const from = { tabId, frameId: sender.frameId, documentId: sender.documentId, url: sender.url };
    if (budget.spent(from)) return;
    const parsed = parseDrops(drops);
    if (parsed === null) return;
    const page = await pageOf(tabId);
    const current = await settings();
    if (page === null || !fromPage(indexOf(current), page, sender.url)) return;
    const refused = new Set(refusedCategories(page.site, current, page.domain));
    const wanted = Object.fromEntries(Object.entries(parsed).filter(([category]) => refused.has(category)));
    const total = Object.values(wanted).reduce((sum, { count }) => sum + count, 0);
    const taken = budget.take(from, total);
    const counted = Object.entries(withinBudget(wanted, taken));
    if (counted.length === 0) return;
    const named = counted.map(
      ([category, { count, names }]) => [category, { count, stopped: listed(page.site, category, names) }] as const,
    );
    await counter.dropped(tabId, page.domain, Object.fromEntries(named));
  };
}

/** The names among `names` that a tracker of the category has, as its stopped things; the others are left out. */
function listed(site: Site, category: string, names: readonly DroppedName[]): StoppedThing[] {
  if (names.length === 0) return [];
  const patterns = { cookie: shieldNamePatterns(site, category, 'cookie'), storage: shieldNamePatterns(site, category, 'storage') };
  return names.flatMap(({ kind, name, count }) => {
    const tracker = matchName(patterns[kind], name);
    return tracker === undefined ? [] : [{ tracker: tracker.id, kind, what: name, count }];
  });
}

/** The frame belongs to the page: its URL is on the page's registrable domain, or it is an about: document of it. */
function fromPage(index: SiteIndex, page: CoveredPage, url: string | undefined): boolean {
  if (url === undefined || url.startsWith('about:')) return true;
  return coveredPageOf(index, url)?.domain === page.domain;
}
