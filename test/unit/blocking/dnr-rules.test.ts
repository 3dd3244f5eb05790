import fc from 'fast-check';
import coveredSites from 'knowledge:sites';
import { inRange, RULE_IDS } from '../../../src/blocking/dnr-ids';
import { compileRules, type CompiledRules } from '../../../src/blocking/dnr-rules';
import type { Site } from '../../../src/knowledge/schema';
import { hostOf } from '../../../src/shared/hosts';
import { registrableDomain } from '../../../src/knowledge/registrable-domain';
import { freshSettings, type Settings } from '../../../src/settings/settings';
import { buildSiteIndex } from '../../../src/knowledge/site-index';
import { blockedRequest, requestOutcome } from '../../../src/blocking/verdicts';
import { probesOf, settingsArbitrary } from '../../support/dnr-probes';
import { matchOf, outcomeOf } from './dnr-matcher';
import { MINI, twinOf } from '../../support/mini-site';

// A strictly necessary tracker with a host of its own, so "never blocked" is tested against something blockable.
const withNecessaryHost: Site = {
  ...MINI,
  trackers: MINI.trackers.map((tracker) =>
    tracker.category === 'strictly-necessary' ? { ...tracker, hosts: ['login.example'] } : tracker,
  ),
};
const SITES = [withNecessaryHost, twinOf(MINI, 'twin', ['twin.test', 'twin.example'])];
const settingsArb = settingsArbitrary(SITES);
const probes = probesOf(SITES);
const categoryIds = MINI.categories.map((category) => category.id);

/** The model's outcome as an effect: an allow rule and no rule both let the request through untouched. */
const effectOf = (compiled: CompiledRules, initiator: string, url: string) => {
  const outcome = outcomeOf(compiled.rules, initiator, url);
  return outcome === 'allow' ? 'none' : outcome;
};

/** Judges rules against the specification (requestOutcome) with the model, over every probe. */
function mismatches(sites: readonly Site[], settings: Settings, compiled = compileRules(sites, settings)) {
  const index = buildSiteIndex(sites);
  return probesOf(sites).flatMap(({ initiator, url }) => {
    const expected = requestOutcome(index, settings, { initiator, url, type: 'script' });
    const actual = effectOf(compiled, initiator, url);
    return expected === actual ? [] : [{ initiator, url, expected, actual }];
  });
}

