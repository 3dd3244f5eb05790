// A covered site's domains grouped by the user's choices on their pages: what the rules and the cookie shield are
// compiled per, so that domains with the same choices share rules and registrations.
import { isPaused, refusedCategories } from './choices';
import type { Site } from '../knowledge/schema';
import { registrableDomain } from '../knowledge/registrable-domain';
import type { Settings } from './settings';

export interface DomainGroup {
  /** Domains of the site, in its order, whose pages refuse the same categories. */
  domains: string[];
  /** The refused category ids, in the notice's order (empty when the group refuses nothing). */
  refused: string[];
}

/**
 * The site's domains grouped by the refused categories on their pages; paused domains are left out, they refuse
 * nothing and get no rule at all. A domain's choices are those of its registrable domain (the knowledge base lists
 * registrable domains, so a domain's own). Groups and their domains in the site's order of domains.
 */
export function domainsByChoices(site: Site, settings: Settings): DomainGroup[] {
  const groups = new Map<string, DomainGroup>();
  for (const domain of new Set(site.domains)) {
    const choiceDomain = registrableDomain(domain);
    if (isPaused(settings, choiceDomain)) continue;
    const refused = refusedCategories(site, settings, choiceDomain);
    const key = refused.join(' ');
    const group = groups.get(key) ?? { domains: [], refused };
    group.domains.push(domain);
    groups.set(key, group);
  }
  return [...groups.values()];
}
