// Nobody changes what the extension may do by accident: the built manifests ask for exactly the committed
// permissions and hosts (pinned-permissions.json), no more and no fewer, and pages run under a strict content
// security policy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestFor, type Target } from '../../../src/build/manifest';
import { loadSites } from '../../../src/knowledge/load';

const pinned = JSON.parse(readFileSync(join(__dirname, '../../../pinned-permissions.json'), 'utf8')) as {
  permissions: string[];
  optional_host_permissions: string[];
  host_permissions: string[];
};
const sites = loadSites();

describe.each<Target>(['chrome', 'firefox'])('%s manifest', (target) => {
  const manifest = manifestFor(target, sites) as {
    permissions: string[];
    host_permissions: string[];
    optional_permissions?: string[];
    optional_host_permissions: string[];
    content_security_policy: { extension_pages: string };
    web_accessible_resources?: unknown;
  };

  test('asks for exactly the pinned permissions', () => {
    expect(manifest.permissions).toEqual(pinned.permissions);
    expect(manifest.optional_permissions ?? []).toEqual([]);
  });

  test('asks for any other site only as an optional host permission, one site at a time from the popup', () => {
    expect(manifest.optional_host_permissions).toEqual(pinned.optional_host_permissions);
  });

  test('asks for exactly the pinned hosts, and never for all sites', () => {
    expect(manifest.host_permissions).toEqual(pinned.host_permissions);
    expect(manifest.host_permissions.some((host) => host === '<all_urls>' || /^\*:\/\/\*\/|^https?:\/\/\*\//.test(host))).toBe(false);
  });

  test('extension pages allow only their own scripts: no eval, no remote code, no connections', () => {
    const directives = Object.fromEntries(
      manifest.content_security_policy.extension_pages.split(';').map((directive) => {
        const [name, ...values] = directive.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
  });

  test('the shipped build exposes no page to the web', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
  });
});

test('the test build is the only one that exposes pages (Firefox BiDi cannot open moz-extension:// otherwise)', () => {
  expect(manifestFor('firefox', sites, { exposePages: true }).web_accessible_resources).toBeDefined();
});
