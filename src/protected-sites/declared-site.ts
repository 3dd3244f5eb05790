// A site record made from what the site's consent manager declared (declaration.ts), in the bundled sites' shape, so
// that every part of enforcement treats it as it treats a compiled site: its categories are the CMP's, in the site's
// words; its trackers are the declared third-party hosts and first-party cookies; its CMP is never blocked and is
// answered with the person's choices by the groups its platform (consent-manager/platform.ts) answers.
import type { ConsentManager, Site, Tracker } from '../knowledge/schema';
import { registrableDomain } from '../knowledge/registrable-domain';
import type { StandardCategory } from '../consent-manager/declared';
import { registry as defaultRegistry, type PlatformRegistry } from '../consent-manager/registry';
import type { Declaration } from './declaration';
import type { DisputedHost } from './reading';

/** The category of hosts the site declares necessary while the knowledge base lists them as trackers (reading.ts). */
export const DISPUTED_CATEGORY = 'disputed-trackers';

/** The product's choice for a new install, as for the bundled site: functionality allowed, the rest refused. */
const ALLOWED_BY_DEFAULT = new Set<StandardCategory | null>(['strictly-necessary', 'functionality']);
/**
 * Which category a host declared in several belongs to: the one most likely refused, so that blocking it honours
 * every refusal the site's own words allow (a host in both "Statistics" and "Marketing" stays blocked while
 * marketing is refused). Unmatched categories start refused.
 */
const REFUSAL_ORDER: Array<StandardCategory | null> = [
  'targeting-or-advertising',
  'social-media',
  null,
  'performance-and-analytics',
  'functionality',
  'strictly-necessary',
];

/**
 * The site record for the registrable domain of `pageHost`, captured at `captured`. Categories in the CMP's order: a
 * category matched to a standard one takes the standard id (so the person's defaults for it apply) once, later ones
 * and unmatched ones an id from the CMP's; always-active ones cannot be refused; unmatched ones start refused. A host
 * declared in several categories belongs to the one most likely refused (REFUSAL_ORDER). Each category's hosts are one
 * tracker, so one rule blocks them all. Site id: `declared-<domain, dots as dashes>-<hash of the domain>`, one per
 * domain (without the hash "a-b.com" and "a.b-com" would share one). `pageHost` must have a registrable domain
 * (readDeclaration refuses one without). The `disputed` hosts leave the category the site declares them in for
 * DISPUTED_CATEGORY, which starts refused: the site's claim against the knowledge base, the person's to settle.
 * The CMP's own hosts and record cookies, and the groups it is answered by, are its platform's (`registry`).
 */
