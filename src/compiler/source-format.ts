// Recognises a source document's format and refuses input the compiler cannot read truthfully.

export type SourceFormat = 'stripped-lines' | 'cls-markdown';

export class SourceError extends Error {
  override name = 'SourceError';
}

const SENTENCE_END_MARK = /\[CLS\]\s*\[SEP\]/;
const HTML_TAG = /<\/?(?:!doctype|html|head|body|div|p|span|script|style|a|br)\b[^>]*>/gi;

function textOutsideHtml(text: string): string {
  return text
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .trim();
}

/** Why a text cannot be a policy document, or undefined when it can be read. */
function unreadable(text: string): string | undefined {
  if (text.trim() === '') return 'is empty';
  // NUL and other C0 controls never occur in text; the UTF-8 decoder marks undecodable bytes with U+FFFD.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point of this pattern
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text) || text.includes('\ufffd')) return 'is binary, not text';
  if ((text.match(HTML_TAG) ?? []).length >= 2) {
    return textOutsideHtml(text) === '' ? 'is HTML without any text' : 'is HTML; save the page as text or markdown first';
  }
  return undefined;
}

function looksStripped(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.length > 0 && lines.every((line) => /^[a-z0-9 ]+$/.test(line.trim()));
}

/** The format a text is written in, or undefined when it is neither: sentences ended by `[CLS] [SEP]` win over plain lines. */
export function detectFormat(text: string): SourceFormat | undefined {
  if (SENTENCE_END_MARK.test(text)) return 'cls-markdown';
  if (looksStripped(text)) return 'stripped-lines';
  return undefined;
}

/** Checks that `text` is a readable document in the `declared` format; throws a SourceError saying why not. */
export function checkSource(name: string, text: string, declared: SourceFormat): void {
  const problem = unreadable(text);
  if (problem) throw new SourceError(`${name} ${problem}`);
  const detected = detectFormat(text);
  if (!detected) {
    throw new SourceError(
      `${name} is in an unknown format: expected one sentence a line (lower case, no punctuation) or markdown with sentences ended by [CLS] [SEP]`,
    );
  }
  if (detected !== declared) throw new SourceError(`${name} is declared as ${declared} but reads as ${detected}`);
}
