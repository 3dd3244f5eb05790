import { isExtensionPage } from '../../../src/core/sender';
import { badgeText, countStop, totalStopped } from '../../../src/core/tab-counts';

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
