// Lookup tables built once from the covered sites, so that classifying a request or a cookie costs one map
// lookup per label of its host instead of a scan of every site and tracker.
import { hostOf, isWithin, lookupSuffix } from './hosts';
import type { Site, Tracker } from './knowledge';

/** Cookie names and "prefix*" patterns, matched exactly first, then by the longest prefix. */
export interface NamePatterns<T> {
  exact: Map<string, T>;
  prefixes: Array<[prefix: string, value: T]>;
}

/** What a host is to a covered site; the nearest listed suffix decides. */
type HostRole = 'own' | 'consent' | Tracker;

export interface SiteEntry {
  site: Site;
  /** Its own domains, its consent manager's hosts and its trackers' hosts, in one table so one walk decides. */
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
  return host === '' ? undefined : lookupSuffix(index.byDomain, host);
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

export function matchName<T>(patterns: NamePatterns<T>, name: string): T | undefined {
  const exact = patterns.exact.get(name);
  if (exact !== undefined) return exact;
  for (const [prefix, value] of patterns.prefixes) if (name.startsWith(prefix)) return value;
  return undefined;
}

function siteEntry(site: Site): SiteEntry {
  const hosts = new Map<string, HostRole>();
  // The site itself and its consent manager are never trackers, not even through a tracker host below them.
  const never = [...site.domains, ...site.consentManager.hosts];
  for (const tracker of site.trackers) {
    for (const host of tracker.hosts) if (!never.some((domain) => isWithin(host, domain))) hosts.set(host, tracker);
  }
  for (const host of site.consentManager.hosts) hosts.set(host, 'consent');
  for (const domain of site.domains) hosts.set(domain, 'own');
  return {
    site,
    hosts,
    consentCookies: namePatterns(site.consentManager.cookies.map((pattern) => [pattern, true as const])),
    trackerCookies: namePatterns(site.trackers.flatMap((tracker) => tracker.cookies.map((pattern) => [pattern, tracker] as const))),
  };
}

function namePatterns<T>(entries: ReadonlyArray<readonly [string, T]>): NamePatterns<T> {
  const exact = new Map<string, T>();
  const prefixes: Array<[string, T]> = [];
  for (const [pattern, value] of entries) {
    if (pattern.endsWith('*')) prefixes.push([pattern.slice(0, -1), value]);
    else exact.set(pattern, value);
  }
  prefixes.sort((a, b) => b[0].length - a[0].length);
  return { exact, prefixes };
}
