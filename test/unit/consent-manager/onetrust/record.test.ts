import {
  MAX_RECORD_CHARS,
  alertBoxClosedValue,
  parseOneTrustRecord,
  recordAgrees,
  writeOneTrustRecord,
  type OneTrustRecord,
} from '../../../../src/consent-manager/onetrust/record';

// A record as a site stores it after "Accept all" (field order and encoding as in the wild; values made up).
const STORED =
  'isGpcEnabled=0&datestamp=Mon+Nov+30+2026+09%3A00%3A00+GMT%2B0000+(Coordinated+Universal+Time)&version=202409.1.0' +
  '&browserGpcFlag=0&isIABGlobal=false&hosts=&consentId=0b6a1f2e-1111-4a2b-9c3d-2e4f5a6b7c8d&interactionCount=1' +
  '&isAnonUser=1&landingPath=NotLandingPage&groups=C0001%3A1%2CC0002%3A1%2CC0003%3A1%2CC0004%3A1%2CC0005%3A1' +
  '&AwaitingReconsent=false&geolocation=DE%3BBE';

const NOW = new Date('2026-11-30T10:00:00Z');
const answer = (groups: Record<string, boolean>) => ({
  groups: new Map(Object.entries(groups)),
  now: NOW,
  newConsentId: () => 'fresh-id',
});

function parsed(value: string): OneTrustRecord {
  const result = parseOneTrustRecord(value);
  if (!result.ok) throw new Error(result.error);
  return result.record;
}

describe('reading an OptanonConsent record', () => {
  test('groups become a map in order; every field is kept, decoded', () => {
    const record = parsed(STORED);
    expect([...record.groups]).toEqual([
      ['C0001', true],
      ['C0002', true],
      ['C0003', true],
      ['C0004', true],
      ['C0005', true],
    ]);
    expect(record.fields.map(([key]) => key)).toContain('geolocation');
    expect(new Map(record.fields).get('geolocation')).toBe('DE;BE');
  });

  test('a record without groups has none', () => {
    expect(parsed('isGpcEnabled=0&consentId=x').groups.size).toBe(0);
  });

  test.each([
    ['groups=C0001%3A2', 'groups: "C0001:2" is not "<group id>:<0 or 1>"'],
    ['groups=C0001', 'groups: "C0001" is not "<group id>:<0 or 1>"'],
    ['groups=%3Cimg%3E%3A1', 'groups: "<img>:1" is not "<group id>:<0 or 1>"'],
    ['groups=C0001%3A1%3A1', 'groups: "C0001:1:1" is not "<group id>:<0 or 1>"'],
    ['groups=C0001%3A1%2CC0001%3A0', 'groups: C0001 is listed twice'],
  ])('a forged record %s is refused with a reason', (value, error) => {
    expect(parseOneTrustRecord(value)).toEqual({ ok: false, error });
  });

  test('records longer than a cookie can be, or with too many groups, are refused', () => {
    expect(parseOneTrustRecord(`groups=${'C0001%3A1%2C'.repeat(400)}`)).toMatchObject({ ok: false });
    const many = Array.from({ length: 65 }, (_, i) => `G${i}:1`).join(',');
    expect(parseOneTrustRecord(`groups=${encodeURIComponent(many)}`)).toEqual({ ok: false, error: 'groups: more than 64 groups' });
    expect(parseOneTrustRecord('x'.repeat(MAX_RECORD_CHARS + 1))).toMatchObject({ ok: false });
  });
});

describe('writing the answer', () => {
  test('on an existing record, only what the choice decides changes; unknown keys and their order stay', () => {
    const written = writeOneTrustRecord(parsed(STORED), answer({ C0002: false, C0004: false, C0005: false }));
    const before = new URLSearchParams(STORED);
    const after = new URLSearchParams(written);
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect(after.get('groups')).toBe('C0001:1,C0002:0,C0003:1,C0004:0,C0005:0');
    expect(after.get('datestamp')).toBe(NOW.toString());
    for (const key of ['consentId', 'version', 'geolocation', 'isGpcEnabled', 'hosts', 'AwaitingReconsent']) {
      expect(after.get(key)).toBe(before.get(key));
    }
    expect(written).toContain('groups=C0001%3A1%2CC0002%3A0%2CC0003%3A1%2CC0004%3A0%2CC0005%3A0');
  });

  test('a new record gets a fresh consent id, the answer, and counts as answered', () => {
    const after = new URLSearchParams(writeOneTrustRecord(undefined, answer({ C0001: true, C0002: false })));
    expect(after.get('consentId')).toBe('fresh-id');
    expect(after.get('groups')).toBe('C0001:1,C0002:0');
    expect(after.get('interactionCount')).toBe('1');
    expect(after.get('landingPath')).toBe('NotLandingPage');
  });

  test('a landing-page record (implied consent by continued browsing) is no longer one', () => {
    const record = parsed('consentId=a&interactionCount=0&landingPath=https%3A%2F%2Fwww.atlassian.com%2F&groups=C0002%3A1');
    const after = new URLSearchParams(writeOneTrustRecord(record, answer({ C0002: false })));
    expect(after.get('landingPath')).toBe('NotLandingPage');
    expect(after.get('interactionCount')).toBe('1');
    expect(after.get('consentId')).toBe('a');
  });

  test('what is written reads back as the answer', () => {
    const groups = { C0001: true, C0002: false, C0003: true, C0004: false, SPD_BG: false };
    const record = parsed(writeOneTrustRecord(parsed(STORED), answer(groups)));
    expect(recordAgrees(record, answer(groups))).toBe(true);
    expect(recordAgrees(parsed(STORED), answer(groups))).toBe(false);
  });

  test('OptanonAlertBoxClosed is the moment, ISO 8601', () => {
    expect(alertBoxClosedValue(NOW)).toBe('2026-11-30T10:00:00.000Z');
  });
});

test.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty'])('a stored field named %s is kept as the page wrote it', (key) => {
  const written = parsed(writeOneTrustRecord(parsed(`${STORED}&${key}=1`), answer({ C0002: false })));
  expect(written.fields).toContainEqual([key, '1']);
  expect(written.groups.get('C0002')).toBe(false);
});
