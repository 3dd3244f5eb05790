import { useEffect, useState } from 'preact/hooks';

/**
 * False on the first render, true from the task after the first paint: what lies below the fold (a site's points,
 * choices and collected data, a few hundred elements) waits until the controls above it are on screen.
 */
export function useDeferred(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setReady(true), 0);
    return () => clearTimeout(timer);
  }, []);
  return ready;
}
