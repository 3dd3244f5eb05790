// The policy compiler's file side, for the command line (scripts/policy.ts) and the tests: reads a curated file
// and its source documents, writes compiled sites all or nothing, and verifies the committed ones.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateSite } from '../knowledge/schema';
import { compileSite, type Compiled } from './compile-site';
import { parseCurated } from './curated';
import { verifySite } from './verify';

export const knowledgeDir = join(__dirname, '../knowledge');

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
  const dir = sourcesDir ?? join(knowledgeDir, 'sources', curated.id);
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
export function writeAll(outDir: string, compiled: readonly Compiled[]): void {
  mkdirSync(outDir, { recursive: true });
  const temporary = compiled.map((entry) => {
    const target = join(outDir, `${entry.site.id}.json`);
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, serialise(entry));
    return { temp, target };
  });
  for (const { temp, target } of temporary) renameSync(temp, target);
}

export function curatedFiles(): string[] {
  const dir = join(knowledgeDir, 'curated');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
}

/** Problems with the committed sites: schema and cites (via a fresh compile), verbatim text, and drift. */
export function verifyCommitted(sitesDir = join(knowledgeDir, 'sites')): string[] {
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
        { text: readText(join(knowledgeDir, 'sources', fresh.site.id, read.curated.source)), format: read.curated.format },
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
