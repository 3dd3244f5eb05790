import { freshSettings, type Settings } from '../../../src/settings/settings';
import { setDefaultChoice, setSiteChoice, setSitePaused } from '../../../src/settings/ops';
import { shieldPlan } from '../../../src/cookie-shield/shield-plan';
import { createShieldSync } from '../../../src/cookie-shield/shield-sync';
import type { ContentScripts, DocumentStartScript } from '../../../src/ports/scripting';
import { MINI, twinOf } from '../../support/mini-site';

/** Registered scripts that answer a turn later, reject duplicate ids as the browser does, and count changes. */
type Script = { id: string; js: string[]; matches: string[]; world?: 'MAIN' | 'ISOLATED'; matchOriginAsFallback?: boolean };
function fakeScripting(initial: Script[] = []) {
  let scripts: Script[] = [...initial];
  let changes = 0;
  const later = () => new Promise((resolve) => setImmediate(resolve));
  const registered: DocumentStartScript[][] = [];
  const scripting: ContentScripts = {
    async getRegisteredContentScripts() {
      await later();
      // Firefox reports paths with a leading slash.
      return scripts.map((script) => ({ ...script, js: script.js.map((path) => `/${path}`) }));
    },
    async unregisterContentScripts({ ids }) {
      await later();
      scripts = scripts.filter((script) => !ids.includes(script.id));
      changes++;
    },
    async registerContentScripts(added) {
      await later();
      if (added.some((script) => scripts.some((existing) => existing.id === script.id))) throw new Error('duplicate id');
      scripts = [...scripts, ...added.map(({ id, js, matches, world }) => ({ id, js, matches, world }))];
      registered.push(added);
      changes++;
    },
  };
  return { scripting, scripts: () => scripts, changes: () => changes, registered };
}

const plan = (settings: Settings) => shieldPlan([MINI], settings);

test('a burst of changes ends with the last plan registered, in the main world at document start', async () => {
  const fake = fakeScripting([{ id: 'other', js: ['x.js'], matches: ['*://*.other.test/*'] }]);
  const sync = createShieldSync(fake.scripting, plan);
  const paused = setSitePaused(setSitePaused(freshSettings(), 'mini.test', true), 'mini-cdn.net', true);
  const last = setDefaultChoice(freshSettings(), 'functionality', false);
  await Promise.all([sync.apply(freshSettings()), sync.apply(paused), sync.apply(last)]);
  expect(fake.scripts()).toEqual([{ id: 'other', js: ['x.js'], matches: ['*://*.other.test/*'] }, ...plan(last)]);
  expect(fake.registered.flat()[0]).toMatchObject({
    world: 'MAIN',
    runAt: 'document_start',
    allFrames: true,
    matchOriginAsFallback: true,
    persistAcrossSessions: true,
  });
});

test('an unchanged plan touches nothing; a paused site loses its shield', async () => {
  const fake = fakeScripting();
  await createShieldSync(fake.scripting, plan).apply(freshSettings());
  expect(fake.changes()).toBe(1);
  // A woken worker finds the same registration and leaves it.
  await createShieldSync(fake.scripting, plan).apply(freshSettings());
  expect(fake.changes()).toBe(1);
  await createShieldSync(fake.scripting, plan).apply(
    setSitePaused(setSitePaused(freshSettings(), 'mini.test', true), 'mini-cdn.net', true),
  );
  expect(fake.scripts()).toEqual([]);
});

test('a change re-registers only the scripts that differ', async () => {
  const fake = fakeScripting();
  const twoSites = (settings: Settings) => shieldPlan([MINI, twinOf(MINI, 'twin', ['twin.test'])], settings);
  const sync = createShieldSync(fake.scripting, twoSites);
  await sync.apply(freshSettings());
  const refusedMore = setSiteChoice(freshSettings(), 'twin.test', 'functionality', false);
  await sync.apply(refusedMore);
  expect(fake.registered[1]?.map((script) => script.id)).toEqual(['shield-twin']);
  expect(fake.scripts()).toEqual(expect.arrayContaining(twoSites(refusedMore)));
  expect(fake.scripts()).toHaveLength(4);
});

test('a registration an earlier version made without matchOriginAsFallback is made again', async () => {
  const [main, relay] = plan(freshSettings());
  const fake = fakeScripting([{ ...main!, matchOriginAsFallback: false }, relay!]);
  await createShieldSync(fake.scripting, plan).apply(freshSettings());
  expect(fake.registered.flat().map((script) => [script.id, script.matchOriginAsFallback])).toEqual([['shield-mini', true]]);
});
