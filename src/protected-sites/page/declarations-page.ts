// Every platform's main-world declaration reader (consent-manager/platform.ts `declarations.readInPage`) as one
// function, for a caller that runs a single function in the page rather than one per platform (the end-to-end
// tests' page.evaluate); the worker runs them one by one instead (declaration.ts observeDeclaration). The readers are
// self-contained, so their source stands on its own.
import { registry } from '../../consent-manager/registry';
import { found } from '../declaration';

const readers = registry.platforms.map(({ declarations, detect }) => `[${String(declarations.readInPage)}, ${JSON.stringify(detect)}]`);
const source = `function readDeclarations() {
  for (const [read, detect] of [${readers.join(', ')}]) {
    const observed = read(detect);
    if (observed === null || typeof observed !== 'object' || observed.platform !== null) return observed;
  }
  return { platform: null };
}`;

/** What the page's CMP declares: each reader in the registry's order until one finds its CMP; `{ platform: null }` else. */
export function readDeclarations(): unknown {
  for (const { declarations, detect } of registry.platforms) {
    const observed = declarations.readInPage(detect);
    if (found(observed)) return observed;
  }
  return { platform: null };
}
// Serialised (String(readDeclarations), as page.evaluate sends a function) it is the readers' own source: a closure
// over the registry would not travel to the page.
readDeclarations.toString = () => source;
