// What the answerer (answerer.ts) keeps per registrable domain in storage.session while the browser runs, so a
// worker that slept still knows what it wrote there and what it asked: read once per worker, checked like anything
// read back from storage, and written only when it changed.
import * as v from 'valibot';
import { GROUP_ID } from '../shared/patterns';
import type { KeyValueArea } from '../ports/storage';
import { MAX_GROUPS } from './answer';

/** storage.session key: per registrable domain, what the extension last left there and the person's open question. */
const CMP_STATE_KEY = 'cmpAnswers';

const GroupIdsSchema = v.pipe(v.array(v.pipe(v.string(), v.regex(GROUP_ID))), v.maxLength(MAX_GROUPS));
const DomainStateSchema = v.object({
  /** The interaction count of the record the extension last left on the domain (platform.ts RecordMarks). */
  written: v.number(),
  /** The moment of the record the extension last left on the domain, where its CMP keeps one (RecordMarks). */
  utc: v.optional(v.number()),
  /** Refusable groups the domain's CMP declared that the map lacks (checker.ts): the record refuses them too. */
  declared: v.optional(GroupIdsSchema),
  /** Groups beyond the map that the domain's CMP marks always active: the record allows them, as the CMP does. */
  alwaysActive: v.optional(GroupIdsSchema),
  question: v.optional(v.object({ granted: v.array(v.string()), allowAll: v.boolean() })),
  /** The last answer could not be written (the page's record was removed instead): the popup says so. */
  failed: v.optional(v.literal(true)),
});
export type DomainState = v.InferOutput<typeof DomainStateSchema>;

/** The group ids of `ids` a record can hold, at most MAX_GROUPS. */
export function validGroupIds(ids: readonly string[]): string[] {
  return ids.filter((group) => GROUP_ID.test(group)).slice(0, MAX_GROUPS);
}

export function createDomainStates(session: KeyValueArea) {
  let states: Promise<Record<string, DomainState>> | null = null;
  const all = (): Promise<Record<string, DomainState>> =>
    (states ??= session.get(CMP_STATE_KEY).then(
      (stored) => {
        const parsed = v.safeParse(v.record(v.string(), DomainStateSchema), stored[CMP_STATE_KEY] ?? {});
        return parsed.success ? parsed.output : {};
      },
      (error: unknown) => {
        // Read again next time rather than keep the failure for the worker's life.
        states = null;
        throw error;
      },
    ));
  const edit = async (domain: string, change: (state: DomainState | undefined) => DomainState | undefined): Promise<void> => {
    const known = await all();
    const before = JSON.stringify(known[domain]);
    const after = change(known[domain]);
    if (after === undefined) delete known[domain];
    else known[domain] = after;
    if (JSON.stringify(after) !== before) await session.set({ [CMP_STATE_KEY]: known });
  };
  return { all, edit };
}

export function withoutQuestion({ question: _settled, ...kept }: DomainState): DomainState {
  return kept;
}

export function withoutFailure({ failed: _answered, ...kept }: DomainState): DomainState {
  return kept;
}

/** The same group ids, in any order; a missing list is empty. */
export function sameIds(ids: readonly string[], known: readonly string[] = []): boolean {
  return ids.length === known.length && ids.every((id) => known.includes(id));
}
