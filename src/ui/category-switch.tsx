// One category's switch: a native checkbox announced as a switch, named by the notice's own label.
interface Props {
  /** The category id: the control's form name, a stable handle for scripts and tests. */
  name: string;
  label: string;
  /** Heard, not seen: tells apart switches of the same category on one page (e.g. "on Atlassian"). */
  context?: string;
  checked: boolean;
  /** Categories the notice says cannot be refused: shown on, never changeable. */
  locked?: boolean;
  /** Changeable in principle but not now (e.g. while the site is paused). */
  disabled?: boolean;
  describedBy?: string;
  onChange?: (allowed: boolean) => void;
}

export function CategorySwitch({ name, label, context, checked, locked = false, disabled = false, describedBy, onChange }: Props) {
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        name={name}
        checked={locked || checked}
        disabled={locked || disabled}
        aria-describedby={describedBy}
        onChange={(event) => onChange?.(event.currentTarget.checked)}
      />
      <span class="switch-label">
        {label}
        {context && <span class="visually-hidden"> {context}</span>}
      </span>
      <span class="switch-state" aria-hidden="true">
        {locked ? 'Always on' : checked ? 'Allowed' : 'Blocked'}
      </span>
    </label>
  );
}
