// The answer written into OneTrust's record: what to write, and when a record is the person's own answer.
import type { ConsentManager, Site } from '../../knowledge/schema';
import { answerAgainst, type PersonAnswer } from '../person-answer';
import { cmpAnswer, recordExpiry, type DeclaredBeyondMap, type RecordPlan, type StoredRecord } from '../answer';
import {
  ALERT_BOX_CLOSED_COOKIE,
  alertBoxClosedValue,
  CONSENT_COOKIE,
  parseOneTrustRecord,
  recordAgrees,
  writeOneTrustRecord,
  type OneTrustRecord,
} from './record';

/**
 * What to write so OneTrust on `domain` reads the person's choice: `OptanonConsent` (every field of a readable stored
 * record kept, only the answer rewritten; a fresh consent id for a new one) and `OptanonAlertBoxClosed`. Nothing
 * when the stored record already agrees and the banner is marked answered. A stored record that does not parse is
 * replaced, and why is returned. `stored` holds the domain's cookies of those two names; `declared` the groups the
 * page's CMP declared beyond the map: refusable ones are answered refused, those it marks always active allowed.
 */
export function oneTrustRecordPlan(
  consentManager: ConsentManager,
  domain: string,
  allowed: Readonly<Record<string, boolean>>,
  stored: readonly StoredRecord[],
  clock: { now: Date; newConsentId: () => string },
  declared: DeclaredBeyondMap = { refusable: [], alwaysActive: [] },
): RecordPlan {
  const record = stored.find((cookie) => cookie.name === CONSENT_COOKIE);
  const parsed = record === undefined ? undefined : parseOneTrustRecord(record.value);
  const existing = parsed?.ok ? parsed.record : undefined;
  const present = [...(existing?.groups.keys() ?? []), ...declared.refusable, ...declared.alwaysActive];
  const answer = cmpAnswer(consentManager, allowed, present, declared.alwaysActive);
  const problems = parsed && !parsed.ok ? [`the stored OptanonConsent on ${domain} was replaced: ${parsed.error}`] : [];
  const closed = stored.some((cookie) => cookie.name === ALERT_BOX_CLOSED_COOKIE);
  if (existing !== undefined && closed && recordAgrees(existing, answer)) return { writes: [], answer, problems };
  const expires = recordExpiry(clock.now);
  const value = writeOneTrustRecord(existing, { groups: answer.groups, ...clock });
  return {
    writes: [
      { name: CONSENT_COOKIE, value, domain, expires },
      { name: ALERT_BOX_CLOSED_COOKIE, value: alertBoxClosedValue(clock.now), domain, expires },
    ],
    answer,
    problems,
  };
}

/**
 * What the person told OneTrust against the choice on a domain, or null when the record is not their answer. OneTrust
 * counts interactions in the record's `interactionCount`; the extension's own writes keep it, and the interactions of
 * its own repair through the CMP's API are counted as its own, so only a count above `writtenCount` (the count of the
 * record the extension last left on that domain) is a person's answer. A record that changed without a new
 * interaction (a CMP that rewrites its default, a stale copy) is answered again instead. The rules are answerAgainst's.
 */
export function personAnswer(
  site: Site,
  allowed: Readonly<Record<string, boolean>>,
  record: OneTrustRecord,
  writtenCount: number | undefined,
): PersonAnswer | null {
  if (writtenCount === undefined || interactionCount(record) <= writtenCount) return null;
  return answerAgainst(site, allowed, record.groups);
}

/** The record's `interactionCount` as a whole number; 0 when missing or not a number. */
export function interactionCount(record: OneTrustRecord): number {
  const value = Number(record.fields.find(([key]) => key === 'interactionCount')?.[1]);
  return Number.isSafeInteger(value) && value > 0 ? value : 0;
}

/** A record value's `interactionCount`; 0 for no record or one that does not parse. */
export function countOf(value: string | undefined): number {
  const parsed = value === undefined ? undefined : parseOneTrustRecord(value);
  return parsed?.ok ? interactionCount(parsed.record) : 0;
}
