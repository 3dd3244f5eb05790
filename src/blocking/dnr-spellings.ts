// Every domain list of a rule names each domain in both spellings a browser may keep in a URL: "example.com" and its
// fully qualified "example.com.", so a page or tracker reached at "https://www.example.com./" is matched as well.
import { withFqdnSpelling } from '../shared/hosts';

const DOMAIN_LISTS = ['requestDomains', 'excludedRequestDomains', 'initiatorDomains', 'excludedInitiatorDomains'] as const;

/**
 * The condition with each domain of its four domain lists followed by its trailing-dot spelling (hosts.ts
 * withFqdnSpelling): Firefox matches "www.example.com." only against "example.com." (or "com."); Chromium strips the
 * dot before matching and never matches the dotted entry. Other fields are kept as they are.
 */
export function withFqdnSpellings<Condition extends Partial<Record<(typeof DOMAIN_LISTS)[number], string[]>>>(
  condition: Condition,
): Condition {
  const spelled = { ...condition };
  for (const key of DOMAIN_LISTS) {
    const domains = condition[key];
    if (domains !== undefined) spelled[key] = domains.flatMap(withFqdnSpelling);
  }
  return spelled;
}
