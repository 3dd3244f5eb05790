import fc from 'fast-check';
import { inRange, RULE_IDS } from '../../../src/core/dnr-ids';
import { blockedRequest } from '../../../src/core/verdicts';
import type { Site } from '../../../src/core/knowledge';
import { compileRules } from '../../../src/core/dnr-rules';
import coveredSites from 'knowledge:sites';
import { freshSettings, type Settings } from '../../../src/core/settings';
import { buildSiteIndex } from '../../../src/core/site-index';
import { outcomeOf } from './dnr-matcher';
import { MINI, twinOf } from './mini-site';

// A strictly necessary tracker with a host of its own, so "never blocked" is tested against something blockable.
const withNecessaryHost: Site = {
  ...MINI,
  trackers: MINI.trackers.map((tracker) =>
    tracker.category === 'strictly-necessary' ? { ...tracker, hosts: ['login.example'] } : tracker,
  ),
};
const SITES = [withNecessaryHost, twinOf(MINI, 'twin', ['twin.test', 'twin.example'])];
const index = buildSiteIndex(SITES);
const categoryIds = MINI.categories.map((category) => category.id);

const choices = fc.dictionary(fc.constantFrom(...categoryIds), fc.boolean());
const settingsArb: fc.Arbitrary<Settings> = fc.record({
  version: fc.constant(1),
  defaults: choices,
  sites: fc.dictionary(fc.constantFrom('mini', 'twin'), fc.record({ choices, paused: fc.boolean() })),
  unknownCookies: fc.constantFrom('allow' as const, 'remove' as const),
  badge: fc.boolean(),
});

/** Every (page, tracker request) pair the sites define. */
const probes = SITES.flatMap((site) =>
  site.domains.flatMap((domain) =>
    site.trackers.flatMap((tracker) =>
      tracker.hosts.map((host) => ({ site, tracker, initiator: `https://www.${domain}`, url: `https://cdn.${host}/t` })),
    ),
  ),
);

describe('compileRules', () => {
  test('default choices (snapshot)', () => {
    expect(compileRules([MINI], freshSettings())).toMatchSnapshot();
  });

  test('default choices for the covered sites of the knowledge base (snapshot)', () => {
    expect(compileRules(coveredSites, freshSettings())).toMatchSnapshot();
  });

  test('refusing nothing compiles no rules; pausing every site too', () => {
    const allowAll = { ...freshSettings(), defaults: Object.fromEntries(categoryIds.map((id) => [id, true])) };
    expect(compileRules(SITES, allowAll)).toEqual([]);
    const paused = { ...freshSettings(), sites: { mini: { choices: {}, paused: true }, twin: { choices: {}, paused: true } } };
    expect(compileRules(SITES, paused)).toEqual([]);
  });

  test('the rules block exactly the requests the classifier calls refused', () => {
    fc.assert(
      fc.property(settingsArb, (settings) => {
        const rules = compileRules(SITES, settings);
        for (const { initiator, url } of probes) {
          const refused = blockedRequest(index, settings, { initiator, url, type: 'script' }) !== null;
          expect({ url, outcome: outcomeOf(rules, initiator, url) }).toEqual({ url, outcome: refused ? 'block' : 'none' });
        }
      }),
    );
  });

  test('strictly necessary is never blocked nor stripped', () => {
    fc.assert(
      fc.property(settingsArb, (settings) => {
        const rules = compileRules(SITES, settings);
        for (const { tracker, initiator, url } of probes) {
          if (tracker.category === 'strictly-necessary') expect(outcomeOf(rules, initiator, url)).toBe('none');
        }
      }),
    );
  });

  test("a site's own choice wins over the default", () => {
    fc.assert(
      fc.property(settingsArb, (settings) => {
        const rules = compileRules(SITES, settings);
        for (const { site, tracker, initiator, url } of probes) {
          const own = settings.sites[site.id];
          const choice = own?.choices[tracker.category];
          if (own === undefined || own.paused || choice === undefined || tracker.category === 'strictly-necessary') continue;
          expect(outcomeOf(rules, initiator, url)).toBe(choice ? 'none' : 'block');
        }
      }),
    );
  });

  test('a paused site has no rule at all: trackers, unknown hosts and its consent manager untouched', () => {
    fc.assert(
      fc.property(settingsArb, fc.constantFrom(...SITES), (settings, site) => {
        const paused = { ...settings, sites: { ...settings.sites, [site.id]: { choices: {}, paused: true } } };
        const rules = compileRules(SITES, paused);
        for (const domain of site.domains) expect(rules.filter((rule) => rule.condition.initiatorDomains.includes(domain))).toEqual([]);
      }),
    );
  });

  test('the consent manager and the site itself are never blocked; unknown third parties lose cookies only when asked', () => {
    fc.assert(
      fc.property(settingsArb, (settings) => {
        const rules = compileRules(SITES, settings);
        for (const site of SITES) {
          const page = `https://${site.domains[0]}/`;
          const active = !settings.sites[site.id]?.paused;
          expect(['allow', 'none']).toContain(outcomeOf(rules, page, 'https://cdn.consent.example/otSDK.js'));
          expect(outcomeOf(rules, page, `https://static.${site.domains[0]}/app.js`)).toBe('none');
          const unknown = outcomeOf(rules, page, 'https://unknown-third-party.example/x.js');
          expect(unknown).toBe(active && settings.unknownCookies === 'remove' ? 'strip-cookies' : 'none');
        }
      }),
    );
  });

  test('pages of non-covered sites are untouched', () => {
    fc.assert(
      fc.property(settingsArb, (settings) => {
        const rules = compileRules(SITES, settings);
        for (const { url } of probes) expect(outcomeOf(rules, 'https://elsewhere.test/', url)).toBe('none');
      }),
    );
  });

  test('output is deterministic, independent of site order, with unique ids in the site range', () => {
    fc.assert(
      fc.property(settingsArb, (settings) => {
        const rules = compileRules(SITES, settings);
        expect(compileRules([...SITES].reverse(), structuredClone(settings))).toEqual(rules);
        expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
        expect(rules.every((rule) => inRange(rule.id, RULE_IDS.sites))).toBe(true);
        expect(rules.every((rule) => (rule.condition.requestDomains ?? ['x']).length > 0)).toBe(true);
      }),
    );
  });

  test("no header rule shares a block rule's condition: the block would always win, so it could never decide", () => {
    fc.assert(
      fc.property(settingsArb, (settings) => {
        const rules = compileRules(SITES, settings);
        const blocked = new Set(rules.filter((rule) => rule.action.type === 'block').map((rule) => JSON.stringify(rule.condition)));
        const headers = rules.filter((rule) => rule.action.type === 'modifyHeaders');
        expect(headers.filter((rule) => blocked.has(JSON.stringify(rule.condition)))).toEqual([]);
      }),
    );
  });

  test('sites with the same refusals share rules; different refusals grow them', () => {
    const many = Array.from({ length: 50 }, (_, n) => twinOf(MINI, `site-${n}`, [`site-${n}.test`]));
    const shared = compileRules(many, freshSettings());
    expect(shared).toHaveLength(compileRules([MINI], freshSettings()).length);
    const ownChoices = { ...freshSettings(), sites: { 'site-0': { choices: { functionality: false }, paused: false } } };
    expect(compileRules(many, ownChoices).length).toBeGreaterThan(shared.length);
  });
});
