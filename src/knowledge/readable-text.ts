// Quotes made readable without inventing words, and the way back to the stored sentence. Both crawls lower-cased
// their document; the stripped-lines one also lost punctuation, digits and short words ("a", "the", "and", "or").
// The rules below restore only what is certain, from closed lists read off the knowledge base's own sentences, and
// every change they make is undone by storedSentence, which verifySite checks for each sentence it compiles.

type Format = 'stripped-lines' | 'cls-markdown';

/** Shown where the stripped crawl removed a number, so "within days" is not read as the policy's own words. */
export const NUMBER_MISSING = '[number missing in this copy]';

/** Said once beside quotes from a stripped-lines document: what its copy lost, and that only capitals and punctuation come back. */
export const STRIPPED_NOTE =
  'Quoted from a text-only copy of the policy, which lost its capitals, punctuation, numbers and short words such as "a", "the", "and" and "or". Capitals and some punctuation are put back here; missing words are not.';

// Proper names and acronyms, lower-cased by the crawls → as their owners write them. Whole words only, longest first,
// so "ip" never touches "ipad"; a common word ("it", "us") only inside a phrase that makes it a name.
export const NAMES: readonly (readonly [string, string])[] = [
  ['atlassian pty ltd', 'Atlassian Pty Ltd'],
  ['atlassian inc', 'Atlassian Inc'],
  ['atlassian marketplace', 'Atlassian Marketplace'],
  ['atlassian', 'Atlassian'],
  ['google analytics', 'Google Analytics'],
  ['google', 'Google'],
  ['truste', 'TRUSTe'],
  ['hipchat', 'HipChat'],
  ['bitbucket', 'Bitbucket'],
  ['jira', 'Jira'],
  ['jql', 'JQL'],
  ['confluence', 'Confluence'],
  ['twitter', 'Twitter'],
  ['javascript', 'JavaScript'],
  ['java', 'Java'],
  ['jvm', 'JVM'],
  ['os', 'OS'],
  ['cpu', 'CPU'],
  ['ram', 'RAM'],
  ['itil', 'ITIL'],
  ['it terminology', 'IT terminology'],
  ['ip', 'IP'],
  ['sen', 'SEN'],
  ['url', 'URL'],
  ['urls', 'URLs'],
  ['ssl', 'SSL'],
  ['https', 'HTTPS'],
  ['html', 'HTML'],
  ['html5', 'HTML5'],
  ['flash', 'Flash'],
  ['saas', 'SaaS'],
  ['safe harbor', 'Safe Harbor'],
  ['department of commerce', 'Department of Commerce'],
  ['european union', 'European Union'],
  ['united states', 'United States'],
  ['australia', 'Australia'],
  ['swiss', 'Swiss'],
  ['san francisco ca', 'San Francisco CA'],
  ['harrison street', 'Harrison Street'],
  ['network advertising initiative', 'Network Advertising Initiative'],
  ['digital advertising alliance', 'Digital Advertising Alliance'],
];

/** Words the stripped crawl split where it removed punctuation: `stored` tokens → `readable`; `address` keeps its case at a sentence start. */
interface Join {
  stored: string;
  readable: string;
  address?: true;
}

// Each readable spelling holds a character the stripped format cannot (".", "/", "-", "@"), so the way back is certain.
const JOINS: readonly Join[] = [
  // Abbreviations whose full stops became spaces.
  { stored: 'e g', readable: 'e.g.' },
  { stored: 'c o', readable: 'c/o' },
  { stored: 'u s', readable: 'U.S.' },
  { stored: 'e u', readable: 'E.U.' },
  // Hyphenated words cut in two; every occurrence in the knowledge base is the compound.
  { stored: 'e mail', readable: 'e-mail' },
  { stored: 'e tags', readable: 'E-tags' },
  { stored: 'add on', readable: 'add-on' },
  { stored: 'add ons', readable: 'add-ons' },
  { stored: 're entering', readable: 're-entering' },
  { stored: 'sub domains', readable: 'sub-domains' },
  { stored: 'self regulatory', readable: 'self-regulatory' },
  // Web and mail addresses whose dots, slashes and "@" became spaces.
  { stored: 'atlassian com', readable: 'atlassian.com', address: true },
  { stored: 'my atlassian com', readable: 'my.atlassian.com', address: true },
  { stored: 'hipchat com', readable: 'hipchat.com', address: true },
  { stored: 'bitbucket org', readable: 'bitbucket.org', address: true },
  { stored: 'e mail privacy atlassian com', readable: 'e-mail privacy@atlassian.com' },
  { stored: 'http preferences mgr truste com', readable: 'http://preferences-mgr.truste.com', address: true },
  { stored: 'http www aboutads info', readable: 'http://www.aboutads.info', address: true },
  { stored: 'http www networkadvertising org choices', readable: 'http://www.networkadvertising.org/choices', address: true },
  { stored: 'http www export gov safeharbor', readable: 'http://www.export.gov/safeharbor', address: true },
];

// A possessive's apostrophe or a plural's brackets, removed: "atlassian s" was "Atlassian's", "account s" "account(s)".
// Only after these words, where the lone "s" or "es" can be nothing else.
const SUFFIXES: readonly { after: readonly string[]; stored: string; readable: string }[] = [
  { after: ['atlassian', 'google', 'truste', 'hipchat', 'alliance', 'product'], stored: 's', readable: "'s" },
  { after: ['account'], stored: 's', readable: '(s)' },
  { after: ['address'], stored: 'es', readable: '(es)' },
];

