// The cookie shield as the worker builds it: its scripts registered for the refused categories of every covered site
// (with the scripts other slices register the same way, Global Privacy Control's), the declared-site shield injected
// as each page commits, and the count of the writes it dropped, as its relay reports them.
import { createDeclaredShield } from './declared-shield';
import { createShieldDrops, type ShieldDropsDeps } from './shield-drops';
import { shieldPlan, type ShieldScript } from './shield-plan';
import { createShieldSync } from './shield-sync';
import type { ContentScripts, PageScripts } from '../ports/scripting';
import type { Settings } from '../settings/settings';

export interface CookieShieldDeps extends ShieldDropsDeps {
  scripting: ContentScripts;
  pages: Pick<PageScripts, 'injectEarly'>;
  /** Scripts another slice registers beside the shield's, under the shield's id prefix. */
  otherScripts: (settings: Settings) => ShieldScript[];
}

export function createCookieShield({ scripting, pages, otherScripts, ...deps }: CookieShieldDeps) {
  const { indexOf, settings } = deps;
  const sync = createShieldSync(scripting, (current) => [...shieldPlan(indexOf(current).sites, current), ...otherScripts(current)]);
  return {
    /** Resolves once the shield's scripts for these settings (or newer ones) are registered. */
    apply: (current: Settings) => sync.apply(current),
    /** A tab's document committed at `url` (where the extension may see it). */
    committed: createDeclaredShield({ pages, indexOf, settings }),
    /** A `shield-drops` message's `drops` (anything; checked) from its sender. */
    dropped: createShieldDrops(deps),
  };
}
