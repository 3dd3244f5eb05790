// A page's state from the background: loaded once, then kept current by the worker's pushes on the page's topic
// and settled by the replies to the page's own changes; nothing polls and nothing reloads on unrelated changes.
// A push the state cannot take in (the tab moved on to another site) or a lost connection asks again; a burst of
// those costs one request in flight and at most one more after it.
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Push, SubscriptionTo, Topic } from '../messaging/protocol';
import type { Connector } from './connector';

export interface Remote<T> {
  value?: T;
  error?: string;
}

export interface Pushed<T, P extends Topic> {
  subscription: SubscriptionTo<P>;
  /** The state with the push taken in, or 'reload' to ask the background again. */
  apply(value: T, push: Push<P>): T | 'reload';
}

export interface RemoteControls<T> {
  reload: () => Promise<void>;
  /** Takes in what a reply says, over the state shown now. */
  settle: (edit: (value: T) => T) => void;
}

export function useRemote<T, P extends Topic = Topic>(
  connector: Connector,
  load: () => Promise<T>,
  pushed?: Pushed<T, P>,
): [Remote<T>, RemoteControls<T>] {
  const [remote, setRemote] = useState<Remote<T>>({});
  const loadRef = useRef(load);
  loadRef.current = load;
  const pushedRef = useRef(pushed);
  pushedRef.current = pushed;
  const shown = useRef<T | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);
  const again = useRef(false);

  const show = useCallback((value: T) => {
    shown.current = value;
    setRemote({ value });
  }, []);

  const loadOnce = useCallback(async () => {
    try {
      show(await loadRef.current());
    } catch (error) {
      setRemote((previous) => ({ ...previous, error: messageOf(error) }));
    }
  }, [show]);

  const reload = useCallback((): Promise<void> => {
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

  const settle = useCallback(
    (edit: (value: T) => T) => {
      if (shown.current !== undefined) show(edit(shown.current));
    },
    [show],
  );

  const subscriptionKey = pushed ? JSON.stringify(pushed.subscription) : '';
  // A layout effect: the first request leaves as soon as the page is in the document, not after the next frame
  // (Preact runs plain effects after an animation frame), which the popup's first render would otherwise wait for.
  useLayoutEffect(() => {
    // Subscribed before the first request, so no change falls between its answer and the first push.
    const unsubscribe = pushedRef.current
      ? connector.subscribe<P>(pushedRef.current.subscription, {
          push(push) {
            if (!pushedRef.current) return;
            // Before the first answer: the push may have left after that answer was made and overtaken it, so the
            // state is asked for once more after it.
            if (shown.current === undefined) {
              again.current = true;
              return;
            }
            const next = pushedRef.current.apply(shown.current, push);
            if (next === 'reload') void reload();
            else show(next);
          },
          resync: () => void reload(),
        })
      : () => undefined;
    void reload();
    return unsubscribe;
  }, [connector, reload, show, subscriptionKey]);

  return [remote, { reload, settle }];
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
