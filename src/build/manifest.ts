// Each browser's manifest: the base manifest.json merged with platform/<browser>.json, the package version and
// the host permissions the knowledge base needs. A patch may only add keys or merge into objects; one that would
// replace anything the base already says fails the build, so no browser silently loses a permission or a page.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Site } from '../knowledge/schema';
import { hostPermissions } from '../knowledge/host-permissions';

export type Target = 'chrome' | 'firefox';
type Json = Record<string, unknown>;

const root = resolve(__dirname, '../..');

const readJson = (path: string): Json => JSON.parse(readFileSync(join(root, path), 'utf8')) as Json;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value);

/** The base with the patch's keys added; objects present in both are merged the same way, key by key. */
export function mergeManifest(base: Json, patch: Json, patchName = 'the patch', path = ''): Json {
  const merged: Json = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const at = `${path}${key}`;
    if (!(key in base)) {
      merged[key] = value;
    } else if (isObject(base[key]) && isObject(value)) {
      merged[key] = mergeManifest(base[key], value, patchName, `${at}.`);
    } else if (Array.isArray(base[key])) {
      throw new Error(`${patchName} would replace the list "${at}" of manifest.json; a patch may only add keys or merge objects`);
    } else if (kindOf(base[key]) !== kindOf(value)) {
      throw new Error(
        `${patchName} would change "${at}" of manifest.json from ${kindOf(base[key])} to ${kindOf(value)}; a patch may only add keys or merge objects`,
      );
    } else {
      throw new Error(`${patchName} would replace "${at}" of manifest.json; a patch may only add keys or merge objects`);
    }
  }
  return merged;
}

/** Extension pages only the test builds carry (the bench's baseline page). */
export const TEST_PAGES = ['empty.html'];

/**
 * `exposePages`: the extension's pages web-accessible (the Firefox test build). `grantAtInstall`: optional host
 * permissions listed as granted at install (the test builds: Chromium cannot accept a permission prompt under
 * automation, and `permissions.request` for a granted origin resolves true without one).
 */
export function manifestFor(target: Target, sites: Site[], { exposePages = false, grantAtInstall = [] as string[] } = {}): Json {
  const patchName = `platform/${target}.json`;
  const manifest = mergeManifest(readJson('manifest.json'), readJson(patchName), patchName);
  manifest.version = readJson('package.json').version;
  manifest.host_permissions = [...hostPermissions(sites), ...grantAtInstall];
  if (exposePages) {
    manifest.web_accessible_resources = [{ resources: ['popup.html', 'options.html', ...TEST_PAGES], matches: ['<all_urls>'] }];
  }
  return manifest;
}
