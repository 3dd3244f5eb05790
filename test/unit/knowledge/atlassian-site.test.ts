// What the rest of the extension relies on in the generated Atlassian knowledge base.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateSite, type Site } from '../../../src/knowledge/schema';

const result = validateSite(JSON.parse(readFileSync(join(__dirname, '../../../src/knowledge/sites/atlassian.json'), 'utf8')));
const site = result.ok ? result.site : (undefined as unknown as Site);
const text = (id: string) => site.sentences.find((sentence) => sentence.id === id)?.text;

it('matches the schema', () => {
  expect(result.ok ? [] : result.errors).toEqual([]);
});

it("has the notice's five categories; only strictly necessary cannot be refused, in the notice's own words", () => {
  expect(site.categories.map((c) => [c.id, c.refusable, c.defaultAllowed])).toEqual([
    ['strictly-necessary', false, true],
    ['functionality', true, true],
    ['performance-and-analytics', true, false],
    ['targeting-or-advertising', true, false],
    ['social-media', true, false],
  ]);
  expect(site.categories[0]!.cites.map(text)).toContain(
    'you will not be able to opt-out of any cookies or other technologies that are “strictly necessary” for the services.',
  );
});

it('puts every tracker in one of those categories', () => {
  const categories = new Set(site.categories.map((c) => c.id));
  expect(site.trackers.filter((tracker) => !categories.has(tracker.category))).toEqual([]);
});

it('lists the opt-out links of the policy, rebuilt from words, and of the notice', () => {
  expect(site.optOuts.map((o) => o.url)).toEqual(
    expect.arrayContaining([
      'http://www.aboutads.info',
      'http://www.networkadvertising.org/choices',
      'https://preferences-mgr.truste.com',
      'https://my.atlassian.com',
      'https://www.macromedia.com/support/documentation/en/flashplayer/help/settings_manager07.html',
    ]),
  );
});

it('dates the notice and reports the policy snapshots', () => {
  const [policy, notice] = site.documents;
  expect(notice!.effective).toBe('2018-05-25');
  expect(policy!.snapshots).toHaveLength(3);
  expect(policy!.differences.flatMap((d) => d.added).map(text)).toContain(
    'you may also use truste s preference manager at http preferences mgr truste com',
  );
});

it('cites only sentences of the newest policy snapshot in its claims', () => {
  const newest = site.documents[0]!.snapshots.find((s) => s.index === site.documents[0]!.current)!;
  const last = Number(newest.lastSentence.split(':')[1]);
  const claims = [
    ...site.practices.flatMap((p) => p.cites),
    ...site.collected.flatMap((g) => g.items.flatMap((i) => i.cites)),
    ...site.optOuts.flatMap((o) => o.cites),
  ];
  expect(claims.filter((id) => id.startsWith('policy:') && Number(id.split(':')[1]) > last)).toEqual([]);
});
