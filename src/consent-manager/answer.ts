// What the site's consent manager (CMP) is told: the person's choice per notice category, turned into the CMP's groups.
import type { ConsentManager } from '../knowledge/schema';
import { cookiebotRecordAgrees, parseCookiebotRecord, writeCookiebotRecord } from './cookiebot/record';
import { alertBoxClosedValue, parseOneTrustRecord, recordAgrees, writeOneTrustRecord } from './onetrust/record';

/** The CMP's groups answered, and the groups it has that the knowledge base does not map (shown in the popup). */
export interface CmpAnswer {
  /** Group id → consented, mapped groups first in the knowledge base's order, then the unmapped ones. */
  groups: Map<string, boolean>;
  /** Groups the CMP knows that the map does not: answered refused unless the CMP marks them always active. */
  unmapped: string[];
}

/**
 * The answer for a site's CMP. `allowed` is category id → allowed on this registrable domain (as `choicesOn` gives
 * it: strictly necessary categories are true); a mapped group whose category is missing there is refused. `present`
 * lists the group ids the CMP itself declares (its record or its domain data), `alwaysActive` those it marks
 * always active; both are page data, so they only add groups, never change a mapped one.
 */
export function cmpAnswer(
  consentManager: ConsentManager,
  allowed: Readonly<Record<string, boolean>>,
  present: Iterable<string> = [],
  alwaysActive: Iterable<string> = [],
): CmpAnswer {
  const groups = new Map<string, boolean>();
  for (const { id, category } of consentManager.groups?.map ?? []) groups.set(id, allowed[category] ?? false);
  const active = new Set(alwaysActive);
  const unmapped: string[] = [];
  for (const id of present) {
    if (groups.has(id)) continue;
    groups.set(id, active.has(id));
    unmapped.push(id);
  }
  return { groups, unmapped };
}

/** A consent record cookie in the jar, as much as answering needs. */
export interface StoredRecord {
  name: string;
  value: string;
  domain: string;
  path: string;
}

/** A cookie to write: on `domain` (a registrable domain, so every host of the site reads it), path "/". */
interface RecordWrite {
  name: string;
  value: string;
  domain: string;
  /** Seconds since the epoch. */
  expires: number;
}

/**
 * OneTrust keeps its record a year (its cookie documentation), as Cookiebot does `CookieConsent` (its cookie
 * declarations list it for one year); the answer is rewritten before then on any change.
 */
const RECORD_LIFETIME_S = 365 * 24 * 3600;

/** Group ids a page's CMP declared that the map lacks, by how they are answered (cmp-checker.ts). */
export interface DeclaredBeyondMap {
  /** Answered refused. */
  refusable: readonly string[];
  /** The CMP marks them always active: answered allowed, as it keeps them active anyway. */
  alwaysActive: readonly string[];
}

export interface RecordPlan {
  writes: RecordWrite[];
  /** The answer's groups, and those the CMP has that the map lacks. */
  answer: CmpAnswer;
  /** Why a stored record was not used as the base (a forged or broken one); empty when it was, or there was none. */
  problems: string[];
}

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
  const record = stored.find((cookie) => cookie.name === 'OptanonConsent');
  const parsed = record === undefined ? undefined : parseOneTrustRecord(record.value);
  const existing = parsed?.ok ? parsed.record : undefined;
  const present = [...(existing?.groups.keys() ?? []), ...declared.refusable, ...declared.alwaysActive];
  const answer = cmpAnswer(consentManager, allowed, present, declared.alwaysActive);
  const problems = parsed && !parsed.ok ? [`the stored OptanonConsent on ${domain} was replaced: ${parsed.error}`] : [];
  const closed = stored.some((cookie) => cookie.name === 'OptanonAlertBoxClosed');
  if (existing !== undefined && closed && recordAgrees(existing, answer)) return { writes: [], answer, problems };
  const expires = Math.floor(clock.now.getTime() / 1000) + RECORD_LIFETIME_S;
  const value = writeOneTrustRecord(existing, { groups: answer.groups, ...clock });
  return {
    writes: [
      { name: 'OptanonConsent', value, domain, expires },
      { name: 'OptanonAlertBoxClosed', value: alertBoxClosedValue(clock.now), domain, expires },
    ],
    answer,
    problems,
  };
}

/**
 * What to write so Cookiebot on `domain` reads the person's choice: `CookieConsent` with necessary true and each of
 * `preferences`, `statistics`, `marketing` allowed when the category the map gives that flag is (a flag the map lacks
 * is refused, as a group the notice does not name is), on top of a readable stored record (cookiebot-record.ts).
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
  const record = stored.find((cookie) => cookie.name === 'CookieConsent');
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
  const expires = Math.floor(clock.now.getTime() / 1000) + RECORD_LIFETIME_S;
  const value = writeCookiebotRecord(existing, { consent, ...clock });
  return { writes: [{ name: 'CookieConsent', value, domain, expires }], answer, problems };
}
