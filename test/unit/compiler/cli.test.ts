// The command line, run as a user runs it: it writes the compiled site, or on bad input nothing at all.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileFile, serialise } from '../../../src/compiler/files';

const root = join(__dirname, '../../..');
const fixtures = join(root, 'test/fixtures/policies');
const pinecone = join(fixtures, 'pinecone');

function policy(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/policy.ts'), ...args], {
    encoding: 'utf8',
  });
}

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'policy-cli-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

it('compiles a curated file from another directory to a given output directory', () => {
  const out = join(work, 'out');
  const run = policy('compile', join(pinecone, 'curated.json'), '--sources', join(pinecone, 'sources'), '--out', out);
  expect(run.stderr).not.toMatch(/policy:/);
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/pinecone: 26 sentences, 4 categories, 2 trackers/);
  expect(run.stdout).toMatch(/100\.0% of 19 non-noise sentences assigned/);
  expect(readFileSync(join(out, 'pinecone.json'), 'utf8')).toBe(
    serialise(compileFile(join(pinecone, 'curated.json'), join(pinecone, 'sources'))),
  );
});

it('verifies the committed knowledge base', () => {
  const run = policy('verify');
  expect(run.stderr).toBe('');
  expect(run.stdout).toContain('every site is verbatim, fully cited and up to date');
  expect(run.status).toBe(0);
});

it('explains its usage when the command is unknown', () => {
  const run = policy('compiel');
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('usage: policy build | verify | compile <curated.json>');
});

describe('bad input: a clear error, a non-zero exit and nothing written', () => {
  const curated = JSON.parse(readFileSync(join(pinecone, 'curated.json'), 'utf8'));

  function compileWith(noticeFile: string, change: (data: typeof curated) => void = () => {}) {
    const sources = join(work, 'sources');
    const out = join(work, 'out');
    spawnSync('mkdir', ['-p', sources, out]);
    copyFileSync(join(pinecone, 'sources/policy.txt'), join(sources, 'policy.txt'));
    copyFileSync(noticeFile, join(sources, 'notice.md'));
    const data = structuredClone(curated);
    change(data);
    writeFileSync(join(work, 'curated.json'), JSON.stringify(data));
    const run = policy('compile', join(work, 'curated.json'), '--sources', sources, '--out', out);
    return { ...run, written: readdirSync(out) };
  }

  it.each([
    ['empty.txt', 'notice.md is empty'],
    ['binary.txt', 'notice.md is binary, not text'],
    ['html-without-text.html', 'notice.md is HTML without any text'],
    ['unknown-format.txt', 'notice.md is in an unknown format'],
  ])('%s', (name, message) => {
    const run = compileWith(join(fixtures, 'bad', name));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`policy: ${message}`);
    expect(run.written).toEqual([]);
  });

  it('a quote that is not in its source', () => {
    const run = compileWith(join(pinecone, 'sources/notice.md'), (data) => {
      data.trackers[0].quote = 'plausible never sets cookies';
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('quote "plausible never sets cookies" is not verbatim in notice.md');
    expect(run.written).toEqual([]);
  });

  it('a source that no longer matches its pinned hash', () => {
    const run = compileWith(join(pinecone, 'sources/notice.md'), (data) => {
      data.documents[1].sha256 = '0'.repeat(64);
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('source notice.md has changed');
    expect(run.written).toEqual([]);
  });

  it('a curated file that is not JSON', () => {
    writeFileSync(join(work, 'broken.json'), '{ "id": ');
    const run = policy('compile', join(work, 'broken.json'), '--out', join(work, 'out'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/broken\.json is not JSON/);
    expect(existsSync(join(work, 'out'))).toBe(false);
  });
});
