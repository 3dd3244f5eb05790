import { createTabCounter, type TabCounterDeps } from '../../../src/tab-counts/tab-counter';
import type { Stop, TabRecord } from '../../../src/tab-counts/tab-counts';

interface Seen {
  badges: Map<number, string>;
  /** Every badge write, in order: [tabId, text]. */
  writes: [number, string][];
  /** Every record the counter told of, in order. */
  told: [number, TabRecord][];
}

function deps(store: Record<string, unknown>, seen: Seen, badge = { enabled: true }): TabCounterDeps {
  return {
    session: {
      get: async (keys) => Object.fromEntries([keys].flat().map((key) => [key, structuredClone(store[key])])),
      set: async (items) => void Object.assign(store, structuredClone(items)),
    },
    setBadge: async (tabId, text) => {
      seen.badges.set(tabId, text);
      seen.writes.push([tabId, text]);
    },
    badgeEnabled: async () => badge.enabled,
  };
}

/** A counter over `deps`, whose every record told is kept in `seen.told`. */
function counterFor(store: Record<string, unknown>, seen: Seen, badge = { enabled: true }) {
  const counter = createTabCounter(deps(store, seen, badge));
  counter.onCounts((tabId, record) => seen.told.push([tabId, structuredClone(record)]));
  return counter;
}

const fresh = (): Seen => ({ badges: new Map(), writes: [], told: [] });

/** A blocked request to a tracker's host, and a removed cookie. */
const request: Stop = { tracker: 'social', kind: 'request', what: 'connect.social.example' };
const cookie = (what: string, tracker: string | null = 'stats'): Stop => ({ tracker, kind: 'cookie', what });

test('counts by tab and category, reset on navigation, kept by a woken worker, shown on the badge', async () => {
  const session: Record<string, unknown> = {};
  const seen = fresh();
  const counter = counterFor(session, seen);
  await counter.navigated(1, 'atlassian.com');
  await counter.navigated(2, 'atlassian.com');
  await counter.navigated(3, null);
  await Promise.all([
    counter.blocked(1, 'atlassian.com', 'social-media', request),
    counter.blocked(1, 'atlassian.com', 'social-media', request),
    counter.cookieRemoved('atlassian.com', 'performance-and-analytics', cookie('_st')),
  ]);
  expect(await counter.counts(1, 'atlassian.com')).toEqual({
    'social-media': { blockedRequests: 2, removedCookies: 0, stopped: [{ ...request, count: 2 }] },
    'performance-and-analytics': { blockedRequests: 0, removedCookies: 1, stopped: [{ ...cookie('_st'), count: 1 }] },
  });
  expect([...seen.badges]).toEqual([
    [1, '3'],
    [2, '1'],
    [3, ''],
  ]);

  const woken = counterFor(session, seen);
  expect(await woken.counts(2, 'atlassian.com')).toEqual({
    'performance-and-analytics': { blockedRequests: 0, removedCookies: 1, stopped: [{ ...cookie('_st'), count: 1 }] },
  });
  await woken.navigated(1, 'atlassian.com');
  expect(await woken.counts(1, 'atlassian.com')).toEqual({});
  expect(await woken.counts(2, null)).toEqual({});
  await woken.closed(2);
  expect(await woken.counts(2, 'atlassian.com')).toEqual({});
});

test('a tab first seen through a blocked request is counted; the badge stays empty when turned off', async () => {
  const seen = fresh();
  const counter = counterFor({}, seen, { enabled: false });
  await counter.blocked(7, 'atlassian.com', 'targeting-or-advertising', request);
  expect(await counter.counts(7, 'atlassian.com')).toEqual({
    'targeting-or-advertising': { blockedRequests: 1, removedCookies: 0, stopped: [{ ...request, count: 1 }] },
  });
  expect(seen.badges.get(7)).toBe('');
});

test('an unchanged badge is not written again: not by a count that leaves its text, not by a refresh', async () => {
  const seen = fresh();
  const badge = { enabled: false };
  const counter = counterFor({}, seen, badge);
  await counter.navigated(1, 'atlassian.com');
  await counter.blocked(1, 'atlassian.com', 'social-media', request);
  await counter.blocked(1, 'atlassian.com', 'social-media', request);
  await counter.refreshBadges();
  // Turned off, every count shows the same empty text: written once.
  expect(seen.writes).toEqual([[1, '']]);

  badge.enabled = true;
  await counter.refreshBadges();
  await counter.refreshBadges();
  await counter.blocked(1, 'atlassian.com', 'social-media', request);
  expect(seen.writes).toEqual([
    [1, ''],
    [1, '2'],
    [1, '3'],
  ]);
  // Counts on another tab leave this tab's badge alone.
  await counter.blocked(2, 'atlassian.com', 'social-media', request);
  expect(seen.writes.filter(([tabId]) => tabId === 1)).toHaveLength(3);
});

test('after a navigation the badge is written again, even with the same text (Firefox resets it on navigation)', async () => {
  const seen = fresh();
  const counter = counterFor({}, seen);
  await counter.navigated(1, 'atlassian.com');
  await counter.navigated(1, 'atlassian.com');
  expect(seen.writes).toEqual([
    [1, ''],
    [1, ''],
  ]);
  await counter.closed(1);
  await counter.navigated(1, null);
  expect(seen.writes).toHaveLength(3);
});

