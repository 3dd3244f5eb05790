// Tells each covered site's consent manager (CMP) the person's choices by writing its consent record, so its banner
// does not ask and its own tag gating agrees: at start-up, on every choice change (before the reply, so the next
// page load reads it), and whenever the page or the CMP rewrites the record to say something else. When the person
// answers the CMP themselves (a new interaction in its record), a refusal made there becomes their choice on that
// domain and a grant becomes a question for the popup (person-answer.ts). Each CMP's record is its platform's
// (platform.ts `record`), found through the registry.
import type { DeclaredBeyondMap, RecordPlan, StoredRecord } from './answer';
import { createDomainStates, sameIds, validGroupIds, withoutFailure, withoutQuestion } from './answerer-state';
import type { CmpQuestion } from './person-answer';
import type { ConsentManagerPlatform } from './platform';
import { registry as defaultRegistry, type PlatformRegistry } from './registry';
import { isWithin, normalizeHost } from '../shared/hosts';
import type { Site } from '../knowledge/schema';
import type { Settings } from '../settings/settings';
import type { CookieChange, CookieJar, JarCookie } from '../ports/cookies';
import type { KeyValueArea } from '../ports/storage';
import { serialQueue } from '../shared/serial-queue';
import { syncToLatest } from '../shared/sync-to-latest';

/** How long the CMP's record writes after a repair's API calls may take to reach the jar on a busy machine. */
const OWN_INTERACTION_WAIT_MS = 5_000;

export interface CmpAnswererDeps {
  jar: Pick<CookieJar, 'cookiesIn' | 'set' | 'remove'>;
  /** The covered sites under some settings (the bundled and the protected ones). */
  sitesOf: (settings: Settings) => readonly Site[];
  /** The choices in force on one of a site's registrable domains. */
  choicesFor: (site: Site, domain: string, settings: Settings) => { allowed: Record<string, boolean>; paused: boolean };
  settings: () => Promise<Settings>;
  clock: () => { now: Date; newConsentId: () => string };
  /** Where the per-domain state lives while the browser runs, so a worker that slept still knows it. */
  session: KeyValueArea;
  /** Makes the person's refusals in a CMP their choice on `domain`; resolves with the new settings once stored. */
  refuse: (domain: string, categories: string[]) => Promise<Settings>;
  /** What the popups showing the domain say of its CMP changed: its question (asked, replaced, cleared) or whether the answer failed. */
  questionChanged: (domain: string) => void;
  report: (error: unknown) => void;
  /** The CMPs it knows (registry.ts's unless given). */
  registry?: PlatformRegistry;
}

export interface CmpAnswerer {
  /** Writes (or, on a paused domain, removes) every covered domain's record; resolves once they are written. */
  apply(settings: Settings): Promise<void>;
  /**
   * A record changed in the jar: the person's own answer is mirrored (refusals) or asked about (grants); then the
   * domain is answered again if its record no longer says the choice.
   */
  changed(change: CookieChange): Promise<void>;
  /** The grant the person made in the domain's CMP and has not settled in the popup; null when none. */
  questionOf(domain: string): Promise<CmpQuestion | null>;
  /** Whether the domain's last answer could not be written (the page's own record was removed instead). */
  answerFailed(domain: string): Promise<boolean>;
  /** The popup settled the domain's question (allowed or kept refused): it is not asked again. */
  settleQuestion(domain: string): Promise<void>;
  /**
   * The domain's CMP declares these groups the map lacks (page data, at most 64 of each): refusable ones are answered
   * refused there, those it marks always active allowed.
   */
  declare(domain: string, groups: DeclaredBeyondMap): Promise<void>;
  /**
   * Runs `interact` — the checker's repair through the CMP's own API, resolving with the number of calls it made —
   * as the extension's own interaction: the record writes it causes are not taken for the person's answer.
   */
  ownInteraction(domain: string, interact: () => Promise<number>): Promise<void>;
}

