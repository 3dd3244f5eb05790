// Counts the writes the cookie shield dropped on a page, as its relay reports them (core/shield-report.ts). The
// report comes from a web page's side, so it is read again with the schema and counted only on the sender's tab,
// only for categories refused on the registrable domain that tab shows, and only when the sending frame is on it or a
// same-origin frame without a URL of its own (about:blank, about:srcdoc).
import { refusedCategories } from '../core/choices';
import { coveredPageOf, type CoveredPage } from '../core/registrable-domain';
import type { Settings } from '../core/settings';
import { parseDrops } from '../core/shield-report';
import type { SiteIndex } from '../core/site-index';
import type { TabCounter } from './tab-counter';

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
}

/** Returns the handler of a `shield-drops` message's `drops` (anything; checked) from `sender`. */
export function createShieldDrops({ indexOf, settings, pageOf, counter }: ShieldDropsDeps) {
  return async (drops: unknown, sender: DropsSender): Promise<void> => {
    const tabId = sender.tab?.id;
    const parsed = parseDrops(drops);
    if (tabId === undefined || tabId < 0 || parsed === null) return;
    const page = await pageOf(tabId);
    const current = await settings();
    if (page === null || !fromPage(indexOf(current), page, sender.url)) return;
    const refused = new Set(refusedCategories(page.site, current, page.domain));
    const counted = Object.fromEntries(Object.entries(parsed).filter(([category]) => refused.has(category)));
    if (Object.keys(counted).length > 0) await counter.dropped(tabId, page.domain, counted);
  };
}

/** The frame belongs to the page: its URL is on the page's registrable domain, or it is an about: document of it. */
function fromPage(index: SiteIndex, page: CoveredPage, url: string | undefined): boolean {
  if (url === undefined || url.startsWith('about:')) return true;
  return coveredPageOf(index, url)?.domain === page.domain;
}
