import { createDeclaredShield } from '../../../src/cookie-shield/declared-shield';
import { declaredSite } from '../../../src/protected-sites/declared-site';
import { createCoverage, protectSite } from '../../../src/protected-sites/protected-sites';
import { freshSettings, type Settings } from '../../../src/settings/settings';
import { setSitePaused } from '../../../src/settings/ops';
import { SHIELD_GLOBAL } from '../../../src/cookie-shield/shield-global';
import { loadSites } from '../../../src/knowledge/load';
import { harborDeclaration } from '../protected-sites/observations';

const bundled = loadSites();
const coverage = createCoverage(bundled);
const protectedSettings = protectSite(
  freshSettings(),
  declaredSite(harborDeclaration(), 'www.harbor.example', new Date()),
  '2026-11-30T12:00:00.000Z',
);

// Frames a harbor.example page may hold, as their isolated worlds read their origins: only the first three are its own.
const FRAME_ORIGINS = [
  'https://www.harbor.example',
  'https://cdn.harbor.example:8443',
  'http://harbor.example',
  'https://www.youtube.com',
  'https://harbor.example.evil.test',
  'https://notharbor.example',
  'null',
  '',
];

function setup(settings: Settings) {
  const injected: Array<{ tabId: number; args: unknown[]; files: { main: string[]; isolated: string[] }; frames: boolean[] }> = [];
  const shield = createDeclaredShield({
    pages: {
      injectEarly: async (tabId, ownFrame, _func, args, files) =>
        void injected.push({ tabId, args, files, frames: FRAME_ORIGINS.map(ownFrame) }),
    },
    indexOf: coverage.index,
    settings: async () => settings,
  });
  return { shield, injected };
}

test("a protected site's committed page gets the shield with its refused categories' names, in its own frames only", async () => {
  const { shield, injected } = setup(protectedSettings);
  await shield(4, 'https://www.harbor.example/books');
  expect(injected).toEqual([
    {
      tabId: 4,
      args: [
        SHIELD_GLOBAL,
        [
          { category: 'performance-and-analytics', cookies: ['hb_stats'], storage: [] },
          { category: 'targeting-or-advertising', cookies: ['hb_ad_*'], storage: [] },
        ],
      ],
      files: { main: ['cookie-shield.js'], isolated: ['shield-relay.js'] },
      frames: [true, true, true, false, false, false, false, false],
    },
  ]);
});

test('nothing is injected on a bundled site (its shield is registered), a paused domain, or an uncovered page', async () => {
  const { shield, injected } = setup(setSitePaused(protectedSettings, 'harbor.example', true));
  await shield(4, 'https://www.harbor.example/');
  await shield(4, 'https://www.atlassian.com/');
  await shield(4, 'https://www.elsewhere.example/');
  await shield(4, undefined);
  expect(injected).toEqual([]);
});
