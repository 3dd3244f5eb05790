import { parseOneTrustRecord, type OneTrustRecord } from '../../../src/consent-manager/onetrust/record';
import { interactionCount, personAnswer } from '../../../src/consent-manager/onetrust/plan';
import { choicesOn } from '../../../src/settings/choices';
import { freshSettings } from '../../../src/settings/settings';
import { setSiteChoice } from '../../../src/settings/ops';
import { loadSites } from '../../../src/knowledge/load';

const site = loadSites().find((candidate) => candidate.id === 'atlassian')!;
// Defaults: functionality allowed; analytics, advertising and social media refused.
const defaults = choicesOn(site, freshSettings(), 'atlassian.com').allowed;

function record(groups: string, count: number | string = 2): OneTrustRecord {
  const parsed = parseOneTrustRecord(new URLSearchParams({ consentId: 'x', interactionCount: String(count), groups }).toString());
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.record;
}

describe("the person's own answer in the CMP", () => {
  test('"Allow all" after the extension answered: every refused category is a grant to ask about, nothing is refused', () => {
    const answer = personAnswer(site, defaults, record('C0001:1,C0002:1,C0003:1,C0004:1,C0005:1'), 1);
    expect(answer).toEqual({
      refused: [],
      granted: ['performance-and-analytics', 'targeting-or-advertising', 'social-media'],
      allowAll: true,
    });
  });

  test('a preference centre that turns functionality off and analytics on: one refusal to mirror, one grant to ask', () => {
    const answer = personAnswer(site, defaults, record('C0001:1,C0002:1,C0003:0,C0004:0,C0005:0'), 1);
    expect(answer).toEqual({ refused: ['functionality'], granted: ['performance-and-analytics'], allowAll: false });
  });

  test('"Reject all" where the choice allows functionality: mirrored; strictly necessary groups never count', () => {
    const allowed = choicesOn(site, setSiteChoice(freshSettings(), 'atlassian.com', 'social-media', true), 'atlassian.com').allowed;
    const answer = personAnswer(site, allowed, record('C0001:0,C0002:0,C0003:0,C0004:0,C0005:0', 4), 3);
    expect(answer).toEqual({ refused: ['functionality', 'social-media'], granted: [], allowAll: false });
  });

  test('no new interaction, or none the extension knows of, is not a person’s answer: the record is answered again', () => {
    const allowAll = record('C0001:1,C0002:1,C0003:1,C0004:1,C0005:1', 2);
    expect(personAnswer(site, defaults, allowAll, 2)).toBeNull();
    expect(personAnswer(site, defaults, allowAll, 5)).toBeNull();
    expect(personAnswer(site, defaults, allowAll, undefined)).toBeNull();
  });

  test('groups the map does not know, and groups the record lacks, decide nothing', () => {
    const answer = personAnswer(site, defaults, record('C0001:1,C0003:1,C0099:1,STACK42:1'), 0);
    expect(answer).toEqual({ refused: [], granted: [], allowAll: true });
  });

  test('interactionCount: a missing, negative or non-numeric count is 0', () => {
    expect(interactionCount(record('C0001:1', 'x'))).toBe(0);
    expect(interactionCount(record('C0001:1', -3))).toBe(0);
    expect(interactionCount(record('C0001:1', 7))).toBe(7);
  });
});
