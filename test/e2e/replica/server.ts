// One local server answering for every replica host name, over HTTP and HTTPS on ephemeral loopback ports
// (several people run the tests at once on one machine). Browsers reach it by the real host names.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { certificateFor } from './certificate';
import { declaredCookie, declaredLoadOf, declaredPageHtml, declaredSiteOf, declaredVariantOf } from './declared-page';
import {
  DECLARED_CMP_PATH_PREFIX,
  DECLARED_VARIANT_PARAM,
  DECLARING_PARAM,
  declaredCmpScript,
  declaredSitePlan,
  type DeclaredSiteId,
  type DeclaredVariant,
} from './declared-sites';
import { HOSTILE_PATH, hostileFrameSrc, hostilePageHtml } from './hostile-frame';
import { allHosts, logRole, pageHostsOf, roleOf, UNCOVERED_HOSTS, type HostRole } from './hosts';
import { replicaSites, type ReplicaSite } from './knowledge';
import { IDENTIFIERS_PARAM, identifiersScript, serverSetCookies, serviceWorkerScript } from './identifiers';
import { cookieNames, RequestLog, type LoggedRequest } from './log';
import { ONETRUST_SCRIPT_PATH, oneTrustOptions, oneTrustScript } from './onetrust';
import { answerHostileCmp } from './hostile-cmp';
import { FRAME_DOC_PATH, frameDocHtml, FRAME_VARIANTS, framesPageHtml, pageHtml } from './page';
import { consentScript, loaderScript, sendResource, siteCookies, trackerCookie, type Headers } from './responses';
import { VisitBoard, type LoadOutcome } from './visits';

type Scheme = 'http' | 'https';

export interface Replica {
  sites: ReplicaSite[];
  /** Every host name the browser must send to the replica. */
  hosts: string[];
  log: RequestLog;
  url(host: string, path?: string, scheme?: Scheme): string;
  /**
   * The covered page of a site (the first site by default): https://www.atlassian.com:<port>/, loading an image and a
   * script from every tracker host.
   */
  coveredPage(siteId?: string): string;
  /** The covered page loading every request kind (images, beacons, scripts, fetch, XHR, frames, sockets): ?every-kind */
  everyKindPage(siteId?: string): string;
  /**
   * A covered page (the first site by default) whose only loads are embedded frames that load refused trackers
   * themselves: a third-party player, a sandboxed, a data: and a srcdoc frame (page.ts framesPageConfig).
   */
  framesPage(siteId?: string): string;
  /**
   * The same covered page under the fully qualified spelling of its host (https://www.atlassian.com.:<port>/) and/or
   * loading its third parties at theirs (https://www.google-analytics.com.:<port>/...): one host to DNS, another
   * origin to the browser.
   */
  fqdnPage(spelled: { page: boolean; thirdParties: boolean }, siteId?: string): string;
  /** The covered page's identifiers variant (identifiers.ts): https://www.atlassian.com:<port>/?identifiers */
  identifiersPage(siteId?: string): string;
  /** A page of a site the knowledge base does not cover, loading the same trackers. */
  uncoveredPage(scheme?: Scheme): string;
  /**
   * The page of a site the knowledge base does not cover, whose consent manager declares its cookies
   * (declared-sites.ts): https://www.harbor-books.com:<port>/ (a fake OneTrust) or https://www.fjord-travel.com:<port>/
   * (a fake Cookiebot), with `?declared=<variant>` for any variant but `default`.
   */
  declaredSitePage(site: DeclaredSiteId, variant?: DeclaredVariant): string;
  /** A page that loads nothing. */
  blankPage(): string;
  /** Resolves when the page of that visit has loaded, failed or been blocked on every resource. */
  visitDone(visit: string, timeoutMs?: number): Promise<LoadOutcome[]>;
  stop(): Promise<void>;
}

// The page query that spells every host the page loads with a trailing dot.
const FQDN_THIRD_PARTIES = 'fqdn-third-parties';
// The page query that loads every request kind (page.ts PageContext.everyKind).
const EVERY_KIND = 'every-kind';
const pageScript = readFileSync(join(__dirname, 'page-script.js'), 'utf8');
// A page that loads nothing: where a Firefox test starts before it navigates to an extension page.
const BLANK = '<!doctype html><title>replica</title>\n';

