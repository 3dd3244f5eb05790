// A small model of how the browser applies our rules to one subresource request: the highest priority wins; at equal
// priority allow beats block; header removal applies only when no allow or block rule of the same or higher priority
// matches (Chrome DNR docs, "Rule priorities"). A fast pre-check: the judge is Chromium's own matcher
// (test/e2e/dnr-matcher.e2e.ts). It ignores resource types.
import type { DnrRule } from '../../../src/ports/dnr';
import { hostOf, isWithin } from '../../../src/shared/hosts';

export type Outcome = 'allow' | 'block' | 'strip-cookies' | 'none';

export function matchOf(rules: readonly DnrRule[], initiator: string, url: string): { outcome: Outcome; ruleId: number | null } {
  const initiatorHost = hostOf(initiator);
  const host = hostOf(url);
  const within = (value: string, list: string[] | undefined): boolean => (list ?? []).some((domain) => isWithin(value, domain));
  const matching = rules.filter(
    ({ condition }) =>
      within(initiatorHost, condition.initiatorDomains) &&
      !within(initiatorHost, condition.excludedInitiatorDomains) &&
      (condition.requestDomains === undefined || within(host, condition.requestDomains)) &&
      !within(host, condition.excludedRequestDomains) &&
      (condition.regexFilter === undefined || new RegExp(condition.regexFilter, 'i').test(url)),
  );
  const rank = (rule: DnrRule): number => rule.priority * 10 + (rule.action.type === 'allow' ? 2 : rule.action.type === 'block' ? 1 : 0);
  const top = matching.sort((a, b) => rank(b) - rank(a))[0];
  if (top === undefined) return { outcome: 'none', ruleId: null };
  return { outcome: top.action.type === 'modifyHeaders' ? 'strip-cookies' : top.action.type, ruleId: top.id };
}

export function outcomeOf(rules: readonly DnrRule[], initiator: string, url: string): Outcome {
  return matchOf(rules, initiator, url).outcome;
}
