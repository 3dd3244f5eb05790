// The popup's sentences about a site's consent-manager declaration: pure, so each case's wording is tested.
import type { DeclarationSummary, DisputedHost } from '../core/declared/reading';
import type { Site } from '../core/knowledge';

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/** "This site's consent manager (OneTrust) declares 5 categories, 41 cookies, 17 hosts" (cookies include storage keys). */
export function declarationText(summary: DeclarationSummary): string {
  const counts = [
    plural(summary.categories.length, 'category', 'categories'),
    plural(summary.cookies, 'cookie'),
    plural(summary.hosts, 'host'),
  ];
  return `This site's consent manager (${summary.consentManager}) declares ${counts.join(', ')}`;
}

/** "2 cookies, 1 host": what one declared category holds (cookies include storage keys). */
export function categoryCountsText({ cookies, hosts }: { cookies: number; hosts: number }): string {
  return `${plural(cookies, 'cookie')}, ${plural(hosts, 'host')}`;
}

/** Why a host the site declares necessary is refused once protected, until the person allows it. */
export function disputedText({ host, declaredIn, knownAs, knownCategory }: DisputedHost): string {
  return `${host}: the site declares it “${declaredIn}”, but Policy Guard knows it as ${knownAs} (${knownCategory}). Once protected it is refused until you allow it.`;
}

/** Where a protected site's categories come from: "Read from its consent manager (OneTrust) on 30 Nov 2026". */
export function declaredSourceText(site: Site): string | null {
  if (site.declared === undefined) return null;
  const date = new Date(site.declared.captured).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return `Protected from its own consent manager's declarations (${site.consentManager.name}), read on ${date}.`;
}

/**
 * What happens here to first-party cookies the site's consent manager does not declare: the names in the jar now
 * (`names`), and whether the person's setting for cookies a site does not account for removes them.
 */
export function undeclaredText({ names, removed }: { names: string[]; removed: boolean }): string {
  if (removed)
    return `Cookies its consent manager does not declare are removed as they appear (your setting for cookies a site does not account for).`;
  if (names.length === 0) return `Every cookie here is declared by its consent manager.`;
  return `Undeclared cookies, kept by your setting for cookies a site does not account for: ${names.join(', ')}.`;
}
