import type { DnrRule } from '../../../src/ports/dnr';
import fc from 'fast-check';
import { RULE_IDS } from '../../../src/blocking/dnr-ids';
import { compileRules } from '../../../src/blocking/dnr-rules';
import { freshSettings, type Settings } from '../../../src/settings/settings';
import { setDefaultChoice } from '../../../src/settings/ops';
import { createDnrSync } from '../../../src/blocking/dnr-sync';
import type { DynamicRules } from '../../../src/ports/dnr';
import { MINI } from '../../support/mini-site';

/** A browser rule store that answers after a few turns of the event loop, like the real one, and checks atomicity. */
function fakeBrowserRules({ readBack = (rule: DnrRule): object => structuredClone(rule), initial = [] as DnrRule[] } = {}) {
  let rules: DnrRule[] = structuredClone(initial);
  const written: number[][] = [];
  let updates = 0;
  let inFlight = 0;
  const later = () => new Promise((resolve) => setImmediate(resolve));
  const dnr: DynamicRules = {
    async getDynamicRules() {
      await later();
      return rules.map(readBack) as DnrRule[];
    },
    async updateDynamicRules({ removeRuleIds, addRules }) {
      if (++inFlight > 1) throw new Error('two updates at once');
      await later();
      const kept = rules.filter((rule) => !removeRuleIds.includes(rule.id));
      if (kept.some((rule) => addRules.some((added) => added.id === rule.id))) throw new Error('duplicate rule id');
      rules = [...kept, ...(structuredClone(addRules) as DnrRule[])];
      written.push(addRules.map((rule) => rule.id));
      updates++;
      inFlight--;
    },
  };
  return { dnr, rules: () => rules, updates: () => updates, written };
}

const compile = (settings: Settings) => compileRules([MINI], settings).rules;
const categoryIds = MINI.categories.map((category) => category.id);

test('any burst of changes ends with exactly the rules of the last settings', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(fc.constantFrom(...categoryIds), fc.boolean()), { minLength: 1, maxLength: 12 }),
      async (changes) => {
        const browserRules = fakeBrowserRules();
        const sync = createDnrSync(browserRules.dnr, compile);
        let settings = freshSettings();
        const pending: Array<Promise<void>> = [];
        for (const [category, allowed] of changes) {
          settings = setDefaultChoice(settings, category, allowed);
          pending.push(sync.apply(settings));
        }
        await Promise.all(pending);
        expect(browserRules.rules()).toEqual(compile(settings));
      },
    ),
    { numRuns: 60 },
  );
});

test('a burst is coalesced, and unchanged rules are not rewritten', async () => {
  const browserRules = fakeBrowserRules();
  const sync = createDnrSync(browserRules.dnr, compile);
  const first = setDefaultChoice(freshSettings(), 'functionality', false);
  await Promise.all([sync.apply(freshSettings()), sync.apply(first), sync.apply(setDefaultChoice(first, 'functionality', true))]);
  expect(browserRules.updates()).toBe(1);
  await createDnrSync(browserRules.dnr, compile).apply(freshSettings());
  expect(browserRules.updates()).toBe(1);
});

test('rules read back as Firefox reports them (unset fields null, keys reordered) are not rewritten', async () => {
  const firefoxLike = (rule: DnrRule): object => ({
    condition: { ...rule.condition, regexFilter: null, resourceTypes: null },
    action: rule.action,
    priority: rule.priority,
    id: rule.id,
  });
  const browserRules = fakeBrowserRules({ readBack: firefoxLike });
  await createDnrSync(browserRules.dnr, compile).apply(freshSettings());
  await createDnrSync(browserRules.dnr, compile).apply(freshSettings());
  expect(browserRules.updates()).toBe(1);
});

test('a change rewrites only the rules that differ', async () => {
  const browserRules = fakeBrowserRules();
  const sync = createDnrSync(browserRules.dnr, compile);
  const before = freshSettings();
  await sync.apply(before);
  const after = setDefaultChoice(before, 'research', true);
  await sync.apply(after);
  const changed = compile(after).filter((rule) => !compile(before).some((old) => JSON.stringify(old) === JSON.stringify(rule)));
  expect(browserRules.written[1]).toEqual(changed.map((rule) => rule.id));
  expect(changed.length).toBeLessThan(compile(after).length);
  expect(browserRules.rules()).toEqual(expect.arrayContaining(compile(after)));
  expect(browserRules.rules()).toHaveLength(compile(after).length);
});

test('a sync replaces only rules in its own id range: a rule outside it survives, a stale one inside it goes', async () => {
  const condition = {
    requestDomains: ['elsewhere.example'],
    initiatorDomains: ['mini.test'],
    excludedResourceTypes: ['main_frame' as const],
  };
  const foreign: DnrRule = { id: RULE_IDS.tabSession.first, priority: 1, action: { type: 'allow' }, condition };
  const stale: DnrRule = { id: RULE_IDS.sites.last, priority: 1, action: { type: 'block' }, condition };
  const browserRules = fakeBrowserRules({ initial: [foreign, stale] });
  await createDnrSync(browserRules.dnr, compile).apply(freshSettings());
  expect(browserRules.rules()).toEqual(expect.arrayContaining([foreign, ...compile(freshSettings())]));
  expect(browserRules.rules()).toHaveLength(compile(freshSettings()).length + 1);
  // Refusing nothing leaves no site rule, and still the foreign one.
  const allowAll = categoryIds.reduce((settings, id) => setDefaultChoice(settings, id, true), freshSettings());
  await createDnrSync(browserRules.dnr, compile).apply(allowAll);
  expect(browserRules.rules()).toEqual([foreign]);
});
