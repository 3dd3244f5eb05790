import fc from 'fast-check';
import * as v from 'valibot';
import { MIGRATIONS, migrate, type Migration } from '../../../src/settings/migrations';
import { isAllowed } from '../../../src/settings/choices';
import { freshSettings, DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';
import { loadSites } from '../../../src/knowledge/load';
import { declaredSite } from '../../../src/protected-sites/declared-site';
import { protectSite } from '../../../src/protected-sites/protected-sites';
import { harborDeclaration } from '../protected-sites/observations';
import { exportSettings, parseImport, recoverSettings, SettingsSchema } from '../../../src/settings/schema';

const ATLASSIAN = loadSites().find((site) => site.id === 'atlassian')!;

/** The covered sites as the migrations see them. */
const OWNERS = [
  { id: 'atlassian', domains: ['atlassian.com', 'bitbucket.org'] },
  { id: 'other', domains: ['other.example'] },
];

const edited: Settings = {
  version: 4,
  defaults: { functionality: false, 'social-media': true },
  sites: {
    'atlassian.com': { choices: { 'performance-and-analytics': true }, paused: false },
    'trello.com': { choices: {}, paused: true },
  },
  unknownCookies: 'remove',
  badge: false,
  globalPrivacyControl: true,
  protectedSites: {},
};

const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
const domain = fc.stringMatching(/^([a-z0-9-]{1,10}\.){1,3}[a-z0-9-]{2,6}$/);
const validSettings: fc.Arbitrary<Settings> = fc.record({
  version: fc.constant(4),
  defaults: fc.dictionary(id, fc.boolean()),
  sites: fc.dictionary(domain, fc.record({ choices: fc.dictionary(id, fc.boolean()), paused: fc.boolean() })),
  unknownCookies: fc.constantFrom('allow' as const, 'remove' as const),
  badge: fc.boolean(),
  globalPrivacyControl: fc.boolean(),
  protectedSites: fc.constant({}),
});

describe('export and import', () => {
  test('an export holds only choices, exceptions and preferences, and imports back to the same settings', () => {
    const withExtra = { ...edited, counts: { 3: 12 }, history: ['https://x.test'] } as Settings;
    const text = exportSettings(withExtra);
    expect(Object.keys(JSON.parse(text)).sort()).toEqual([
      'badge',
      'defaults',
      'globalPrivacyControl',
      'protectedSites',
      'sites',
      'unknownCookies',
      'version',
    ]);
    expect(parseImport(text, OWNERS)).toEqual({ ok: true, settings: edited });
  });

  test('round trip for any valid settings', () => {
    fc.assert(
      fc.property(validSettings, (settings) => expect(parseImport(exportSettings(settings), OWNERS)).toEqual({ ok: true, settings })),
    );
  });

  test.each([
    ['not JSON', '{"version": 1,', /^not a settings file: /],
    ['not an object', '[1, 2]', /^the file must hold a settings object, not a list$/],
    [
      'a wrong choice value',
      JSON.stringify({ ...edited, defaults: { functionality: 'yes' } }),
      /^defaults\.functionality: must be true \(allowed\) or false \(refused\)$/,
    ],
    ['a bad category id', JSON.stringify({ ...edited, defaults: { 'Bad Id': true } }), /^defaults\.Bad Id: must be a lower-case id/],
    [
      'a bad nested flag',
      JSON.stringify({ ...edited, sites: { 'atlassian.com': { choices: {}, paused: 1 } } }),
      /^sites\.atlassian\.com\.paused: must be true or false$/,
    ],
    [
      'a site key that is not a domain',
      JSON.stringify({ ...edited, sites: { atlassian: { choices: {}, paused: true } } }),
      /^sites\.atlassian: must be a lower-case registrable domain/,
    ],
    ['an unknown preference', JSON.stringify({ ...edited, unknownCookies: 'maybe' }), /^unknownCookies: must be "allow" or "remove"$/],
    ['an unexpected field', JSON.stringify({ ...edited, history: [] }), /^history: /],
    ['a missing field', JSON.stringify({ version: 1, defaults: {} }), /^sites: /],
    ['a newer version', JSON.stringify({ ...edited, version: 7 }), /^version: 7 was written by a newer version/],
    ['a broken version', JSON.stringify({ ...edited, version: '1' }), /^version: must be a whole number from 0 to 4, got "1"$/],
    [
      'a prototype key',
      '{"version":2,"defaults":{"__proto__":true},"sites":{},"unknownCookies":"allow","badge":true}',
      /^defaults\.__proto__: a reserved name/,
    ],
    [
      'a constructor site',
      JSON.stringify({ ...edited, sites: { constructor: { choices: {}, paused: true } } }),
      /^sites\.constructor: a reserved name/,
    ],
  ])('refuses %s, naming the field and why', (_name, text, error) => {
    const result = parseImport(text, OWNERS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  test('a file without a version (v0) is migrated', () => {
    const { version: _v, ...unversioned } = edited;
    const { sites: _s, ...withoutSites } = edited;
    expect(parseImport(JSON.stringify({ ...unversioned, sites: {} }), OWNERS)).toEqual({
      ok: true,
      settings: { ...withoutSites, sites: {} },
    });
  });

  test('a file exported by version 0.1 (choices per site id) imports as the same choices on each of its domains', () => {
    const old = {
      ...edited,
      version: 1,
      sites: { atlassian: { choices: { 'social-media': false }, paused: true }, gone: { choices: {}, paused: true } },
    };
    const same = { choices: { 'social-media': false }, paused: true };
    expect(parseImport(JSON.stringify(old), OWNERS)).toEqual({
      ok: true,
      settings: { ...edited, sites: { 'atlassian.com': same, 'bitbucket.org': same } },
    });
  });

  test('thousands of hostile files: never a crash, never a partial result', () => {
    const hostile = fc.oneof(
      fc.string(),
      fc.json(),
      fc.tuple(fc.constantFrom(...Object.keys(edited)), fc.jsonValue()).map(([key, value]) => JSON.stringify({ ...edited, [key]: value })),
      fc
        .record({
          version: fc.jsonValue(),
          defaults: fc.jsonValue(),
          sites: fc.jsonValue(),
          unknownCookies: fc.jsonValue(),
          badge: fc.jsonValue(),
        })
        .map((x) => JSON.stringify(x)),
      validSettings.map((settings) => exportSettings(settings)).chain((text) => fc.nat(text.length).map((cut) => text.slice(0, cut))),
    );
    fc.assert(
      fc.property(hostile, (text) => {
        const result = parseImport(text, OWNERS);
        if (result.ok) expect(v.is(SettingsSchema, result.settings)).toBe(true);
        else expect(result.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('recoverSettings', () => {
  test('nothing stored is a fresh install, not a repair', () => {
    expect(recoverSettings(undefined, OWNERS)).toEqual({ settings: freshSettings(), recovered: [] });
  });

  test('valid stored settings come back unchanged, with nothing to report', () => {
    expect(recoverSettings(structuredClone(edited), OWNERS)).toEqual({ settings: edited, recovered: [] });
  });

  test('keeps every valid part and says what it reset', () => {
    const stored = {
      version: 3,
      defaults: { functionality: false, 'targeting-or-advertising': 'no', 'Bad Key': true },
      sites: { 'atlassian.com': { choices: { 'social-media': true, x: 3 }, paused: 'yes' }, 'not ok': {}, 'trello.com': 5 },
      unknownCookies: 'remove',
      badge: 'on',
      globalPrivacyControl: 1,
      counts: { 1: 2 },
    };
    const { settings, recovered } = recoverSettings(stored, OWNERS);
    expect(settings).toEqual({
      version: 4,
      defaults: { functionality: false },
      sites: { 'atlassian.com': { choices: { 'social-media': true }, paused: false } },
      unknownCookies: 'remove',
      badge: true,
      globalPrivacyControl: false,
      protectedSites: {},
    });
    expect(recovered).toEqual([
      'counts: unknown field, dropped',
      'defaults."targeting-or-advertising": "no" is not a valid choice; dropped',
      'defaults."Bad Key": true is not a valid choice; dropped',
      'sites.atlassian.com.choices."x": 3 is not a valid choice; dropped',
      'sites.atlassian.com.paused: "yes" must be true or false; reset to false',
      'sites."not ok": not a valid site exception; dropped',
      'sites."trello.com": not a valid site exception; dropped',
      'badge: "on" must be true or false; reset to true',
      'globalPrivacyControl: 1 must be true or false; reset to false',
    ]);
  });

  test('foreign data falls back to the defaults and says so', () => {
    expect(recoverSettings('hello', OWNERS)).toEqual({
      settings: freshSettings(),
      recovered: ['settings: "hello" is not a settings object; using defaults'],
    });
    expect(recoverSettings(null, OWNERS).recovered).toEqual(['settings: null is not a settings object; using defaults']);
  });

  test('settings from a newer version keep the fields this version understands', () => {
    const { settings, recovered } = recoverSettings({ ...edited, version: 9, newThing: {} }, OWNERS);
    expect(settings).toEqual(edited);
    expect(recovered[0]).toMatch(/^version: 9 was written by a newer version/);
  });

  test('any stored value yields valid settings, and valid parts survive', () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        const { settings } = recoverSettings(stored, OWNERS);
        expect(v.is(SettingsSchema, settings)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(validSettings, (settings) =>
        expect(recoverSettings(structuredClone(settings), OWNERS)).toEqual({ settings, recovered: [] }),
      ),
    );
  });
});

describe('migrations', () => {
  test('the latest migration reaches the current schema version', () => {
    expect(MIGRATIONS).toHaveLength(DEFAULT_SETTINGS.version);
  });

  test('v0 (no version) → v1 stamps the version and keeps every field', () => {
    expect(migrate({ defaults: { functionality: false }, badge: false }, OWNERS, MIGRATIONS.slice(0, 1))).toEqual({
      ok: true,
      from: 0,
      data: { defaults: { functionality: false }, badge: false, version: 1 },
    });
  });

  test("v1 → v2: each site id's choices and pause become the same on each of its domains; unknown ids are dropped", () => {
    const analytics = { choices: { 'performance-and-analytics': true }, paused: false };
    const paused = { choices: {}, paused: true };
    const v1 = {
      version: 1,
      defaults: { functionality: false },
      sites: { atlassian: analytics, other: paused, gone: analytics },
      badge: false,
    };
    const result = migrate(v1, OWNERS, MIGRATIONS.slice(0, 2));
    expect(result).toEqual({
      ok: true,
      from: 1,
      data: {
        version: 2,
        defaults: { functionality: false },
        sites: { 'atlassian.com': analytics, 'bitbucket.org': analytics, 'other.example': paused },
        badge: false,
      },
    });
    // Copies, not shared objects: a later edit of one domain leaves the others alone.
    if (result.ok)
      expect((result.data.sites as Record<string, unknown>)['atlassian.com']).not.toBe(
        (result.data.sites as Record<string, unknown>)['bitbucket.org'],
      );
  });

  test('v1 → v2 leaves a sites value that is not an object for validation to report', () => {
    expect(migrate({ version: 1, sites: [1] }, OWNERS, MIGRATIONS.slice(0, 2))).toEqual({
      ok: true,
      from: 1,
      data: { version: 2, sites: [1] },
    });
  });

  test('v2 → v3: Global Privacy Control is off for settings from before it, and every other field is kept', () => {
    const v2 = { version: 2, defaults: { functionality: false }, sites: {}, unknownCookies: 'remove', badge: false };
    const v3 = { ...v2, version: 3, globalPrivacyControl: false };
    expect(migrate(v2, OWNERS, MIGRATIONS.slice(0, 3))).toEqual({ ok: true, from: 2, data: v3 });
    // A version-2 export imports, with the preference off.
    expect(parseImport(JSON.stringify(v2), OWNERS)).toEqual({ ok: true, settings: { ...v3, version: 4, protectedSites: {} } });
  });

  test('v3 → v4: no site was protected from its consent manager before, and every other field is kept', () => {
    const v3 = { version: 3, defaults: {}, sites: {}, unknownCookies: 'allow', badge: true, globalPrivacyControl: true };
    expect(migrate(v3, OWNERS)).toEqual({ ok: true, from: 3, data: { ...v3, version: 4, protectedSites: {} } });
  });

  test('the v1 → v2 migration keeps every choice in force on every domain of the Atlassian knowledge base', () => {
    // Effective choices before (per site id) equal the choices after on each registrable domain.
    const v1 = {
      version: 1,
      defaults: {},
      sites: { atlassian: { choices: { 'social-media': true }, paused: false } },
      unknownCookies: 'allow',
      badge: true,
    };
    const { settings } = recoverSettings(v1, [ATLASSIAN]);
    for (const domain of ATLASSIAN.domains) {
      for (const category of ATLASSIAN.categories) {
        const before = !category.refusable || (category.id === 'social-media' ? true : category.defaultAllowed);
        expect([domain, category.id, isAllowed(ATLASSIAN, category, settings, domain)]).toEqual([domain, category.id, before]);
      }
    }
  });

  test('runs the migrations in order from the stored version, and none for the latest', () => {
    const steps: string[] = [];
    const step =
      (name: string, change: Migration): Migration =>
      (data, owners) => (steps.push(name), change(data, owners));
    const chain = [
      step('0→1', (data) => ({ ...data, version: 1 })),
      step('1→2', ({ colour, ...data }) => ({ ...data, theme: colour, version: 2 })),
      step('2→3', (data) => ({ ...data, version: 3, badge: data.badge ?? true })),
    ];
    expect(migrate({ version: 1, colour: 'dark' }, OWNERS, chain)).toEqual({
      ok: true,
      from: 1,
      data: { version: 3, theme: 'dark', badge: true },
    });
    expect(steps).toEqual(['1→2', '2→3']);
    steps.length = 0;
    expect(migrate({ version: 3, badge: false }, OWNERS, chain)).toEqual({ ok: true, from: 3, data: { version: 3, badge: false } });
    expect(steps).toEqual([]);
  });
});

test('an imported protected site whose category id is an Object.prototype name is refused, saying why', () => {
  const NOW = '2026-11-30T12:00:00.000Z';
  const site = declaredSite(harborDeclaration(), 'www.harbor.example', new Date(NOW));
  const text = exportSettings(protectSite(freshSettings(), site, NOW));
  const renamed = text.replaceAll(`"${site.categories[1]!.id}"`, '"constructor"');
  expect(renamed).not.toBe(text);
  expect(parseImport(renamed, loadSites())).toEqual({
    ok: false,
    error: 'protectedSites.harbor.example.site.categories.1.id: "constructor" is a reserved name, not a valid id',
  });
});

test('an imported protected site whose names carry reordering or invisible characters is refused, saying why', () => {
  const NOW = '2026-11-30T12:00:00.000Z';
  const site = declaredSite(harborDeclaration(), 'www.harbor.example', new Date(NOW));
  const text = exportSettings(protectSite(freshSettings(), site, NOW));
  const label = site.categories[1]!.label;
  const forged = text.replaceAll(`"label": "${label}"`, `"label": "${label}\\u202e gnikcolb"`);
  expect(forged).not.toBe(text);
  const result = parseImport(forged, loadSites());
  expect(result).toEqual({ ok: false, error: expect.stringContaining('must be visible text') });
});
