// The replica's consent manager: a fake of OneTrust's banner script (onetrust-fake.js) fed with domain data built
// from the knowledge base, in the shape OneTrust's public `GetDomainData()` documentation gives: groups with
// `CustomGroupId`, `GroupName`, `GroupDescription`, `Status`, `FirstPartyCookies` and `Hosts` with their cookies.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { concreteHost } from './hosts';
import { concreteCookieName, firstPartyCookieNames, thirdPartyCookieName, type ReplicaSite } from './knowledge';

/** How a covered page's CMP behaves: the region's model, a group the knowledge base does not map, a deaf CMP. */
export interface OneTrustOptions {
  /** 'eu': nothing but the strictly necessary until the visitor answers; 'us': everything allowed without asking. */
  region: 'eu' | 'us';
  /** Adds a group the knowledge base does not map ("C0009", "Research"). */
  extraGroup: boolean;
  /** The CMP ignores the stored record, as a misconfigured or newer one might. */
  ignoreRecord: boolean;
}

/** The path of the banner script on the CMP's host. */
export const ONETRUST_SCRIPT_PATH = '/scripttemplates/otSDKStub.js';
/** The group the knowledge base does not map, when `extraGroup` is on. */
export const EXTRA_GROUP = 'C0009';

const FAKE = readFileSync(join(__dirname, 'onetrust-fake.js'), 'utf8');

/**
 * Reads the options from a query: the banner script's (`?region=eu&extra=1&ignore=1`) or a covered page's, whose
 * region is `cmp` (`/?cmp=eu&extra=1`). Absent ones are off; any region but 'eu' is 'us'.
 */
export function oneTrustOptions(query: URLSearchParams, regionKey = 'region'): OneTrustOptions {
  return { region: query.get(regionKey) === 'eu' ? 'eu' : 'us', extraGroup: query.has('extra'), ignoreRecord: query.has('ignore') };
}

/** The banner script for a covered site, its record kept on `domain` (the page's registrable domain). */
export function oneTrustScript(site: ReplicaSite, domain: string, options: OneTrustOptions): string {
  const config = {
    domainData: domainData(site, options),
    region: options.region,
    domain,
    ignoreRecord: options.ignoreRecord,
    version: '202411.1.0',
  };
  return `var OT_FAKE = ${JSON.stringify(config).replace(/</g, '\\u003c')};\n${FAKE}`;
}

/** The site's groups as OneTrust declares them: one per mapped notice category, with that category's trackers. */
export function domainData(site: ReplicaSite, options: Pick<OneTrustOptions, 'extraGroup'>) {
  const groups = (site.consentManager.groups?.map ?? []).map(({ id, category }) => {
    const notice = site.categories.find((candidate) => candidate.id === category)!;
    const trackers = site.trackers.filter((tracker) => tracker.category === category);
    return {
      CustomGroupId: id,
      GroupName: notice.label,
      GroupDescription: notice.description,
      Status: notice.refusable ? 'inactive' : 'always active',
      FirstPartyCookies: trackers.flatMap(firstPartyCookieNames).map((name) => ({ Name: name, Host: site.domains[0] })),
      Hosts: trackers.flatMap((tracker) =>
        tracker.hosts.map((host) => ({ HostName: concreteHost(host), Cookies: [{ Name: thirdPartyCookieName(tracker) }] })),
      ),
    };
  });
  if (options.extraGroup) {
    groups.push({
      CustomGroupId: EXTRA_GROUP,
      GroupName: 'Research',
      GroupDescription: 'Cookies for <b>research</b> panels.',
      Status: 'inactive',
      FirstPartyCookies: [{ Name: concreteCookieName('_research_*'), Host: site.domains[0] }],
      Hosts: [],
    });
  }
  return { Groups: groups };
}
