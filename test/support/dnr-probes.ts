// The requests the compiled rules must decide, and random settings to compile them for: shared by the unit test
// (a model of the matcher, fast) and the end-to-end test (Chromium's own matcher, the judge).
import fc from 'fast-check';
import type { Site } from '../../src/knowledge/schema';
import { hostOf } from '../../src/shared/hosts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';

export interface Probe {
  /** The page making the request (an origin, as Chrome reports a request's initiator). */
  initiator: string;
  url: string;
}

/** Every declarativeNetRequest resource type Chromium knows (chrome.declarativeNetRequest.ResourceType). */
export const RESOURCE_TYPES = [
  'main_frame',
  'sub_frame',
  'stylesheet',
  'script',
  'image',
  'font',
  'object',
  'xmlhttprequest',
  'ping',
  'csp_report',
  'media',
  'websocket',
  'webtransport',
  'webbundle',
  'other',
] as const;

export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** A page not covered by any site. */
export const UNCOVERED_PAGE = 'https://www.elsewhere-news.example';
/** A third party no covered site lists. */
export const UNKNOWN_THIRD_PARTY = 'https://cdn.unknown-third-party.example/lib.js';

/** The URL a request of this type would have: sockets use ws(s). */
export function urlForType(url: string, type: ResourceType): string {
  return type === 'websocket' ? url.replace(/^http/, 'ws') : url;
}

/** The pages of the covered sites: each domain's www page and its bare domain, plus an uncovered page and a look-alike. */
export function pagesOf(sites: readonly Site[]): string[] {
  const covered = sites.flatMap((site) => site.domains.flatMap((domain) => [`https://www.${domain}`, `https://${domain}`]));
  return [...covered, UNCOVERED_PAGE, `https://not${sites[0]!.domains[0]}`];
}

/**
 * Request URLs that matter to the rules: every tracker host of every site (and a subdomain of it, and its parent and
 * a look-alike, which are unknown), every path prefix of a multi-purpose host (with and without the path, in upper
 * case, followed by a longer word), the CMPs' hosts, the sites' own domains, an unknown third party.
 */
export function requestUrlsOf(sites: readonly Site[]): string[] {
  const urls = new Set<string>([UNKNOWN_THIRD_PARTY]);
  for (const site of sites) {
    for (const tracker of site.trackers) {
      for (const host of tracker.hosts) {
        urls.add(`https://${host}/t?id=1`).add(`https://eu.${host}/collect`).add(`https://not${host}/t`);
        const parent = host.split('.').slice(1).join('.');
        if (parent.includes('.')) urls.add(`https://${parent}/p`);
      }
      // A multi-purpose host: each prefix, a longer word that must not match it, the host's other paths, a subdomain.
      for (const { host, paths } of tracker.paths ?? []) {
        urls.add(`https://${host}/other?id=1`).add(`https://${host}/`);
        for (const prefix of paths) {
          const inside = prefix.endsWith('/') ? `${prefix}x.js?id=1` : `${prefix}?id=1`;
          urls.add(`https://${host}${inside}`).add(`https://eu.${host}${inside}`);
          urls.add(`https://${host}/other${prefix}`).add(`https://${host}${prefix.toUpperCase()}${prefix.endsWith('/') ? 'x' : '/'}`);
          if (!prefix.endsWith('/')) urls.add(`https://${host}${prefix}/x`).add(`https://${host}${prefix}ending`);
        }
      }
    }
    for (const host of site.consentManager.hosts) urls.add(`https://${host}/consent.js`);
    for (const domain of site.domains) urls.add(`https://${domain}/`).add(`https://static.${domain}/app.js`);
  }
  return [...urls];
}

/** Every (page, request) pair. */
export function probesOf(sites: readonly Site[]): Probe[] {
  const urls = requestUrlsOf(sites);
  return pagesOf(sites).flatMap((initiator) => urls.map((url) => ({ initiator, url })));
}

/**
 * Settings with random choices and pauses per registrable domain (the sites' domains, and an uncovered one), defaults
 * unknown-cookie handling and Global Privacy Control over these sites.
 */
export function settingsArbitrary(sites: readonly Site[]): fc.Arbitrary<Settings> {
  const categoryIds = [...new Set(sites.flatMap((site) => site.categories.map((category) => category.id)))];
  const choices = fc.dictionary(fc.constantFrom(...categoryIds), fc.boolean());
  const domains = [...new Set([...sites.flatMap((site) => site.domains), hostOf(UNCOVERED_PAGE)])];
  return fc.record({
    version: fc.constant(DEFAULT_SETTINGS.version),
    defaults: choices,
    sites: fc.dictionary(fc.constantFrom(...domains), fc.record({ choices, paused: fc.boolean() })),
    unknownCookies: fc.constantFrom('allow' as const, 'remove' as const),
    badge: fc.boolean(),
    globalPrivacyControl: fc.boolean(),
    protectedSites: fc.constant({}),
  });
}
