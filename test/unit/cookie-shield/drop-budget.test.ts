import { createDropBudget } from '../../../src/cookie-shield/drop-budget';

test('one budget per tab, shared by its frames, started again by a new top-level document', () => {
  const budget = createDropBudget(10);
  expect(budget.take({ tabId: 1, frameId: 3, documentId: 'blank-a' }, 4)).toBe(4);
  // The top document reporting first after its subframes takes the budget they opened.
  expect(budget.take({ tabId: 1, frameId: 0, documentId: 'top-1' }, 4)).toBe(4);
  expect(budget.take({ tabId: 1, frameId: 7, documentId: 'blank-b' }, 4)).toBe(2);
  expect(budget.take({ tabId: 1, frameId: 8, documentId: 'blank-c' }, 4)).toBe(0);
  expect(budget.spent({ tabId: 1, frameId: 9, documentId: 'blank-d' })).toBe(true);
  expect(budget.spent({ tabId: 1, frameId: 0, documentId: 'top-2' })).toBe(false);
  expect(budget.spent({ tabId: 2, frameId: 4 })).toBe(false);
  expect(budget.take({ tabId: 1, frameId: 0, documentId: 'top-1' }, 1)).toBe(0);
  expect(budget.take({ tabId: 2, frameId: 0, documentId: 'top-x' }, 3)).toBe(3);
  expect(budget.take({ tabId: 1, frameId: 0, documentId: 'top-2' }, 12)).toBe(10);
});

test('without documentIds, the top frame URL tells its documents apart', () => {
  const budget = createDropBudget(5);
  expect(budget.take({ tabId: 1, frameId: 0, url: 'https://www.mini.test/a' }, 5)).toBe(5);
  expect(budget.take({ tabId: 1, frameId: 2, url: 'about:blank' }, 1)).toBe(0);
  expect(budget.take({ tabId: 1, frameId: 0, url: 'https://www.mini.test/b' }, 1)).toBe(1);
});
