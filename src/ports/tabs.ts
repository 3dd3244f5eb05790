// The tabs API as the worker needs it.

export interface Tabs {
  /** The URL of a tab's page, when the extension may see it (covered sites are in its host permissions). */
  url: (tabId: number) => Promise<string | undefined>;
  /** Every open tab and its page's URL, where the extension may see it. */
  openTabs: () => Promise<Array<{ tabId: number; url: string | undefined }>>;
  /** Registers a listener for closed tabs; call it at the worker's top level. */
  onRemoved(listener: (tabId: number) => void): void;
  /**
   * Registers a listener for a tab whose committed page changed or finished loading, with the page's URL (undefined
   * where the extension may not see it); call it at the worker's top level.
   */
  onCommitted(listener: (tabId: number, url: string | undefined) => void): void;
  /** Registers a listener for a tab whose page finished loading, with its URL where the extension may see it. */
  onLoaded(listener: (tabId: number, url: string | undefined) => void): void;
}
