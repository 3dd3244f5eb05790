// Nested host names in rule conditions. The classifier gives a host to the nearest name a site lists, and a page to the
// nearest covered domain; a DNR domain list matches every subdomain. So a rule must exclude names nested below its own
// that belong elsewhere, and names of its own nested below an excluded one need a rule of their own.
import type { Tracker } from '../knowledge/schema';
import type { HostRole } from '../knowledge/site-index';

/** Names grouped by the names to exclude below them: [names, excluded], one rule condition per group, sorted. */
export type ExclusionGroups = Array<[string[], string[]]>;

/**
 * The tracker's hosts in the site's table (hosts the classifier gives to another role are not its own), grouped by
 * the hosts nested below them that belong to another role. Usually one group with nothing excluded.
 */
export function hostsByExclusions(roles: ReadonlyMap<string, HostRole>, tracker: Tracker): ExclusionGroups {
  const own = [...roles.keys()].filter((host) => roles.get(host) === tracker);
  return groupByExclusions(
    own,
    [...roles.keys()].filter((host) => roles.get(host) !== tracker),
  );
}

/**
 * A tracker's path hosts, grouped by the names of the site's table nested below them (a nearer name decides there,
 * so a path rule must not reach it).
 */
export function pathHostsByExclusions(roles: ReadonlyMap<string, HostRole>, hosts: readonly string[]): ExclusionGroups {
  return groupByExclusions(hosts, [...roles.keys()]);
}

/**
 * A rule's page domains grouped by the domains of other covered sites nested below them, so that a page counts for
 * the site nearest to it, as siteOfPage decides. Usually one group with nothing excluded.
 */
export function pagesByExclusions(pages: ReadonlyMap<string, string>, coveredDomains: readonly string[]): ExclusionGroups {
  return groupByExclusions(
    [...pages.keys()],
    coveredDomains.filter((domain) => !pages.has(domain)),
  );
}

/** `names` grouped by which of `others` lie strictly below them; one walk up each other name's parents. */
function groupByExclusions(names: readonly string[], others: readonly string[]): ExclusionGroups {
  const below = new Map<string, string[]>(names.map((name) => [name, []]));
  for (const other of others) {
    for (let dot = other.indexOf('.'); dot >= 0; dot = other.indexOf('.', dot + 1)) below.get(other.slice(dot + 1))?.push(other);
  }
  const groups = new Map<string, [string[], string[]]>();
  for (const name of [...new Set(names)].sort()) {
    const excluded = [...new Set(below.get(name))].sort();
    const key = excluded.join(' ');
    const group = groups.get(key) ?? [[], excluded];
    group[0].push(name);
    groups.set(key, group);
  }
  return [...groups.values()].sort(([a], [b]) => (a[0]! < b[0]! ? -1 : 1));
}
