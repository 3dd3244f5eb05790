import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyCommitted } from '../../../src/compiler/files';
import { compileSite } from '../../../src/compiler/compile-site';
import { parseCurated } from '../../../src/compiler/curated';
import { verifySite } from '../../../src/compiler/verify';

const dir = join(__dirname, '../../fixtures/policies/pinecone');
const curated = parseCurated('curated.json', JSON.parse(readFileSync(join(dir, 'curated.json'), 'utf8')));
const texts = Object.fromEntries(curated.documents.map((doc) => [doc.source, readFileSync(join(dir, 'sources', doc.source), 'utf8')]));
const sources = Object.fromEntries(curated.documents.map((doc) => [doc.id, { text: texts[doc.source]!, format: doc.format }]));
const fresh = () => structuredClone(compileSite(curated, texts).site);

it('accepts the compiled site', () => {
  expect(verifySite(fresh(), sources)).toEqual([]);
});

it('accepts a sentence whose link the source writes in markdown, and whitespace that differs', () => {
  const site = fresh();
  const withLink = site.sentences.find((s) => s.text.startsWith('to opt out of analytics cookies'))!;
  withLink.text = withLink.text.replace(' ', '   ');
  expect(verifySite(site, sources)).toEqual([]);
});

it('finds a sentence that is not verbatim in its source', () => {
  const site = fresh();
  site.sentences[0]!.text = 'this privacy policy explains nothing';
  expect(verifySite(site, sources)).toEqual(['sentence policy:1 is not verbatim in its source: "this privacy policy explains nothing"']);
});

/** The site and its sources with one sentence's text replaced in both, so it stays verbatim. */
function withSentence(id: string, text: string) {
  const site = fresh();
  const sentence = site.sentences.find((s) => s.id === id)!;
  const source = sources[sentence.doc]!;
  const edited = { ...sources, [sentence.doc]: { ...source, text: source.text.replace(sentence.text, text) } };
  sentence.text = text;
  return { site, edited };
}

it('finds a sentence whose readable form does not map back to it', () => {
  // The stripped format has no full stops, so the rules take "e.g." for their own joined spelling of "e g".
  const { site, edited } = withSentence('policy:1', 'this privacy policy explains e.g. what we collect');
  expect(verifySite(site, edited)).toEqual([
    'sentence policy:1 does not map back from its readable form: "This privacy policy explains e.g. what we collect"',
  ]);
});

it('accepts a notice sentence that keeps its own capitals, shown as it is', () => {
  const id = fresh().sentences.find((s) => s.text === 'we use plausible analytics cookies for this.')!.id;
  const { site, edited } = withSentence(id, 'We use Plausible Analytics cookies for this.');
  expect(verifySite(site, edited)).toEqual([]);
});

it('finds cites that dangle', () => {
  const site = fresh();
  site.optOuts[0]!.cites = ['policy:999'];
  site.documents[0]!.differences[0]!.removed = ['policy:0'];
  expect(verifySite(site, sources)).toEqual([
    'opt-out https://settings.pinecone.example cites policy:999, which is not a sentence',
    'policy difference 1→2 cites policy:0, which is not a sentence',
  ]);
});

it('finds a committed site that differs from a fresh compile', () => {
  const sites = mkdtempSync(join(tmpdir(), 'policy-sites-'));
  try {
    const committed = JSON.parse(readFileSync(join(__dirname, '../../../src/knowledge/sites/atlassian.json'), 'utf8'));
    committed.categories[1].defaultAllowed = !committed.categories[1].defaultAllowed;
    writeFileSync(join(sites, 'atlassian.json'), `${JSON.stringify(committed, null, 2)}\n`);
    writeFileSync(join(sites, 'stale.json'), '{}');
    expect(verifyCommitted(sites)).toEqual([
      'atlassian.json differs from a fresh compile of its sources; run npm run policy -- build and commit',
      'stale.json has no curated file in src/knowledge/curated',
    ]);
    writeFileSync(join(sites, 'atlassian.json'), '{ "id": ');
    expect(verifyCommitted(sites)[1]).toMatch(/^atlassian\.json is not JSON/);
  } finally {
    rmSync(sites, { recursive: true, force: true });
  }
});
