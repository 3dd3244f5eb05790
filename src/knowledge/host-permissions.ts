// Host permissions follow from the knowledge base: the covered sites (cookies API, counts) and the tracker
// hosts (removing their cookie headers). Nothing else: the extension never asks for <all_urls>.
import { withFqdnSpelling } from '../shared/hosts';
import type { Site } from './schema';

/**
 * Match patterns `*://*.<host>/*` (the host and its subdomains) for every covered domain and tracker host, each also
 * in its trailing-dot spelling (hosts.ts withFqdnSpelling: Firefox's cookies and webRequest APIs need a pattern that
 * matches "www.example.com." itself), sorted, without duplicates.
 */
export function hostPermissions(sites: Site[]): string[] {
  const hosts = new Set<string>();
  for (const site of sites) {
    for (const domain of site.domains) hosts.add(domain);
    for (const tracker of site.trackers) {
      for (const host of tracker.hosts) hosts.add(host);
      for (const { host } of tracker.paths ?? []) hosts.add(host);
    }
  }
  return [...hosts]
    .flatMap(withFqdnSpelling)
    .sort()
    .map((host) => `*://*.${host}/*`);
}
