// Why a declaration could not be read or a site protected, as codes with their data: the popup and the options page
// put them in words (src/ui/declaration-text.ts problemText), the worker never does.

/** Why the page's consent-manager declaration was not read (declaration.ts readDeclaration). */
export type DeclarationProblem =
  | { code: 'oversized' }
  | { code: 'unknown-shape' }
  | { code: 'no-declaration' }
  | { code: 'no-registrable-domain'; domain: string }
  | { code: 'no-categories' }
  | { code: 'too-many-cookies'; count: number; limit: number }
  | { code: 'too-many-hosts'; count: number; limit: number };

/** Why the page the tab shows cannot be read at all. */
export type PageProblem =
  { code: 'no-access' } | { code: 'not-a-web-page' } | { code: 'page-without-site'; host: string } | { code: 'kept-by-browser' };

/** Why protecting or unprotecting a site did not happen. */
export type ProtectionProblem =
  | PageProblem
  | DeclarationProblem
  /** The tab showed another site by the time the declaration was read. */
  | { code: 'tab-moved'; domain: string }
  /** The tab shows another site than the one the popup offered to protect. */
  | { code: 'tab-left'; domain: string }
  | { code: 'not-granted'; domain: string }
  /** The browser's own Public Suffix List makes the domain a suffix, which tldts's list does not (they can disagree). */
  | { code: 'browser-suffix'; domain: string }
  | { code: 'not-protected'; domain: string }
  /** The record would not fit the settings' schema; `issue` names where, in the schema's words. */
  | { code: 'record-refused'; issue: string }
  /** The settings would refuse it: `reason` as protected-sites.ts or the rule budget gives it. */
  | { code: 'cannot-keep'; reason: string };

/** A protection problem thrown: its message is the problem as JSON, which travels as a failed request's error. */
export class ProblemError extends Error {
  constructor(readonly problem: ProtectionProblem) {
    super(JSON.stringify(problem));
  }
}
