// Injected into a protected site's pages by declared-shield.ts (scripting.executeScript), before the shield itself.
import type { ShieldData } from '../shield-global';

/**
 * Runs in the main world of each frame the extension may reach, before the shield: hands it the data once per
 * document (a same-document navigation reports a commit too), and only in the site's own frames (`domain`, its
 * registrable domain), never in another site's embedded ones. Serialised on its own: no imports, no closures. A page
 * that forges the marker only leaves itself unshielded, which the cookie removal still covers.
 */
export function shieldData(global: string, domain: string, data: ShieldData[]): boolean {
  const host = location.hostname.replace(/\.$/, '').toLowerCase();
  if (host !== domain && !host.endsWith(`.${domain}`)) return false;
  const marker = `${global}Injected`;
  if (Reflect.get(document, marker) === true) return false;
  Reflect.defineProperty(document, marker, { value: true });
  const list: unknown = Reflect.get(globalThis, global);
  Reflect.set(globalThis, global, Array.isArray(list) ? [...(list as unknown[]), ...data] : data);
  return true;
}
