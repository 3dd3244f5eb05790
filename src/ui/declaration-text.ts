// The popup's and the options page's sentences about a site's consent-manager declaration and a site protected from
// it: pure, so each case's wording is tested.
import type { DeclarationSummary, DisputedHost } from '../protected-sites/reading';
import type { Site } from '../knowledge/schema';
import type { ProtectionProblem } from '../protected-sites/problems';

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/** "This site's consent manager (Acme Consent) declares 5 categories, 41 cookies, 17 hosts" (cookies include storage keys). */
export function declarationText(summary: DeclarationSummary): string {
  return `This site's consent manager (${summary.consentManager}) declares ${countsLine(summary.categories.length, summary)}`;
}

/** "3 categories, 4 cookies, 3 hosts". */
function countsLine(categories: number, { cookies, hosts }: { cookies: number; hosts: number }): string {
  return `${plural(categories, 'category', 'categories')}, ${categoryCountsText({ cookies, hosts })}`;
}

/** "2 cookies, 1 host": what one declared category holds (cookies include storage keys). */
export function categoryCountsText({ cookies, hosts }: { cookies: number; hosts: number }): string {
  return `${plural(cookies, 'cookie')}, ${plural(hosts, 'host')}`;
}

/** Why a host the site declares necessary is refused once protected, until the person allows it. */
export function disputedText({ host, declaredIn, knownAs, knownCategory }: DisputedHost): string {
  return `${host}: the site declares it “${declaredIn}”, but Policy Guard knows it as ${knownAs} (${knownCategory}). Once protected it is refused until you allow it.`;
}

/** Where a protected site's categories come from: "Read from its consent manager (Acme Consent) on 30 Nov 2026". */
export function declaredSourceText(site: Site): string | null {
  if (site.declared === undefined) return null;
  return `Protected from its own consent manager's declarations (${site.consentManager.name}), read on ${dayText(site.declared.captured)}.`;
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

/** "30 Nov 2026": the day of an ISO 8601 timestamp, in UTC as the popup says it; anything else stays as it is. */
export function dayText(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** "Acme Consent, data version 202504.1.0": the consent manager a protected site was read from (its name without a version). */
export function consentManagerText(site: Site): string {
  const version = site.declared?.version ?? '';
  return version === '' ? site.consentManager.name : `${site.consentManager.name}, data version ${version}`;
}

/** How many distinct hosts, and cookies and storage keys, the site's trackers (of one category, if given) name. */
export function declaredCounts(site: Site, categoryId?: string): { cookies: number; hosts: number } {
  const trackers = site.trackers.filter((tracker) => categoryId === undefined || tracker.category === categoryId);
  const hosts = new Set(trackers.flatMap((tracker) => [...tracker.hosts, ...(tracker.paths ?? []).map(({ host }) => host)]));
  const cookies = trackers.reduce((sum, tracker) => sum + tracker.cookies.length + (tracker.storage?.names.length ?? 0), 0);
  return { cookies, hosts: hosts.size };
}

/** "3 categories, 4 cookies, 3 hosts": what a protected site's record holds (cookies include storage keys). */
export function declaredSiteText(site: Site): string {
  return countsLine(site.categories.length, declaredCounts(site));
}

/** A reading's or a protection's problem in words; `request-failed`: the popup's own request to the worker failed. */
export function problemText(problem: ProtectionProblem | { code: 'request-failed'; reason: string }): string {
  switch (problem.code) {
    case 'oversized':
      return "the consent manager's declaration was refused: it is larger than any real one";
    case 'unknown-shape':
      return "the consent manager's declaration was refused: it is not in a shape this version reads";
    case 'no-declaration':
      return 'no consent manager with a readable declaration was found on this page';
    case 'no-registrable-domain':
      return `${problem.domain} has no registrable domain of its own to protect`;
    case 'no-categories':
      return 'the consent manager declares no categories on this page';
    case 'too-many-cookies':
      return `the consent manager declares ${problem.count} cookies and keys; at most ${problem.limit} are read`;
    case 'too-many-hosts':
      return `the consent manager declares ${problem.count} hosts; at most ${problem.limit} are read`;
    case 'no-access':
      return 'Policy Guard may read this page only when you open it from the toolbar button on that tab.';
    case 'not-a-web-page':
      return 'This is not a web page, so there is no site to protect.';
    case 'page-without-site':
      return `${problem.host} has no registrable domain of its own to protect.`;
    case 'kept-by-browser':
      return 'Policy Guard may not read this page (the browser keeps some pages to itself).';
    case 'tab-moved':
      return `the tab no longer shows ${problem.domain}`;
    case 'tab-left':
      return `the tab no longer shows ${problem.domain}: open the popup there again`;
    case 'not-granted':
      return `Policy Guard was not given access to ${problem.domain}, so it cannot protect it`;
    case 'browser-suffix':
      return `your browser treats ${problem.domain} as shared by many sites, so protecting it could remove other sites' cookies`;
    case 'not-protected':
      return `${problem.domain} is not a site you protected`;
    case 'record-refused':
      return `the declaration makes a site record Policy Guard cannot keep: ${problem.issue}`;
    case 'cannot-keep':
      return problem.reason;
    case 'request-failed':
      return `Could not read this page: ${problem.reason}`;
  }
}

/**
 * A failed request's error in words: a protection problem (ProblemError's message, the problem as JSON) through
 * problemText, anything else as it came.
 */
export function failureText(error: string): string {
  if (!error.startsWith('{"code":')) return error;
  try {
    // A code this page does not know (a newer worker's) has no words here: the error stays as it came.
    const text: string | undefined = problemText(JSON.parse(error) as ProtectionProblem);
    return text ?? error;
  } catch {
    return error;
  }
}
