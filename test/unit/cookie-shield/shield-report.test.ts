import { MAX_STOPPED_WHAT_CHARS } from '../../../src/tab-counts/tab-counts';
import type { Drops, DroppedName } from '../../../src/cookie-shield/shield-tally';
import { parseDrops, parseDropsText, withinBudget } from '../../../src/cookie-shield/shield-report';
import { dropsText, MAX_DROPS_PER_REPORT, MAX_NAMES_PER_CATEGORY, tallyDrop } from '../../../src/cookie-shield/shield-tally';

const cookie = (name: string, count = 1): DroppedName => ({ kind: 'cookie', name, count });
const storage = (name: string, count = 1): DroppedName => ({ kind: 'storage', name, count });
/** `count` unnamed writes in a category. */
const only = (count: number) => ({ count, names: [] });

test('a report is category ids, each with a whole count from 1 to the cap and the names of some of its writes', () => {
  const report = {
    analytics: { count: 3, names: [cookie('_ga', 2), storage('ajs_anonymous_id')] },
    'targeting-or-advertising': only(MAX_DROPS_PER_REPORT),
  };
  expect(parseDrops(report)).toEqual(report);
  const many = Object.fromEntries(Array.from({ length: 17 }, (_, index) => [`c${index}`, only(1)]));
  for (const bad of [null, [], { a: 1 }, { a: only(0) }, { a: only(-1) }, { a: only(1.5) }, { a: { count: '1', names: [] } }, many]) {
    expect(parseDrops(bad)).toBeNull();
  }
  for (const bad of [{ a: only(MAX_DROPS_PER_REPORT + 1) }, { 'A b': only(1) }, { a: { count: 1 } }, { a: { ...only(1), extra: 1 } }]) {
    expect(parseDrops(bad)).toBeNull();
  }
  expect(parseDropsText('{"analytics":{"count":1,"names":[]}}')).toEqual({ analytics: only(1) });
  for (const bad of [undefined, { analytics: only(1) }, '{', `{"analytics":{"count":1,"names":[]}${' '.repeat(5000)}}`]) {
    expect(parseDropsText(bad)).toBeNull();
  }
});

test('a report with a malformed name is rejected whole, not trimmed: a name is never guessed at', () => {
  const names = (list: unknown[], count = 20) => ({ analytics: { count, names: list } });
  const tooMany = Array.from({ length: MAX_NAMES_PER_CATEGORY + 1 }, (_, index) => cookie(`c${index}`));
  expect(parseDrops(names(tooMany.slice(1)))).not.toBeNull();
  for (const bad of [
    names(tooMany),
    names([cookie('x'.repeat(MAX_STOPPED_WHAT_CHARS + 1))]),
    names([cookie('')]),
    names([{ kind: 'request', name: 'ads.example', count: 1 }]),
    names([{ kind: 'cookie', name: 7, count: 1 }]),
    names([{ kind: 'cookie', name: '_ga' }]),
    names([{ ...cookie('_ga'), tracker: 'google-analytics' }]),
    names([cookie('_ga'), cookie('_ga')]),
    names([cookie('_ga', 2), storage('_ga', 2)], 3),
    names([cookie('_ga', 0)]),
    names(['_ga']),
  ]) {
    expect(parseDrops(bad)).toBeNull();
  }
  expect(parseDrops(names([cookie('x'.repeat(MAX_STOPPED_WHAT_CHARS)), storage('x'.repeat(MAX_STOPPED_WHAT_CHARS))]))).not.toBeNull();
});

test('the shield tallies each drop under its category, naming the first distinct names, cut to the stopped-thing length', () => {
  const tally: Drops = {};
  for (const name of ['_ga', '_ga', '_gid']) tallyDrop(tally, 'analytics', 'cookie', name);
  tallyDrop(tally, 'analytics', 'storage', '_ga');
  tallyDrop(tally, 'advertising', 'cookie', `_fbp${'x'.repeat(200)}`);
  tallyDrop(tally, 'advertising', 'cookie', `_fbp${'x'.repeat(300)}`);
  for (let index = 0; index < 2 * MAX_NAMES_PER_CATEGORY; index += 1) tallyDrop(tally, 'research', 'storage', `k${index}`);
  expect(tally.analytics).toEqual({ count: 4, names: [cookie('_ga', 2), cookie('_gid'), storage('_ga')] });
  expect(tally.advertising).toEqual({ count: 2, names: [cookie(`_fbp${'x'.repeat(MAX_STOPPED_WHAT_CHARS - 4)}`, 2)] });
  expect(tally.research?.count).toBe(2 * MAX_NAMES_PER_CATEGORY);
  expect(tally.research?.names.map(({ name }) => name)).toEqual(Array.from({ length: MAX_NAMES_PER_CATEGORY }, (_, index) => `k${index}`));
  expect(parseDropsText(dropsText(tally))).toEqual(tally);
});

test('the shield writes what the relay reads, capped: counts always, names while the text has room', () => {
  expect(
    parseDropsText(dropsText({ analytics: { count: 5000, names: [cookie('_ga', 4000), cookie('_gid', 1000)] }, advertising: only(1) })),
  ).toEqual({
    analytics: { count: MAX_DROPS_PER_REPORT, names: [cookie('_ga', MAX_DROPS_PER_REPORT)] },
    advertising: only(1),
  });
  // Names full of characters JSON escapes six times over: the counts of all sixteen categories still go.
  const escaped = (index: number) => `${index}${'\u0001'.repeat(MAX_STOPPED_WHAT_CHARS - 2)}`;
  const heavy: Drops = Object.fromEntries(
    Array.from({ length: 16 }, (_, category) => [
      `c${category}`,
      { count: MAX_NAMES_PER_CATEGORY, names: Array.from({ length: MAX_NAMES_PER_CATEGORY }, (_, index) => storage(escaped(index))) },
    ]),
  );
  const read = parseDropsText(dropsText(heavy));
  expect(read).not.toBeNull();
  expect(Object.values(read ?? {}).map(({ count }) => count)).toEqual(Array.from({ length: 16 }, () => MAX_NAMES_PER_CATEGORY));
  const named = Object.values(read ?? {}).flatMap(({ names }) => names);
  expect(named.length).toBeGreaterThan(0);
  expect(named.length).toBeLessThan(16 * MAX_NAMES_PER_CATEGORY);
});

test('the relay keeps a per-document budget of writes; names never add up to more than what is kept', () => {
  const drops: Drops = {
    analytics: { count: 3, names: [cookie('_ga', 2)] },
    advertising: { count: 4, names: [cookie('_fbp', 1), storage('_uetsid', 3)] },
  };
  expect(withinBudget(drops, 5)).toEqual({
    analytics: { count: 3, names: [cookie('_ga', 2)] },
    advertising: { count: 2, names: [cookie('_fbp', 1), storage('_uetsid', 1)] },
  });
  expect(withinBudget(drops, 4)).toEqual({ analytics: drops.analytics, advertising: { count: 1, names: [cookie('_fbp', 1)] } });
  expect(withinBudget(drops, 0)).toEqual({});
});
