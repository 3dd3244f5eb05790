/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["require", "default"]}
 */
import { render, screen } from '@testing-library/preact';
import { mockConnector } from '../../../src/ui/mock-connector';
import { useRemote } from '../../../src/ui/use-remote';
import type { Connector } from '../../../src/ui/connector';

function Counter({ connector, load }: { connector: Connector; load: () => Promise<number> }) {
  const [remote] = useRemote(connector, load);
  return <p>{remote.value === undefined ? 'loading' : `value ${remote.value}`}</p>;
}

describe('useRemote', () => {
  it('coalesces a burst of storage changes into one more request and shows the newest answer', async () => {
    const connector = mockConnector({});
    const answers: ((value: number) => void)[] = [];
    const load = () => new Promise<number>((resolve) => answers.push(resolve));
    render(<Counter connector={connector} load={load} />);
    for (let change = 0; change < 5; change += 1) connector.emitStorageChange();
    expect(answers).toHaveLength(1);
    answers[0]!(1);
    await screen.findByText('value 1');
    expect(answers).toHaveLength(2);
    answers[1]!(6);
    expect(await screen.findByText('value 6')).toBeTruthy();
    expect(answers).toHaveLength(2);
  });

  it('keeps the last good value and reports a failed reload', async () => {
    const connector = mockConnector({});
    let fail = false;
    const load = async () => {
      if (fail) throw new Error('worker gone');
      return 3;
    };
    function Shown() {
      const [remote] = useRemote(connector, load);
      return <p>{`${remote.value} ${remote.error ?? ''}`}</p>;
    }
    render(<Shown />);
    await screen.findByText('3');
    fail = true;
    connector.emitStorageChange();
    expect(await screen.findByText('3 worker gone')).toBeTruthy();
  });
});
