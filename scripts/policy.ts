// The policy compiler's command line; the only part of it that touches files.
//   npm run policy -- build                       regenerate src/knowledge/sites/*.json from curated/*.json + sources
//   npm run policy -- verify                      fail when a committed site is not what the sources give
//   npm run policy -- compile <curated.json> [--sources <dir>] [--out <dir>]
// Adding a site is data only: its documents, unchanged, in src/knowledge/sources/<id>/, a curated file naming them
// in src/knowledge/curated/<id>.json, then `build`.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { compileSite, type Compiled } from '../src/compiler/compile-site';
import { coverageReport } from '../src/compiler/coverage';
import { parseCurated } from '../src/compiler/curated';
import { verifySite } from '../src/compiler/verify';
import { validateSite } from '../src/core/knowledge';

const root = resolve(__dirname, '..');
const knowledge = join(root, 'src/knowledge');

/** Undecodable bytes become U+FFFD, which the compiler refuses as binary. */
function readText(path: string): string {
  return new TextDecoder('utf-8').decode(readFileSync(path));
}

export function compileFile(curatedPath: string, sourcesDir?: string): Compiled {
  let data: unknown;
  try {
    data = JSON.parse(readText(curatedPath));
  } catch (error) {
    throw new Error(`${curatedPath} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const curated = parseCurated(curatedPath, data);
  const dir = sourcesDir ?? join(knowledge, 'sources', curated.id);
  const sources: Record<string, string> = {};
  for (const doc of curated.documents) {
    const path = join(dir, doc.source);
    if (!existsSync(path)) throw new Error(`${curated.id}: source ${path} does not exist`);
    const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
    if (doc.sha256 && hash !== doc.sha256)
      throw new Error(`${curated.id}: source ${doc.source} has changed (sha256 ${hash}); sources are never edited`);
    sources[doc.source] = readText(path);
  }
  return compileSite(curated, sources);
}

export function serialise(compiled: Compiled): string {
  return `${JSON.stringify(compiled.site, null, 2)}\n`;
}

/** Writes every file or none: each goes to a temporary name first and is renamed only when all are compiled. */
function writeAll(outDir: string, compiled: readonly Compiled[]): void {
  mkdirSync(outDir, { recursive: true });
  const temporary = compiled.map((entry) => {
    const target = join(outDir, `${entry.site.id}.json`);
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, serialise(entry));
    return { temp, target };
  });
  for (const { temp, target } of temporary) renameSync(temp, target);
}

function curatedFiles(): string[] {
  const dir = join(knowledge, 'curated');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
}

function build(): void {
  const compiled = curatedFiles().map((path) => compileFile(path));
  writeAll(join(knowledge, 'sites'), compiled);
  for (const entry of compiled) console.log(coverageReport(entry.site, entry.documents));
}

/** Problems with the committed sites: schema and cites (via a fresh compile), verbatim text, and drift. */
export function verifyCommitted(sitesDir = join(knowledge, 'sites')): string[] {
  const problems: string[] = [];
  const expected = new Set<string>();
  for (const path of curatedFiles()) {
    const fresh = compileFile(path);
    const name = `${fresh.site.id}.json`;
    expected.add(name);
    const committedPath = join(sitesDir, name);
    if (!existsSync(committedPath)) {
      problems.push(`${name} is missing; run npm run policy -- build`);
      continue;
    }
    const committed = readText(committedPath);
    if (committed !== serialise(fresh))
      problems.push(`${name} differs from a fresh compile of its sources; run npm run policy -- build and commit`);
    const parsed = parseSite(name, committed);
    if (!parsed.ok) {
      problems.push(...parsed.errors);
      continue;
    }
    const sources = Object.fromEntries(
      fresh.documents.map((read) => [
        read.curated.id,
        { text: readText(join(knowledge, 'sources', fresh.site.id, read.curated.source)), format: read.curated.format },
      ]),
    );
    problems.push(...verifySite(parsed.site, sources).map((problem) => `${name}: ${problem}`));
  }
  for (const name of readdirSync(sitesDir).filter((file) => file.endsWith('.json'))) {
    if (!expected.has(name)) problems.push(`${name} has no curated file in src/knowledge/curated`);
  }
  return problems;
}

function parseSite(name: string, text: string): ReturnType<typeof validateSite> {
  try {
    const result = validateSite(JSON.parse(text));
    return result.ok ? result : { ok: false, errors: result.errors.map((error) => `${name}: ${error}`) };
  } catch (error) {
    return { ok: false, errors: [`${name} is not JSON: ${(error as Error).message}`] };
  }
}

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}

function main(args: readonly string[]): void {
  const [command, ...rest] = args;
  if (command === 'build') return build();
  if (command === 'verify') {
    const problems = verifyCommitted();
    if (problems.length > 0) throw new Error(`verification failed:\n  ${problems.join('\n  ')}`);
    console.log('policy: every site is verbatim, fully cited and up to date');
    return;
  }
  if (command === 'compile' && rest[0] && !rest[0].startsWith('--')) {
    const sources = option(rest, '--sources');
    const compiled = compileFile(resolve(rest[0]), sources && resolve(sources));
    writeAll(resolve(option(rest, '--out') ?? join(knowledge, 'sites')), [compiled]);
    console.log(coverageReport(compiled.site, compiled.documents));
    return;
  }
  throw new Error('usage: policy build | verify | compile <curated.json> [--sources <dir>] [--out <dir>]');
}

if (basename(process.argv[1] ?? '') === 'policy.ts') {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(`policy: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
