// What the popup says about a covered page's consent manager (CMP): what it was told per group, in the notice's words
// and the CMP's ids, and whether the page's CMP was found believing it. Display data only; it decides nothing.
import type { Site } from '../knowledge/schema';
import { cmpAnswer } from './answer';
import type { CmpQuestion } from './person-answer';
import type { CmpVerdict } from './verify';

/** A tab's CMP check: the verdict after any repair, and the repair made with the verdict before it. */
export interface CmpCheck {
  verdict: CmpVerdict;
  repaired: { call: string; before: CmpVerdict } | null;
  /**
   * Groups the page's CMP declares that the knowledge base does not map, with the CMP's own name and description
   * (page text, shown as text) and the answer they were given: refused, unless the CMP marks them always active.
   */
  unmapped: Array<{ id: string; name: string; description: string; told: boolean }>;
}

export interface CmpStatus {
  /** The CMP's name as the knowledge base has it. */
  name: string;
  /** Paused on this domain: the extension's answer is withdrawn, so the site's banner asks. */
  paused: boolean;
  /** Each mapped group, in the knowledge base's order: its id, the notice category's label, the answer. */
  told: Array<{ group: string; label: string; allowed: boolean }>;
  /** The check of the page's CMP in this tab; null until the page has loaded and been checked. */
  check: CmpCheck | null;
  /**
   * What the person allowed in the CMP itself that the choice here still refuses, to ask whether to allow it here
   * too: the categories (with the notice's labels) and whether it was "Allow all"; null when there is nothing to ask.
   */
  question: { granted: Array<{ id: string; label: string }>; allowAll: boolean } | null;
  /** The extension could not write its answer on this domain: it removed the page's record instead (answerer.ts). */
  answerFailed: boolean;
}

/**
 * The popup's CMP line for a covered page: null when the site's CMP is not one the extension answers. `allowed` and
 * `paused` are the domain's choices (choicesOn); `check` is this tab's, when one ran; `question` the domain's open
 * grant (answerer.ts), of which only the categories still refused here are asked about.
 */
export function cmpStatus(
  site: Site,
  allowed: Readonly<Record<string, boolean>>,
  paused: boolean,
  check: CmpCheck | null,
  question: CmpQuestion | null = null,
  answerFailed = false,
): CmpStatus | null {
  const { consentManager } = site;
  if (consentManager.platform === undefined || consentManager.groups === undefined) return null;
  const { groups } = cmpAnswer(consentManager, allowed);
  const labels = new Map(site.categories.map((category) => [category.id, category.label]));
  const told = consentManager.groups.map.map(({ id, category }) => ({
    group: id,
    label: labels.get(category) ?? category,
    allowed: groups.get(id) ?? false,
  }));
  const granted = (question?.granted ?? [])
    .filter((id) => labels.has(id) && allowed[id] !== true)
    .map((id) => ({ id, label: labels.get(id)! }));
  const asked = paused || granted.length === 0 ? null : { granted, allowAll: question!.allowAll };
  return { name: consentManager.name, paused, told, check: paused ? null : check, question: asked, answerFailed: !paused && answerFailed };
}
