// The function the popup runs once in the main world of the tab the person is looking at (scripting.executeScript,
// under the activeTab grant) to read Cookiebot's cookie tables. Serialised on its own: no imports, no closures. It
// reads only what the page has already loaded and makes no request. What it returns is page data, cut to the caps
// here so a hostile page cannot make it large, and checked by declaration.ts, which says what each field is.
import type { DetectDescriptor } from '../../platform';

/** Reads the tables of `Cookiebot.dialog` (or the older `CookieConsentDialog`); `{ platform: null }` without. */
export function readCookiebotDeclarations(detect: DetectDescriptor): unknown {
  try {
    return read();
  } catch {
    // A getter that throws, a revoked Proxy: the page has no readable declaration.
    return { platform: null };
  }

  // Declared inside: executeScript serialises only the function it is given.
  function read(): unknown {
    // One more than the core's caps, so that an oversized declaration is seen as such rather than silently cut.
    const MAX_ENTRIES = 2201;
    const text = (value: unknown, max: number): string =>
      typeof value === 'string' ? value.slice(0, max + 1) : typeof value === 'number' ? String(value) : '';
    const list = (value: unknown): unknown[] => (Array.isArray(value) ? value.slice(0, MAX_ENTRIES) : []);
    const field = (value: unknown, key: string): unknown =>
      typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;

    // detect.globals: the Cookiebot object, whose `dialog` holds the tables, then the older dialog global itself.
    const [cookiebotGlobal = '', dialogGlobal = ''] = detect.globals;
    const cookiebot: unknown = Reflect.get(window, cookiebotGlobal);
    const dialog: unknown = field(cookiebot, 'dialog') ?? Reflect.get(window, dialogGlobal);
    const tables = ['Necessary', 'Preference', 'Statistics', 'Advertising', 'Unclassified'];
    if (!tables.some((table) => Array.isArray(field(dialog, `cookieTable${table}`)))) return { platform: null };
    const rows = (table: string) =>
      list(field(dialog, `cookieTable${table}`)).map((row: unknown) =>
        list(row)
          .slice(0, 6)
          // Only the name, the domains and the type id are used; the purpose and expiry texts stay in the page.
          .map((cell: unknown, index: number) => ([0, 1, 5].includes(index) ? text(cell, 2000) : null)),
      );
    return {
      platform: 'cookiebot',
      version: text(field(cookiebot, 'version'), 64),
      tables: Object.fromEntries(tables.map((table) => [table.toLowerCase(), rows(table)])),
    };
  }
}
