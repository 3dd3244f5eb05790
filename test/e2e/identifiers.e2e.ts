// Every way a covered page stores an identifier, beyond its own document.cookie: the Cookie Store API, same-origin
// about:blank and srcdoc frames, localStorage and sessionStorage (written by the page, or already there when it
// starts), and HttpOnly cookies the site's own server sets (server-side tagging). Judged by the cookie jar, the
// Cookie header of the page's next request in the replica's log, the storages read from the
// page after load, and the popup's count of what the shield dropped. The page is the covered page's identifiers
// variant (replica/identifiers.ts); every scenario also runs without the extension, where all of it is stored.
import { refusedCategories } from '../../src/settings/choices';
import { matchName, namePatterns } from '../../src/knowledge/cookie-names';
import { freshSettings } from '../../src/settings/settings';
import { shieldDataByCategory } from '../../src/cookie-shield/shield-plan';
import { loadSites } from '../../src/knowledge/load';
import { concreteCookieName, describeInBrowsers, type JarCookie, type Replica, type TestBrowser, type TestPage } from './harness';
import { tabOfVisit } from './harness/tabs';
import { identifierWrites, KEPT_STORAGE_KEY } from './replica/identifiers';
import { ready, send } from './harness/messages';

const site = loadSites()[0]!;
const refused = new Set(refusedCategories(site, freshSettings(), site.domains[0]!));
const data = [...shieldDataByCategory(site).values()];
/** Name or key → its category, for the categories refused by default. */
const refusedCookieNames = namePatterns(
  data.filter((entry) => refused.has(entry.category)).flatMap((entry) => entry.cookies.map((name) => [name, entry.category] as const)),
);
const refusedStorageKeys = namePatterns(
  data.filter((entry) => refused.has(entry.category)).flatMap((entry) => entry.storage.map((key) => [key, entry.category] as const)),
);

const writes = identifierWrites(site);
const refusedWrites = writes.cookies.filter((cookie) => matchName(refusedCookieNames, cookie.name) !== undefined);
const allowedWrites = writes.cookies.filter((cookie) => matchName(refusedCookieNames, cookie.name) === undefined);
const refusedKeys = writes.storage.filter((key) => matchName(refusedStorageKeys, key) !== undefined);
const serverCookies = site.trackers.flatMap((tracker) => (tracker.serverCookies?.names ?? []).map(concreteCookieName));

const jarNames = (jar: JarCookie[]): string[] => jar.map((cookie) => cookie.name);
/** "name=value" of the jar's cookies on the covered site among `names`, sorted. */
const jarValues = (jar: JarCookie[], names: readonly string[]): string[] =>
  jar
    .filter((cookie) => names.includes(cookie.name) && site.domains.some((domain) => cookie.domain.replace(/^\./, '').endsWith(domain)))
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .sort();
const names = (cookies: typeof writes.cookies): string[] => cookies.map((cookie) => cookie.name);
const written = (cookies: typeof writes.cookies): string[] => cookies.map(({ name, way }) => `${name}=${way}`).sort();

/** Keys of both storages, as the page sees them. */
async function storageKeys(page: TestPage): Promise<{ local: string[]; session: string[] }> {
  return page.evaluate(() => ({ local: Object.keys(localStorage).sort(), session: Object.keys(sessionStorage).sort() }));
}

/**
 * Opens a page of the covered site that loads nothing (the replica's /__blank, which the shield covers as any page
 * of the site) in the visit's tab, tagged `visit`: the next page start, and its document request.
 */
async function nextPage(replica: Replica, page: TestPage, visit: string): Promise<void> {
  await page.goto(new URL(`/__blank?visit=${visit}`, replica.coveredPage()).href);
}

/** Reads the jar until `done` says so or the deadline passes; returns the last jar read either way. */
async function jarUntil(browser: TestBrowser, done: (jar: JarCookie[]) => boolean, deadlineMs = 20_000): Promise<JarCookie[]> {
  const deadline = Date.now() + deadlineMs;
  let jar = await browser.cookies();
  while (!done(jar) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    jar = await browser.cookies();
  }
  return jar;
}

/**
 * The removed-cookie count a category's popup row shows once it reaches `atLeast` (reports arrive one page task at
 * a time), or the last one shown when a minute has passed.
 */
async function removedCount(popup: TestPage, category: string, atLeast: number): Promise<number> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const text = (await popup.text(`li.category:has(input[name="${category}"]) .counts`)) ?? '';
    const shown = Number(/(\d+) cookies? removed/.exec(text)?.[1] ?? 0);
    if (shown >= atLeast || Date.now() > deadline) return shown;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** What the popup lists as stopped under a category: each thing's name and its line (closed details included). */
async function stoppedThings(popup: TestPage, category: string): Promise<Array<{ what: string; line: string }>> {
  return popup.evaluate(
    (css) =>
      [...document.querySelectorAll(css)].map((item) => ({
        what: item.querySelector('code')?.textContent ?? '',
        line: item.textContent ?? '',
      })),
    `li.category:has(input[name="${category}"]) .stopped li.thing`,
  );
}

