// The replica's answers to subresource requests, by the kind the page asked for, and the cookies they set.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { concreteCookieName, hostMatches, thirdPartyCookieName, type ReplicaSite } from './knowledge';
import { freshValue } from './page';
import { concreteHost } from './hosts';
import type { Tracker } from '../../../src/knowledge/schema';

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const YEAR = 31_536_000;

export type Headers = Record<string, string | string[]>;

/** The body for a subresource of the given kind; fetch and XHR answers allow the credentialed page to read them. */
export function sendResource(
  request: IncomingMessage,
  response: ServerResponse,
  kind: string | null,
  headers: Headers,
  script = '/* replica */\n',
): void {
  const origin = request.headers.origin;
  const cors: Headers = origin ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' } : {};
  const all = { ...headers, ...cors, 'cache-control': 'no-store' };
  switch (kind) {
    case 'image':
      response.writeHead(200, { ...all, 'content-type': 'image/gif' }).end(PIXEL);
      return;
    case 'script':
      response.writeHead(200, { ...all, 'content-type': 'text/javascript' }).end(script);
      return;
    case 'stylesheet':
      response.writeHead(200, { ...all, 'content-type': 'text/css' }).end('body { font-family: sans-serif; }\n');
      return;
    case 'frame':
      response.writeHead(200, { ...all, 'content-type': 'text/html' }).end('<!doctype html><title>widget</title><p>widget</p>\n');
      return;
    case 'fetch':
    case 'xhr':
      response.writeHead(200, { ...all, 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    default:
      response.writeHead(204, all).end();
  }
}

/**
 * The tracker's own cookie on its host: third-party on a covered page, so only SameSite=None; Secure on HTTPS.
 * `knowledgeHost` null: host-only, as a tracker reached at "www.tracker.com." must set it (both browsers refuse
 * Domain=tracker.com from a trailing-dot host).
 */
export function trackerCookie(tracker: Tracker, knowledgeHost: string | null, scheme: 'http' | 'https'): string {
  const attributes = scheme === 'https' ? '; SameSite=None; Secure' : '';
  const domain = knowledgeHost === null ? '' : `; Domain=${knowledgeHost}`;
  return `${thirdPartyCookieName(tracker)}=${freshValue()}${domain}; Path=/; Max-Age=${YEAR}${attributes}`;
}

/** The site's own cookies (trackers without hosts, e.g. sign-in and anti-forgery), set by the page response. */
export function siteCookies(site: ReplicaSite, host: string, scheme: 'http' | 'https'): string[] {
  const domain = site.domains.find((candidate) => hostMatches(host, candidate));
  return site.trackers
    .filter((tracker) => tracker.hosts.length === 0 && (tracker.paths ?? []).length === 0)
    .flatMap((tracker) => tracker.cookies.map(concreteCookieName))
    .filter((name) => scheme === 'https' || !/^__(Host|Secure)-/.test(name))
    .map((name) => {
      // A __Host- cookie must be host-only; the others are shared across the covered domain, as real sessions are.
      const scope = name.startsWith('__Host-') || !domain ? '' : `; Domain=${domain}`;
      const secure = scheme === 'https' ? '; Secure' : '';
      return `${name}=${freshValue()}; Path=/; HttpOnly; SameSite=Lax${scope}${secure}`;
    });
}

/** The CMP's script: it records the visitor's consent in its own first-party cookies. */
export function consentScript(site: ReplicaSite): string {
  const lines = site.consentManager.cookies
    .map(concreteCookieName)
    .map((name) => `document.cookie = ${JSON.stringify(`${name}=${freshValue()}`)} + '; path=/; max-age=${YEAR}; SameSite=Lax' + secure;`);
  return `(function () {\n  var secure = location.protocol === 'https:' ? '; Secure' : '';\n  ${lines.join('\n  ')}\n})();\n`;
}

/**
 * A loader's (tag manager's) script: it injects, for each category it loads, the first tracker of that category as a
 * script and an image tagged `via=<loader id>`, and hands them to the page (window.__replicaInject), which waits for
 * them before it reports the visit done.
 */
export function loaderScript(site: ReplicaSite, loader: Tracker, visit: string | null, origin: (host: string) => string): string {
  const injected = (loader.loads ?? []).flatMap((category) => {
    const tracker = site.trackers.find((candidate) => candidate.category === category && candidate.hosts.length > 0 && !candidate.loads);
    if (!tracker) return [];
    const query = `via=${encodeURIComponent(loader.id)}${visit ? `&visit=${encodeURIComponent(visit)}` : ''}`;
    const base = origin(concreteHost(tracker.hosts[0]!));
    return [
      { kind: 'script', url: `${base}/tag.js?kind=script&${query}` },
      { kind: 'image', url: `${base}/pixel.gif?kind=image&${query}` },
    ];
  });
  return `(window.__replicaInject || function () {})(${JSON.stringify(injected).replace(/</g, '\\u003c')});\n`;
}