test('tells of each change to a tab’s counts, with the site they belong to; a badge refresh tells nothing', async () => {
  const seen = fresh();
  const counter = counterFor({}, seen);
  await counter.navigated(1, 'atlassian.com');
  await counter.navigated(2, 'other.example');
  await counter.blocked(1, 'atlassian.com', 'social-media', request);
  await counter.cookieRemoved('atlassian.com', 'functionality', cookie('_st'));
  await counter.refreshBadges();
  await counter.closed(1);
  expect(seen.told).toEqual([
    [1, { domain: 'atlassian.com', counts: {} }],
    [2, { domain: 'other.example', counts: {} }],
    [
      1,
      {
        domain: 'atlassian.com',
        counts: { 'social-media': { blockedRequests: 1, removedCookies: 0, stopped: [{ ...request, count: 1 }] } },
      },
    ],
    [
      1,
      {
        domain: 'atlassian.com',
        counts: {
          'social-media': { blockedRequests: 1, removedCookies: 0, stopped: [{ ...request, count: 1 }] },
          functionality: { blockedRequests: 0, removedCookies: 1, stopped: [{ ...cookie('_st'), count: 1 }] },
        },
      },
    ],
  ]);
});

test("the shield's dropped writes count as removed cookies on the reporting tab only, while it shows that site", async () => {
  const session: Record<string, unknown> = {};
  const seen = fresh();
  const counter = counterFor(session, seen);
  const unnamed = (count: number) => ({ count, stopped: [] });
  await counter.navigated(1, 'atlassian');
  await counter.navigated(2, 'atlassian');
  await counter.dropped(1, 'atlassian', { 'performance-and-analytics': unnamed(3), 'targeting-or-advertising': unnamed(2) });
  await counter.dropped(2, 'other', { 'performance-and-analytics': unnamed(5) });
  await counter.dropped(9, 'atlassian', { 'performance-and-analytics': unnamed(5) });
  expect(await counter.counts(1, 'atlassian')).toEqual({
    'performance-and-analytics': { blockedRequests: 0, removedCookies: 3 },
    'targeting-or-advertising': { blockedRequests: 0, removedCookies: 2 },
  });
  expect(await counter.counts(2, 'atlassian')).toEqual({});
  expect(await counter.counts(9, 'atlassian')).toEqual({});
  expect(seen.badges.get(1)).toBe('5');
});

test('named drops are listed with their counts, within the total, and add up with what the worker removed', async () => {
  const session: Record<string, unknown> = {};
  const counter = createTabCounter(deps(session, fresh()));
  const key = { tracker: 'segment', kind: 'storage', what: 'ajs_anonymous_id' } as const;
  await counter.navigated(1, 'atlassian.com');
  await counter.cookieRemoved('atlassian.com', 'performance-and-analytics', cookie('_ga', 'google-analytics'));
  await counter.dropped(1, 'atlassian.com', {
    'performance-and-analytics': {
      count: 5,
      stopped: [
        { ...cookie('_ga', 'google-analytics'), count: 2 },
        { ...key, count: 1 },
      ],
    },
  });
  await counter.dropped(1, 'atlassian.com', { 'performance-and-analytics': { count: 1, stopped: [{ ...key, count: 1 }] } });
  expect(await counter.counts(1, 'atlassian.com')).toEqual({
    'performance-and-analytics': {
      blockedRequests: 0,
      removedCookies: 7,
      stopped: [
        { ...cookie('_ga', 'google-analytics'), count: 3 },
        { ...key, count: 2 },
      ],
    },
  });
});

test('a record stored before things were named is read by a woken worker, keeps its totals and names what follows', async () => {
  const session: Record<string, unknown> = {
    tabCounts: { 1: { domain: 'atlassian.com', counts: { 'social-media': { blockedRequests: 4, removedCookies: 1 } } } },
  };
  const seen = fresh();
  const counter = counterFor(session, seen);
  expect(await counter.counts(1, 'atlassian.com')).toEqual({ 'social-media': { blockedRequests: 4, removedCookies: 1 } });
  await counter.blocked(1, 'atlassian.com', 'social-media', request);
  await counter.cookieRemoved('atlassian.com', 'unknown', cookie('theme', null));
  expect(await counter.counts(1, 'atlassian.com')).toEqual({
    'social-media': { blockedRequests: 5, removedCookies: 1, stopped: [{ ...request, count: 1 }] },
    unknown: { blockedRequests: 0, removedCookies: 1, stopped: [{ tracker: null, kind: 'cookie', what: 'theme', count: 1 }] },
  });
  expect(seen.badges.get(1)).toBe('7');
});

test('a removed cookie is named on every tab showing its domain', async () => {
  const seen = fresh();
  const counter = counterFor({}, seen);
  await counter.navigated(1, 'atlassian.com');
  await counter.navigated(2, 'atlassian.com');
  await counter.navigated(3, 'trello.com');
  await counter.cookieRemoved('atlassian.com', 'performance-and-analytics', cookie('_ga', 'google-analytics'));
  await counter.cookieRemoved('atlassian.com', 'performance-and-analytics', cookie('_gid', 'google-analytics'));
  await counter.cookieRemoved('atlassian.com', 'performance-and-analytics', cookie('_ga', 'google-analytics'));
  const named = {
    'performance-and-analytics': {
      blockedRequests: 0,
      removedCookies: 3,
      stopped: [
        { tracker: 'google-analytics', kind: 'cookie', what: '_ga', count: 2 },
        { tracker: 'google-analytics', kind: 'cookie', what: '_gid', count: 1 },
      ],
    },
  };
  expect(await counter.counts(1, 'atlassian.com')).toEqual(named);
  expect(await counter.counts(2, 'atlassian.com')).toEqual(named);
  expect(await counter.counts(3, 'trello.com')).toEqual({});
});
