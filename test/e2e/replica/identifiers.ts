// The covered page's identifiers variant (`?identifiers`): instead of its usual loads, the page stores every tracker
// identifier the knowledge base lists in each way a page can other than its own document.cookie: the Cookie Store
// API (name and value, or an object), the document.cookie of a same-origin about:blank frame (through
// contentDocument, or through window[0]) and of a srcdoc frame's own script, and localStorage / sessionStorage
// (setItem and property assignment). Its response sets the trackers' server-side tagging cookies, HttpOnly, as a
// site's own server does. The default covered page is unchanged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { concreteCookieName, firstPartyCookieNames, hostMatches, type ReplicaSite } from './knowledge';
import { freshValue } from './page';

export const IDENTIFIERS_PARAM = 'identifiers';

export const WRITE_WAYS = ['cookie-store', 'cookie-store-object', 'about-blank', 'about-blank-index', 'srcdoc'] as const;
export type WriteWay = (typeof WRITE_WAYS)[number];

export interface IdentifierWrites {
  /** Each cookie written once, in one way, with that way as its value. */
  cookies: Array<{ name: string; way: WriteWay }>;
  /** Keys written to both storages (setItem in one, assignment in the other), then a key no tracker lists. */
  storage: string[];
}

/** A key of no tracker's, which the shield must leave alone. */
export const KEPT_STORAGE_KEY = 'replica-theme';

/** The identifiers the variant page writes: the first-party cookies of every tracker that loads, ways taken in turn. */
export function identifierWrites(site: ReplicaSite): IdentifierWrites {
  const names = site.trackers
    .filter((tracker) => tracker.hosts.length > 0 || (tracker.paths ?? []).length > 0)
    .flatMap(firstPartyCookieNames);
  return {
    cookies: names.map((name, index) => ({ name, way: WRITE_WAYS[index % WRITE_WAYS.length]! })),
    storage: [...site.trackers.flatMap((tracker) => (tracker.storage?.names ?? []).map(concreteCookieName)), KEPT_STORAGE_KEY],
  };
}

/** The trackers' server-side tagging cookies as the site's own server sets them: HttpOnly, on the covered domain. */
export function serverSetCookies(site: ReplicaSite, host: string, scheme: 'http' | 'https'): string[] {
  const domain = site.domains.find((candidate) => hostMatches(host, candidate));
  const scope = domain ? `; Domain=${domain}` : '';
  const secure = scheme === 'https' ? '; Secure' : '';
  return site.trackers
    .flatMap((tracker) => (tracker.serverCookies?.names ?? []).map(concreteCookieName))
    .map((name) => `${name}=${freshValue()}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax${scope}${secure}`);
}

/** The variant's script (plain browser JavaScript, served as /assets/replica-identifiers.js). */
export const identifiersScript = readFileSync(join(__dirname, 'identifiers-script.js'), 'utf8');

/** Its service worker's script, registered with `worker` in the page's query (served as /assets/replica-sw.js). */
export const serviceWorkerScript = readFileSync(join(__dirname, 'service-worker.js'), 'utf8');
