// The replica's web pages, generated from the knowledge base: a covered page loads every tracker host of its
// site the ways real tags do, sets the trackers' first-party cookies by script with fresh values, and loads the
// consent manager and harmless third parties. A site the knowledge base does not cover loads the same trackers.
import { randomBytes } from 'node:crypto';
import { concreteHost, EMBED_HOSTS, STATIC_HOSTS } from './hosts';
import { identifierWrites, type IdentifierWrites } from './identifiers';
import { firstPartyCookieNames, hostMatches, type ReplicaSite } from './knowledge';
import { ONETRUST_SCRIPT_PATH, type OneTrustOptions } from './onetrust';

export type LoadKind = 'image' | 'beacon' | 'script' | 'fetch' | 'xhr' | 'frame' | 'websocket' | 'stylesheet' | 'embed';

export interface Load {
  kind: LoadKind;
  url: string;
  /** An embed's further iframe attributes (sandbox, srcdoc). */
  attributes?: Record<string, string>;
}

export interface PageConfig {
  visit: string | null;
  cookies: { name: string; value: string; domain: string | null }[];
  loads: Load[];
  /** localStorage keys the page writes with these values before its loads (the declared sites' pages). */
  storage?: { key: string; value: string }[];
  /** The identifiers variant's writes (identifiers.ts); absent on every other page. */
  identifiers?: IdentifierWrites;
}

export interface PageContext {
  host: string;
  scheme: 'http' | 'https';
  /** The covered site of this host; null for a site the knowledge base does not cover. */
  site: ReplicaSite | null;
  sites: ReplicaSite[];
  visit: string | null;
  origin: (scheme: 'http' | 'https', host: string) => string;
  /** The page's consent manager is the OneTrust fake (`?cmp=eu|us` on the page's URL); null: the plain CMP script. */
  cmp: OneTrustOptions | null;
  /** A covered page's identifiers variant: it loads nothing else (identifiers.ts). */
  identifiers?: boolean;
  /**
   * Every request kind to every tracker host (`?every-kind`), for the tests whose point is that no kind leaks; else
   * an image and a script per host, which is what tests of choices, consent and the popup judge by.
   */
  everyKind?: boolean;
}

const PATHS: Record<LoadKind, string> = {
  image: '/pixel.gif',
  beacon: '/beacon',
  script: '/tag.js',
  fetch: '/collect',
  xhr: '/events',
  frame: '/widget.html',
  websocket: '/socket',
  stylesheet: '/styles.css',
  embed: '/embed/player',
};

/**
 * The requests real tags make on hosts that serve several purposes, as the vendors' tags send them: the page loads
 * them as well, so a test can judge each purpose of one host by what reached it.
 */
export const MULTI_PURPOSE_LOADS: Array<{ kind: LoadKind; host: string; path: string }> = [
  { kind: 'image', host: 'www.facebook.com', path: '/tr?id=1234&ev=PageView&noscript=1' },
  { kind: 'frame', host: 'www.facebook.com', path: '/plugins/like.php?href=https%3A%2F%2Fwww.atlassian.com%2F' },
  { kind: 'script', host: 'www.google.com', path: '/recaptcha/api.js' },
  { kind: 'image', host: 'www.google.com', path: '/pagead/1p-conversion/123/?label=signup' },
  { kind: 'fetch', host: 'www.google.com', path: '/ccm/collect?en=page_view&tid=G-1' },
  { kind: 'image', host: 'px.ads.linkedin.com', path: '/collect/?pid=123&fmt=gif' },
  { kind: 'frame', host: 'www.linkedin.com', path: '/sharing/share-offsite/?url=https%3A%2F%2Fwww.atlassian.com%2F' },
  { kind: 'script', host: 'platform.twitter.com', path: '/widgets.js' },
  { kind: 'image', host: 'analytics.twitter.com', path: '/i/adsct?txn_id=o1&p_id=Twitter' },
  { kind: 'image', host: 't.co', path: '/i/adsct?txn_id=o1&p_id=Twitter' },
  { kind: 'frame', host: 'www.youtube.com', path: '/embed/dQw4w9WgXcQ' },
  { kind: 'image', host: 'www.youtube.com', path: '/api/stats/watchtime?docid=dQw4w9WgXcQ' },
];

// Every host takes the light request kinds. Frames and sockets go to the first host of one tracker per category:
// each cross-site frame costs a renderer process, and browsers open one WebSocket at a time per IP address (RFC 6455
// §4.1), and every replica host is 127.0.0.1. Each tracker's rules for every request type are judged by the browser's
// own matcher in dnr-matcher.e2e.ts.
const EVERY_HOST: LoadKind[] = ['image', 'beacon', 'script', 'fetch', 'xhr'];
const ONE_PER_CATEGORY: LoadKind[] = ['frame', 'websocket'];
// The light page: loads that report their outcome (no frame or socket stays silent), so a visit ends without waiting.
const LIGHT: LoadKind[] = ['image', 'script'];
const PATH_KINDS: LoadKind[] = ['image', 'script', 'fetch'];

