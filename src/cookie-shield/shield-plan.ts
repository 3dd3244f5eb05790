// Which cookie-shield scripts the worker registers, given the settings. The shield (src/cookie-shield/page/) keeps a page's own
// scripts from storing a refused category's identifiers: first-party cookies written with document.cookie or the
// Cookie Store API, and localStorage / sessionStorage keys. Its data comes from files made at build time, one per
// site and category, so the refused names are there synchronously at document_start.
import { namePatterns, trackerCookiePatterns, type NamePatterns } from '../knowledge/cookie-names';
import { domainsByChoices } from '../settings/domain-groups';
import { withFqdnSpelling } from '../shared/hosts';
import type { Site, Tracker } from '../knowledge/schema';
import type { Settings } from '../settings/settings';
import type { ShieldData } from './shield-global';

export const SHIELD_SCRIPT = 'cookie-shield.js';
/** The isolated-world script that forwards the shield's counts of dropped writes to the worker. */
export const RELAY_SCRIPT = 'shield-relay.js';
export const SHIELD_ID_PREFIX = 'shield-';

export interface ShieldScript {
  id: string;
  /** The refused categories' data files, then the shield: files of one registration run in order. */
  js: string[];
  matches: string[];
  /** MAIN: the page's own world, where its scripts write; ISOLATED: the extension's, which may message the worker. */
  world: 'MAIN' | 'ISOLATED';
}

/** The data file's path inside the built extension, as `scripting` takes it: `shield/<site id>/<category id>.js`. */
export function shieldDataFile(siteId: string, categoryId: string): string {
  return `shield/${siteId}/${categoryId}.js`;
}

/** Each refusable category's shield data; categories with no cookie name or storage key are left out. */
export function shieldDataByCategory(site: Site): Map<string, ShieldData> {
  const refusable = new Set(site.categories.filter((category) => category.refusable).map((category) => category.id));
  const data = new Map<string, ShieldData>();
  for (const tracker of site.trackers) {
    const cookies = shieldNames(tracker, 'cookie');
    const storage = shieldNames(tracker, 'storage');
    if ((cookies.length === 0 && storage.length === 0) || !refusable.has(tracker.category)) continue;
    const entry = data.get(tracker.category) ?? { category: tracker.category, cookies: [], storage: [] };
    entry.cookies.push(...cookies);
    entry.storage.push(...storage);
    data.set(tracker.category, entry);
  }
  return data;
}

/** What the shield refuses of a tracker: its first-party cookie names, or its storage keys (names or prefixes "x*"). */
function shieldNames(tracker: Tracker, kind: 'cookie' | 'storage'): string[] {
  return kind === 'cookie' ? trackerCookiePatterns(tracker) : (tracker.storage?.names ?? []);
}

/**
 * A category's trackers by the cookie names (or storage keys) the shield refuses for them, matched as the shield
 * matches (matchName: an exact name first, then the longest prefix), so the worker can tell which tracker of that
 * category a name the shield reports dropping belongs to, whatever the report claims.
 */
export function shieldNamePatterns(site: Site, category: string, kind: 'cookie' | 'storage'): NamePatterns<Tracker> {
  const trackers = site.trackers.filter((tracker) => tracker.category === category);
  return namePatterns(trackers.flatMap((tracker) => shieldNames(tracker, kind).map((pattern) => [pattern, tracker] as const)));
}

/**
 * Per site and group of its domains with the same choices (domain-groups.ts) that refuses a category with names: the
 * main-world shield with its data files, and its isolated-world relay (same pages); a paused domain refuses nothing.
 * Ids: `shield-<site id>` and `shield-relay-<site id>` for the group of the site's first domain, as before choices were
 * per domain (an update re-registers nothing that did not change), with `@<the group's first domain>` for the others.
 * Both match the group's domains in both spellings: Firefox's match pattern "*://*.example.com/*" does not match the
 * page "https://www.example.com./" (tried in Firefox ESR 153; Chromium ignores the dot), "*://*.example.com./*" does.
 */
export function shieldPlan(sites: readonly Site[], settings: Settings): ShieldScript[] {
  // A registered script must be a file of the package, built from the bundled sites: a protected site's refused
  // cookies are removed from the jar as they appear instead (cookie-sweeper.ts).
  return sites.flatMap((site) => {
    if (site.declared !== undefined) return [];
    const data = shieldDataByCategory(site);
    return domainsByChoices(site, settings).flatMap(({ domains, refused }): ShieldScript[] => {
      const files = refused.filter((category) => data.has(category)).map((category) => shieldDataFile(site.id, category));
      if (files.length === 0) return [];
      const suffix = `${site.id}${domains[0] === site.domains[0] ? '' : `@${domains[0]}`}`;
      const matches = domains.flatMap(withFqdnSpelling).map((domain) => `*://*.${domain}/*`);
      return [
        { id: `${SHIELD_ID_PREFIX}${suffix}`, js: [...files, SHIELD_SCRIPT], matches, world: 'MAIN' },
        { id: `${SHIELD_ID_PREFIX}relay-${suffix}`, js: [RELAY_SCRIPT], matches, world: 'ISOLATED' },
      ];
    });
  });
}

/**
 * The shield's data for a page of a site protected from its consent manager (site.declared), whose names no packaged
 * file holds: the refused categories' data, injected with the shield as the page commits (declared-shield.ts). Empty
 * for a bundled site (registered ahead, see shieldPlan) and where nothing with names is refused.
 */
export function declaredShieldData(site: Site, refused: readonly string[]): ShieldData[] {
  if (site.declared === undefined) return [];
  const data = shieldDataByCategory(site);
  return refused.flatMap((category) => data.get(category) ?? []);
}
