// The soak: many loads of the covered pages with random choice changes, pauses, resumes and forced worker stops
// in between; after every load the replica's log and the cookie jar must match the choices then in force.
// Bounded by its load count; used by `npm run soak` (long) and by soak.e2e.ts (short, in npm test).
import type Browser from 'webextension-polyfill';
import { isTrackerRefused, refusedCategories } from '../../../src/settings/choices';
import { hostOf } from '../../../src/shared/hosts';
import type { Site, Tracker } from '../../../src/knowledge/schema';
import type { MessageType, Reply, Request, Response } from '../../../src/messaging/protocol';
import { registrableDomain } from '../../../src/knowledge/registrable-domain';
import { freshSettings, type Settings } from '../../../src/settings/settings';
import { pageHostsOf } from '../replica/hosts';
import { firstPartyCookieNames, type Replica, type TestBrowser, type TestPage } from '../harness';
import { prng } from '../../support/prng';

declare const chrome: Browser.Browser;

export interface SoakOptions {
  loads: number;
  workerStops: number;
  seed: number;
  /** Called with one line per load, for a live report. */
  progress?: (line: string) => void;
}

export interface SoakTotals {
  loads: number;
  choiceChanges: number;
  pauses: number;
  resumes: number;
  workerStops: number;
  trackerRequestsArrived: number;
  refusedRequestsArrived: number;
  refusedCookiesKept: number;
  refusedCookiesSent: number;
  /** Each violation as "load N: what", so a failure says where. */
  violations: string[];
}

/** One extension page kept open to talk to the worker, as the popup and options page do. */
async function messenger(browser: TestBrowser): Promise<<T extends MessageType>(type: T, payload: Request<T>) => Promise<Response<T>>> {
  const page: TestPage = await browser.openExtensionPage('options.html');
  return async (type, payload) => {
    const reply = await page.evaluate((message) => chrome.runtime.sendMessage<unknown, Reply<typeof type>>(message), { type, payload });
    if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
    return reply.value;
  };
}

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * With the extension: the loop described above. Without it (the control run): the same loads with the default
 * choices counted as "refused", which must then be seen arriving, or the checks could not fail.
 */
/** A tracker is refused only when its category is; a loader (tag manager) only when every category it loads is. */
function refusedTrackersOn(site: Site, settings: Settings, domain: string): Tracker[] {
  return site.trackers.filter((tracker) => isTrackerRefused(site, tracker, settings, domain));
}

/** The first-party cookie names refused on the covered registrable domain of `host` (a cookie's domain or a page's host). */
function refusedFirstPartyNames(site: Site, settings: Settings, host: string): Set<string> {
  const domain = registrableDomain(host.replace(/^\./, ''));
  if (!site.domains.includes(domain)) return new Set();
  return new Set(refusedTrackersOn(site, settings, domain).flatMap(firstPartyCookieNames));
}

export async function soak(browser: TestBrowser, replica: Replica, site: Site, options: SoakOptions): Promise<SoakTotals> {
  const random = prng(options.seed);
  const send = browser.extension ? await messenger(browser) : null;
  const refusable = site.categories.filter((category) => category.refusable).map((category) => category.id);
  const pages = pageHostsOf(site).map((host) => replica.url(host, '/'));
  const stopEvery = options.workerStops > 0 ? Math.floor(options.loads / options.workerStops) : Infinity;
  const totals: SoakTotals = {
    loads: 0,
    choiceChanges: 0,
    pauses: 0,
    resumes: 0,
    workerStops: 0,
    trackerRequestsArrived: 0,
    refusedRequestsArrived: 0,
    refusedCookiesKept: 0,
    refusedCookiesSent: 0,
    violations: [],
  };

  for (let load = 1; load <= options.loads; load++) {
    let settings: Settings = freshSettings();
    const page = pages[load % pages.length]!;
    // Choices and pauses belong to the registrable domain of the page about to load.
    const domain = registrableDomain(hostOf(page));
    if (send) {
      const roll = random();
      const category = refusable[Math.floor(random() * refusable.length)]!;
      const allowed = random() < 0.5;
      const paused = (await send('get-settings', {})).settings.sites[domain]?.paused ?? false;
      if (roll < 0.3) await send('set-site-choice', { domain, categoryId: category, allowed });
      else if (roll < 0.5) await send('set-default-choice', { categoryId: category, allowed });
      else if (roll < 0.6) await send('set-site-paused', { domain, paused: !paused });
      if (roll < 0.5) totals.choiceChanges++;
      else if (roll < 0.6) totals[paused ? 'resumes' : 'pauses']++;
      if (load % stopEvery === 0 && totals.workerStops < options.workerStops) {
        await browser.stopWorker();
        totals.workerStops++;
      }
      settings = (await send('get-settings', {})).settings;
    }
    const refused = new Set(refusedCategories(site, settings, domain));
    const refusedTrackers = refusedTrackersOn(site, settings, domain);

    const visit = await browser.visit(page);
    await settle(1000);
    const jar = await browser.cookies();
    await visit.page.close();

    const arrived = replica.log.find({ visit: visit.id, role: 'tracker' });
    const refusedArrived = arrived.filter((request) => refusedTrackers.some((tracker) => tracker.id === request.tracker));
    // Choices are per registrable domain: a cookie kept on a domain that allows or is paused is not a violation.
    const kept = jar.filter((cookie) => refusedFirstPartyNames(site, settings, cookie.domain).has(cookie.name));
    // The page's own request carries what earlier visits left in the jar: none of it may be refused here.
    const refusedHere = refusedFirstPartyNames(site, settings, hostOf(page));
    const sent = replica.log
      .find({ visit: visit.id, role: 'page' })
      .flatMap((request) => request.cookieNames.filter((name) => refusedHere.has(name)));
    totals.loads++;
    totals.trackerRequestsArrived += arrived.length;
    totals.refusedRequestsArrived += refusedArrived.length;
    totals.refusedCookiesKept += kept.length;
    totals.refusedCookiesSent += sent.length;
    if (refusedArrived.length > 0)
      totals.violations.push(`load ${load}: refused requests arrived: ${refusedArrived.map((request) => request.host).join(', ')}`);
    if (kept.length > 0) totals.violations.push(`load ${load}: refused cookies kept: ${kept.map((cookie) => cookie.name).join(', ')}`);
    if (sent.length > 0) totals.violations.push(`load ${load}: refused cookies sent: ${sent.join(', ')}`);
    options.progress?.(
      `load ${load}: refused [${[...refused].join(', ')}] → ${refusedArrived.length} refused requests, ${kept.length} refused cookies kept`,
    );
  }
  return totals;
}
