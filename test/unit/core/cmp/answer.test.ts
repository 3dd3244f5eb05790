import { cmpAnswer } from '../../../../src/core/cmp/answer';
import type { ConsentManager } from '../../../../src/core/knowledge';
import { loadSites } from '../../../../src/knowledge/load';

const ONETRUST: ConsentManager = {
  name: 'OneTrust',
  hosts: ['cdn.cookielaw.org'],
  cookies: ['OptanonConsent'],
  platform: 'onetrust',
  groups: {
    map: [
      { id: 'C0001', category: 'necessary' },
      { id: 'C0002', category: 'analytics' },
      { id: 'C0004', category: 'ads' },
    ],
    source: 'curated',
    reason: 'test',
  },
};

describe('the answer a CMP is given', () => {
  test('each mapped group takes its category’s choice; a category the choices lack is refused', () => {
    const { groups, unmapped } = cmpAnswer(ONETRUST, { necessary: true, analytics: true });
    expect([...groups]).toEqual([
      ['C0001', true],
      ['C0002', true],
      ['C0004', false],
    ]);
    expect(unmapped).toEqual([]);
  });

  test('a group the map does not know is refused and flagged, unless the CMP marks it always active', () => {
    const { groups, unmapped } = cmpAnswer(ONETRUST, { necessary: true }, ['C0001', 'C0009', 'SPD_BG', 'C0010'], ['C0010']);
    expect(groups.get('C0009')).toBe(false);
    expect(groups.get('SPD_BG')).toBe(false);
    expect(groups.get('C0010')).toBe(true);
    expect(unmapped).toEqual(['C0009', 'SPD_BG', 'C0010']);
  });

  test('page data cannot turn a mapped group on: "always active" only applies to unmapped groups', () => {
    const { groups } = cmpAnswer(ONETRUST, { necessary: true, analytics: false, ads: false }, ['C0002', 'C0004'], ['C0002', 'C0004']);
    expect(groups.get('C0002')).toBe(false);
    expect(groups.get('C0004')).toBe(false);
  });

  test('Atlassian’s map covers every notice category once', () => {
    const site = loadSites().find((candidate) => candidate.id === 'atlassian')!;
    const mapped = site.consentManager.groups?.map.map((group) => group.category) ?? [];
    expect([...mapped].sort()).toEqual(site.categories.map((category) => category.id).sort());
  });
});
