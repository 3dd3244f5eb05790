// Checks a compiled site against its sources: every sentence verbatim in its document, its readable form mapping
// back to it, every cite resolving.
import type { Site } from '../knowledge/schema';
import { mapsBack, readableSentence } from '../knowledge/readable-text';
import type { SourceFormat } from './source-format';
import { collapseWhitespace, renderInlineMarkdown } from './text';

export interface VerifySource {
  text: string;
  format: SourceFormat;
}

/** The text a reader of the document sees, whitespace collapsed: what quotes are checked against. */
function visibleText(source: VerifySource): string {
  return collapseWhitespace(source.format === 'cls-markdown' ? renderInlineMarkdown(source.text) : source.text);
}

function citesOf(site: Site): { where: string; ids: string[] }[] {
  return [
    ...site.categories.map((category) => ({ where: `category ${category.id}`, ids: category.cites })),
    ...site.trackers.map((tracker) => ({ where: `tracker ${tracker.id}`, ids: tracker.cites ?? [] })),
    ...site.collected.flatMap((group) => group.items.map((item) => ({ where: `collected ${group.group}/${item.id}`, ids: item.cites }))),
    ...site.practices.map((practice) => ({ where: `practice ${practice.group}`, ids: practice.cites })),
    ...site.optOuts.map((optOut) => ({ where: `opt-out ${optOut.url}`, ids: optOut.cites })),
    ...site.documents.flatMap((doc) => [
      ...doc.snapshots.map((snapshot) => ({
        where: `${doc.id} snapshot ${snapshot.index}`,
        ids: [snapshot.firstSentence, snapshot.lastSentence],
      })),
      ...doc.differences.map((diff) => ({ where: `${doc.id} difference ${diff.from}→${diff.to}`, ids: [...diff.added, ...diff.removed] })),
    ]),
  ];
}

/** Problems found, one line each; empty when the site holds. `sources` maps document id to its source text. */
export function verifySite(site: Site, sources: Readonly<Record<string, VerifySource>>): string[] {
  const problems: string[] = [];
  const visible = new Map(Object.entries(sources).map(([doc, source]) => [doc, visibleText(source)]));
  const ids = new Set<string>();
  for (const sentence of site.sentences) {
    if (ids.has(sentence.id)) problems.push(`sentence ${sentence.id} appears twice`);
    ids.add(sentence.id);
    const text = visible.get(sentence.doc);
    if (text === undefined) problems.push(`sentence ${sentence.id} names document "${sentence.doc}", which has no source`);
    else if (!text.includes(collapseWhitespace(sentence.text)))
      problems.push(`sentence ${sentence.id} is not verbatim in its source: "${sentence.text}"`);
    const format = sources[sentence.doc]?.format;
    if (format === undefined) continue;
    // The UI quotes the readable form: it must lead back to this sentence, so it says nothing the document does not.
    const readable = readableSentence(sentence.text, format);
    if (!mapsBack(readable, sentence.text, format))
      problems.push(`sentence ${sentence.id} does not map back from its readable form: "${readable}"`);
  }
  for (const { where, ids: cited } of citesOf(site)) {
    for (const id of cited) if (!ids.has(id)) problems.push(`${where} cites ${id}, which is not a sentence`);
  }
  return problems;
}
