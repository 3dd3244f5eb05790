// OneTrust's declarations, as page/declarations.ts's reader hands them over (hostile input: schema-checked, size-capped, text
// only): GetDomainData().Groups (OptanonGroupId / CustomGroupId, GroupName, GroupDescription, Status,
// FirstPartyCookies[].Name/Host/patternKey, Hosts[].HostName/Cookies), from OneTrust's public data and what
// open-source crawlers read of it (dibollinger/CookieBlock-Consent-Crawler).
import * as v from 'valibot';
import { normalizeHost } from '../../shared/hosts';
import { MAX_DECLARED } from '../../settings/protected-site-record';
import {
  Entries,
  isThirdPartyHost,
  MAX_DECLARED_TEXT as MAX,
  place,
  plainText,
  sorted,
  standardByName,
  Text,
  type DeclaredCategory,
  type StandardCategory,
} from '../declared';
import { GROUP_TEXT, groupText, isAlwaysActive, isGroupId } from './groups';

// `pattern`: OneTrust's patternKey, the prefix the name stands for ("_ga_" for "_ga_XYZ"); "" for an exact name.
const OneTrustCookie = v.strictObject({ name: Text(256), host: Text(256), pattern: Text(256) });
const OneTrustGroup = v.strictObject({
  id: Text(MAX.id),
  name: Text(GROUP_TEXT.name),
  description: Text(GROUP_TEXT.description),
  status: Text(32),
  cookies: Entries(OneTrustCookie),
  hosts: Entries(v.strictObject({ host: Text(256), cookies: Entries(Text(256)) })),
});
const OneTrustObservation = v.strictObject({
  platform: v.literal('onetrust'),
  version: Text(MAX.version),
  groups: v.pipe(v.array(OneTrustGroup), v.maxLength(MAX_DECLARED.categories)),
});

/** OneTrust's standard group ids (its documentation), and the legacy numeric ones in the same order. */
const ONETRUST_STANDARD: Record<string, StandardCategory> = {
  C0001: 'strictly-necessary',
  C0002: 'performance-and-analytics',
  C0003: 'functionality',
  C0004: 'targeting-or-advertising',
  C0005: 'social-media',
  '1': 'strictly-necessary',
  '2': 'performance-and-analytics',
  '3': 'functionality',
  '4': 'targeting-or-advertising',
  '5': 'social-media',
};

export function oneTrustStandard(id: string): StandardCategory | null {
  return Object.hasOwn(ONETRUST_STANDARD, id) ? ONETRUST_STANDARD[id]! : null;
}

/** The groups in OneTrust's order, each once by its id, with the site's texts and what it declares for `site`. */
export function readOneTrust(observed: unknown, site: string): { version: string; categories: DeclaredCategory[] } | null {
  const parsed = v.safeParse(OneTrustObservation, observed);
  if (!parsed.success) return null;
  const seen = new Set<string>();
  const categories = parsed.output.groups.flatMap((group) => {
    // A group the record could not name (its ids are "C0002", "BG28", …) cannot be answered or shown by id.
    const { id } = group;
    if (!isGroupId(id) || seen.has(id)) return [];
    seen.add(id);
    const cookies = new Set<string>();
    const hosts = new Set<string>();
    for (const cookie of group.cookies)
      place(cookie.pattern !== '' ? `${cookie.pattern}*` : cookie.name, cookie.host, site, cookies, hosts);
    for (const host of group.hosts) {
      const normalized = normalizeHost(host.host.trim());
      if (isThirdPartyHost(normalized, site)) hosts.add(normalized);
      else for (const name of host.cookies) place(name, host.host, site, cookies, hosts);
    }
    const name = groupText(group.name);
    return [
      {
        id,
        name,
        description: groupText(group.description),
        alwaysActive: isAlwaysActive(group.status),
        standard: oneTrustStandard(id) ?? standardByName(name),
        cookies: sorted(cookies),
        storage: [],
        hosts: sorted(hosts),
      },
    ];
  });
  return { version: plainText(parsed.output.version), categories };
}
