// The person answered the site's consent manager (CMP) themselves, in its banner or preference centre, after the
// extension had answered it. A refusal made there is theirs to keep: it becomes the extension's choice on that
// domain. A grant made there is only a question for the popup: page scripts can call the same CMP API, so a grant
// is never enforced until the person confirms it in the extension.
import type { Site } from '../knowledge/schema';
import type { OneTrustRecord } from './onetrust/record';

export interface PersonAnswer {
  /** Refusable categories refused in the CMP while the choice allowed them, in the notice's order. */
  refused: string[];
  /** Refusable categories allowed in the CMP while the choice refuses them, in the notice's order. */
  granted: string[];
  /** Every refusable group the map knows was allowed: the banner's "Allow all". */
  allowAll: boolean;
}

/**
 * What the person told the CMP against the choice on a domain, or null when the record is not their answer. OneTrust
 * counts interactions in the record's `interactionCount`; the extension's own writes keep it, and the interactions of
 * its own repair through the CMP's API are counted as its own, so only a count above `writtenCount` (the count of the
 * record the extension last left on that domain) is a person's answer. A record
 * that changed without a new interaction (a CMP that rewrites its default, a stale copy) is answered again instead.
 * `allowed` is category id → allowed there (choicesOn). Only mapped groups of refusable categories count; a category
 * with several groups is refused when any of them is, granted only when all are.
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

/**
 * What a record the person made says against the choice on a domain, from the CMP's groups as recorded (group id →
 * consented: OneTrust's groups, or Cookiebot's four flags by name); the caller has decided that the record is the
 * person's answer. The rules are personAnswer's.
 */
export function answerAgainst(site: Site, allowed: Readonly<Record<string, boolean>>, groups: ReadonlyMap<string, boolean>): PersonAnswer {
  const map = site.consentManager.groups?.map ?? [];
  const recorded = new Map<string, boolean[]>();
  for (const { id, category } of map) {
    const consented = groups.get(id);
    if (consented !== undefined) recorded.set(category, [...(recorded.get(category) ?? []), consented]);
  }
  const refusable = site.categories.filter((category) => category.refusable && recorded.has(category.id));
  const refused = refusable.filter(({ id }) => allowed[id] === true && recorded.get(id)!.includes(false)).map(({ id }) => id);
  const granted = refusable.filter(({ id }) => allowed[id] !== true && !recorded.get(id)!.includes(false)).map(({ id }) => id);
  const allowAll = refusable.length > 0 && refusable.every(({ id }) => !recorded.get(id)!.includes(false));
  return { refused, granted, allowAll };
}

/** A grant the person made in the CMP, kept for the popup to ask about: the categories, and whether it was "Allow all". */
export type CmpQuestion = Pick<PersonAnswer, 'granted' | 'allowAll'>;

/** The record's `interactionCount` as a whole number; 0 when missing or not a number. */
export function interactionCount(record: OneTrustRecord): number {
  const value = Number(record.fields.find(([key]) => key === 'interactionCount')?.[1]);
  return Number.isSafeInteger(value) && value > 0 ? value : 0;
}
