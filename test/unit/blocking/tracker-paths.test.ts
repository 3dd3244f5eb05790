import fc from 'fast-check';
import { isTrackerRefused } from '../../../src/settings/choices';
import { classifyRequest } from '../../../src/knowledge/classify';
import { compileRules } from '../../../src/blocking/dnr-rules';
import type { Site, Tracker } from '../../../src/knowledge/schema';
import { freshSettings, type Settings } from '../../../src/settings/settings';
import { buildSiteIndex, pathMatches, pathOf } from '../../../src/knowledge/site-index';
import { blockedRequest, requestOutcome } from '../../../src/blocking/verdicts';
import { checkTrackerPaths } from '../../../src/compiler/tracker-paths';
import { probesOf, settingsArbitrary } from '../../support/dnr-probes';
import { matchOf } from './dnr-matcher';
import { MINI } from '../../support/mini-site';

const extra: Tracker[] = [
  // One host, two purposes: the host is a functionality widget, its /tr path the advertising pixel.
  { id: 'widget', name: 'Widget', category: 'functionality', hosts: ['social.example'], cookies: [], source: 'curated', reason: 'r' },
  {
    id: 'signin',
    name: 'Captcha',
    category: 'strictly-necessary',
    hosts: [],
    cookies: [],
    source: 'curated',
    reason: 'r',
    paths: [{ host: 'www.big.example', paths: ['/captcha/'] }],
  },
  {
    id: 'tags',
    name: 'Tag manager',
    category: 'analytics',
    hosts: ['tags.example'],
    loads: ['analytics', 'functionality'],
    cookies: [],
    source: 'curated',
    reason: 'r',
  },
];
const PATHS: Record<string, Tracker['paths']> = {
  ads: [{ host: 'social.example', paths: ['/tr'] }],
  stats: [{ host: 'www.big.example', paths: ['/collect'] }],
};
const SITE: Site = {
  ...MINI,
  trackers: [...MINI.trackers.map((tracker) => (PATHS[tracker.id] ? { ...tracker, paths: PATHS[tracker.id] } : tracker)), ...extra],
};
const index = buildSiteIndex([SITE]);
const page = 'https://www.mini.test';
const trackerOf = (url: string) => classifyRequest(index, { initiator: page, url, type: 'image' })?.tracker.id ?? null;
const settingsWith = (choices: Record<string, boolean>): Settings => ({ ...freshSettings(), defaults: choices });
const outcome = (settings: Settings, url: string) => requestOutcome(index, settings, { initiator: page, url, type: 'image' });
const model = (settings: Settings, url: string) => {
  const found = matchOf(compileRules([SITE], settings).rules, page, url).outcome;
  return found === 'allow' ? 'none' : found;
};

