// The global the cookie shield's data files fill and the shield reads, then deletes, and the data's shape. A file of
// its own: the shield runs in every covered page at document start, so it bundles this and nothing else of the slices.

export const SHIELD_GLOBAL = '__policyGuardRefused';

/** What the shield refuses for one category: cookie names and storage keys, each a name or a prefix ending in "*". */
export interface ShieldData {
  category: string;
  cookies: string[];
  storage: string[];
}

/** The data file's whole text: it adds the category's data to the shield's global. */
export function shieldDataScript(data: ShieldData): string {
  return `(globalThis.${SHIELD_GLOBAL} ??= []).push(${JSON.stringify(data)});\n`;
}

/**
 * The shield's reading of its global: the well-formed entries only. A registered shield's data files run before any
 * page script; an injected one's (declared-shield.ts) may come after the page's, which can then only add names to
 * refuse on itself.
 */
export function readShieldData(value: unknown): ShieldData[] {
  if (!Array.isArray(value)) return [];
  const strings = (list: unknown): string[] | null => (Array.isArray(list) && list.every((item) => typeof item === 'string') ? list : null);
  return value.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { category, cookies, storage } = entry as Record<string, unknown>;
    const cookieList = strings(cookies);
    const storageList = strings(storage);
    return typeof category === 'string' && cookieList && storageList ? [{ category, cookies: cookieList, storage: storageList }] : [];
  });
}
