// Cookiebot's consent record, read and written as data: the `CookieConsent` cookie. Format from public sources only:
// - Cookiebot's developer documentation (https://www.cookiebot.com/en/developer/): the consent it exposes as
//   `Cookiebot.consent.necessary / preferences / statistics / marketing` (booleans), `consent.stamp`, and
//   `consent.method`, "either 'implied' … or 'explicit' when given by the user" (absent in old consents);
// - records as sites store them, seen in public test code that sets the cookie to skip the banner (e.g. Playwright and
//   Cypress fixtures, envato/cookie-consent's tests of its own parser): a brace-wrapped list of `key:value` pairs,
//   `{stamp:'…',necessary:true,preferences:false,statistics:false,marketing:false,method:'explicit',ver:1,
//   utc:1738313789122,region:'ee'}`, stored with quotes as %27 and commas as %2C (older records have neither
//   `method` nor `utc`; the stamp is base64 text, '-1' for an implied consent); and the bare value `-1` that
//   Cookiebot stores where the visitor's region needs no consent (envato/cookie-consent treats it so).
// The value comes from the page's cookie jar, which page scripts write: it is hostile input, capped and checked.

/** The record's cookie. */
export const CONSENT_COOKIE = 'CookieConsent';

/** A cookie is at most 4096 bytes (RFC 6265 §6.1); real records are under 1 KB, or a few KB with an IAB string. */
export const MAX_COOKIEBOT_CHARS = 4096;
/** Real records have about ten fields (a few more with IAB TCF strings). */
const MAX_FIELDS = 32;

/** The consent flags Cookiebot records, as its `Cookiebot.consent` properties name them. */
const COOKIEBOT_FLAGS = ['necessary', 'preferences', 'statistics', 'marketing'] as const;
type CookiebotFlag = (typeof COOKIEBOT_FLAGS)[number];

const KEY = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;
// A quoted string: printable ASCII but for the characters that would end the string, the field or the cookie
// (' , ; " \ { } and space), so a kept field is written back as valid cookie text.
const QUOTED = /^'([!#-&(-+\-./0-:<-[\]-z|~]*)'$/;
const NUMBER = /^-?\d{1,16}$/;

/** A parsed `CookieConsent` value. */
export interface CookiebotRecord {
  /** Every key with its value as stored (quotes kept, decoded from %27 and %2C), in order; unknown ones kept. */
  fields: Array<[string, string]>;
  /** Each of the four flags, as recorded. */
  consent: Record<CookiebotFlag, boolean>;
  /** The consent's id (`stamp`, unquoted). */
  stamp: string;
  /** `utc`: when the consent was given, in ms since the epoch; null in older records without it. */
  utc: number | null;
}

export type ParsedCookiebotRecord = { ok: true; record: CookiebotRecord } | { ok: false; error: string };

/**
 * Reads a `CookieConsent` cookie value. Errors (as text, naming the first problem): longer than MAX_COOKIEBOT_CHARS,
 * not `{…}` (the region-only `-1` among them), a field that is not `key:value` with a quoted string, true, false or
 * an integer as value, more than 32 fields, a key listed twice, a missing or non-boolean flag, a missing `stamp`, or
 * a `utc` that is not a time.
 */
