import { MAX_STOPPED_THINGS, MAX_STOPPED_WHAT_CHARS, type TabCounts } from '../../../src/tab-counts/tab-counts';
import { isExtensionPage } from '../../../src/messaging/sender';
import { badgeText, countStop, totalStopped, type Stop } from '../../../src/tab-counts/tab-counts';

describe('tab counts', () => {
  test('count per category and kind, and total them for the badge', () => {
    let counts = countStop({}, 'analytics', 'blockedRequests');
    counts = countStop(counts, 'analytics', 'removedCookies');
    counts = countStop(counts, 'advertising', 'blockedRequests');
    expect(counts).toEqual({
      analytics: { blockedRequests: 1, removedCookies: 1 },
      advertising: { blockedRequests: 1, removedCookies: 0 },
    });
    expect(totalStopped(counts)).toBe(3);
    expect(badgeText(counts, true)).toBe('3');
    expect(badgeText(counts, false)).toBe('');
    expect(badgeText({}, true)).toBe('');
    expect(badgeText({ x: { blockedRequests: 1000, removedCookies: 0 } }, true)).toBe('999+');
  });

  test('name what was stopped: each thing once, counted, beside the totals', () => {
    const request: Stop = { tracker: 'ga', kind: 'request', what: 'www.google-analytics.com' };
    let counts = countStop({}, 'analytics', 'blockedRequests', 1, request);
    counts = countStop(counts, 'analytics', 'blockedRequests', 1, request);
    counts = countStop(counts, 'analytics', 'removedCookies', 1, { tracker: 'ga', kind: 'cookie', what: '_ga' });
    counts = countStop(counts, 'analytics', 'removedCookies', 1, { tracker: null, kind: 'cookie', what: '_ga' });
    counts = countStop(counts, 'analytics', 'removedCookies', 3);
    expect(counts).toEqual({
      analytics: {
        blockedRequests: 2,
        removedCookies: 5,
        stopped: [
          { tracker: 'ga', kind: 'request', what: 'www.google-analytics.com', count: 2 },
          { tracker: 'ga', kind: 'cookie', what: '_ga', count: 1 },
          { tracker: null, kind: 'cookie', what: '_ga', count: 1 },
        ],
      },
    });
  });

  test(`keep at most ${MAX_STOPPED_THINGS} things a category, still counting those listed and every total`, () => {
    const cookie = (what: string): Stop => ({ tracker: 't', kind: 'cookie', what });
    let counts: TabCounts = {};
    for (let each = 0; each < MAX_STOPPED_THINGS + 5; each++) counts = countStop(counts, 'ads', 'removedCookies', 1, cookie(`c${each}`));
    counts = countStop(counts, 'ads', 'removedCookies', 2, cookie('c0'));
    counts = countStop(counts, 'other', 'removedCookies', 1, cookie(`c${MAX_STOPPED_THINGS}`));
    const stopped = counts.ads?.stopped ?? [];
    expect(counts.ads?.removedCookies).toBe(MAX_STOPPED_THINGS + 7);
    expect(stopped).toHaveLength(MAX_STOPPED_THINGS);
    expect(stopped.map(({ what }) => what)).toEqual(Array.from({ length: MAX_STOPPED_THINGS }, (_, each) => `c${each}`));
    expect(stopped[0]?.count).toBe(3);
    expect(counts.other?.stopped).toEqual([{ ...cookie(`c${MAX_STOPPED_THINGS}`), count: 1 }]);
  });

  test('a long name is kept cut, and counts as the same thing', () => {
    const long: Stop = { tracker: null, kind: 'cookie', what: 'x'.repeat(5000) };
    const counts = countStop(countStop({}, 'unknown', 'removedCookies', 1, long), 'unknown', 'removedCookies', 1, long);
    expect(counts.unknown?.stopped).toEqual([{ tracker: null, kind: 'cookie', what: 'x'.repeat(MAX_STOPPED_WHAT_CHARS), count: 2 }]);
  });

  test('a record stored before things were named still counts, and starts naming them', () => {
    const old: TabCounts = { analytics: { blockedRequests: 4, removedCookies: 1 } };
    expect(countStop(old, 'analytics', 'blockedRequests')).toEqual({ analytics: { blockedRequests: 5, removedCookies: 1 } });
    expect(countStop(old, 'analytics', 'blockedRequests', 1, { tracker: 'ga', kind: 'request', what: 'ga.example' })).toEqual({
      analytics: { blockedRequests: 5, removedCookies: 1, stopped: [{ tracker: 'ga', kind: 'request', what: 'ga.example', count: 1 }] },
    });
    expect(old).toEqual({ analytics: { blockedRequests: 4, removedCookies: 1 } });
  });
});

describe('isExtensionPage', () => {
  const origin = 'chrome-extension://abc/';
  test.each([
    [{ url: 'chrome-extension://abc/popup.html' }, true],
    [{ url: 'chrome-extension://abc/options.html', tab: { url: 'chrome-extension://abc/options.html' } }, true],
    [{ url: 'https://evil.test/', tab: { url: 'https://evil.test/' } }, false],
    [{ url: 'chrome-extension://abc/popup.html', tab: { url: 'https://www.atlassian.com/' } }, false],
    [{ url: 'chrome-extension://abcd/popup.html' }, false],
    [{ url: 'chrome-extension://other/popup.html' }, false],
    [{}, false],
  ])('%j → %s', (sender, trusted) => expect(isExtensionPage(sender, origin)).toBe(trusted));
});
