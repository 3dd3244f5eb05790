// The curated side of a site: what the documents cannot say (hosts, cookie names, which file is which), with reasons.
import * as v from 'valibot';
import { IdSchema, issueText } from '../core/schema-parts';

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
  /** Crawls that append snapshots newest first; the newest snapshot is the one claims cite. */
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
  source: v.picklist(['notice', 'policy', 'curated']),
  /** A public source (vendor documentation) for what the site's documents do not say. */
  reference: v.optional(v.string()),
  /** Words of the named document that put the tracker in its category; must be verbatim there. */
  quote: v.optional(v.string()),
  reason: Reason,
});

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
    platform: v.optional(v.picklist(['onetrust'])),
    groups: v.optional(v.object({ map: v.array(v.object({ id: v.string(), category: v.string() })), reason: Reason })),
  }),
  trackers: v.array(CuratedTrackerSchema),
  /** The notice category whose refusal the Global Privacy Control signal states (when the person turns it on). */
  globalPrivacyControl: v.optional(v.object({ category: v.string(), reason: Reason })),
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
