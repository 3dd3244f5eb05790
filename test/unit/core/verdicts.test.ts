import { freshSettings } from '../../../src/core/settings';
import { setSitePaused, setSiteChoice, setPreferences } from '../../../src/core/settings-ops';
import { buildSiteIndex } from '../../../src/core/site-index';
import { blockedRequest, cookieToRemove, UNKNOWN_CATEGORY } from '../../../src/core/verdicts';
import { MINI } from './mini-site';

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
    expect(verdict('theme', setSitePaused(remove, 'mini', true))).toBeNull();
  });

  test("the site's own choice and pause win", () => {
    expect(verdict('_st', setSiteChoice(freshSettings(), 'mini', 'analytics', true))).toBeNull();
    expect(verdict('chat_id', setSiteChoice(freshSettings(), 'mini', 'functionality', false))).toBe('functionality');
    expect(verdict('_ad', setSitePaused(freshSettings(), 'mini', true))).toBeNull();
  });

  test('a cookie of a category the site does not define is kept', () => {
    const odd = { ...MINI, categories: MINI.categories.filter((category) => category.id !== 'analytics') };
    expect(cookieToRemove(buildSiteIndex([odd]), freshSettings(), { name: '_st', domain: 'mini.test' })).toBeNull();
  });
});

describe('blockedRequest', () => {
  test('blocks refused trackers only', () => {
    expect(blockedRequest(index, freshSettings(), { initiator: page, url: 'https://survey.example/q', type: 'script' })?.category).toBe(
      'research',
    );
    expect(blockedRequest(index, freshSettings(), { initiator: page, url: 'https://chat.example/w', type: 'script' })).toBeNull();
  });
});
