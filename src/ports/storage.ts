// Extension storage areas as plain key-value stores, so stateful services take the area they use as a parameter.

export interface KeyValueArea {
  /** The items stored under these keys; a key with nothing stored is absent. */
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface StorageAreas {
  /** storage.local: the user's settings; survives restarts and updates. */
  local: KeyValueArea;
  /** storage.session: the worker's hot state (per-tab counts); kept while the browser runs, never written to disk. */
  session: KeyValueArea;
  /** Registers a listener for changes of storage.local, as `{ key: { newValue } }`. */
  onLocalChanged(listener: (changes: Record<string, { newValue?: unknown }>) => void): void;
}
