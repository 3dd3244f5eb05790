// The person answered the site's consent manager (CMP) themselves, in its banner or preference centre, after the
// extension had answered it. A refusal made there is theirs to keep: it becomes the extension's choice on that
// domain. A grant made there is only a question for the popup: page scripts can call the same CMP API, so a grant
// is never enforced until the person confirms it in the extension. Each platform tells whether a record is the
// person's answer (platform.ts `record.person`); what it says is read here.
import type { Site } from '../knowledge/schema';

export interface PersonAnswer {
  /** Refusable categories refused in the CMP while the choice allowed them, in the notice's order. */
  refused: string[];
  /** Refusable categories allowed in the CMP while the choice refuses them, in the notice's order. */
  granted: string[];
  /** Every refusable group the map knows was allowed: the banner's "Allow all". */
  allowAll: boolean;
}

/**
 * What a record the person made says against the choice on a domain, from the CMP's groups as recorded (group id →
 * consented); the caller has decided that the record is the person's answer. `allowed` is category id → allowed
 * there (choicesOn). Only mapped groups of refusable categories count; a category with several groups is refused
 * when any of them is, granted only when all are.
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
