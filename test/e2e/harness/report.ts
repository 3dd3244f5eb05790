// What the extension changed on one page, per category: the same visit without it (control) and with it,
// judged by the replica's log (requests that arrived) and the browser's cookie jar.
import type { Replica } from '../replica/server';
import { concreteCookieName, hostMatches, thirdPartyCookieName, type ReplicaSite } from '../replica/knowledge';
import type { LoggedRequest } from '../replica/log';
import type { JarCookie, TestBrowser } from './types';

export interface Observation {
  requests: LoggedRequest[];
  jar: JarCookie[];
}

export interface CategoryReport {
  category: string;
  label: string;
  requestsBlocked: number;
  requestsAllowed: number;
  cookiesRemoved: number;
  cookiesKept: number;
}

const CONSENT = { id: 'consent-manager', label: 'Consent manager (never blocked)' };

export async function observeVisit(browser: TestBrowser, replica: Replica, url: string): Promise<Observation> {
  const visit = await browser.visit(url);
  return { requests: replica.log.find({ visit: visit.id }), jar: await browser.cookies() };
}

/** The category of a cookie in the jar, by the knowledge base: a tracker's own names, its host's cookie, or consent. */
export function cookieCategory(cookie: JarCookie, sites: ReplicaSite[]): string | null {
  const domain = cookie.domain.replace(/^\./, '');
  for (const site of sites) {
    const onSite = site.domains.some((candidate) => hostMatches(domain, candidate));
    if (onSite && site.consentManager.cookies.map(concreteCookieName).includes(cookie.name)) return CONSENT.id;
    for (const tracker of site.trackers) {
      if (onSite && tracker.cookies.map(concreteCookieName).includes(cookie.name)) return tracker.category;
      const fromHost = tracker.hosts.some((host) => hostMatches(domain, host));
      if (fromHost && cookie.name === thirdPartyCookieName(tracker)) return tracker.category;
    }
  }
  return null;
}

export function compareRuns(site: ReplicaSite, control: Observation, extension: Observation): CategoryReport[] {
  const categories = [...site.categories.map((category) => ({ id: category.id, label: category.label })), CONSENT];
  const requestsIn = (observation: Observation, id: string) =>
    observation.requests.filter((request) => (request.category ?? (request.role === 'consent-manager' ? CONSENT.id : null)) === id).length;
  const cookiesIn = (observation: Observation, id: string) =>
    new Set(observation.jar.filter((cookie) => cookieCategory(cookie, [site]) === id).map((cookie) => `${cookie.name}@${cookie.domain}`));
  return categories.map(({ id, label }) => {
    const arrived = requestsIn(extension, id);
    const kept = cookiesIn(extension, id);
    const before = cookiesIn(control, id);
    return {
      category: id,
      label,
      requestsBlocked: Math.max(0, requestsIn(control, id) - arrived),
      requestsAllowed: arrived,
      cookiesRemoved: [...before].filter((key) => !kept.has(key)).length,
      cookiesKept: [...before].filter((key) => kept.has(key)).length,
    };
  });
}

export function formatReport(rows: CategoryReport[]): string {
  const header = ['category', 'requests blocked', 'requests allowed', 'cookies removed', 'cookies kept'];
  const lines = rows.map((row) => [row.label, row.requestsBlocked, row.requestsAllowed, row.cookiesRemoved, row.cookiesKept].map(String));
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  return [header, ...lines].map((line) => line.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')).join('\n');
}
