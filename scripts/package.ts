// `npm run package`: builds, then zips dist/chrome and dist/firefox for their stores (dist/policy-guard-*.zip).
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');

function run(command: string, args: string[]): void {
  const result = spawnSync(join(root, 'node_modules/.bin', command), args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed (exit code ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

run('tsx', ['scripts/build.ts']);
for (const target of ['chrome', 'firefox']) {
  // web-ext build only zips the folder (it needs no network and no signing).
  run('web-ext', [
    'build',
    '--source-dir',
    `dist/${target}`,
    '--artifacts-dir',
    'dist',
    '--filename',
    `policy-guard-${target}.zip`,
    '--overwrite-dest',
    '--no-config-discovery',
  ]);
}
