// `npm test`: every check, in order, stopping at the first failure with the command that reproduces it.
// Type-check, unit tests, the knowledge base's verification, the build, web-ext lint, then the end-to-end
// suite in headless Chromium and in headless Firefox ESR.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const bin = (name: string): string => join(root, 'node_modules/.bin', name);

interface Stage {
  name: string;
  command: string[];
  /** Where a Jest stage writes its JSON results, counted in the closing line. */
  results?: string;
  env?: Record<string, string>;
  /** Reads the stage's result beyond its exit code: a line for the summary, and a failure or null. */
  check?: () => { note: string; failure: string | null };
}

const lintReport = join(root, 'dist/web-ext-lint.json');
const resultsDir = join(root, '.cache/test-results');

function jest(name: string, config: string, browsers?: string): Stage {
  const results = join(resultsDir, `${config.replace('.cjs', '')}${browsers ? `-${browsers}` : ''}.json`);
  return {
    name,
    command: [bin('jest'), '--config', config, '--json', `--outputFile=${results}`],
    results,
    check: () => ({ note: countsLine(jestCounts([results])), failure: null }),
    ...(browsers ? { env: { E2E_BROWSERS: browsers } } : {}),
  };
}

const STAGES: Stage[] = [
  { name: 'type-check', command: [bin('tsc'), '--noEmit', '-p', '.'] },
  jest('unit tests', 'jest.config.cjs'),
  { name: 'knowledge base verified', command: [bin('tsx'), 'scripts/policy.ts', 'verify'] },
  { name: 'build (with the Firefox test build)', command: [bin('tsx'), 'scripts/build.ts', '--test'] },
  {
    name: 'web-ext lint dist/firefox',
    command: ['sh', '-c', `"${bin('web-ext')}" lint --source-dir dist/firefox --no-config-discovery --output json > "${lintReport}"`],
    check: lintSummary,
  },
  jest('e2e in Chromium', 'jest.e2e.config.cjs', 'chromium'),
  jest('e2e in Firefox ESR', 'jest.e2e.config.cjs', 'firefox'),
];

/** web-ext exits 0 with warnings; errors fail the stage. The counts go into the closing summary. */
function lintSummary(): { note: string; failure: string | null } {
  if (!existsSync(lintReport)) return { note: 'no report', failure: 'web-ext wrote no report' };
  const report = JSON.parse(readFileSync(lintReport, 'utf8')) as {
    summary: { errors: number; warnings: number; notices: number };
    errors: { code: string; message: string; file?: string }[];
  };
  const { errors, warnings, notices } = report.summary;
  return {
    note: `${errors} errors, ${warnings} warnings, ${notices} notices (report: dist/web-ext-lint.json)`,
    failure: errors === 0 ? null : report.errors.map((error) => `${error.code}: ${error.message} (${error.file ?? 'manifest'})`).join('\n'),
  };
}

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/** Jest's counts from the result files that exist (a stage that did not run wrote none). */
function jestCounts(files: string[]): Counts {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const file of files.filter((path) => existsSync(path))) {
    const result = JSON.parse(readFileSync(file, 'utf8')) as Record<
      'numPassedTests' | 'numFailedTests' | 'numPendingTests' | 'numTodoTests',
      number
    >;
    totals.passed += result.numPassedTests;
    totals.failed += result.numFailedTests;
    totals.skipped += result.numPendingTests + result.numTodoTests;
  }
  return totals;
}

function countsLine({ passed, failed, skipped }: Counts): string {
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}

const allTests = (): string => `tests: ${countsLine(jestCounts(STAGES.flatMap((stage) => stage.results ?? [])))}`;

function main(): void {
  rmSync(lintReport, { force: true });
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  const done: string[] = [];
  for (const stage of STAGES) {
    const shown = stage.command.join(' ').replaceAll(`${root}/`, '');
    console.log(`\n▶ ${stage.name}: ${shown}`);
    const started = Date.now();
    const result = spawnSync(stage.command[0]!, stage.command.slice(1), {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...stage.env },
    });
    const checked = stage.check?.();
    const failure = checked?.failure ?? (result.status === 0 ? null : `exit code ${result.status ?? result.signal}`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (failure) {
      for (const line of done) console.log(line);
      console.error(`✗ ${stage.name} failed after ${seconds}s: ${failure}`);
      const env = Object.entries(stage.env ?? {})
        .map(([key, value]) => `${key}=${value} `)
        .join('');
      console.error(`  reproduce: ${env}${shown}`);
      console.log(allTests());
      process.exit(1);
    }
    done.push(`✓ ${stage.name} (${seconds}s)${checked ? `: ${checked.note}` : ''}`);
  }
  console.log('\nnpm test summary');
  for (const line of done) console.log(line);
  console.log(allTests());
}

main();
