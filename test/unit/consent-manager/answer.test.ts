import { cmpAnswer, type StoredRecord } from '../../../src/consent-manager/answer';
import { oneTrustRecordPlan } from '../../../src/consent-manager/onetrust/plan';
import type { ConsentManager } from '../../../src/knowledge/schema';
import { loadSites } from '../../../src/knowledge/load';

const ONETRUST: ConsentManager = {
  name: 'OneTrust',
  hosts: ['cdn.cookielaw.org'],
  cookies: ['OptanonConsent'],
  platform: 'onetrust',
  groups: {
    map: [
      { id: 'C0001', category: 'necessary' },
      { id: 'C0002', category: 'analytics' },
      { id: 'C0004', category: 'ads' },
    ],
    source: 'curated',
    reason: 'test',
  },
};

describe('the answer a CMP is given', () => {
  test('each mapped group takes its category’s choice; a category the choices lack is refused', () => {
    const { groups, unmapped } = cmpAnswer(ONETRUST, { necessary: true, analytics: true });
    expect([...groups]).toEqual([
      ['C0001', true],
      ['C0002', true],
      ['C0004', false],
    ]);
    expect(unmapped).toEqual([]);
  });

  test('a group the map does not know is refused and flagged, unless the CMP marks it always active', () => {
    const { groups, unmapped } = cmpAnswer(ONETRUST, { necessary: true }, ['C0001', 'C0009', 'SPD_BG', 'C0010'], ['C0010']);
    expect(groups.get('C0009')).toBe(false);
    expect(groups.get('SPD_BG')).toBe(false);
    expect(groups.get('C0010')).toBe(true);
    expect(unmapped).toEqual(['C0009', 'SPD_BG', 'C0010']);
  });

  test('page data cannot turn a mapped group on: "always active" only applies to unmapped groups', () => {
    const { groups } = cmpAnswer(ONETRUST, { necessary: true, analytics: false, ads: false }, ['C0002', 'C0004'], ['C0002', 'C0004']);
    expect(groups.get('C0002')).toBe(false);
    expect(groups.get('C0004')).toBe(false);
  });

  test('Atlassian’s map covers every notice category once', () => {
    const site = loadSites().find((candidate) => candidate.id === 'atlassian')!;
    const mapped = site.consentManager.groups?.map.map((group) => group.category) ?? [];
    expect([...mapped].sort()).toEqual(site.categories.map((category) => category.id).sort());
  });
});

describe('the record written for a domain', () => {
  const clock = { now: new Date('2026-11-30T10:00:00Z'), newConsentId: () => 'fresh-id' };
  const allowed = { necessary: true, analytics: false, ads: false };
  const stored = (value: string): StoredRecord[] => [
    { name: 'OptanonConsent', value, domain: '.atlassian.com', path: '/' },
    { name: 'OptanonAlertBoxClosed', value: '2026-01-01T00:00:00.000Z', domain: '.atlassian.com', path: '/' },
  ];

  test('no record: both cookies, on the registrable domain, for a year', () => {
    const { writes, problems } = oneTrustRecordPlan(ONETRUST, 'atlassian.com', allowed, [], clock);
    expect(writes.map(({ name, domain, expires }) => [name, domain, expires])).toEqual([
      ['OptanonConsent', 'atlassian.com', Date.parse('2027-11-30T10:00:00Z') / 1000],
      ['OptanonAlertBoxClosed', 'atlassian.com', Date.parse('2027-11-30T10:00:00Z') / 1000],
    ]);
    expect(new URLSearchParams(writes[0]!.value).get('groups')).toBe('C0001:1,C0002:0,C0004:0');
    expect(problems).toEqual([]);
  });

  test('a stale "accept all" record is rewritten, keeping its consent id; one that agrees is left alone', () => {
    const stale = 'consentId=abc&groups=C0001%3A1%2CC0002%3A1%2CC0004%3A1%2CC0009%3A1';
    const { writes, answer } = oneTrustRecordPlan(ONETRUST, 'atlassian.com', allowed, stored(stale), clock);
    const written = new URLSearchParams(writes[0]!.value);
    expect(written.get('groups')).toBe('C0001:1,C0002:0,C0004:0,C0009:0');
    expect(written.get('consentId')).toBe('abc');
    expect(answer.unmapped).toEqual(['C0009']);
    expect(oneTrustRecordPlan(ONETRUST, 'atlassian.com', allowed, stored(writes[0]!.value), clock).writes).toEqual([]);
  });

  test('a forged record is replaced by a fresh one, and the reason is given', () => {
    const { writes, problems } = oneTrustRecordPlan(ONETRUST, 'atlassian.com', allowed, stored('groups=%3Cscript%3E'), clock);
    expect(new URLSearchParams(writes[0]!.value).get('consentId')).toBe('fresh-id');
    expect(problems).toEqual(['the stored OptanonConsent on atlassian.com was replaced: groups: "<script>" is not "<group id>:<0 or 1>"']);
  });

  test('a record that agrees but a banner never marked answered gets the mark', () => {
    const agreeing = 'consentId=abc&groups=C0001%3A1%2CC0002%3A0%2CC0004%3A0';
    const plan = oneTrustRecordPlan(ONETRUST, 'atlassian.com', allowed, stored(agreeing).slice(0, 1), clock);
    expect(plan.writes.map((write) => write.name)).toEqual(['OptanonConsent', 'OptanonAlertBoxClosed']);
  });
});

test('a group mapped to a category id named like an Object.prototype property is refused when nothing allows it', () => {
  const consentManager: ConsentManager = { ...ONETRUST, groups: { ...ONETRUST.groups!, map: [{ id: 'C0009', category: 'constructor' }] } };
  expect(cmpAnswer(consentManager, {}).groups).toEqual(new Map([['C0009', false]]));
});
