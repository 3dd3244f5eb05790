// The function the popup runs once in the main world of the tab the person is looking at (scripting.executeScript,
// under the activeTab grant) to read OneTrust's domain data. Serialised on its own: no imports, no closures. It reads
// only what the page has already loaded and makes no request. What it returns is page data, cut to the caps here so a
// hostile page cannot make it large, and checked by declaration.ts, which says what each field is.
import type { DetectDescriptor } from '../../platform';

/** Reads OneTrust's domain data from the first of `detect.globals` the page defines; `{ platform: null }` without. */
export function readOneTrustDeclarations(detect: DetectDescriptor): unknown {
  try {
    return read();
  } catch {
    // A getter that throws, a revoked Proxy: the page has no readable declaration.
    return { platform: null };
  }

  // Declared inside: executeScript serialises only the function it is given.
  function read(): unknown {
    // One more than the core's caps, so that an oversized declaration is seen as such rather than silently cut.
    const MAX_GROUPS = 65;
    const MAX_ENTRIES = 2201;
    // Descriptions are cut to what the core keeps (groups.ts GROUP_TEXT); ids, names and hosts one past it, so a forged
    // one is seen as such.
    const text = (value: unknown, max: number): string =>
      typeof value === 'string' ? value.slice(0, max + 1) : typeof value === 'number' ? String(value) : '';
    const list = (value: unknown): unknown[] => (Array.isArray(value) ? value.slice(0, MAX_ENTRIES) : []);
    const field = (value: unknown, key: string): unknown =>
      typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;

    const oneTrust: unknown = detect.globals
      .map((name) => Reflect.get(window, name) as unknown)
      .find((api) => api !== undefined && api !== null);
    const getDomainData = field(oneTrust, 'GetDomainData');
    if (typeof getDomainData !== 'function') return { platform: null };
    let data: unknown;
    try {
      data = (getDomainData as () => unknown).call(oneTrust);
    } catch {
      data = undefined;
    }
    const groups = field(data, 'Groups');
    if (!Array.isArray(groups)) return { platform: null };
    const cookie = (entry: unknown) => ({
      name: text(field(entry, 'Name'), 256),
      host: text(field(entry, 'Host'), 256),
      pattern: text(field(entry, 'patternKey'), 256),
    });
    return {
      platform: 'onetrust',
      version: text(field(data, 'Version') ?? field(oneTrust, 'version'), 64),
      groups: groups.slice(0, MAX_GROUPS).map((group: unknown) => ({
        id: text(field(group, 'CustomGroupId') || field(group, 'OptanonGroupId'), 64),
        name: text(field(group, 'GroupName'), 120),
        description: text(field(group, 'GroupDescription'), 599),
        status: text(field(group, 'Status'), 32),
        cookies: list(field(group, 'FirstPartyCookies')).map(cookie),
        hosts: list(field(group, 'Hosts')).map((host: unknown) => ({
          host: text(field(host, 'HostName'), 256),
          cookies: list(field(host, 'Cookies')).map((entry: unknown) => text(field(entry, 'Name'), 256)),
        })),
      })),
    };
  }
}