describe('path prefixes', () => {
  test('a prefix ending in "/" matches below it; any other only up to a separator, like DNR "^"', () => {
    expect(['/tr', '/tr?id=1', '/tr/', '/tr#x', '/tr&x'].map((path) => pathMatches(path, '/tr'))).toEqual([true, true, true, true, true]);
    expect(['/trending', '/tr-x', '/tr.gif', '/t', '/x/tr'].map((path) => pathMatches(path, '/tr'))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(pathMatches('/captcha/api.js', '/captcha/')).toBe(true);
    expect(pathMatches('/captcha', '/captcha/')).toBe(false);
  });

  test('pathOf reads the path, lower-case, after the authority (port and all)', () => {
    expect(pathOf('https://www.facebook.com:8443/TR?id=1')).toBe('/tr?id=1');
    expect(pathOf('https://t.co?x=1')).toBe('/?x=1');
    expect(pathOf('wss://h.example/socket')).toBe('/socket');
    expect(pathOf('https://h.example')).toBe('/');
  });
});

describe('classification of a host that serves several purposes', () => {
  test('the path decides where a tracker lists one; otherwise the host (or its parent) does', () => {
    expect(trackerOf('https://social.example/tr?id=1')).toBe('ads');
    expect(trackerOf('https://social.example:8443/TR/')).toBe('ads');
    expect(trackerOf('https://eu.social.example/tr')).toBe('ads');
    expect(trackerOf('https://social.example/trending')).toBe('widget');
    expect(trackerOf('https://social.example/plugins/like.php')).toBe('widget');
    expect(trackerOf('https://www.big.example/captcha/api.js')).toBe('signin');
    expect(trackerOf('https://www.big.example/collect?v=2')).toBe('stats');
    expect(trackerOf('https://www.big.example/collector')).toBeNull();
    expect(trackerOf('https://www.big.example/')).toBeNull();
  });
});

describe('rules for paths, judged by the model against requestOutcome', () => {
  test('widget allowed, advertising refused: the pixel path is blocked by a path rule, the widget loads', () => {
    const settings = settingsWith({ functionality: true, advertising: false });
    expect(outcome(settings, 'https://social.example/tr?id=1')).toBe('block');
    expect(outcome(settings, 'https://social.example/plugins/like.php')).toBe('none');
    const compiled = compileRules([SITE], settings);
    const rule = compiled.rules.find((candidate) => candidate.condition.regexFilter !== undefined && candidate.action.type === 'block');
    expect(rule?.condition.requestDomains).toEqual(['social.example', 'social.example.']);
    const request = { initiator: page, url: 'https://social.example:8443/tr?id=1', type: 'image' };
    expect(blockedRequest(index, compiled, request)).toMatchObject({ tracker: { id: 'ads' }, category: 'advertising' });
    expect(matchOf(compiled.rules, page, request.url)).toEqual({
      outcome: 'block',
      ruleId: blockedRequest(index, compiled, request)!.ruleId,
    });
  });

  test('the reverse: the widget host is blocked and an allow rule lets the pixel path through', () => {
    const settings = settingsWith({ functionality: false, advertising: true });
    expect(model(settings, 'https://social.example/tr?id=1')).toBe('none');
    expect(model(settings, 'https://social.example/plugins/like.php')).toBe('block');
    const allow = compileRules([SITE], settings).rules.filter((rule) => rule.action.type === 'allow' && rule.condition.regexFilter);
    expect(allow).toHaveLength(1);
  });

  test('strictly necessary paths are never blocked; the advertising path beside them is', () => {
    const everything = settingsWith({ functionality: false, analytics: false, advertising: false, research: false });
    expect(model(everything, 'https://www.big.example/captcha/api.js')).toBe('none');
    expect(model(everything, 'https://www.big.example/collect')).toBe('block');
    expect(model({ ...everything, unknownCookies: 'remove' }, 'https://www.big.example/captcha/api.js')).toBe('none');
    expect(model({ ...everything, unknownCookies: 'remove' }, 'https://www.big.example/other')).toBe('strip-cookies');
  });

  test('random settings: the rules do what requestOutcome says for every probe, paths included', () => {
    const probes = probesOf([SITE]);
    expect(probes.some(({ url }) => url.includes('/tr?'))).toBe(true);
    fc.assert(
      fc.property(settingsArbitrary([SITE]), (settings) => {
        const compiled = compileRules([SITE], settings);
        const found = probes.filter(({ initiator, url }) => {
          const actual = matchOf(compiled.rules, initiator, url).outcome;
          return requestOutcome(index, settings, { initiator, url, type: 'script' }) !== (actual === 'allow' ? 'none' : actual);
        });
        expect(found).toEqual([]);
      }),
      { seed: 7, numRuns: 150 },
    );
  });
});

describe('a loader (tag manager)', () => {
  const tags = SITE.trackers.find((tracker) => tracker.id === 'tags')!;

  test('is refused only when every category it loads is refused', () => {
    expect(isTrackerRefused(SITE, tags, settingsWith({ analytics: false, functionality: true }), SITE.domains[0]!)).toBe(false);
    expect(isTrackerRefused(SITE, tags, settingsWith({ analytics: true, functionality: false }), SITE.domains[0]!)).toBe(false);
    expect(isTrackerRefused(SITE, tags, settingsWith({ analytics: false, functionality: false }), SITE.domains[0]!)).toBe(true);
  });

  test('loads while one of its categories is allowed; what it injects is judged on its own', () => {
    const settings = settingsWith({ analytics: false, functionality: true });
    expect(model(settings, 'https://tags.example/gtm.js')).toBe('none');
    expect(model(settings, 'https://chat.example/widget.js')).toBe('none');
    expect(model(settings, 'https://stats.example/collect')).toBe('block');
    const both = settingsWith({ analytics: false, functionality: false });
    expect(model(both, 'https://tags.example/gtm.js')).toBe('block');
    const compiled = compileRules([SITE], both);
    expect(blockedRequest(index, compiled, { initiator: page, url: 'https://tags.example/gtm.js', type: 'script' })).toMatchObject({
      category: 'analytics',
      tracker: { id: 'tags' },
    });
  });
});

describe('the policy compiler checks paths and loaders', () => {
  const base = { name: 'x', hosts: [], cookies: [], source: 'curated' as const, reason: 'r' };
  const categories = MINI.categories;

  test('overlapping prefixes of one host, across trackers, are refused', () => {
    const a = { ...base, id: 'a', category: 'analytics', paths: [{ host: 'h.example', paths: ['/api/'] }] };
    const b = { ...base, id: 'b', category: 'advertising', paths: [{ host: 'h.example', paths: ['/api/stats'] }] };
    expect(() => checkTrackerPaths([a, b], categories)).toThrow(/overlaps/);
    const c = { ...b, paths: [{ host: 'h.example', paths: ['/apis'] }] };
    expect(() => checkTrackerPaths([a, c], categories)).not.toThrow();
  });

  test('a path host nested below another one, and a loader without its own category, are refused', () => {
    const a = { ...base, id: 'a', category: 'analytics', paths: [{ host: 'h.example', paths: ['/a'] }] };
    const b = { ...base, id: 'b', category: 'advertising', paths: [{ host: 'www.h.example', paths: ['/b'] }] };
    expect(() => checkTrackerPaths([a, b], categories)).toThrow(/below/);
    expect(() => checkTrackerPaths([{ ...base, id: 'l', category: 'analytics', loads: ['functionality'] }], categories)).toThrow(
      /own category/,
    );
    expect(() => checkTrackerPaths([{ ...base, id: 'l', category: 'analytics', loads: ['analytics', 'nope'] }], categories)).toThrow(
      /not a category/,
    );
  });
});
