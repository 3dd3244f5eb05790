// A second, small site compiled from its own texts and curated file: adding a site is data, not code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileSite } from '../../../src/compiler/compile-site';
import { parseCurated, type CuratedSite } from '../../../src/compiler/curated';

const dir = join(__dirname, '../../fixtures/policies/pinecone');
const curated = parseCurated('curated.json', JSON.parse(readFileSync(join(dir, 'curated.json'), 'utf8')));
const sources = Object.fromEntries(curated.documents.map((doc) => [doc.source, readFileSync(join(dir, 'sources', doc.source), 'utf8')]));
const { site } = compileSite(curated, sources);
const text = (id: string) => site.sentences.find((sentence) => sentence.id === id)?.text;

it('reads the categories, a new one included, from the notice', () => {
  expect(site.categories.map((c) => [c.id, c.label, c.refusable, c.defaultAllowed])).toEqual([
    ['strictly-necessary', 'Strictly necessary', false, true],
    ['analytics', 'Analytics', true, false],
    ['research', 'Research', true, true],
    ['advertising', 'Advertising', true, false],
  ]);
});

it('cites the notice sentence that says strictly necessary cookies cannot be refused', () => {
  const necessary = site.categories[0]!;
  expect(necessary.cites.map(text)).toEqual([
    'these cookies keep you signed in.',
    'you will not be able to opt out of cookies that are strictly necessary.',
  ]);
});

it('turns a tracker quote into cites of the sentence that holds it', () => {
  const plausible = site.trackers.find((tracker) => tracker.id === 'plausible')!;
  expect(plausible.cites?.map(text)).toEqual(['we use plausible analytics cookies for this.']);
  expect(site.trackers.find((tracker) => tracker.id === 'ad-network')!.cites).toBeUndefined();
});

it('reports the snapshots and what changed between them, and cites only the newest', () => {
  const policy = site.documents.find((doc) => doc.id === 'policy')!;
  expect(policy.snapshots.map((s) => s.sentenceCount)).toEqual([9, 10]);
  expect(policy.current).toBe(2);
  const [change] = policy.differences;
  expect(change!.added.map(text)).toEqual([
    'we do not sell your personal information',
    'you may opt out of interest based advertising at http www youronlinechoices eu',
  ]);
  expect(change!.removed.map(text)).toEqual(['pinecone notes is not directed to children under']);
  const cited = site.practices.flatMap((practice) => practice.cites).filter((id) => id.startsWith('policy:'));
  expect(cited.every((id) => Number(id.split(':')[1]) >= 10)).toBe(true);
});

it('finds the opt-out links, rebuilt from words or taken from markdown', () => {
  expect(site.optOuts.map((o) => [o.url, o.optsOutOf])).toEqual([
    ['https://settings.pinecone.example', 'receiving newsletters'],
    ['http://www.youronlinechoices.eu', 'interest based advertising'],
    ['https://pinecone.example/privacy/opt-out', 'analytics cookies'],
  ]);
});

it('groups what is collected, with data types and cites', () => {
  expect(site.collected.map((g) => [g.group, g.items.flatMap((i) => i.dataTypes)])).toEqual([
    ['account-and-profile', ['name', 'email address']],
    ['web-logs', ['IP address', 'browser type', 'referring and exit pages']],
    ['cookies-and-tracking', ['cookies', 'local storage']],
  ]);
  expect(site.documents.find((doc) => doc.id === 'notice')!.effective).toBe('2024-03-03');
});