export function createCmpAnswerer(deps: CmpAnswererDeps): CmpAnswerer {
  const { jar, sitesOf, choicesFor, settings, clock, session, refuse, questionChanged, report } = deps;
  const platforms = deps.registry ?? defaultRegistry;
  const platformOf = (site: Site): ConsentManagerPlatform | undefined => platforms.of(site.consentManager.platform);
  /** The covered sites whose CMP the extension answers: a known platform and a group map. */
  const answered = (current: Settings): Site[] =>
    sitesOf(current).filter((site) => platformOf(site) !== undefined && site.consentManager.groups);
  const recordNames: ReadonlySet<string> = new Set(platforms.platforms.flatMap((platform) => platform.record.cookieNames));
  // One answer at a time: a burst of choice changes, and the jar events our own writes raise, would otherwise
  // interleave older answers with newer ones and answer each other's writes again and again.
  const enqueue = serialQueue();
  const states = createDomainStates(session);

  const canonicalOf = (records: readonly JarCookie[], domain: string): JarCookie[] =>
    records.filter((cookie) => cookie.domain === `.${domain}` && cookie.path === '/');

  /**
   * The person answered the CMP since the extension last wrote the domain's record (read from the jar, so a job
   * queued earlier cannot take their answer for its own): refusals become their choice there, and grants the question
   * for the popup (replacing an earlier one; none left when this answer grants nothing). Returns the settings to
   * answer with.
   */
  const heedPerson = async (site: Site, domain: string, record: JarCookie | undefined, current: Settings): Promise<Settings> => {
    if (record === undefined) return current;
    const { allowed } = choicesFor(site, domain, current);
    const person = platformOf(site)!.record.person(site, allowed, record.value, (await states.all())[domain]);
    if (person === null) return current;
    const question = person.granted.length > 0 ? { granted: person.granted, allowAll: person.allowAll } : undefined;
    await states.edit(domain, (state) => {
      const kept = withoutQuestion(state ?? { written: 0 });
      return question === undefined ? kept : { ...kept, question };
    });
    questionChanged(domain);
    return person.refused.length > 0 ? refuse(domain, person.refused) : current;
  };

  const answerDomain = async (site: Site, domain: string, given: Settings): Promise<void> => {
    const { record } = platformOf(site)!;
    const records = (await jar.cookiesIn([domain])).filter((cookie) => isRecordOf(cookie, domain, record.cookieNames));
    // Paused: the extension's answer goes, so the site's banner asks again; what the person answers there is theirs.
    if (choicesFor(site, domain, given).paused) {
      await Promise.all(records.map((cookie) => jar.remove(cookie)));
      return;
    }
    // The record lives on the registrable domain, path "/", as the CMPs write it. Another copy (host-only, or on a
    // subdomain or path) would be read by the CMP in its place, and answering it would rewrite ours in turn: remove it.
    const canonical = canonicalOf(records, domain);
    await Promise.all(records.filter((cookie) => !canonical.includes(cookie)).map((cookie) => jar.remove(cookie)));
    const current = await heedPerson(site, domain, record.heeded(records, canonical), given);
    const { allowed } = choicesFor(site, domain, current);
    const state = (await states.all())[domain];
    const declared = { refusable: state?.declared ?? [], alwaysActive: state?.alwaysActive ?? [] };
    let plan: RecordPlan;
    try {
      plan = record.plan(site.consentManager, domain, allowed, canonical.map(storedRecord), clock(), declared);
      plan.problems.forEach(report);
      await Promise.all(plan.writes.map((write) => jar.set(write)));
    } catch (error) {
      // The page's record must not stay in force in place of the answer: without one, the site's CMP asks again and
      // the choice is still enforced by the rules and the shield. The popup says the answer failed.
      await Promise.all(canonical.map((cookie) => jar.remove(cookie)));
      await states.edit(domain, (state) => ({ written: 0, ...state, failed: true }));
      questionChanged(domain);
      report(error);
      return;
    }
    // What the domain's record now says was said by the extension: only a later interaction is the person's.
    const [main] = record.cookieNames;
    const left = plan.writes.find((write) => write.name === main) ?? canonical.find((cookie) => cookie.name === main);
    const failedBefore = state?.failed === true;
    await states.edit(domain, (state) => ({ ...withoutFailure(state ?? { written: 0 }), ...record.marks(left?.value) }));
    if (failedBefore) questionChanged(domain);
  };

  /** The interactions the domain's record in the jar counts now, by its CMP's API; 0 when there is none. */
  const countInJar = async (domain: string): Promise<number> => {
    const site = sitesOf(await settings()).find((candidate) => candidate.domains.includes(domain));
    const platform = site === undefined ? undefined : platformOf(site);
    if (platform?.api === undefined) return 0;
    const [main] = platform.record.cookieNames;
    const record = canonicalOf(await jar.cookiesIn([domain]), domain).find((cookie) => cookie.name === main);
    return platform.api.interactions(record?.value);
  };

  return {
    // Settings overtaken while waiting are skipped: each waiting call answers the newest, once.
    apply: syncToLatest(async (wanted: Settings) => {
      await Promise.all(answered(wanted).flatMap((site) => site.domains.map((domain) => answerDomain(site, domain, wanted))));
    }, enqueue),
    async changed({ removed, overwritten, cookie }) {
      // An overwrite is answered on the new value's event: answering the removal would read and answer the new value
      // first, and take a person's answer for the extension's own.
      if (overwritten || cookie.partitionKey?.topLevelSite || !recordNames.has(cookie.name)) return;
      const host = normalizeHost(cookie.domain);
      for (const site of answered(await settings())) {
        if (!platformOf(site)!.record.cookieNames.includes(cookie.name)) continue;
        const domain = site.domains.find((candidate) => isWithin(host, candidate));
        if (domain === undefined) continue;
        await enqueue(async () => {
          const current = await settings();
          // A removed record stays removed only while paused; otherwise it is written again.
          if (removed && choicesFor(site, domain, current).paused) return;
          await answerDomain(site, domain, current);
        });
      }
    },
    ownInteraction(domain, interact) {
      return enqueue(async () => {
        const before = await countInJar(domain);
        const calls = await interact();
        // The CMP writes its record after each call, through the page's document.cookie: wait until the jar shows
        // them all (or a CMP that does not count them has had its time), then take that count as the extension's.
        const deadline = Date.now() + OWN_INTERACTION_WAIT_MS;
        let count = await countInJar(domain);
        while (count < before + calls && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          count = await countInJar(domain);
        }
        await states.edit(domain, (state) => ({ ...state, written: Math.max(state?.written ?? 0, count) }));
      });
    },
    async questionOf(domain) {
      return (await states.all())[domain]?.question ?? null;
    },
    async answerFailed(domain) {
      return (await states.all())[domain]?.failed === true;
    },
    async settleQuestion(domain) {
      if ((await states.all())[domain]?.question === undefined) return;
      await states.edit(domain, (state) => state && withoutQuestion(state));
      questionChanged(domain);
    },
    async declare(domain, groups) {
      const site = answered(await settings()).find((candidate) => candidate.domains.includes(domain));
      const declared = validGroupIds(groups.refusable);
      const alwaysActive = validGroupIds(groups.alwaysActive).filter((group) => !declared.includes(group));
      const known = (await states.all())[domain];
      if (site === undefined || (sameIds(declared, known?.declared) && sameIds(alwaysActive, known?.alwaysActive))) return;
      await enqueue(async () => {
        await states.edit(domain, (state) => ({ written: state?.written ?? 0, ...state, declared, alwaysActive }));
        await answerDomain(site, domain, await settings());
      });
    },
  };
}

/** The domain's own, unpartitioned record cookies: the ones the CMP's script reads on its pages. */
function isRecordOf(cookie: JarCookie, domain: string, names: readonly string[]): boolean {
  return names.includes(cookie.name) && !cookie.partitionKey?.topLevelSite && isWithin(normalizeHost(cookie.domain), domain);
}

function storedRecord({ name, value, domain, path }: JarCookie): StoredRecord {
  return { name, value, domain, path };
}
