import { readDeclaration, standardCategoryOf } from '../../../src/protected-sites/declaration';
import { MAX_DECLARED } from '../../../src/settings/protected-site-record';
import { group, oneTrust, worded } from './observations';

const empty = { necessary: [], preference: [], statistics: [], advertising: [], unclassified: [] };

describe('OneTrust domain data', () => {
  test("the site's own group ids and names, first-party cookies and third-party hosts per group, as text", () => {
    const result = readDeclaration(
      oneTrust([
        group({
          id: 'BG1',
          name: 'Essential <b>cookies</b>',
          description: 'Needed for <a href="x">login</a>.',
          status: 'always active',
          cookies: [{ name: 'session', host: 'shop.example', pattern: '' }],
        }),
        group({
          id: 'SITE-AN',
          name: 'Measurement',
          cookies: [
            { name: '_ga', host: '.www.shop.example', pattern: '' },
            { name: '_gid', host: 'shop.example', pattern: '' },
            { name: '_gat_UA-1', host: 'shop.example', pattern: '_gat_' },
            { name: 'bad name', host: 'shop.example', pattern: '' },
          ],
          hosts: [
            { host: 'www.google-analytics.com', cookies: ['_ga'] },
            { host: 'Google', cookies: ['x'] },
          ],
        }),
        group({ id: 'C0004', name: 'Something else', cookies: [{ name: 'IDE', host: '.doubleclick.net', pattern: '' }] }),
        group({ id: 'BG1', name: 'a repeat is left out' }),
      ]),
      'www.shop.example',
    );
    expect(result).toEqual({
      ok: true,
      declaration: {
        platform: 'onetrust',
        name: 'OneTrust',
        version: '202504.1.0',
        categories: [
          {
            id: 'BG1',
            name: 'Essential cookies',
            description: 'Needed for login .',
            alwaysActive: true,
            standard: 'strictly-necessary',
            cookies: ['session'],
            storage: [],
            hosts: [],
          },
          {
            id: 'SITE-AN',
            name: 'Measurement',
            description: '',
            alwaysActive: false,
            standard: 'performance-and-analytics',
            cookies: ['_ga', '_gat_*', '_gid'],
            storage: [],
            hosts: ['www.google-analytics.com'],
          },
          {
            id: 'C0004',
            name: 'Something else',
            description: '',
            alwaysActive: false,
            standard: 'targeting-or-advertising',
            cookies: [],
            storage: [],
            hosts: ['doubleclick.net'],
          },
        ],
      },
    });
  });

  test('a public suffix’s own host has no site of its own to protect (it would cover every tenant)', () => {
    expect(worded(readDeclaration(oneTrust([group({ id: 'C0002', name: 'Analytics' })]), 'vercel.app'))).toEqual({
      ok: false,
      none: false,
      error: 'vercel.app has no registrable domain of its own to protect',
    });
  });

  test('a declared host that is a public suffix is left out: blocking it would block every site under it', () => {
    const result = readDeclaration(
      oneTrust([
        group({
          id: 'C0004',
          name: 'Ads',
          hosts: [
            { host: 'co.uk', cookies: [] },
            { host: 'github.io', cookies: [] },
            { host: 'ads.example.co.uk', cookies: [] },
          ],
          cookies: [{ name: 'x', host: 'vercel.app', pattern: '' }],
        }),
      ]),
      'shop.example',
    );
    expect(result.ok && result.declaration.categories[0]?.hosts).toEqual(['ads.example.co.uk']);
  });

  test('an observation larger than any real one is refused before it is read', () => {
    const huge = oneTrust([group({ id: 'C0002', name: 'x'.repeat(10), description: 'y'.repeat(5_000_000) })]);
    expect(worded(readDeclaration(huge, 'shop.example'))).toMatchObject({ ok: false, none: false, error: /larger than any real one/ });
    const wide = { platform: 'onetrust', version: '', groups: Array.from({ length: 60_000 }, () => ({ id: 'a', name: 'b' })) };
    expect(worded(readDeclaration(wide, 'shop.example'))).toMatchObject({ ok: false, error: /larger than any real one/ });
  });

  test("a reader's word that the declaration is past its budget is refused as larger than any real one", () => {
    for (const platform of ['onetrust', 'cookiebot'])
      expect(worded(readDeclaration({ platform, oversized: true }, 'shop.example'))).toEqual({
        ok: false,
        none: false,
        error: "the consent manager's declaration was refused: it is larger than any real one",
      });
  });

  test('names, descriptions and the version lose invisible and reordering characters; names and hosts with them are left out', () => {
    const result = readDeclaration(
      oneTrust(
        [
          group({
            id: 'C0002',
            name: '\u202EPolicy Guard verified\u202C: Analy\u200Btics\u2066',
            description: 'Line one\u2028line\u00A0two \u200F\uFEFF',
            cookies: [
              { name: 'plain', host: 'shop.example', pattern: '' },
              { name: 'zero\u200Bwidth', host: 'shop.example', pattern: '' },
            ],
            hosts: [
              { host: 'cdn.tracker.example', cookies: [] },
              { host: 'evil\u202E.tracker.example', cookies: [] },
            ],
          }),
        ],
        '2025\u200E.1\u0007',
      ),
      'shop.example',
    );
    expect(result.ok && result.declaration).toMatchObject({
      version: '2025.1',
      categories: [
        {
          name: 'Policy Guard verified: Analytics',
          description: 'Line one line two',
          cookies: ['plain'],
          hosts: ['cdn.tracker.example'],
        },
      ],
    });
  });

  test('no CMP, or one that declares nothing, is said plainly', () => {
    expect(readDeclaration({ platform: null }, 'shop.example')).toMatchObject({ ok: false, none: true });
    expect(readDeclaration(oneTrust([]), 'shop.example')).toMatchObject({ ok: false, none: true });
  });
});

