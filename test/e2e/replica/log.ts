// Every request that reached the replica: the judge of what actually left the browser.
/** `declared`: a third party that only a declared site's consent manager names (declared-sites.ts), not the knowledge base. */
export type Role = 'page' | 'tracker' | 'declared' | 'consent-manager' | 'static' | 'unknown' | 'replica';

export interface LoggedRequest {
  time: number;
  scheme: 'http' | 'https';
  method: string;
  host: string;
  path: string;
  /** The visit that caused it (the harness tags each page load), when the page passed it on. */
  visit: string | null;
  /** The loader (tag manager) that injected it, when one did. */
  via: string | null;
  /** How the page loaded it: image, beacon, script, fetch, xhr, frame, websocket, document, ... */
  kind: string | null;
  /** The raw Cookie header, '' when none was sent. */
  cookie: string;
  cookieNames: string[];
  referer: string | null;
  /** The Sec-GPC header (Global Privacy Control), null when none was sent. */
  gpc: string | null;
  role: Role;
  tracker: string | null;
  /** The tracker's category; null for a loader (a tag manager), which is blocked only when all it loads is refused. */
  category: string | null;
  /**
   * A declared site's third party, as that site's consent manager declares it: the site ("harbor-books") and the
   * category id the reader gives ("HB-STATS", Cookiebot's "statistics"); null for any other request (declared-page.ts
   * declaredLoadOf).
   */
  declaredSite: string | null;
  declaredCategory: string | null;
}

export interface LogFilter {
  visit?: string;
  via?: string | null;
  host?: string;
  path?: string;
  role?: Role;
  tracker?: string;
  category?: string;
  kind?: string;
  declaredSite?: string;
  declaredCategory?: string;
}

export function cookieNames(header: string): string[] {
  return header
    .split(';')
    .map((pair) => pair.split('=')[0]!.trim())
    .filter((name) => name.length > 0);
}

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private listeners = new Set<() => void>();

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    for (const listener of this.listeners) listener();
  }

  /** Requests matching every given field, in arrival order. */
  find(filter: LogFilter = {}): LoggedRequest[] {
    return this.entries.filter((entry) => (Object.keys(filter) as (keyof LogFilter)[]).every((key) => entry[key] === filter[key]));
  }

  /** Tracker ids (or categories) that reached the replica, sorted. */
  trackersSeen(filter: LogFilter = {}): string[] {
    return distinct(this.find({ ...filter, role: 'tracker' }).map((entry) => entry.tracker!));
  }

  categoriesSeen(filter: LogFilter = {}): string[] {
    return distinct(this.find({ ...filter, role: 'tracker' }).flatMap((entry) => entry.category ?? []));
  }

  /** The declared third-party hosts that were reached (as the browser spelled them), sorted. */
  declaredHostsSeen(filter: LogFilter = {}): string[] {
    return distinct(this.find(filter).flatMap((entry) => (entry.declaredCategory === null ? [] : [entry.host])));
  }

  /** The declared categories whose third parties were reached, sorted. */
  declaredCategoriesSeen(filter: LogFilter = {}): string[] {
    return distinct(this.find(filter).flatMap((entry) => entry.declaredCategory ?? []));
  }

  /** Resolves once `count` matching requests have arrived; rejects with what did arrive after `timeoutMs`. */
  waitFor(filter: LogFilter, count = 1, timeoutMs = 10_000): Promise<LoggedRequest[]> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.find(filter);
        if (found.length < count) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`replica: ${JSON.stringify(filter)} arrived ${this.find(filter).length} time(s), expected ${count}`));
      }, timeoutMs);
      timer.unref();
      const cleanup = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const listener = (): void => void check();
      if (!check()) this.listeners.add(listener);
    });
  }

  clear(): void {
    this.entries = [];
  }
}

function distinct(values: string[]): string[] {
  return [...new Set(values)].sort();
}
