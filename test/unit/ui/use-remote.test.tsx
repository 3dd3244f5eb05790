/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["require", "default"]}
 */
import { act, render, screen } from '@testing-library/preact';
import type { Push } from '../../../src/messaging/protocol';
import { mockConnector, type MockConnector } from '../../support/mock-connector';
import { useRemote } from '../../../src/ui/use-remote';

/** Shows the counts of tab 7: the total of blocked requests, or "loading". */
function Counts({ connector, load }: { connector: MockConnector; load: () => Promise<number> }) {
  const [remote] = useRemote(connector, load, {
    subscription: { topic: 'tab', tabId: 7 },
    apply: (_value, push) =>
      push.type === 'tab-counts' && push.domain === 'mini.test' ? (push.counts.all?.blockedRequests ?? 0) : 'reload',
  });
  return <p>{remote.value === undefined ? 'loading' : `value ${remote.value}${remote.error ? ` ${remote.error}` : ''}`}</p>;
}

const counts = (blockedRequests: number, domain: string | null = 'mini.test'): Push<'tab'> => ({
  type: 'tab-counts',
  tabId: 7,
  domain,
  counts: { all: { blockedRequests, removedCookies: 0 } },
});

function deferredLoads() {
  const answers: ((value: number) => void)[] = [];
  const load = () => new Promise<number>((resolve) => answers.push(resolve));
  return { answers, load };
}

describe('useRemote', () => {
  it('subscribes before it asks, takes in pushes without asking again, and unsubscribes when gone', async () => {
    const connector = mockConnector({});
    const { answers, load } = deferredLoads();
    const { unmount } = render(<Counts connector={connector} load={load} />);
    expect(connector.subscriptions()).toEqual([{ topic: 'tab', tabId: 7 }]);
    answers[0]!(1);
    await screen.findByText('value 1');
    await act(() => connector.push(counts(2)));
    await act(() => connector.push({ ...counts(5), tabId: 8 }));
    expect(await screen.findByText('value 2')).toBeTruthy();
    expect(answers).toHaveLength(1);
    unmount();
    expect(connector.subscriptions()).toEqual([]);
  });

  it('asks once more after the first answer when pushes came before it (they may have overtaken it)', async () => {
    const connector = mockConnector({});
    const { answers, load } = deferredLoads();
    render(<Counts connector={connector} load={load} />);
    await act(() => {
      connector.push(counts(9));
      connector.push(counts(10));
    });
    answers[0]!(1);
    await act(async () => undefined);
    expect(answers).toHaveLength(2);
    answers[1]!(10);
    expect(await screen.findByText('value 10')).toBeTruthy();
    expect(answers).toHaveLength(2);
  });

  it('asks again for a push it cannot take in, or after the connection came back; a burst costs one more request', async () => {
    const connector = mockConnector({});
    const { answers, load } = deferredLoads();
    render(<Counts connector={connector} load={load} />);
    answers[0]!(1);
    await screen.findByText('value 1');
    await act(() => {
      connector.push(counts(0, 'elsewhere'));
      connector.reconnect();
      connector.push(counts(0, null));
    });
    expect(answers).toHaveLength(2);
    answers[1]!(3);
    await screen.findByText('value 3');
    expect(answers).toHaveLength(3);
    answers[2]!(6);
    expect(await screen.findByText('value 6')).toBeTruthy();
    expect(answers).toHaveLength(3);
  });

  it('keeps the last good value and reports a failed reload', async () => {
    const connector = mockConnector({});
    let fail = false;
    const load = async () => {
      if (fail) throw new Error('worker gone');
      return 3;
    };
    render(<Counts connector={connector} load={load} />);
    await screen.findByText('value 3');
    fail = true;
    await act(() => connector.reconnect());
    expect(await screen.findByText('value 3 worker gone')).toBeTruthy();
  });
});
