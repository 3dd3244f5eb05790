// Injected into a protected site's pages by declared-shield.ts (scripting.executeScript), before the shield itself.
import type { ShieldData } from '../shield-global';

/**
 * Runs in the main world of the site's own frames, before the shield: hands it the data once per document (a
 * same-document navigation reports a commit too). Which frames are the site's own is decided by the worker before
 * injecting (PageScripts.injectEarly), never here: this world's builtins are the page's. Serialised on its own: no
 * imports, no closures. A page that forges the marker only leaves itself unshielded, which the cookie removal still
 * covers.
 */
export function shieldData(global: string, data: ShieldData[]): boolean {
  const marker = `${global}Injected`;
  if (Reflect.get(document, marker) === true) return false;
  Reflect.defineProperty(document, marker, { value: true });
  const list: unknown = Reflect.get(globalThis, global);
  Reflect.set(globalThis, global, Array.isArray(list) ? [...(list as unknown[]), ...data] : data);
  return true;
}
