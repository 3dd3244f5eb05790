// Tells each covered site's consent manager (CMP) the person's choices by writing its consent record, so its banner
// does not ask and its own tag gating agrees: at start-up, on every choice change (before the reply, so the next
// page load reads it), and whenever the page or the CMP rewrites the record to say something else. When the person
// answers the CMP themselves (a new interaction in its record), a refusal made there becomes their choice on that
// domain and a grant becomes a question for the popup (consent-manager/person-answer.ts). OneTrust's record is
// `OptanonConsent` (with `OptanonAlertBoxClosed`), Cookiebot's `CookieConsent` (consent-manager/cookiebot/record.ts).
import * as v from 'valibot';
import { cookiebotRecordPlan, oneTrustRecordPlan, type DeclaredBeyondMap, type StoredRecord } from './answer';
import { parseCookiebotRecord } from './cookiebot/record';
import { GROUP_ID, MAX_GROUPS, parseOneTrustRecord } from './onetrust/record';
import { answerAgainst, interactionCount, personAnswer, type CmpQuestion } from './person-answer';
import { isWithin, normalizeHost } from '../shared/hosts';
import type { Site } from '../knowledge/schema';
import type { Settings } from '../settings/settings';
import type { CookieChange, CookieJar, JarCookie } from '../ports/cookies';
import type { KeyValueArea } from '../ports/storage';
import { serialQueue } from '../shared/serial-queue';

const RECORD_NAMES = { onetrust: ['OptanonConsent', 'OptanonAlertBoxClosed'], cookiebot: ['CookieConsent'] } as const;
type Platform = keyof typeof RECORD_NAMES;
const ALL_RECORD_NAMES: ReadonlySet<string> = new Set(Object.values(RECORD_NAMES).flat());
/** storage.session key: per registrable domain, what the extension last left there and the person's open question. */
const CMP_STATE_KEY = 'cmpAnswers';
/** How long the CMP's record writes after a repair's API calls may take to reach the jar on a busy machine. */
const OWN_INTERACTION_WAIT_MS = 5_000;

