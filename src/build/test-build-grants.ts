// The host permissions the test builds grant at install (scripts/build.ts --test): the local replica's two sites that
// the knowledge base does not cover and that declare their cookies through a consent manager
// (test/e2e/replica/declared-sites.ts). The build owns this list; the replica's tests import it from here, so the
// build never reads from test/.

/**
 * Match patterns (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns) of the declared sites'
 * pages: www.harbor-books.com (a fake OneTrust) and www.fjord-travel.com (a fake Cookiebot), each registrable domain
 * with its subdomains, on any scheme.
 */
export const DECLARED_SITE_PATTERNS: readonly string[] = ['*://*.harbor-books.com/*', '*://*.fjord-travel.com/*'];
