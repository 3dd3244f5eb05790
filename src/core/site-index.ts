// Lookup tables built once from the covered sites, so that classifying a request or a cookie costs one map
// lookup per label of its host instead of a scan of every site and tracker.
import { hostOf, isWithin, lookupHostOrParent } from './hosts';
import { namePatterns, type NamePatterns } from './cookie-names';
import type { Site, Tracker } from './knowledge';

/** What a host is to a covered site; the nearest listed suffix decides. */
export type HostRole = 'first-party' | 'consent' | Tracker;

export interface SiteEntry {
  site: Site;
  /** Its own domains, its CMP's hosts and its trackers' hosts, in one table so one walk decides. */
  hosts: Map<string, HostRole>;
  consentCookies: NamePatterns<true>;
  trackerCookies: NamePatterns<Tracker>;
}

export interface SiteIndex {
  sites: readonly Site[];
  byDomain: Map<string, SiteEntry>;
  byId: Map<string, SiteEntry>;
  /** Page origins already looked up: a page makes many requests from one initiator. */
  pages: Map<string, SiteEntry | null>;
}

const PAGE_CACHE_LIMIT = 1000;

/** Builds the lookup tables once per worker life; a domain listed by two sites belongs to the later one. */
export function buildSiteIndex(sites: readonly Site[]): SiteIndex {
  const byDomain = new Map<string, SiteEntry>();
  const byId = new Map<string, SiteEntry>();
  for (const site of sites) {
    const entry = siteEntry(site);
    byId.set(site.id, entry);
    for (const domain of site.domains) byDomain.set(domain, entry);
  }
  return { sites, byDomain, byId, pages: new Map() };
}

/** The covered site a host belongs to (the host is one of its domains or a subdomain of one). */
export function siteOfHost(index: SiteIndex, host: string): SiteEntry | undefined {
  return host === '' ? undefined : lookupHostOrParent(index.byDomain, host);
}

/** siteOfHost for a page origin or URL, remembered. */
export function siteOfPage(index: SiteIndex, page: string): SiteEntry | undefined {
  const known = index.pages.get(page);
  if (known !== undefined) return known ?? undefined;
  const entry = siteOfHost(index, hostOf(page));
  if (index.pages.size >= PAGE_CACHE_LIMIT) index.pages.clear();
  index.pages.set(page, entry ?? null);
  return entry;
}

function siteEntry(site: Site): SiteEntry {
  const hosts = new Map<string, HostRole>();
  // The site itself and its CMP are never trackers, not even through a tracker host below them.
  const never = [...site.domains, ...site.consentManager.hosts];
  for (const tracker of site.trackers) {
    for (const host of tracker.hosts) if (!never.some((domain) => isWithin(host, domain))) hosts.set(host, tracker);
  }
  for (const host of site.consentManager.hosts) hosts.set(host, 'consent');
  for (const domain of site.domains) hosts.set(domain, 'first-party');
  return {
    site,
    hosts,
    consentCookies: namePatterns(site.consentManager.cookies.map((pattern) => [pattern, true as const])),
    trackerCookies: namePatterns(site.trackers.flatMap((tracker) => tracker.cookies.map((pattern) => [pattern, tracker] as const))),
  };
}
