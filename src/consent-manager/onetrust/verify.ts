// After OneTrust has loaded: does it believe what it was told? What the page's main world reports (page/api.ts) is
// untrusted (any script there can forge it), so it is checked and capped here and can only change what this tab's
// popup says, never what is enforced.
import * as v from 'valibot';
import { issueText } from '../../shared/schema-parts';
import type { CmpVerdict, DeclaredGroup } from '../verify';
import { MAX_GROUPS } from '../answer';
import { GROUP_TEXT, groupText, isGroupId } from './groups';

/** OneTrust's `OnetrustActiveGroups` is ",C0001,C0003," — a few hundred characters on real sites. */
const MAX_ACTIVE_GROUPS_CHARS = 2048;

/** A group the CMP declares (OneTrust's `GetDomainData().Groups`): its id, its texts, and whether it is always active. */
const DeclaredGroupSchema = v.strictObject({
  id: v.pipe(v.string(), v.check(isGroupId)),
  name: v.pipe(v.string(), v.maxLength(GROUP_TEXT.name)),
  description: v.pipe(v.string(), v.maxLength(GROUP_TEXT.description)),
  alwaysActive: v.boolean(),
});

/** What a main-world check saw of OneTrust: its active groups, whether it counts the banner answered and shows it. */
const CmpObservationSchema = v.strictObject({
  found: v.boolean(),
  activeGroups: v.optional(v.pipe(v.string(), v.maxLength(MAX_ACTIVE_GROUPS_CHARS))),
  alertBoxClosed: v.optional(v.boolean()),
  bannerShown: v.optional(v.boolean()),
  // Checked group by group in declaredGroups: one odd group must not cost the whole check.
  groups: v.optional(v.pipe(v.array(v.unknown()), v.maxLength(MAX_GROUPS))),
});

/**
 * The groups the page's CMP declares, from a main-world observation (page data): each group that fits its schema (an
 * id as in a record, a name up to 120 and a description up to 600 characters) once, in order, at most 64; none when
 * the observation itself does not fit. Descriptions lose any markup (OneTrust's contain HTML): they are shown as text.
 */
export function declaredGroups(observation: unknown): DeclaredGroup[] {
  const parsed = v.safeParse(CmpObservationSchema, observation);
  const seen = new Set<string>();
  const groups: DeclaredGroup[] = [];
  for (const entry of parsed.success ? (parsed.output.groups ?? []) : []) {
    const group = v.safeParse(DeclaredGroupSchema, entry);
    if (!group.success || seen.has(group.output.id)) continue;
    seen.add(group.output.id);
    groups.push({ ...group.output, description: groupText(group.output.description) });
  }
  return groups;
}

/**
 * Compares the CMP's view with the answer (group id → consented). `observation` is page data: anything that does not
 * fit CmpObservationSchema is `invalid` with the reason. A group the CMP does not list as active believes "refused".
 */
export function verifyCmp(answer: ReadonlyMap<string, boolean>, observation: unknown): CmpVerdict {
  const parsed = v.safeParse(CmpObservationSchema, observation);
  if (!parsed.success) return { state: 'invalid', error: issueText(parsed.issues[0], 'observation') };
  const { found, activeGroups = '', bannerShown = false, alertBoxClosed = false } = parsed.output;
  if (!found) return { state: 'no-cmp' };
  const active = new Set(activeGroups.split(',').filter((id) => id !== ''));
  const differs = [...answer]
    .map(([group, told]) => ({ group, told, believes: active.has(group) }))
    .filter(({ told, believes }) => told !== believes);
  if (differs.length === 0 && alertBoxClosed && !bannerShown) return { state: 'verified' };
  return { state: 'mismatch', differs, bannerShown };
}

/** The one CMP API call that repairs a mismatch: a uniform answer uses reject-all or allow-all; else per group. */
export type CmpRepair = { call: 'RejectAll' } | { call: 'AllowAll' } | { call: 'UpdateConsent'; groups: Array<[string, boolean]> };

/**
 * The repair for an answer whose refusable groups are all refused or all allowed, or else the per-group update; null
 * when no group is left to tell. `strictlyNecessary` groups are left out (the CMP keeps those active itself), and so
 * are `pageAlwaysActive` ones, groups beyond the map that the page says are always active: they are page data, so
 * the CMP keeps them as it has them, and allow-all, which would grant them too, is not used while any is left out.
 * Never `Close()`: OneTrust applies the site's own default on close, not the person's choice.
 */
export function cmpRepair(
  answer: ReadonlyMap<string, boolean>,
  strictlyNecessary: ReadonlySet<string>,
  pageAlwaysActive: ReadonlySet<string>,
): CmpRepair | null {
  const left = [...answer].filter(([group]) => !strictlyNecessary.has(group));
  const refusable = left.filter(([group]) => !pageAlwaysActive.has(group));
  if (refusable.length === 0) return null;
  if (refusable.every(([, consented]) => !consented)) return { call: 'RejectAll' };
  if (refusable.length === left.length && refusable.every(([, consented]) => consented)) return { call: 'AllowAll' };
  return { call: 'UpdateConsent', groups: refusable };
}
