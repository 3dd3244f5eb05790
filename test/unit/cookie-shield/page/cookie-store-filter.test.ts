import { cookieStoreCall, filterCookieStoreWrites } from '../../../../src/cookie-shield/page/cookie-store-filter';
import { namePatterns } from '../../../../src/knowledge/cookie-names';

/** A stand-in for CookieStore.prototype whose `set` records the arguments that reach the jar. */
function fakeCookieStore() {
  const written: unknown[][] = [];
  const prototype = {
    set(...args: unknown[]) {
      written.push(args);
      return Promise.resolve(undefined);
    },
  };
  return { prototype, store: Object.create(prototype) as typeof prototype, written };
}

test('set of a refused name, as a name and value or as an object, resolves without storing anything', async () => {
  const { prototype, store, written } = fakeCookieStore();
  const dropped: string[] = [];
  filterCookieStoreWrites(
    prototype,
    namePatterns([
      ['_ga', 'analytics'],
      ['_ga_*', 'analytics'],
    ]),
    (category, name) => dropped.push(`${category} ${name}`),
  );
  await expect(store.set('_ga', 'GA1.1')).resolves.toBeUndefined();
  await store.set({ name: '_ga_X', value: '1', path: '/' });
  await store.set({ name: { toString: () => '_ga' }, value: '1' });
  await store.set('theme', 'dark');
  await store.set({ name: 'lang', value: 'en', sameSite: 'lax' });
  expect(dropped).toEqual(['analytics _ga', 'analytics _ga_X', 'analytics _ga']);
  expect(written).toEqual([['theme', 'dark'], [{ name: 'lang', value: 'en', sameSite: 'lax' }]]);
});

test('a name is converted once; a browser without the API, or nothing refused, changes nothing', () => {
  let conversions = 0;
  expect(cookieStoreCall([{ name: { toString: () => `n${++conversions}` }, value: 'v' }])).toEqual({
    name: 'n1',
    args: [{ name: 'n1', value: 'v' }],
  });
  expect(cookieStoreCall([7, 'v'])).toEqual({ name: '7', args: ['7', 'v'] });
  expect(() => filterCookieStoreWrites(undefined, namePatterns([['_ga', 'a']]), () => undefined)).not.toThrow();
  const { prototype } = fakeCookieStore();
  const before = Object.getOwnPropertyDescriptor(prototype, 'set');
  filterCookieStoreWrites(prototype, namePatterns([]), () => undefined);
  expect(Object.getOwnPropertyDescriptor(prototype, 'set')).toEqual(before);
});
