// OneTrust's declared groups (GetDomainData().Groups), one set of caps and rules for every reader of them: the
// declarations read to protect a site (declaration.ts) and the groups a covered page's check reports (verify.ts).
// The main-world readers (page/declarations.ts, page/api.ts) cut texts to these caps in literals of their own, as
// serialised functions must.
import { GROUP_ID } from '../../shared/patterns';
import { plainText } from '../declared';

/** A group's name and description as shown in its preference centre: a few words, a few sentences. */
export const GROUP_TEXT = { name: 120, description: 600 } as const;

/** A group id a record can hold, as the page gives it (not trimmed: an id with spaces is not OneTrust's). */
export function isGroupId(id: string): boolean {
  return GROUP_ID.test(id);
}

/** OneTrust marks the groups it keeps on whatever the visitor says with this status. */
export function isAlwaysActive(status: unknown): boolean {
  return status === 'always active';
}

/** A group's text as shown: markup removed (descriptions hold HTML), whitespace collapsed. */
export const groupText = plainText;
