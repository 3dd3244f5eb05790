// The function the popup runs once in the main world of the tab the person is looking at (scripting.executeScript,
// under the activeTab grant) to read OneTrust's domain data. Serialised on its own: no imports, no closures. It reads
// only what the page has already loaded and makes no request. What it returns is page data, checked by
// declaration.ts, which says what each field is.
//
// The page's main world ran first and may have replaced any global or prototype method (a `slice` that returns a
// million keys): the reader uses syntax only (typeof, indexing, literals) and builds its answer from the strings and
// numbers it read, counting them against a budget as it goes. Past the budget it answers `{ platform, oversized: true }`
// instead, so nothing large is copied to the worker (protected-sites/declaration.ts READING_BUDGET is the same).
import type { DetectDescriptor } from '../../platform';

/** Reads OneTrust's domain data from the first of `detect.globals` the page defines; `{ platform: null }` without. */
export function readOneTrustDeclarations(detect: DetectDescriptor): unknown {
  const budget = { values: 30_000, chars: 1_000_000, over: false };
  try {
    const observed = read();
    return budget.over ? { platform: 'onetrust', oversized: true } : observed;
  } catch {
    // A getter that throws, a revoked Proxy: the page has no readable declaration.
    return { platform: null };
  }

  // Declared inside: executeScript serialises only the function it is given.
  function read(): unknown {
    // One more than the platform schema's caps, so that an oversized declaration is seen as such rather than silently cut.
    const MAX_GROUPS = 65;
    const MAX_ENTRIES = 2201;
    // Whether one more value of `chars` characters fits the budget; once one does not, nothing more is read.
    const spend = (chars: number): boolean => {
      budget.values -= 1;
      budget.chars -= chars;
      budget.over = budget.over || budget.values < 0 || budget.chars < 0;
      return !budget.over;
    };
    // Descriptions are cut to what the schema keeps (groups.ts GROUP_TEXT); ids, names and hosts one past it, so a forged
    // one is seen as such.
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
    const list = <T>(value: unknown, max: number, each: (entry: unknown) => T): T[] => {
      const entries: T[] = [];
      const length = isList(value) ? (field(value, 'length') as number) : 0;
      for (let index = 0; index < length && index < max && spend(0); index += 1) {
        entries[index] = each(field(value, `${index}`));
      }
      return entries;
    };

    let oneTrust: unknown;
    for (let index = 0; index < detect.globals.length && (oneTrust === undefined || oneTrust === null); index += 1)
      oneTrust = field(window, detect.globals[index]!);
    if (typeof field(oneTrust, 'GetDomainData') !== 'function') return { platform: null };
    let data: unknown;
    try {
      data = (oneTrust as { GetDomainData: () => unknown }).GetDomainData();
    } catch {
      data = undefined;
    }
    const groups = field(data, 'Groups');
    if (!isList(groups)) return { platform: null };
    const cookie = (entry: unknown) => ({
      name: text(field(entry, 'Name'), 256),
      host: text(field(entry, 'Host'), 256),
      pattern: text(field(entry, 'patternKey'), 256),
    });
    return {
      platform: 'onetrust',
      version: text(field(data, 'Version') ?? field(oneTrust, 'version'), 64),
      groups: list(groups, MAX_GROUPS, (group: unknown) => ({
        id: text(field(group, 'CustomGroupId') || field(group, 'OptanonGroupId'), 64),
        name: text(field(group, 'GroupName'), 120),
        description: text(field(group, 'GroupDescription'), 599),
        status: text(field(group, 'Status'), 32),
        cookies: list(field(group, 'FirstPartyCookies'), MAX_ENTRIES, cookie),
        hosts: list(field(group, 'Hosts'), MAX_ENTRIES, (host: unknown) => ({
          host: text(field(host, 'HostName'), 256),
          cookies: list(field(host, 'Cookies'), MAX_ENTRIES, (entry: unknown) => text(field(entry, 'Name'), 256)),
        })),
      })),
    };
  }
}
