// The cookie shield on the pages of sites protected from their consent manager's declarations. A registered content
// script can only run files of the package, which hold the bundled sites' names (shield-plan.ts); a protected site's
// names are the person's data. So the shield is injected with them when the tab's page commits or finishes loading
// (tabs.onUpdated), as early as the browser allows, in the site's own frames only: the worker tells them by the origin
// each frame's isolated world reads, since another site's frame would learn the person's choices here (issue #22).
// Unlike a registration it can come after the page's first scripts, and it misses frames added later, so the worker's
// removal of refused cookies as they appear (cookie-sweeper.ts) stays the guarantee; the shield keeps the page from
// reading back or resending what it writes later, and clears refused storage keys.
import { refusedCategories } from '../settings/choices';
import { coveredPageOf } from '../knowledge/registrable-domain';
import { hostOf, isWithin } from '../shared/hosts';
import type { Settings } from '../settings/settings';
import { SHIELD_GLOBAL } from './shield-global';
import { shieldData } from './page/shield-data';
import { declaredShieldData, RELAY_SCRIPT, SHIELD_SCRIPT } from './shield-plan';
import type { SiteIndex } from '../knowledge/site-index';
import type { PageScripts } from '../ports/scripting';

export interface DeclaredShieldDeps {
  pages: Pick<PageScripts, 'injectEarly'>;
  indexOf: (settings: Settings) => SiteIndex;
  settings: () => Promise<Settings>;
}

/** Returns the handler of a tab whose document committed at `url` (where the extension may see it). */
export function createDeclaredShield({ pages, indexOf, settings }: DeclaredShieldDeps) {
  return async (tabId: number, url: string | undefined): Promise<void> => {
    if (url === undefined) return;
    const current = await settings();
    const page = coveredPageOf(indexOf(current), url);
    if (page === undefined || page.site.declared === undefined) return;
    const data = declaredShieldData(page.site, refusedCategories(page.site, current, page.domain));
    if (data.length === 0) return;
    const own = (origin: string) => isSiteOrigin(origin, page.domain);
    await pages.injectEarly(tabId, own, shieldData, [SHIELD_GLOBAL, data], { main: [SHIELD_SCRIPT], isolated: [RELAY_SCRIPT] });
  };
}

/** A frame's origin ("https://www.example.com:8443", "null" when opaque) is on the registrable domain `domain`. */
function isSiteOrigin(origin: string, domain: string): boolean {
  const host = hostOf(origin);
  return host !== '' && isWithin(host, domain);
}
