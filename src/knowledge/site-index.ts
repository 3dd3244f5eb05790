// Lookup tables built once from the covered sites, so that classifying a request or a cookie costs one map
// lookup per label of its host instead of a scan of every site and tracker.
import { firstUpFromHost, hostOf, isWithin, lookupHostOrParent } from '../shared/hosts';
import { namePatterns, trackerCookiePatterns, type NamePatterns } from './cookie-names';
import type { Site, Tracker } from './schema';

/** What a host is to a covered site; the nearest listed suffix decides. */
export type HostRole = 'first-party' | 'consent' | Tracker;

export interface SiteEntry {
  site: Site;
  /** Its own domains, its CMP's hosts and its trackers' hosts, in one table so one walk decides. */
  hosts: Map<string, HostRole>;
  /** Hosts that serve several purposes → their trackers' path prefixes; checked before `hosts` at the same name. */
  paths: Map<string, PathEntry[]>;
  consentCookies: NamePatterns<true>;
  trackerCookies: NamePatterns<Tracker>;
}

/** One path prefix of a multi-purpose host and the tracker it belongs to. */
interface PathEntry {
  prefix: string;
  tracker: Tracker;
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

/**
 * What a request URL on `host` is to a site: at each name from the host up to its registrable parents, first a
 * tracker whose path prefix matches, then the role listed for the name itself; the nearest name decides. A host with
 * paths but none matching passes on to its parent, as a host not listed does. A few map lookups and a short scan.
 */
export function roleOfUrl(entry: SiteEntry, host: string, url: string): HostRole | undefined {
  if (entry.paths.size === 0) return lookupHostOrParent(entry.hosts, host);
  let path: string | undefined;
  return firstUpFromHost(host, (name): HostRole | undefined => {
    const scoped = entry.paths.get(name);
    if (scoped !== undefined) {
      path ??= pathOf(url);
      for (const { prefix, tracker } of scoped) if (pathMatches(path, prefix)) return tracker;
    }
    return entry.hosts.get(name);
  });
}

/**
 * A knowledge-base path prefix against a lower-case path: one ending in "/" matches what starts with it, any other
 * only up to a separator or the end (DNR's "^": anything but a letter, digit, "_", "-", "." or "%").
 */
export function pathMatches(path: string, prefix: string): boolean {
  if (!path.startsWith(prefix)) return false;
  if (prefix.endsWith('/') || path.length === prefix.length) return true;
  const next = path.charCodeAt(prefix.length);
  const word = (next >= 97 && next <= 122) || (next >= 48 && next <= 57) || next === 95 || next === 45 || next === 46 || next === 37;
  return !word;
}

/** The lower-case path, query and fragment of an absolute URL ("/" when it has only a query or nothing). */
export function pathOf(url: string): string {
  const scheme = url.indexOf('://');
  if (scheme < 0) return '/';
  let start = scheme + 3;
  while (start < url.length) {
    const char = url.charCodeAt(start);
    if (char === 47 /* / */ || char === 63 /* ? */ || char === 35 /* # */) break;
    start++;
  }
  const rest = url.slice(start).toLowerCase();
  return rest.startsWith('/') ? rest : `/${rest}`;
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
  const paths = new Map<string, PathEntry[]>();
  for (const tracker of site.trackers) {
    for (const { host, paths: prefixes } of tracker.paths ?? []) {
      if (never.some((domain) => isWithin(host, domain))) continue;
      paths.set(host, [...(paths.get(host) ?? []), ...prefixes.map((prefix) => ({ prefix, tracker }))]);
    }
  }
  return {
    site,
    hosts,
    paths,
    consentCookies: namePatterns(site.consentManager.cookies.map((pattern) => [pattern, true as const])),
    trackerCookies: namePatterns(
      site.trackers.flatMap((tracker) => trackerCookiePatterns(tracker).map((pattern) => [pattern, tracker] as const)),
    ),
  };
}
