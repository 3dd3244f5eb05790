import type { TabRule } from '../../../src/ports/dnr';
import { RULE_IDS } from '../../../src/blocking/dnr-ids';
import { compileRules } from '../../../src/blocking/dnr-rules';
import { freshSettings, type Settings } from '../../../src/settings/settings';
import { setSitePaused } from '../../../src/settings/ops';
import { createTabRulesSync } from '../../../src/blocking/tab-rules-sync';
import type { SessionRules } from '../../../src/ports/dnr';
import { MINI } from '../../support/mini-site';

const PAGE = 'https://www.mini.test/';

/** Session rules that answer a few turns later, like the browser's, and refuse two updates at once. */
function fakeSession(initial: TabRule[] = []) {
  let rules = structuredClone(initial);
  let inFlight = 0;
  const later = () => new Promise((resolve) => setImmediate(resolve));
  const session: SessionRules = {
    async getSessionRules() {
      await later();
      return structuredClone(rules);
    },
    async updateSessionRules({ removeRuleIds, addRules }) {
      if (++inFlight > 1) throw new Error('two updates at once');
      await later();
      rules = [...rules.filter((rule) => !removeRuleIds.includes(rule.id)), ...structuredClone(addRules)];
      inFlight--;
    },
  };
  const tabsOf = () => [...new Set(rules.flatMap((rule) => rule.condition.tabIds))].sort((a, b) => a - b);
  return { session, rules: () => rules, tabsOf };
}

function syncOver(session: SessionRules, openTabs: Array<{ tabId: number; url: string | undefined }> = [], settings = freshSettings()) {
  return createTabRulesSync({
    session,
    compile: (current: Settings) => compileRules([MINI], current),
    settings: async () => settings,
    openTabs: async () => openTabs,
  });
}

test('a covered page gets its rules when it starts loading, loses them when the tab leaves or closes', async () => {
  const browser = fakeSession();
  const sync = syncOver(browser.session);
  await sync.navigated(5, PAGE);
  await sync.navigated(6, `${PAGE}other`);
  expect(browser.tabsOf()).toEqual([5, 6]);
  expect(browser.rules().every((rule) => rule.id >= RULE_IDS.tabSession.first && rule.id <= RULE_IDS.tabSession.last)).toBe(true);
  await sync.committed(5, undefined);
  expect(browser.tabsOf()).toEqual([6]);
  await sync.closed(6);
  expect(browser.rules()).toEqual([]);
});

test('on start, the open tabs are read again: a closed tab loses its rules, an open covered one keeps them', async () => {
  const before = fakeSession();
  await syncOver(before.session).navigated(1, PAGE);
  await syncOver(before.session).navigated(2, PAGE);
  const browser = fakeSession(before.rules());
  expect(browser.tabsOf()).toEqual([2]);
  const woken = syncOver(browser.session, [
    { tabId: 3, url: PAGE },
    { tabId: 4, url: undefined },
  ]);
  await woken.apply(freshSettings());
  expect(browser.tabsOf()).toEqual([3]);
});

test('settings changes rewrite the rules; a paused site leaves its tabs without any', async () => {
  const browser = fakeSession();
  const sync = syncOver(browser.session);
  await Promise.all([sync.navigated(1, PAGE), sync.apply(freshSettings())]);
  expect(browser.rules().length).toBeGreaterThan(0);
  await sync.apply(MINI.domains.reduce((settings, domain) => setSitePaused(settings, domain, true), freshSettings()));
  expect(browser.rules()).toEqual([]);
});
