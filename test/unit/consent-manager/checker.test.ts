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
    pages: { runInMainWorld: () => new Promise((resolve) => observations.push(resolve)) },
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
