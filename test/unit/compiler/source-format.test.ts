import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSource, detectFormat } from '../../../src/compiler/source-format';

const bad = (name: string) => new TextDecoder('utf-8').decode(readFileSync(join(__dirname, '../../fixtures/policies/bad', name)));

describe('checkSource', () => {
  it.each([
    ['empty.txt', 'stripped-lines', 'empty.txt is empty'],
    ['binary.txt', 'stripped-lines', 'binary.txt is binary, not text'],
    ['html-without-text.html', 'cls-markdown', 'html-without-text.html is HTML without any text'],
    ['unknown-format.txt', 'stripped-lines', 'unknown-format.txt is in an unknown format'],
  ] as const)('refuses %s', (name, format, message) => {
    expect(() => checkSource(name, bad(name), format)).toThrow(message);
  });

  it('refuses a document whose format is not the declared one', () => {
    expect(() => checkSource('notice.md', 'one sentence. [CLS] [SEP]', 'stripped-lines')).toThrow(
      'notice.md is declared as stripped-lines but reads as cls-markdown',
    );
  });

  it('refuses HTML that has text, asking for a text export', () => {
    expect(() => checkSource('page.html', '<html><body><p>we collect data</p></body></html>', 'cls-markdown')).toThrow(
      'is HTML; save the page',
    );
  });

  it('accepts both known formats', () => {
    expect(detectFormat('we collect your name\nwe share nothing\n')).toBe('stripped-lines');
    expect(detectFormat('# notice\n\nwe collect data. [CLS] [SEP]\n')).toBe('cls-markdown');
    expect(() => checkSource('policy.txt', 'we collect your name\n', 'stripped-lines')).not.toThrow();
  });
});
