// Two sites the knowledge base does not cover, whose consent managers declare their cookies (replica/declared-sites.ts):
// www.harbor-books.com (a fake OneTrust with its own group ids) and www.fjord-travel.com (a fake Cookiebot). Before
// the person protects them, the extension leaves them alone: every declared host is reached and every declared cookie
// and key is kept, with the extension as without it. This is the baseline protected runs are compared to, and it
// proves the fakes: what each page's CMP declares, read in the page by the extension's own reader, covers everything
// the page does, in the category the replica's log names.
import { readDeclarations } from '../../src/protected-sites/page/declarations-page';
import { readDeclaration, type DeclarationResult } from '../../src/protected-sites/declaration';
import { isWithin } from '../../src/shared/hosts';
import {
  DECLARED_SITE_IDS,
  DECLARED_VARIANTS,
  declaredSitePlan,
  describeInBrowsers,
  type DeclaredSiteId,
  type DeclaredSitePlan,
  type DeclaredVariant as Variant,
  type JarCookie,
  type Replica,
  type TestBrowser,
  type Visit,
} from './harness';

interface Observed {
  plan: DeclaredSitePlan;
  visit: Visit;
  jar: JarCookie[];
  storage: string[];
  storageErrors: unknown;
  /** What the extension's reader makes of the page's CMP, in the page. */
  declaration: DeclarationResult;
}

async function observe(browser: TestBrowser, replica: Replica, site: DeclaredSiteId, variant: Variant = 'default'): Promise<Observed> {
  const plan = declaredSitePlan(site, variant);
  const visit = await browser.visit(replica.declaredSitePage(site, variant));
  const { storage, storageErrors } = await visit.page.evaluate(() => ({
    storage: Object.keys(localStorage).sort(),
    storageErrors: Reflect.get(window, '__replicaStorageErrors') ?? null,
  }));
  const declaration = readDeclaration(await visit.page.evaluate(readDeclarations), plan.pageHost);
  return { plan, visit, jar: await browser.cookies(), storage, storageErrors, declaration };
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** What the page did that its declaration does not cover, or covers in another category (empty when it matches). */
function undeclared({ plan, declaration }: Observed): string[] {
  if (!declaration.ok) return [`refused: ${JSON.stringify(declaration.error)}`];
  const category = (id: string) => declaration.declaration.categories.find((candidate) => candidate.id === id);
  const covers = (names: string[], name: string) =>
    names.some((entry) => entry === name || (entry.endsWith('*') && name.startsWith(entry.slice(0, -1))));
  return [
    ...plan.cookies.filter(({ name, category: id }) => !covers(category(id)?.cookies ?? [], name)).map(({ name }) => `cookie ${name}`),
    ...plan.storage.filter(({ key, category: id }) => !category(id)?.storage.includes(key)).map(({ key }) => `key ${key}`),
    ...plan.thirdParties
      .filter(({ host, category: id }) => !(category(id)?.hosts ?? []).some((declared) => isWithin(host, declared)))
      .map(({ host }) => `host ${host}`),
  ];
}

/** Every declared host reached (image and script, in the category the site declares it in), every cookie and key kept. */
function nothingBlocked(observed: Observed, replica: Replica): void {
  const { plan, visit, jar } = observed;
  expect(visit.outcomes.filter(({ outcome }) => outcome !== 'loaded')).toEqual([]);
  const reached = replica.log
    .find({ visit: visit.id })
    .flatMap((entry) => (entry.declaredCategory === null ? [] : [`${entry.host} ${entry.declaredCategory} ${entry.kind}`]));
  expect(sorted(reached)).toEqual(
    sorted(plan.thirdParties.flatMap(({ host, category }) => [`${host} ${category} image`, `${host} ${category} script`])),
  );
  expect(replica.log.declaredHostsSeen({ visit: visit.id })).toEqual(sorted(plan.thirdParties.map(({ host }) => host)));
  expect(replica.log.declaredCategoriesSeen({ visit: visit.id })).toEqual(sorted(plan.thirdParties.map(({ category }) => category)));
  // The fake CMP came from its own host, before the page's script ran.
  expect(replica.log.find({ visit: visit.id, host: plan.cmpHost, role: 'consent-manager' })).toHaveLength(1);

  const inJar = (name: string, domain: string) => jar.some((cookie) => cookie.name === name && cookie.domain === `.${domain}`);
  expect(plan.cookies.filter(({ name }) => !inJar(name, plan.domain))).toEqual([]);
  expect(plan.thirdParties.filter(({ cookie, cookieDomain }) => !inJar(cookie, cookieDomain))).toEqual([]);
  expect(observed.storageErrors).toBeNull();
  expect(observed.storage).toEqual(expect.arrayContaining(plan.storage.map(({ key }) => key)));
  expect(undeclared(observed)).toEqual([]);
}

describeInBrowsers('sites declared by their consent manager, before protection', (suite) => {
  for (const site of DECLARED_SITE_IDS) {
    suite.scenario(`${site}: before protection nothing is blocked`, {
      run: (browser, replica) => observe(browser, replica, site),
      control: nothingBlocked,
      extension: nothingBlocked,
    });
  }

  // The fakes are the same page in every browser: checked in one (Chromium), which keeps the suite's time down.
  (suite.browser === 'chromium' ? test : test.skip)(
    "control: each variant's page loads what it declares; oversized is refused, forged reads as default",
    async () => {
      const browser = await suite.launch();
      const { replica } = suite;
      for (const site of DECLARED_SITE_IDS) {
        const read: Partial<Record<Variant, Observed>> = {};
        for (const variant of DECLARED_VARIANTS) {
          const observed = await observe(browser, replica, site, variant);
          await observed.visit.page.close();
          read[variant] = observed;
          expect([variant, replica.log.declaredHostsSeen({ visit: observed.visit.id })]).toEqual([
            variant,
            sorted(observed.plan.thirdParties.map(({ host }) => host)),
          ]);
        }
        expect([site, undeclared(read.default!), undeclared(read.changed!), undeclared(read.forged!)]).toEqual([site, [], [], []]);
        expect(read.changed!.plan.cookies.length).toBe(read.default!.plan.cookies.length + 1);
        expect(read.changed!.plan.thirdParties.length).toBe(read.default!.plan.thirdParties.length + 1);
        expect(read.oversized!.declaration).toMatchObject({ ok: false, none: false });
        expect(read.forged!.declaration).toEqual(read.default!.declaration);
      }
    },
  );
});
