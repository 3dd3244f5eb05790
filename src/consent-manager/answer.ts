// What the site's consent manager (CMP) is told: the person's choice per notice category, turned into the CMP's groups.
import type { ConsentManager } from '../knowledge/schema';
import type { NewCookie } from '../ports/cookies';
import { MAX_DECLARED } from '../settings/protected-site-record';

/** Real sites declare a dozen groups at most: more in a record or a page's declaration is not a real one. */
export const MAX_GROUPS = MAX_DECLARED.categories;

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
  for (const { id, category } of consentManager.groups?.map ?? []) groups.set(id, allowed[category] === true);
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

/**
 * The CMPs keep their records a year (their cookie documentation and declarations); the answer is rewritten before
 * then on any change.
 */
const RECORD_LIFETIME_S = 365 * 24 * 3600;

/** When a record written `now` expires, in seconds since the epoch. */
export function recordExpiry(now: Date): number {
  return Math.floor(now.getTime() / 1000) + RECORD_LIFETIME_S;
}

/** Group ids a page's CMP declared that the map lacks, by how they are answered (checker.ts). */
export interface DeclaredBeyondMap {
  /** Answered refused. */
  refusable: readonly string[];
  /** The CMP marks them always active: answered allowed, as it keeps them active anyway. */
  alwaysActive: readonly string[];
}

export interface RecordPlan {
  /** On the registrable domain, so every host of the site reads them. */
  writes: NewCookie[];
  /** The answer's groups, and those the CMP has that the map lacks. */
  answer: CmpAnswer;
  /** Why a stored record was not used as the base (a forged or broken one); empty when it was, or there was none. */
  problems: string[];
}
