// The committed knowledge base read from disk in Node (the build, Jest's `knowledge:sites`, the replica, the
// bench): every src/knowledge/sites/*.json, validated against the schema. The extension itself never reads
// files; the build inlines what this returns.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateSite, type Site } from './schema';

const sitesDir = join(__dirname, 'sites');

export function loadSites(): Site[] {
  return readdirSync(sitesDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const result = validateSite(JSON.parse(readFileSync(join(sitesDir, name), 'utf8')));
      if (!result.ok) throw new Error(`src/knowledge/sites/${name} does not match the schema:\n  ${result.errors.join('\n  ')}`);
      // Only a site the person protects is made from its consent manager's words; a bundled one cites its documents.
      if (result.site.declared !== undefined) throw new Error(`src/knowledge/sites/${name}: a bundled site cannot be "declared"`);
      return result.site;
    });
}
