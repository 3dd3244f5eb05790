import { cmpStatus } from '../../../src/consent-manager/status';
import { choicesOn } from '../../../src/settings/choices';
import { freshSettings } from '../../../src/settings/settings';
import { setSiteChoice } from '../../../src/settings/ops';
import { loadSites } from '../../../src/knowledge/load';

const site = loadSites().find((candidate) => candidate.id === 'atlassian')!;

describe('the popup’s consent manager status', () => {
  const question = { granted: ['performance-and-analytics', 'social-media', 'no-such-category'], allowAll: true };

  test('asks only about categories still refused on the domain, in the notice’s labels', () => {
    const allowed = choicesOn(site, setSiteChoice(freshSettings(), 'trello.com', 'social-media', true), 'trello.com').allowed;
    const status = cmpStatus(site, allowed, false, null, question);
    expect(status?.question).toEqual({
      granted: [{ id: 'performance-and-analytics', label: 'Performance and analytics' }],
      allowAll: true,
    });
  });

  test('nothing to ask once all of it is allowed, or while paused', () => {
    const allowed = { ...choicesOn(site, freshSettings(), 'trello.com').allowed, 'performance-and-analytics': true, 'social-media': true };
    expect(cmpStatus(site, allowed, false, null, question)?.question).toBeNull();
    expect(cmpStatus(site, choicesOn(site, freshSettings(), 'trello.com').allowed, true, null, question)?.question).toBeNull();
  });

  test('says the answer failed, except while paused, when nothing is answered', () => {
    const { allowed } = choicesOn(site, freshSettings(), 'trello.com');
    expect(cmpStatus(site, allowed, false, null, null, true)?.answerFailed).toBe(true);
    expect(cmpStatus(site, allowed, false, null, null)?.answerFailed).toBe(false);
    expect(cmpStatus(site, allowed, true, null, null, true)?.answerFailed).toBe(false);
  });
});
