import { freshSettings } from '../../../src/settings/settings';
import { setSitePaused, setSiteChoice, setPreferences } from '../../../src/settings/ops';
import { buildSiteIndex } from '../../../src/knowledge/site-index';
import { compileRules } from '../../../src/blocking/dnr-rules';
import { blockedRequest, cookieToRemove, requestOutcome, UNKNOWN_CATEGORY } from '../../../src/blocking/verdicts';
import { MINI } from '../../support/mini-site';

const index = buildSiteIndex([MINI]);
const page = 'https://www.mini.test';
const verdict = (name: string, settings = freshSettings()) =>
  cookieToRemove(index, settings, { name, domain: '.mini.test' })?.category ?? null;

describe('cookieToRemove', () => {
  test('default choices remove refused categories and keep the rest', () => {
    expect(verdict('_st_1')).toBe('analytics');
    expect(verdict('_ad')).toBe('advertising');
    expect(verdict('chat_id')).toBeNull();
    expect(verdict('session.token')).toBeNull();
    expect(verdict('ConsentState')).toBeNull();
    expect(verdict('theme')).toBeNull();
  });

  test('unknown cookies go only when asked, and never on a paused site', () => {
    const remove = setPreferences(freshSettings(), { unknownCookies: 'remove' });
    expect(verdict('theme', remove)).toBe(UNKNOWN_CATEGORY);
    expect(verdict('ConsentState', remove)).toBeNull();
    expect(verdict('session.token', remove)).toBeNull();
    expect(verdict('theme', setSitePaused(remove, 'mini.test', true))).toBeNull();
  });

  test("the site's own choice and pause win", () => {
    expect(verdict('_st', setSiteChoice(freshSettings(), 'mini.test', 'analytics', true))).toBeNull();
    expect(verdict('chat_id', setSiteChoice(freshSettings(), 'mini.test', 'functionality', false))).toBe('functionality');
    expect(verdict('_ad', setSitePaused(freshSettings(), 'mini.test', true))).toBeNull();
  });

  test("a cookie follows the choices of the registrable domain whose context stores it, not the owner's other domains", () => {
    const allowedHere = setSiteChoice(freshSettings(), 'mini.test', 'analytics', true);
    expect(cookieToRemove(index, allowedHere, { name: '_st', domain: 'mini-cdn.net' })).toMatchObject({
      domain: 'mini-cdn.net',
      category: 'analytics',
    });
    expect(cookieToRemove(index, allowedHere, { name: '_st', domain: 'www.mini.test' })).toBeNull();
    // A third party's cookie partitioned under a page of mini-cdn.net: that page's choices decide.
    const partitioned = { name: '_ad', domain: '.ads.example', partitionKey: { topLevelSite: 'https://mini-cdn.net' } };
    expect(cookieToRemove(index, setSiteChoice(freshSettings(), 'mini.test', 'advertising', true), partitioned)).toMatchObject({
      domain: 'mini-cdn.net',
    });
    expect(cookieToRemove(index, setSiteChoice(freshSettings(), 'mini-cdn.net', 'advertising', true), partitioned)).toBeNull();
  });

  test("names the tracker a removed cookie belongs to, by its name or its host; an unknown cookie's is null", () => {
    const remove = setPreferences(freshSettings(), { unknownCookies: 'remove' });
    const removed = (name: string, domain: string) => {
      const stopped = cookieToRemove(index, remove, { name, domain });
      return stopped && { site: stopped.site.id, domain: stopped.domain, category: stopped.category, tracker: stopped.tracker };
    };
    expect(removed('_st_1', '.mini.test')).toEqual({ site: 'mini', domain: 'mini.test', category: 'analytics', tracker: 'stats' });
    expect(removed('_ad', 'mini-cdn.net')).toEqual({ site: 'mini', domain: 'mini-cdn.net', category: 'advertising', tracker: 'ads' });
    expect(
      cookieToRemove(index, remove, { name: 'uid', domain: '.ads.example', partitionKey: { topLevelSite: 'https://mini.test' } }),
    ).toMatchObject({ category: 'advertising', tracker: 'ads' });
    expect(removed('theme', '.mini.test')).toEqual({ site: 'mini', domain: 'mini.test', category: UNKNOWN_CATEGORY, tracker: null });
  });

  test('a cookie of a category the site does not define is kept', () => {
    const odd = { ...MINI, categories: MINI.categories.filter((category) => category.id !== 'analytics') };
    expect(cookieToRemove(buildSiteIndex([odd]), freshSettings(), { name: '_st', domain: 'mini.test' })).toBeNull();
  });
});

describe('requestOutcome', () => {
  const outcome = (url: string, settings = freshSettings(), type = 'script', initiator = page) =>
    requestOutcome(index, settings, { initiator, url, type });

  test('refused trackers are blocked; allowed ones, the site itself and its consent manager pass', () => {
    expect(outcome('https://survey.example/q')).toBe('block');
    expect(outcome('https://chat.example/w')).toBe('none');
    expect(outcome('https://static.mini.test/app.js')).toBe('none');
    expect(outcome('https://cdn.consent.example/c.js')).toBe('none');
  });

  test('unknown third parties lose their cookies only when asked, and never on a paused site or a page load', () => {
    const remove = setPreferences(freshSettings(), { unknownCookies: 'remove' });
    expect(outcome('https://fonts.example/a.woff2')).toBe('none');
    expect(outcome('https://fonts.example/a.woff2', remove)).toBe('strip-cookies');
    expect(outcome('https://static.mini.test/app.js', remove)).toBe('none');
    expect(outcome('https://fonts.example/a.woff2', setSitePaused(remove, 'mini.test', true))).toBe('none');
    expect(outcome('https://fonts.example/', remove, 'main_frame')).toBe('none');
    expect(outcome('https://survey.example/', remove, 'main_frame')).toBe('none');
    expect(outcome('https://fonts.example/a.woff2', remove, 'script', 'https://elsewhere.test')).toBe('none');
  });

  test("a pause or a choice holds on the initiating page's registrable domain only", () => {
    const paused = setSitePaused(freshSettings(), 'mini.test', true);
    expect(outcome('https://survey.example/q', paused)).toBe('none');
    expect(outcome('https://survey.example/q', paused, 'script', 'https://mini-cdn.net')).toBe('block');
  });
});

describe('blockedRequest', () => {
  test('names the rule that blocks a refused tracker, with the site, category and tracker of its reason', () => {
    const compiled = compileRules([MINI], freshSettings());
    const blocked = blockedRequest(index, compiled, { initiator: page, url: 'https://survey.example/q', type: 'script' });
    expect(blocked).toEqual({
      ruleId: expect.any(Number),
      siteId: 'mini',
      domain: 'mini.test',
      category: 'research',
      tracker: { id: 'survey', name: 'Survey' },
    });
    expect(compiled.rules.find((rule) => rule.id === blocked?.ruleId)?.condition.requestDomains).toEqual([
      'survey.example',
      'survey.example.',
    ]);
    expect(blockedRequest(index, compiled, { initiator: page, url: 'https://chat.example/w', type: 'script' })).toBeNull();
    expect(blockedRequest(index, compiled, { initiator: page, url: 'https://survey.example/', type: 'main_frame' })).toBeNull();
  });

  test('follows the rules in force, not the settings: no rule, no count', () => {
    const none = compileRules([MINI], setSitePaused(freshSettings(), 'mini.test', true));
    expect(blockedRequest(index, none, { initiator: page, url: 'https://survey.example/q', type: 'script' })).toBeNull();
  });
});
