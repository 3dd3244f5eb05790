// Puts new settings in force. A reply waits only for what decides the next page load: the dynamic rules and the
// cookie shield's registration. Then open pages hear of the change, and the sweep of cookies the old settings let
// in and the badges follow without holding up the reply; a burst of changes ends with one sweep for the newest.
import type { Settings } from './settings';
import { syncToLatest } from '../shared/sync-to-latest';

export interface EnforcementDeps {
  rules: { apply(settings: Settings): Promise<void> };
  shield: { apply(settings: Settings): Promise<void> };
  /** The CMPs' consent records: written before the reply, so the next page's CMP reads the new choice. */
  cmp: { apply(settings: Settings): Promise<void> };
  /** Tells open pages: once the new settings are in force. */
  announce: () => Promise<void>;
  /** The cookie sweep and the badges: after the reply. */
  sweep: () => Promise<void>;
  report: (error: unknown) => void;
}

/** Resolves once the rules and the shield for these settings (or newer ones) are in force. */
export function createEnforcement({ rules, shield, cmp, announce, sweep, report }: EnforcementDeps): (settings: Settings) => Promise<void> {
  const sweepToLatest = syncToLatest(sweep);
  return async (settings) => {
    // A shield that fails to register, or a record that cannot be written, leaves the DNR rules and the cookie removal.
    await Promise.all([rules.apply(settings), shield.apply(settings).catch(report), cmp.apply(settings).catch(report)]);
    void announce().catch(report);
    void sweepToLatest(settings).catch(report);
  };
}
