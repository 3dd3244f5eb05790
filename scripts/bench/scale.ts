// How many dynamic rules the compiled rule set needs for many covered sites with varied choices, against each
// browser's limits: sites compiled from their documents (shaped like the bundled one) and sites protected from their
// consent manager's declarations (sharing popular tracker hosts, each with a few of its own). Computed from the pure
// compiler; no browser involved.
import type { Declaration } from '../../src/protected-sites/declaration';
import { declaredSite } from '../../src/protected-sites/declared-site';
import { compileRules } from '../../src/blocking/dnr-rules';
import type { Site } from '../../src/knowledge/schema';
import { freshSettings, type Settings } from '../../src/settings/settings';
import { compileTopDomainRules } from '../../src/blocking/tab-rules';

/**
 * The browsers' dynamic rule limits, read from declarativeNetRequest in Chromium 156 and Firefox ESR 153 here.
 * Chromium counts rules that are not block/allow/allowAllRequests/upgradeScheme as "unsafe", at most 5,000 of its
 * 30,000; Firefox has one limit of 5,000 dynamic rules (https://bugzilla.mozilla.org/show_bug.cgi?id=1899259 tracks
 * safe rules there). Both allow 1,000 regex rules.
 */
export const LIMITS = {
  chromium: { dynamic: 30_000, unsafeDynamic: 5_000, regex: 1_000 },
  firefox: { dynamic: 5_000, regex: 1_000 },
};

export interface ScaleRow {
  kind: 'compiled' | 'protected';
  sites: number;
  /** The global unknown-cookie choice: 'remove' adds one cookie-stripping (unsafe) rule per site. */
  unknownCookies: Settings['unknownCookies'];
  /** Chromium: the site rules and their top-level-page copies (tab-rules.ts compileTopDomainRules). */
  chromium: { rules: number; unsafeRules: number; regexRules: number };
  /** Firefox: the site rules (tab session rules, at most as many, count against the session limit). */
  firefox: { rules: number; regexRules: number };
  fits: boolean;
}

/** Sites shaped like the real one, each with its own domain and a varying subset of its trackers. */
function compiledSites(template: Site, count: number): Site[] {
  return Array.from({ length: count }, (_, n) => ({
    ...template,
    id: `synthetic-${n}`,
    name: `Synthetic ${n}`,
    domains: [`synthetic-${n}.example`],
    trackers: template.trackers.filter((_, t) => (n + t) % 3 !== 0),
  }));
}

/** A pool of tracker hosts the protected sites share, as the web's popular trackers are shared. */
const SHARED_HOSTS = Array.from({ length: 60 }, (_, n) => `t${n}.shared-tracker.example`);
const STANDARD_GROUPS = [
  ['C0001', 'Strictly necessary', 'strictly-necessary'],
  ['C0002', 'Performance', 'performance-and-analytics'],
  ['C0003', 'Functional', 'functionality'],
  ['C0004', 'Targeting', 'targeting-or-advertising'],
  ['C0005', 'Social media', 'social-media'],
] as const;

/** Sites protected from a OneTrust declaration: 3 shared and 1 own host and 4 cookies per refusable group. */
function protectedSites(count: number): Site[] {
  return Array.from({ length: count }, (_, n) => {
    const declaration: Declaration = {
      platform: 'onetrust',
      name: 'OneTrust',
      version: '202504.1.0',
      categories: STANDARD_GROUPS.map(([id, name, standard], g) => ({
        id,
        name,
        description: '',
        alwaysActive: g === 0,
        standard,
        cookies: Array.from({ length: 4 }, (_, c) => `c${g}-${c}`),
        storage: [],
        hosts:
          g === 0
            ? []
            : [...[0, 1, 2].map((h) => SHARED_HOSTS[(n * 7 + g * 3 + h) % SHARED_HOSTS.length]!), `own${g}.site-${n}-tracker.example`],
      })),
    };
    return declaredSite(declaration, `www.site-${n}.example`, new Date('2026-11-30T00:00:00Z'));
  });
}

/** Every fifth domain has its own choices (several patterns), every thirteenth is paused. */
function variedSettings(sites: Site[], unknownCookies: Settings['unknownCookies']): Settings {
  const settings = { ...freshSettings(), unknownCookies, globalPrivacyControl: true };
  sites.forEach((site, n) => {
    const domain = site.domains[0]!;
    if (n % 13 === 12) settings.sites[domain] = { choices: {}, paused: true };
    else if (n % 5 === 0) {
      const choices = Object.fromEntries(site.categories.map((category, c) => [category.id, (n + c) % 4 === 0]));
      settings.sites[domain] = { choices, paused: false };
    }
  });
  return settings;
}

// Chrome counts as "unsafe" every rule whose action is not block, allow, allowAllRequests or upgradeScheme.
const SAFE_ACTIONS = new Set(['block', 'allow', 'allowAllRequests', 'upgradeScheme']);

export function benchScale(template: Site, counts = [1, 100, 1000]): ScaleRow[] {
  const kinds = { compiled: (count: number) => compiledSites(template, count), protected: protectedSites };
  return (['compiled', 'protected'] as const).flatMap((kind) =>
    (['allow', 'remove'] as const).flatMap((unknownCookies) =>
      counts.map((count) => {
        const sites = kinds[kind](count);
        const compiled = compileRules(sites, variedSettings(sites, unknownCookies));
        const chromiumRules = [...compiled.rules, ...compileTopDomainRules(compiled)];
        const regex = (rules: ReadonlyArray<{ condition: object }>) => rules.filter((rule) => 'regexFilter' in rule.condition).length;
        const chromium = {
          rules: chromiumRules.length,
          unsafeRules: chromiumRules.filter((rule) => !SAFE_ACTIONS.has(rule.action.type)).length,
          regexRules: regex(chromiumRules),
        };
        const firefox = { rules: compiled.rules.length, regexRules: regex(compiled.rules) };
        const fits =
          chromium.rules <= LIMITS.chromium.dynamic &&
          chromium.unsafeRules <= LIMITS.chromium.unsafeDynamic &&
          chromium.regexRules <= LIMITS.chromium.regex &&
          firefox.rules <= LIMITS.firefox.dynamic &&
          firefox.regexRules <= LIMITS.firefox.regex;
        return { kind, sites: count, unknownCookies, chromium, firefox, fits };
      }),
    ),
  );
}
