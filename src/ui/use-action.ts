// Runs a user action against the background, then refreshes the page; a failure is kept for an alert.
import { useState } from 'preact/hooks';
import { messageOf } from './use-remote';

export function useAction(refresh: () => Promise<void>) {
  const [error, setError] = useState('');
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    try {
      await action();
      setError('');
      await refresh();
      return true;
    } catch (failure) {
      setError(messageOf(failure));
      return false;
    }
  }
  return { run, error };
}
