// What the popup says about a covered page's consent manager (CMP): what it was told per group, in the notice's words
// and the CMP's ids, and whether the page's CMP was found believing it. Display data only; it decides nothing.
import type { Site } from '../knowledge';
import { cmpAnswer } from './answer';
import type { CmpVerdict } from './verify';

/** A tab's CMP check: the verdict after any repair, and the repair made with the verdict before it. */
export interface CmpCheck {
  verdict: CmpVerdict;
  repaired: { call: string; before: CmpVerdict } | null;
}

export interface CmpStatus {
  /** The CMP's name as the knowledge base has it ("OneTrust"). */
  name: string;
  /** Paused on this domain: the extension's answer is withdrawn, so the site's banner asks. */
  paused: boolean;
  /** Each mapped group, in the knowledge base's order: its id, the notice category's label, the answer. */
  told: Array<{ group: string; label: string; allowed: boolean }>;
  /** The check of the page's CMP in this tab; null until the page has loaded and been checked. */
  check: CmpCheck | null;
}

/**
 * The popup's CMP line for a covered page: null when the site's CMP is not one the extension answers. `allowed` and
 * `paused` are the domain's choices (choicesOn); `check` is this tab's, when one ran.
 */
export function cmpStatus(
  site: Site,
  allowed: Readonly<Record<string, boolean>>,
  paused: boolean,
  check: CmpCheck | null,
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
  return { name: consentManager.name, paused, told, check: paused ? null : check };
}
