// Protecting a site the knowledge base does not cover, from what its consent manager declares: reading the
// declaration in the page the person is looking at (the popup's activeTab grant, or the site's host permission once
// protected), protecting it when they ask (the record goes into the settings, so every service covers it), reading it
// again on later visits to record what changed, and giving a site and its host permission back.
import * as v from 'valibot';
import { observeDeclaration, readDeclaration, type Declaration, type DeclarationResult } from './declaration';
import { declaredSite } from './declared-site';
import { disputedHosts, siteChanges, summarize } from './reading';
import { ProblemError, type PageProblem } from './problems';
import type { Site } from '../knowledge/schema';
import type { SiteReading } from './reading';
import { protectSite, siteAccessOrigins, unprotectSite } from './protected-sites';
import { ProtectedSiteSchema, protectedSiteProblem, protectedSitesProblem } from '../settings/protected-site-record';
import { registrableDomainOrNull } from '../knowledge/registrable-domain';
import { issueText } from '../shared/schema-parts';
import type { Settings } from '../settings/settings';
import type { HostPermissions } from '../ports/permissions';
import type { PageScripts } from '../ports/scripting';
import type { CookieJar } from '../ports/cookies';

/** How long a later visit's page may take to load its consent manager before the reading gives up. */
const REREAD_WAIT_MS = 10_000;
const REREAD_STEP_MS = 500;
/**
 * After a later visit's reading is refused (a site serving garbage), how long its loads go unread: `first`, doubled
 * after each further refusal up to `max`. Kept in memory: a restarted worker reads the site once more, then backs off.
 */
const REFUSED_BACKOFF_MS = { first: 60_000, max: 24 * 60 * 60_000 };
/** Lines kept of one reading's changes (a site that rewrote its whole declaration). */
const MAX_CHANGE_LINES = 100;

export interface SiteProtectorDeps {
  pages: Pick<PageScripts, 'runInMainWorld'>;
  permissions: HostPermissions;
  /** Asked before protecting a domain, whose cookies protection removes: is it a site for the browser, not a suffix? */
  jar: Pick<CookieJar, 'takesDomainCookies'>;
  /** The URL of a tab's page, when the extension may see it (activeTab, or a host permission). */
  tabUrl: (tabId: number) => Promise<string | undefined>;
  bundled: readonly Site[];
  settings: () => Promise<Settings>;
  /** Stores a change to the settings and puts it in force. */
  change: (edit: (settings: Settings) => Settings) => Promise<Settings>;
  now: () => Date;
  /** Why these settings' rules would not fit the browser's limits (the compiler throws past its id range), or null. */
  rulesProblem: (settings: Settings) => string | null;
}

export interface SiteProtector {
  /** Reads the declaration of the site the tab shows, for the popup. */
  read(tabId: number): Promise<SiteReading>;
  /**
   * Protects the site the tab shows from its declaration, read again now (never from what a page sent): its host
   * permission must be granted already (the popup asks for it). Resolves once in force; rejects with a ProblemError.
   */
  protect(tabId: number, domain: string): Promise<void>;
  /** Stops protecting the site on `domain` and gives its host permission back. */
  unprotect(domain: string): Promise<Settings>;
  /** Gives back the host permissions of the sites on these domains that are no longer protected (a reset, an import). */
  release(domains: readonly string[]): Promise<void>;
  /** A tab finished loading `url`: a protected site's declaration is read again and its record updated when changed. */
  loaded(tabId: number, url: string | undefined): Promise<void>;
}

/** One reading's change lines, at most MAX_CHANGE_LINES (a site that rewrote its whole declaration). */
function capped(lines: string[]): string[] {
  if (lines.length <= MAX_CHANGE_LINES) return lines;
  return [...lines.slice(0, MAX_CHANGE_LINES - 1), `and ${lines.length - MAX_CHANGE_LINES + 1} more changes`];
}

