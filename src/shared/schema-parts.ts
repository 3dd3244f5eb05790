// Schema pieces shared by every valibot schema of the project: one id pattern, one way to word an issue.
import * as v from 'valibot';

/** The id pattern of sites, categories, documents and settings keys: a lower-case slug such as "functionality". */
const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Names an id may not have: ids key plain objects (choices, counts, tallies), where these would read what every object
 * inherits (`constructor`) instead of nothing.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** A slug id, never a reserved name. */
export const IdSchema = v.pipe(
  v.string(),
  v.regex(ID_PATTERN, 'must be a lower-case id such as "functionality"'),
  v.check(
    (id) => !RESERVED_NAMES.has(id),
    (issue) => `${JSON.stringify(issue.input)} is a reserved name, not a valid id`,
  ),
);

/** One schema issue as "path: message"; `root` names the value when the issue is at its top. */
export function issueText(issue: v.BaseIssue<unknown>, root = '(root)'): string {
  return `${v.getDotPath(issue) ?? root}: ${issue.message}`;
}
