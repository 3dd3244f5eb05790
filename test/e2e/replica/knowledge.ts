// What the replica serves comes from the knowledge base: the covered sites, their trackers and consent managers.
import type { Site, Tracker } from '../../../src/knowledge/schema';
import { loadSites } from '../../../src/knowledge/load';

export type ReplicaSite = Pick<Site, 'id' | 'name' | 'domains' | 'categories' | 'trackers' | 'consentManager'>;

export function replicaSites(): ReplicaSite[] {
  return loadSites();
}

/** A concrete cookie name for a knowledge-base pattern: "_ga_*" becomes "_ga_replica". */
export function concreteCookieName(pattern: string): string {
  return pattern.endsWith('*') ? `${pattern.slice(0, -1)}replica` : pattern;
}

/** The first-party cookies a tracker's tag sets by script on the covered page. */
export function firstPartyCookieNames(tracker: Tracker): string[] {
  return tracker.cookies.map(concreteCookieName);
}

/** The cookie a tracker's own host sets on its responses: third-party when the page is a covered site. */
export function thirdPartyCookieName(tracker: Tracker): string {
  return `tp-${tracker.id}`;
}

/** Whether `host` is `domain` or one of its subdomains (the knowledge base's matching rule). */
export function hostMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}
