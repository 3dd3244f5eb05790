// Turns the knowledge base's sentence ids into the quoted text, made readable, and where it comes from.
import type { Category, PolicyDocument, Site } from '../knowledge/schema';
import { readableSentence } from '../knowledge/readable-text';

export interface Quote {
  id: string;
  /** Exactly as stored in the knowledge base. */
  text: string;
  /** As shown: capitals, joined tokens and marked holes put back (knowledge/readable-text.ts); equal to `text` when nothing changed. */
  readable: string;
  /** The document's title. */
  source: string;
  kind: PolicyDocument['kind'];
  /** Whether the crawl stripped the document to text only (lower case, no punctuation, digits or short words). */
  textOnly: boolean;
  /** The snapshot of the document the sentence is in, of how many; absent when the document has only one. */
  snapshot?: { index: number; of: number };
}

type Source = Omit<Quote, 'readable'> & { format: PolicyDocument['format'] };

const indexes = new WeakMap<Site, Map<string, Source>>();
// Made readable once each, and only when quoted: most cited sentences are never opened.
const readables = new WeakMap<Source, string>();

function indexOf(site: Site): Map<string, Source> {
  let index = indexes.get(site);
  if (!index) {
    const documents = new Map(site.documents.map((doc) => [doc.id, doc]));
    index = new Map(
      site.sentences.flatMap((s) => {
        const doc = documents.get(s.doc);
        if (doc === undefined) return [];
        const snapshot = snapshotOf(doc, s.id);
        const quote: Source = {
          id: s.id,
          text: s.text,
          format: doc.format,
          source: doc.title,
          kind: doc.kind,
          textOnly: doc.format === 'stripped-lines',
          ...(snapshot ? { snapshot } : {}),
        };
        return [[s.id, quote]];
      }),
    );
    indexes.set(site, index);
  }
  return index;
}

/** Sentence ids are "<doc>:<n>", numbered through every snapshot in file order. */
function snapshotOf(doc: PolicyDocument, id: string): Quote['snapshot'] {
  if (doc.snapshots.length < 2) return undefined;
  const position = (sentence: string) => Number(sentence.slice(sentence.lastIndexOf(':') + 1));
  const at = position(id);
  const found = doc.snapshots.find((snapshot) => position(snapshot.firstSentence) <= at && at <= position(snapshot.lastSentence));
  return found && { index: found.index, of: doc.snapshots.length };
}

/** The kinds of document the cited sentences come from, without making any of them readable. */
export function citedKinds(site: Site, ids: readonly string[]): Set<PolicyDocument['kind']> {
  const index = indexOf(site);
  return new Set(ids.flatMap((id) => index.get(id)?.kind ?? []));
}

/** The cited sentences that exist in the site's knowledge base, in citation order. */
export function quotesFor(site: Site, ids: readonly string[]): Quote[] {
  const index = indexOf(site);
  return ids.flatMap((id) => {
    const found = index.get(id);
    if (found === undefined) return [];
    const { format: _format, ...quote } = found;
    let readable = readables.get(found);
    if (readable === undefined) readables.set(found, (readable = readableSentence(found.text, found.format)));
    return [{ ...quote, readable }];
  });
}

/**
 * A category's description as shown: the notice's sentences (it may join several) each made readable; a consent
 * manager's words as they are.
 */
export function descriptionOf(site: Site, category: Category): string {
  return site.declared === undefined ? readableDescription(category.description) : category.description;
}

/** A notice's category description, which may join several of its sentences, each made readable. */
export function readableDescription(text: string): string {
  return text
    .split(/(?<=[.!?]) /)
    .map((sentence) => readableSentence(sentence, 'cls-markdown'))
    .join(' ');
}
