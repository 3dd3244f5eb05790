// The cookie shield as the worker builds it: its scripts registered for the refused categories of every covered site
// (with the scripts other slices register the same way, Global Privacy Control's), the declared-site shield injected
// as each page commits, and the count of the writes it dropped, as its relay reports them.
import { createDeclaredShield } from './declared-shield';
import { createShieldDrops, type ShieldDropsDeps } from './shield-drops';
import { shieldPlan, type ShieldScript } from './shield-plan';
import { createShieldSync } from './shield-sync';
import { coveredPageOf } from '../knowledge/registrable-domain';
import type { Ports } from '../ports/ports';
import type { Settings } from '../settings/settings';

export interface CookieShieldDeps extends Omit<ShieldDropsDeps, 'pageOf'> {
  ports: Pick<Ports, 'scripting' | 'pageScripts' | 'tabs'>;
  /** Scripts another slice registers beside the shield's, under the shield's id prefix. */
  otherScripts: (settings: Settings) => ShieldScript[];
}

export function createCookieShield({ ports, otherScripts, ...deps }: CookieShieldDeps) {
  const { scripting, pageScripts: pages, tabs } = ports;
  const { indexOf, settings } = deps;
  const pageOf = async (tabId: number) => {
    const url = await tabs.url(tabId);
    return (url === undefined ? undefined : coveredPageOf(indexOf(await settings()), url)) ?? null;
  };
  const sync = createShieldSync(scripting, (current) => [...shieldPlan(indexOf(current).sites, current), ...otherScripts(current)]);
  return {
    /** Resolves once the shield's scripts for these settings (or newer ones) are registered. */
    apply: (current: Settings) => sync.apply(current),
    /** A tab's document committed at `url` (where the extension may see it). */
    committed: createDeclaredShield({ pages, indexOf, settings }),
    /** A `shield-drops` message's `drops` (anything; checked) from its sender. */
    dropped: createShieldDrops({ ...deps, pageOf }),
  };
}
