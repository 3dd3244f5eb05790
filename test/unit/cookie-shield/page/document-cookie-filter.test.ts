import { cookieName, filterCookieWrites } from '../../../../src/cookie-shield/page/document-cookie-filter';
import { namePatterns } from '../../../../src/knowledge/cookie-names';

/** Refuses `patterns` under the category "refused"; returns "category name" of each dropped write, in order. */
function refuse(prototype: object, patterns: string[]): string[] {
  const dropped: string[] = [];
  filterCookieWrites(prototype, namePatterns(patterns.map((pattern) => [pattern, 'refused'] as const)), (category, name) =>
    dropped.push(`${category} ${name}`),
  );
  return dropped;
}

/** A stand-in for Document.prototype: `cookie` is an accessor whose setter records what reaches the jar. */
function fakeDocument() {
  const written: string[] = [];
  const get = function (this: unknown) {
    return written.join('; ');
  };
  const prototype = {};
  Object.defineProperty(prototype, 'cookie', {
    get,
    set(value: string) {
      written.push(value);
    },
    configurable: true,
    enumerable: true,
  });
  const document = Object.create(prototype) as { cookie: unknown };
  return { prototype, document, written, get };
}

test('writes of refused names are dropped; everything else reaches the jar unchanged', () => {
  const { prototype, document, written } = fakeDocument();
  const dropped = refuse(prototype, ['_ga', '_ga_*', 'ajs_anonymous_id']);
  const writes = [
    '_ga=GA1.1; path=/; max-age=31536000',
    ' _ga_ABC =1; domain=atlassian.com',
    'ajs_anonymous_id=x',
    '_gax=1',
    'session=1; Secure',
    'OptanonConsent=a=b',
    'novalue',
    '_GA=1',
  ];
  for (const write of writes) document.cookie = write;
  expect(written).toEqual(['_gax=1', 'session=1; Secure', 'OptanonConsent=a=b', 'novalue', '_GA=1']);
  expect(dropped).toEqual(['refused _ga', 'refused _ga_ABC', 'refused ajs_anonymous_id']);
});

test('the getter and the rest of the descriptor are untouched; a value is converted once', () => {
  const { prototype, document, written, get } = fakeDocument();
  refuse(prototype, ['_fbp']);
  const descriptor = Object.getOwnPropertyDescriptor(prototype, 'cookie');
  expect(descriptor).toMatchObject({ get, configurable: true, enumerable: true });
  let conversions = 0;
  document.cookie = { toString: () => `kept${++conversions}=1` };
  expect(written).toEqual(['kept1=1']);
  expect(document.cookie).toBe('kept1=1');
});

test('nothing refused leaves the setter as it was', () => {
  const { prototype } = fakeDocument();
  const before = Object.getOwnPropertyDescriptor(prototype, 'cookie');
  refuse(prototype, []);
  expect(Object.getOwnPropertyDescriptor(prototype, 'cookie')).toEqual(before);
});

test('a cookie name is what precedes the first "=" of the first pair, trimmed', () => {
  expect(cookieName('a=b=c; path=/')).toBe('a');
  expect(cookieName('  _fbp\t= 1')).toBe('_fbp');
  expect(cookieName('flag; path=/x=y')).toBe('');
  expect(cookieName('')).toBe('');
});
