// Removes cookies of refused categories from covered sites: each one as it appears, and all of them in a sweep
// at worker start and after every choice change.
import { withFqdnSpelling } from '../core/hosts';
import type { Settings } from '../core/settings';
import type { SiteIndex } from '../core/site-index';
import { cookieToRemove, type Stopped } from '../core/verdicts';
import type { CookieChange, CookieJar, JarCookie } from '../ports/cookies';

export interface CookieSweeperDeps {
  jar: Pick<CookieJar, 'cookiesIn' | 'remove'>;
  index: SiteIndex;
  settings: () => Promise<Settings>;
  onRemoved: (stopped: Stopped) => void;
}

export interface CookieSweeper {
  changed(change: CookieChange): Promise<void>;
  sweep(): Promise<void>;
}

export function createCookieSweeper({ jar, index, settings, onRemoved }: CookieSweeperDeps): CookieSweeper {
  // A page at "www.example.com." stores its cookies there, and cookies.getAll({ domain: "example.com" }) misses them.
  const domains = index.sites.flatMap((site) => site.domains.flatMap(withFqdnSpelling));
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
