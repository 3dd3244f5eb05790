// Removes cookies of refused categories from covered sites: each one as it appears, and all of them in a sweep
// at worker start and after every choice change.
import { withFqdnSpelling } from '../shared/hosts';
import type { Settings } from '../settings/settings';
import type { SiteIndex } from '../knowledge/site-index';
import { cookieToRemove, type Stopped } from './verdicts';
import type { CookieChange, CookieJar, JarCookie } from '../ports/cookies';

export interface CookieSweeperDeps {
  jar: Pick<CookieJar, 'cookiesIn' | 'remove'>;
  /** The covered sites under some settings (the bundled and the protected ones). */
  indexOf: (settings: Settings) => SiteIndex;
  settings: () => Promise<Settings>;
  /** Told of each cookie removed: why (its site, domain, category and tracker), and its name. */
  onRemoved: (stopped: Stopped, name: string) => void;
}

export interface CookieSweeper {
  changed(change: CookieChange): Promise<void>;
  sweep(): Promise<void>;
}

export function createCookieSweeper({ jar, indexOf, settings, onRemoved }: CookieSweeperDeps): CookieSweeper {
  const enforce = async (cookie: JarCookie, current: Settings): Promise<void> => {
    const stopped = cookieToRemove(indexOf(current), current, cookie);
    if (stopped === null) return;
    await jar.remove(cookie);
    onRemoved(stopped, cookie.name);
  };
  return {
    async changed({ removed, cookie }) {
      if (!removed) await enforce(cookie, await settings());
    },
    async sweep() {
      const current = await settings();
      // A page at "www.example.com." stores its cookies there, and cookies.getAll({ domain: "example.com" }) misses them.
      const domains = indexOf(current).sites.flatMap((site) => site.domains.flatMap(withFqdnSpelling));
      const cookies = await jar.cookiesIn(domains);
      await Promise.all(cookies.map((cookie) => enforce(cookie, current)));
    },
  };
}