describe('Cookiebot cookie tables', () => {
  test("Cookiebot's version loses them too", () => {
    const result = readDeclaration(
      {
        platform: 'cookiebot',
        version: '\u202E1.2\u2069',
        tables: { ...empty, statistics: [['_ga', 'shop.example', null, null, null, '1']] },
      },
      'shop.example',
    );
    expect(result.ok && result.declaration.version).toBe('1.2');
  });

  test('rows of [name, domains, purpose, expiry, type, type id (1 HTTP, 2 HTML, 5 pixel)]: cookies, keys and pixels by table', () => {
    const result = readDeclaration(
      {
        platform: 'cookiebot',
        version: '',
        tables: {
          ...empty,
          necessary: [['CookieConsent', 'shop.example', 'Stores consent', '1 year', 'HTTP', '1']],
          statistics: [
            ['_ga', 'shop.example<br/>.shop.example', 'Analytics', '2 years', 'HTTP', '1'],
            ['_ga_#', 'shop.example', 'Analytics', '2 years', 'HTTP', '1'],
            ['collect', 'google-analytics.com', 'Sends data', 'Session', 'Pixel', '5'],
            ['_hjSession', 'shop.example', 'Hotjar', 'Persistent', 'HTML', '2'],
            ['_3rdKey', 'other.example', 'A key of another site', 'Persistent', 'HTML', '2'],
          ],
          advertising: [
            ['IDE', 'doubleclick.net', 'Ads', '1 year', 'HTTP', '1'],
            [null, 'x.example', null, null, null, null],
          ],
        },
      },
      'shop.example',
    );
    expect(result.ok && result.declaration.categories).toEqual([
      expect.objectContaining({
        id: 'necessary',
        name: 'Necessary',
        alwaysActive: true,
        standard: 'strictly-necessary',
        cookies: ['CookieConsent'],
      }),
      expect.objectContaining({
        id: 'statistics',
        standard: 'performance-and-analytics',
        cookies: ['_ga', '_ga_*'],
        storage: ['_hjSession'],
        hosts: ['google-analytics.com'],
      }),
      expect.objectContaining({ id: 'advertising', name: 'Marketing', standard: 'targeting-or-advertising', hosts: ['doubleclick.net'] }),
    ]);
  });
});

