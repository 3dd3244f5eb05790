// How unknown cookies on covered sites are treated, whether the toolbar badge shows counts, and whether Global
// Privacy Control is sent.
import type { Preferences as Changes, Settings } from '../src/settings/settings';
import type { SectionProps } from './section-props';

const UNKNOWN_COOKIES: { value: Settings['unknownCookies']; label: string }[] = [
  { value: 'allow', label: 'Leave them alone (default)' },
  { value: 'remove', label: 'Remove them' },
];

export function Preferences({ connector, run, settings }: Omit<SectionProps, 'sites'>) {
  const setPreferences = (change: Changes) => void run(() => connector.request('set-preferences', change));
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
      <label class="choice">
        <input
          type="checkbox"
          checked={settings.globalPrivacyControl}
          aria-describedby="gpc-note"
          onChange={(event) => setPreferences({ globalPrivacyControl: event.currentTarget.checked })}
        />
        Send Global Privacy Control on covered sites where you refuse advertising
      </label>
      <p id="gpc-note" class="note">
        The Sec-GPC header and navigator.globalPrivacyControl tell the site not to sell or share your data. Off by default; sent only on the
        covered sites whose advertising category you refuse.
      </p>
    </section>
  );
}
