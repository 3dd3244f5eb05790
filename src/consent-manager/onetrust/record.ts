// OneTrust's consent record, read and written as data: the `OptanonConsent` cookie and `OptanonAlertBoxClosed`.
// Format from OneTrust's public cookie documentation ("OneTrust Cookies", my.onetrust.com knowledge article
// UUID-2dc719a8-4be5-8d16-1dc8-c7b4147b88e0) and records as sites store them: a form-encoded query string whose
// `groups` field lists "<group id>:<1|0>" pairs, e.g. `groups=C0001%3A1%2CC0002%3A0`.
// The value comes from the page's cookie jar, which page scripts write: it is hostile input, capped and checked.

/** The record's cookies: the consent, and when the banner was answered. */
export const CONSENT_COOKIE = 'OptanonConsent';
export const ALERT_BOX_CLOSED_COOKIE = 'OptanonAlertBoxClosed';

/** Real records are under 1 KB; a cookie is at most 4096 bytes (RFC 6265 §6.1), so anything longer is not one. */
export const MAX_RECORD_CHARS = 4096;
// OneTrust group ids: C0001…, custom ids (letters, digits, "_" and "-"), IAB purposes such as "IABV2_1", "STACK42".
import { GROUP_ID } from '../../shared/patterns';
import { MAX_GROUPS } from '../answer';

/** A parsed `OptanonConsent` value: every field in its order (unknown ones kept), and the groups' consent. */
export interface OneTrustRecord {
  /** Every key and decoded value as stored, in order; `groups` among them. */
  fields: Array<[string, string]>;
  /** Group id → consented, in the record's order. */
  groups: Map<string, boolean>;
}

export type ParsedRecord = { ok: true; record: OneTrustRecord } | { ok: false; error: string };

/**
 * Reads an `OptanonConsent` cookie value. Errors (as text, naming the first problem): longer than MAX_RECORD_CHARS,
 * a `groups` entry that is not "<id>:<0|1>", more than 64 groups, or a group listed twice.
 */
export function parseOneTrustRecord(value: string): ParsedRecord {
  if (value.length > MAX_RECORD_CHARS) return { ok: false, error: `the record is longer than ${MAX_RECORD_CHARS} characters` };
  const fields = [...new URLSearchParams(value)];
  const groups = new Map<string, boolean>();
  const listed = fields.find(([key]) => key === 'groups')?.[1] ?? '';
  for (const entry of listed.split(',').filter((part) => part !== '')) {
    const [id = '', state, ...rest] = entry.split(':');
    if (!GROUP_ID.test(id) || (state !== '0' && state !== '1') || rest.length > 0) {
      return { ok: false, error: `groups: "${entry.slice(0, 40)}" is not "<group id>:<0 or 1>"` };
    }
    if (groups.has(id)) return { ok: false, error: `groups: ${id} is listed twice` };
    if (groups.size === MAX_GROUPS) return { ok: false, error: `groups: more than ${MAX_GROUPS} groups` };
    groups.set(id, state === '1');
  }
  return { ok: true, record: { fields, groups } };
}

// The fields OneTrust writes in a record that nothing else decides; the answer adds the rest.
const NEW_RECORD: ReadonlyArray<[string, string]> = [
  ['isGpcEnabled', '0'],
  ['isIABGlobal', 'false'],
  ['hosts', ''],
];

/** What the extension tells OneTrust: each group's answer, and the facts a new record needs. */
export interface OneTrustAnswer {
  /** Group id → consented, in the order to write them. */
  groups: Map<string, boolean>;
  /** The moment of the answer. `datestamp` is written as `Date.prototype.toString()` gives it, as OneTrust does. */
  now: Date;
  /** A fresh random id (a UUID) for a new record: never a constant shared by users. Unused when a record exists. */
  newConsentId: () => string;
}

/**
 * The `OptanonConsent` value that answers `answer`, on top of `existing` when there is one: every field and unknown
 * key of the existing record is kept in place; `groups`, `datestamp`, `interactionCount` (at least 1, so OneTrust
 * treats the visitor as having answered) and `landingPath` (`NotLandingPage`: OneTrust's implied consent by
 * "continued browsing" starts from the landing page) are rewritten. Groups the answer does not mention keep their
 * stored state. A new record gets the fields OneTrust writes, with a fresh consent id. Output is form-encoded.
 */
export function writeOneTrustRecord(existing: OneTrustRecord | undefined, answer: OneTrustAnswer): string {
  const groups = new Map(existing?.groups);
  for (const [id, consented] of answer.groups) groups.set(id, consented);
  // A Map, not an object: a stored key such as "constructor" must not read an inherited property.
  const decided = new Map<string, string>([
    ['groups', [...groups].map(([id, consented]) => `${id}:${consented ? 1 : 0}`).join(',')],
    ['datestamp', answer.now.toString()],
    ['interactionCount', String(Math.max(1, Number(fieldOf(existing, 'interactionCount') ?? 0) || 0))],
    ['landingPath', 'NotLandingPage'],
  ]);
  const base = existing?.fields ?? [...NEW_RECORD, ['consentId', answer.newConsentId()]];
  const fields = base.map(([key, value]): [string, string] => [key, decided.get(key) ?? value]);
  for (const [key, value] of decided) if (!fields.some(([name]) => name === key)) fields.push([key, value]);
  return new URLSearchParams(fields).toString();
}

/** The `OptanonAlertBoxClosed` value: when the banner was answered, as an ISO 8601 date. */
export function alertBoxClosedValue(now: Date): string {
  return now.toISOString();
}

/** Whether the stored record already says what the answer says, so nothing needs writing. */
export function recordAgrees(record: OneTrustRecord, answer: Pick<OneTrustAnswer, 'groups'>): boolean {
  return [...answer.groups].every(([id, consented]) => record.groups.get(id) === consented);
}

function fieldOf(record: OneTrustRecord | undefined, key: string): string | undefined {
  return record?.fields.find(([name]) => name === key)?.[1];
}
