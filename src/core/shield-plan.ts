// Which cookie-shield scripts the worker registers, given the settings. The shield (src/content/) keeps a page's own
// scripts from storing a refused category's identifiers: first-party cookies written with document.cookie or the
// Cookie Store API, and localStorage / sessionStorage keys. Its data comes from files made at build time, one per
// site and category, so the refused names are there synchronously at document_start.
import { refusedCategories } from './choices';
import { withFqdnSpelling } from './hosts';
import { trackerCookiePatterns } from './cookie-names';
import type { Site } from './knowledge';
import type { Settings } from './settings';

/** The global the data files fill and the shield reads, then deletes. */
export const SHIELD_GLOBAL = '__policyGuardRefused';
const SHIELD_SCRIPT = 'cookie-shield.js';
/** The isolated-world script that forwards the shield's counts of dropped writes to the worker. */
const RELAY_SCRIPT = 'shield-relay.js';
export const SHIELD_ID_PREFIX = 'shield-';

export interface ShieldScript {
  id: string;
  /** The refused categories' data files, then the shield: files of one registration run in order. */
  js: string[];
  matches: string[];
  /** MAIN: the page's own world, where its scripts write; ISOLATED: the extension's, which may message the worker. */
  world: 'MAIN' | 'ISOLATED';
}

/** What the shield refuses for one category: cookie names and storage keys, each a name or a prefix ending in "*". */
export interface ShieldData {
  category: string;
  cookies: string[];
  storage: string[];
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
    const cookies = trackerCookiePatterns(tracker);
    const storage = tracker.storage?.names ?? [];
    if ((cookies.length === 0 && storage.length === 0) || !refusable.has(tracker.category)) continue;
    const entry = data.get(tracker.category) ?? { category: tracker.category, cookies: [], storage: [] };
    entry.cookies.push(...cookies);
    entry.storage.push(...storage);
    data.set(tracker.category, entry);
  }
  return data;
}

/**
 * Per site with something refused that has names: the main-world shield with its data files, and its isolated-world
 * relay (same pages); a paused site refuses nothing. Both match the site's domains in both spellings: Firefox's match
 * pattern "*://*.example.com/*" does not match the page "https://www.example.com./" (tried in Firefox ESR 153;
 * Chromium ignores the dot), "*://*.example.com./*" does.
 */
export function shieldPlan(sites: readonly Site[], settings: Settings): ShieldScript[] {
  return sites.flatMap((site): ShieldScript[] => {
    const data = shieldDataByCategory(site);
    const files = refusedCategories(site, settings)
      .filter((category) => data.has(category))
      .map((category) => shieldDataFile(site.id, category));
    if (files.length === 0) return [];
    const matches = site.domains.flatMap(withFqdnSpelling).map((domain) => `*://*.${domain}/*`);
    return [
      { id: `${SHIELD_ID_PREFIX}${site.id}`, js: [...files, SHIELD_SCRIPT], matches, world: 'MAIN' },
      { id: `${SHIELD_ID_PREFIX}relay-${site.id}`, js: [RELAY_SCRIPT], matches, world: 'ISOLATED' },
    ];
  });
}

/** The data file's whole text: it adds the category's data to the shield's global. */
export function shieldDataScript(data: ShieldData): string {
  return `(globalThis.${SHIELD_GLOBAL} ??= []).push(${JSON.stringify(data)});\n`;
}

/** The shield's reading of its global: the well-formed entries only (a page script could not have written it first). */
export function readShieldData(value: unknown): ShieldData[] {
  if (!Array.isArray(value)) return [];
  const strings = (list: unknown): string[] | null => (Array.isArray(list) && list.every((item) => typeof item === 'string') ? list : null);
  return value.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { category, cookies, storage } = entry as Record<string, unknown>;
    const cookieList = strings(cookies);
    const storageList = strings(storage);
    return typeof category === 'string' && cookieList && storageList ? [{ category, cookies: cookieList, storage: storageList }] : [];
  });
}
