// What enforcement does with a classified request or cookie, given the user's settings.
import { isAllowed, isPaused } from './choices';
import { classifyCookie, classifyRequest, type CookieFacts, type RequestFacts } from './classify';
import type { Site } from './knowledge';
import type { Settings } from './settings';
import type { SiteIndex } from './site-index';

/** The pseudo-category under which removed unknown cookies are counted. */
export const UNKNOWN_CATEGORY = 'unknown';

export interface Stopped {
  site: Site;
  category: string;
}

/** The refused category a request falls in: the compiled rules block exactly these. */
export function blockedRequest(index: SiteIndex, settings: Settings, request: RequestFacts): Stopped | null {
  const match = classifyRequest(index, request);
  return match !== null && isRefused(match.site, match.category, settings) ? match : null;
}

/** The refused category a cookie falls in, so it must go; consent-manager and allowed cookies never do. */
export function cookieToRemove(index: SiteIndex, settings: Settings, cookie: CookieFacts): Stopped | null {
  const found = classifyCookie(index, cookie);
  if (found.kind === 'category') return isRefused(found.site, found.category, settings) ? found : null;
  if (found.kind === 'unknown' && settings.unknownCookies === 'remove' && !isPaused(settings, found.site.id)) {
    return { site: found.site, category: UNKNOWN_CATEGORY };
  }
  return null;
}

function isRefused(site: Site, categoryId: string, settings: Settings): boolean {
  const category = site.categories.find((candidate) => candidate.id === categoryId);
  return category !== undefined && !isAllowed(site, category, settings);
}
