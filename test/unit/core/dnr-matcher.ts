// A small model of how the browser applies our rules to one request (highest priority wins; at equal priority
// allow beats block; header removal applies unless an allow or block outranks it), so tests judge behaviour, not shape.
import type { DnrRule } from '../../../src/core/dnr-rules';
import { hostOf, isWithin } from '../../../src/core/hosts';

export type Outcome = 'allow' | 'block' | 'strip-cookies' | 'none';

export function outcomeOf(rules: DnrRule[], initiator: string, url: string): Outcome {
  const initiatorHost = hostOf(initiator);
  const host = hostOf(url);
  const within = (list: string[] | undefined): boolean => (list ?? []).some((domain) => isWithin(host, domain));
  const matching = rules.filter(
    ({ condition }) =>
      condition.initiatorDomains.some((domain) => isWithin(initiatorHost, domain)) &&
      (condition.requestDomains === undefined || within(condition.requestDomains)) &&
      !within(condition.excludedRequestDomains),
  );
  const rank = (rule: DnrRule): number => rule.priority * 10 + (rule.action.type === 'allow' ? 2 : rule.action.type === 'block' ? 1 : 0);
  const top = matching.sort((a, b) => rank(b) - rank(a))[0];
  if (top === undefined) return 'none';
  return top.action.type === 'modifyHeaders' ? 'strip-cookies' : top.action.type;
}
