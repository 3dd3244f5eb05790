// Loads a page's state from the background and reloads it whenever extension storage changes,
// so an open page follows counts and settings without polling. A burst of changes (counts while a page
// loads) costs one request in flight and at most one more after it.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Connector } from './connector';

export interface Remote<T> {
  value?: T;
  error?: string;
}

export function useRemote<T>(connector: Connector, load: () => Promise<T>): [Remote<T>, () => Promise<void>] {
  const [remote, setRemote] = useState<Remote<T>>({});
  const loadRef = useRef(load);
  loadRef.current = load;
  const inFlight = useRef<Promise<void> | null>(null);
  const again = useRef(false);

  const loadOnce = useCallback(async () => {
    try {
      setRemote({ value: await loadRef.current() });
    } catch (error) {
      setRemote((previous) => ({ ...previous, error: messageOf(error) }));
    }
  }, []);

  const refresh = useCallback((): Promise<void> => {
    if (inFlight.current) {
      again.current = true;
      return inFlight.current;
    }
    const run = async () => {
      do {
        again.current = false;
        await loadOnce();
      } while (again.current);
      inFlight.current = null;
    };
    inFlight.current = run();
    return inFlight.current;
  }, [loadOnce]);

  useEffect(() => {
    void refresh();
    return connector.onStorageChange(() => void refresh());
  }, [connector, refresh]);

  return [remote, refresh];
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
