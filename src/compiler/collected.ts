// Groups what the policy says is collected: each collection section of the policy becomes an item that names
// its data types and cites its sentences.
import { dataTypesIn, groupOfDataType } from './data-types';
import { capitalise, slug, words } from './text';

export interface SectionSentence {
  id: string;
  text: string;
  /** The markdown heading above the sentence, when the format keeps headings. */
  heading?: string;
  groups: string[];
}

interface CollectedItem {
  id: string;
  label: string;
  dataTypes: string[];
  cites: string[];
  /** Why the summary was corrected by hand (compile-site applies curated corrections). */
  corrected?: string;
}

export interface CollectedGroup {
  group: string;
  label: string;
  items: CollectedItem[];
}

const COLLECTED_GROUPS: readonly { group: string; label: string; heading: RegExp }[] = [
  { group: 'account-and-profile', label: 'Account and profile', heading: /^(account (and )?profile|account|registration) information\b/ },
  { group: 'content', label: 'Content', heading: /^(your )?content (we collect|you provide)\b|^content$/ },
  { group: 'submissions', label: 'Other submissions', heading: /^(other )?submissions\b/ },
  { group: 'web-logs', label: 'Web logs', heading: /^(web logs|log (files|data|information))\b/ },
  { group: 'analytics', label: 'Analytics', heading: /^(installer )?analytics\b/ },
  { group: 'cookies-and-tracking', label: 'Cookies and tracking', heading: /^cookies (and )?other tracking\b|^cookies$/ },
  { group: 'from-third-parties', label: 'From third parties', heading: /^information (from|we receive from) third part(y|ies)\b/ },
];

/** Headings after which the policy speaks of use and sharing, not collection. */
const COLLECTION_ENDS = /^(general uses|how we use|use of information|how we share|sharing)\b/;

/** Where a stripped line's fused heading ends: at the first word that starts the sentence proper. */
const HEADING_END = /\s(we|as is|during|our|you|it)\b/;
/** A heading names a topic; words like these show the line is a sentence instead. */
const SENTENCE_WORDS = /\b(is|are|also|consists|includes?|may|will|can|shall)\b/;

/** The stripped format fused each section heading into the line that follows it ("web logs as is true ..."). */
function headingOf(sentence: SectionSentence, siteName: string): string | undefined {
  if (sentence.heading !== undefined) return sentence.heading.toLowerCase().replace(/[:.?]+$/, '');
  const text = sentence.text.toLowerCase();
  // The site names itself as the subject as often as "we": "cookies other tracking technologies atlassian our ...".
  const ends = [HEADING_END.exec(text)?.index, text.indexOf(` ${siteName} `)].filter(
    (index): index is number => index !== undefined && index > 0,
  );
  const heading = ends.length > 0 ? text.slice(0, Math.min(...ends)) : text;
  return SENTENCE_WORDS.test(heading) ? undefined : heading;
}

const STOP_WORDS = new Set(['and', 'the', 'of', 'a', 'or', 'from', 'to']);
const labelKey = (label: string) =>
  words(label)
    .filter((word) => !STOP_WORDS.has(word))
    .join(' ');

/** Words that make a sentence a statement about collecting, as opposed to using, sharing or keeping data. */
const COLLECTS =
  /\b(collect\w*|gather\w*|obtain\w*|receiv\w*|includes?|consists|record\w*|log files|stor(e|ed|es)|sends?|query|filter\w*|connect)\b/;
/** Outside any section only a plain "we collect ..." counts. */
const WE_COLLECT = /\bwe (also )?(collect|gather|obtain|receive|record|log)\b/;
/** Practice groups that show a sentence has moved on from what is collected. */
const MOVES_ON = ['data-retention', 'data-security', 'access-edit-deletion', 'policy-change', 'third-party-sharing'];

class Groups {
  private readonly groups = new Map<string, CollectedGroup>();

  item(group: string, label: string): CollectedItem {
    const kind = COLLECTED_GROUPS.find((entry) => entry.group === group)!;
    const entry = this.groups.get(group) ?? { group, label: kind.label, items: [] };
    this.groups.set(group, entry);
    let item = entry.items.find((candidate) => labelKey(candidate.label) === labelKey(label));
    if (!item) {
      item = { id: slug(label), label, dataTypes: [], cites: [] };
      entry.items.push(item);
    }
    return item;
  }

  result(): CollectedGroup[] {
    const order = COLLECTED_GROUPS.map((entry) => entry.group);
    return [...this.groups.values()]
      .map((group) => ({ ...group, items: group.items.filter((item) => item.cites.length > 0) }))
      .filter((group) => group.items.length > 0)
      .sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));
  }
}

function defaultItem(groups: Groups, group: string): CollectedItem {
  return groups.item(group, COLLECTED_GROUPS.find((entry) => entry.group === group)!.label);
}

/** The one group all of a sentence's data types belong to, if there is one. */
function soleGroup(types: readonly string[]): string | undefined {
  const groups = new Set(types.map(groupOfDataType));
  return groups.size === 1 ? [...groups][0] : undefined;
}

/**
 * Walks the sentences in order. A heading that names a collected group opens a section; a sentence that states
 * collection or names data types joins the open section; a sentence about something else closes it. Outside a
 * section, and for sentences only about cookies and the like, the data types choose the group.
 */
export function collectedGroups(sentences: readonly SectionSentence[], siteName: string): CollectedGroup[] {
  const groups = new Groups();
  let open: { group: string; item: CollectedItem } | undefined;
  let lastHeading: string | undefined;
  for (const sentence of sentences) {
    // Markdown keeps its headings, so a section is exactly what lies under one; stripped text needs the rules below.
    const heading = headingOf(sentence, siteName.toLowerCase());
    const isNewHeading = heading !== undefined && (sentence.heading === undefined || heading !== lastHeading);
    lastHeading = heading;
    const kind = isNewHeading ? COLLECTED_GROUPS.find((entry) => entry.heading.test(heading)) : undefined;
    // A markdown section ends at the next heading; a stripped policy's only at a heading that turns to use.
    if (isNewHeading && (COLLECTION_ENDS.test(heading) || (sentence.heading !== undefined && !kind))) open = undefined;
    if (kind && heading !== undefined) open = { group: kind.group, item: groups.item(kind.group, capitalise(heading)) };
    const text = sentence.text.toLowerCase();
    const types = dataTypesIn(text);
    const collects = COLLECTS.test(text);
    let item = open?.item;
    if (types.length === 0 && !collects) {
      // Third parties are the very topic of a from-third-parties section, so speaking of them does not end it.
      const endsWith = MOVES_ON.filter((group) => open?.group !== 'from-third-parties' || group !== 'third-party-sharing');
      const movesOn = sentence.groups.some((group) => endsWith.includes(group)) && !sentence.groups.includes('first-party-collection');
      if (movesOn) open = undefined;
      if (movesOn || !sentence.groups.includes('first-party-collection')) continue;
    }
    const typesGroup = soleGroup(types);
    if (typesGroup === 'cookies-and-tracking' && open && open.group !== typesGroup) item = defaultItem(groups, typesGroup);
    if (!open && WE_COLLECT.test(text) && types[0]) item = defaultItem(groups, typesGroup ?? groupOfDataType(types[0])!);
    if (!item) continue;
    item.cites.push(sentence.id);
    for (const type of types) if (!item.dataTypes.includes(type)) item.dataTypes.push(type);
  }
  return groups.result();
}
