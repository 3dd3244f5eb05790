// One source document read into sentences with stable ids, its snapshots and the changes between them.
import type { PolicyDocument, Sentence } from '../knowledge/schema';
import type { CuratedDocument } from './curated';
import { classifySentence } from './practice-groups';
import { segment, type Segment } from './segment';
import { currentSnapshot, detectSnapshots, snapshotChanges, type SnapshotChange } from './snapshots';
import { checkSource } from './source-format';

interface ReadSentence extends Sentence {
  segment: Segment;
  groups: string[];
}

export interface ReadDocument {
  curated: CuratedDocument;
  document: PolicyDocument;
  /** Every sentence of every snapshot, in file order; ids are "<doc>:<n>", n counting from 1. */
  sentences: ReadSentence[];
  /** The sentences of the newest snapshot: the ones claims cite. */
  current: ReadSentence[];
  noise: Segment[];
  changes: SnapshotChange[];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const EFFECTIVE = /\beffective(?: starting| date| as of)?:?\s+([a-z]+) (\d{1,2}),? (\d{4})\b/;

/** "effective starting: may 25, 2018" → "2018-05-25". The stripped format lost its digits, so its date is unknown. */
export function effectiveDate(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    const match = EFFECTIVE.exec(line.toLowerCase());
    const month = match ? MONTHS.indexOf(match[1]!) + 1 : 0;
    if (match && month > 0) return `${match[3]}-${String(month).padStart(2, '0')}-${match[2]!.padStart(2, '0')}`;
  }
  return undefined;
}

/** Reads one source document: checks its format (throws a SourceError), segments it, ids each sentence `<doc>:<n>` in reading order, and places it in practice groups. */
export function readDocument(curated: CuratedDocument, text: string): ReadDocument {
  checkSource(curated.source, text, curated.format);
  const segmented = segment(text, curated.format);
  const sentences: ReadSentence[] = segmented.sentences.map((part, index) => ({
    id: `${curated.id}:${index + 1}`,
    doc: curated.id,
    text: part.text,
    segment: part,
    groups: classifySentence(part.text),
  }));
  const texts = sentences.map((sentence) => sentence.text);
  const ranges = detectSnapshots(texts);
  const newestFirst = curated.snapshotOrder === 'newest-first';
  const changes = snapshotChanges(texts, ranges, newestFirst);
  const current = currentSnapshot(ranges, newestFirst);
  const idAt = (position: number) => sentences[position]!.id;
  const effective = effectiveDate([...segmented.headings, ...segmented.sentences].map((part) => part.text));
  const document: PolicyDocument = {
    id: curated.id,
    kind: curated.kind,
    title: curated.title,
    url: curated.url,
    ...(effective ? { effective } : {}),
    source: curated.source,
    format: curated.format,
    snapshots: ranges.map((range) => ({
      index: range.index,
      firstSentence: idAt(range.start),
      lastSentence: idAt(range.end - 1),
      sentenceCount: range.end - range.start,
    })),
    ...(current ? { current: current.index } : {}),
    differences: changes.map((change) => ({
      from: change.from,
      to: change.to,
      added: change.added.map(idAt),
      removed: change.removed.map(idAt),
    })),
  };
  return {
    curated,
    document,
    sentences,
    current: current ? sentences.slice(current.start, current.end) : [],
    noise: segmented.noise,
    changes,
  };
}
