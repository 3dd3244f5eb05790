import { withCitedSentencesOnly } from '../../../src/knowledge/cited-view';
import { validateSite } from '../../../src/knowledge/schema';
import sites from '../../support/knowledge-sites';

const site = sites[0]!;

test('keeps exactly the sentences the popup quotes, so every claim it shows still resolves to its quote', () => {
  const view = withCitedSentencesOnly(site);
  const kept = new Set(view.sentences.map((sentence) => sentence.id));
  const cites = [
    ...view.categories.flatMap((c) => c.cites),
    ...view.collected.flatMap((g) => g.items.flatMap((i) => i.cites)),
    ...view.points.flatMap((p) => p.cites),
    ...view.choices.flatMap((c) => c.cites),
  ];
  expect(cites.filter((id) => !kept.has(id))).toEqual([]);
  expect([...kept].filter((id) => !cites.includes(id) && !view.trackers.some((t) => t.cites?.includes(id)))).toEqual([]);
  expect(view.sentences.length).toBeLessThan(site.sentences.length);
  expect(validateSite(view).ok).toBe(true);
});
