import { declaredSite, DISPUTED_CATEGORY } from '../../../src/protected-sites/declared-site';
import { disputedHosts, siteChanges, summarize } from '../../../src/protected-sites/reading';
import * as v from 'valibot';
import { createCoverage, protectSite, unprotectSite } from '../../../src/protected-sites/protected-sites';
import { ProtectedSiteSchema, protectedSiteProblem } from '../../../src/settings/protected-site-record';
import { freshSettings } from '../../../src/settings/settings';
import { setSiteChoice } from '../../../src/settings/ops';
import { exportSettings, parseImport, recoverSettings } from '../../../src/settings/schema';
import { loadSites } from '../../../src/knowledge/load';
import { harborDeclaration } from './observations';

const bundled = loadSites();
const NOW = '2026-11-30T12:00:00.000Z';
const harbor = () => {
  const declaration = harborDeclaration();
  return declaredSite(declaration, 'www.harbor.example', new Date(NOW), disputedHosts(declaration, bundled));
};

describe('disputed hosts', () => {
  test('a host the knowledge base lists as a tracker is disputed only where the site declares it necessary', () => {
    const declaration = harborDeclaration();
    // Declared in "Personalised ads": the site's word agrees that it can be refused.
    expect(disputedHosts(declaration, bundled)).toEqual([]);
    const essential = declaration.categories.find((category) => category.id === 'HB-ESS')!;
    essential.hosts.push('www.google-analytics.com');
    expect(disputedHosts(declaration, bundled)).toEqual([
      expect.objectContaining({ host: 'www.google-analytics.com', declaredIn: 'Essential', knownCategory: expect.any(String) }),
    ]);
  });

  test('a disputed host is taken out of the always-active category into one that starts refused', () => {
    const declaration = harborDeclaration();
    const essential = declaration.categories.find((category) => category.id === 'HB-ESS')!;
    essential.hosts.push('stats.g.doubleclick.net');
    const site = declaredSite(declaration, 'www.harbor.example', new Date(NOW), disputedHosts(declaration, bundled));
    const disputed = site.categories.find((category) => category.id === DISPUTED_CATEGORY)!;
    expect(disputed).toMatchObject({ refusable: true, defaultAllowed: false });
    expect(site.trackers.find((tracker) => tracker.hosts.includes('stats.g.doubleclick.net'))?.category).toBe(DISPUTED_CATEGORY);
  });
});

test('the summary counts distinct cookies and hosts, in the site words', () => {
  const summary = summarize(harborDeclaration(), []);
  expect(summary).toMatchObject({ consentManager: 'OneTrust', cookies: 3, hosts: 3 });
  expect(summary.categories.map((category) => [category.name, category.alwaysActive, category.cookies, category.hosts])).toEqual([
    ['Essential', true, 1, 0],
    ['Site statistics', false, 1, 1],
    ['Personalised ads', false, 1, 2],
  ]);
});

test('a later reading names what was added, moved and dropped', () => {
  const before = harbor();
  const declaration = harborDeclaration();
  const [, stats, ads] = declaration.categories;
  stats!.cookies.push('hb_visits');
  ads!.hosts = ads!.hosts.filter((host) => host !== 'px.adgrid-exchange.com');
  stats!.hosts.push('px.adgrid-exchange.com', 'beacon.newstats.example');
  const after = declaredSite(declaration, 'www.harbor.example', new Date(NOW));
  expect(siteChanges(before, after).sort()).toEqual(
    [
      'New cookie “hb_visits” in “Site statistics”',
      'New host “beacon.newstats.example” in “Site statistics”',
      'The host “px.adgrid-exchange.com” moved from “Personalised ads” to “Site statistics”',
    ].sort(),
  );
  expect(siteChanges(before, harbor())).toEqual([]);
});