describe('compileRules', () => {
  test('default choices (snapshot of rules and reasons)', () => {
    const { rules, reasons } = compileRules([MINI], freshSettings());
    expect({ rules, reasons: [...reasons] }).toMatchSnapshot();
  });

  test('default choices for the covered sites of the knowledge base (snapshot)', () => {
    const { rules, reasons } = compileRules(coveredSites, freshSettings());
    expect({ rules, reasons: [...reasons] }).toMatchSnapshot();
  });

  test('refusing nothing compiles no rules; pausing every site too', () => {
    const allowAll = { ...freshSettings(), defaults: Object.fromEntries(categoryIds.map((id) => [id, true])) };
    expect(compileRules(SITES, allowAll).rules).toEqual([]);
    const pause = { choices: {}, paused: true };
    const paused = {
      ...freshSettings(),
      sites: Object.fromEntries(SITES.flatMap((site) => site.domains).map((domain) => [domain, pause])),
    };
    expect(compileRules(SITES, paused).rules).toEqual([]);
  });

  test('the rules do what the classifier and the settings say, for every page and request (model pre-check)', () => {
    fc.assert(fc.property(settingsArb, (settings) => expect(mismatches(SITES, settings)).toEqual([])));
    fc.assert(
      fc.property(settingsArbitrary(coveredSites), (settings) => expect(mismatches(coveredSites, settings)).toEqual([])),
      {
        numRuns: 30,
      },
    );
  });

  test('strictly necessary is never blocked nor stripped', () => {
    fc.assert(
      fc.property(settingsArb, (settings) => {
        const { rules } = compileRules(SITES, settings);
        for (const site of SITES) expect(outcomeOf(rules, `https://${site.domains[0]}`, 'https://login.example/')).not.toBe('block');
      }),
    );
  });

  test("a domain's own choice wins over the default there, and only there: not on the owner's other domains", () => {
    const settings = {
      ...freshSettings(),
      defaults: { advertising: false },
      sites: { 'mini.test': { choices: { advertising: true }, paused: false } },
    };
    const { rules } = compileRules(SITES, settings);
    expect(outcomeOf(rules, 'https://mini.test', 'https://ads.example/x')).toBe('none');
    expect(outcomeOf(rules, 'https://www.mini.test', 'https://ads.example/x')).toBe('none');
    expect(outcomeOf(rules, 'https://mini-cdn.net', 'https://ads.example/x')).toBe('block');
    expect(outcomeOf(rules, 'https://twin.test', 'https://ads.example/x')).toBe('block');
  });

  test('domains with the same choices share rules: one changed domain adds only the rules that differ', () => {
    const atlassian = coveredSites.find((site) => site.id === 'atlassian')!;
    const defaults = compileRules([atlassian], freshSettings()).rules;
    expect(new Set(defaults.map((rule) => rule.condition.initiatorDomains.join(' ')))).toEqual(
      new Set([[...atlassian.domains.flatMap((domain) => [domain, `${domain}.`])].sort().join(' ')]),
    );
    const oneChanged = {
      ...freshSettings(),
      sites: { 'bitbucket.org': { choices: { 'performance-and-analytics': true }, paused: false } },
    };
    const rules = compileRules([atlassian], oneChanged).rules;
    const analyticsTrackers = atlassian.trackers.filter((tracker) => tracker.category === 'performance-and-analytics');
    // The analytics block rules now leave bitbucket.org out; every other rule still names all seven domains.
    expect(rules.length).toBe(defaults.length);
    expect(rules.filter((rule) => rule.condition.initiatorDomains.includes('bitbucket.org')).length).toBeLessThan(defaults.length);
    expect(analyticsTrackers.length).toBeGreaterThan(0);
    expect(mismatches([atlassian], oneChanged)).toEqual([]);
  });

  test('a paused site has no rule at all: trackers, unknown hosts and its consent manager untouched', () => {
    fc.assert(
      fc.property(settingsArb, fc.constantFrom(...SITES), (settings, site) => {
        const pauses = Object.fromEntries(site.domains.map((domain) => [domain, { choices: {}, paused: true }]));
        const paused = { ...settings, sites: { ...settings.sites, ...pauses } };
        const { rules, reasons } = compileRules(SITES, paused);
        for (const domain of site.domains) expect(rules.filter((rule) => rule.condition.initiatorDomains.includes(domain))).toEqual([]);
        expect([...reasons.values()].filter((reason) => reason.sites.includes(site.id))).toEqual([]);
      }),
    );
  });

  test('the consent manager is never blocked nor stripped, even below a refused tracker host', () => {
    const underTracker: Site = { ...MINI, trackers: [...MINI.trackers, { ...MINI.trackers[3]!, id: 'wide', hosts: ['example'] }] };
    expect(mismatches([underTracker], freshSettings())).toEqual([]);
    expect(outcomeOf(compileRules([underTracker], freshSettings()).rules, 'https://mini.test', 'https://cdn.consent.example/x')).toBe(
      'allow',
    );
  });

  test('nested hosts go to the nearest listed one: an allowed tracker below a refused one stays allowed, and back', () => {
    const nested: Site = {
      ...MINI,
      trackers: [
        { ...MINI.trackers[3]!, id: 'outer-ads', hosts: ['nest.example'] },
        { ...MINI.trackers[1]!, id: 'inner-chat', hosts: ['chat.nest.example'] },
        { ...MINI.trackers[3]!, id: 'innermost-ads', hosts: ['ads.chat.nest.example'] },
      ],
    };
    const settings = { ...freshSettings(), unknownCookies: 'remove' as const };
    expect(mismatches([nested], settings)).toEqual([]);
    const { rules } = compileRules([nested], settings);
    expect(outcomeOf(rules, 'https://mini.test', 'https://x.nest.example/')).toBe('block');
    expect(outcomeOf(rules, 'https://mini.test', 'https://chat.nest.example/')).toBe('none');
    expect(outcomeOf(rules, 'https://mini.test', 'https://ads.chat.nest.example/')).toBe('block');
  });

  test('a covered site nested below another one keeps its own trackers, and follows the registrable domain they share', () => {
    const outer = twinOf(MINI, 'outer', ['host.example']);
    const inner = { ...twinOf(MINI, 'inner', ['shop.host.example']), trackers: [] };
    const innermost = twinOf(MINI, 'innermost', ['eu.shop.host.example']);
    const sites = [outer, inner, innermost];
    expect(mismatches(sites, freshSettings())).toEqual([]);
    const { rules } = compileRules(sites, freshSettings());
    expect(outcomeOf(rules, 'https://www.host.example', 'https://ads.example/')).toBe('block');
    expect(outcomeOf(rules, 'https://www.shop.host.example', 'https://ads.example/')).toBe('none');
    expect(outcomeOf(rules, 'https://www.eu.shop.host.example', 'https://ads.example/')).toBe('block');
    const paused = { ...freshSettings(), sites: { 'host.example': { choices: {}, paused: true } } };
    expect(mismatches(sites, paused)).toEqual([]);
    expect(compileRules(sites, paused).rules).toEqual([]);
  });

  test('one block rule per refused tracker, whose reason names the site(s), the category and the tracker', () => {
    fc.assert(
      fc.property(settingsArb, (settings) => {
        const compiled = compileRules(SITES, settings);
        expect([...compiled.reasons.keys()]).toEqual(compiled.rules.map((rule) => rule.id));
        const index = buildSiteIndex(SITES);
        for (const { initiator, url } of probes) {
          const request = { initiator, url, type: 'image' };
          const blocked = blockedRequest(index, compiled, request);
          expect(blocked !== null).toBe(requestOutcome(index, settings, request) === 'block');
          if (blocked === null) continue;
          const site = SITES.find((candidate) => candidate.id === blocked.siteId)!;
          const tracker = site.trackers.find((candidate) => candidate.id === blocked.tracker.id)!;
          expect(blocked).toEqual({
            ruleId: matchOf(compiled.rules, initiator, url).ruleId,
            siteId: site.id,
            domain: registrableDomain(hostOf(initiator)),
            category: tracker.category,
            tracker: { id: tracker.id, name: tracker.name },
          });
          expect(compiled.reasons.get(blocked.ruleId)?.sites).toContain(site.id);
        }
      }),
      { numRuns: 30 },
    );
  });

  test("no header rule shares a block rule's condition: the block would always win, so it could never decide", () => {
    fc.assert(
      fc.property(settingsArb, (settings) => {
        const { rules } = compileRules(SITES, settings);
        const blocked = new Set(rules.filter((rule) => rule.action.type === 'block').map((rule) => JSON.stringify(rule.condition)));
        const headers = rules.filter((rule) => rule.action.type === 'modifyHeaders');
        expect(headers.filter((rule) => blocked.has(JSON.stringify(rule.condition)))).toEqual([]);
      }),
    );
  });

  test('output is deterministic, independent of site order, with unique ids in the site range', () => {
    fc.assert(
      fc.property(settingsArb, (settings) => {
        const compiled = compileRules(SITES, settings);
        expect(compileRules([...SITES].reverse(), structuredClone(settings))).toEqual(compiled);
        expect(new Set(compiled.rules.map((rule) => rule.id)).size).toBe(compiled.rules.length);
        expect(compiled.rules.every((rule) => inRange(rule.id, RULE_IDS.sites))).toBe(true);
        expect(compiled.rules.every((rule) => (rule.condition.requestDomains ?? ['x']).length > 0)).toBe(true);
      }),
    );
  });

  test('sites with the same refusals share rules; different refusals grow them', () => {
    const many = Array.from({ length: 50 }, (_, n) => twinOf(MINI, `site-${n}`, [`site-${n}.test`]));
    const shared = compileRules(many, freshSettings());
    expect(shared.rules).toHaveLength(compileRules([MINI], freshSettings()).rules.length);
    expect(shared.reasons.get(shared.rules.at(-1)!.id)?.sites).toHaveLength(50);
    const ownChoices = { ...freshSettings(), sites: { 'site-0.test': { choices: { functionality: false }, paused: false } } };
    expect(compileRules(many, ownChoices).rules.length).toBeGreaterThan(shared.rules.length);
  });
});
