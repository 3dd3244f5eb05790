// How well the lexicon rules place sentences, measured on a hand-labelled sample of the Atlassian policy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifySentence } from '../../../src/compiler/practice-groups';

const labelled: { text: string; groups: string[] }[] = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/policies/labelled/atlassian-policy.json'), 'utf8'),
).sentences;

function score() {
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

it('finds nearly every group a reader gives a sentence (recall at least 0.95)', () => {
  expect(score().recall).toBeGreaterThanOrEqual(0.95);
});

it('mostly gives groups a reader agrees with (precision at least 0.75)', () => {
  expect(score().precision).toBeGreaterThanOrEqual(0.75);
});

it.each([
  ['we may change this privacy policy from time to time', 'policy-change'],
  ['we do not knowingly collect personal information from children under', 'specific-audiences'],
  ['where data is transferred over internet as part of website saas product data is encrypted using industry standard ssl https', 'data-security'],
  ['we will retain your account information for as long as your account is active', 'data-retention'],
  ['we do not track you when your browser sends a do not track signal', 'do-not-track'],
  ['you can opt out of some notification messages in your account settings', 'user-choice'],
])('places "%s" in %s', (text, group) => {
  expect(classifySentence(text)).toContain(group);
});
