// Compiles the user's choices into declarativeNetRequest dynamic rules: a pure function of (sites, settings).
// The browser enforces the rules itself, so protection holds while the worker sleeps.
import { isAllowed, isPaused, refusedCategories } from './choices';
import { PRIORITY, RULE_IDS } from './dnr-ids';
import type { Site } from './knowledge';
import type { Settings } from './settings';

type HeaderRemoval = { header: string; operation: 'remove' };

/** The subset of chrome.declarativeNetRequest.Rule this extension writes; valid in Chrome and Firefox. */
export interface DnrRule {
  id: number;
  priority: number;
  action: { type: 'block' | 'allow' } | { type: 'modifyHeaders'; requestHeaders: HeaderRemoval[]; responseHeaders: HeaderRemoval[] };
  condition: {
    requestDomains?: string[];
    excludedRequestDomains?: string[];
    initiatorDomains: string[];
    // Every subresource type, including those a browser adds later (beacon, webtransport, …); never a page load.
    excludedResourceTypes: Array<'main_frame'>;
  };
}

const STRIP_COOKIES = {
  type: 'modifyHeaders',
  requestHeaders: [{ header: 'cookie', operation: 'remove' }],
  responseHeaders: [{ header: 'set-cookie', operation: 'remove' }],
} as const satisfies DnrRule['action'];

type Kind = 'allow' | 'block' | 'unknown';

interface Group {
  kind: Kind;
  hosts: string[];
  initiators: Set<string>;
}

/**
 * Per covered site, unless paused: block each refused category's tracker hosts, allow its
 * consent manager, and (if asked) strip cookies from every third party it does not know. Sites whose rules target the
 * same hosts share one rule, their domains merged, so the count grows with distinct refusals, not with sites.
 */
export function compileRules(sites: readonly Site[], settings: Settings): DnrRule[] {
  const groups = new Map<string, Group>();
  const add = (kind: Kind, hosts: string[], initiators: readonly string[]): void => {
    if (hosts.length === 0) return;
    const key = `${kind} ${hosts.join(' ')}`;
    const group = groups.get(key) ?? { kind, hosts, initiators: new Set<string>() };
    for (const domain of initiators) group.initiators.add(domain);
    groups.set(key, group);
  };
  for (const site of sites) {
    if (isPaused(settings, site.id)) continue;
    const refused = refusedCategories(site, settings);
    for (const category of refused)
      add(
        'block',
        trackerHosts(site, (id) => id === category),
        site.domains,
      );
    if (refused.length > 0 || settings.unknownCookies === 'remove') add('allow', sorted(site.consentManager.hosts), site.domains);
    if (settings.unknownCookies === 'remove') add('unknown', knownAllowedHosts(site, settings), site.domains);
  }
  const order: Record<Kind, number> = { allow: 0, block: 1, unknown: 2 };
  const ordered = [...groups.entries()].sort(([a, x], [b, y]) => order[x.kind] - order[y.kind] || (a < b ? -1 : 1));
  let id = RULE_IDS.sites.first - 1;
  const nextId = (): number => {
    if (++id > RULE_IDS.sites.last) throw new RangeError(`more than ${RULE_IDS.sites.last - RULE_IDS.sites.first + 1} site rules`);
    return id;
  };
  return ordered.flatMap(([, group]) => toRules(group, nextId));
}

function toRules(group: Group, nextId: () => number): DnrRule[] {
  const initiatorDomains = sorted(group.initiators);
  const excludedResourceTypes: Array<'main_frame'> = ['main_frame'];
  if (group.kind === 'allow') {
    const condition = { requestDomains: group.hosts, initiatorDomains, excludedResourceTypes };
    return [{ id: nextId(), priority: PRIORITY.allowConsentManager, action: { type: 'allow' }, condition }];
  }
  if (group.kind === 'unknown') {
    const condition = { excludedRequestDomains: group.hosts, initiatorDomains, excludedResourceTypes };
    return [{ id: nextId(), priority: PRIORITY.stripUnknownCookies, action: STRIP_COOKIES, condition }];
  }
  // No header rule beside the block: a blocked request is never sent, so it carries no cookie and gets no
  // set-cookie back, and a modifyHeaders rule with the same condition could never decide an outcome.
  const condition = { requestDomains: group.hosts, initiatorDomains, excludedResourceTypes };
  return [{ id: nextId(), priority: PRIORITY.blockRefused, action: { type: 'block' }, condition }];
}

function trackerHosts(site: Site, includeCategory: (categoryId: string) => boolean): string[] {
  return sorted(site.trackers.filter((tracker) => includeCategory(tracker.category)).flatMap((tracker) => tracker.hosts));
}

/** Hosts whose cookies flow even when unknown cookies are removed: the site's own, its consent manager, allowed trackers. */
function knownAllowedHosts(site: Site, settings: Settings): string[] {
  const allowed = new Set(site.categories.filter((category) => isAllowed(site, category, settings)).map((category) => category.id));
  const trackers = trackerHosts(site, (id) => allowed.has(id));
  return sorted([...site.domains, ...site.consentManager.hosts, ...trackers]);
}

function sorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}
