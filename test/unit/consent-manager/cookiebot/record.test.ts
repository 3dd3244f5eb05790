import { cookiebotRecordPlan } from '../../../../src/consent-manager/cookiebot/plan';
import {
  MAX_COOKIEBOT_CHARS,
  cookiebotRecordAgrees,
  parseCookiebotRecord,
  writeCookiebotRecord,
  type CookiebotRecord,
} from '../../../../src/consent-manager/cookiebot/record';
import type { ConsentManager } from '../../../../src/knowledge/schema';

// A record as a site stores it after "Allow all" (field order and encoding as in the wild; values made up).
const STORED =
  '{stamp:%27q9Zk3xT1m0Rb+Yw7Pq2Lc8VnH4sJd6Fg/aUe5Ko1iN2rS3tX==%27%2Cnecessary:true%2Cpreferences:true%2Cstatistics:true' +
  '%2Cmarketing:true%2Cmethod:%27explicit%27%2Cver:1%2Cutc:1732960000000%2Cregion:%27de%27}';
const NOW = new Date('2026-11-30T10:00:00Z');
const answer = (preferences: boolean, statistics: boolean, marketing: boolean) => ({
  consent: { preferences, statistics, marketing },
  now: NOW,
  newConsentId: () => '0b6a1f2e-1111-4a2b-9c3d-2e4f5a6b7c8d',
});

function parsed(value: string): CookiebotRecord {
  const result = parseCookiebotRecord(value);
  if (!result.ok) throw new Error(result.error);
  return result.record;
}

