// The policy compiler's command line.
//   npm run policy -- build                       regenerate src/knowledge/sites/*.json from curated/*.json + sources
//   npm run policy -- verify                      fail when a committed site is not what the sources give
//   npm run policy -- compile <curated.json> [--sources <dir>] [--out <dir>]
// Adding a site is data only: its documents, unchanged, in src/knowledge/sources/<id>/, a curated file naming them
// in src/knowledge/curated/<id>.json, then `build`. Reading and writing the files is src/compiler/files.ts.
import { basename, join, resolve } from 'node:path';
import { coverageReport } from '../src/compiler/coverage';
import { compileFile, curatedFiles, knowledgeDir, verifyCommitted, writeAll } from '../src/compiler/files';

function build(): void {
  const compiled = curatedFiles().map((path) => compileFile(path));
  writeAll(join(knowledgeDir, 'sites'), compiled);
  for (const entry of compiled) console.log(coverageReport(entry.site, entry.documents));
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
    writeAll(resolve(option(rest, '--out') ?? join(knowledgeDir, 'sites')), [compiled]);
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
