// The pages of the declared sites (declared-sites.ts) and what their third parties answer. A page loads its fake CMP
// from the CMP's host before anything else (a parser-blocking script, so the declaration is in place before the visit
// reports done), then, through the replica's page script, sets every declared first-party cookie and storage key with
// a fresh value and loads an image and a script from every declared third-party host, each tagged with the declaring
// site (`declaring=`) so the log can name the category the site declares it in.
import {
  DECLARED_VARIANT_PARAM,
  DECLARED_VARIANTS,
  DECLARING_PARAM,
  declaredCmpPath,
  declaredSitePlan,
  declaredThirdParty,
  DECLARED_SITE_IDS,
  type DeclaredSiteId,
  type DeclaredThirdParty,
  type DeclaredVariant,
} from './declared-sites';
import { freshValue, type Load, type PageConfig } from './page';

const YEAR = 31_536_000;

interface DeclaredPageContext {
  site: DeclaredSiteId;
  variant: DeclaredVariant;
  host: string;
  scheme: 'http' | 'https';
  visit: string | null;
  origin: (scheme: 'http' | 'https', host: string) => string;
}

/** The variant a page or CMP URL asks for (`declared=`); `default` when it names none the replica has. */
export function declaredVariantOf(query: URLSearchParams): DeclaredVariant {
  return DECLARED_VARIANTS.find((variant) => variant === query.get(DECLARED_VARIANT_PARAM)) ?? 'default';
}

/** The declared site a fake CMP URL asks for (`site=`), if any. */
export function declaredSiteOf(query: URLSearchParams): DeclaredSiteId | undefined {
  return DECLARED_SITE_IDS.find((site) => site === query.get('site'));
}

/** The page's loads, cookies and storage writes, for the replica's page script (page-script.js). */
function declaredPageConfig({ site, variant, host, scheme, visit, origin }: DeclaredPageContext): PageConfig {
  const plan = declaredSitePlan(site, variant);
  const query = (kind: string) => `kind=${kind}${visit ? `&visit=${encodeURIComponent(visit)}` : ''}&${DECLARING_PARAM}=${site}`;
  const loads: Load[] = [
    { kind: 'image', url: `${origin(scheme, host)}/pixel.gif?${query('image')}` },
    ...plan.thirdParties.flatMap(({ host: third }): Load[] => [
      { kind: 'image', url: `${origin('https', third)}/pixel.gif?${query('image')}` },
      { kind: 'script', url: `${origin('https', third)}/tag.js?${query('script')}` },
    ]),
  ];
  return {
    visit,
    cookies: plan.cookies.map(({ name }) => ({ name, value: freshValue(), domain: plan.domain })),
    storage: plan.storage.map(({ key }) => ({ key, value: freshValue() })),
    loads,
  };
}

/** The page: its fake CMP's script first, then the page script with its configuration. */
export function declaredPageHtml(context: DeclaredPageContext): string {
  const plan = declaredSitePlan(context.site, context.variant);
  const cmp = new URLSearchParams({ site: context.site, [DECLARED_VARIANT_PARAM]: context.variant, kind: 'script' });
  if (context.visit) cmp.set('visit', context.visit);
  const cmpUrl = `${context.origin('https', plan.cmpHost)}${declaredCmpPath(context.site)}?${cmp}`;
  // The configuration is data for the page script; "<" is escaped so it cannot close the script element.
  const json = JSON.stringify(declaredPageConfig(context)).replace(/</g, '\\u003c');
  const title = `${plan.domain} (replica, declared by ${plan.platform === 'onetrust' ? 'OneTrust' : 'Cookiebot'}) · ${context.variant}`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title>
<script src="${cmpUrl.replace(/&/g, '&amp;')}"></script>
</head>
<body>
<h1>${title}</h1>
<p>A local stand-in for a site the knowledge base does not cover: its consent manager declares its cookies and hosts.</p>
<script type="application/json" id="replica-config">${json}</script>
<script src="/assets/replica-page.js"></script>
</body>
</html>
`;
}

/**
 * The declared host a request reached, with the site and category that declare it: any request to a host only the
 * declared sites know, and one to a host the knowledge base also knows (www.google-analytics.com) when the declaring
 * site's page made it (`declaring=` names that site).
 */
export function declaredLoadOf(host: string, declaring: string | null, declaredOnly: boolean): DeclaredThirdParty | undefined {
  const entry = declaredThirdParty(host);
  return entry && (declaredOnly || entry.site === declaring) ? entry : undefined;
}

/** The cookie a declared third party's answer sets: third-party on the declaring page, so SameSite=None; Secure. */
export function declaredCookie(entry: DeclaredThirdParty, scheme: 'http' | 'https'): string {
  const attributes = scheme === 'https' ? '; SameSite=None; Secure' : '';
  return `${entry.cookie}=${freshValue()}; Domain=${entry.cookieDomain}; Path=/; Max-Age=${YEAR}${attributes}`;
}
