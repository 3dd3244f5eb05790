// The common shape of what a consent manager (CMP) declares about a site's cookies, whichever CMP it is, and the
// helpers each platform's reader uses to place what it read: first-party names, third-party hosts, plain text.
import { COOKIE_NAME, HOST_NAME } from '../shared/patterns';
import { isWithin, normalizeHost } from '../shared/hosts';
import { registrableDomainOrNull } from '../knowledge/registrable-domain';
import { visibleText } from '../shared/visible-text';
import * as v from 'valibot';
import { MAX_DECLARED } from '../settings/protected-site-record';

/** A declared category's name and description, and a CMP's data version, as the page's reader cuts them. */
export const MAX_DECLARED_TEXT = { id: 64, name: 120, description: 2000, version: 64 } as const;
/** Per category, before de-duplication: more entries than a site could declare without exceeding the caps. */
const MAX_ENTRIES = MAX_DECLARED.cookies + MAX_DECLARED.hosts;

/** A string of at most `max` characters, for the platforms' declaration schemas. */
export const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** A list of at most as many entries as a category may declare. */
export const Entries = <T extends v.GenericSchema>(item: T) => v.pipe(v.array(item), v.maxLength(MAX_ENTRIES));

/** The standard categories a declared one is matched to, by the CMP's standard ids or the site's names for them. */
export type StandardCategory =
  'strictly-necessary' | 'functionality' | 'performance-and-analytics' | 'targeting-or-advertising' | 'social-media';

export interface DeclaredCategory {
  /** The CMP's own language-independent id (a group id such as "C0002", a category slug such as "statistics"). */
  id: string;
  /** The site's name and description for it, as text (markup removed). */
  name: string;
  description: string;
  /** The CMP keeps it on whatever the visitor says (its strictly necessary group). */
  alwaysActive: boolean;
  standard: StandardCategory | null;
  /** First-party cookie names (a name ending in "*" is a prefix), sorted. */
  cookies: string[];
  /** localStorage / sessionStorage keys, sorted. */
  storage: string[];
  /** Third-party hosts, sorted. */
  hosts: string[];
}

/** Words sites use for the standard categories in their own names (English and German), first match wins. */
const STANDARD_NAMES: Array<[RegExp, StandardCategory]> = [
  [/\b(strictly|necessary|essential|required|notwendig|erforderlich)/i, 'strictly-necessary'],
  [/\b(social)/i, 'social-media'],
  [/\b(target|advertis|marketing|ads\b|werbung)/i, 'targeting-or-advertising'],
  [/\b(performance|analytic|statisti|measurement|leistung)/i, 'performance-and-analytics'],
  [/\b(functional|preference|personali[sz]|funktional|präferenz)/i, 'functionality'],
];

/** The standard category the words of the site's name for a category say; null when they say none. */
export function standardByName(name: string): StandardCategory | null {
  return STANDARD_NAMES.find(([words]) => words.test(name))?.[1] ?? null;
}

/** A declared cookie on `domain`: a first-party name when the domain is the site's, else its host is a third party. */
export function place(name: string, domain: string, site: string, cookies: Set<string>, hosts: Set<string>): void {
  const host = normalizeHost(domain.trim());
  if (host === '' || isWithin(host, site)) {
    if (COOKIE_NAME.test(name)) cookies.add(name);
  } else if (isThirdPartyHost(host, site)) {
    hosts.add(host);
  }
}

/** A storage key the site's own pages keep (`host` empty or the site's), as a cookie name is checked. */
export function placeKey(name: string, host: string, site: string, storage: Set<string>): void {
  if (COOKIE_NAME.test(name) && (host === '' || isWithin(host, site))) storage.add(name);
}

/**
 * A host a browser can block for the site: a host name, not the site's own, and not a public suffix ("co.uk",
 * "github.io"), which would stand for every site under it.
 */
export function isThirdPartyHost(host: string, site: string): boolean {
  return HOST_NAME.test(host) && !isWithin(host, site) && registrableDomainOrNull(host) !== null;
}

/**
 * The site's text without markup, runs of whitespace or invisible characters (shared/visible-text.ts): it is shown
 * as text, never parsed as HTML, beside the extension's own words.
 */
export function plainText(value: string): string {
  // Whitespace first, so a line break (a control character) stays a space between words.
  return visibleText(value.replace(/<[^<>]*>/g, ' ').replace(/\s/g, ' '))
    .replace(/ +/g, ' ')
    .trim();
}

/** A set's values in order, as a declared category lists them. */
export const sorted = (values: Set<string>): string[] => [...values].sort();