const GroupIdsSchema = v.pipe(v.array(v.pipe(v.string(), v.regex(GROUP_ID))), v.maxLength(MAX_GROUPS));
const DomainStateSchema = v.object({
  /** The `interactionCount` of the record the extension last left on the domain. */
  written: v.number(),
  /** Cookiebot: the `utc` of the record the extension last left on the domain; a record with another is the person's. */
  utc: v.optional(v.number()),
  /** Refusable groups the domain's CMP declared that the map lacks (cmp-checker.ts): the record refuses them too. */
  declared: v.optional(GroupIdsSchema),
  /** Groups beyond the map that the domain's CMP marks always active: the record allows them, as the CMP does. */
  alwaysActive: v.optional(GroupIdsSchema),
  question: v.optional(v.object({ granted: v.array(v.string()), allowAll: v.boolean() })),
});
type DomainState = v.InferOutput<typeof DomainStateSchema>;

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
  /** The domain's question was asked anew, replaced or cleared (the popups showing it hear of it). */
  questionChanged: (domain: string) => void;
  report: (error: unknown) => void;
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
  const answered = (current: Settings): Site[] =>
    sitesOf(current).filter((site) => site.consentManager.platform !== undefined && site.consentManager.groups);
  // One answer at a time: a burst of choice changes, and the jar events our own writes raise, would otherwise
  // interleave older answers with newer ones and answer each other's writes again and again.
  const enqueue = serialQueue();
  let latest: Settings | null = null;
  let applied: Settings | null = null;

  // Read once per worker; ours alone, but checked like anything read back from storage.
  let states: Promise<Record<string, DomainState>> | null = null;
  const domainStates = (): Promise<Record<string, DomainState>> =>
    (states ??= session.get(CMP_STATE_KEY).then(
      (stored) => {
        const parsed = v.safeParse(v.record(v.string(), DomainStateSchema), stored[CMP_STATE_KEY] ?? {});
        return parsed.success ? parsed.output : {};
      },
      (error: unknown) => {
        // Read again next time rather than keep the failure for the worker's life.
        states = null;
        throw error;
      },
    ));
  const editState = async (domain: string, edit: (state: DomainState | undefined) => DomainState | undefined): Promise<void> => {
    const all = await domainStates();
    const before = JSON.stringify(all[domain]);
    const after = edit(all[domain]);
    if (after === undefined) delete all[domain];
    else all[domain] = after;
    if (JSON.stringify(after) !== before) await session.set({ [CMP_STATE_KEY]: all });
  };

  const canonicalOf = (records: JarCookie[], domain: string): JarCookie[] =>
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
    const state = (await domainStates())[domain];
    const person =
      site.consentManager.platform === 'cookiebot'
        ? cookiebotPerson(site, allowed, record.value, state)
        : oneTrustPerson(site, allowed, record.value, state);
    if (person === null) return current;
    const question = person.granted.length > 0 ? { granted: person.granted, allowAll: person.allowAll } : undefined;
    await editState(domain, (state) => {
      const kept = withoutQuestion(state ?? { written: 0 });
      return question === undefined ? kept : { ...kept, question };
    });
    questionChanged(domain);
    return person.refused.length > 0 ? refuse(domain, person.refused) : current;
  };

  const answerDomain = async (site: Site, domain: string, given: Settings): Promise<void> => {
    const platform = platformOf(site);
    const records = (await jar.cookiesIn([domain])).filter((cookie) => isRecordOf(cookie, domain, platform));
    // Paused: the extension's answer goes, so the site's banner asks again; what the person answers there is theirs.
    if (choicesFor(site, domain, given).paused) {
      await Promise.all(records.map((cookie) => jar.remove(cookie)));
      return;
    }
    // The record lives on the registrable domain, path "/", as OneTrust and Cookiebot write it. Another copy (host-only, or on a
    // subdomain or path) would be read by the CMP in its place, and answering it would rewrite ours in turn: remove it.
    const canonical = canonicalOf(records, domain);
    await Promise.all(records.filter((cookie) => !canonical.includes(cookie)).map((cookie) => jar.remove(cookie)));
    const main = RECORD_NAMES[platform][0];
    const current = await heedPerson(
      site,
      domain,
      // Cookiebot asks on each subdomain apart (its "Cross-domain Consent Sharing" article), so the person's answer
      // may be the host-only copy just removed: the newest copy is heeded.
      platform === 'cookiebot' ? newestCookiebot(records) : canonical.find((cookie) => cookie.name === main),
      given,
    );
    const { allowed } = choicesFor(site, domain, current);
    const state = (await domainStates())[domain];
    const declared = { refusable: state?.declared ?? [], alwaysActive: state?.alwaysActive ?? [] };
    const plan =
      platform === 'cookiebot'
        ? cookiebotRecordPlan(site.consentManager, domain, allowed, canonical.map(storedRecord), clock())
        : oneTrustRecordPlan(site.consentManager, domain, allowed, canonical.map(storedRecord), clock(), declared);
    plan.problems.forEach(report);
    await Promise.all(plan.writes.map((write) => jar.set(write)));
    // What the domain's record now says was said by the extension: only a later interaction is the person's.
    const left = plan.writes.find((write) => write.name === main) ?? canonical.find((cookie) => cookie.name === main);
    await markWritten(domain, platform, left?.value);
  };

  const markWritten = async (domain: string, platform: Platform, value: string | undefined): Promise<void> => {
    if (platform === 'cookiebot') {
      const utc = utcOf(value);
      await editState(domain, (state) => ({ written: 0, ...state, ...(utc === undefined ? {} : { utc }) }));
      return;
    }
    const written = countOf(value);
    await editState(domain, (state) => ({ ...state, written }));
  };

  /** The interaction count of the domain's record in the jar now; 0 when there is none. */
  const countInJar = async (domain: string): Promise<number> => {
    const record = canonicalOf(await jar.cookiesIn([domain]), domain).find((cookie) => cookie.name === 'OptanonConsent');
    return countOf(record?.value);
  };

  return {
    apply(current) {
      latest = current;
      // Settings overtaken while waiting are skipped: each waiting call answers the newest, once.
      return enqueue(async () => {
        const wanted = latest;
        if (wanted === null || wanted === applied) return;
        await Promise.all(answered(wanted).flatMap((site) => site.domains.map((domain) => answerDomain(site, domain, wanted))));
        applied = wanted;
      });
    },
    async changed({ removed, overwritten, cookie }) {
      // An overwrite is answered on the new value's event: answering the removal would read and answer the new value
      // first, and take a person's answer for the extension's own.
      if (overwritten || cookie.partitionKey?.topLevelSite || !ALL_RECORD_NAMES.has(cookie.name)) return;
      const host = normalizeHost(cookie.domain);
      for (const site of answered(await settings())) {
        if (!(RECORD_NAMES[platformOf(site)] as readonly string[]).includes(cookie.name)) continue;
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
        await editState(domain, (state) => ({ ...state, written: Math.max(state?.written ?? 0, count) }));
      });
    },
    async questionOf(domain) {
      return (await domainStates())[domain]?.question ?? null;
    },
    async settleQuestion(domain) {
      if ((await domainStates())[domain]?.question === undefined) return;
      await editState(domain, (state) => state && withoutQuestion(state));
      questionChanged(domain);
    },
    async declare(domain, groups) {
      const site = answered(await settings()).find((candidate) => candidate.domains.includes(domain));
      const valid = (ids: readonly string[]): string[] => ids.filter((group) => GROUP_ID.test(group)).slice(0, MAX_GROUPS);
      const declared = valid(groups.refusable);
      const alwaysActive = valid(groups.alwaysActive).filter((group) => !declared.includes(group));
      const known = (await domainStates())[domain];
      if (site === undefined || (sameIds(declared, known?.declared) && sameIds(alwaysActive, known?.alwaysActive))) return;
      await enqueue(async () => {
        await editState(domain, (state) => ({ written: state?.written ?? 0, ...state, declared, alwaysActive }));
        await answerDomain(site, domain, await settings());
      });
    },
  };
}

