// Host names from URLs and cookie domains, and the suffix walk every lookup uses.
// Runs for each request the worker observes, so it scans the string instead of building a URL object.

/** The lower-case host of an absolute URL ("" when it has none, e.g. "data:" or "about:blank"). */
export function hostOf(url: string): string {
  const scheme = url.indexOf('://');
  if (scheme < 0) return '';
  const start = scheme + 3;
  let end = start;
  while (end < url.length) {
    const char = url.charCodeAt(end);
    if (char === 47 /* / */ || char === 63 /* ? */ || char === 35 /* # */ || char === 92 /* \ */) break;
    end++;
  }
  let authority = url.slice(start, end);
  const at = authority.lastIndexOf('@');
  if (at >= 0) authority = authority.slice(at + 1);
  if (authority.startsWith('[')) return authority.slice(0, authority.indexOf(']') + 1).toLowerCase();
  const colon = authority.indexOf(':');
  return normalizeHost(colon >= 0 ? authority.slice(0, colon) : authority);
}

/**
 * A cookie domain (".example.com"), a partition site ("https://example.com") or a host, as a bare host: lower case,
 * without a leading dot or the trailing dot of a fully qualified spelling ("www.example.com." is the same host to DNS).
 */
export function normalizeHost(value: string): string {
  let host = value.includes('://') ? hostOf(value) : value.toLowerCase();
  if (host.startsWith('.')) host = host.slice(1);
  if (host.endsWith('.')) host = host.slice(0, -1);
  return host;
}

/**
 * The parent-domain walk: the first value `at` gives, asked of the host and then of each parent domain in turn
 * ("a.b.example.com", "b.example.com", "example.com", "com"), or undefined when none gives one.
 */
export function firstUpFromHost<T>(host: string, at: (name: string) => T | undefined): T | undefined {
  let candidate = host;
  for (;;) {
    const found = at(candidate);
    if (found !== undefined) return found;
    const dot = candidate.indexOf('.');
    if (dot < 0) return undefined;
    candidate = candidate.slice(dot + 1);
  }
}

/** The value stored under the host or its nearest parent domain: "a.b.example.com" tries itself, "b.example.com", … */
export function lookupHostOrParent<T>(map: ReadonlyMap<string, T>, host: string): T | undefined {
  return firstUpFromHost(host, (name) => map.get(name));
}

/** host === domain, or host is a subdomain of it. */
export function isWithin(host: string, domain: string): boolean {
  return host === domain || (host.endsWith(domain) && host.charCodeAt(host.length - domain.length - 1) === 46);
}

/**
 * A domain and its fully qualified spelling: ["example.com", "example.com."]. A page or request at
 * "https://www.example.com./" keeps the trailing dot in its URL, origin and cookie domain (WHATWG URL: the dot is
 * significant, https://github.com/whatwg/url/pull/176), and what compares host names as spelled misses it: Firefox's
 * declarativeNetRequest domain lists (ExtensionDNR.sys.mjs, "A full domain can end with a dot (FQDN)") and match
 * patterns, so its content scripts, host permissions and cookies API too; and cookies.getAll({ domain }) in Chromium.
 * Chromium's DNR matcher and match patterns ignore the dot, and a dotted DNR entry there matches nothing; each tried in
 * Chromium 156 and Firefox ESR 153. Listing both spellings is therefore right in both browsers. The same gap is a known
 * ad-blocker bypass: https://github.com/brave/adblock-rust/issues/627, https://github.com/AdguardTeam/CoreLibs/issues/1261.
 */
export function withFqdnSpelling(domain: string): [string, string] {
  return [domain, `${domain}.`];
}
