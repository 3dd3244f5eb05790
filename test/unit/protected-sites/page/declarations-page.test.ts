/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://www.shop.example/"}
 */
import { readDeclarations } from '../../../../src/protected-sites/page/declarations-page';
import { readDeclaration } from '../../../../src/protected-sites/declaration';

const set = (name: string, value: unknown) => Reflect.set(window, name, value);
afterEach(() => ['OneTrust', 'Optanon', 'Cookiebot', 'CookieConsentDialog'].forEach((name) => Reflect.deleteProperty(window, name)));

/** OneTrust's domain data as its public JSON has it (a custom group id and name, a nested host with its cookies). */
const DOMAIN_DATA = {
  Version: '202504.1.0',
  Groups: [
    {
      OptanonGroupId: 'C0001',
      CustomGroupId: 'C0001',
      GroupName: 'Strictly Necessary Cookies',
      GroupDescription: '<p>These cookies are necessary.</p>',
      Status: 'always active',
      Type: 'COOKIE',
      FirstPartyCookies: [{ id: 'a', Name: 'OptanonConsent', Host: 'shop.example', IsSession: false, Length: '365', patternKey: null }],
      Hosts: [],
    },
    {
      OptanonGroupId: 'SHOP2',
      CustomGroupId: 'SHOP2',
      GroupName: 'Reach measurement',
      GroupDescription: 'How many people see our shop.',
      Status: 'inactive',
      Type: 'COOKIE',
      FirstPartyCookies: [{ id: 'b', Name: '_gat_UA-1', Host: '.shop.example', patternKey: '_gat_' }],
      Hosts: [
        {
          HostName: 'stats.tracker.example',
          HostId: 'H1',
          DisplayName: 'Stats',
          Cookies: [{ Name: 'uid', Host: 'stats.tracker.example' }],
        },
      ],
    },
  ],
};

test("OneTrust's domain data reads as the site's groups, cookies and hosts", () => {
  set('OneTrust', { GetDomainData: () => DOMAIN_DATA });
  const result = readDeclaration(readDeclarations(), 'www.shop.example');
  expect(result.ok && result.declaration).toEqual({
    platform: 'onetrust',
    name: 'OneTrust',
    version: '202504.1.0',
    categories: [
      expect.objectContaining({ id: 'C0001', alwaysActive: true, standard: 'strictly-necessary', cookies: ['OptanonConsent'] }),
      expect.objectContaining({
        id: 'SHOP2',
        name: 'Reach measurement',
        standard: 'performance-and-analytics',
        cookies: ['_gat_*'],
        hosts: ['stats.tracker.example'],
      }),
    ],
  });
});

test("Cookiebot's cookie tables read as its categories", () => {
  set('Cookiebot', {
    version: '1',
    dialog: {
      cookieTableNecessary: [['CookieConsent', 'shop.example', 'Consent', '1 year', 'HTTP', 1]],
      cookieTableAdvertising: [['IDE', 'doubleclick.net', 'Ads', '1 year', 'HTTP', 1]],
    },
  });
  const result = readDeclaration(readDeclarations(), 'shop.example');
  expect(result.ok && result.declaration.categories.map(({ id, hosts }) => [id, hosts])).toEqual([
    ['necessary', []],
    ['advertising', ['doubleclick.net']],
  ]);
});

test('a page whose objects throw when read has no declaration, and the reader does not throw', () => {
  set(
    'OneTrust',
    new Proxy(
      {},
      {
        get: () => {
          throw new Error('page says no');
        },
      },
    ),
  );
  expect(readDeclarations()).toEqual({ platform: null });
});

test('a page with neither, or whose API throws, has no declaration', () => {
  expect(readDeclarations()).toEqual({ platform: null });
  set('OneTrust', {
    GetDomainData: () => {
      throw new Error('page says no');
    },
  });
  expect(readDeclaration(readDeclarations(), 'shop.example')).toMatchObject({ ok: false, none: true });
});

/** An object of a million keys, as a hostile page builds it to stall whoever copies or walks it. */
function millionKeys(): Record<string, unknown> {
  const huge: Record<string, unknown> = {};
  for (let n = 0; n < 1_000_000; n += 1) huge[`k${n}`] = n;
  return huge;
}

test("the page's own methods cannot make the reading large: it is built of what the reader read, by index", () => {
  const huge = millionKeys();
  // Own methods where the reader might call the page's: a list's slice and map, a string's slice.
  const hostile = Object.assign([{ CustomGroupId: 'C0001', GroupName: 'Necessary', FirstPartyCookies: [] }], {
    slice: () => ({ map: () => huge }),
    map: () => huge,
  });
  set('OneTrust', { GetDomainData: () => ({ Version: '1', Groups: hostile }) });
  expect(JSON.stringify(readDeclarations()).length).toBeLessThan(10_000);
  Reflect.deleteProperty(window, 'OneTrust');
  set('CookieConsentDialog', {
    cookieTableNecessary: Object.assign([['c', 'shop.example', '', '', '', '1']], { slice: () => ({ map: () => huge }) }),
  });
  expect(JSON.stringify(readDeclarations()).length).toBeLessThan(10_000);
});

test('a declaration past the budget is refused in the page: a small marker crosses, not the data', () => {
  const Hosts = Array.from({ length: 100_000 }, (_, n) => ({ HostName: `t${n}.tracker.example`, Cookies: [] }));
  set('OneTrust', { GetDomainData: () => ({ Groups: Array.from({ length: 1000 }, () => ({ CustomGroupId: 'C0004', Hosts })) }) });
  expect(readDeclarations()).toEqual({ platform: 'onetrust', oversized: true });
  expect(readDeclaration(readDeclarations(), 'shop.example')).toMatchObject({ ok: false, none: false, error: { code: 'oversized' } });
  Reflect.deleteProperty(window, 'OneTrust');
  const rows = Array.from({ length: 100_000 }, () => ['c', 'x'.repeat(1000), '', '', '', '1']);
  set('CookieConsentDialog', { cookieTableNecessary: rows, cookieTableStatistics: rows, cookieTableAdvertising: rows });
  expect(readDeclarations()).toEqual({ platform: 'cookiebot', oversized: true });
});

test('an object of a million keys where a list is expected is read by index up to the cap, never walked', () => {
  const huge = millionKeys();
  set('OneTrust', { GetDomainData: () => ({ Groups: [{ CustomGroupId: 'C0001', FirstPartyCookies: huge, Hosts: huge }] }) });
  expect(JSON.stringify(readDeclarations()).length).toBeLessThan(10_000);
});

test('sent as text, as page.evaluate sends a function, it is every reader’s own source and reads the same', () => {
  // Evaluated in this page as the browser would: only the function's text travels, not what it closes over.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const sent = new Function(`return (${String(readDeclarations)})();`) as () => unknown;
  expect(sent()).toEqual({ platform: null });
  set('OneTrust', { GetDomainData: () => DOMAIN_DATA });
  expect(sent()).toEqual(readDeclarations());
  Reflect.deleteProperty(window, 'OneTrust');
  set('CookieConsentDialog', { cookieTableStatistics: [['_ga', 'shop.example', '', '', 'HTTP', '1']] });
  expect(sent()).toEqual(readDeclarations());
  expect(sent()).toMatchObject({ platform: 'cookiebot' });
});
