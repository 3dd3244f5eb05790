/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://www.shop.example/"}
 */
// A consent manager the product does not have, registered through the registry alone: it is found in the page, its
// declaration read into a site, its record answered and its own API verified, by the generic code unchanged.
import { cmpAnswer } from '../../../src/consent-manager/answer';
import { createCmpAnswerer } from '../../../src/consent-manager/answerer';
import { createCmpChecker } from '../../../src/consent-manager/checker';
import { place, sorted, type DeclaredCategory } from '../../../src/consent-manager/declared';
import type { ConsentManagerPlatform, DetectDescriptor } from '../../../src/consent-manager/platform';
import { createRegistry, registry as productRegistry } from '../../../src/consent-manager/registry';
import { observeDeclaration, readDeclaration } from '../../../src/protected-sites/declaration';
import { declaredSite } from '../../../src/protected-sites/declared-site';
import { buildSiteIndex } from '../../../src/knowledge/site-index';
import { choicesOn } from '../../../src/settings/choices';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';
import type { JarCookie, NewCookie } from '../../../src/ports/cookies';
import { loadSites } from '../../../src/knowledge/load';

interface TestCmpCategory {
  id: string;
  name: string;
  alwaysActive?: boolean;
  cookies?: string[];
  hosts?: string[];
}

/** A made-up CMP: `window.TestCmp` lists its categories and keeps what it believes, its record is `tc_consent`. */
const testCmp: ConsentManagerPlatform = {
  id: 'testcmp',
  name: 'Test CMP',
  detect: { globals: ['TestCmp'], scriptHosts: ['cdn.testcmp.example'] },
  declarations: {
    readInPage(detect: DetectDescriptor) {
      const api: unknown = Reflect.get(window, detect.globals[0]!);
      const categories: unknown = typeof api === 'object' && api !== null ? Reflect.get(api, 'categories') : undefined;
      return Array.isArray(categories) ? { platform: 'testcmp', version: '7', categories } : { platform: null };
    },
    read(observed, site) {
      const categories = Reflect.get(Object(observed), 'categories') as TestCmpCategory[];
      return {
        version: String(Reflect.get(Object(observed), 'version')),
        categories: categories.map((category): DeclaredCategory => {
          const cookies = new Set<string>();
          const hosts = new Set<string>();
          for (const name of category.cookies ?? []) place(name, site, site, cookies, hosts);
          for (const host of category.hosts ?? []) place('', host, site, cookies, hosts);
          return {
            id: category.id,
            name: category.name,
            description: '',
            alwaysActive: category.alwaysActive === true,
            standard: category.id === 'tc-ess' ? 'strictly-necessary' : null,
            cookies: sorted(cookies),
            storage: [],
            hosts: sorted(hosts),
          };
        }),
      };
    },
    standardOf: (id) => (id === 'tc-ess' ? 'strictly-necessary' : null),
    answerGroups: (categories, domain) => ({
      map: categories.map(({ declared, id }) => ({ id: declared.id, category: id })),
      reason: `the test CMP's categories on ${domain}`,
    }),
  },
  record: {
    cookieNames: ['tc_consent'],
    plan(consentManager, domain, allowed, _stored, clock) {
      const answer = cmpAnswer(consentManager, allowed);
      const value = [...answer.groups].map(([id, consented]) => `${id}=${consented ? 1 : 0}`).join('|');
      return { writes: [{ name: 'tc_consent', value, domain, expires: clock.now.getTime() / 1000 + 60 }], answer, problems: [] };
    },
    heeded: (_all, canonical) => canonical[0],
    person: () => null,
    marks: () => ({}),
  },
  api: {
    async observe() {
      return { believes: Reflect.get(Reflect.get(window, 'TestCmp') as object, 'believes') as unknown };
    },
    repairInPage(_origin, _call, groups) {
      Reflect.set(Reflect.get(window, 'TestCmp') as object, 'believes', Object.fromEntries(groups));
    },
    declaredGroups: () => [],
    verify(answer, observation) {
      const believes = Reflect.get(Object(observation), 'believes') as Record<string, boolean>;
      const differs = [...answer]
        .filter(([group, told]) => (believes[group] === true) !== told)
        .map(([group, told]) => ({ group, told, believes: believes[group] === true }));
      return differs.length === 0 ? { state: 'verified' } : { state: 'mismatch', differs, bannerShown: false };
    },
    repair: (answer) => ({ call: 'Set', groups: [...answer], interactions: 1 }),
    interactions: () => 0,
  },
};