describe('protected sites in the settings', () => {
  test('protecting keeps the first date and the newest changes first; unprotecting forgets the choices made there', () => {
    const site = harbor();
    const once = protectSite(freshSettings(), site, NOW);
    expect(once.protectedSites['harbor.example']).toEqual({ site, protectedAt: NOW, changes: [] });
    const again = protectSite(once, site, '2026-12-01T00:00:00.000Z', ['New cookie “x” in “Essential”']);
    expect(again.protectedSites['harbor.example']).toMatchObject({ protectedAt: NOW, changes: [{ at: '2026-12-01T00:00:00.000Z' }] });
    const chosen = setSiteChoice(again, 'harbor.example', 'performance-and-analytics', true);
    const gone = unprotectSite(chosen, 'harbor.example');
    expect(gone.protectedSites).toEqual({});
    expect(gone.sites).toEqual({});
  });

  test('a protected site may not overlap a bundled one, and must be kept under its own domain', () => {
    const record = { site: harbor(), protectedAt: NOW, changes: [] };
    expect(protectedSiteProblem('harbor.example', record, ['atlassian.com'])).toBeNull();
    expect(protectedSiteProblem('other.example', record, [])).toMatch(/not other\.example/);
    const atlassian = { ...record, site: { ...record.site, id: 'declared-atlassian-com-x', domains: ['atlassian.com'] } };
    expect(protectedSiteProblem('atlassian.com', atlassian, ['atlassian.com'])).toMatch(/bundled knowledge base/);
    // A bundled site's id would make the index take the record for that site.
    expect(protectedSiteProblem('harbor.example', { ...record, site: { ...record.site, id: 'atlassian' } }, [])).toMatch(
      /id does not name/,
    );
    // A public suffix stands for every site under it.
    const suffix = { ...record, site: { ...record.site, id: 'declared-github-io-x', domains: ['github.io'] } };
    expect(protectedSiteProblem('github.io', suffix, [])).toMatch(/not a registrable domain/);
  });

  test('a record is in the shape a declaration makes: no paths, quotes or more trackers than its categories declare', () => {
    const record = { site: harbor(), protectedAt: NOW, changes: [] };
    expect(v.is(ProtectedSiteSchema, record)).toBe(true);
    const withPath = structuredClone(record);
    withPath.site.trackers[0]!.paths = [{ host: 'harbor.example', prefixes: ['/x'] }] as never;
    expect(v.is(ProtectedSiteSchema, withPath)).toBe(false);
    const many = structuredClone(record);
    many.site.trackers = Array.from({ length: 50 }, (_, n) => ({ ...record.site.trackers[0]!, id: `t-${n}` }));
    expect(v.is(ProtectedSiteSchema, many)).toBe(false);
    const quoting = structuredClone(record);
    quoting.site.sentences = [{ id: 's1', text: 'we value your privacy', document: 'x' }] as never;
    expect(v.is(ProtectedSiteSchema, quoting)).toBe(false);
  });

  test('an export holds the protected sites and imports back; a forged or overlapping one refuses the whole file', () => {
    const settings = protectSite(freshSettings(), harbor(), NOW);
    const text = exportSettings(settings);
    expect(parseImport(text, bundled)).toEqual({ ok: true, settings });
    const forged = JSON.parse(text) as { protectedSites: Record<string, { site: { declared?: unknown; domains: string[] } }> };
    delete forged.protectedSites['harbor.example']!.site.declared;
    expect(parseImport(JSON.stringify(forged), bundled)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^protectedSites\.harbor\.example/),
    });
    const overlapping = JSON.parse(text) as typeof forged;
    overlapping.protectedSites['atlassian.com'] = overlapping.protectedSites['harbor.example']!;
    overlapping.protectedSites['atlassian.com'].site.domains = ['atlassian.com'];
    (overlapping.protectedSites['atlassian.com'].site as unknown as { id: string }).id = 'declared-atlassian-com-x';
    delete overlapping.protectedSites['harbor.example'];
    expect(parseImport(JSON.stringify(overlapping), bundled)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/bundled knowledge base/),
    });
  });

  test('two records with one id cannot be imported together, nor kept from storage', () => {
    const settings = protectSite(freshSettings(), harbor(), NOW);
    const twin = structuredClone(settings.protectedSites['harbor.example']!);
    twin.site.domains = ['harbor-example.test'];
    twin.site.id = settings.protectedSites['harbor.example']!.site.id;
    const file = JSON.parse(exportSettings(settings)) as { protectedSites: Record<string, unknown> };
    file.protectedSites['harbor-example.test'] = twin;
    expect(parseImport(JSON.stringify(file), bundled)).toMatchObject({ ok: false });
    const { settings: kept, recovered } = recoverSettings(file, bundled);
    expect(Object.keys(kept.protectedSites)).toEqual(['harbor.example']);
    expect(recovered).toHaveLength(1);
  });

  test('stored settings drop an invalid protected site, say so, and keep the rest', () => {
    const settings = protectSite(freshSettings(), harbor(), NOW);
    const stored = JSON.parse(exportSettings(settings)) as { protectedSites: Record<string, unknown> };
    stored.protectedSites['bad.example'] = { site: 'not a site', protectedAt: NOW, changes: [] };
    const { settings: recovered, recovered: lines } = recoverSettings(stored, bundled);
    expect(Object.keys(recovered.protectedSites)).toEqual(['harbor.example']);
    expect(lines).toEqual([expect.stringMatching(/^protectedSites\."bad\.example": .*; no longer protected$/)]);
  });
});

test('coverage adds the protected sites to the bundled ones, rebuilt only when they change', () => {
  const coverage = createCoverage(bundled);
  const plain = freshSettings();
  expect(coverage.index(plain).sites).toBe(bundled);
  const settings = protectSite(plain, harbor(), NOW);
  const index = coverage.index(settings);
  expect(index.byDomain.get('harbor.example')?.site.declared?.platform).toBe('onetrust');
  expect(coverage.index({ ...settings, badge: false })).toBe(index);
  expect(coverage.compiled(settings)).toBe(coverage.compiled(settings));
  const rules = coverage.compiled(settings).rules;
  expect(rules.some((rule) => rule.condition.initiatorDomains.includes('harbor.example') && rule.action.type === 'block')).toBe(true);
});
