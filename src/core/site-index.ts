// Lookup tables built once from the covered sites, so that classifying a request or a cookie costs one map
// lookup per label of its host instead of a scan of every site and tracker.
import { lookupSuffix } from './hosts';
import type { Site, Tracker } from './knowledge';

/** Cookie names and "prefix*" patterns, matched exactly first, then by the longest prefix. */
export interface NamePatterns<T> {
  exact: Map<string, T>;
  prefixes: Array<[prefix: string, value: T]>;
}

export interface SiteEntry {
  site: Site;
  /** The site's own domains and its consent manager's hosts: never trackers. */
  ownHosts: Map<string, 'own' | 'consent'>;
  trackersByHost: Map<string, Tracker>;
  consentCookies: NamePatterns<true>;
  trackerCookies: NamePatterns<Tracker>;
}

export interface SiteIndex {
  sites: readonly Site[];
  byDomain: Map<string, SiteEntry>;
  byId: Map<string, SiteEntry>;
}

export function buildSiteIndex(sites: readonly Site[]): SiteIndex {
  const byDomain = new Map<string, SiteEntry>();
  const byId = new Map<string, SiteEntry>();
  for (const site of sites) {
    const entry = siteEntry(site);
    byId.set(site.id, entry);
    for (const domain of site.domains) byDomain.set(domain, entry);
  }
  return { sites, byDomain, byId };
}

/** The covered site a host belongs to (the host is one of its domains or a subdomain of one). */
export function siteOfHost(index: SiteIndex, host: string): SiteEntry | undefined {
  return host === '' ? undefined : lookupSuffix(index.byDomain, host);
}

export function matchName<T>(patterns: NamePatterns<T>, name: string): T | undefined {
  const exact = patterns.exact.get(name);
  if (exact !== undefined) return exact;
  for (const [prefix, value] of patterns.prefixes) if (name.startsWith(prefix)) return value;
  return undefined;
}

function siteEntry(site: Site): SiteEntry {
  const ownHosts = new Map<string, 'own' | 'consent'>();
  for (const host of site.consentManager.hosts) ownHosts.set(host, 'consent');
  for (const domain of site.domains) ownHosts.set(domain, 'own');
  const trackersByHost = new Map<string, Tracker>();
  for (const tracker of site.trackers) for (const host of tracker.hosts) trackersByHost.set(host, tracker);
  return {
    site,
    ownHosts,
    trackersByHost,
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