/** The domain's own, unpartitioned record cookies: the ones the CMP's script reads on its pages. */
function isRecordOf(cookie: JarCookie, domain: string, platform: Platform): boolean {
  return (
    (RECORD_NAMES[platform] as readonly string[]).includes(cookie.name) &&
    !cookie.partitionKey?.topLevelSite &&
    isWithin(normalizeHost(cookie.domain), domain)
  );
}

/** The record format an answered site's CMP reads (`answered` keeps only sites with a platform). */
function platformOf(site: Site): Platform {
  return site.consentManager.platform === 'cookiebot' ? 'cookiebot' : 'onetrust';
}

/** OneTrust: the record is the person's answer when it counts more interactions than the one the extension left. */
function oneTrustPerson(site: Site, allowed: Record<string, boolean>, value: string, state: DomainState | undefined) {
  const parsed = parseOneTrustRecord(value);
  return parsed.ok ? personAnswer(site, allowed, parsed.record, state?.written) : null;
}

/**
 * Cookiebot: the record is the person's answer when its `utc` (the moment of the consent) differs from the one the
 * extension left; a record without one, or before the extension wrote any, is answered again instead.
 */
function cookiebotPerson(site: Site, allowed: Record<string, boolean>, value: string, state: DomainState | undefined) {
  const parsed = parseCookiebotRecord(value);
  if (!parsed.ok || parsed.record.utc === null || state?.utc === undefined || parsed.record.utc === state.utc) return null;
  return answerAgainst(site, allowed, new Map(Object.entries(parsed.record.consent)));
}

/** The `CookieConsent` copy with the latest `utc` (the first readable one when none has a `utc`). */
function newestCookiebot(records: readonly JarCookie[]): JarCookie | undefined {
  let newest: { cookie: JarCookie; utc: number } | undefined;
  for (const cookie of records) {
    const parsed = parseCookiebotRecord(cookie.value);
    const utc = parsed.ok ? (parsed.record.utc ?? -1) : null;
    if (utc !== null && (newest === undefined || utc > newest.utc)) newest = { cookie, utc };
  }
  return newest?.cookie;
}

/** A `CookieConsent` value's `utc`; undefined for no record, one that does not parse, or one without it. */
function utcOf(value: string | undefined): number | undefined {
  const parsed = value === undefined ? undefined : parseCookiebotRecord(value);
  return parsed?.ok ? (parsed.record.utc ?? undefined) : undefined;
}

function withoutQuestion({ question: _settled, ...kept }: DomainState): DomainState {
  return kept;
}

/** The same group ids, in any order; a missing list is empty. */
function sameIds(ids: readonly string[], known: readonly string[] = []): boolean {
  return ids.length === known.length && ids.every((id) => known.includes(id));
}

/** A record value's `interactionCount`; 0 for no record or one that does not parse. */
function countOf(value: string | undefined): number {
  const parsed = value === undefined ? undefined : parseOneTrustRecord(value);
  return parsed?.ok ? interactionCount(parsed.record) : 0;
}

function storedRecord({ name, value, domain, path }: JarCookie): StoredRecord {
  return { name, value, domain, path };
}