describeInBrowsers('every way a page stores an identifier', (suite) => {
  test('the identifiers page writes refused and allowed cookies in every way, and refused storage keys', () => {
    expect(new Set(refusedWrites.map((cookie) => cookie.way)).size).toBe(5);
    expect(allowedWrites.length).toBeGreaterThan(0);
    expect(refusedKeys).toEqual(expect.arrayContaining(['ajs_anonymous_id', '_gcl_ls', '_uetsid']));
    expect(serverCookies).toEqual(expect.arrayContaining(['FPID', 'FPLC', 'FPAU', 'FPGCLAW']));
  });

  suite.scenario('cookies from cookieStore.set and same-origin about:blank and srcdoc frames: not stored, not sent next', {
    prepare: ready,
    run: async (browser, replica) => {
      const visit = await browser.visit(replica.identifiersPage());
      const page = await visit.page.evaluate(() => ({
        errors: Reflect.get(window, '__replicaWriteErrors') as string[],
        seen: document.cookie.split('; ').sort(),
      }));
      // Chromium's document.cookie setter reaches the jar asynchronously (a frame's write can trail the page's own
      // report), so the next request is made once the jar holds what this run stores: every write without the
      // extension, the allowed ones with it.
      const stored = browser.extension ? allowedWrites : writes.cookies;
      const jar = await jarUntil(browser, (now) => jarValues(now, names(stored)).length === stored.length);
      const nextVisit = `${visit.id}-next`;
      await visit.page.evaluate(async (url) => (await fetch(url)).status, `/__blank?visit=${nextVisit}`);
      const next = replica.log.find({ visit: nextVisit, path: '/__blank' })[0];
      return { page, jar, next: next?.cookieNames ?? null };
    },
    control: ({ page, jar, next }) => {
      expect(page.errors).toEqual([]);
      expect(
        jarValues(
          jar,
          writes.cookies.map((cookie) => cookie.name),
        ),
      ).toEqual(written(writes.cookies));
      expect(next).toEqual(expect.arrayContaining(refusedWrites.map((cookie) => cookie.name)));
    },
    extension: ({ page, jar, next }) => {
      expect(page.errors).toEqual([]);
      // Not stored even for a moment: the page itself never reads them back, and its next request does not carry them.
      expect(page.seen.filter((pair) => refusedWrites.some((cookie) => pair.startsWith(`${cookie.name}=`)))).toEqual([]);
      expect(next?.filter((name) => refusedWrites.some((cookie) => cookie.name === name))).toEqual([]);
      expect(
        jarValues(
          jar,
          refusedWrites.map((cookie) => cookie.name),
        ),
      ).toEqual([]);
      // Cookies of allowed categories are written in the same ways and stay.
      expect(
        jarValues(
          jar,
          allowedWrites.map((cookie) => cookie.name),
        ),
      ).toEqual(written(allowedWrites));
    },
  });

  suite.scenario('localStorage and sessionStorage keys of refused categories written by the page are not stored', {
    prepare: ready,
    run: async (browser, replica) => storageKeys((await browser.visit(replica.identifiersPage())).page),
    control: ({ local, session }) => {
      expect(local).toEqual([...writes.storage].sort());
      expect(session).toEqual([...writes.storage].sort());
    },
    extension: ({ local, session }) => {
      const kept = writes.storage.filter((key) => !refusedKeys.includes(key)).sort();
      expect(kept).toContain(KEPT_STORAGE_KEY);
      expect(local).toEqual(kept);
      expect(session).toEqual(kept);
    },
  });

  suite.scenario('refused storage keys already there when a page starts are removed (written while the site was paused)', {
    prepare: ready,
    run: async (browser, replica) => {
      if (browser.extension) await send(browser, 'set-site-paused', { domain: site.domains[0]!, paused: true });
      const visit = await browser.visit(replica.identifiersPage());
      const before = await storageKeys(visit.page);
      if (browser.extension) await send(browser, 'set-site-paused', { domain: site.domains[0]!, paused: false });
      await nextPage(replica, visit.page, `${visit.id}-again`);
      return { before, after: await storageKeys(visit.page) };
    },
    control: ({ before, after }) => {
      expect(after).toEqual(before);
      expect(after.local).toEqual(expect.arrayContaining(refusedKeys));
    },
    extension: ({ before, after }) => {
      // Paused, the page stored them all; resumed, the next page start finds none of them, in either storage.
      expect(before.local).toEqual(expect.arrayContaining(refusedKeys));
      expect(before.session).toEqual(expect.arrayContaining(refusedKeys));
      expect(after.local.filter((key) => refusedKeys.includes(key))).toEqual([]);
      expect(after.session.filter((key) => refusedKeys.includes(key))).toEqual([]);
      expect(after.local).toContain(KEPT_STORAGE_KEY);
      expect(after.session).toContain(KEPT_STORAGE_KEY);
    },
  });

  suite.scenario("HttpOnly cookies the site's own server sets for refused trackers are removed, and not sent again", {
    prepare: ready,
    run: async (browser, replica) => {
      const visit = await browser.visit(replica.identifiersPage());
      // With the extension, until the worker has removed them; without, until they are all stored (nothing removes them).
      const gone = (jar: JarCookie[]) => !jarNames(jar).some((name) => serverCookies.includes(name));
      const stored = (jar: JarCookie[]) => serverCookies.every((name) => jarNames(jar).includes(name));
      const jar = await jarUntil(browser, browser.extension ? gone : stored);
      await nextPage(replica, visit.page, `${visit.id}-again`);
      const document = replica.log.find({ visit: `${visit.id}-again`, path: '/__blank' })[0];
      return { jar: jar.filter((cookie) => serverCookies.includes(cookie.name)), next: document?.cookieNames ?? null };
    },
    control: ({ jar, next }) => {
      expect(jar.map((cookie) => cookie.name).sort()).toEqual([...serverCookies].sort());
      expect(jar.every((cookie) => cookie.httpOnly)).toBe(true);
      expect(next).toEqual(expect.arrayContaining(serverCookies));
    },
    extension: ({ jar, next }) => {
      expect(jar).toEqual([]);
      expect(next?.filter((name) => serverCookies.includes(name))).toEqual([]);
    },
  });

  // Chromium only: in Firefox ESR 153 here the worker installs and its cookieStore.set calls resolve without an
  // error, yet no cookie reaches the jar even without the extension (the control run), so there is nothing to remove.
  if (suite.browser === 'chromium') {
    suite.scenario("cookies the site's service worker writes with cookieStore are removed by the worker, as they appear", {
      prepare: ready,
      run: async (browser, replica) => {
        // No content script runs in a service worker: the cookie removal (cookies.onChanged) takes what it writes.
        const visit = await browser.visit(`${replica.identifiersPage()}&worker`);
        const errors = await visit.page.evaluate(() => Reflect.get(window, '__replicaWriteErrors') as string[]);
        const refusedNames = refusedWrites.map((cookie) => cookie.name);
        const fromWorkerIn = (jar: JarCookie[]) => jarValues(jar, names(writes.cookies)).filter((pair) => pair.endsWith('=service-worker'));
        // With the extension, until the worker has removed the refused ones; without, until every write is stored.
        const jar = await jarUntil(browser, (current) =>
          browser.extension ? jarValues(current, refusedNames).length === 0 : fromWorkerIn(current).length === writes.cookies.length,
        );
        return { errors, fromWorker: fromWorkerIn(jar), refused: jarValues(jar, refusedNames) };
      },
      control: ({ errors, fromWorker }) => {
        expect(errors).toEqual([]);
        expect(fromWorker).toEqual(writes.cookies.map(({ name }) => `${name}=service-worker`).sort());
      },
      extension: ({ errors, fromWorker, refused }) => {
        expect(errors).toEqual([]);
        expect(refused).toEqual([]);
        expect(fromWorker).toEqual(allowedWrites.map(({ name }) => `${name}=service-worker`).sort());
      },
    });
  }

  test("with extension: the popup counts the shield's dropped writes on that tab, and names them", async () => {
    const browser = await suite.launch({ extension: true });
    await ready(browser);
    const visit = await browser.visit(suite.replica.identifiersPage());
    const tabId = await tabOfVisit(browser, visit.id);
    const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    // Per refused category, at least each refused cookie write and each refused key written to each storage (the
    // worker's removals of the server-set cookies count there too).
    const counted: Array<[string, number, number]> = [];
    // Per refused category: its storage keys the list names as such, and whether it names a cookie the page wrote
    // (the shield dropped those before the jar, so only its report can name them). The page writes its keys first,
    // so they are among the first names of its first report.
    const named: Array<{ category: string; keys: string[]; cookie: boolean }> = [];
    const expected: typeof named = [];
    for (const category of refused) {
      const cookies = refusedWrites.filter((cookie) => matchName(refusedCookieNames, cookie.name) === category).map(({ name }) => name);
      const keys = refusedKeys.filter((key) => matchName(refusedStorageKeys, key) === category);
      const dropped = cookies.length + keys.length * 2;
      if (dropped === 0) continue;
      counted.push([category, await removedCount(popup, category, dropped), dropped]);
      const listed = await stoppedThings(popup, category);
      const listedAs = (kind: RegExp) => listed.filter(({ line }) => kind.test(line)).map(({ what }) => what);
      named.push({
        category,
        keys: keys.filter((key) => listedAs(/\(storage key\b/).includes(key)),
        cookie: cookies.some((name) => listedAs(/\(cookie\b/).includes(name)),
      });
      expected.push({ category, keys, cookie: cookies.length > 0 });
    }
    await popup.close();
    expect(counted.length).toBeGreaterThan(0);
    for (const [category, shown, dropped] of counted) expect([category, shown >= dropped]).toEqual([category, true]);
    expect(named).toEqual(expected);
  });
});
