// Builds dist/chrome and dist/firefox from one source tree: bundles, the merged manifest, pages, icons.
// `--test` also builds the test builds: dist/test-firefox, which exposes the extension pages to web pages so
// WebDriver BiDi (which refuses moz-extension:// navigation) can open them, and dist/test-chrome; both carry
// empty.html, a blank extension page the bench opens as the popup's baseline. The shipped builds carry neither.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { registry } from '../src/consent-manager/registry';
import { manifestFor, TEST_PAGES, type Target } from '../src/build/manifest';
import type { Site } from '../src/knowledge/schema';
import { shieldDataScript } from '../src/cookie-shield/shield-global';
import { shieldDataByCategory, shieldDataFile } from '../src/cookie-shield/shield-plan';
import { loadSites } from '../src/knowledge/load';
import { DECLARED_SITE_PATTERNS } from '../src/build/test-build-grants';
import { renderIcon } from './icon';

const root = resolve(__dirname, '..');

interface BuildOptions {
  /** A test build: carries the test-only pages. */
  test: boolean;
  /** Lists the extension's pages as web-accessible (the Firefox test build, see above). */
  exposePages: boolean;
  /** Optional host permissions granted at install (the test builds: the replica's sites a test protects). */
  grantAtInstall?: readonly string[];
}

async function buildTarget(
  target: Target,
  outDir: string,
  sites: Site[],
  { test, exposePages, grantAtInstall = [] }: BuildOptions,
): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'icons'), { recursive: true });
  await build({
    entryPoints: {
      bg: join(root, 'src/worker.ts'),
      popup: join(root, 'popup/index.tsx'),
      options: join(root, 'options/index.tsx'),
      'cookie-shield': join(root, 'src/cookie-shield/page/cookie-shield.ts'),
      'shield-relay': join(root, 'src/cookie-shield/page/shield-relay.ts'),
      gpc: join(root, 'src/gpc/page/gpc.ts'),
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
  writeFileSync(
    join(outDir, 'manifest.json'),
    JSON.stringify(manifestFor(target, sites, { exposePages, grantAtInstall: [...grantAtInstall] }), null, 2),
  );
}

/** The cookie shield's data: one file per site and category, registered by the worker for refused categories. */
function writeShieldData(outDir: string, sites: Site[]): void {
  for (const site of sites) {
    mkdirSync(join(outDir, 'shield', site.id), { recursive: true });
    for (const [category, data] of shieldDataByCategory(site)) {
      writeFileSync(join(outDir, shieldDataFile(site.id, category)), shieldDataScript(data));
    }
  }
}

async function main(): Promise<void> {
  const sites = loadSites();
  // The knowledge base names a consent manager by its platform id; the registry says which exist.
  for (const { id, consentManager } of sites)
    if (consentManager.platform !== undefined && registry.of(consentManager.platform) === undefined)
      throw new Error(`src/knowledge/sites/${id}.json: no consent manager platform "${consentManager.platform}" is registered`);
  const withTestBuild = process.argv.includes('--test');
  const shipped = { test: false, exposePages: false };
  await buildTarget('chrome', join(root, 'dist/chrome'), sites, shipped);
  await buildTarget('firefox', join(root, 'dist/firefox'), sites, shipped);
  if (withTestBuild) {
    // Chromium cannot accept a permission prompt under automation, so its test build holds the protected sites'
    // permission from the install (permissions.request then resolves true at once); Firefox's is asked for and granted
    // by its test preference (harness/firefox.ts), except that it too must read the page before the request, which
    // needs the access the toolbar button's activeTab grant gives and a test cannot click.
    const granted = { test: true, grantAtInstall: DECLARED_SITE_PATTERNS };
    await buildTarget('chrome', join(root, 'dist/test-chrome'), sites, { ...granted, exposePages: false });
    await buildTarget('firefox', join(root, 'dist/test-firefox'), sites, { ...granted, exposePages: true });
  }
  const built = ['dist/chrome', 'dist/firefox', ...(withTestBuild ? ['dist/test-chrome', 'dist/test-firefox'] : [])];
  console.log(`built ${built.join(', ')} (${sites.length} covered site(s))`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
