// The small fixture site the core tests run on: five categories (including "research", the category later Atlassian
// notices add), trackers with nested host names and cookie prefixes, and a CMP.
import { validateSite, type Site } from '../../src/knowledge/schema';
import mini from '../fixtures/sites/mini.json';

function load(data: unknown): Site {
  const result = validateSite(data);
  if (!result.ok) throw new Error(`test/fixtures/sites/mini.json: ${result.errors.join('; ')}`);
  return result.site;
}

export const MINI: Site = load(mini);

/** Another covered site with the same trackers on other domains: the compiler may merge their rules. */
export function twinOf(site: Site, id: string, domains: string[]): Site {
  return { ...structuredClone(site), id, name: id, domains };
}
