// Export the settings to a file, import a file (all or nothing, with the precise error), reset after confirming.
import { useRef, useState } from 'preact/hooks';
import type { Settings } from '../src/settings/settings';
import type { Connector } from '../src/ui/connector';
import { downloadText } from '../src/ui/download';
import { messageOf } from '../src/ui/use-remote';

interface Props {
  connector: Connector;
  /** The settings an import or a reset replied with. */
  onSettings: (settings: Settings) => void;
}

interface Outcome {
  ok: boolean;
  message: string;
}

export function SettingsFile({ connector, onSettings }: Props) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirming, setConfirming] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);

  async function attempt(action: () => Promise<Outcome>) {
    try {
      setOutcome(await action());
    } catch (failure) {
      setOutcome({ ok: false, message: messageOf(failure) });
    }
  }

  const exportSettings = () =>
    attempt(async () => {
      const { text } = await connector.request('export-settings', {});
      downloadText(`policy-guard-settings-${new Date().toISOString().slice(0, 10)}.json`, text);
      return { ok: true, message: 'Exported your choices and exceptions.' };
    });

  const importFile = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    void attempt(async () => {
      const result = await connector.request('import-settings', { text: await file.text() });
      input.value = '';
      if (result.ok) onSettings(result.settings);
      return result.ok
        ? { ok: true, message: `Imported ${file.name}.` }
        : { ok: false, message: `${file.name} was not imported, nothing changed: ${result.error}` };
    });
  };

  const reset = () =>
    attempt(async () => {
      onSettings(await connector.request('reset-settings', {}));
      setConfirming(false);
      return { ok: true, message: 'All settings are back to their defaults.' };
    });

  const cancel = () => {
    setConfirming(false);
    resetButton.current?.focus();
  };

  return (
    <section id="settings-file" aria-labelledby="settings-file-heading">
      <h2 id="settings-file-heading">Export, import, reset</h2>
      <p class="lead">A settings file holds your choices, your exceptions and the sites you protected: no counts.</p>
      <div class="actions">
        <div class="action-with-note">
          <button type="button" aria-describedby="export-note" onClick={() => void exportSettings()}>
            Export settings
          </button>
          <p id="export-note" class="note">
            The file names the sites you protected and those with exceptions of their own: sites you visited. Keep it where only you can
            read it.
          </p>
        </div>
        <label class="file">
          Import a settings file
          <input type="file" accept=".json,application/json" onChange={(event) => importFile(event.currentTarget)} />
        </label>
        <div class="action-with-note">
          <button
            type="button"
            ref={resetButton}
            class="danger"
            aria-expanded={confirming}
            aria-describedby="reset-note"
            onClick={() => setConfirming(true)}
          >
            Reset to defaults…
          </button>
          <p id="reset-note" class="note">
            Also stops protecting the sites you protected from their consent manager.
          </p>
        </div>
      </div>
      {confirming && (
        <div class="confirm" role="group" aria-labelledby="confirm-reset">
          <p id="confirm-reset">
            Reset every default, exception and preference, and stop protecting every site you protected (Policy Guard gives back its access
            to them)? This cannot be undone; export first to keep a copy.
          </p>
          <button type="button" class="danger" autoFocus onClick={() => void reset()}>
            Yes, reset everything
          </button>{' '}
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
      <p role="status" class="status">
        {outcome?.ok && outcome.message}
      </p>
      <p role="alert" class="error">
        {outcome && !outcome.ok && outcome.message}
      </p>
    </section>
  );
}
