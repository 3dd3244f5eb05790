// The host names the replica answers for, and what each one is: a page of a covered site, a tracker, the
// consent manager, a harmless third party, or a site the knowledge base does not cover (plain, or declaring its
// cookies through a consent manager: declared-sites.ts).
import type { Tracker } from '../../../src/knowledge/schema';
import { pathMatches } from '../../../src/knowledge/site-index';
import { DECLARED_CMP_HOSTS, DECLARED_REPLICA_HOSTS, declaredPageSite, declaredThirdParty, type DeclaredSiteId } from './declared-sites';
import { hostMatches, type ReplicaSite } from './knowledge';
import type { Role } from './log';

/** Where real pages live on a covered domain, when that is not simply www.<domain>. */
const PAGE_HOSTS: Record<string, string[]> = {
  'atlassian.com': ['www.atlassian.com', 'id.atlassian.com'],
  'atlassian.net': ['acme.atlassian.net'],
  'bitbucket.org': ['bitbucket.org'],
  'trello.com': ['trello.com'],
};

/** The host a tracker's tag really calls, for knowledge-base entries that name a registrable domain. */
const TRACKER_HOSTS: Record<string, string> = {
  'google-analytics.com': 'www.google-analytics.com',
  'analytics.google.com': 'region1.analytics.google.com',
  'googletagmanager.com': 'www.googletagmanager.com',
  'doubleclick.net': 'stats.g.doubleclick.net',
  'googleadservices.com': 'www.googleadservices.com',
  'googlesyndication.com': 'pagead2.googlesyndication.com',
  'segment.com': 'cdn.segment.com',
  'segment.io': 'api.segment.io',
  'optimizely.com': 'cdn.optimizely.com',
  'nr-data.net': 'bam.nr-data.net',
  'zdassets.com': 'static.zdassets.com',
  'zopim.com': 'widget-mediator.zopim.com',
  'marketo.net': 'munchkin.marketo.net',
  'mktoresp.com': '123-abc-456.mktoresp.com',
  'adroll.com': 'd.adroll.com',
  'youtube.com': 'www.youtube.com',
  'ytimg.com': 'i.ytimg.com',
};

/** Third parties that are not trackers: the site's own CDN and a public library CDN. */
export const STATIC_HOSTS = ['wac-cdn.atlassian.com', 'cdnjs.cloudflare.com'];

/**
 * A third party that embeds its own player in a covered page (the frames page, page.ts framesPageConfig): not a tracker
 * in the knowledge base, but its document loads trackers itself.
 */
export const EMBED_HOSTS = ['player.video-host.example'];

/** A site the knowledge base does not cover, loading the same trackers. */
export const UNCOVERED_HOSTS = ['www.example-news.com'];

export function pageHostsOf(site: ReplicaSite): string[] {
  return site.domains.flatMap((domain) => PAGE_HOSTS[domain] ?? [`www.${domain}`]);
}

export function concreteHost(knowledgeHost: string): string {
  return TRACKER_HOSTS[knowledgeHost] ?? knowledgeHost;
}

export type HostRole =
  | { role: 'page'; site: ReplicaSite | null }
  | { role: 'tracker'; site: ReplicaSite; tracker: Tracker; knowledgeHost: string }
  | { role: 'consent-manager'; site: ReplicaSite }
  | { role: 'static' }
  /** A declared site's page; a host only a declared site's CMP names (not in the knowledge base); its CMP's host. */
  | { role: 'declared-page'; site: DeclaredSiteId }
  | { role: 'declared-tracker'; site: DeclaredSiteId }
  | { role: 'declared-cmp' }
  | { role: 'unknown' };

/** How the log names a host's role: a declared site's page is a page, its CMP's host a consent manager. */
export function logRole(role: HostRole): Role {
  switch (role.role) {
    case 'declared-page':
      return 'page';
    case 'declared-tracker':
      return 'declared';
    case 'declared-cmp':
      return 'consent-manager';
    default:
      return role.role;
  }
}

/**
 * What a request is by its host (as the browser spelled it in the Host header) and path: a tracker's path prefix on a multi-purpose host first (the knowledge base's
 * rule, src/knowledge/site-index.ts), then the hosts.
 */
export function roleOf(spelled: string, path: string, sites: ReplicaSite[]): HostRole {
  // "www.atlassian.com." (a fully qualified name) is the same host to DNS, so the same role here.
  const host = spelled.endsWith('.') ? spelled.slice(0, -1) : spelled;
  if (STATIC_HOSTS.includes(host) || EMBED_HOSTS.includes(host)) return { role: 'static' };
  const lowerPath = path.toLowerCase();
  for (const site of sites) {
    for (const tracker of site.trackers) {
      for (const scoped of tracker.paths ?? []) {
        if (hostMatches(host, scoped.host) && scoped.paths.some((prefix) => pathMatches(lowerPath, prefix))) {
          return { role: 'tracker', site, tracker, knowledgeHost: scoped.host };
        }
      }
    }
  }
  for (const site of sites) {
    for (const tracker of site.trackers) {
      const knowledgeHost = tracker.hosts.find((candidate) => hostMatches(host, candidate));
      if (knowledgeHost) return { role: 'tracker', site, tracker, knowledgeHost };
    }
    if (site.consentManager.hosts.some((candidate) => hostMatches(host, candidate))) return { role: 'consent-manager', site };
  }
  for (const site of sites) if (site.domains.some((domain) => hostMatches(host, domain))) return { role: 'page', site };
  if (UNCOVERED_HOSTS.includes(host)) return { role: 'page', site: null };
  // After the knowledge base: a host it knows (www.google-analytics.com) keeps its role on a declared page too.
  const declaredPage = declaredPageSite(host);
  if (declaredPage) return { role: 'declared-page', site: declaredPage };
  const declared = declaredThirdParty(host);
  if (declared) return { role: 'declared-tracker', site: declared.site };
  if (DECLARED_CMP_HOSTS.includes(host)) return { role: 'declared-cmp' };
  return { role: 'unknown' };
}

/** Every host name a test browser must resolve to the replica (Firefox needs the full list). */
export function allHosts(sites: ReplicaSite[]): string[] {
  const hosts = new Set<string>([...STATIC_HOSTS, ...EMBED_HOSTS, ...UNCOVERED_HOSTS, ...DECLARED_REPLICA_HOSTS]);
  for (const site of sites) {
    for (const host of pageHostsOf(site)) hosts.add(host);
    for (const tracker of site.trackers) {
      for (const host of tracker.hosts) hosts.add(concreteHost(host));
      for (const { host } of tracker.paths ?? []) hosts.add(host);
    }
    for (const host of site.consentManager.hosts) hosts.add(host);
  }
  return [...hosts].sort();
}
