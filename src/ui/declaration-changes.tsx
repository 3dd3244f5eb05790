// What later readings of a protected site's declaration found changed: the popup shows the latest reading's, the
// options page every kept reading's, newest first. One line of text per change (protected-sites/reading.ts).
import type { SiteChange } from '../settings/settings';
import { dayText } from './declaration-text';

/** One reading's changes, a line each. */
function ChangeLines({ change }: { change: SiteChange }) {
  return (
    <ul>
      {change.lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}

/** The latest reading's changes, open under its date (the popup). */
export function LatestDeclarationChange({ change }: { change: SiteChange }) {
  return (
    <details class="changes" id="declaration-changes" open>
      <summary>Its declaration changed ({dayText(change.at)})</summary>
      <ChangeLines change={change} />
    </details>
  );
}

/** Every kept reading's changes, newest first, each under its date; says so when none found a change (the options page). */
export function DeclarationChanges({ changes }: { changes: readonly SiteChange[] }) {
  if (changes.length === 0) return <p>No later reading found a change.</p>;
  const newestFirst = [...changes].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <ul class="declaration-changes">
      {newestFirst.map((change, position) => (
        <li key={`${change.at}-${position}`}>
          <p class="change-date">Read on {dayText(change.at)}:</p>
          <ChangeLines change={change} />
        </li>
      ))}
    </ul>
  );
}
