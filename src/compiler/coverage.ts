// The coverage report: how much of each document the rules placed in a group, the links and changes found.
import type { Site } from '../knowledge/schema';
import type { ReadDocument } from './read-document';

interface DocumentCoverage {
  doc: string;
  sentences: number;
  noise: number;
  assigned: number;
  /** Distinct sentence texts no rule placed in a group. */
  unassigned: string[];
}

function documentCoverage(read: ReadDocument): DocumentCoverage {
  const unassigned = [...new Set(read.sentences.filter((s) => s.groups.length === 0).map((s) => s.text))];
  return {
    doc: read.curated.id,
    sentences: read.sentences.length,
    noise: read.noise.length,
    assigned: read.sentences.filter((s) => s.groups.length > 0).length,
    unassigned,
  };
}

const percent = (part: number, whole: number) => (whole === 0 ? '100.0' : ((100 * part) / whole).toFixed(1));

/** The compiler's report as printed lines: per document, the share of non-noise sentences placed in a group (percent, one decimal), the unassigned ones and the snapshot differences. */
export function coverageReport(site: Site, documents: readonly ReadDocument[]): string {
  const lines = [`${site.id}: ${site.sentences.length} sentences, ${site.categories.length} categories, ${site.trackers.length} trackers`];
  for (const read of documents) {
    const coverage = documentCoverage(read);
    lines.push(
      `  ${coverage.doc} (${read.curated.source}): ${percent(coverage.assigned, coverage.sentences)}% of ${coverage.sentences} non-noise sentences assigned to a group; ${coverage.noise} noise lines dropped`,
    );
    for (const text of coverage.unassigned) lines.push(`    unassigned: "${text}"`);
    const { snapshots, differences } = read.document;
    lines.push(
      `    ${snapshots.length} snapshot(s): ${snapshots.map((s) => `#${s.index} ${s.sentenceCount} sentences`).join(', ')}; claims cite #${read.document.current ?? '-'}`,
    );
    for (const diff of differences) {
      lines.push(
        `    snapshots #${diff.from} and #${diff.to}: ${diff.added.length} only in #${diff.to}, ${diff.removed.length} only in #${diff.from}`,
      );
      const text = (id: string) => site.sentences.find((s) => s.id === id)?.text ?? id;
      for (const id of diff.added) lines.push(`      + ${text(id)}`);
      for (const id of diff.removed) lines.push(`      - ${text(id)}`);
    }
  }
  lines.push(`  ${site.optOuts.length} opt-out link(s):`);
  for (const optOut of site.optOuts)
    lines.push(`    ${optOut.url} (${optOut.label}): for ${optOut.optsOutOf} [${optOut.cites.join(', ')}]`);
  const items = site.collected.reduce((sum, group) => sum + group.items.length, 0);
  lines.push(
    `  collected: ${site.collected.length} groups, ${items} items; practices: ${site.practices.map((p) => `${p.group} ${p.cites.length}`).join(', ')}`,
  );
  return lines.join('\n');
}
