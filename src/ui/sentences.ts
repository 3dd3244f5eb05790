// Turns the knowledge base's sentence ids into the quoted text and the document it comes from.
import type { Site } from '../core/knowledge';

export interface Quote {
  id: string;
  text: string;
  source: string;
}

const indexes = new WeakMap<Site, Map<string, Quote>>();

function indexOf(site: Site): Map<string, Quote> {
  let index = indexes.get(site);
  if (!index) {
    const titles = new Map(site.documents.map((doc) => [doc.id, doc.title]));
    index = new Map(site.sentences.map((s) => [s.id, { id: s.id, text: s.text, source: titles.get(s.doc) ?? s.doc }]));
    indexes.set(site, index);
  }
  return index;
}

/** The cited sentences that exist in the site's knowledge base, in citation order. */
export function quotesFor(site: Site, ids: readonly string[]): Quote[] {
  const index = indexOf(site);
  return ids.flatMap((id) => index.get(id) ?? []);
}
