import type { DnrRule, TabRule } from '../../../src/ports/dnr';
import fc from 'fast-check';
import { inRange, RULE_IDS } from '../../../src/blocking/dnr-ids';
import { compileRules } from '../../../src/blocking/dnr-rules';
import { hostOf } from '../../../src/shared/hosts';
import { freshSettings, type Settings } from '../../../src/settings/settings';
import { setSiteChoice, setSitePaused } from '../../../src/settings/ops';
import { buildSiteIndex } from '../../../src/knowledge/site-index';
import { compileTabRules, compileTopDomainRules } from '../../../src/blocking/tab-rules';
import { requestOutcome } from '../../../src/blocking/verdicts';
import { pagesOf, requestUrlsOf, settingsArbitrary, UNCOVERED_PAGE } from '../../support/dnr-probes';
import { outcomeOf } from './dnr-matcher';
import { MINI, twinOf } from '../../support/mini-site';

const SITES = [MINI, twinOf(MINI, 'twin', ['twin.test'])];
const index = buildSiteIndex(SITES);
/** Initiators a covered page's tab holds besides the page: an embedded player, an opaque origin ("null"). */
const FRAME_INITIATORS = ['https://player.video-host.example', 'null'];

/** The tab rules of `tabId` as the model matcher sees them: matching whatever initiator the request has. */
function onTab(rules: readonly TabRule[], tabId: number, initiator: string): DnrRule[] {
  return rules
    .filter((rule) => rule.condition.tabIds.includes(tabId))
    .map(({ condition: { tabIds, ...request }, ...rule }) => ({
      ...rule,
      condition: { ...request, initiatorDomains: [hostOf(initiator) || 'null'] },
    }));
}

const effect = (rules: DnrRule[], initiator: string, url: string) => {
  const outcome = outcomeOf(rules, `https://${hostOf(initiator) || 'null'}`, url);
  return outcome === 'allow' ? 'none' : outcome;
};

test("a tab's rules are the site rules for its page's own requests, for every request of the tab", () => {
  const pages = pagesOf(SITES);
  const urls = requestUrlsOf(SITES);
  fc.assert(
    fc.property(settingsArbitrary(SITES), (settings: Settings) => {
      const rules = compileTabRules(compileRules(SITES, settings), new Map(pages.map((page, n) => [n + 1, `${page}/some/path?q=1`])));
      pages.forEach((page, n) => {
        for (const initiator of FRAME_INITIATORS) {
          for (const url of urls) {
            const expected = requestOutcome(index, settings, { initiator: page, url, type: 'script' });
            expect({ page, initiator, url, outcome: effect(onTab(rules, n + 1, initiator), initiator, url) }).toEqual({
              page,
              initiator,
              url,
              outcome: expected,
            });
          }
        }
      });
    }),
    { numRuns: 25 },
  );
});

test('tabs on pages with the same rules share them; ids mirror the site rules; tabs elsewhere get none', () => {
  const compiled = compileRules(SITES, freshSettings());
  const rules = compileTabRules(
    compiled,
    new Map([
      [7, 'https://www.mini.test/a'],
      [3, 'https://twin.test/'],
      [9, UNCOVERED_PAGE],
      [4, 'data:text/html,x'],
    ]),
  );
  expect(rules.length).toBeGreaterThan(0);
  expect(rules.length).toBeLessThanOrEqual(compiled.rules.length);
  for (const rule of rules) {
    expect(inRange(rule.id, RULE_IDS.tabSession)).toBe(true);
    const site = compiled.rules.find((candidate) => candidate.id - RULE_IDS.sites.first === rule.id - RULE_IDS.tabSession.first)!;
    expect(rule.action).toEqual(site.action);
    expect(rule.priority).toBe(site.priority);
    expect(rule.condition).not.toHaveProperty('initiatorDomains');
    expect(rule.condition.tabIds).toEqual([3, 7]);
    expect(rule.condition.excludedResourceTypes).toEqual(['main_frame']);
  }
  expect(compileTabRules(compiled, new Map([[9, UNCOVERED_PAGE]]))).toEqual([]);
});

test("each tab follows its own site's choices, and a paused site's tabs get no rules", () => {
  let settings = setSiteChoice(freshSettings(), 'twin.test', 'analytics', true);
  const stats = (rules: TabRule[], tabId: number) =>
    rules.some(
      (rule) =>
        rule.condition.tabIds.includes(tabId) && rule.action.type === 'block' && rule.condition.requestDomains?.includes('stats.example'),
    );
  const pages = new Map([
    [1, 'https://www.mini.test/'],
    [2, 'https://twin.test/'],
  ]);
  let rules = compileTabRules(compileRules(SITES, settings), pages);
  expect(stats(rules, 1)).toBe(true);
  expect(stats(rules, 2)).toBe(false);
  settings = setSitePaused(settings, 'mini.test', true);
  rules = compileTabRules(compileRules(SITES, settings), pages);
  expect(rules.filter((rule) => rule.condition.tabIds.includes(1))).toEqual([]);
});

test('top-domain rules carry every site rule to pages by their top-level domain', () => {
  const compiled = compileRules(SITES, freshSettings());
  const rules = compileTopDomainRules(compiled);
  expect(rules).toHaveLength(compiled.rules.length);
  rules.forEach((rule, n) => {
    const site = compiled.rules[n]!;
    expect(inRange(rule.id, RULE_IDS.topSites)).toBe(true);
    const { initiatorDomains, excludedInitiatorDomains, ...request } = site.condition;
    expect(rule.condition).toEqual({
      ...request,
      topDomains: initiatorDomains,
      ...(excludedInitiatorDomains ? { excludedTopDomains: excludedInitiatorDomains } : {}),
    });
  });
});