export function createSiteProtector(deps: SiteProtectorDeps): SiteProtector {
  const { pages, permissions, jar, tabUrl, bundled, settings, change, now, rulesProblem } = deps;
  const bundledDomains = bundled.flatMap((site) => site.domains);

  /** The tab's page, when it is a web page the extension may read and not a bundled site's. */
  const pageOf = async (tabId: number): Promise<{ host: string; domain: string } | { problem: PageProblem }> => {
    const url = await tabUrl(tabId).catch(() => undefined);
    if (url === undefined) return { problem: { code: 'no-access' } };
    const parsed = URL.canParse(url) ? new URL(url) : null;
    if (parsed === null || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return { problem: { code: 'not-a-web-page' } };
    const domain = registrableDomainOrNull(parsed.hostname);
    if (domain === null) return { problem: { code: 'page-without-site', host: parsed.hostname } };
    return { host: parsed.hostname, domain };
  };

  /**
   * The declaration of the page the tab shows on `domain`. The tab may have moved on while the page's main world was
   * read (another site the extension may reach would answer): a reading is kept only if the tab is still there.
   */
  const declarationOf = async (tabId: number, domain: string): Promise<DeclarationResult> => {
    const observed = await observeDeclaration((read, args) => pages.runInMainWorld(tabId, read, args));
    const page = await pageOf(tabId);
    if ('problem' in page || page.domain !== domain) throw new ProblemError({ code: 'tab-moved', domain });
    return readDeclaration(observed, domain);
  };

  /** The record the declaration makes, or why it cannot be kept (before the store refuses it in words of its own). */
  const recordOf = (declaration: Declaration, host: string, domain: string, at: string): Site => {
    const site = siteFrom(declaration, host);
    const record = { site, protectedAt: at, changes: [] };
    const problem = protectedSiteProblem(domain, record, bundledDomains);
    if (problem !== null) throw new ProblemError({ code: 'cannot-keep', reason: problem });
    const checked = v.safeParse(ProtectedSiteSchema, record);
    if (!checked.success) throw new ProblemError({ code: 'record-refused', issue: issueText(checked.issues[0]) });
    return site;
  };

  /** `latest` with the site's record replaced, its changes against the record held now; refused beyond the limits. */
  const withSite = (latest: Settings, site: Site, domain: string, at: string): Settings => {
    const held = latest.protectedSites[domain];
    const next = protectSite(latest, site, at, held === undefined ? [] : capped(siteChanges(held.site, site)));
    const problem = protectedSitesProblem(next.protectedSites) ?? rulesProblem(next);
    if (problem !== null) throw new ProblemError({ code: 'cannot-keep', reason: problem });
    return next;
  };

  // Domains being read again now: a burst of loads of one site reads it once.
  const rereading = new Set<string>();
  // Domains whose later readings were refused: how many times in a row, and until when (ms) loads go unread.
  const refused = new Map<string, { times: number; until: number }>();
  const refusedNow = (domain: string) => {
    const times = (refused.get(domain)?.times ?? 0) + 1;
    const wait = Math.min(REFUSED_BACKOFF_MS.first * 2 ** (times - 1), REFUSED_BACKOFF_MS.max);
    refused.set(domain, { times, until: now().getTime() + wait });
  };

  return {
    async read(tabId) {
      const page = await pageOf(tabId);
      if ('problem' in page) return { state: 'unreadable', problem: page.problem };
      const { domain } = page;
      let result;
      try {
        result = await declarationOf(tabId, domain);
      } catch {
        return { state: 'unreadable', problem: { code: 'kept-by-browser' } };
      }
      if (!result.ok) return { state: result.none ? 'none' : 'refused', domain, problem: result.error };
      const summary = summarize(result.declaration, disputedHosts(result.declaration, bundled));
      return { state: 'found', domain, summary, origins: siteAccessOrigins(domain) };
    },

    async protect(tabId, domain) {
      const page = await pageOf(tabId);
      if ('problem' in page) throw new ProblemError(page.problem);
      if (page.domain !== domain) throw new ProblemError({ code: 'tab-left', domain });
      if (!(await permissions.contains(siteAccessOrigins(domain)))) throw new ProblemError({ code: 'not-granted', domain });
      try {
        // tldts's list found the domain a site; the browser's may differ, and it is the browser that scopes cookies.
        if (!(await jar.takesDomainCookies(domain))) throw new ProblemError({ code: 'browser-suffix', domain });
        const result = await declarationOf(tabId, domain);
        if (!result.ok) throw new ProblemError(result.error);
        const at = now().toISOString();
        const site = recordOf(result.declaration, page.host, domain, at);
        await change((latest) => withSite(latest, site, domain, at));
      } catch (error) {
        // The access asked for this site goes back with a protection that did not happen.
        await release([domain]);
        throw error;
      }
    },

    async unprotect(domain) {
      if ((await settings()).protectedSites[domain] === undefined) throw new ProblemError({ code: 'not-protected', domain });
      const next = await change((latest) => unprotectSite(latest, domain));
      await release([domain]);
      return next;
    },
    release,

    async loaded(tabId, url) {
      const host = url !== undefined && URL.canParse(url) ? new URL(url).hostname : '';
      const domain = registrableDomainOrNull(host);
      const before = domain === null ? undefined : (await settings()).protectedSites[domain];
      if (domain === null || before === undefined || rereading.has(domain)) return;
      if (now().getTime() < (refused.get(domain)?.until ?? 0)) return;
      rereading.add(domain);
      try {
        // The consent manager loads after the page; a page without one any more keeps its last good record.
        const deadline = now().getTime() + REREAD_WAIT_MS;
        let result = await declarationOf(tabId, domain).catch(() => null);
        while (result !== null && !result.ok && result.none && now().getTime() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, REREAD_STEP_MS));
          result = await declarationOf(tabId, domain).catch(() => null);
        }
        if (result === null || !result.ok) {
          if (result !== null && !result.none) refusedNow(domain);
          return;
        }
        const at = now().toISOString();
        const site = recordOf(result.declaration, host, domain, at);
        refused.delete(domain);
        if (siteChanges(before.site, site).length === 0) return;
        await change((latest) => (latest.protectedSites[domain] === undefined ? latest : withSite(latest, site, domain, at)));
      } catch {
        // A reading that cannot be kept keeps the last good record.
        refusedNow(domain);
      } finally {
        rereading.delete(domain);
      }
    },
  };

  async function release(domains: readonly string[]): Promise<void> {
    const still = (await settings()).protectedSites;
    const gone = domains.filter((domain) => still[domain] === undefined);
    // Only the pattern the popup asked for when protecting the site: one the person gave otherwise stays theirs.
    await Promise.all(gone.map((domain) => permissions.remove(siteAccessOrigins(domain)).catch(() => false)));
  }

  function siteFrom(declaration: Declaration, host: string): Site {
    return declaredSite(declaration, host, now(), disputedHosts(declaration, bundled));
  }
}