describe('refuses curated data the documents do not support', () => {
  const withTracker = (change: Partial<CuratedSite['trackers'][number]>): CuratedSite => ({
    ...curated,
    trackers: [{ ...curated.trackers[0]!, ...change }],
  });

  it('a quote that is not verbatim in its document', () => {
    expect(() => compileSite(withTracker({ quote: 'we use plausible analytics to sell data' }), sources)).toThrow(
      'tracker plausible: quote "we use plausible analytics to sell data" is not verbatim in notice.md',
    );
  });

  it('a category the notice does not define', () => {
    expect(() => compileSite(withTracker({ category: 'marketing' }), sources)).toThrow(
      'category "marketing" is not one of the notice\'s categories',
    );
  });

  it('a default for a category the notice does not define', () => {
    expect(() => compileSite({ ...curated, defaultAllowed: { marketing: 'why' } }, sources)).toThrow('defaultAllowed names "marketing"');
  });

  it('a tracker id used twice', () => {
    expect(() => compileSite({ ...curated, trackers: [curated.trackers[0]!, curated.trackers[0]!] }, sources)).toThrow(
      'tracker id "plausible" is used twice',
    );
  });

  it('a consent manager group mapped to no notice category, or mapped twice', () => {
    const withGroups = (map: Array<{ id: string; category: string }>) => ({
      ...curated,
      consentManager: { ...curated.consentManager, platform: 'onetrust' as const, groups: { map, reason: 'why' } },
    });
    expect(() => compileSite(withGroups([{ id: 'C0004', category: 'marketing' }]), sources)).toThrow(
      'consent manager group C0004: category "marketing" is not one of the notice\'s categories',
    );
    expect(() =>
      compileSite(
        withGroups([
          { id: 'C0002', category: 'analytics' },
          { id: 'C0002', category: 'research' },
        ]),
        sources,
      ),
    ).toThrow('consent manager group C0002 is mapped twice');
    expect(compileSite(withGroups([{ id: 'C0002', category: 'analytics' }]), sources).site.consentManager.groups?.map).toEqual([
      { id: 'C0002', category: 'analytics' },
    ]);
  });

  it('a missing source document', () => {
    expect(() => compileSite(curated, { 'policy.txt': sources['policy.txt']! })).toThrow('source notice.md is missing');
  });
});

describe('points, choices and corrections', () => {
  const compile = (edit: (copy: CuratedSite) => void) => {
    const copy = structuredClone(curated);
    edit(copy);
    return () => compileSite(copy, sources);
  };

  it('cite the sentence each piece of evidence is in, in the snapshot claims cite', () => {
    expect(site.points.map((point) => [point.id, point.source, point.cites.map(text)])).toEqual([
      ['does-not-sell', 'curated', ['we do not sell your personal information']],
      ['retention', 'curated', ['we retain your account information for as long as your account is active']],
    ]);
    expect(site.choices.find((choice) => choice.id === 'newsletters')).toMatchObject({ url: 'https://settings.pinecone.example' });
  });

  it.each([
    [
      'evidence found nowhere',
      (c: CuratedSite) => (c.points[0]!.evidence = ['we sell everything']),
      /evidence "we sell everything" is in no sentence/,
    ],
    ['evidence in two sentences', (c: CuratedSite) => (c.points[0]!.evidence = ['we']), /evidence "we" is in \d+ sentences \(policy:/],
    [
      'a group that is no practice',
      (c: CuratedSite) => (c.points[0]!.group = 'gossip'),
      /point does-not-sell: "gossip" is not a practice group/,
    ],
    [
      'a link the documents do not give',
      (c: CuratedSite) => (c.choices[0]!.url = 'https://elsewhere.example'),
      /choice newsletters: https:\/\/elsewhere\.example is not one of the opt-out links read from the documents/,
    ],
    [
      'an opt-out link no choice holds',
      (c: CuratedSite) => c.choices.pop(),
      /opt-out link\(s\) https:\/\/pinecone\.example\/privacy\/opt-out belong to no choice/,
    ],
    [
      'a correction of no collected item',
      (c: CuratedSite) => (c.collectedCorrections = { nothing: { dataTypes: [], reason: 'test' } }),
      /collectedCorrections name no collected item: nothing/,
    ],
  ])('refuse %s, saying where', (_case, edit, message) => {
    expect(compile(edit)).toThrow(message);
  });
});
