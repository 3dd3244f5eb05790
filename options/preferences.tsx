// How unknown cookies on covered sites are treated, and whether the toolbar badge shows counts.
import type { Settings } from '../src/core/settings';
import type { SectionProps } from './section-props';

const UNKNOWN_COOKIES: { value: Settings['unknownCookies']; label: string }[] = [
  { value: 'allow', label: 'Leave them alone (default)' },
  { value: 'remove', label: 'Remove them' },
];

export function Preferences({ connector, run, settings }: Omit<SectionProps, 'sites'>) {
  const setPreferences = (change: Partial<Pick<Settings, 'unknownCookies' | 'badge'>>) =>
    void run(() => connector.request('set-preferences', change));
  return (
    <section id="preferences" aria-labelledby="preferences-heading">
      <h2 id="preferences-heading">Preferences</h2>
      <fieldset>
        <legend>Cookies on covered sites that their policy does not account for</legend>
        {UNKNOWN_COOKIES.map(({ value, label }) => (
          <label class="choice" key={value}>
            <input
              type="radio"
              name="unknown-cookies"
              value={value}
              checked={settings.unknownCookies === value}
              onChange={() => setPreferences({ unknownCookies: value })}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <label class="choice">
        <input type="checkbox" checked={settings.badge} onChange={(event) => setPreferences({ badge: event.currentTarget.checked })} />
        Show on the toolbar icon how much was stopped on the tab
      </label>
    </section>
  );
}
