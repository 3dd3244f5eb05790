import { categoryName, readCategories } from '../../../src/compiler/notice-categories';
import { effectiveDate } from '../../../src/compiler/read-document';

it.each([
  ['where strictly necessary.', 'strictly necessary'],
  ['for performance and analytics.', 'performance and analytics'],
  ['targeting cookies or advertising cookies.', 'targeting or advertising'],
  ['social media cookies.', 'social media'],
  ['for research:', 'research'],
])('names the category of the label "%s"', (label, name) => {
  expect(categoryName(label)).toBe(name);
});

it('reads only labelled items about cookies, and refusal from the sentence that denies it', () => {
  const categories = readCategories([
    { id: 'n:1', text: 'these cookies keep you signed in.', label: 'strictly necessary.' },
    { id: 'n:2', text: 'our team answers within a day.', label: 'support.' },
    { id: 'n:3', text: 'these cookies count visits.', label: 'for analytics.' },
    { id: 'n:4', text: 'you cannot opt out of strictly necessary cookies.' },
  ]);
  expect(categories).toEqual([
    {
      id: 'strictly-necessary',
      label: 'Strictly necessary',
      description: 'these cookies keep you signed in.',
      refusable: false,
      cites: ['n:1', 'n:4'],
    },
    { id: 'analytics', label: 'Analytics', description: 'these cookies count visits.', refusable: true, cites: ['n:3'] },
  ]);
});

it.each([
  [['effective starting: may 25, 2018'], '2018-05-25'],
  [['last updated', 'effective date: january 5 2024'], '2024-01-05'],
  [['if we make any changes we will notify you by revising effective starting date at top of this privacy policy'], undefined],
])('reads the effective date from %j', (lines, date) => {
  expect(effectiveDate(lines)).toBe(date);
});
