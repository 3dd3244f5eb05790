/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://www.mini.test/"}
 */
import { filterStorage, removeRefusedKeys } from '../../../../src/cookie-shield/page/storage-filter';
import { namePatterns } from '../../../../src/knowledge/cookie-names';

const REFUSED = namePatterns([
  ['ajs_anonymous_id', 'analytics'],
  ['_uet*', 'advertising'],
]);

test('refused keys present at start are removed; setItem, assignment and defineProperty of refused keys store nothing', () => {
  localStorage.setItem('ajs_anonymous_id', 'old');
  localStorage.setItem('theme', 'dark');
  sessionStorage.setItem('_uetsid', 'old');
  const dropped: string[] = [];
  filterStorage(window, REFUSED, (category, key) => dropped.push(`${category} ${key}`));
  expect(localStorage.getItem('ajs_anonymous_id')).toBeNull();
  expect(sessionStorage.getItem('_uetsid')).toBeNull();
  expect(localStorage.getItem('theme')).toBe('dark');
  expect(dropped.sort()).toEqual(['advertising _uetsid', 'analytics ajs_anonymous_id']);

  localStorage.setItem('ajs_anonymous_id', 'new');
  window.localStorage._uetvid = 'new';
  Object.defineProperty(window.sessionStorage, '_uetsid', { value: 'new', configurable: true, enumerable: true, writable: true });
  Storage.prototype.setItem.call(localStorage, '_uetsid_exp', '1');
  expect(Object.keys(localStorage)).toEqual(['theme']);
  expect(sessionStorage.length).toBe(0);
  expect(dropped.slice(2)).toEqual(['analytics ajs_anonymous_id', 'advertising _uetvid', 'advertising _uetsid', 'advertising _uetsid_exp']);
});

test('everything else passes through unchanged: other keys, reads, removal, length, the Storage type', () => {
  const dropped: string[] = [];
  filterStorage(window, REFUSED, (category, key) => dropped.push(`${category} ${key}`));
  localStorage.setItem('cart', '1');
  window.localStorage.lang = 'en';
  expect(localStorage.getItem('cart')).toBe('1');
  expect(localStorage.lang).toBe('en');
  expect(localStorage).toBeInstanceOf(Storage);
  expect(localStorage).toBe(window.localStorage);
  localStorage.removeItem('cart');
  expect(localStorage.getItem('cart')).toBeNull();
  expect(dropped).toEqual([]);
});

test('every refused key present at start goes, however the storage renumbers its keys after a removal', () => {
  const stored = new Map(['ajs_anonymous_id', '_uetsid', 'theme', '_uetvid', '_uetsid_exp', 'cart'].map((key) => [key, '1']));
  // As Firefox does: after a removal, the remaining keys are numbered afresh (here: the last one moves to the front).
  let order = [...stored.keys()];
  const storage = {
    get length() {
      return order.length;
    },
    key: (index: number) => order[index] ?? null,
    removeItem: (key: string) => {
      stored.delete(key);
      const rest = order.filter((candidate) => candidate !== key);
      order = rest.length > 0 ? [rest[rest.length - 1]!, ...rest.slice(0, -1)] : [];
    },
  };
  const dropped: string[] = [];
  removeRefusedKeys(storage, REFUSED, (category, key) => dropped.push(`${category} ${key}`));
  expect([...stored.keys()].sort()).toEqual(['cart', 'theme']);
  expect(dropped.sort()).toEqual(['advertising _uetsid', 'advertising _uetsid_exp', 'advertising _uetvid', 'analytics ajs_anonymous_id']);
});
