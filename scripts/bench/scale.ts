// How many dynamic rules the compiled rule set needs for many covered sites with varied choices, against
// Chrome's limits. Computed from the pure compiler; no browser involved.
import type { Site } from '../../src/core/knowledge';
import { compileRules } from '../../src/core/dnr-rules';
import { freshSettings, type Settings } from '../../src/core/settings';

export const CHROME_LIMITS = { dynamic: 30_000, unsafeDynamic: 5_000, regex: 1_000 };

export interface ScaleRow {
  sites: number;
  /** The global unknown-cookie choice: 'remove' adds one cookie-stripping (unsafe) rule per site. */
  unknownCookies: Settings['unknownCookies'];
  rules: number;
  unsafeRules: number;
  regexRules: number;
}

/** Sites shaped like the real one, each with its own domain and a varying subset of its trackers. */
function syntheticSites(template: Site, count: number): Site[] {
  return Array.from({ length: count }, (_, n) => ({
    ...template,
    id: `synthetic-${n}`,
    name: `Synthetic ${n}`,
    domains: [`synthetic-${n}.example`],
    trackers: template.trackers.filter((_, t) => (n + t) % 3 !== 0),
  }));
}

/** Every fifth site has its own choices (several patterns), every thirteenth is paused. */
function variedSettings(sites: Site[], unknownCookies: Settings['unknownCookies']): Settings {
  const settings = { ...freshSettings(), unknownCookies };
  sites.forEach((site, n) => {
    if (n % 13 === 12) settings.sites[site.id] = { choices: {}, paused: true };
    else if (n % 5 === 0) {
      const choices = Object.fromEntries(site.categories.map((category, c) => [category.id, (n + c) % 4 === 0]));
      settings.sites[site.id] = { choices, paused: false };
    }
  });
  return settings;
}

// Chrome counts as "unsafe" every rule whose action is not block, allow, allowAllRequests or upgradeScheme.
const SAFE_ACTIONS = new Set(['block', 'allow', 'allowAllRequests', 'upgradeScheme']);

export function benchScale(template: Site, counts = [1, 100, 1000]): ScaleRow[] {
  return (['allow', 'remove'] as const).flatMap((unknownCookies) =>
    counts.map((count) => {
      const sites = syntheticSites(template, count);
      const { rules } = compileRules(sites, variedSettings(sites, unknownCookies));
      return {
        sites: count,
        unknownCookies,
        rules: rules.length,
        unsafeRules: rules.filter((rule) => !SAFE_ACTIONS.has(rule.action.type)).length,
        regexRules: rules.filter((rule) => 'regexFilter' in rule.condition).length,
      };
    }),
  );
}
