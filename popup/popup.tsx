// The popup: the current tab's site, rendered from one 'get-tab-state' request, then kept current by the worker's
// pushes about that tab (its counts, the choices on its site) and by the replies to its own changes.
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { TabState } from '../src/messaging/protocol';
import type { Connector } from '../src/ui/connector';
import { messageOf, useRemote, type Remote } from '../src/ui/use-remote';
import { CoveredSite } from './covered-site';
import { NotCovered } from './not-covered';
import { applyTabPush } from './tab-push';

interface Props {
  connector: Connector;
  /** From the page's query; otherwise the active tab of the popup's window. */
  tabId: number | null;
  /** Called once the first data is on screen. */
  onRendered?: () => void;
}

export function Popup({ connector, tabId, onRendered }: Props) {
  const [tab, setTab] = useState<Remote<number | null>>(tabId === null ? {} : { value: tabId });
  useEffect(() => {
    if (tabId !== null) return;
    connector.activeTabId().then(
      (value) => setTab({ value }),
      (error: unknown) => setTab({ error: messageOf(error) }),
    );
  }, [connector, tabId]);

  useRenderedOnce(tab.value === null, onRendered);
  if (tab.value === undefined) return <Loading error={tab.error} />;
  if (tab.value === null) return <NotCovered connector={connector} tabId={null} counts={{}} />;
  return <TabPopup connector={connector} tabId={tab.value} onRendered={onRendered} />;
}

function TabPopup({ connector, tabId, onRendered }: { connector: Connector; tabId: number; onRendered?: () => void }) {
  const [remote, { settle }] = useRemote(connector, () => connector.request('get-tab-state', { tabId }), {
    subscription: { topic: 'tab', tabId },
    apply: applyTabPush,
  });
  useRenderedOnce(remote.value !== undefined, onRendered);

  if (!remote.value) return <Loading error={remote.error} />;
  const state = remote.value;
  if (!state.site || state.domain === null)
    return <NotCovered connector={connector} tabId={tabId} counts={state.counts} onState={(next) => settle(() => next)} />;
  return (
    <CoveredSite
      connector={connector}
      tabId={tabId}
      site={state.site}
      domain={state.domain}
      state={state}
      onState={(next: TabState) => settle(() => next)}
    />
  );
}

function Loading({ error }: { error: string | undefined }) {
  return (
    <main>
      <h1>Policy Guard</h1>
      <p role={error ? 'alert' : 'status'}>{error ? `Could not load this tab: ${error}` : 'Loading…'}</p>
    </main>
  );
}

/** A layout effect runs as soon as the data is in the document, not a frame later. */
function useRenderedOnce(loaded: boolean, onRendered: (() => void) | undefined): void {
  useLayoutEffect(() => {
    if (loaded) onRendered?.();
  }, [loaded]);
}
