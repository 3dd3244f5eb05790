// How well the lexicon rules place sentences, measured on a hand-labelled sample of the Atlassian policy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifySentence } from '../../../src/compiler/practice-groups';

type Labelled = { text: string; groups: string[] }[];
const samples: { tuning: Labelled; heldOut: Labelled } = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/policies/labelled/atlassian-policy.json'), 'utf8'),
);

function score(labelled: Labelled) {
  let right = 0;
  let extra = 0;
  let missed = 0;
  for (const { text, groups } of labelled) {
    const assigned = classifySentence(text);
    const hits = assigned.filter((group) => groups.includes(group)).length;
    right += hits;
    extra += assigned.length - hits;
    missed += groups.length - hits;
  }
  return { precision: right / (right + extra), recall: right / (right + missed) };
}

// Floors just under what the rules score today (tuning 0.80 / 0.96, held out 0.77 / 0.91), so a rule that makes
// things worse fails. The held-out sample was labelled after the rules were written and never used to change one.
it.each([
  ['tuning', 0.75, 0.95],
  ['heldOut', 0.75, 0.9],
] as const)('%s sample: precision at least %s, recall at least %s', (sample, precision, recall) => {
  const result = score(samples[sample]);
  expect(result.precision).toBeGreaterThanOrEqual(precision);
  expect(result.recall).toBeGreaterThanOrEqual(recall);
});

it.each([
  ['we may change this privacy policy from time to time', 'policy-change'],
  ['we do not knowingly collect personal information from children under', 'specific-audiences'],
  [
    'where data is transferred over internet as part of website saas product data is encrypted using industry standard ssl https',
    'data-security',
  ],
  ['we will retain your account information for as long as your account is active', 'data-retention'],
  ['we do not track you when your browser sends a do not track signal', 'do-not-track'],
  ['you can opt out of some notification messages in your account settings', 'user-choice'],
])('places "%s" in %s', (text, group) => {
  expect(classifySentence(text)).toContain(group);
});
