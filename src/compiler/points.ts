// The curated side of what a site's documents say: facts and choices in our words, each tied to the sentences that
// support it by words quoted from them, and corrections of collected items that overstated their quotes.
import type { Choice, Point } from '../knowledge/schema';
import type { CollectedGroup } from './collected';
import type { CuratedSite } from './curated';
import type { FoundOptOut } from './opt-outs';
import { PRACTICE_GROUPS } from './practice-groups';
import { SourceError } from './source-format';
import { collapseWhitespace } from './text';
import { emailsFromWords } from './urls';

export interface CitableSentence {
  id: string;
  text: string;
}

/**
 * The sentences of `current` (the snapshots claims cite) holding each evidence string, in order, without repeats.
 * Throws a SourceError naming `where` for evidence found in no sentence or in more than one.
 */
function citesOf(where: string, evidence: readonly string[], current: readonly CitableSentence[]): string[] {
  const cites: string[] = [];
  for (const words of evidence) {
    const wanted = collapseWhitespace(words);
    const found = current.filter((sentence) => sentence.text.includes(wanted));
    if (found.length !== 1) {
      const how = found.length === 0 ? 'is in no sentence' : `is in ${found.length} sentences (${found.map((s) => s.id).join(', ')})`;
      throw new SourceError(`${where}: evidence "${words}" ${how} of the current snapshots; it must name exactly one`);
    }
    if (!cites.includes(found[0]!.id)) cites.push(found[0]!.id);
  }
  return cites;
}

/** The points as the site holds them; throws a SourceError for an unknown practice group or evidence not found. */
export function pointsOf(curated: CuratedSite, current: readonly CitableSentence[]): Point[] {
  return curated.points.map((point) => {
    if (!PRACTICE_GROUPS.some((group) => group.id === point.group)) {
      throw new SourceError(`point ${point.id}: "${point.group}" is not a practice group`);
    }
    return {
      id: point.id,
      group: point.group,
      label: point.label,
      source: 'curated',
      cites: citesOf(`point ${point.id}`, point.evidence, current),
    };
  });
}

/**
 * The choices as the site holds them. A link must be one of the opt-out links read from the documents, and every
 * such link must belong to some choice, so none is dropped; e-mail addresses are rebuilt from the cited sentences.
 */
export function choicesOf(
  curated: CuratedSite,
  current: readonly CitableSentence[],
  optOuts: readonly FoundOptOut[],
  domains: readonly string[],
): Choice[] {
  const choices = curated.choices.map((choice): Choice => {
    const cites = citesOf(`choice ${choice.id}`, choice.evidence, current);
    if (choice.url !== undefined && !optOuts.some((optOut) => optOut.url === choice.url)) {
      throw new SourceError(`choice ${choice.id}: ${choice.url} is not one of the opt-out links read from the documents`);
    }
    const text = new Map(current.map((sentence) => [sentence.id, sentence.text]));
    const email = cites.flatMap((id) => emailsFromWords(text.get(id) ?? '', domains))[0];
    return {
      id: choice.id,
      label: choice.label,
      how: choice.how,
      cites,
      ...(choice.url !== undefined ? { url: choice.url } : {}),
      ...(email !== undefined ? { email } : {}),
      ...(choice.obsolete !== undefined ? { obsolete: choice.obsolete } : {}),
    };
  });
  const unlinked = optOuts.filter((optOut) => !choices.some((choice) => choice.url === optOut.url));
  if (unlinked.length > 0) throw new SourceError(`opt-out link(s) ${unlinked.map((o) => o.url).join(', ')} belong to no choice`);
  return choices;
}

/** `groups` with the curated corrections applied; throws a SourceError for a correction of an item that is not there. */
export function correctCollected(groups: readonly CollectedGroup[], corrections: CuratedSite['collectedCorrections']): CollectedGroup[] {
  const items = new Set(groups.flatMap((group) => group.items.map((item) => item.id)));
  const unknown = Object.keys(corrections).filter((id) => !items.has(id));
  if (unknown.length > 0) throw new SourceError(`collectedCorrections name no collected item: ${unknown.join(', ')}`);
  return groups.map((group) => ({
    ...group,
    items: group.items.map((item) => {
      const correction = corrections[item.id];
      if (correction === undefined) return item;
      return { ...item, label: correction.label ?? item.label, dataTypes: correction.dataTypes, corrected: correction.reason };
    }),
  }));
}