describe('reading a CookieConsent record', () => {
  test('the flags, the stamp and the time of a stored record; every field kept in order', () => {
    const record = parsed(STORED);
    expect(record.consent).toEqual({ necessary: true, preferences: true, statistics: true, marketing: true });
    expect(record.stamp).toBe('q9Zk3xT1m0Rb+Yw7Pq2Lc8VnH4sJd6Fg/aUe5Ko1iN2rS3tX==');
    expect(record.utc).toBe(1732960000000);
    expect(record.fields.map(([key]) => key)).toEqual([
      'stamp',
      'necessary',
      'preferences',
      'statistics',
      'marketing',
      'method',
      'ver',
      'utc',
      'region',
    ]);
  });

  test('an older record, without method or utc, and one stored with plain quotes and commas', () => {
    const old = parsed("{stamp:'X'%2Cnecessary:true%2Cpreferences:false%2Cstatistics:true%2Cmarketing:false%2Cver:1}");
    expect(old.consent).toEqual({ necessary: true, preferences: false, statistics: true, marketing: false });
    expect(old.utc).toBeNull();
    expect(parsed("{stamp:'X',necessary:true,preferences:false,statistics:false,marketing:true,ver:1}").consent.marketing).toBe(true);
  });

  test.each([
    ['x'.repeat(MAX_COOKIEBOT_CHARS + 1), /longer than 4096/],
    ['-1', /no consent needed in the region/],
    ['stamp:%27X%27', /not "\{…\}"/],
    ['{}', /is not "<key>:/],
    ["{stamp:'X',necessary:true,preferences:yes,statistics:false,marketing:false}", /preferences:yes/],
    ["{stamp:'X',necessary:true,preferences:false,statistics:false}", /marketing is not true or false/],
    ["{stamp:'X',necessary:true,preferences:false,preferences:true,statistics:false,marketing:false}", /preferences is listed twice/],
    ['{necessary:true,preferences:false,statistics:false,marketing:false}', /stamp is missing/],
    ["{stamp:'a;b',necessary:true,preferences:false,statistics:false,marketing:false}", /stamp:'a;b'/],
    ["{stamp:'X',necessary:true,preferences:false,statistics:false,marketing:false,utc:-5}", /utc is not a time/],
    ["{stamp:'X',necessary:true,preferences:false,statistics:false,marketing:false,<b>:1}", /is not "<key>:/],
    [`{${Array.from({ length: 33 }, (_, n) => `k${n}:1`).join(',')}}`, /more than 32 fields/],
  ])('%s is refused', (value, error) => {
    const result = parseCookiebotRecord(value);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(error);
  });
});

describe('writing a CookieConsent record', () => {
  test('a new record: necessary true, the flags, a fresh stamp, explicit, the time; stored as Cookiebot stores it', () => {
    const value = writeCookiebotRecord(undefined, answer(true, false, false));
    expect(value).toBe(
      '{stamp:%270b6a1f2e-1111-4a2b-9c3d-2e4f5a6b7c8d%27%2Cnecessary:true%2Cpreferences:true%2Cstatistics:false' +
        '%2Cmarketing:false%2Cmethod:%27explicit%27%2Cver:1%2Cutc:1796032800000}',
    );
    expect(parsed(value)).toMatchObject({
      consent: { necessary: true, preferences: true, statistics: false, marketing: false },
      utc: NOW.getTime(),
    });
  });

  test("on a stored record: its other fields (ver, region) are kept in place; the answer's are rewritten", () => {
    const value = writeCookiebotRecord(parsed(STORED), answer(false, false, false));
    const record = parsed(value);
    expect(record.fields).toEqual([
      ['stamp', "'0b6a1f2e-1111-4a2b-9c3d-2e4f5a6b7c8d'"],
      ['necessary', 'true'],
      ['preferences', 'false'],
      ['statistics', 'false'],
      ['marketing', 'false'],
      ['method', "'explicit'"],
      ['ver', '1'],
      ['utc', '1796032800000'],
      ['region', "'de'"],
    ]);
  });

  test('a consent id that could end its quotes is not written', () => {
    expect(() => writeCookiebotRecord(undefined, { ...answer(false, false, false), newConsentId: () => "x',marketing:true" })).toThrow();
  });

  test('agreeing: the same three flags and necessary', () => {
    expect(cookiebotRecordAgrees(parsed(STORED), { preferences: true, statistics: true, marketing: true })).toBe(true);
    expect(cookiebotRecordAgrees(parsed(STORED), { preferences: true, statistics: false, marketing: true })).toBe(false);
  });
});

describe("the plan for a Cookiebot site's domain", () => {
  const consentManager: ConsentManager = {
    name: 'Cookiebot',
    hosts: [],
    cookies: ['CookieConsent'],
    platform: 'cookiebot',
    groups: {
      map: [
        { id: 'necessary', category: 'strictly-necessary' },
        { id: 'preferences', category: 'functionality' },
        { id: 'statistics', category: 'performance-and-analytics' },
      ],
      source: 'consent-manager',
      reason: 'test',
    },
  };
  const allowed = { 'strictly-necessary': true, functionality: true, 'performance-and-analytics': false };
  const stored = (value: string) => [{ name: 'CookieConsent', value, domain: '.shop.example', path: '/' }];

  test('each flag is its category; a flag the map lacks (marketing here) is refused', () => {
    const plan = cookiebotRecordPlan(consentManager, 'shop.example', allowed, [], { now: NOW, newConsentId: () => 'id' });
    expect(plan.writes).toEqual([{ name: 'CookieConsent', value: expect.any(String), domain: 'shop.example', expires: 1827568800 }]);
    expect(parsed(plan.writes[0]!.value).consent).toEqual({ necessary: true, preferences: true, statistics: false, marketing: false });
  });

  test('nothing is written when the stored record agrees; a broken one is replaced and said why', () => {
    const agreeing = writeCookiebotRecord(undefined, answer(true, false, false));
    expect(
      cookiebotRecordPlan(consentManager, 'shop.example', allowed, stored(agreeing), { now: NOW, newConsentId: () => 'id' }).writes,
    ).toEqual([]);
    const broken = cookiebotRecordPlan(consentManager, 'shop.example', allowed, stored('{evil}'), { now: NOW, newConsentId: () => 'id' });
    expect(broken.writes).toHaveLength(1);
    expect(broken.problems).toEqual([expect.stringContaining('the stored CookieConsent on shop.example was replaced')]);
  });
});

test.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty'])(
  'a stored field named %s is kept as the page wrote it, and the answer is written over the grants',
  (key) => {
    const stored = parsed(`${STORED.slice(0, -1)}%2C${key}:1}`);
    const written = parsed(writeCookiebotRecord(stored, answer(false, false, false)));
    expect(written.consent).toEqual({ necessary: true, preferences: false, statistics: false, marketing: false });
    expect(written.fields).toContainEqual([key, '1']);
  },
);
