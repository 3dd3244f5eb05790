import { defaultChoice, isAllowed, takesDefault } from '../../../src/settings/choices';
import { setDefaultChoice } from '../../../src/settings/ops';
import { freshSettings } from '../../../src/settings/settings';
import type { Site } from '../../../src/knowledge/schema';
import { MINI } from '../../support/mini-site';

/** A site protected from its consent manager: MINI's shape, marked declared, with its own category and a refusable "strictly-necessary". */
function protectedSite(): Site {
  const site = structuredClone(MINI);
  site.id = 'declared-harbor-example-1';
  site.domains = ['harbor.example'];
  site.declared = { kind: 'consent-manager', platform: 'onetrust', version: '', captured: '2026-12-01T00:00:00.000Z' };
  site.categories = [
    ...site.categories.map((category) => (category.id === 'strictly-necessary' ? { ...category, refusable: true } : category)),
    { ...site.categories[2]!, id: 'cmp-c0009', label: 'Its own' },
  ];
  return site;
}

describe('takesDefault: the one rule for which categories take a default', () => {
  test('a category a bundled notice lets refuse takes one; one no notice lets refuse does not', () => {
    expect(takesDefault([MINI], 'analytics')).toBe(true);
    expect(takesDefault([MINI], 'strictly-necessary')).toBe(false);
    expect(takesDefault([MINI], 'unknown')).toBe(false);
  });

  test('a protected site adds none, even where its consent manager lets a category be refused', () => {
    expect(takesDefault([MINI, protectedSite()], 'cmp-c0009')).toBe(false);
    expect(takesDefault([MINI, protectedSite()], 'strictly-necessary')).toBe(false);
    expect(takesDefault([protectedSite()], 'analytics')).toBe(false);
  });
});

test('defaultChoice: the person default, else the knowledge base default, as isAllowed resolves it', () => {
  const analytics = MINI.categories.find((category) => category.id === 'analytics')!;
  expect(defaultChoice(freshSettings(), analytics)).toBe(false);
  const allowed = setDefaultChoice(freshSettings(), 'analytics', true);
  expect(defaultChoice(allowed, analytics)).toBe(true);
  expect(isAllowed(MINI, analytics, allowed, MINI.domains[0]!)).toBe(defaultChoice(allowed, analytics));
});

describe('a category id that is an Object.prototype name', () => {
  const site = (): Site => {
    const own = structuredClone(MINI);
    own.categories = own.categories.map((category) => (category.id === 'analytics' ? { ...category, id: 'constructor' } : category));
    own.trackers = own.trackers.map((tracker) => (tracker.category === 'analytics' ? { ...tracker, category: 'constructor' } : tracker));
    return own;
  };

  test('follows the defaults and the choices, never an inherited property', () => {
    const constructor = site().categories.find((category) => category.id === 'constructor')!;
    expect(constructor.defaultAllowed).toBe(false);
    expect(defaultChoice(freshSettings(), constructor)).toBe(false);
    expect(isAllowed(site(), constructor, freshSettings(), MINI.domains[0]!)).toBe(false);
    expect(isAllowed(site(), constructor, setDefaultChoice(freshSettings(), 'constructor', true), MINI.domains[0]!)).toBe(true);
  });
});
