// The opt-out and choice links: where a person can act on a choice the documents offer, and what it stops.
import { capitalise, collapseWhitespace } from './text';
import { isValidUrl, urlsFromWords } from './urls';

export interface ChoiceSentence {
  id: string;
  text: string;
  groups: string[];
  links: { text: string; url: string }[];
  /** Whether the text lost its punctuation, so URLs must be rebuilt from words. */
  stripped: boolean;
}

export interface FoundOptOut {
  label: string;
  url: string;
  optsOutOf: string;
  cites: string[];
}

/** Tools a policy names without writing their address. */
const NAMED_TOOLS: readonly { pattern: RegExp; url: string; label: string }[] = [
  {
    pattern: /\bgoogle analytics opt[- ]?out browser add[- ]?on\b/,
    url: 'https://tools.google.com/dlpage/gaoptout',
    label: 'Google Analytics opt-out browser add-on',
  },
];

const LABELS: Record<string, string> = {
  'www.aboutads.info': 'Digital Advertising Alliance (aboutads.info)',
  'www.networkadvertising.org': 'Network Advertising Initiative',
  'preferences-mgr.truste.com': 'TRUSTe preference manager',
  'www.macromedia.com': 'Flash Player settings manager',
};

const WHAT = [
  /\bopt[- ]?out (?:of|from) (.+?)(?= by | as described| from companies| who | via | at | using | through | in your | within |[.;,"]|$)/,
  /\bto manage "?(.+?)"? please\b/,
  /\bto prevent (.+?)(?=[.;]|$)/,
];

function whatItStops(text: string): string | undefined {
  for (const pattern of WHAT) {
    const match = pattern.exec(text.toLowerCase());
    if (match?.[1]) return collapseWhitespace(match[1].replace(/["“”]/g, ''));
  }
  return undefined;
}

/** "updating your email preferences at my atlassian com" names the page: "Email preferences". */
const NAMED_PAGE = /\b(\w+ (?:preferences|settings|preference (?:manager|centre|center)|privacy settings)) at\b/;

function labelFor(url: string, linkText: string | undefined, sentence: string): string {
  const host = new URL(url).hostname;
  if (LABELS[host]) return LABELS[host];
  // 'the privacy policy under "your choices."' points at a section of the page it links.
  const section = /\bunder "([^"]+?)\.?"/.exec(sentence);
  if (linkText && !/^(here|this|link)$/i.test(linkText)) return capitalise(section ? `${linkText}: ${section[1]}` : linkText);
  const page = NAMED_PAGE.exec(sentence.toLowerCase());
  return page?.[1] ? `${capitalise(page[1])} (${host})` : host;
}

function linksOf(sentence: ChoiceSentence, ownDomains: readonly string[]): { url: string; text?: string }[] {
  const words = sentence.stripped ? urlsFromWords(sentence.text, ownDomains).map((url) => ({ url })) : [];
  const tools = NAMED_TOOLS.filter((tool) => tool.pattern.test(sentence.text.toLowerCase())).map((tool) => ({
    url: tool.url,
    text: tool.label,
  }));
  return [...words, ...sentence.links.filter((link) => isValidUrl(link.url)), ...tools];
}

/**
 * Each link in a choice sentence, with what it opts out of: said by the sentence itself, or by one of the two
 * sentences before it ("you may opt out of ... . for more information ... visit http www aboutads info").
 */
export function findOptOuts(sentences: readonly ChoiceSentence[], ownDomains: readonly string[]): FoundOptOut[] {
  const found = new Map<string, FoundOptOut>();
  sentences.forEach((sentence, position) => {
    if (!sentence.groups.includes('user-choice')) return;
    for (const link of linksOf(sentence, ownDomains)) {
      const doc = sentence.id.split(':')[0];
      const context = [sentence, sentences[position - 1], sentences[position - 2]].filter(
        (s): s is ChoiceSentence => s !== undefined && s.id.split(':')[0] === doc,
      );
      const source = context.find((candidate) => whatItStops(candidate.text) !== undefined);
      if (!source) continue;
      const cites = source === sentence ? [sentence.id] : [source.id, sentence.id];
      const existing = found.get(link.url);
      if (existing) {
        for (const id of cites) if (!existing.cites.includes(id)) existing.cites.push(id);
        continue;
      }
      found.set(link.url, {
        label: labelFor(link.url, link.text, sentence.text),
        url: link.url,
        optsOutOf: whatItStops(source.text)!,
        cites,
      });
    }
  });
  return [...found.values()];
}
