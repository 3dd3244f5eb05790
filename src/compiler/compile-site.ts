// Compiles one covered site: its documents read into cited data, merged with its curated tracker inventory.
import { validateSite, type Category, type ConsentManager, type Practice, type Site, type Tracker } from '../knowledge/schema';
import { collectedGroups } from './collected';
import type { CuratedSite, CuratedTracker } from './curated';
import { checkTrackerPaths } from './tracker-paths';
import { readCategories } from './notice-categories';
import { findOptOuts } from './opt-outs';
import { choicesOf, correctCollected, pointsOf } from './points';
import { PRACTICE_GROUPS } from './practice-groups';
import { readDocument, type ReadDocument } from './read-document';
import { SourceError } from './source-format';
import { collapseWhitespace } from './text';
import { verifySite } from './verify';

export interface Compiled {
  site: Site;
  documents: ReadDocument[];
}

function documentOfKind(documents: readonly ReadDocument[], kind: 'privacy-policy' | 'cookie-notice'): ReadDocument | undefined {
  return documents.find((read) => read.document.kind === kind);
}

function categoriesOf(curated: CuratedSite, notice: ReadDocument | undefined): Category[] {
  if (!notice) throw new SourceError(`${curated.id}: a cookie notice is needed to read the categories from`);
  const read = readCategories(
    notice.current.map((s) => ({ id: s.id, text: s.text, ...(s.segment.label ? { label: s.segment.label } : {}) })),
  );
  if (read.length === 0) throw new SourceError(`${notice.curated.source} names no cookie categories (labelled list items about cookies)`);
  for (const id of Object.keys(curated.defaultAllowed)) {
    if (!read.some((category) => category.id === id))
      throw new SourceError(`${curated.id}: defaultAllowed names "${id}", which the notice does not define`);
  }
  return read.map((category) => ({ ...category, defaultAllowed: !category.refusable || category.id in curated.defaultAllowed }));
}

/** A tracker sourced from a document must quote it verbatim; the quote becomes cites of the sentences holding it. */
function trackerOf(tracker: CuratedTracker, documents: readonly ReadDocument[], categories: readonly Category[]): Tracker {
  if (!categories.some((category) => category.id === tracker.category)) {
    throw new SourceError(`tracker ${tracker.id}: category "${tracker.category}" is not one of the notice's categories`);
  }
  const { quote, ...rest } = tracker;
  if (tracker.source === 'curated') return rest;
  const kind = tracker.source === 'policy' ? 'privacy-policy' : 'cookie-notice';
  const document = documentOfKind(documents, kind);
  if (quote === undefined || document === undefined) {
    throw new SourceError(`tracker ${tracker.id}: source "${tracker.source}" needs a quote from the ${kind}`);
  }
  const wanted = collapseWhitespace(quote);
  const cites = document.current.filter((sentence) => sentence.text.includes(wanted)).map((sentence) => sentence.id);
  if (cites.length === 0) throw new SourceError(`tracker ${tracker.id}: quote "${quote}" is not verbatim in ${document.curated.source}`);
  return { ...rest, cites };
}

/** The CMP as the site record holds it; throws a SourceError for a group mapped to no notice category or mapped twice. */
function consentManagerOf(curated: CuratedSite['consentManager'], categories: readonly Category[]): ConsentManager {
  const { reason: _why, groups, ...rest } = curated;
  if (groups === undefined) return rest;
  const seen = new Set<string>();
  for (const group of groups.map) {
    if (!categories.some((category) => category.id === group.category)) {
      throw new SourceError(`consent manager group ${group.id}: category "${group.category}" is not one of the notice's categories`);
    }
    if (seen.has(group.id)) throw new SourceError(`consent manager group ${group.id} is mapped twice`);
    seen.add(group.id);
  }
  return { ...rest, groups: { map: groups.map, source: 'curated', reason: groups.reason } };
}

/** The category GPC stands for, as the site record holds it; throws a SourceError unless it is a refusable one. */
function globalPrivacyControlOf(
  curated: CuratedSite['globalPrivacyControl'],
  categories: readonly Category[],
): Pick<Site, 'globalPrivacyControl'> {
  if (curated === undefined) return {};
  if (!categories.some((category) => category.id === curated.category && category.refusable)) {
    throw new SourceError(`globalPrivacyControl: category "${curated.category}" is not a refusable category of the notice`);
  }
  return { globalPrivacyControl: curated };
}

function practicesOf(documents: readonly ReadDocument[]): Practice[] {
  const current = documents.flatMap((read) => read.current);
  return PRACTICE_GROUPS.map((group) => ({
    group: group.id,
    label: group.label,
    cites: current.filter((sentence) => sentence.groups.includes(group.id)).map((sentence) => sentence.id),
  })).filter((practice) => practice.cites.length > 0);
}

/** Pure: the curated file and the text of each of its documents (by file name) in, the site and its parts out. */
export function compileSite(curated: CuratedSite, sources: Readonly<Record<string, string>>): Compiled {
  const documents = curated.documents.map((doc) => {
    const text = sources[doc.source];
    if (text === undefined) throw new SourceError(`${curated.id}: source ${doc.source} is missing`);
    return readDocument(doc, text);
  });
  const ids = curated.trackers.map((tracker) => tracker.id);
  const repeated = ids.find((trackerId, index) => ids.indexOf(trackerId) !== index);
  if (repeated) throw new SourceError(`${curated.id}: tracker id "${repeated}" is used twice`);
  const domains = Object.keys(curated.domains).sort();
  const categories = categoriesOf(curated, documentOfKind(documents, 'cookie-notice'));
  checkTrackerPaths(curated.trackers, categories);
  const current = documents.flatMap((read) => read.current);
  const optOuts = findOptOuts(
    current.map((s) => ({ id: s.id, text: s.text, groups: s.groups, links: s.segment.links, stripped: isStripped(documents, s.doc) })),
    domains,
  );
  const site: Site = {
    id: curated.id,
    name: curated.name,
    domains,
    documents: documents.map((read) => read.document),
    sentences: documents.flatMap((read) => read.sentences.map(({ id, doc, text }) => ({ id, doc, text }))),
    categories,
    trackers: curated.trackers.map((tracker) => trackerOf(tracker, documents, categories)),
    consentManager: consentManagerOf(curated.consentManager, categories),
    ...globalPrivacyControlOf(curated.globalPrivacyControl, categories),
    collected: correctCollected(
      collectedGroups(
        current.map((s) => ({ id: s.id, text: s.text, groups: s.groups, ...(s.segment.heading ? { heading: s.segment.heading } : {}) })),
        curated.name,
      ),
      curated.collectedCorrections,
    ),
    practices: practicesOf(documents),
    optOuts,
    points: pointsOf(curated, current),
    choices: choicesOf(curated, current, optOuts, domains),
  };
  const schema = validateSite(site);
  if (!schema.ok) throw new SourceError(`${curated.id}: the compiled site does not match the schema:\n  ${schema.errors.join('\n  ')}`);
  const problems = verifySite(
    schema.site,
    Object.fromEntries(documents.map((read) => [read.curated.id, { text: sources[read.curated.source]!, format: read.curated.format }])),
  );
  if (problems.length > 0) throw new SourceError(`${curated.id}: the compiled site fails verification:\n  ${problems.join('\n  ')}`);
  return { site: schema.site, documents };
}

function isStripped(documents: readonly ReadDocument[], doc: string): boolean {
  return documents.some((read) => read.curated.id === doc && read.curated.format === 'stripped-lines');
}
