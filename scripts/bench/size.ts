// Bundle and store-package sizes, raw and gzipped, from the built dist/ folders.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SizeRow {
  file: string;
  raw: number;
  gzip: number;
}

export function measureSizes(distDir: string): SizeRow[] {
  const rows: SizeRow[] = [];
  for (const target of ['chrome', 'firefox']) {
    for (const bundle of ['bg.js', 'popup.js', 'options.js']) {
      const path = join(distDir, target, bundle);
      const bytes = readFileSync(path);
      rows.push({ file: `${target}/${bundle}`, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
    }
  }
  for (const zip of readdirSync(distDir)
    .filter((name) => name.endsWith('.zip'))
    .sort()) {
    const bytes = readFileSync(join(distDir, zip));
    rows.push({ file: zip, raw: bytes.length, gzip: bytes.length });
  }
  if (!existsSync(distDir)) throw new Error(`${distDir} is missing: run npm run package first`);
  return rows;
}
