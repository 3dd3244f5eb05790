import { dropsText, MAX_DROPS_PER_REPORT, parseDrops, parseDropsText, withinBudget } from '../../../src/core/shield-report';

test('a report is category ids with whole counts from 1 to the cap, as JSON text of bounded length', () => {
  expect(parseDrops({ analytics: 2, 'targeting-or-advertising': MAX_DROPS_PER_REPORT })).toEqual({
    analytics: 2,
    'targeting-or-advertising': MAX_DROPS_PER_REPORT,
  });
  for (const bad of [null, [], { a: 0 }, { a: -1 }, { a: 1.5 }, { a: '1' }, { a: MAX_DROPS_PER_REPORT + 1 }, { 'A b': 1 }]) {
    expect(parseDrops(bad)).toBeNull();
  }
  const many = Object.fromEntries(Array.from({ length: 17 }, (_, index) => [`c${index}`, 1]));
  expect(parseDrops(many)).toBeNull();
  expect(parseDropsText('{"analytics":1}')).toEqual({ analytics: 1 });
  for (const bad of [undefined, { analytics: 1 }, '{', `{"analytics":1${' '.repeat(3000)}}`]) expect(parseDropsText(bad)).toBeNull();
});

test('the shield writes what the relay reads, capped; the relay keeps a per-document budget', () => {
  expect(parseDropsText(dropsText({ analytics: 5000, advertising: 1 }))).toEqual({ analytics: MAX_DROPS_PER_REPORT, advertising: 1 });
  expect(withinBudget({ analytics: 3, advertising: 4 }, 5)).toEqual({ analytics: 3, advertising: 2 });
  expect(withinBudget({ analytics: 3 }, 0)).toEqual({});
});
