import { createCmpChecker } from '../../../src/consent-manager/checker';
import { choicesOn } from '../../../src/settings/choices';
import { freshSettings } from '../../../src/settings/settings';
import { buildSiteIndex } from '../../../src/knowledge/site-index';
import { loadSites } from '../../../src/knowledge/load';

const sites = loadSites();
/** What OneTrust reports on a page that holds the default choices. */
const HOLDS = { found: true, activeGroups: ',C0001,C0003,', alertBoxClosed: true, bannerShown: false, groups: [] };

function setup() {
  const observations: Array<(value: unknown) => void> = [];
  const checked: number[] = [];
  const checker = createCmpChecker({
    pages: {
      runInDocument: () => new Promise((resolve) => observations.push((result) => resolve({ result, documentId: 'doc-1' }))),
    },
    indexOf: () => buildSiteIndex(sites),
    settings: async () => freshSettings(),
    choicesFor: (site, domain, settings) => choicesOn(site, settings, domain),
    declared: async () => undefined,
    ownInteraction: async (_domain, interact) => {
      await interact();
    },
    onChecked: (tabId) => void checked.push(tabId),
  });
  const observed = async (value: unknown) => {
    while (observations.length === 0) await new Promise((resolve) => setImmediate(resolve));
    observations.shift()!(value);
  };
  return { checker, checked, observed };
}

test("a tab's check is kept for its page and announced", async () => {
  const { checker, checked, observed } = setup();
  const loading = checker.loaded(4, 'https://www.atlassian.com/');
  await observed(HOLDS);
  await loading;
  expect(checker.checkOf(4)).toMatchObject({ verdict: { state: 'verified' } });
  expect(checked).toEqual([4]);
});

test('a check that ends after its tab left the page is dropped, not shown for the next page', async () => {
  const { checker, checked, observed } = setup();
  const loading = checker.loaded(4, 'https://www.atlassian.com/');
  checker.forget(4);
  await observed(HOLDS);
  await loading;
  expect(checker.checkOf(4)).toBeNull();
  expect(checked).toEqual([]);
});

/** OneTrust on a page that shows its banner and believes nothing was answered: a mismatch to repair. */
const ASKS = { found: true, activeGroups: ',C0001,', alertBoxClosed: false, bannerShown: true, groups: [] };

function hostileSetup() {
  const runs: Array<{ func: string; documentId: string | undefined; args: unknown[] }> = [];
  const declared: unknown[] = [];
  let queue: (release: () => void) => void = () => undefined;
  const queued = new Promise<() => void>((resolve) => (queue = resolve));
  const checker = createCmpChecker({
    pages: {
      runInDocument: async (_tab, documentId, func, args) => {
        runs.push({ func: func.name, documentId, args });
        return { result: func.name.startsWith('observe') ? ASKS_WITH_EXTRA : undefined, documentId: documentId ?? 'doc-1' };
      },
    },
    indexOf: () => buildSiteIndex(sites),
    settings: async () => freshSettings(),
    choicesFor: (site, domain, settings) => choicesOn(site, settings, domain),
    declared: async (_domain, groups) => void declared.push(groups),
    // The repair waits in the answerer's queue behind other work, as it does behind a burst of record writes.
    ownInteraction: (_domain, interact) =>
      new Promise<void>((resolve) => {
        queue(() => void interact().then(() => resolve()));
      }),
    onChecked: () => undefined,
  });
  /** Resolves with the function that runs the repair once it waits in the answerer's queue. */
  return { checker, runs, declared, queued };
}

/** A check of `url` whose repair runs as soon as it is queued. */
async function repairedCheck(url: string) {
  const setup = hostileSetup();
  const loading = setup.checker.loaded(4, url);
  (await setup.queued)();
  await loading;
  return setup;
}
const ASKS_WITH_EXTRA = {
  ...ASKS,
  groups: [{ id: 'C0009', name: 'Named by the page', description: '', alwaysActive: true }],
};

test('the tab left the page while the repair waited: nothing is repaired in the page it shows now', async () => {
  const { checker, runs, queued } = hostileSetup();
  const loading = checker.loaded(4, 'https://www.atlassian.com/');
  const release = await queued;
  checker.forget(4);
  release();
  await loading;
  expect(runs.filter(({ func }) => func.startsWith('repair'))).toEqual([]);
  expect(checker.checkOf(4)).toBeNull();
});

test('a group the page names always active beyond the map is never granted through the CMP', async () => {
  const { runs } = await repairedCheck('https://www.atlassian.com/');
  const repairs = runs.filter(({ func }) => func.startsWith('repair'));
  expect(repairs).toHaveLength(1);
  expect(JSON.stringify(repairs[0]!.args)).not.toContain('C0009');
  expect(repairs[0]!.args[1]).not.toBe('AllowAll');
});

test('the repair and the check after it run only in the document observed, and only at its origin', async () => {
  const { runs } = await repairedCheck('https://www.atlassian.com/pricing');
  expect(runs.map(({ func, documentId, args }) => [func, documentId, args.find((arg) => typeof arg === 'string')])).toEqual([
    ['observeOneTrust', undefined, 'https://www.atlassian.com'],
    ['repairOneTrust', 'doc-1', 'https://www.atlassian.com'],
    ['observeOneTrust', 'doc-1', 'https://www.atlassian.com'],
  ]);
});

test('the tab left the page while it was observed: its declared groups are not recorded', async () => {
  const { checker, declared, runs } = hostileSetup();
  const loading = checker.loaded(4, 'https://www.atlassian.com/');
  checker.forget(4);
  await loading;
  expect(runs.map(({ func }) => func)).toEqual(['observeOneTrust']);
  expect(declared).toEqual([]);
});