export interface ReplicaOptions {
  /** Delay before a tracker answers, as a remote third party would (the benchmark's page loads); 0 in tests. */
  trackerLatencyMs?: number;
}

export async function startReplica({ trackerLatencyMs = 0 }: ReplicaOptions = {}): Promise<Replica> {
  const sites = replicaSites();
  const hosts = allHosts(sites);
  const log = new RequestLog();
  const visits = new VisitBoard();
  const ports: Record<Scheme, number> = { http: 0, https: 0 };
  const origin = (scheme: Scheme, host: string): string => `${scheme}://${host}:${ports[scheme]}`;

  function record(request: IncomingMessage, scheme: Scheme): { entry: LoggedRequest; url: URL; role: HostRole } {
    const host = (request.headers.host ?? 'localhost').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(request.url ?? '/', `${scheme}://${host}`);
    const role = roleOf(host, url.pathname, sites);
    const cookie = request.headers.cookie ?? '';
    const declared = declaredLoadOf(host.replace(/\.$/, ''), url.searchParams.get(DECLARING_PARAM), role.role === 'declared-tracker');
    const entry: LoggedRequest = {
      time: Date.now(),
      scheme,
      method: request.method ?? 'GET',
      host,
      path: url.pathname,
      visit: url.searchParams.get('visit'),
      via: url.searchParams.get('via'),
      kind:
        url.searchParams.get('kind') ?? (logRole(role) === 'page' && !/^\/(assets\/|__|favicon)/.test(url.pathname) ? 'document' : null),
      cookie,
      cookieNames: cookieNames(cookie),
      referer: request.headers.referer ?? null,
      gpc: (request.headers['sec-gpc'] as string | undefined) ?? null,
      role: url.pathname.startsWith('/__') ? 'replica' : logRole(role),
      tracker: role.role === 'tracker' ? role.tracker.id : null,
      category: role.role === 'tracker' && role.tracker.loads === undefined ? role.tracker.category : null,
      declaredSite: declared?.site ?? null,
      declaredCategory: declared?.category ?? null,
    };
    log.add(entry);
    return { entry, url, role };
  }

  /**
   * Tells a page which of its loads (a POSTed JSON list of URLs, at most 500) reached the replica, waiting up to
   * `waitMs` for each: the page's way to tell a load the extension blocked (it never arrives) from one that is merely
   * slow on a busy machine. Answers `{ arrived: boolean[] }`, in the order asked.
   */
  function answerArrived(request: IncomingMessage, url: URL, response: ServerResponse): void {
    const visit = url.searchParams.get('visit') ?? '';
    const waitMs = Math.min(Number(url.searchParams.get('waitMs')) || 0, 30_000);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      let urls: string[];
      try {
        const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (!Array.isArray(parsed) || parsed.length > 500 || !parsed.every((item) => typeof item === 'string')) throw new Error();
        urls = parsed;
      } catch {
        return void response.writeHead(400, { 'content-type': 'text/plain' }).end('a JSON list of at most 500 URLs\n');
      }
      const waits = urls.map((spelled) => {
        const load = new URL(spelled, 'http://invalid');
        const filter = { visit, host: load.hostname, path: load.pathname, kind: load.searchParams.get('kind') ?? '' };
        return log.waitFor(filter, 1, waitMs).then(
          () => true,
          () => false,
        );
      });
      void Promise.all(waits).then((arrived) =>
        response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({ arrived })),
      );
    });
  }

  // A tracker's every answer, WebSocket handshakes included, sets its own cookie; a host a declared site's page
  // reached also sets the cookie the site declares for it (both, for a tracker the knowledge base knows too).
  const trackerHeaders = (role: HostRole, scheme: Scheme, host: string, url?: URL): Headers => {
    const cookies: string[] = [];
    if (role.role === 'tracker') cookies.push(trackerCookie(role.tracker, host.endsWith('.') ? null : role.knowledgeHost, scheme));
    const declared =
      url && !host.endsWith('.')
        ? declaredLoadOf(host, url.searchParams.get(DECLARING_PARAM), role.role === 'declared-tracker')
        : undefined;
    if (declared) cookies.push(declaredCookie(declared, scheme));
    return cookies.length === 0 ? {} : { 'set-cookie': cookies.length === 1 ? cookies[0]! : cookies };
  };

  function handle(scheme: Scheme) {
    return (request: IncomingMessage, response: ServerResponse): void => {
      const { entry, url, role } = record(request, scheme);
      if (url.pathname === '/__done') return visits.finish(request, response, entry.visit);
      if (url.pathname === '/__arrived') return answerArrived(request, url, response);
      if (answerHostileCmp(url.pathname, response)) return;
      if (url.pathname === '/__blank') return void response.writeHead(200, { 'content-type': 'text/html' }).end(BLANK);
      if (url.pathname === HOSTILE_PATH)
        return sendFrameDoc(
          response,
          hostilePageHtml(
            entry.visit ?? '',
            hostileFrameSrc(url, (host) => origin(scheme, host)),
          ),
        );
      if (url.pathname === FRAME_DOC_PATH && (role.role === 'static' || role.role === 'page')) {
        const variant = FRAME_VARIANTS.find((name) => name === url.searchParams.get('via')) ?? FRAME_VARIANTS[0];
        return sendFrameDoc(response, frameDocHtml({ visit: entry.visit, origin }, variant, url.searchParams.get('page') ?? entry.host));
      }
      // A declared site's fake CMP, on its CMP's host (cdn.cookielaw.org also serves the covered site's CMP).
      const declaringSite = declaredSiteOf(url.searchParams);
      if (url.pathname.startsWith(DECLARED_CMP_PATH_PREFIX) && declaringSite && logRole(role) === 'consent-manager')
        return sendResource(request, response, 'script', {}, declaredCmpScript(declaringSite, declaredVariantOf(url.searchParams)));
      switch (role.role) {
        case 'tracker':
          if (trackerLatencyMs > 0)
            return void setTimeout(
              () => sendResource(request, response, entry.kind, trackerHeaders(role, scheme, entry.host, url)),
              trackerLatencyMs,
            );
          if (role.tracker.loads && entry.kind === 'script') {
            const script = loaderScript(role.site, role.tracker, entry.visit, (host) => origin('https', host));
            return sendResource(request, response, entry.kind, trackerHeaders(role, scheme, entry.host, url), script);
          }
          return sendResource(request, response, entry.kind, trackerHeaders(role, scheme, entry.host, url));
        case 'declared-tracker':
          return sendResource(request, response, entry.kind, trackerHeaders(role, scheme, entry.host, url));
        case 'declared-page':
          if (url.pathname === '/assets/replica-page.js') return sendResource(request, response, 'script', {}, pageScript);
          if (url.searchParams.has('kind')) return sendResource(request, response, entry.kind, {});
          if (url.pathname === '/favicon.ico') return void response.writeHead(404).end();
          return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(
            declaredPageHtml({
              site: role.site,
              variant: declaredVariantOf(url.searchParams),
              host: entry.host,
              scheme,
              visit: entry.visit,
              origin,
            }),
          );
        case 'consent-manager':
          if (url.pathname === ONETRUST_SCRIPT_PATH) {
            const script = oneTrustScript(role.site, url.searchParams.get('domain') ?? '', oneTrustOptions(url.searchParams));
            return sendResource(request, response, entry.kind, {}, script);
          }
          return sendResource(request, response, entry.kind, {}, consentScript(role.site));
        case 'static':
          return sendResource(request, response, entry.kind, {});
        case 'page':
          if (url.pathname === '/assets/replica-page.js') return sendResource(request, response, 'script', {}, pageScript);
          if (url.pathname === '/assets/replica-identifiers.js') return sendResource(request, response, 'script', {}, identifiersScript);
          if (url.pathname === '/assets/replica-sw.js') return sendResource(request, response, 'script', {}, serviceWorkerScript);
          if (url.searchParams.has('kind')) return sendResource(request, response, entry.kind, {});
          if (url.pathname === '/favicon.ico') return void response.writeHead(404).end();
          return sendPage(
            response,
            {
              host: entry.host,
              scheme,
              site: role.site,
              sites,
              visit: entry.visit,
              origin: url.searchParams.has(FQDN_THIRD_PARTIES) ? (scheme, host) => origin(scheme, host.replace(/\.?$/, '.')) : origin,
              cmp: url.searchParams.has('cmp') ? oneTrustOptions(url.searchParams, 'cmp') : null,
              identifiers: url.searchParams.has(IDENTIFIERS_PARAM),
              everyKind: url.searchParams.has(EVERY_KIND),
            },
            [
              ...(role.site ? siteCookies(role.site, entry.host, scheme) : []),
              ...(role.site && url.searchParams.has(IDENTIFIERS_PARAM) ? serverSetCookies(role.site, entry.host, scheme) : []),
            ],
            url.searchParams.has('frames') && role.site ? framesPageHtml : pageHtml,
          );
        default:
          response.writeHead(404, { 'content-type': 'text/plain' }).end(`the replica does not serve ${entry.host}\n`);
      }
    };
  }

  // WebSockets (ws): every upgrade is logged like any request, accepted, and closed when the page closes it.
  // The handshake's 101 answer carries the same headers a tracker's other answers do ('headers' event).
  const webSockets = new WebSocketServer({ noServer: true });
  const handshakeHeaders = new WeakMap<IncomingMessage, Headers>();
  webSockets.on('headers', (lines, request) => {
    for (const [name, value] of Object.entries(handshakeHeaders.get(request) ?? {})) {
      for (const one of [value].flat()) lines.push(`${name}: ${one}`);
    }
  });
  const sockets = new Set<Duplex>();
  function upgrade(scheme: Scheme) {
    return (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
      sockets.add(socket.once('close', () => sockets.delete(socket)));
      socket.on('error', () => socket.destroy());
      const { role, entry } = record(request, scheme);
      handshakeHeaders.set(request, trackerHeaders(role, scheme, entry.host));
      webSockets.handleUpgrade(request, socket, head, (webSocket) => webSocket.on('error', () => webSocket.terminate()));
    };
  }

  const { key, cert } = await certificateFor(hosts);
  const servers: Record<Scheme, Server> = {
    http: createHttpServer(handle('http')),
    https: createHttpsServer({ key, cert }, handle('https')),
  };
  for (const scheme of ['http', 'https'] as const) {
    servers[scheme].on('upgrade', upgrade(scheme));
    ports[scheme] = await listen(servers[scheme]);
  }

  const firstPageHost = (siteId?: string): string => {
    const site = siteId ? sites.find((candidate) => candidate.id === siteId) : sites[0];
    if (!site) throw new Error(`replica: no covered site ${siteId ?? ''}`);
    return pageHostsOf(site)[0]!;
  };

  return {
    sites,
    hosts,
    log,
    url: (host, path = '/', scheme = 'https') => `${origin(scheme, host)}${path}`,
    coveredPage: (siteId) => `${origin('https', firstPageHost(siteId))}/`,
    everyKindPage: (siteId) => `${origin('https', firstPageHost(siteId))}/?${EVERY_KIND}`,
    framesPage: (siteId) => `${origin('https', firstPageHost(siteId))}/?frames`,
    fqdnPage: ({ page, thirdParties }, siteId) =>
      `${origin('https', `${firstPageHost(siteId)}${page ? '.' : ''}`)}/${thirdParties ? `?${FQDN_THIRD_PARTIES}` : ''}`,
    identifiersPage: (siteId) => `${origin('https', firstPageHost(siteId))}/?${IDENTIFIERS_PARAM}`,
    uncoveredPage: (scheme = 'https') => `${origin(scheme, UNCOVERED_HOSTS[0]!)}/`,
    declaredSitePage: (site, variant = 'default') =>
      `${origin('https', declaredSitePlan(site).pageHost)}/${variant === 'default' ? '' : `?${DECLARED_VARIANT_PARAM}=${variant}`}`,
    blankPage: () => `${origin('http', UNCOVERED_HOSTS[0]!)}/__blank`,
    visitDone: (visit, timeoutMs) => visits.done(visit, timeoutMs),
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      webSockets.close();
      for (const server of Object.values(servers)) server.closeAllConnections();
      await Promise.all(Object.values(servers).map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}

function sendPage(
  response: ServerResponse,
  context: Parameters<typeof pageHtml>[0],
  cookies: string[],
  html: (context: Parameters<typeof pageHtml>[0]) => string = pageHtml,
): void {
  response
    .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'set-cookie': cookies })
    .end(html(context));
}

function sendFrameDoc(response: ServerResponse, html: string): void {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}
