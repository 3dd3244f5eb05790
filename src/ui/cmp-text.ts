// The popup's words for a consent manager (CMP) check: pure, so each outcome's sentence is tested.
import type { CmpCheck, CmpStatus } from '../consent-manager/status';
import type { CmpVerdict } from '../consent-manager/verify';

/** "Performance (C0002): refused, …" — what the CMP was told, in the notice's labels with the CMP's ids. */
export function toldText(status: CmpStatus): string {
  return status.told.map(({ group, label, allowed }) => `${label} (${group}): ${allowed ? 'allowed' : 'refused'}`).join('; ');
}

/**
 * The question about a grant recorded in the site's CMP: "The site’s consent manager now allows everything (its
 * “Allow all”). Allow Performance and Advertising on example.com too?" — in the notice's labels, never the page's
 * words, and without saying who chose it there: a script on the page can call the same API.
 */
export function questionText(question: NonNullable<CmpStatus['question']>, domain: string): string {
  const labels = question.granted.map(({ label }) => label);
  const listed = labels.length === 1 ? labels[0]! : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)!}`;
  const recorded = question.allowAll
    ? 'The site’s consent manager now allows everything (its “Allow all”)'
    : `The site’s consent manager now allows ${listed}`;
  return `${recorded}. Allow ${listed} on ${domain} too? Until you say so, it stays refused here.`;
}

/**
 * A group the site's CMP has that the notice does not name: "“Research” (C0009), which Atlassian's cookie notice does
 * not name: told refused." — the CMP's own name, as text.
 */
export function unmappedText(group: CmpCheck['unmapped'][number], owner: string): string {
  const name = group.name.trim() === '' ? group.id : `“${group.name.trim()}” (${group.id})`;
  return `${name}, which ${owner}’s cookie notice does not name: told ${group.told ? 'allowed (the CMP keeps it always active)' : 'refused'}.`;
}

/** Said when the answer could not be written on the domain: what was done instead, and what still holds. */
export function answerFailedText(name: string): string {
  return `Your choices could not be written to ${name}'s record on this site, so its own record was removed: its banner may ask you again. What is blocked does not depend on it.`;
}

/** One sentence on whether the page's CMP holds the answer; page data appears only as group ids and a reason. */
export function checkText(check: CmpCheck | null): string {
  if (check === null) return 'Not checked on this page yet.';
  const { verdict, repaired } = check;
  const independent = verdict.state === 'mismatch' ? ' What is blocked does not depend on it.' : '';
  if (repaired === null) return `Checked on this page: ${stateText(verdict)}.${independent}`;
  return `Checked on this page: ${stateText(repaired.before)}, so it was told again through its own ${repaired.call} call; now ${stateText(verdict)}.${independent}`;
}

function stateText(verdict: CmpVerdict): string {
  switch (verdict.state) {
    case 'verified':
      return 'it holds these choices';
    case 'no-cmp':
      return 'its script was not found';
    case 'invalid':
      return `it reported its state unreadably (${verdict.error})`;
    case 'mismatch': {
      const groups = verdict.differs.map(({ group, believes }) => `${group} ${believes ? 'allowed' : 'refused'}`);
      const parts = [
        ...(groups.length > 0 ? [`it believes ${groups.join(', ')}`] : []),
        ...(verdict.bannerShown ? ['its banner is shown'] : []),
      ];
      return parts.join(' and ');
    }
  }
}
