// Reads the cookie categories from the notice itself: a new category in a notice is a data change, not a code change.
import { capitalise, collapseWhitespace, slug } from './text';

export interface CitedSentence {
  id: string;
  text: string;
  label?: string;
}

export interface NoticeCategory {
  id: string;
  label: string;
  description: string;
  refusable: boolean;
  cites: string[];
}

const REFUSAL_DENIED = /\b(not be able to|cannot|can ?not|unable to) (opt[- ]?out|refuse|disable|reject)\b/;

/** "where strictly necessary." → "strictly necessary"; "targeting cookies or advertising cookies." → "targeting or advertising". */
export function categoryName(label: string): string {
  return collapseWhitespace(
    label
      .toLowerCase()
      .replace(/[.:]+$/, '')
      .replace(/^(where|for|when)\s+/, '')
      .replace(/\b(cookies|cookie|and (other|similar) technologies)\b/g, ''),
  );
}

/** The labelled list items whose sentences speak of cookies or similar technologies are the notice's categories. */
export function readCategories(sentences: readonly CitedSentence[]): NoticeCategory[] {
  const byLabel = new Map<string, CitedSentence[]>();
  for (const sentence of sentences) {
    if (!sentence.label) continue;
    byLabel.set(sentence.label, [...(byLabel.get(sentence.label) ?? []), sentence]);
  }
  const categories: NoticeCategory[] = [];
  for (const [label, members] of byLabel) {
    if (!members.some((member) => /\b(cookies?|technologies)\b/.test(member.text))) continue;
    const name = categoryName(label);
    const denial = sentences.find((sentence) => REFUSAL_DENIED.test(sentence.text) && sentence.text.toLowerCase().includes(name));
    categories.push({
      id: slug(name),
      label: capitalise(name),
      description: members.map((member) => member.text).join(' '),
      refusable: denial === undefined,
      cites: [...members.map((member) => member.id), ...(denial ? [denial.id] : [])],
    });
  }
  return categories;
}
