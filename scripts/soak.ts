// `npm run soak`: the long soak in headless Chromium, bounded by its load count (SOAK_LOADS, default 200) and
// stopping by itself; prints the totals and exits non-zero on any violation.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { loadSites } from '../src/knowledge/load';
import { launchBrowser, startReplica } from '../test/e2e/harness';
import { soak } from '../test/e2e/soak/soak';

const root = resolve(__dirname, '..');

async function main(): Promise<void> {
  const loads = Number(process.env.SOAK_LOADS ?? 200);
  const workerStops = Math.max(20, Math.floor(loads / 10));
  const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  const seed = Number(process.env.SOAK_SEED ?? Date.now() % 100_000);
  console.log(`soak: ${loads} loads, ${workerStops} worker stops, seed ${seed} (SOAK_SEED=${seed} repeats this run)`);
  const site = loadSites()[0]!;
  const replica = await startReplica();
  const browser = await launchBrowser('chromium', { replica, extension: true });
  try {
    const totals = await soak(browser, replica, site, { loads, workerStops, seed, progress: (line) => console.log(line) });
    console.log('\nsoak totals:', JSON.stringify({ ...totals, violations: totals.violations.length }, null, 2));
    for (const violation of totals.violations) console.error(`violation: ${violation}`);
    process.exitCode = totals.violations.length === 0 ? 0 : 1;
  } finally {
    await browser.close();
    await replica.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
