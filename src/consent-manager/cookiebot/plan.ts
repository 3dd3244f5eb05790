// The answer written into Cookiebot's record: what to write, which copy is the person's, and when it is theirs.
import type { ConsentManager, Site } from '../../knowledge/schema';
import type { JarCookie } from '../../ports/cookies';
import { answerAgainst, type PersonAnswer } from '../person-answer';
import { cmpAnswer, recordExpiry, type RecordPlan, type StoredRecord } from '../answer';
import type { RecordMarks } from '../platform';
import { CONSENT_COOKIE, cookiebotRecordAgrees, parseCookiebotRecord, writeCookiebotRecord } from './record';

/**
 * What to write so Cookiebot on `domain` reads the person's choice: `CookieConsent` with necessary true and each of
 * `preferences`, `statistics`, `marketing` allowed when the category the map gives that flag is (a flag the map lacks
 * is refused, as a group the notice does not name is), on top of a readable stored record (record.ts).
 * Nothing when the stored record already says it. A stored record that does not parse is replaced, and why is
 * returned. `stored` holds the domain's `CookieConsent` cookies.
 */
export function cookiebotRecordPlan(
  consentManager: ConsentManager,
  domain: string,
  allowed: Readonly<Record<string, boolean>>,
  stored: readonly StoredRecord[],
  clock: { now: Date; newConsentId: () => string },
): RecordPlan {
  const record = stored.find((cookie) => cookie.name === CONSENT_COOKIE);
  const parsed = record === undefined ? undefined : parseCookiebotRecord(record.value);
  const existing = parsed?.ok ? parsed.record : undefined;
  const answer = cmpAnswer(consentManager, allowed);
  const problems = parsed && !parsed.ok ? [`the stored CookieConsent on ${domain} was replaced: ${parsed.error}`] : [];
  const consent = {
    preferences: answer.groups.get('preferences') ?? false,
    statistics: answer.groups.get('statistics') ?? false,
    marketing: answer.groups.get('marketing') ?? false,
  };
  if (existing !== undefined && cookiebotRecordAgrees(existing, consent)) return { writes: [], answer, problems };
  const value = writeCookiebotRecord(existing, { consent, ...clock });
  return { writes: [{ name: CONSENT_COOKIE, value, domain, expires: recordExpiry(clock.now) }], answer, problems };
}

/**
 * The record is the person's answer when its `utc` (the moment of the consent) differs from the one the extension
 * left; a record without one, or before the extension wrote any, is answered again instead.
 */
export function cookiebotPerson(
  site: Site,
  allowed: Readonly<Record<string, boolean>>,
  value: string,
  marks: RecordMarks | undefined,
): PersonAnswer | null {
  const parsed = parseCookiebotRecord(value);
  if (!parsed.ok || parsed.record.utc === null || marks?.utc === undefined || parsed.record.utc === marks.utc) return null;
  return answerAgainst(site, allowed, new Map(Object.entries(parsed.record.consent)));
}

/**
 * The `CookieConsent` copy with the latest `utc` (the first readable one when none has a `utc`): Cookiebot asks on
 * each subdomain apart (its "Cross-domain Consent Sharing" article), so the person's answer may be a host-only copy.
 */
export function newestCookiebot(records: readonly JarCookie[]): JarCookie | undefined {
  let newest: { cookie: JarCookie; utc: number } | undefined;
  for (const cookie of records) {
    const parsed = parseCookiebotRecord(cookie.value);
    const utc = parsed.ok ? (parsed.record.utc ?? -1) : null;
    if (utc !== null && (newest === undefined || utc > newest.utc)) newest = { cookie, utc };
  }
  return newest?.cookie;
}

/** What `value` left marks: its `utc`, when it has one; Cookiebot counts no interactions. */
export function cookiebotMarks(value: string | undefined): Partial<RecordMarks> {
  const parsed = value === undefined ? undefined : parseCookiebotRecord(value);
  const utc = parsed?.ok ? (parsed.record.utc ?? undefined) : undefined;
  return utc === undefined ? {} : { utc };
}
