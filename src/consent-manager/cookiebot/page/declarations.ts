// The function the popup runs once in the main world of the tab the person is looking at (scripting.executeScript,
// under the activeTab grant) to read Cookiebot's cookie tables. Serialised on its own: no imports, no closures. It
// reads only what the page has already loaded and makes no request. What it returns is page data, checked by
// declaration.ts, which says what each field is.
//
// Syntax only and a budget, as OneTrust's reader (onetrust/page/declarations.ts) says why: past the budget it answers
// `{ platform, oversized: true }` instead of the data. Its helpers repeat that reader's: a serialised function can
// import nothing, so each reader carries its own (both are held to the budget by declarations-page.test.ts).
import type { DetectDescriptor } from '../../platform';

/** Reads the tables of `Cookiebot.dialog` (or the older `CookieConsentDialog`); `{ platform: null }` without. */
export function readCookiebotDeclarations(detect: DetectDescriptor): unknown {
  const budget = { values: 30_000, chars: 1_000_000, over: false };
  try {
    const observed = read();
    return budget.over ? { platform: 'cookiebot', oversized: true } : observed;
  } catch {
    // A getter that throws, a revoked Proxy: the page has no readable declaration.
    return { platform: null };
  }

  // Declared inside: executeScript serialises only the function it is given.
  function read(): unknown {
    // One more than the platform schema's caps, so that an oversized declaration is seen as such rather than silently cut.
    const MAX_ENTRIES = 2201;
    // Whether one more value of `chars` characters fits the budget; once one does not, nothing more is read.
    const spend = (chars: number): boolean => {
      budget.values -= 1;
      budget.chars -= chars;
      budget.over = budget.over || budget.values < 0 || budget.chars < 0;
      return !budget.over;
    };
    const text = (value: unknown, max: number): string => {
      const whole = typeof value === 'string' ? value : typeof value === 'number' ? `${value}` : '';
      const length = whole.length > max + 1 ? max + 1 : whole.length;
      if (!spend(length)) return '';
      let cut = length === whole.length ? whole : '';
      for (let index = cut.length; index < length; index += 1) cut += whole[index] ?? '';
      return cut;
    };
    const field = (value: unknown, key: string): unknown =>
      typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    const isList = (value: unknown): boolean => typeof field(value, 'length') === 'number';
    const list = <T>(value: unknown, max: number, each: (entry: unknown, index: number) => T): T[] => {
      const entries: T[] = [];
      const length = isList(value) ? (field(value, 'length') as number) : 0;
      for (let index = 0; index < length && index < max && spend(0); index += 1) {
        entries[index] = each(field(value, `${index}`), index);
      }
      return entries;
    };

    // detect.globals: the Cookiebot object, whose `dialog` holds the tables, then the older dialog global itself.
    const cookiebot = field(window, detect.globals[0] ?? '');
    const dialog = field(cookiebot, 'dialog') ?? field(window, detect.globals[1] ?? '');
    const table = (name: string) => field(dialog, `cookieTable${name}`);
    const names = ['Necessary', 'Preference', 'Statistics', 'Advertising', 'Unclassified'];
    let any = false;
    for (let index = 0; index < names.length; index += 1) any = any || isList(table(names[index]!));
    if (!any) return { platform: null };
    // Only the name, the domains and the type id are used; the purpose and expiry texts stay in the page.
    const rows = (name: string) =>
      list(table(name), MAX_ENTRIES, (row: unknown) =>
        list(row, 6, (cell: unknown, index: number) => (index === 0 || index === 1 || index === 5 ? text(cell, 2000) : null)),
      );
    return {
      platform: 'cookiebot',
      version: text(field(cookiebot, 'version'), 64),
      tables: {
        necessary: rows('Necessary'),
        preference: rows('Preference'),
        statistics: rows('Statistics'),
        advertising: rows('Advertising'),
        unclassified: rows('Unclassified'),
      },
    };
  }
}
