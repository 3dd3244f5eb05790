// Removes cookies of refused categories from covered sites: each one as it appears, and all of them in a sweep
// at worker start and after every choice change.
import type { CookieFacts } from '../core/classify';
import type { Settings } from '../core/settings';
import type { SiteIndex } from '../core/site-index';
import { cookieToRemove, type Stopped } from '../core/verdicts';

export interface JarCookie extends CookieFacts {
  storeId: string;
  path: string;
  secure: boolean;
}

export interface CookieJar {
  /** Every cookie stored in the context of these domains, in every cookie store: their own and partitioned ones. */
  cookiesIn(domains: readonly string[]): Promise<JarCookie[]>;
  remove(cookie: JarCookie): Promise<void>;
}

export interface CookieGuardDeps {
  jar: CookieJar;
  index: SiteIndex;
  settings: () => Promise<Settings>;
  onRemoved: (stopped: Stopped) => void;
}

export interface CookieGuard {
  changed(change: { removed: boolean; cookie: JarCookie }): Promise<void>;
  sweep(): Promise<void>;
}

export function createCookieGuard({ jar, index, settings, onRemoved }: CookieGuardDeps): CookieGuard {
  const domains = index.sites.flatMap((site) => site.domains);
  const enforce = async (cookie: JarCookie, current: Settings): Promise<void> => {
    const stopped = cookieToRemove(index, current, cookie);
    if (stopped === null) return;
    await jar.remove(cookie);
    onRemoved(stopped);
  };
  return {
    async changed({ removed, cookie }) {
      if (!removed) await enforce(cookie, await settings());
    },
    async sweep() {
      const current = await settings();
      const cookies = await jar.cookiesIn(domains);
      await Promise.all(cookies.map((cookie) => enforce(cookie, current)));
    },
  };
}
