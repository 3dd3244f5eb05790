// Requests as the webRequest API reports them, reduced to what classification needs; observed, never changed.
import type { RequestFacts } from '../knowledge/classify';

export interface ObservedRequest extends RequestFacts {
  /** The tab that made the request; -1 for requests of no tab (the extension's own, service workers). */
  tabId: number;
}

export interface RequestObserver {
  /** Registers a listener for requests to these URL match patterns; call it at the worker's top level. */
  onBeforeRequest(urls: string[], listener: (request: ObservedRequest) => void): void;
}