export function pageConfig(context: PageContext): PageConfig {
  const { site, visit } = context;
  if (context.identifiers && site) return { visit, cookies: [], loads: [], identifiers: identifierWrites(site) };
  const url = (scheme: 'http' | 'https', host: string, kind: LoadKind): string => {
    const origin = context.origin(scheme, host);
    const base = kind === 'websocket' ? origin.replace(/^http/, 'ws') : origin;
    return `${base}${PATHS[kind]}?kind=${kind}${visit ? `&visit=${encodeURIComponent(visit)}` : ''}`;
  };
  const loads: Load[] = [
    { kind: 'image', url: url(context.scheme, context.host, 'image') },
    { kind: 'stylesheet', url: url('https', STATIC_HOSTS[0]!, 'stylesheet') },
    { kind: 'image', url: url('https', STATIC_HOSTS[0]!, 'image') },
    { kind: 'script', url: url('https', STATIC_HOSTS[1]!, 'script') },
  ];
  const everyHost = context.everyKind ? EVERY_HOST : LIGHT;
  for (const tracked of site ? [site] : context.sites) {
    const framed = new Set<string>();
    for (const tracker of tracked.trackers) {
      const heavy = context.everyKind === true && tracker.hosts.length > 0 && !framed.has(tracker.category);
      if (heavy) framed.add(tracker.category);
      tracker.hosts.map(concreteHost).forEach((host, index) => {
        for (const kind of index === 0 && heavy ? [...everyHost, ...ONE_PER_CATEGORY] : everyHost) {
          loads.push({ kind, url: url('https', host, kind) });
        }
      });
      // A multi-purpose host: the tracker's own paths on it, each as an image, script and fetch (frames cost a blocked
      // load several seconds in Firefox, and MULTI_PURPOSE_LOADS already frames the shared hosts' widgets).
      for (const { host, paths } of tracker.paths ?? []) {
        for (const prefix of paths) {
          for (const kind of PATH_KINDS) {
            loads.push({ kind, url: url('https', host, kind).replace(/(:\d+)\//, `$1${prefix.replace(/\/$/, '')}/`) });
          }
        }
      }
    }
  }
  for (const { kind, host, path } of MULTI_PURPOSE_LOADS.filter((load) => context.everyKind || load.kind !== 'frame')) {
    const query = `kind=${kind}${visit ? `&visit=${encodeURIComponent(visit)}` : ''}`;
    loads.push({ kind, url: `${context.origin('https', host)}${path}${path.includes('?') ? '&' : '?'}${query}` });
  }
  if (site && context.cmp) {
    // As real sites do, the tags of categories the CMP gates are parked in the page (parkedTags) for the CMP to run.
    const parked = new Set(parkedTags(context).map((tag) => tag.url));
    return { visit, cookies: taggedCookies(context), loads: [...loads.filter((load) => !parked.has(load.url)), oneTrustLoad(context)] };
  }
  if (site) for (const host of site.consentManager.hosts) loads.push({ kind: 'script', url: url('https', host, 'script') });
  return { visit, cookies: taggedCookies(context), loads };
}

/** The OneTrust fake's banner script, told the page's options and the registrable domain its record lives on. */
function oneTrustLoad({ site, host, cmp, visit, origin }: PageContext): Load {
  const query = new URLSearchParams({
    kind: 'script',
    region: cmp!.region,
    domain: site!.domains.find((domain) => hostMatches(host, domain))!,
  });
  if (cmp!.extraGroup) query.set('extra', '1');
  if (cmp!.ignoreRecord) query.set('ignore', '1');
  if (visit) query.set('visit', visit);
  return { kind: 'script', url: `${origin('https', site!.consentManager.hosts[0]!)}${ONETRUST_SCRIPT_PATH}?${query}` };
}

/**
 * With the OneTrust fake, each tracker's script tag whose category the CMP maps to a group is parked as
 * `<script type="text/plain" class="optanon-category-<group>">`: the browser does not fetch it; the CMP runs it.
 */
export function parkedTags(context: PageContext): Array<{ group: string; url: string }> {
  const { site, visit } = context;
  if (!site || !context.cmp) return [];
  return site.trackers.flatMap((tracker) => {
    const group = site.consentManager.groups?.map.find((candidate) => candidate.category === tracker.category);
    const refusable = site.categories.find((category) => category.id === tracker.category)?.refusable;
    if (!group || !refusable || tracker.loads) return [];
    return tracker.hosts.map((host) => ({
      group: group.id,
      url: `${context.origin('https', concreteHost(host))}${PATHS.script}?kind=script${visit ? `&visit=${encodeURIComponent(visit)}` : ''}`,
    }));
  });
}

/** The trackers' first-party cookies, as their tags would set them: on the covered domain, a fresh value each load. */
function taggedCookies({ site, sites, host }: PageContext): PageConfig['cookies'] {
  const domain = site?.domains.find((candidate) => hostMatches(host, candidate)) ?? null;
  return (site ? [site] : sites)
    .flatMap((tracked) => tracked.trackers)
    .filter((tracker) => tracker.hosts.length > 0 || (tracker.paths ?? []).length > 0)
    .flatMap(firstPartyCookieNames)
    .map((name) => ({ name, value: freshValue(), domain }));
}

export function freshValue(): string {
  return `GA1.2.${randomBytes(6).toString('hex')}.${Date.now()}`;
}

export function pageHtml(context: PageContext, config: PageConfig = pageConfig(context)): string {
  const name = context.site ? context.site.name.replace(/[<&]/g, '') : 'Example News';
  const title = `${name} (replica) · ${context.host}`;
  // The configuration is data for the page script; "<" is escaped so it cannot close the script element.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title></head>
<body>
<h1>${title}</h1>
<p>A local stand-in for this site: it loads the trackers its knowledge base lists, as the real pages do.</p>
${parkedTags(context)
  .map((tag) => `<script type="text/plain" class="optanon-category-${tag.group}" src="${tag.url.replace(/&/g, '&amp;')}"></script>\n`)
  .join('')}<script type="application/json" id="replica-config">${json}</script>
${json.includes('"identifiers"') ? '<script src="/assets/replica-identifiers.js"></script>\n' : ''}<script src="/assets/replica-page.js"></script>
</body>
</html>
`;
}

/** The document of an embedded frame, served by the replica at this path on the player's host and the covered hosts. */
export const FRAME_DOC_PATH = PATHS.embed;

/** The frames page's embeds: a third-party player, and frames with an opaque origin or the page's own (srcdoc). */
export const FRAME_VARIANTS = ['player', 'sandboxed', 'data', 'srcdoc'] as const;
export type FrameVariant = (typeof FRAME_VARIANTS)[number];

/**
 * What each embedded frame's document loads itself, as a player's own tags do: Google Analytics and the Meta pixel
 * (both refused by default), and one first-party image of the covered page's host, which must always load.
 */
const FRAME_DOC_LOADS: Array<{ kind: 'image' | 'script'; host: string | null; path: string }> = [
  { kind: 'script', host: 'www.google-analytics.com', path: '/analytics.js' },
  { kind: 'image', host: 'www.google-analytics.com', path: '/collect?v=1&t=pageview' },
  { kind: 'script', host: 'connect.facebook.net', path: '/en_US/fbevents.js' },
  { kind: 'image', host: 'www.facebook.com', path: '/tr?id=1234&ev=PageView&noscript=1' },
  { kind: 'image', host: null, path: '/pixel.gif' },
];

/**
 * An embedded frame's document: its loads as plain elements, tagged `via=<variant>`, so the frame's load event (which
 * the page waits for) comes only once each has loaded or failed. `pageHost` is the covered page's host.
 */
export function frameDocHtml(context: Pick<PageContext, 'visit' | 'origin'>, variant: FrameVariant, pageHost: string): string {
  const tags = FRAME_DOC_LOADS.map(({ kind, host, path }) => {
    const query = `kind=${kind}&via=${variant}${context.visit ? `&visit=${encodeURIComponent(context.visit)}` : ''}`;
    const url = `${context.origin('https', host ?? pageHost)}${path}${path.includes('?') ? '&' : '?'}${query}`.replace(/&/g, '&amp;');
    return kind === 'image' ? `<img src="${url}" alt="" width="1" height="1">` : `<script src="${url}"></script>`;
  });
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>embed</title></head><body>\n${tags.join('\n')}\n</body></html>\n`;
}

/**
 * The frames page (`?frames` on a covered page): instead of the usual loads, four embeds whose documents load trackers
 * themselves: a third-party player, a sandboxed frame (opaque origin) and a data: frame (opaque), and a srcdoc frame
 * (the page's own origin). No first-party cookies are set by script.
 */
export function framesPageConfig(context: PageContext): PageConfig {
  const { visit, host } = context;
  const query = (variant: FrameVariant): string =>
    `?kind=embed&via=${variant}&page=${host}${visit ? `&visit=${encodeURIComponent(visit)}` : ''}`;
  const inline = (variant: FrameVariant): string => frameDocHtml(context, variant, host);
  const loads: Load[] = [
    { kind: 'embed', url: `${context.origin('https', EMBED_HOSTS[0]!)}${FRAME_DOC_PATH}${query('player')}` },
    {
      kind: 'embed',
      url: `${context.origin(context.scheme, host)}${FRAME_DOC_PATH}${query('sandboxed')}`,
      attributes: { sandbox: 'allow-scripts' },
    },
    { kind: 'embed', url: `data:text/html;charset=utf-8,${encodeURIComponent(inline('data'))}` },
    { kind: 'embed', url: 'about:blank', attributes: { srcdoc: inline('srcdoc') } },
  ];
  return { visit, cookies: [], loads };
}

export function framesPageHtml(context: PageContext): string {
  return pageHtml(context, framesPageConfig(context));
}
