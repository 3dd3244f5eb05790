// The declarativeNetRequest rule ids this extension owns and the priorities it uses, named in one place.
//
// How the browser picks among matching rules (Chrome DNR docs, "Matching algorithm" / "Rule priorities",
// https://developer.chrome.com/docs/extensions/reference/api/declarativeNetRequest#implementation-matching-algorithm;
// Firefox follows the same model): the highest-priority allow/allowAllRequests/block/upgradeScheme/redirect rule
// decides; at equal priority allow beats block. A blocked request is never modified. modifyHeaders rules apply only
// when no allow rule of the same or higher priority matches.

/** An inclusive range of dynamic rule ids. */
export interface IdRange {
  first: number;
  last: number;
}

/**
 * Dynamic rule ids by owner. Each sync removes only ids in its own range, so rules written by another part of the
 * extension (or a later version's new range) survive it. Ids are positive integers (both browsers reject 0).
 */
export const RULE_IDS = {
  /** Rules compiled from the knowledge base and the settings (dnr-rules.ts), kept in force by dnr-sync.ts. */
  sites: { first: 1, last: 99_999 },
  /**
   * Session rules scoped to the tabs showing a covered page (tab-rules.ts compileTabRules), where the browser has no
   * topDomains: rule `tabSession.first + n` carries site rule `sites.first + n` to those tabs.
   */
  tabSession: { first: 100_000, last: 199_999 },
  /** Reserved for rules that help a consent manager (CMP) record a refusal; none are written yet. */
  consentManager: { first: 200_000, last: 299_999 },
  /** Dynamic rules scoped by the top-level page (tab-rules.ts compileTopDomainRules): `topSites.first + n` carries site rule `sites.first + n`. */
  topSites: { first: 300_000, last: 399_999 },
  /** The rules that send Global Privacy Control's `Sec-GPC: 1` header (gpc.ts). */
  globalPrivacyControl: { first: 400_000, last: 400_099 },
} as const satisfies Record<string, IdRange>;

export function inRange(id: number, range: IdRange): boolean {
  return Number.isInteger(id) && id >= range.first && id <= range.last;
}

/**
 * Rule priorities, lowest first. Gaps leave room for rules between them. The order is what matters:
 * - stripUnknownCookies < blockRefused: a refused tracker is blocked; a blocked request needs no header rule.
 * - blockRefused < trackerPath: a tracker's path prefixes on a host that serves several purposes decide over the
 *   host's (or its parent's) own rule, both ways: www.facebook.com/tr blocked while /plugins/ loads, and back.
 *   Prefixes of one host never overlap (the policy compiler checks), so block and allow path rules never compete.
 * - trackerPath < allowConsentManager: the site's CMP is never blocked, even when a refused tracker's
 *   host contains its host, and (allow outranking modifyHeaders) its cookies, which hold the person's choices, are
 *   never stripped.
 * - allowConsentManager < globalPrivacyControl: the Sec-GPC header rules apply to every request that is not blocked,
 *   those an allow rule lets through included (an allowed tracker path; a consent manager on a host the extension
 *   may reach).
 */
export const PRIORITY = {
  stripUnknownCookies: 10,
  blockRefused: 20,
  trackerPath: 25,
  allowConsentManager: 30,
  globalPrivacyControl: 40,
} as const;
