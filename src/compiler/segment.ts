// Splits a source document into sentences (and, for markdown, the headings and list labels around them).
import { isFurnitureLine, isFurnitureParagraph } from './furniture';
import type { SourceFormat } from './source-format';
import { collapseWhitespace, markdownLinks, renderInlineMarkdown } from './text';

export interface Segment {
  /** Visible text, whitespace collapsed: verbatim from the source, markdown markup aside. */
  text: string;
  /** 1-based line of the source where the segment starts. */
  line: number;
  /** The nearest heading above, for markdown; stripped lines have none. */
  heading?: string;
  /** The bold label of the list item the sentence belongs to ("**for functionality.**"). */
  label?: string;
  links: { text: string; url: string }[];
}

export interface Segmented {
  sentences: Segment[];
  headings: Segment[];
  /** Lines or paragraphs dropped as page furniture. */
  noise: Segment[];
}

const SENTENCE_END = /\[CLS\]\s*\[SEP\]/;

/** The stripped crawl format: one sentence a line; page-furniture lines go to `noise`, line numbers are 1-based. */
export function segmentStrippedLines(text: string): Segmented {
  const result: Segmented = { sentences: [], headings: [], noise: [] };
  text.split('\n').forEach((raw, index) => {
    const line = collapseWhitespace(raw);
    if (line === '') return;
    const segment = { text: line, line: index + 1, links: [] };
    (isFurnitureLine(line) ? result.noise : result.sentences).push(segment);
  });
  return result;
}

interface Block {
  markdown: string;
  line: number;
}

/** Paragraphs separated by blank lines; each list item starts a block of its own. */
function blocks(text: string): Block[] {
  const result: Block[] = [];
  let current: Block | undefined;
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') {
      current = undefined;
      return;
    }
    if (!current || /^\s*[*-]\s+/.test(raw)) {
      current = { markdown: raw, line: index + 1 };
      result.push(current);
    } else {
      current.markdown += `\n${raw}`;
    }
  });
  return result;
}

function headingText(markdown: string): string | undefined {
  const trimmed = markdown.trim();
  const hashes = /^#{1,6}\s+(.*)$/s.exec(trimmed);
  if (hashes) return collapseWhitespace(renderInlineMarkdown(hashes[1] ?? ''));
  const italic = /^_([^_]+)_$/s.exec(trimmed);
  if (italic) return collapseWhitespace(italic[1] ?? '');
  return undefined;
}

/**
 * Sentences are the parts ended by [CLS] [SEP]. An unended prose paragraph counts too, but only between the first
 * and the last ended sentence: before and after them lie the page's navigation and footer.
 */
export function segmentClsMarkdown(text: string): Segmented {
  const result: Segmented = { sentences: [], headings: [], noise: [] };
  const candidates: { segment: Segment; terminated: boolean; prose: boolean }[] = [];
  let heading: string | undefined;
  for (const block of blocks(text)) {
    const title = headingText(block.markdown);
    if (title !== undefined) {
      if (title !== '') result.headings.push({ text: title, line: block.line, links: [] });
      heading = title || heading;
      continue;
    }
    let body = block.markdown.replace(/^\s*[*-]\s+/, '');
    const labelMatch = /^\*\*([^*]+)\*\*/.exec(body);
    const label = labelMatch ? collapseWhitespace(labelMatch[1] ?? '') : undefined;
    if (labelMatch) body = body.slice(labelMatch[0].length);
    const parts = body.split(SENTENCE_END);
    parts.forEach((part, index) => {
      const rendered = collapseWhitespace(renderInlineMarkdown(part));
      if (rendered === '') return;
      const terminated = index < parts.length - 1;
      const segment: Segment = { text: rendered, line: block.line, links: markdownLinks(part) };
      if (heading !== undefined) segment.heading = heading;
      if (label !== undefined) segment.label = label;
      candidates.push({ segment, terminated, prose: !isFurnitureParagraph(part, rendered) });
    });
  }
  const first = candidates.findIndex((candidate) => candidate.terminated);
  const last = candidates.length - 1 - [...candidates].reverse().findIndex((candidate) => candidate.terminated);
  candidates.forEach(({ segment, terminated, prose }, index) => {
    const inBody = first !== -1 && index > first && index < last && prose;
    (terminated || inBody ? result.sentences : result.noise).push(segment);
  });
  return result;
}

/** Splits a source document into sentences, headings and noise, by its declared format. */
export function segment(text: string, format: SourceFormat): Segmented {
  return format === 'stripped-lines' ? segmentStrippedLines(text) : segmentClsMarkdown(text);
}