export function parseCookiebotRecord(value: string): ParsedCookiebotRecord {
  if (value.length > MAX_COOKIEBOT_CHARS) return { ok: false, error: `the record is longer than ${MAX_COOKIEBOT_CHARS} characters` };
  const text = value.replace(/%27/gi, "'").replace(/%2C/gi, ',');
  if (text === '-1') return { ok: false, error: 'the record is "-1" (no consent needed in the region), not a consent' };
  if (!text.startsWith('{') || !text.endsWith('}')) return { ok: false, error: 'the record is not "{…}"' };
  const entries = text.slice(1, -1).split(',');
  if (entries.length > MAX_FIELDS) return { ok: false, error: `more than ${MAX_FIELDS} fields` };
  const fields: Array<[string, string]> = [];
  for (const entry of entries) {
    const colon = entry.indexOf(':');
    const key = entry.slice(0, colon);
    const raw = entry.slice(colon + 1);
    if (colon < 0 || !KEY.test(key) || !(QUOTED.test(raw) || raw === 'true' || raw === 'false' || NUMBER.test(raw)))
      return { ok: false, error: `"${entry.slice(0, 40)}" is not "<key>:<quoted text, true, false or a number>"` };
    if (fields.some(([known]) => known === key)) return { ok: false, error: `${key} is listed twice` };
    fields.push([key, raw]);
  }
  const field = (key: string) => fields.find(([known]) => known === key)?.[1];
  const consent = {} as Record<CookiebotFlag, boolean>;
  for (const flag of COOKIEBOT_FLAGS) {
    const raw = field(flag);
    if (raw !== 'true' && raw !== 'false') return { ok: false, error: `${flag} is not true or false` };
    consent[flag] = raw === 'true';
  }
  const stamp = QUOTED.exec(field('stamp') ?? '')?.[1];
  if (stamp === undefined) return { ok: false, error: 'stamp is missing or not quoted text' };
  const utcText = field('utc');
  const utc = utcText === undefined ? null : Number(utcText);
  if (utc !== null && !(Number.isSafeInteger(utc) && utc >= 0)) return { ok: false, error: 'utc is not a time' };
  return { ok: true, record: { fields, consent, stamp, utc } };
}

/** What the extension tells Cookiebot: the three refusable flags (necessary is always true), and when. */
export interface CookiebotAnswer {
  consent: Record<Exclude<CookiebotFlag, 'necessary'>, boolean>;
  /** The moment of the answer, written as `utc`. */
  now: Date;
  /** A fresh random id (a UUID) for the `stamp`: never a constant shared by users. */
  newConsentId: () => string;
}

/**
 * The `CookieConsent` value that answers `answer`, on top of `existing` when there is one: its unknown fields (`ver`,
 * `region`, IAB strings) are kept in place; `stamp` (fresh), the four flags, `method` ('explicit', as the person's
 * choice in the extension is) and `utc` are rewritten. A new record has the fields in the order Cookiebot writes them,
 * with `ver:1` and no `region` (it is Cookiebot's geolocation, which the extension does not know). Stored as Cookiebot
 * stores it: quotes as %27, commas as %2C.
 */
export function writeCookiebotRecord(existing: CookiebotRecord | undefined, answer: CookiebotAnswer): string {
  const stamp = answer.newConsentId();
  // The stamp is written inside quotes: one that could end them would corrupt the record.
  if (!QUOTED.test(`'${stamp}'`)) throw new Error('a consent id must be printable text without quotes or commas');
  // A Map, not an object: a stored key such as "constructor" must not read an inherited property.
  const decided = new Map<string, string>([
    ['stamp', `'${stamp}'`],
    ['necessary', 'true'],
    ['preferences', String(answer.consent.preferences)],
    ['statistics', String(answer.consent.statistics)],
    ['marketing', String(answer.consent.marketing)],
    ['method', "'explicit'"],
    ['utc', String(answer.now.getTime())],
  ]);
  const base = existing?.fields ?? [...[...decided].slice(0, 6), ['ver', '1'], ['utc', decided.get('utc')!]];
  const fields = base.map(([key, raw]): [string, string] => [key, decided.get(key) ?? raw]);
  for (const [key, raw] of decided) if (!fields.some(([name]) => name === key)) fields.push([key, raw]);
  return `{${fields.map(([key, raw]) => `${key}:${raw.replaceAll("'", '%27')}`).join('%2C')}}`;
}

/** Whether the stored record already says the answer's flags (and necessary), so nothing needs writing. */
export function cookiebotRecordAgrees(record: CookiebotRecord, consent: CookiebotAnswer['consent']): boolean {
  return (
    record.consent.necessary &&
    (['preferences', 'statistics', 'marketing'] as const).every((flag) => record.consent[flag] === consent[flag])
  );
}
