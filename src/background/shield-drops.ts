// Counts the writes the cookie shield dropped on a page, as its relay reports them (core/shield-report.ts). The
// report comes from a web page's side, so it is read again with the schema and counted only on the sender's tab,
// only for categories refused on the site that tab shows, and only when the sending frame is that site's or a
// same-origin frame without a URL of its own (about:blank, about:srcdoc).
import { refusedCategories } from '../core/choices';
import { hostOf } from '../core/hosts';
import type { Site } from '../core/knowledge';
import type { Settings } from '../core/settings';
import { parseDrops } from '../core/shield-report';
import { siteOfHost, type SiteIndex } from '../core/site-index';
import type { TabCounter } from './tab-counter';

export interface ShieldDropsDeps {
  index: SiteIndex;
  settings: () => Promise<Settings>;
  siteOf: (tabId: number) => Promise<Site | null>;
  counter: Pick<TabCounter, 'dropped'>;
}

/** What the browser says about a message's sender. */
export interface DropsSender {
  tab?: { id?: number };
  url?: string;
}

/** Returns the handler of a `shield-drops` message's `drops` (anything; checked) from `sender`. */
export function createShieldDrops({ index, settings, siteOf, counter }: ShieldDropsDeps) {
  return async (drops: unknown, sender: DropsSender): Promise<void> => {
    const tabId = sender.tab?.id;
    const parsed = parseDrops(drops);
    if (tabId === undefined || tabId < 0 || parsed === null) return;
    const site = await siteOf(tabId);
    if (site === null || !fromSite(index, site, sender.url)) return;
    const refused = new Set(refusedCategories(site, await settings()));
    const counted = Object.fromEntries(Object.entries(parsed).filter(([category]) => refused.has(category)));
    if (Object.keys(counted).length > 0) await counter.dropped(tabId, site.id, counted);
  };
}

/** The frame belongs to the site: its URL is on one of the site's domains, or it is an about: document of the page. */
function fromSite(index: SiteIndex, site: Site, url: string | undefined): boolean {
  if (url === undefined || url.startsWith('about:')) return true;
  return siteOfHost(index, hostOf(url))?.site.id === site.id;
}
