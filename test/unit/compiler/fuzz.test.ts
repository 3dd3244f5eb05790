// The compiler's inputs fuzzed: whatever the documents hold, it returns a valid, verified site or stops with a
// SourceError (a clear message for the person running it), never another exception.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { validateSite } from '../../../src/knowledge/schema';
import { compileSite } from '../../../src/compiler/compile-site';
import { parseCurated } from '../../../src/compiler/curated';
import { SourceError } from '../../../src/compiler/source-format';

const fixture = join(__dirname, '../../fixtures/policies/pinecone');
const curated = parseCurated('pinecone', JSON.parse(readFileSync(join(fixture, 'curated.json'), 'utf8')));
const policy = readFileSync(join(fixture, 'sources/policy.txt'), 'utf8');
const notice = readFileSync(join(fixture, 'sources/notice.md'), 'utf8');

/** Compiles, and classifies the outcome; anything but a site or a SourceError fails the property. */
function outcome(sources: Record<string, string>): 'site' | 'refused' {
  try {
    const { site } = compileSite(curated, sources);
    expect(validateSite(site).ok).toBe(true);
    return 'site';
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    expect(error.message.length).toBeGreaterThan(10);
    return 'refused';
  }
}

/** A real document damaged: a slice cut out, noise spliced in. */
const damaged = (text: string) =>
  fc
    .tuple(
      fc.nat(text.length),
      fc.nat(text.length),
      fc.oneof(
        fc.string(),
        fc.constantFrom(
          '[CLS] [SEP]',
          '<script>alert(1)</script>',
          '\u0000\u0001\u0002',
          '\n\n\n',
          '**label.** ',
          '* ',
          '# heading',
          'http www',
          '\r\n',
        ),
      ),
    )
    .map(([from, to, noise]) => text.slice(0, Math.min(from, to)) + noise + text.slice(Math.max(from, to)));

test('damaged policy and notice texts: a valid site or a clear refusal, never a crash', () => {
  const results = { site: 0, refused: 0 };
  fc.assert(
    fc.property(damaged(policy), damaged(notice), (policyText, noticeText) => {
      results[outcome({ 'policy.txt': policyText, 'notice.md': noticeText })]++;
    }),
    { numRuns: 1500 },
  );
  // Both branches are exercised, or the property proves little.
  expect(results.site).toBeGreaterThan(0);
  expect(results.refused).toBeGreaterThan(0);
});

test('arbitrary text and bytes as documents: a clear refusal or a valid site, never a crash', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string(),
        fc.string({ unit: 'binary' }),
        fc.uint8Array().map((bytes) => Buffer.from(bytes).toString('latin1')),
      ),
      fc.boolean(),
      (text, asNotice) => {
        outcome(asNotice ? { 'policy.txt': policy, 'notice.md': text } : { 'policy.txt': text, 'notice.md': notice });
      },
    ),
    { numRuns: 1500 },
  );
});
