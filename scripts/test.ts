// `npm test`: runs the package.json scripts named on its command line (see the "test" script there, the one
// list of stages), in order, stopping at the first failure with the command that reproduces it. A Jest stage
// also writes its JSON results, counted in the closing `tests:` line; a `web-ext lint` stage reports in JSON,
// and any error it finds fails the stage (web-ext itself exits 0 on errors of an unpacked build).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const resultsDir = join(root, '.cache/test-results');
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

interface Outcome {
  /** What the stage adds to its summary line. */
  note?: string;
  failure: string | null;
}

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/** `npm run <name> -- <extra>`, with npm's own banner on; stdout piped only when the stage's output is read. */
function npmRun(name: string, extra: string[], captureStdout = false): { status: number | null; signal: string | null; stdout: string } {
  const result = spawnSync('npm', ['run', ...(captureStdout ? ['--silent'] : []), name, ...(extra.length > 0 ? ['--', ...extra] : [])], {
    cwd: root,
    stdio: ['inherit', captureStdout ? 'pipe' : 'inherit', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout ?? '' };
}

const exitFailure = (result: { status: number | null; signal: string | null }): string | null =>
  result.status === 0 ? null : `exit code ${result.status ?? result.signal}`;

const jestResults = (name: string): string => join(resultsDir, `${name.replaceAll(':', '-')}.json`);

function runJest(name: string): Outcome {
  const results = jestResults(name);
  const result = npmRun(name, ['--json', `--outputFile=${results}`]);
  return { note: countsLine(jestCounts([results])), failure: exitFailure(result) };
}

interface WebExtFinding {
  code: string;
  message: string;
  file?: string;
}

/** web-ext exits 0 with warnings, and with errors too; errors fail the stage. Every finding is listed. */
function runWebExtLint(name: string): Outcome {
  const result = npmRun(name, ['--output', 'json'], true);
  let report: {
    summary: { errors: number; warnings: number; notices: number };
    errors: WebExtFinding[];
    warnings: WebExtFinding[];
    notices: WebExtFinding[];
  };
  try {
    report = JSON.parse(result.stdout) as typeof report;
  } catch {
    process.stdout.write(result.stdout);
    return { failure: exitFailure(result) ?? 'web-ext printed no JSON report' };
  }
  for (const kind of ['errors', 'warnings', 'notices'] as const) {
    for (const finding of report[kind])
      console.log(`  ${kind.slice(0, -1)} ${finding.code}: ${finding.message} (${finding.file ?? 'manifest'})`);
  }
  const { errors, warnings, notices } = report.summary;
  return {
    note: `${errors} errors, ${warnings} warnings, ${notices} notices`,
    failure: errors > 0 ? `${errors} web-ext lint error(s)` : exitFailure(result),
  };
}

function runStage(name: string): Outcome {
  const command = scripts[name]!;
  if (/(^|\s)jest\s/.test(command)) return runJest(name);
  if (/(^|\s)web-ext lint\s/.test(command)) return runWebExtLint(name);
  return { failure: exitFailure(npmRun(name, [])) };
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

function main(stages: string[]): void {
  const unknown = stages.filter((name) => !(name in scripts));
  if (stages.length === 0 || unknown.length > 0) {
    console.error(
      `usage: tsx scripts/test.ts <package.json script>...${unknown.length > 0 ? ` (no script named ${unknown.join(', ')})` : ''}`,
    );
    process.exit(2);
  }
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  const allTests = (): string => `tests: ${countsLine(jestCounts(stages.map(jestResults)))}`;
  const done: string[] = [];
  for (const name of stages) {
    console.log(`\n▶ ${name}: ${scripts[name]}`);
    const started = Date.now();
    const { note, failure } = runStage(name);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (failure) {
      for (const line of done) console.log(line);
      console.error(`✗ ${name} failed after ${seconds}s: ${failure}`);
      console.error(`  reproduce: npm run ${name}`);
      console.log(allTests());
      process.exit(1);
    }
    done.push(`✓ ${name} (${seconds}s)${note ? `: ${note}` : ''}`);
  }
  console.log('\nnpm test summary');
  for (const line of done) console.log(line);
  console.log(allTests());
}

main(process.argv.slice(2));
