// The cookie jar over the cookies API, with what differs between browsers: Firefox's first-party isolation
// (firstPartyDomain must be given, null meaning any) and both browsers' partitioned cookies (partitionKey).
import browser, { type Cookies } from 'webextension-polyfill';
import type { CookieJar, JarCookie } from '../ports/cookies';

const FIREFOX = __BROWSER__ === 'firefox';
/** The cookie takesDomainCookies writes and removes again. */
const PROBE = 'policy-guard-suffix-probe';

type Query = Cookies.GetAllDetailsType;

export const browserCookieJar: CookieJar = {
  async cookiesIn(domains) {
    const stores = await browser.cookies.getAllCookieStores();
    const queries: Query[] = stores.flatMap(({ id: storeId }) =>
      domains.flatMap((domain): Query[] => [
        // The domain's own cookies, partitioned or not.
        { storeId, domain, partitionKey: {}, ...anyFirstParty() },
        // Third parties' cookies kept in the domain's partition (CHIPS, Firefox's total cookie protection).
        { storeId, partitionKey: { topLevelSite: `https://${domain}` }, ...anyFirstParty() },
        // Third parties' cookies isolated under the domain (Firefox first-party isolation).
        ...(FIREFOX ? [{ storeId, firstPartyDomain: domain, partitionKey: {} }] : []),
      ]),
    );
    const found = await Promise.all(queries.map((query) => browser.cookies.getAll(query)));
    const unique = new Map<string, JarCookie>();
    for (const cookie of found.flat()) unique.set(cookieKey(cookie), cookie);
    return [...unique.values()];
  },

  onChanged(listener) {
    browser.cookies.onChanged.addListener(({ removed, cause, cookie }) =>
      listener({ removed, overwritten: removed && cause === 'overwrite', cookie }),
    );
  },

  async set({ name, value, domain, expires }) {
    await browser.cookies.set({
      url: `https://${domain}/`,
      name,
      value,
      domain,
      path: '/',
      secure: true,
      sameSite: 'lax',
      expirationDate: expires,
    });
  },

  async takesDomainCookies(domain) {
    const url = `https://${domain}/`;
    // A cookie whose Domain is a public suffix is refused, or kept host-only when it is the URL's own host (RFC 6265
    // §5.3 step 5, as both browsers do): only a domain cookie says the browser draws a site's boundary below it.
    const probe = await browser.cookies
      .set({ url, name: PROBE, value: '1', domain, path: '/', secure: true, expirationDate: Date.now() / 1000 + 60 })
      .catch(() => null);
    if (probe === null) return false;
    await browser.cookies.remove({ url, name: PROBE, storeId: probe.storeId }).catch(() => null);
    return !probe.hostOnly;
  },

  async remove(cookie) {
    const host = cookie.domain.startsWith('.') ? cookie.domain.slice(1) : cookie.domain;
    await browser.cookies.remove({
      url: `http${cookie.secure ? 's' : ''}://${host}${cookie.path}`,
      name: cookie.name,
      storeId: cookie.storeId,
      ...(cookie.partitionKey ? { partitionKey: cookie.partitionKey } : {}),
      ...(FIREFOX && cookie.firstPartyDomain ? { firstPartyDomain: cookie.firstPartyDomain } : {}),
    });
  },
};

function anyFirstParty(): Pick<Query, 'firstPartyDomain'> {
  return FIREFOX ? { firstPartyDomain: null } : {};
}

function cookieKey(cookie: Cookies.Cookie): string {
  return [
    cookie.storeId,
    cookie.domain,
    cookie.path,
    cookie.name,
    cookie.partitionKey?.topLevelSite ?? '',
    cookie.firstPartyDomain ?? '',
  ].join('\n');
}
