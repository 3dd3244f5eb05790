// The facts of Atlassian's policy and notice a person most wants to know, by sentence id: each must stay reachable
// from what the popup is given (a point or a choice citing it, with the sentence sent along), so a change to the
// compiler, the curated file or the popup's view that drops one fails here.
import { withCitedSentencesOnly } from '../../../src/knowledge/cited-view';
import sites from '../../support/knowledge-sites';

const site = sites.find((candidate) => candidate.id === 'atlassian')!;
const view = withCitedSentencesOnly(site);

const KEY_FACTS: readonly { fact: string; sentence: string; shownAs: 'point' | 'choice' }[] = [
  { fact: 'it does not sell personal information', sentence: 'policy:91', shownAs: 'point' },
  { fact: 'no sharing for third parties’ marketing without permission', sentence: 'policy:132', shownAs: 'point' },
  { fact: 'no sharing except as the policy describes', sentence: 'policy:90', shownAs: 'point' },
  { fact: 'shares with service providers', sentence: 'policy:105', shownAs: 'point' },
  { fact: 'shares content with add-on vendors given access', sentence: 'policy:110', shownAs: 'point' },
  { fact: 'add-on vendors may use it to market to you', sentence: 'policy:113', shownAs: 'point' },
  { fact: 'discloses to law enforcement and for legal process', sentence: 'policy:126', shownAs: 'point' },
  { fact: 'transfers to a buyer of the business', sentence: 'policy:127', shownAs: 'point' },
  { fact: 'how long it keeps data', sentence: 'policy:158', shownAs: 'point' },
  { fact: 'services not directed to children', sentence: 'policy:160', shownAs: 'point' },
  { fact: "deletes a child's information it learns of", sentence: 'policy:162', shownAs: 'point' },
  { fact: 'where data is hosted', sentence: 'policy:133', shownAs: 'point' },
  { fact: 'transfer to Australia and the United States', sentence: 'policy:164', shownAs: 'point' },
  { fact: 'downloadable products hash usernames before collecting them', sentence: 'policy:64', shownAs: 'point' },
  { fact: 'it may come across sensitive personal information when it queries content', sentence: 'policy:55', shownAs: 'point' },
  { fact: 'content made public is readily accessible to anyone', sentence: 'policy:93', shownAs: 'point' },
  { fact: 'access, correction and deletion in account settings', sentence: 'policy:147', shownAs: 'choice' },
  { fact: 'it answers access requests within a number of days', sentence: 'policy:149', shownAs: 'point' },
  { fact: 'account deactivation', sentence: 'policy:153', shownAs: 'choice' },
  { fact: 'e-mail preferences and unsubscribing', sentence: 'policy:140', shownAs: 'choice' },
  { fact: 'notification settings', sentence: 'policy:143', shownAs: 'choice' },
  { fact: "the browser's cookie controls", sentence: 'notice:13', shownAs: 'choice' },
  { fact: 'the privacy contact address', sentence: 'policy:179', shownAs: 'choice' },
];

it.each(KEY_FACTS)('$fact ($sentence) is shown as a $shownAs citing it, with its sentence', ({ sentence, shownAs }) => {
  const claims = shownAs === 'point' ? view.points : view.choices;
  expect(claims.filter((claim) => claim.cites.includes(sentence)).map((claim) => claim.id)).not.toEqual([]);
  expect(view.sentences.some((kept) => kept.id === sentence)).toBe(true);
});

it('gives the privacy contact address rebuilt from the policy’s words', () => {
  expect(view.choices.flatMap((choice) => choice.email ?? [])).toEqual(['privacy@atlassian.com']);
});

it('cites only the snapshot claims come from', () => {
  const policy = site.documents.find((doc) => doc.kind === 'privacy-policy')!;
  const current = policy.snapshots.find((snapshot) => snapshot.index === policy.current)!;
  const position = (id: string) => Number(id.split(':')[1]);
  const cited = [...view.points, ...view.choices].flatMap((claim) => claim.cites).filter((id) => id.startsWith('policy:'));
  expect(cited.filter((id) => position(id) < position(current.firstSentence) || position(id) > position(current.lastSentence))).toEqual([]);
});
