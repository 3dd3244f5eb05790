// The replica's two sites that the knowledge base does not cover and that declare their cookies through a consent
// manager (declared-sites.ts), as match patterns: the Chromium test build grants them as host permissions. No imports,
// so a build script can read this without starting or loading the replica.

/**
 * Match patterns (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns) of the declared sites'
 * pages: www.harbor-books.com (a fake OneTrust) and www.fjord-travel.com (a fake Cookiebot), each registrable domain
 * with its subdomains, on any scheme.
 */
export const DECLARED_SITE_PATTERNS: readonly string[] = ['*://*.harbor-books.com/*', '*://*.fjord-travel.com/*'];
