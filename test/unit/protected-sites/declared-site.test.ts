import { classifyCookie, classifyRequest } from '../../../src/knowledge/classify';
import { refusedCategories } from '../../../src/settings/choices';
import { readDeclaration, type Declaration } from '../../../src/protected-sites/declaration';
import { declaredSite } from '../../../src/protected-sites/declared-site';
import { compileRules } from '../../../src/blocking/dnr-rules';
import { validateSite } from '../../../src/knowledge/schema';
import { freshSettings } from '../../../src/settings/settings';
import { setDefaultChoice } from '../../../src/settings/ops';
import { buildSiteIndex } from '../../../src/knowledge/site-index';
import { group, oneTrust } from './observations';

const CAPTURED = new Date('2026-11-30T12:00:00Z');

/** A shop whose OneTrust uses its own group ids and names. */
function declaration(): Declaration {
  const result = readDeclaration(
    oneTrust([
      group({
        id: 'SHOP1',
        name: 'Essential',
        status: 'always active',
        cookies: [{ name: 'cart', host: 'shop.example', pattern: '' }],
      }),
      group({
        id: 'SHOP2',
        name: 'Reach measurement',
        hosts: [{ host: 'stats.tracker.example', cookies: [] }],
        cookies: [{ name: '_sa', host: 'shop.example', pattern: '' }],
      }),
      group({ id: 'SHOP3', name: 'Personalisation' }),
      group({
        id: 'SHOP4',
        name: 'Marketing partners',
        hosts: [
          { host: 'ads.tracker.example', cookies: [] },
          { host: 'stats.tracker.example', cookies: [] },
        ],
      }),
      group({ id: 'SHOP5', name: 'More measurement' }),
      group({ id: 'SHOP6', name: 'Research panels', hosts: [{ host: 'panel.tracker.example', cookies: [] }] }),
    ]),
    'www.shop.example',
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.declaration;
}

test('a valid site record: standard ids where matched, the CMP’s otherwise; texts are the site’s', () => {
  const site = declaredSite(declaration(), 'www.shop.example', CAPTURED);
  expect(validateSite(site)).toEqual({ ok: true, site });
  expect(site).toMatchObject({ name: 'shop.example', domains: ['shop.example'] });
  expect(site.id).toMatch(/^declared-shop-example-[a-z0-9]+$/);
  // One id per domain: dashes and dots do not collide.
  expect(declaredSite(declaration(), 'shop-example.com', CAPTURED).id).not.toBe(
    declaredSite(declaration(), 'shop.example-com.com', CAPTURED).id,
  );
  expect(site.declared).toEqual({
    kind: 'consent-manager',
    platform: 'onetrust',
    version: '202504.1.0',
    captured: '2026-11-30T12:00:00.000Z',
  });
  expect(site.categories.map(({ id, label, refusable, defaultAllowed }) => [id, label, refusable, defaultAllowed])).toEqual([
    ['strictly-necessary', 'Essential', false, true],
    ['performance-and-analytics', 'Reach measurement', true, false],
    ['functionality', 'Personalisation', true, true],
    ['targeting-or-advertising', 'Marketing partners', true, false],
    ['cmp-shop5', 'More measurement', true, false],
    ['cmp-shop6', 'Research panels', true, false],
  ]);
  // OneTrust is answered by its own group ids.
  expect(site.consentManager.groups?.map.map(({ id, category }) => `${id}→${category}`)).toEqual([
    'SHOP1→strictly-necessary',
    'SHOP2→performance-and-analytics',
    'SHOP3→functionality',
    'SHOP4→targeting-or-advertising',
    'SHOP5→cmp-shop5',
    'SHOP6→cmp-shop6',
  ]);
});

test('its trackers are classified and blocked like a compiled site’s; a host in two categories goes to the one more likely refused', () => {
  const site = declaredSite(declaration(), 'www.shop.example', CAPTURED);
  const index = buildSiteIndex([site]);
  const request = (url: string) => classifyRequest(index, { url, initiator: 'https://www.shop.example', type: 'image' });
  // Declared under both "Reach measurement" and "Marketing partners": blocked while marketing is refused.
  expect(request('https://stats.tracker.example/p.gif')).toMatchObject({ category: 'targeting-or-advertising' });
  expect(request('https://ads.tracker.example/p.gif')).toMatchObject({ category: 'targeting-or-advertising' });
  expect(classifyCookie(index, { name: '_sa', domain: '.shop.example' })).toMatchObject({ category: 'performance-and-analytics' });
  // The person's default for a standard category applies; an unmatched category starts refused.
  const settings = setDefaultChoice(freshSettings(), 'performance-and-analytics', true);
  expect(refusedCategories(site, settings, 'shop.example')).toEqual(['targeting-or-advertising', 'cmp-shop5', 'cmp-shop6']);
  const blocked = compileRules([site], settings).rules.flatMap((rule) =>
    rule.action.type === 'block' ? (rule.condition.requestDomains ?? []) : [],
  );
  expect(blocked).toEqual(expect.arrayContaining(['ads.tracker.example', 'stats.tracker.example', 'panel.tracker.example']));
});

test('a compiled site still needs its categories cited; only a declared one may go without', () => {
  const site = declaredSite(declaration(), 'shop.example', CAPTURED);
  const { declared: _declared, ...compiled } = site;
  expect(validateSite(compiled)).toMatchObject({ ok: false, errors: [expect.stringMatching(/needs at least one cited sentence/)] });
});

test('a Cookiebot site lets its CMP load and names its tables', () => {
  const result = readDeclaration(
    {
      platform: 'cookiebot',
      version: '',
      tables: {
        necessary: [['CookieConsent', 'shop.example', '', '', '', '1']],
        preference: [],
        statistics: [],
        advertising: [['IDE', 'doubleclick.net', '', '', '', '1']],
        unclassified: [],
      },
    },
    'shop.example',
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const site = declaredSite(result.declaration, 'shop.example', CAPTURED);
  expect(validateSite(site).ok).toBe(true);
  expect(site.consentManager).toMatchObject({
    name: 'Cookiebot',
    hosts: ['consent.cookiebot.com', 'consentcdn.cookiebot.com', 'consent.cookiebot.eu', 'consentcdn.cookiebot.eu'],
  });
  // Answered by Cookiebot's own consent flags, each the category of the table it governs.
  expect(site.consentManager.platform).toBe('cookiebot');
  expect(site.consentManager.groups?.map).toEqual([
    { id: 'necessary', category: 'strictly-necessary' },
    { id: 'marketing', category: 'targeting-or-advertising' },
  ]);
  expect(site.categories.map((category) => category.label)).toEqual(['Necessary', 'Marketing']);
});

test("a Cookiebot site's four flags map to its tables' categories; unclassified cookies have no flag", () => {
  const row = (name: string) => [[name, 'shop.example', '', '', '', '1']];
  const read = (tables: Record<'necessary' | 'preference' | 'statistics' | 'advertising' | 'unclassified', string[][]>) => {
    const result = readDeclaration({ platform: 'cookiebot', version: '', tables }, 'shop.example');
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return declaredSite(result.declaration, 'shop.example', CAPTURED);
  };
  const full = read({ necessary: row('a'), preference: row('b'), statistics: row('c'), advertising: row('d'), unclassified: row('e') });
  expect(validateSite(full).ok).toBe(true);
  expect(full.consentManager.groups?.map.map(({ id, category }) => `${id}→${category}`)).toEqual([
    'necessary→strictly-necessary',
    'preferences→functionality',
    'statistics→performance-and-analytics',
    'marketing→targeting-or-advertising',
  ]);
  // Only unclassified cookies: nothing Cookiebot's record can say, so it is not answered.
  const unclassified = read({ necessary: [], preference: [], statistics: [], advertising: [], unclassified: row('e') });
  expect(unclassified.consentManager.platform).toBeUndefined();
  expect(unclassified.consentManager.groups).toBeUndefined();
});
