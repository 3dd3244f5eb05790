// The scripting API's dynamic content-script registrations, as the cookie shield uses them.

/** A registration as the worker reads it back: the browser may report unset lists as null. */
export interface RegisteredScriptInfo {
  id: string;
  js?: string[] | null;
  matches?: string[] | null;
  world?: 'MAIN' | 'ISOLATED' | null;
  matchOriginAsFallback?: boolean | null;
}

/** A registration as the worker writes it: always before any page script runs. */
export interface DocumentStartScript {
  id: string;
  js: string[];
  matches: string[];
  world: 'MAIN' | 'ISOLATED';
  runAt: 'document_start';
  allFrames: boolean;
  /** Also in about:blank, about:srcdoc, data: and blob: frames whose origin the matches cover. */
  matchOriginAsFallback: boolean;
  persistAcrossSessions: boolean;
}

export interface ContentScripts {
  getRegisteredContentScripts(): Promise<RegisteredScriptInfo[]>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  registerContentScripts(scripts: DocumentStartScript[]): Promise<void>;
}

/** One-off scripts in a tab's page, as the CMP check uses them. */
export interface PageScripts {
  /**
   * Runs `func(...args)` in the main world of a tab's top frame (the page's own JavaScript world) and resolves with
   * its result, structured-cloned out of the page: page data, untrusted. Rejects when the tab is gone or not allowed.
   */
  runInMainWorld<A extends unknown[]>(tabId: number, func: (...args: A) => unknown, args: A): Promise<unknown>;
  /**
   * Runs `func(...args)` in the main world of one document of a tab's top frame: the one it shows now when
   * `documentId` is undefined, else that document only (rejects once it is gone). Resolves with the result (page
   * data, untrusted) and the id of the document that ran it, undefined where the browser reports none.
   */
  runInDocument<A extends unknown[]>(
    tabId: number,
    documentId: string | undefined,
    func: (...args: A) => unknown,
    args: A,
  ): Promise<{ result: unknown; documentId: string | undefined }>;
  /**
   * Injects into the tab's frames whose origin `ownFrame` accepts, as early as the browser allows (injectImmediately).
   * Each frame's origin ("https://www.example.com", "null" when opaque) is read in the extension's isolated world, which
   * the page cannot forge, and the frames are then pinned by documentId (Chrome 106, Firefox ESR 153 both report and
   * take it), so a frame that navigated in between gets nothing. In those documents: first `func(...args)` in the main
   * world, then, where it returned true, the `main` files in the main world and the `isolated` files in the extension's
   * world. Rejects when the tab is gone, not allowed, or one of the documents went away.
   */
  injectEarly<A extends unknown[]>(
    tabId: number,
    ownFrame: (origin: string) => boolean,
    func: (...args: A) => boolean,
    args: A,
    files: { main: string[]; isolated: string[] },
  ): Promise<void>;
}
