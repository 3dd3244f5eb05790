// A crawled document may hold several snapshots of the page one after another; find them and what changed.

export interface SnapshotRange {
  /** 1-based, in the order the snapshots appear in the file. */
  index: number;
  /** Positions in the sentence list: [start, end). */
  start: number;
  end: number;
}

export interface SnapshotChange {
  from: number;
  to: number;
  /** Positions of sentences of `to` that `from` lacks, and of sentences of `from` that `to` lacks. */
  added: number[];
  removed: number[];
}

/**
 * A new snapshot starts where the text starts over: a sentence already seen in the current snapshot, followed by
 * another already seen one. Requiring two keeps a short line that a policy repeats ("for example") from splitting it.
 */
export function detectSnapshots(texts: readonly string[]): SnapshotRange[] {
  const ranges: SnapshotRange[] = [];
  let start = 0;
  let seen = new Set<string>();
  texts.forEach((text, position) => {
    const next = texts[position + 1];
    const startsOver = seen.has(text) && (next === undefined || seen.has(next));
    if (startsOver && position > start) {
      ranges.push({ index: ranges.length + 1, start, end: position });
      start = position;
      seen = new Set();
    }
    seen.add(text);
  });
  if (texts.length > start) ranges.push({ index: ranges.length + 1, start, end: texts.length });
  return ranges;
}

/** Changes between consecutive snapshots, oldest to newest; `newestFirst` says which way the file runs. */
export function snapshotChanges(texts: readonly string[], ranges: readonly SnapshotRange[], newestFirst: boolean): SnapshotChange[] {
  const chronological = newestFirst ? [...ranges].reverse() : [...ranges];
  const changes: SnapshotChange[] = [];
  for (let k = 1; k < chronological.length; k += 1) {
    const older = chronological[k - 1]!;
    const newer = chronological[k]!;
    const olderTexts = new Set(texts.slice(older.start, older.end));
    const newerTexts = new Set(texts.slice(newer.start, newer.end));
    const positions = (range: SnapshotRange, other: Set<string>) =>
      Array.from({ length: range.end - range.start }, (_, offset) => range.start + offset).filter(
        (position) => !other.has(texts[position]!),
      );
    changes.push({ from: older.index, to: newer.index, added: positions(newer, olderTexts), removed: positions(older, newerTexts) });
  }
  return changes;
}

/** The snapshot that claims cite: the newest one. */
export function currentSnapshot(ranges: readonly SnapshotRange[], newestFirst: boolean): SnapshotRange | undefined {
  return newestFirst ? ranges[0] : ranges[ranges.length - 1];
}
