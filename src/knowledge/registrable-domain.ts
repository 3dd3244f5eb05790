// The registrable domain (eTLD+1) of a page: the unit a choice, a pause and an exception belong to.
import { getDomain } from 'tldts';
import { hostOf } from '../shared/hosts';
import { siteOfHost, type SiteIndex } from './site-index';
import type { Site } from './schema';

/**
 * The registrable domain of a lower-case host ("www.atlassian.com" → "atlassian.com", "acme.atlassian.net" →
 * "atlassian.net"), from the Public Suffix List's ICANN and private sections as tldts ships them, as browsers draw
 * the boundary of a site (https://url.spec.whatwg.org/#host-registrable-domain, https://publicsuffix.org/list/).
 * A host with none (an IP address, a single label, a public suffix itself) is its own.
 */
export function registrableDomain(host: string): string {
  return registrableDomainOrNull(host) ?? host;
}

/** The registrable domain of a host as registrableDomain says it; null when it has none (IP, single label, suffix). */
export function registrableDomainOrNull(host: string): string | null {
  return getDomain(host, { allowPrivateDomains: true });
}

/** A covered page: the knowledge-base entry of its owner and the registrable domain its choices belong to. */
export interface CoveredPage {
  site: Site;
  domain: string;
}

/** The covered page a URL or origin shows, or undefined when no covered site lists its host. */
export function coveredPageOf(index: SiteIndex, url: string): CoveredPage | undefined {
  const host = hostOf(url);
  const entry = siteOfHost(index, host);
  return entry === undefined ? undefined : { site: entry.site, domain: registrableDomain(host) };
}

/**
 * The covered site whose pages a registrable domain names, when `domain` is one (it is its own registrable domain
 * and a covered site lists it or a parent of it); undefined otherwise. Checks domains that pages send in messages.
 */
export function ownerOfDomain(index: SiteIndex, domain: string): Site | undefined {
  if (registrableDomain(domain) !== domain) return undefined;
  return siteOfHost(index, domain)?.site;
}
