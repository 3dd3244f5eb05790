// The options page's sentences about a site protected from its consent manager's declarations: pure, so each case's
// wording is tested.
import type { Site } from '../core/knowledge';

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/** "30 Nov 2026": the day of an ISO 8601 timestamp, in UTC as the popup says it; anything else stays as it is. */
export function dayText(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** "OneTrust, data version 202504.1.0": the consent manager a protected site was read from ("OneTrust" without a version). */
export function consentManagerText(site: Site): string {
  const version = site.declared?.version ?? '';
  return version === '' ? site.consentManager.name : `${site.consentManager.name}, data version ${version}`;
}

/** How many distinct hosts, and cookies and storage keys, the site's trackers (of one category, if given) name. */
export function declaredCounts(site: Site, categoryId?: string): { cookies: number; hosts: number } {
  const trackers = site.trackers.filter((tracker) => categoryId === undefined || tracker.category === categoryId);
  const hosts = new Set(trackers.flatMap((tracker) => [...tracker.hosts, ...(tracker.paths ?? []).map(({ host }) => host)]));
  const cookies = trackers.reduce((sum, tracker) => sum + tracker.cookies.length + (tracker.storage?.names.length ?? 0), 0);
  return { cookies, hosts: hosts.size };
}

/** "3 categories, 4 cookies, 3 hosts": what a protected site's record holds (cookies include storage keys). */
export function declaredSiteText(site: Site): string {
  const { cookies, hosts } = declaredCounts(site);
  return [plural(site.categories.length, 'category', 'categories'), plural(cookies, 'cookie'), plural(hosts, 'host')].join(', ');
}
