// The UI's pure helpers: merging notice categories across sites, the popup's tab query, counts and dates.
import { categoryUnion } from '../../../options/category-union';
import { tabIdFromQuery } from '../../../popup/tab-id';
import { sumCounts } from '../../../src/tab-counts/tab-counts';
import { countsText } from '../../../src/ui/counts';
import { readableDate } from '../../../src/ui/document-list';
import { fixtureSite } from './support';

describe('categoryUnion', () => {
  it('merges categories by id in notice order, keeping each notice label and naming the sites', () => {
    const first = fixtureSite();
    const second = fixtureSite((raw) => {
      raw.id = 'other-co';
      raw.name = 'Other Co';
      raw.categories = [
        { ...raw.categories[2]!, label: 'Analytics' },
        { ...raw.categories[2]!, id: 'research', label: 'Research', refusable: true, defaultAllowed: false },
        { ...raw.categories[0]! },
      ];
    });
    const union = categoryUnion([first, second]);
    expect(union.map((c) => c.id)).toEqual([...first.categories.map((c) => c.id), 'research']);
    const analytics = union.find((c) => c.id === 'performance-and-analytics')!;
    expect(analytics.labels).toEqual(['Performance and analytics', 'Analytics']);
    expect(analytics.siteNames).toEqual(['Example Co', 'Other Co']);
    expect(union.find((c) => c.id === 'strictly-necessary')!.refusable).toBe(false);
  });

  it('lets a category be refused when any notice allows refusing it', () => {
    const locked = fixtureSite((raw) => (raw.categories[1]!.refusable = false));
    expect(categoryUnion([locked])[1]!.refusable).toBe(false);
    expect(categoryUnion([locked, fixtureSite()])[1]!.refusable).toBe(true);
  });
});

describe('tabIdFromQuery', () => {
  it.each([
    ['?tabId=42', 42],
    ['?tabId=0', 0],
    ['', null],
    ['?tabId=', null],
    ['?tabId=-1', null],
    ['?tabId=4x', null],
  ])('%s → %p', (search, expected) => expect(tabIdFromQuery(search)).toBe(expected));
});

describe('counts and dates in plain words', () => {
  it('sums a tab and says nothing was stopped when nothing was', () => {
    const total = sumCounts({ a: { blockedRequests: 1, removedCookies: 0 }, b: { blockedRequests: 2, removedCookies: 1 } });
    expect(countsText(total)).toBe('3 requests blocked, 1 cookie removed on this tab');
    expect(countsText(sumCounts({}))).toBe('Nothing stopped on this tab');
  });

  it('writes ISO dates out and leaves a document’s own wording alone', () => {
    expect(readableDate('2018-05-25')).toBe('May 25, 2018');
    expect(readableDate('May 25th, 2018')).toBe('May 25th, 2018');
  });
});
