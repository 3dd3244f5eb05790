// The curated side of a site: what the documents cannot say (hosts, cookie names, which file is which), with reasons.
import * as v from 'valibot';
import { PLATFORM_ID } from '../shared/patterns';
import { IdSchema, issueText } from '../shared/schema-parts';

const Reason = v.pipe(v.string(), v.minLength(1, 'say why'));

const CuratedDocumentSchema = v.object({
  id: IdSchema,
  kind: v.picklist(['privacy-policy', 'cookie-notice']),
  title: v.string(),
  url: v.pipe(v.string(), v.url()),
  /** File name inside src/knowledge/sources/<site id>/. */
  source: v.string(),
  /** The source is the site's published text: its hash pins it, so an edit to it cannot pass unnoticed. */
  sha256: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))),
  format: v.picklist(['stripped-lines', 'cls-markdown']),
  /**
   * Which way we read the crawl's snapshots: claims cite the first ('newest-first') or the last. The crawl dates none
   * of them, so this is our reading, and the UI never calls one older or newer.
   */
  snapshotOrder: v.optional(v.picklist(['newest-first', 'oldest-first']), 'oldest-first'),
});

const CuratedIdentifiersSchema = v.object({ names: v.array(v.string()), reason: Reason, reference: v.optional(v.string()) });

const CuratedTrackerSchema = v.object({
  id: v.string(),
  name: v.string(),
  category: v.string(),
  hosts: v.array(v.string()),
  /** Host plus path prefixes, where one host serves several purposes. */
  paths: v.optional(v.array(v.object({ host: v.string(), paths: v.array(v.string()) }))),
  /** For a loader (tag manager): the categories of the tags it injects. */
  loads: v.optional(v.array(v.string())),
  cookies: v.array(v.string()),
  /** localStorage / sessionStorage keys, and cookies the site's server sets for it (server-side tagging). */
  storage: v.optional(CuratedIdentifiersSchema),
  serverCookies: v.optional(CuratedIdentifiersSchema),
  /** 'notice-category': the notice describes the category it fits but does not name it (the quote is that description). */
  source: v.picklist(['notice', 'notice-category', 'policy', 'curated']),
  /** A public source (vendor documentation) for what the site's documents do not say. */
  reference: v.optional(v.string()),
  /** Words of the named document that put the tracker in its category; must be verbatim there. */
  quote: v.optional(v.string()),
  reason: Reason,
});

/** Words of the documents, each verbatim in exactly one sentence of a current snapshot: those sentences are the cites. */
const Evidence = v.pipe(v.array(v.pipe(v.string(), v.minLength(1))), v.minLength(1, 'a point needs its quote'));

const CuratedPointSchema = v.object({ id: IdSchema, group: IdSchema, label: v.string(), evidence: Evidence });

const CuratedChoiceSchema = v.object({
  id: IdSchema,
  label: v.string(),
  how: v.string(),
  evidence: Evidence,
  /** One of the opt-out links the compiler rebuilds from the documents; never an address of our own. */
  url: v.optional(v.string()),
  obsolete: v.optional(v.object({ reason: Reason, reference: v.pipe(v.string(), v.url()) })),
});

const CuratedCorrectionSchema = v.object({ label: v.optional(v.string()), dataTypes: v.array(v.string()), reason: Reason });

const CuratedSiteSchema = v.object({
  id: v.string(),
  name: v.string(),
  domains: v.record(v.string(), Reason),
  documents: v.pipe(v.array(CuratedDocumentSchema), v.minLength(1)),
  defaultAllowed: v.optional(v.record(v.string(), Reason), {}),
  consentManager: v.object({
    name: v.string(),
    hosts: v.array(v.string()),
    cookies: v.array(v.string()),
    reason: Reason,
    platform: v.optional(v.pipe(v.string(), v.regex(PLATFORM_ID))),
    groups: v.optional(v.object({ map: v.array(v.object({ id: v.string(), category: v.string() })), reason: Reason })),
  }),
  trackers: v.array(CuratedTrackerSchema),
  /** The notice category whose refusal the Global Privacy Control signal states (when the person turns it on). */
  globalPrivacyControl: v.optional(v.object({ category: v.string(), reason: Reason })),
  /** What the documents state, one fact each, in our words. */
  points: v.optional(v.array(CuratedPointSchema), []),
  /** Every choice the documents offer, with or without a link. */
  choices: v.optional(v.array(CuratedChoiceSchema), []),
  /** Collected items (by id) whose compiled summary overstates its own quotes. */
  collectedCorrections: v.optional(v.record(v.string(), CuratedCorrectionSchema), {}),
});

export type CuratedDocument = v.InferOutput<typeof CuratedDocumentSchema>;
export type CuratedTracker = v.InferOutput<typeof CuratedTrackerSchema>;
export type CuratedSite = v.InferOutput<typeof CuratedSiteSchema>;

/** Validates a curated site file; throws an Error naming the file and, per problem, the field path and why. */
export function parseCurated(name: string, data: unknown): CuratedSite {
  const result = v.safeParse(CuratedSiteSchema, data);
  if (result.success) return result.output;
  const problems = result.issues.map((issue) => issueText(issue));
  throw new Error(`${name} is not a valid curated site file:\n  ${problems.join('\n  ')}`);
}
