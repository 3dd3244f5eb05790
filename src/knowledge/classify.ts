// Classification: which covered site, category and tracker a request or a cookie belongs to.
// The same functions decide what the compiled rules block and what the worker counts and removes.
import { hostOf, lookupHostOrParent, normalizeHost } from '../shared/hosts';
import type { Site, Tracker } from './schema';
import { matchName } from './cookie-names';
import { roleOfUrl, siteOfHost, siteOfPage, type SiteEntry, type SiteIndex } from './site-index';

export interface RequestFacts {
  url: string;
  /** The origin or URL of the document that made the request (Chrome: initiator; Firefox: documentUrl/originUrl). */
  initiator: string | undefined;
  /** webRequest / declarativeNetRequest resource type. */
  type: string;
}

export interface TrackerMatch {
  site: Site;
  category: string;
  tracker: Tracker;
}

/** What a request is to the covered site whose page made it. */
export type RequestClass =
  | ({ kind: 'tracker' } & TrackerMatch)
  /** The site's own hosts, its CMP's, or a host its knowledge does not list. */
  | { kind: 'first-party' | 'consent' | 'unknown'; site: Site }
  /** Not a covered page's subresource: a top-level load, no or an opaque initiator, a page not covered, no host. */
  | { kind: 'uncovered' };

const NOT_COVERED: RequestClass = { kind: 'uncovered' };

/**
 * Classifies a request by its initiator (the covered site whose page made it; the nearest covered domain decides) and
 * its host and path (the nearest host the site lists decides: its own domains, its CMP, a tracker; on a host that
 * serves several purposes, a tracker's path prefix first).
 */
export function classifyRequestFully(index: SiteIndex, request: RequestFacts): RequestClass {
  if (request.type === 'main_frame' || request.initiator === undefined) return NOT_COVERED;
  const entry = siteOfPage(index, request.initiator);
  const host = hostOf(request.url);
  if (entry === undefined || host === '') return NOT_COVERED;
  const role = roleOfUrl(entry, host, request.url);
  if (typeof role === 'object') return { kind: 'tracker', site: entry.site, category: role.category, tracker: role };
  return { kind: role ?? 'unknown', site: entry.site };
}

/** A tracker request made by a covered site's page, or null: not covered, the site's own, its CMP, a top-level load, or unknown. */
export function classifyRequest(index: SiteIndex, request: RequestFacts): TrackerMatch | null {
  const found = classifyRequestFully(index, request);
  return found.kind === 'tracker' ? found : null;
}

export interface CookieFacts {
  name: string;
  domain: string;
  /** Chrome and Firefox: the top-level site of a partitioned cookie, e.g. "https://atlassian.com". */
  partitionKey?: { topLevelSite?: string } | null;
  /** Firefox with first-party isolation: the isolating top-level domain ("" when not isolated). */
  firstPartyDomain?: string;
}

export type CookieClass =
  /** A tracker's cookie, known by its name or its host: `tracker` is that tracker's id. */
  | { kind: 'category'; site: Site; category: string; tracker: string }
  /** The CMP's own cookies: they hold the person's choices and are never removed. */
  | { kind: 'consent'; site: Site }
  /** Stored in a covered site's context, but the knowledge base does not know it. */
  | { kind: 'unknown'; site: Site }
  | { kind: 'uncovered' };

const UNCOVERED: CookieClass = { kind: 'uncovered' };

/**
 * A cookie belongs to the covered site whose context stores it: the partition's top-level site, the first-party
 * isolation domain, or else its own domain. First-party cookies are known by name; third-party ones by host.
 */
export function classifyCookie(index: SiteIndex, cookie: CookieFacts): CookieClass {
  const domain = normalizeHost(cookie.domain);
  const entry = siteOfHost(index, cookieContext(cookie));
  if (entry === undefined) return UNCOVERED;
  const role = lookupHostOrParent(entry.hosts, domain);
  if (role === 'first-party') return firstPartyCookie(entry, cookie.name);
  if (role === 'consent') return { kind: 'consent', site: entry.site };
  if (role === undefined) return { kind: 'unknown', site: entry.site };
  return { kind: 'category', site: entry.site, category: role.category, tracker: role.id };
}

/** The host of the context that stores a cookie: the partition's top-level site, the isolation domain, or its own domain. */
export function cookieContext(cookie: CookieFacts): string {
  return normalizeHost(cookie.partitionKey?.topLevelSite || cookie.firstPartyDomain || cookie.domain);
}

function firstPartyCookie(entry: SiteEntry, name: string): CookieClass {
  if (matchName(entry.consentCookies, name)) return { kind: 'consent', site: entry.site };
  const tracker = matchName(entry.trackerCookies, name);
  if (tracker === undefined) return { kind: 'unknown', site: entry.site };
  return { kind: 'category', site: entry.site, category: tracker.category, tracker: tracker.id };
}