const registry = createRegistry([...productRegistry.platforms, testCmp]);

beforeEach(() =>
  Reflect.set(window, 'TestCmp', {
    categories: [
      { id: 'tc-ess', name: 'Essential', alwaysActive: true, cookies: ['tc_session'] },
      { id: 'tc-ads', name: 'Adverts', cookies: ['tc_ad'], hosts: ['px.tracker.example'] },
    ],
    believes: {},
  }),
);

async function protectedTestSite() {
  const observed = await observeDeclaration(async (read, args) => read(...args), registry);
  const result = readDeclaration(observed, 'www.shop.example', registry);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return { declaration: result.declaration, site: declaredSite(result.declaration, 'www.shop.example', new Date(), [], registry) };
}

test('it is detected in the page and its declaration read into a site answered by its own ids', async () => {
  const { declaration, site } = await protectedTestSite();
  expect(declaration).toMatchObject({ platform: 'testcmp', name: 'Test CMP', version: '7' });
  expect(declaration.categories.map(({ id, cookies, hosts }) => ({ id, cookies, hosts }))).toEqual([
    { id: 'tc-ess', cookies: ['tc_session'], hosts: [] },
    { id: 'tc-ads', cookies: ['tc_ad'], hosts: ['px.tracker.example'] },
  ]);
  expect(site.consentManager).toMatchObject({
    name: 'Test CMP',
    platform: 'testcmp',
    hosts: ['cdn.testcmp.example'],
    cookies: ['tc_consent'],
    groups: {
      map: [
        { id: 'tc-ess', category: 'strictly-necessary' },
        { id: 'tc-ads', category: 'cmp-tc-ads' },
      ],
    },
  });
});

test('the product registry does not know it: the same page reads as no consent manager', async () => {
  expect(await observeDeclaration(async (read, args) => read(...args))).toEqual({ platform: null });
});

test('its record is written with the person’s choices, and its own API is verified and repaired', async () => {
  const { site } = await protectedTestSite();
  const writes: NewCookie[] = [];
  const jar = {
    cookiesIn: async (): Promise<JarCookie[]> => [],
    set: async (cookie: NewCookie) => void writes.push(cookie),
    remove: async () => undefined,
  };
  // jsdom has no structuredClone (freshSettings).
  const settings: Settings = JSON.parse(JSON.stringify(DEFAULT_SETTINGS));
  const choicesFor = (answered: typeof site, domain: string) => choicesOn(answered, settings, domain);
  const answerer = createCmpAnswerer({
    jar,
    sitesOf: () => [site],
    choicesFor,
    settings: async () => settings,
    clock: () => ({ now: new Date('2026-11-30T10:00:00Z'), newConsentId: () => 'id' }),
    session: { get: async () => ({}), set: async () => undefined },
    refuse: async () => settings,
    questionChanged: () => undefined,
    report: (error) => {
      throw error;
    },
    registry,
  });
  await answerer.apply(settings);
  expect(writes).toEqual([{ name: 'tc_consent', value: 'tc-ess=1|tc-ads=0', domain: 'shop.example', expires: 1796032860 }]);

  const checker = createCmpChecker({
    pages: { runInDocument: async (_tab, _document, func, args) => ({ result: await func(...args), documentId: 'doc-1' }) },
    indexOf: () => buildSiteIndex([site]),
    settings: async () => settings,
    choicesFor,
    declared: async () => undefined,
    ownInteraction: async (_domain, interact) => {
      await interact();
    },
    onChecked: () => undefined,
    registry,
  });
  await checker.loaded(3, 'https://www.shop.example/cart');
  expect(checker.checkOf(3)).toEqual({
    verdict: { state: 'verified' },
    repaired: {
      call: 'Set',
      before: {
        state: 'mismatch',
        differs: [{ group: 'tc-ess', told: true, believes: false }],
        bannerShown: false,
      },
    },
    unmapped: [],
  });
});

test('every consent manager the knowledge base names is a registered platform', () => {
  const named = loadSites().flatMap(({ consentManager }) => (consentManager.platform === undefined ? [] : [consentManager.platform]));
  expect(named.length).toBeGreaterThan(0);
  for (const id of named) expect(productRegistry.of(id)?.id).toBe(id);
  expect(productRegistry.of('no-such-cmp')).toBeUndefined();
});
