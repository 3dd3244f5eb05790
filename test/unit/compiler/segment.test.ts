import { segmentClsMarkdown, segmentStrippedLines } from '../../../src/compiler/segment';

describe('stripped lines', () => {
  const text = [
    'view all products',
    'we collect your name email address',
    '',
    '  we   share it with nobody  ',
    'create support ticket',
  ].join('\n');

  it('keeps one sentence a line, whitespace collapsed, with its line number', () => {
    const { sentences } = segmentStrippedLines(text);
    expect(sentences.map((s) => [s.line, s.text])).toEqual([
      [2, 'we collect your name email address'],
      [4, 'we share it with nobody'],
    ]);
  });

  it('reads Windows line endings the same way', () => {
    expect(segmentStrippedLines(text.replace(/\n/g, '\r\n')).sentences.map((s) => s.text)).toEqual(
      segmentStrippedLines(text).sentences.map((s) => s.text),
    );
  });

  it('drops page furniture as noise', () => {
    expect(segmentStrippedLines(text).noise.map((s) => s.text)).toEqual(['view all products', 'create support ticket']);
  });
});

describe('markdown with [CLS] [SEP]', () => {
  const text = [
    '[home](/) [pricing](/pricing)',
    '',
    '# cookie notice',
    '',
    '_effective starting: march 3, 2024_',
    '',
    '  * **for analytics.** these cookies count visits. [CLS] [SEP] we use [plausible](https://plausible.io)',
    'analytics cookies. [CLS] [SEP]',
    '  * **for research.** these cookies run surveys. [CLS] [SEP]',
    '',
    'you may opt out as described in the [privacy',
    'policy](https://example.org/privacy-',
    'policy) under "your choices."',
    '',
    'this notice may change. [CLS] [SEP]',
    '',
    'copyright © 2024 example',
  ].join('\n');
  const { sentences, headings, noise } = segmentClsMarkdown(text);

  it('ends sentences at the markers and renders links as their text', () => {
    expect(sentences.map((s) => s.text)).toEqual([
      'these cookies count visits.',
      'we use plausible analytics cookies.',
      'these cookies run surveys.',
      'you may opt out as described in the privacy policy under "your choices."',
      'this notice may change.',
    ]);
  });

  it('keeps the list item label and the heading of each sentence', () => {
    expect(sentences.map((s) => s.label)).toEqual(['for analytics.', 'for analytics.', 'for research.', undefined, undefined]);
    expect(sentences[0]!.heading).toBe('effective starting: march 3, 2024');
    expect(headings.map((h) => h.text)).toEqual(['cookie notice', 'effective starting: march 3, 2024']);
  });

  it('joins a link URL wrapped across lines', () => {
    expect(sentences[1]!.links).toEqual([{ text: 'plausible', url: 'https://plausible.io' }]);
    expect(sentences[3]!.links).toEqual([{ text: 'privacy policy', url: 'https://example.org/privacy-policy' }]);
  });

  it('reads Windows line endings the same way', () => {
    expect(segmentClsMarkdown(text.replace(/\n/g, '\r\n')).sentences.map((s) => s.text)).toEqual(sentences.map((s) => s.text));
  });

  it('drops navigation and footer, which lie outside the ended sentences', () => {
    expect(noise.map((s) => s.text)).toEqual(['home pricing', 'copyright © 2024 example']);
  });
});
