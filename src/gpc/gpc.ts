// Global Privacy Control (https://privacycg.github.io/gpc-spec/), an option that is off by default: on covered domains
// whose choices refuse the site's GPC category (the knowledge base's `globalPrivacyControl`: Atlassian's targeting or
// advertising), the browser states that refusal as the signal itself, the `Sec-GPC: 1` request header
// (declarativeNetRequest rules) and `navigator.globalPrivacyControl` (a main-world script at document start).
import type { GpcRule } from '../ports/dnr';
import { PRIORITY, RULE_IDS } from '../blocking/dnr-ids';
import { domainsByChoices } from '../settings/domain-groups';
import { withFqdnSpelling } from '../shared/hosts';
import type { Site } from '../knowledge/schema';
import type { Settings } from '../settings/settings';
import { SHIELD_ID_PREFIX, type ShieldScript } from '../cookie-shield/shield-plan';

/** The main-world script that defines navigator.globalPrivacyControl (src/gpc/page/gpc.ts). */
const GPC_SCRIPT = 'gpc.js';

const SET_GPC: GpcRule['action'] = { type: 'modifyHeaders', requestHeaders: [{ header: 'Sec-GPC', operation: 'set', value: '1' }] };

/**
 * The covered domains the signal is sent on: none while the option is off; else, per site whose knowledge base names
 * a GPC category, its domains not paused whose choices refuse that category. In the sites' order.
 */
export function gpcDomains(sites: readonly Site[], settings: Settings): string[] {
  if (!settings.globalPrivacyControl) return [];
  return sites.flatMap((site) => {
    const category = site.globalPrivacyControl?.category;
    if (category === undefined) return [];
    return domainsByChoices(site, settings).flatMap(({ domains, refused }) => (refused.includes(category) ? domains : []));
  });
}

/**
 * The rules that send `Sec-GPC: 1`: page loads (top-level and frames) of those domains, where the script sets the
 * property too, and every other request their pages make (a frame of another domain follows that domain's choices).
 * The browser sets it only where the extension has host access: the covered sites and the tracker hosts. They outrank
 * every allow rule (PRIORITY), which would otherwise keep them from the requests it lets through; a blocked request is
 * still blocked, as blocks decide before any header rule. None when no domain gets the signal.
 */
export function gpcRules(sites: readonly Site[], settings: Settings): GpcRule[] {
  const domains = gpcDomains(sites, settings).flatMap(withFqdnSpelling);
  if (domains.length === 0) return [];
  const { first } = RULE_IDS.globalPrivacyControl;
  const priority = PRIORITY.globalPrivacyControl;
  return [
    { id: first, priority, action: SET_GPC, condition: { requestDomains: domains, resourceTypes: ['main_frame', 'sub_frame'] } },
    {
      id: first + 1,
      priority,
      action: SET_GPC,
      condition: { initiatorDomains: domains, excludedResourceTypes: ['main_frame', 'sub_frame'] },
    },
  ];
}

/**
 * The registration of the navigator.globalPrivacyControl script on those domains' pages, in both spellings (as the
 * shield's, shield-plan.ts); none when no domain gets the signal. It shares the shield's id prefix, so one sync keeps
 * both registered; "+" never appears in a site id, so it is no site's shield id.
 */
export function gpcScripts(sites: readonly Site[], settings: Settings): ShieldScript[] {
  const matches = gpcDomains(sites, settings)
    .flatMap(withFqdnSpelling)
    .map((domain) => `*://*.${domain}/*`);
  return matches.length === 0 ? [] : [{ id: `${SHIELD_ID_PREFIX}+gpc`, js: [GPC_SCRIPT], matches, world: 'MAIN' }];
}
