// Builds dist/chrome and dist/firefox from one source tree: bundles, the merged manifest, pages, icons.
// `--test` also builds the test builds: dist/test-firefox, which exposes the extension pages to web pages so
// WebDriver BiDi (which refuses moz-extension:// navigation) can open them, and dist/test-chrome; both carry
// empty.html, a blank extension page the bench opens as the popup's baseline. The shipped builds carry neither.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateSite, type Site } from '../src/core/knowledge';
import { hostPermissions } from '../src/core/permissions';
import { cookiePatternsByCategory, shieldDataFile, shieldDataScript } from '../src/core/shield-plan';
import { renderIcon } from './icon';

export type Target = 'chrome' | 'firefox';

const root = resolve(__dirname, '..');
const sitesDir = join(root, 'src/knowledge/sites');

export function loadSites(): Site[] {
  return readdirSync(sitesDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const result = validateSite(JSON.parse(readFileSync(join(sitesDir, name), 'utf8')));
      if (!result.ok) throw new Error(`src/knowledge/sites/${name} does not match the schema:\n  ${result.errors.join('\n  ')}`);
      return result.site;
    });
}

/** Extension pages only the test builds carry. */
const TEST_PAGES = ['empty.html'];

export function manifestFor(target: Target, sites: Site[], { exposePages = false } = {}): Record<string, unknown> {
  const base = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  const patch = JSON.parse(readFileSync(join(root, `platform/${target}.json`), 'utf8'));
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const manifest = { ...base, ...patch, version, host_permissions: hostPermissions(sites) };
  if (exposePages) {
    manifest.web_accessible_resources = [{ resources: ['popup.html', 'options.html', ...TEST_PAGES], matches: ['<all_urls>'] }];
  }
  return manifest;
}

interface BuildOptions {
  /** A test build: carries the test-only pages. */
  test: boolean;
  /** Lists the extension's pages as web-accessible (the Firefox test build, see above). */
  exposePages: boolean;
}

async function buildTarget(target: Target, outDir: string, sites: Site[], { test, exposePages }: BuildOptions): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'icons'), { recursive: true });
  await build({
    entryPoints: {
      bg: join(root, 'src/background/index.ts'),
      popup: join(root, 'popup/index.tsx'),
      options: join(root, 'options/index.tsx'),
      'cookie-shield': join(root, 'src/content/cookie-shield.ts'),
    },
    outdir: outDir,
    bundle: true,
    minify: true,
    format: 'iife',
    target: target === 'chrome' ? 'chrome121' : 'firefox140',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    define: { __BROWSER__: JSON.stringify(target) },
    plugins: [
      {
        // The covered sites, validated above, inlined as data: no remote config, nothing fetched at run time.
        name: 'knowledge-sites',
        setup(b) {
          b.onResolve({ filter: /^knowledge:sites$/ }, () => ({ path: 'sites', namespace: 'knowledge' }));
          b.onLoad({ filter: /.*/, namespace: 'knowledge' }, () => ({
            contents: `export default ${JSON.stringify(sites)};`,
            loader: 'js',
          }));
        },
      },
    ],
    logLevel: 'warning',
  });
  for (const page of ['popup.html', 'options.html']) {
    cpSync(join(root, page.replace('.html', ''), page), join(outDir, page));
  }
  for (const css of ['popup/popup.css', 'options/options.css']) {
    cpSync(join(root, css), join(outDir, css.split('/')[1]!));
  }
  if (test) for (const page of TEST_PAGES) cpSync(join(root, 'test/pages', page), join(outDir, page));
  writeShieldData(outDir, sites);
  for (const size of [16, 32, 48, 128]) writeFileSync(join(outDir, `icons/${size}.png`), renderIcon(size));
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifestFor(target, sites, { exposePages }), null, 2));
}

/** The cookie shield's data: one file per site and category, registered by the worker for refused categories. */
function writeShieldData(outDir: string, sites: Site[]): void {
  for (const site of sites) {
    mkdirSync(join(outDir, 'shield', site.id), { recursive: true });
    for (const [category, patterns] of cookiePatternsByCategory(site)) {
      writeFileSync(join(outDir, shieldDataFile(site.id, category)), shieldDataScript(patterns));
    }
  }
}

async function main(): Promise<void> {
  const sites = loadSites();
  const withTestBuild = process.argv.includes('--test');
  const shipped = { test: false, exposePages: false };
  await buildTarget('chrome', join(root, 'dist/chrome'), sites, shipped);
  await buildTarget('firefox', join(root, 'dist/firefox'), sites, shipped);
  if (withTestBuild) {
    await buildTarget('chrome', join(root, 'dist/test-chrome'), sites, { test: true, exposePages: false });
    await buildTarget('firefox', join(root, 'dist/test-firefox'), sites, { test: true, exposePages: true });
  }
  const built = ['dist/chrome', 'dist/firefox', ...(withTestBuild ? ['dist/test-chrome', 'dist/test-firefox'] : [])];
  console.log(`built ${built.join(', ')} (${sites.length} covered site(s))`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
