import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmentStrippedLines } from '../../../src/compiler/segment';
import { currentSnapshot, detectSnapshots, snapshotChanges } from '../../../src/compiler/snapshots';

describe('detectSnapshots', () => {
  it('starts a new snapshot where the text starts over', () => {
    const texts = ['a', 'b', 'c', 'a', 'b', 'x', 'c', 'b', 'x'];
    expect(detectSnapshots(texts).map((r) => [r.start, r.end])).toEqual([
      [0, 3],
      [3, 7],
      [7, 9],
    ]);
  });

  it('does not split at a short line the policy repeats inside one snapshot', () => {
    const texts = ['intro', 'for example', 'logs', 'for example', 'analytics', 'contact'];
    expect(detectSnapshots(texts)).toEqual([{ index: 1, start: 0, end: 6 }]);
  });

  it('finds no snapshot in an empty document', () => {
    expect(detectSnapshots([])).toEqual([]);
  });
});

describe('snapshotChanges', () => {
  const texts = ['a', 'b', 'c', 'a', 'c', 'd'];
  const ranges = detectSnapshots(texts);

  it('reports added and removed sentences, oldest to newest, for a file that runs oldest first', () => {
    expect(snapshotChanges(texts, ranges, false)).toEqual([{ from: 1, to: 2, added: [5], removed: [1] }]);
    expect(currentSnapshot(ranges, false)?.index).toBe(2);
  });

  it('reads the same file the other way round when it runs newest first', () => {
    expect(snapshotChanges(texts, ranges, true)).toEqual([{ from: 2, to: 1, added: [1], removed: [5] }]);
    expect(currentSnapshot(ranges, true)?.index).toBe(1);
  });
});

describe('the Atlassian policy seed', () => {
  const seed = readFileSync(join(__dirname, '../../../src/knowledge/sources/atlassian/privacy-policy.000_8fb3b6d6cbc8bb2c.txt'), 'utf8');
  const texts = segmentStrippedLines(seed).sentences.map((s) => s.text);
  const ranges = detectSnapshots(texts);
  const changes = snapshotChanges(texts, ranges, true);

  it('holds three snapshots, the last one shorter', () => {
    expect(ranges.map((r) => r.end - r.start)).toEqual([179, 179, 153]);
  });

  it('finds the sentences the later snapshots add', () => {
    const added = changes.flatMap((change) => change.added.map((position) => texts[position]));
    expect(added).toEqual(
      expect.arrayContaining([
        'we do not share personal information about you with third parties for their marketing purposes including direct marketing purposes without your permission',
        'you may be able to opt out of receiving personalized advertisements from companies who are members of network advertising initiative who subscribe to digital advertising alliance s self regulatory principles for online behavioral advertising',
        'you may also use truste s preference manager at http preferences mgr truste com',
      ]),
    );
    expect(changes.map((c) => [c.from, c.to, c.added.length, c.removed.length])).toEqual([
      [3, 2, 26, 0],
      [2, 1, 0, 0],
    ]);
  });
});
