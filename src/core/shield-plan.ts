// Which cookie-shield scripts the worker registers, given the settings. The shield (src/content/) drops a page's
// own document.cookie writes of refused first-party cookies before they are stored; its data comes from files made
// at build time, one per site and category, so the refused names are there synchronously at document_start.
import { domainsByChoices } from './domain-groups';
import type { Site } from './knowledge';
import type { Settings } from './settings';
import { SHIELD_GLOBAL } from './shield-global';

const SHIELD_SCRIPT = 'cookie-shield.js';
export const SHIELD_ID_PREFIX = 'shield-';

export interface ShieldScript {
  id: string;
  /** The refused categories' data files, then the shield: files of one registration run in order. */
  js: string[];
  matches: string[];
}

/** The data file's path inside the built extension, as `scripting` takes it: `shield/<site id>/<category id>.js`. */
export function shieldDataFile(siteId: string, categoryId: string): string {
  return `shield/${siteId}/${categoryId}.js`;
}

/** Each refusable category's first-party cookie name patterns ("x*" a prefix); categories without any are left out. */
export function cookiePatternsByCategory(site: Site): Map<string, string[]> {
  const refusable = new Set(site.categories.filter((category) => category.refusable).map((category) => category.id));
  const patterns = new Map<string, string[]>();
  for (const tracker of site.trackers) {
    if (tracker.cookies.length === 0 || !refusable.has(tracker.category)) continue;
    patterns.set(tracker.category, [...(patterns.get(tracker.category) ?? []), ...tracker.cookies]);
  }
  return patterns;
}

/**
 * One registration per site and group of its domains with the same choices (domain-groups.ts) that refuses a category
 * with cookie names, matching the group's domains; a paused domain refuses nothing. Id: `shield-<site id>` for the
 * group of the site's first domain, as before choices were per domain (an update re-registers nothing that did not
 * change), and `shield-<site id>@<the group's first domain>` for the others.
 */
export function shieldPlan(sites: readonly Site[], settings: Settings): ShieldScript[] {
  return sites.flatMap((site) => {
    const patterns = cookiePatternsByCategory(site);
    return domainsByChoices(site, settings).flatMap(({ domains, refused }) => {
      const data = refused.filter((category) => patterns.has(category)).map((category) => shieldDataFile(site.id, category));
      if (data.length === 0) return [];
      return [
        {
          id: `${SHIELD_ID_PREFIX}${site.id}${domains[0] === site.domains[0] ? '' : `@${domains[0]}`}`,
          js: [...data, SHIELD_SCRIPT],
          matches: domains.map((domain) => `*://*.${domain}/*`),
        },
      ];
    });
  });
}

/** The data file's whole text: it adds the category's patterns to the shield's global. */
export function shieldDataScript(patterns: readonly string[]): string {
  return `(globalThis.${SHIELD_GLOBAL} ??= []).push(...${JSON.stringify(patterns)});\n`;
}
