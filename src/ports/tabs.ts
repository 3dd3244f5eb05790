// The tabs API as the worker needs it.

export interface Tabs {
  /** The URL of a tab's page, when the extension may see it (covered sites are in its host permissions). */
  url: (tabId: number) => Promise<string | undefined>;
  /** Registers a listener for closed tabs; call it at the worker's top level. */
  onRemoved(listener: (tabId: number) => void): void;
}