// Where the stripped crawl removed a number: between `before` and `after` ("" = the sentence's end).
const HOLES: readonly { before: string; after: string }[] = [
  { before: 'within', after: 'days' }, // a period: "within 30 days"
  { before: 'individuals under', after: '' }, // an age limit, which ends the sentence
  { before: 'children under', after: '' },
  { before: 'child under', after: 'has' },
  { before: 'html', after: 'local storage' }, // "HTML5": the cookie notice keeps the 5 in the same sentence
  { before: 'atlassian inc', after: 'harrison street' }, // the street number of a postal address
  { before: 'san francisco ca', after: 'e mail' }, // the ZIP code after the state
];

const words = (phrase: string) => (phrase === '' ? [] : phrase.split(' '));
const PHRASES = [
  ...NAMES.map(([stored, readable]) => ({ tokens: words(stored), readable, address: false })),
  ...JOINS.map((join) => ({ tokens: words(join.stored), readable: join.readable, address: join.address === true })),
].sort((a, b) => b.tokens.length - a.tokens.length);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const longestFirst = (texts: readonly string[]) =>
  [...texts]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');

// The way back from a joined spelling (lower-cased): a join's stored words, or a suffix's word after a space.
const UNJOINED = new Map<string, string>([
  ...JOINS.map((join) => [join.readable.toLowerCase(), join.stored] as const),
  ...SUFFIXES.map((suffix) => [suffix.readable, ` ${suffix.stored}`] as const),
]);
const UNJOIN = new RegExp(longestFirst([...UNJOINED.keys()]), 'g');

// Names in markdown text: not inside a word, a host name, an address or a path ("tools.google.com", "/google/").
const NAME_IN_MARKDOWN = new RegExp(
  `(?<![\\p{L}\\p{N}_@/]|[\\p{L}\\p{N}]\\.)(?:${longestFirst(NAMES.map(([stored]) => stored))})(?![\\p{L}\\p{N}_@/]|\\.[\\p{L}\\p{N}])`,
  'gu',
);
const NAMED = new Map(NAMES);

const matchesAt = (tokens: readonly string[], at: number, phrase: readonly string[]) =>
  at >= 0 && phrase.every((word, index) => tokens[at + index] === word);

/** Tokens with NUMBER_MISSING inserted at each known hole. */
function markHoles(tokens: readonly string[]): string[] {
  const marked: string[] = [];
  for (let at = 0; at <= tokens.length; at++) {
    const hole = HOLES.some(({ before, after }) => {
      const [left, right] = [words(before), words(after)];
      return matchesAt(tokens, at - left.length, left) && (right.length > 0 ? matchesAt(tokens, at, right) : at === tokens.length);
    });
    if (hole) marked.push(NUMBER_MISSING);
    if (at < tokens.length) marked.push(tokens[at]!);
  }
  return marked;
}

const capitaliseStart = (text: string) =>
  text.replace(/^([^\p{L}\p{N}\s]*)([a-z])/u, (_, lead: string, letter: string) => lead + letter.toUpperCase());

function readableStripped(text: string): string {
  const tokens = markHoles(text.split(' '));
  const out: string[] = [];
  let startsWithAddress = false;
  for (let at = 0; at < tokens.length;) {
    const phrase = PHRASES.find((candidate) => matchesAt(tokens, at, candidate.tokens));
    const suffix = at > 0 ? SUFFIXES.find((rule) => rule.stored === tokens[at] && rule.after.includes(tokens[at - 1]!)) : undefined;
    if (phrase) {
      if (at === 0) startsWithAddress = phrase.address;
      out.push(phrase.readable);
      at += phrase.tokens.length;
    } else if (suffix) {
      out.push(out.pop()! + suffix.readable);
      at += 1;
    } else {
      out.push(tokens[at]!);
      at += 1;
    }
  }
  const joined = out.join(' ');
  return startsWithAddress ? joined : capitaliseStart(joined);
}

/**
 * A stored sentence as it is shown: "we will respond to your request for access within days" →
 * "We will respond to your request for access within [number missing in this copy] days". A markdown sentence that
 * already has capitals kept its source's own and is returned unchanged.
 */
export function readableSentence(text: string, format: Format): string {
  if (format === 'stripped-lines') return readableStripped(text);
  if (text !== text.toLowerCase()) return text;
  return capitaliseStart(text.replace(NAME_IN_MARKDOWN, (name) => NAMED.get(name)!));
}

/**
 * The stored sentence a readable one came from: lower-cased, hole marks removed, joined words split again. Exact for
 * every sentence without capitals: all stripped-lines ones (the format allows only a-z, 0-9 and spaces) and every
 * markdown one of a lower-casing crawl. A markdown sentence with its own capitals cannot be told from its lower-cased
 * twin ("We use Google." and "we use google." read the same); mapsBack accepts it unchanged.
 */
export function storedSentence(readable: string, format: Format): string {
  const lower = readable.toLowerCase();
  if (format === 'cls-markdown') return lower;
  return lower
    .split(` ${NUMBER_MISSING}`)
    .join('')
    .replace(UNJOIN, (spelling) => UNJOINED.get(spelling)!);
}

/** Whether `readable` shows `stored` and nothing else: it maps back exactly, or it is a markdown sentence with its own capitals, unchanged. */
export function mapsBack(readable: string, stored: string, format: Format): boolean {
  if (storedSentence(readable, format) === stored) return true;
  return format === 'cls-markdown' && readable === stored && stored !== stored.toLowerCase();
}