export function declaredSite(
  declaration: Declaration,
  pageHost: string,
  captured: Date,
  disputed: readonly DisputedHost[] = [],
  registry: PlatformRegistry = defaultRegistry,
): Site {
  const domain = registrableDomain(pageHost);
  const ids = new Set<string>([DISPUTED_CATEGORY]);
  const categories = declaration.categories.map((declared) => {
    const id = declared.standard !== null && !ids.has(declared.standard) ? declared.standard : uniqueId(`cmp-${declared.id}`, ids);
    ids.add(id);
    return { declared, id };
  });
  const hostOwner = new Map<string, string>(disputed.map(({ host }) => [host, DISPUTED_CATEGORY]));
  const rank = ({ declared }: (typeof categories)[number]): number =>
    declared.alwaysActive ? REFUSAL_ORDER.length : REFUSAL_ORDER.indexOf(declared.standard);
  for (const category of [...categories].sort((a, b) => rank(a) - rank(b)))
    for (const host of category.declared.hosts) if (!hostOwner.has(host)) hostOwner.set(host, category.id);
  const trackers: Tracker[] = categories.flatMap(({ declared, id }) => {
    const reason = `declared by the site's consent manager (${declaration.name}) in “${declared.name || declared.id}”`;
    const hosts = declared.hosts.filter((host) => hostOwner.get(host) === id);
    const own: Tracker[] =
      declared.cookies.length + declared.storage.length === 0
        ? []
        : [
            {
              id: `${id}-first-party`,
              name: `${declared.name || declared.id}: the site's own cookies`,
              category: id,
              hosts: [],
              cookies: declared.cookies,
              ...(declared.storage.length > 0 ? { storage: { names: declared.storage, reason } } : {}),
              source: 'consent-manager',
              reason,
            },
          ];
    const declaredHosts: Tracker[] =
      hosts.length === 0
        ? []
        : [
            {
              id: `${id}-hosts`,
              name: `${declared.name || declared.id}: declared hosts`,
              category: id,
              hosts,
              cookies: [],
              source: 'consent-manager',
              reason,
            },
          ];
    return [...own, ...declaredHosts];
  });
  if (disputed.length > 0)
    trackers.push({
      id: `${DISPUTED_CATEGORY}-hosts`,
      name: 'Hosts declared necessary that are known trackers',
      category: DISPUTED_CATEGORY,
      hosts: disputed.map(({ host }) => host),
      cookies: [],
      source: 'consent-manager',
      reason: disputed.map(({ host, declaredIn, knownAs }) => `${host}: declared in “${declaredIn}”, known as ${knownAs}`).join('; '),
    });
  return {
    id: `declared-${domain.replaceAll('.', '-')}-${fnv1a(domain)}`,
    name: domain,
    domains: [domain],
    documents: [],
    sentences: [],
    categories: [
      ...categories.map(({ declared, id }) => ({
        id,
        label: declared.name || declared.id,
        description: declared.description,
        refusable: !declared.alwaysActive,
        defaultAllowed: declared.alwaysActive || (ALLOWED_BY_DEFAULT.has(declared.standard) && id === declared.standard),
        cites: [],
      })),
      ...(disputed.length === 0
        ? []
        : [
            {
              id: DISPUTED_CATEGORY,
              label: 'Declared necessary, known as trackers',
              description: `The site's consent manager declares these hosts necessary; Policy Guard's knowledge base lists them as trackers: ${disputed
                .map(({ host, knownAs, knownCategory }) => `${host} (${knownAs}, ${knownCategory})`)
                .join(', ')}. Refused until you allow them.`,
              refusable: true,
              defaultAllowed: false,
              cites: [],
            },
          ]),
    ],
    trackers,
    consentManager: consentManagerOf(declaration, categories, domain, registry),
    collected: [],
    practices: [],
    optOuts: [],
    points: [],
    choices: [],
    declared: { kind: 'consent-manager', platform: declaration.platform, version: declaration.version, captured: captured.toISOString() },
  };
}

/** The site's CMP: never blocked (its script hosts and record cookies), answered by the groups its platform maps. */
function consentManagerOf(
  declaration: Declaration,
  categories: ReadonlyArray<{ declared: Declaration['categories'][number]; id: string }>,
  domain: string,
  registry: PlatformRegistry,
): ConsentManager {
  const platform = registry.of(declaration.platform);
  if (platform === undefined) throw new Error(`no consent manager platform "${declaration.platform}"`);
  const { map, reason } = platform.declarations.answerGroups(categories, domain);
  return {
    name: declaration.name,
    hosts: [...platform.detect.scriptHosts],
    cookies: [...platform.record.cookieNames],
    ...(map.length === 0 ? {} : { platform: declaration.platform, groups: { map, source: 'consent-manager' as const, reason } }),
  };
}

/** FNV-1a (32 bits) of a string, in base 36: a short, stable tag. */
function fnv1a(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}

/** `wanted` as a lower-case slug id not yet in `taken` (a number added when it is). */
function uniqueId(wanted: string, taken: ReadonlySet<string>): string {
  const slug =
    wanted
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'cmp-category';
  let id = slug;
  for (let n = 2; taken.has(id); n++) id = `${slug}-${n}`;
  return id;
}
