import { inRange, PRIORITY, RULE_IDS } from '../../../src/blocking/dnr-ids';

test('the id ranges are positive and disjoint', () => {
  const ranges = Object.values(RULE_IDS).sort((a, b) => a.first - b.first);
  expect(ranges[0]!.first).toBeGreaterThan(0);
  ranges.forEach((range, n) => {
    expect(range.last).toBeGreaterThanOrEqual(range.first);
    if (n > 0) expect(range.first).toBeGreaterThan(ranges[n - 1]!.last);
  });
  expect(inRange(RULE_IDS.sites.last, RULE_IDS.sites)).toBe(true);
  expect(inRange(RULE_IDS.tabSession.first, RULE_IDS.sites)).toBe(false);
  expect(inRange(1.5, RULE_IDS.sites)).toBe(false);
});

test('the consent manager outranks blocks, and blocks outrank cookie stripping', () => {
  expect(PRIORITY.allowConsentManager).toBeGreaterThan(PRIORITY.blockRefused);
  expect(PRIORITY.blockRefused).toBeGreaterThan(PRIORITY.stripUnknownCookies);
});

test('Global Privacy Control outranks every allow rule, which would otherwise keep it from the requests they let through', () => {
  expect(PRIORITY.globalPrivacyControl).toBeGreaterThan(Math.max(PRIORITY.allowConsentManager, PRIORITY.trackerPath));
});
