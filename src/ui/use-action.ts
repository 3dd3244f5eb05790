// Runs a user action against the background; the action settles the page from its reply. A failure is kept for
// an alert.
import { useState } from 'preact/hooks';
import { messageOf } from './use-remote';

export function useAction() {
  const [error, setError] = useState('');
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    try {
      await action();
      setError('');
      return true;
    } catch (failure) {
      setError(messageOf(failure));
      return false;
    }
  }
  return { run, error };
}
