// The cookies API as the worker needs it: every cookie stored in a set of sites' contexts, one removal, one write,
// one question about the browser's public suffixes, one event.
import type { CookieFacts } from '../knowledge/classify';

/** A cookie as read from the jar: enough to classify it and to remove exactly it again. */
export interface JarCookie extends CookieFacts {
  value: string;
  storeId: string;
  path: string;
  secure: boolean;
}

/** cookies.onChanged's details: a cookie was set (removed: false) or removed, overwritten or expired. */
export interface CookieChange {
  removed: boolean;
  /** Removed only because a new value replaced it (cause "overwrite"): the event of the new value follows. */
  overwritten?: boolean;
  cookie: JarCookie;
}

/** A first-party cookie to write in the default store: on `domain` and its subdomains, path "/", Secure, SameSite=Lax. */
export interface NewCookie {
  name: string;
  value: string;
  /** A registrable domain or host name, without a leading dot. */
  domain: string;
  /** Seconds since the epoch. */
  expires: number;
}

export interface CookieJar {
  /** Every cookie stored in the context of these domains, in every cookie store: their own and partitioned ones. */
  cookiesIn(domains: readonly string[]): Promise<JarCookie[]>;
  remove(cookie: JarCookie): Promise<void>;
  set(cookie: NewCookie): Promise<void>;
  /**
   * Whether the browser lets a site keep cookies on `domain` (a registrable domain, no leading dot) and its subdomains:
   * false when the browser's own Public Suffix List makes it a suffix, shared by many sites. Asked by writing a probe
   * cookie for the domain, removed again at once; needs the domain's host permission.
   */
  takesDomainCookies(domain: string): Promise<boolean>;
  /** Registers a listener; call it at the worker's top level so a wake-up event is not missed. */
  onChanged(listener: (change: CookieChange) => void): void;
}
