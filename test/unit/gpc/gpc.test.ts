import { inRange, RULE_IDS } from '../../../src/blocking/dnr-ids';
import { gpcDomains, gpcRules, gpcScripts } from '../../../src/gpc/gpc';
import { freshSettings, type Settings } from '../../../src/settings/settings';
import { setDefaultChoice, setPreferences, setSiteChoice, setSitePaused } from '../../../src/settings/ops';
import { loadSites } from '../../../src/knowledge/load';

const sites = loadSites();
const site = sites[0]!;
const ADVERTISING = 'targeting-or-advertising';
const on = (settings: Settings = freshSettings()): Settings => setPreferences(settings, { globalPrivacyControl: true });

test("Atlassian's knowledge base names its advertising category as the one GPC states", () => {
  expect(site.globalPrivacyControl?.category).toBe(ADVERTISING);
  expect(site.categories.find((category) => category.id === ADVERTISING)?.refusable).toBe(true);
});

test('off by default: no domain, no rule, no script', () => {
  expect(freshSettings().globalPrivacyControl).toBe(false);
  expect(gpcDomains(sites, freshSettings())).toEqual([]);
  expect(gpcRules(sites, freshSettings())).toEqual([]);
  expect(gpcScripts(sites, freshSettings())).toEqual([]);
});

test('on: sent on every domain that refuses advertising (the default), not where it is allowed or paused', () => {
  expect(gpcDomains(sites, on())).toEqual(site.domains);
  const settings = on(setSitePaused(setSiteChoice(freshSettings(), 'trello.com', ADVERTISING, true), 'bitbucket.org', true));
  expect(gpcDomains(sites, settings)).toEqual(site.domains.filter((domain) => domain !== 'trello.com' && domain !== 'bitbucket.org'));
  // Advertising allowed by default everywhere: nowhere.
  expect(gpcDomains(sites, on(setDefaultChoice(freshSettings(), ADVERTISING, true)))).toEqual([]);
  // Other categories do not matter.
  expect(gpcDomains(sites, on(setSiteChoice(freshSettings(), 'atlassian.com', 'social-media', true)))).toEqual(site.domains);
});

test('the header rules: page loads of those domains, and every request their pages make, in both spellings', () => {
  const settings = on(setSiteChoice(freshSettings(), 'trello.com', ADVERTISING, true));
  const rules = gpcRules(sites, settings);
  const domains = site.domains.filter((domain) => domain !== 'trello.com').flatMap((domain) => [domain, `${domain}.`]);
  const action = { type: 'modifyHeaders', requestHeaders: [{ header: 'Sec-GPC', operation: 'set', value: '1' }] };
  expect(rules.map((rule) => ({ action: rule.action, condition: rule.condition }))).toEqual([
    { action, condition: { requestDomains: domains, resourceTypes: ['main_frame', 'sub_frame'] } },
    { action, condition: { initiatorDomains: domains, excludedResourceTypes: ['main_frame', 'sub_frame'] } },
  ]);
  expect(rules.every((rule) => inRange(rule.id, RULE_IDS.globalPrivacyControl))).toBe(true);
});

test('the navigator.globalPrivacyControl script: one main-world registration on those domains, under the shield prefix', () => {
  const [script, ...more] = gpcScripts(sites, on(setSitePaused(freshSettings(), 'trello.com', true)));
  expect(more).toEqual([]);
  expect(script).toMatchObject({ id: 'shield-+gpc', js: ['gpc.js'], world: 'MAIN' });
  expect(script!.matches).toContain('*://*.atlassian.com/*');
  expect(script!.matches).toContain('*://*.atlassian.com./*');
  expect(script!.matches.some((match) => match.includes('trello.com'))).toBe(false);
});
