// The Chromium build of an earlier release, made from its commit's tree with this checkout's node_modules and kept
// under dist/release-<commit>/chrome, so the update test can install it and then update it to the current build.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');

/**
 * dist/release-<commit>/chrome, built on first use (about 10 s): `git archive` of the commit into a temp folder, the
 * checkout's node_modules linked in, its own `scripts/build.ts` run there. Throws when the clone lacks the commit (a
 * shallow CI clone): fetch the history (`git fetch --unshallow`) to run the update test.
 */
export function releaseBuild(commit: string): string {
  const cached = join(root, 'dist', `release-${commit}`, 'chrome');
  if (existsSync(join(cached, 'manifest.json'))) return cached;
  try {
    execFileSync('git', ['cat-file', '-e', `${commit}^{commit}`], { cwd: root, stdio: 'ignore' });
  } catch {
    throw new Error(
      `the update test builds release commit ${commit}, which this clone does not have (a shallow clone?): ` +
        'run `git fetch --unshallow` (or clone with full history) first',
    );
  }
  const tree = mkdtempSync(join(tmpdir(), `policy-guard-release-${commit}-`));
  try {
    execFileSync('sh', ['-c', `git archive --format=tar ${commit} | tar -x -C "${tree}"`], { cwd: root, stdio: 'inherit' });
    symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'), 'dir');
    execFileSync(join(root, 'node_modules/.bin/tsx'), ['scripts/build.ts'], { cwd: tree, stdio: 'inherit' });
    cpSync(join(tree, 'dist', 'chrome'), cached, { recursive: true });
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
  return cached;
}
