// `npm run bench`: every speed and size figure in one run, each with its target and, where there is one, the named
// peer measured in the same run and the ratio against it. Prints a table and writes artifacts/bench.json. Never
// part of npm test.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSites } from '../src/knowledge/load';
import { startReplica } from '../test/e2e/replica/server';
import { benchExtension, benchPageLoad } from './bench/browser';
import { benchClassification } from './bench/classification';
import { PEER_NAME } from './bench/peer';
import { benchScale, LIMITS } from './bench/scale';
import { measureSizes } from './bench/size';

interface Row {
  figure: string;
  value: string;
  target: string;
  /** What the figure is compared with, by name, and its value in this run. */
  peer: string;
  ratio: string;
  met: boolean;
}

interface Comparison {
  peer?: string;
  ratio?: string;
}

const root = resolve(__dirname, '..');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  // The test builds carry empty.html, the popup's baseline; package then builds and zips the shipped ones.
  execFileSync(join(root, 'node_modules/.bin/tsx'), ['scripts/build.ts', '--test'], { cwd: root, stdio: 'inherit' });
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' });
  const sites = loadSites();
  const rows: Row[] = [];
  const add = (figure: string, value: string, target: string, met: boolean, { peer = '', ratio = '' }: Comparison = {}) =>
    rows.push({ figure, value, target, peer, ratio, met });

  console.log(`classifying 100,000 requests (ours, then ${PEER_NAME})...`);
  const classification = await benchClassification(sites, 100_000);
  // Means, not medians: a median can round to 0 ns once the timer's own cost is taken off, which made the ratio infinite.
  const speedup = classification.peer.mean / classification.ours.mean;
  add('classify p50 (ns/request)', classification.ours.p50.toFixed(0), '≤ 1000', classification.ours.p50 <= 1000, {
    peer: `${PEER_NAME}: ${classification.peer.p50.toFixed(0)}`,
    ratio: `${speedup.toFixed(1)}× faster`,
  });
  add('classify p99 (ns/request)', classification.ours.p99.toFixed(0), '', true, {
    peer: `${PEER_NAME}: ${classification.peer.p99.toFixed(0)}`,
  });
  add('classify mean, whole corpus in one loop (ns)', classification.oursLoopMean.toFixed(0), '', true, {
    peer: `${PEER_NAME}: mean ${classification.peer.mean.toFixed(0)}`,
  });
  add(`speed-up against ${PEER_NAME} (mean per request)`, `${speedup.toFixed(1)}×`, '≥ 10×', speedup >= 10, { peer: PEER_NAME });
  const { agree, knownToBoth } = classification.agreement;
  add('agreement on "is a tracker"', `${agree}/${knownToBoth}`, '', true, {
    peer: `${PEER_NAME}: hosts known to both`,
    ratio: `${((100 * agree) / knownToBoth).toFixed(1)}%`,
  });

  // Trackers are remote third parties: on the real web each answers after a network round trip.
  const trackerLatencyMs = Number(process.env.BENCH_TRACKER_LATENCY_MS ?? 50);
  const replica = await startReplica({ trackerLatencyMs });
  try {
    console.log(`loading pages ${runs}× per mode in headless Chromium (trackers answer after ${trackerLatencyMs} ms)...`);
    for (const row of await benchPageLoad(replica, runs)) {
      const target = row.page === 'covered' ? 0.8 : 1.02;
      add(`page load, ${row.page} (median), with the extension`, ms(row.withMs), `ratio ≤ ${target}`, row.ratio <= target, {
        peer: `Chromium without the extension: ${ms(row.withoutMs)}`,
        ratio: `${row.ratio.toFixed(2)}×`,
      });
    }
    console.log('measuring choice changes, popup and worker memory...');
    const figures = await benchExtension(replica, Math.max(20, runs));
    add('choice change → rules in force p50', ms(figures.choiceToRules.p50), '', true);
    add('choice change → rules in force p95', ms(figures.choiceToRules.p95), '≤ 50 ms', figures.choiceToRules.p95 <= 50);
    const popup = figures.popupFirstRender;
    add('popup open → first render with data p50', ms(popup.fromNavigation.p50), '≤ 50 ms', popup.fromNavigation.p50 <= 50, {
      ratio: `p95 ${ms(popup.fromNavigation.p95)}`,
    });
    add('  of which the popup script (start → render) p50', ms(popup.fromScript.p50), '', true, {
      ratio: `p95 ${ms(popup.fromScript.p95)}`,
    });
    const overEmpty = popup.fromNavigation.p50 / popup.emptyPage.p50;
    add('popup first render ÷ empty extension page (p50)', `${overEmpty.toFixed(2)}×`, '≤ 1.2×', overEmpty <= 1.2, {
      peer: `empty.html (test build), open → load end: ${ms(popup.emptyPage.p50)}`,
      ratio: `p95 ${ms(popup.emptyPage.p95)}`,
    });
    add('worker JS heap after start', `${figures.workerHeap.afterStartMB.toFixed(2)} MB`, '', true);
    add('worker JS heap after the replica scenario', `${figures.workerHeap.afterScenarioMB.toFixed(2)} MB`, '', true);
  } finally {
    await replica.stop();
  }

  for (const size of measureSizes(join(root, 'dist'))) {
    if (size.file.endsWith('.zip')) add(`size ${size.file}`, kb(size.raw), '≤ 250 KB', size.raw <= 250 * 1024);
    else if (size.file.endsWith('popup.js'))
      add(`size ${size.file} gzipped`, kb(size.gzip), '≤ 25 KB', size.gzip <= 25 * 1024, { ratio: `raw ${kb(size.raw)}` });
    else add(`size ${size.file} gzipped`, kb(size.gzip), '', true, { ratio: `raw ${kb(size.raw)}` });
  }

  for (const scale of benchScale(sites[0]!)) {
    const { chromium, firefox } = scale;
    add(
      `dynamic rules for ${scale.sites} ${scale.kind} site(s), unknown cookies ${scale.unknownCookies}`,
      `Chromium ${chromium.rules} (${chromium.unsafeRules} unsafe, ${chromium.regexRules} regex); Firefox ${firefox.rules} (${firefox.regexRules} regex)`,
      `Chromium ≤ ${LIMITS.chromium.dynamic} / ${LIMITS.chromium.unsafeDynamic} / ${LIMITS.chromium.regex}; Firefox ≤ ${LIMITS.firefox.dynamic} / ${LIMITS.firefox.regex}`,
      scale.fits,
    );
  }

  const columns = ['figure', 'value', 'target', 'peer', 'ratio'] as const;
  const widths = columns.map((key) => Math.max(key.length, ...rows.map((row) => row[key].length)));
  const line = (cells: string[]) => cells.map((cell, n) => cell.padEnd(widths[n]!)).join('  ');
  console.log(`\n${line([...columns])}  met`);
  for (const row of rows) console.log(`${line(columns.map((key) => row[key]))}  ${row.target ? (row.met ? 'yes' : 'NO') : ''}`);
  mkdirSync(join(root, 'artifacts'), { recursive: true });
  writeFileSync(
    join(root, 'artifacts/bench.json'),
    JSON.stringify({ date: new Date().toISOString(), runs, trackerLatencyMs, peer: PEER_NAME, rows, classification }, null, 2),
  );
  console.log('\nwritten: artifacts/bench.json');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
