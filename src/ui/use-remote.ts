// Loads a page's state from the background and reloads it whenever extension storage changes,
// so an open page follows counts and settings without polling. The newest answer always wins.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Connector } from './connector';

export interface Remote<T> {
  value?: T;
  error?: string;
}

export function useRemote<T>(connector: Connector, load: () => Promise<T>): [Remote<T>, () => Promise<void>] {
  const [remote, setRemote] = useState<Remote<T>>({});
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const refresh = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const value = await loadRef.current();
      if (ticket === latest.current) setRemote({ value });
    } catch (error) {
      if (ticket === latest.current) setRemote((previous) => ({ ...previous, error: messageOf(error) }));
    }
  }, []);

  useEffect(() => {
    void refresh();
    return connector.onStorageChange(() => void refresh());
  }, [connector, refresh]);

  return [remote, refresh];
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
