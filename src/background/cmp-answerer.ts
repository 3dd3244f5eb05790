// Tells each covered site's consent manager (CMP) the person's choices by writing its consent record, so its banner
// does not ask and its own tag gating agrees: at start-up, on every choice change (before the reply, so the next
// page load reads it), and whenever the page or the CMP rewrites the record to say something else.
import { oneTrustRecordPlan, type StoredRecord } from '../core/cmp/answer';
import { isWithin, normalizeHost } from '../core/hosts';
import type { Site } from '../core/knowledge';
import type { Settings } from '../core/settings';
import type { CookieChange, CookieJar, JarCookie } from '../ports/cookies';
import { serialQueue } from './serial-queue';

const RECORD_NAMES = ['OptanonConsent', 'OptanonAlertBoxClosed'];

export interface CmpAnswererDeps {
  jar: Pick<CookieJar, 'cookiesIn' | 'set' | 'remove'>;
  sites: readonly Site[];
  /** The choices in force on one of a site's registrable domains. */
  choicesFor: (site: Site, domain: string, settings: Settings) => { allowed: Record<string, boolean>; paused: boolean };
  settings: () => Promise<Settings>;
  clock: () => { now: Date; newConsentId: () => string };
  report: (error: unknown) => void;
}

export interface CmpAnswerer {
  /** Writes (or, on a paused domain, removes) every covered domain's record; resolves once they are written. */
  apply(settings: Settings): Promise<void>;
  /** A record changed in the jar: answers its domain again if it no longer says the person's choice. */
  changed(change: CookieChange): Promise<void>;
}

export function createCmpAnswerer({ jar, sites, choicesFor, settings, clock, report }: CmpAnswererDeps): CmpAnswerer {
  const answered = sites.filter((site) => site.consentManager.platform === 'onetrust' && site.consentManager.groups);
  // One answer at a time: a burst of choice changes, and the jar events our own writes raise, would otherwise
  // interleave older answers with newer ones and answer each other's writes again and again.
  const enqueue = serialQueue();
  let latest: Settings | null = null;
  let applied: Settings | null = null;

  const answerDomain = async (site: Site, domain: string, current: Settings): Promise<void> => {
    const records = (await jar.cookiesIn([domain])).filter((cookie) => isRecordOf(cookie, domain));
    const { allowed, paused } = choicesFor(site, domain, current);
    // Paused: the extension's answer goes, so the site's banner asks again.
    if (paused) {
      await Promise.all(records.map((cookie) => jar.remove(cookie)));
      return;
    }
    // The record lives on the registrable domain, path "/", as OneTrust writes it. Another copy (host-only, or on a
    // subdomain or path) would be read by the CMP in its place, and answering it would rewrite ours in turn: remove it.
    const canonical = records.filter((cookie) => cookie.domain === `.${domain}` && cookie.path === '/');
    await Promise.all(records.filter((cookie) => !canonical.includes(cookie)).map((cookie) => jar.remove(cookie)));
    const plan = oneTrustRecordPlan(site.consentManager, domain, allowed, canonical.map(storedRecord), clock());
    plan.problems.forEach(report);
    await Promise.all(plan.writes.map((write) => jar.set(write)));
  };

  return {
    apply(current) {
      latest = current;
      // Settings overtaken while waiting are skipped: each waiting call answers the newest, once.
      return enqueue(async () => {
        const wanted = latest;
        if (wanted === null || wanted === applied) return;
        await Promise.all(answered.flatMap((site) => site.domains.map((domain) => answerDomain(site, domain, wanted))));
        applied = wanted;
      });
    },
    async changed({ removed, cookie }) {
      if (!RECORD_NAMES.includes(cookie.name) || cookie.partitionKey?.topLevelSite) return;
      const host = normalizeHost(cookie.domain);
      for (const site of answered) {
        const domain = site.domains.find((candidate) => isWithin(host, candidate));
        if (domain === undefined) continue;
        await enqueue(async () => {
          const current = await settings();
          // A removed record stays removed only while paused; otherwise it is written again.
          if (!removed || !choicesFor(site, domain, current).paused) await answerDomain(site, domain, current);
        });
      }
    },
  };
}

/** The domain's own, unpartitioned record cookies: the ones the CMP's script reads on its pages. */
function isRecordOf(cookie: JarCookie, domain: string): boolean {
  return RECORD_NAMES.includes(cookie.name) && !cookie.partitionKey?.topLevelSite && isWithin(normalizeHost(cookie.domain), domain);
}

function storedRecord({ name, value, domain, path }: JarCookie): StoredRecord {
  return { name, value, domain, path };
}
