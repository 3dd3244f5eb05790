// The popup: the current tab's site, rendered from one 'get-tab-state' request and refreshed on storage changes.
import { useLayoutEffect } from 'preact/hooks';
import type { Connector } from '../src/ui/connector';
import { useRemote } from '../src/ui/use-remote';
import { CoveredSite } from './covered-site';
import { NotCovered } from './not-covered';

interface Props {
  connector: Connector;
  /** From the page's query; otherwise the active tab of the popup's window. */
  tabId: number | null;
  /** Called once the first data is on screen. */
  onRendered?: () => void;
}

export function Popup({ connector, tabId, onRendered }: Props) {
  const [remote, refresh] = useRemote(connector, async () => {
    const id = tabId ?? (await connector.activeTabId());
    return { tabId: id, state: id === null ? null : await connector.request('get-tab-state', { tabId: id }) };
  });
  const loaded = remote.value !== undefined;

  // A layout effect runs as soon as the data is in the document, not a frame later.
  useLayoutEffect(() => {
    if (loaded) onRendered?.();
  }, [loaded]);

  if (!remote.value) {
    return (
      <main>
        <h1>Policy Guard</h1>
        <p role={remote.error ? 'alert' : 'status'}>{remote.error ? `Could not load this tab: ${remote.error}` : 'Loading…'}</p>
      </main>
    );
  }
  const { tabId: id, state } = remote.value;
  if (id === null || !state?.site) return <NotCovered connector={connector} counts={state?.counts ?? {}} />;
  return <CoveredSite connector={connector} tabId={id} site={state.site} state={state} refresh={refresh} />;
}