test('a refusal is a code with its data; the popup words it', () => {
  expect(readDeclaration(oneTrust([group({ id: 'C0002', name: 'Analytics' })]), 'vercel.app')).toEqual({
    ok: false,
    none: false,
    error: { code: 'no-registrable-domain', domain: 'vercel.app' },
  });
  const hosts = Array.from({ length: MAX_DECLARED.hosts + 1 }, (_, n) => ({ host: `t${n}.tracker.example`, cookies: [] }));
  expect(readDeclaration(oneTrust([group({ id: 'C0004', hosts })]), 'shop.example')).toMatchObject({
    error: { code: 'too-many-hosts', count: MAX_DECLARED.hosts + 1, limit: MAX_DECLARED.hosts },
  });
  expect(readDeclaration({ platform: null }, 'shop.example')).toMatchObject({ none: true, error: { code: 'no-declaration' } });
});

describe('hostile or oversized declarations are refused with the reason', () => {
  test.each([
    ['not an object', 'hello'],
    ['an unknown platform', { platform: 'Policy Guard verified this site' }],
    ['a group of the wrong shape', oneTrust([{ id: 1 }])],
    ['a name longer than any real one', oneTrust([group({ id: 'C0002', name: 'x'.repeat(500) })])],
    ['more groups than the cap', oneTrust(Array.from({ length: MAX_DECLARED.categories + 1 }, (_, n) => group({ id: `G${n}` })))],
    ['a key of its own', { ...oneTrust([]), 'Policy Guard says': 1 }],
  ])('%s: in words of ours, none of the page’s', (_name, observed) => {
    expect(worded(readDeclaration(observed, 'shop.example'))).toEqual({
      ok: false,
      none: false,
      error: "the consent manager's declaration was refused: it is not in a shape this version reads",
    });
  });

  test('more hosts or cookies than a site may declare', () => {
    const hosts = Array.from({ length: MAX_DECLARED.hosts + 1 }, (_, n) => ({ host: `t${n}.tracker.example`, cookies: [] }));
    expect(worded(readDeclaration(oneTrust([group({ id: 'C0004', hosts })]), 'shop.example'))).toEqual({
      ok: false,
      none: false,
      error: `the consent manager declares ${MAX_DECLARED.hosts + 1} hosts; at most ${MAX_DECLARED.hosts} are read`,
    });
    const cookies = Array.from({ length: 700 }, (_, n) => ({ name: `c${n}`, host: 'shop.example', pattern: '' }));
    const groups = [1, 2, 3].map((n) =>
      group({ id: `G${n}`, cookies: cookies.map((cookie) => ({ ...cookie, name: `${cookie.name}-${n}` })) }),
    );
    expect(worded(readDeclaration(oneTrust(groups), 'shop.example'))).toMatchObject({
      ok: false,
      error: /declares 2100 cookies and keys; at most 2000/,
    });
  });
});

test.each([
  ['onetrust', 'C0003', 'Whatever', 'functionality'],
  ['onetrust', '5', 'Whatever', 'social-media'],
  ['onetrust', 'X1', 'Strictly Necessary Cookies', 'strictly-necessary'],
  ['onetrust', 'X2', 'Social Media Cookies', 'social-media'],
  ['onetrust', 'X3', 'Marketing und Werbung', 'targeting-or-advertising'],
  ['onetrust', 'X4', 'Statistik', 'performance-and-analytics'],
  ['onetrust', 'X5', 'Statistics', 'performance-and-analytics'],
  ['onetrust', 'X6', 'Personalisation', 'functionality'],
  ['cookiebot', 'C0002', 'Research panels', null],
] as const)('%s group %s "%s" is %s', (platform, id, name, standard) => {
  expect(standardCategoryOf(platform, id, name)).toBe(standard);
});
