// The function the popup runs once in the main world of the tab the person is looking at (scripting.executeScript,
// under the activeTab grant) to read what the site's consent manager declares about its cookies. Serialised on its
// own: no imports, no closures. It reads only what the page has already loaded and makes no request. What it returns
// is page data, cut to the caps here so a hostile page cannot make it large, and checked by the core
// (protected-sites/declaration.ts readDeclaration), which says what each field is.

/** Reads OneTrust's domain data or Cookiebot's cookie tables; `{ platform: null }` when the page has neither. */
export function readDeclarations(): unknown {
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
    // Texts are cut to what the core keeps; ids, names and hosts one past it, so a forged one is seen as such.
    const text = (value: unknown, max: number): string =>
      typeof value === 'string' ? value.slice(0, max + 1) : typeof value === 'number' ? String(value) : '';
    const list = (value: unknown): unknown[] => (Array.isArray(value) ? value.slice(0, MAX_ENTRIES) : []);
    const field = (value: unknown, key: string): unknown =>
      typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;

    const oneTrust: unknown = Reflect.get(window, 'OneTrust') ?? Reflect.get(window, 'Optanon');
    const getDomainData = field(oneTrust, 'GetDomainData');
    if (typeof getDomainData === 'function') {
      let data: unknown;
      try {
        data = (getDomainData as () => unknown).call(oneTrust);
      } catch {
        data = undefined;
      }
      const groups = field(data, 'Groups');
      if (Array.isArray(groups)) {
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
            description: text(field(group, 'GroupDescription'), 1999),
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

    const dialog: unknown = field(Reflect.get(window, 'Cookiebot'), 'dialog') ?? Reflect.get(window, 'CookieConsentDialog');
    const tables = ['Necessary', 'Preference', 'Statistics', 'Advertising', 'Unclassified'];
    if (tables.some((table) => Array.isArray(field(dialog, `cookieTable${table}`)))) {
      const rows = (table: string) =>
        list(field(dialog, `cookieTable${table}`)).map((row: unknown) =>
          list(row)
            .slice(0, 6)
            // Only the name, the domains and the type id are used; the purpose and expiry texts stay in the page.
            .map((cell: unknown, index: number) => ([0, 1, 5].includes(index) ? text(cell, 2000) : null)),
        );
      return {
        platform: 'cookiebot',
        version: text(field(Reflect.get(window, 'Cookiebot'), 'version'), 64),
        tables: Object.fromEntries(tables.map((table) => [table.toLowerCase(), rows(table)])),
      };
    }
    return { platform: null };
  }
}
