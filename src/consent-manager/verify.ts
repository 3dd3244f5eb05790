// After the site's consent manager (CMP) has loaded: does it believe what it was told? Each platform with an API
// (platform.ts `api`) checks its own observation; these are the verdict and the groups it reports, as the popup
// shows them.

/** A group the page's CMP declares: its id, its texts (page data, as text), and whether it is always active. */
export interface DeclaredGroup {
  id: string;
  name: string;
  description: string;
  alwaysActive: boolean;
}

/** The outcome shown in the popup: told and confirmed, told but it disagrees (and on which groups), or no CMP. */
export type CmpVerdict =
  | { state: 'verified' }
  | { state: 'mismatch'; differs: Array<{ group: string; told: boolean; believes: boolean }>; bannerShown: boolean }
  | { state: 'no-cmp' }
  | { state: 'invalid'; error: string };
