// Groups what the policy says is collected: each collection section of the policy becomes an item that names
// its data types and cites its sentences.
import { dataTypesIn } from './data-types';
import { capitalise, slug, words } from './text';

export interface SectionSentence {
  id: string;
  text: string;
  /** The markdown heading above the sentence, when the format keeps headings. */
  heading?: string;
  groups: string[];
}

export interface CollectedItem {
  id: string;
  label: string;
  dataTypes: string[];
  cites: string[];
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
const HEADING_END = /\s(we|as is|atlassian|during|our|you|it)\b/;
/** A heading names a topic; words like these show the line is a sentence instead. */
const SENTENCE_WORDS = /\b(is|are|also|consists|includes?|may|will|can|shall)\b/;

/** The stripped format fused each section heading into the line that follows it ("web logs as is true ..."). */
function headingOf(sentence: SectionSentence): string | undefined {
  if (sentence.heading !== undefined) return sentence.heading.toLowerCase().replace(/[:.?]+$/, '');
  const text = sentence.text.toLowerCase();
  const end = HEADING_END.exec(text);
  const heading = end && end.index > 0 ? text.slice(0, end.index) : text;
  return SENTENCE_WORDS.test(heading) ? undefined : heading;
}

const STOP_WORDS = new Set(['and', 'the', 'of', 'a', 'or', 'from', 'to']);
const labelKey = (label: string) => words(label).filter((word) => !STOP_WORDS.has(word)).join(' ');

/** Walks the sentences in order; a heading that names a collected group opens a section, a use heading ends it. */
export function collectedGroups(sentences: readonly SectionSentence[]): CollectedGroup[] {
  const groups = new Map<string, CollectedGroup>();
  let open: CollectedItem | undefined;
  let lastHeading: string | undefined;
  for (const sentence of sentences) {
    const heading = headingOf(sentence);
    const isNewHeading = heading !== undefined && (sentence.heading === undefined || heading !== lastHeading);
    lastHeading = heading;
    const kind = isNewHeading ? COLLECTED_GROUPS.find((entry) => entry.heading.test(heading)) : undefined;
    // A markdown section ends at the next heading; a stripped policy's only at a heading that turns to use.
    if (isNewHeading && (COLLECTION_ENDS.test(heading) || (sentence.heading !== undefined && !kind))) open = undefined;
    if (kind && heading !== undefined) {
      const group = groups.get(kind.group) ?? { group: kind.group, label: kind.label, items: [] };
      groups.set(kind.group, group);
      const label = capitalise(heading);
      open = group.items.find((item) => labelKey(item.label) === labelKey(label));
      if (!open) {
        open = { id: slug(label), label, dataTypes: [], cites: [] };
        group.items.push(open);
      }
    }
    if (!open) continue;
    const types = dataTypesIn(sentence.text);
    const states = sentence.groups.includes('first-party-collection') || sentence.groups.includes('cookies-and-tracking');
    if (types.length === 0 && !states) continue;
    open.cites.push(sentence.id);
    for (const type of types) if (!open.dataTypes.includes(type)) open.dataTypes.push(type);
  }
  const order = COLLECTED_GROUPS.map((entry) => entry.group);
  return [...groups.values()]
    .map((group) => ({ ...group, items: group.items.filter((item) => item.cites.length > 0) }))
    .filter((group) => group.items.length > 0)
    .sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));
}
