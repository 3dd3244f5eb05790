import { createTabCounter, type TabCounterDeps } from '../../../src/background/tab-counter';

function deps(store: Record<string, unknown>, badges: Map<number, string>, enabled = true): TabCounterDeps {
  return {
    session: {
      get: async (key) => ({ [key]: structuredClone(store[key]) }),
      set: async (items) => void Object.assign(store, structuredClone(items)),
    },
    setBadge: async (tabId, text) => void badges.set(tabId, text),
    badgeEnabled: async () => enabled,
  };
}

test('counts by tab and category, reset on navigation, kept by a woken worker, shown on the badge', async () => {
  const session: Record<string, unknown> = {};
  const badges = new Map<number, string>();
  const counter = createTabCounter(deps(session, badges));
  await counter.navigated(1, 'atlassian');
  await counter.navigated(2, 'atlassian');
  await counter.navigated(3, null);
  await Promise.all([
    counter.blocked(1, 'atlassian', 'social-media'),
    counter.blocked(1, 'atlassian', 'social-media'),
    counter.cookieRemoved('atlassian', 'performance-and-analytics'),
  ]);
  expect(await counter.counts(1, 'atlassian')).toEqual({
    'social-media': { blockedRequests: 2, removedCookies: 0 },
    'performance-and-analytics': { blockedRequests: 0, removedCookies: 1 },
  });
  expect([...badges]).toEqual([
    [1, '3'],
    [2, '1'],
    [3, ''],
  ]);

  const woken = createTabCounter(deps(session, badges));
  expect(await woken.counts(2, 'atlassian')).toEqual({ 'performance-and-analytics': { blockedRequests: 0, removedCookies: 1 } });
  await woken.navigated(1, 'atlassian');
  expect(await woken.counts(1, 'atlassian')).toEqual({});
  expect(await woken.counts(2, null)).toEqual({});
  await woken.closed(2);
  expect(await woken.counts(2, 'atlassian')).toEqual({});
});

test('a tab first seen through a blocked request is counted; the badge stays empty when turned off', async () => {
  const badges = new Map<number, string>();
  const counter = createTabCounter(deps({}, badges, false));
  await counter.blocked(7, 'atlassian', 'targeting-or-advertising');
  expect(await counter.counts(7, 'atlassian')).toEqual({ 'targeting-or-advertising': { blockedRequests: 1, removedCookies: 0 } });
  expect(badges.get(7)).toBe('');
});
