import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { NAMES, NUMBER_MISSING, STRIPPED_NOTE, mapsBack, readableSentence, storedSentence } from '../../../src/knowledge/readable-text';

type Format = 'stripped-lines' | 'cls-markdown';

const knowledge = join(__dirname, '../../../src/knowledge');
const site = JSON.parse(readFileSync(join(knowledge, 'sites/atlassian.json'), 'utf8')) as {
  sentences: { id: string; doc: string; text: string }[];
};
const curated = JSON.parse(readFileSync(join(knowledge, 'curated/atlassian.json'), 'utf8')) as {
  documents: { id: string; format: Format }[];
};
const formatOf = new Map(curated.documents.map((doc) => [doc.id, doc.format]));
const sentence = (id: string) => site.sentences.find((s) => s.id === id)!.text;
const hole = NUMBER_MISSING;

describe('stripped-lines', () => {
  const readable = (text: string) => readableSentence(text, 'stripped-lines');

  it.each([
    ['we collect following information', 'We collect following information'],
    ['contact us', 'Contact us'],
    ['e u', 'E.U.'],
    ['http www export gov safeharbor', 'http://www.export.gov/safeharbor'], // an address keeps its case
  ])('capitalises the start: %s', (stored, shown) => {
    expect(readable(stored)).toBe(shown);
  });

  // The table is the module's own (NAMES); a test re-listing it could not catch a wrong entry, so each entry is held
  // to what makes it right: it only gives back capitals, and it is read off the knowledge base's own sentences.
  it.each(NAMES.map(([stored, shown]) => [stored, shown]))('names %s as %s', (stored, shown) => {
    expect(shown.toLowerCase()).toBe(stored);
    expect(shown).not.toBe(stored);
    expect(site.sentences.some(({ text }) => new RegExp(`(^|[^a-z0-9])${stored}([^a-z0-9]|$)`).test(text.toLowerCase()))).toBe(true);
    expect(readable(`see ${stored} here`)).toBe(`See ${shown} here`);
  });

  it.each([
    ['truste', 'TRUSTe'],
    ['hipchat', 'HipChat'],
    ['saas', 'SaaS'],
    ['urls', 'URLs'],
    ['html5', 'HTML5'],
    ['it terminology', 'IT terminology'],
    ['atlassian pty ltd', 'Atlassian Pty Ltd'],
  ])('writes a name as its owner does, longest first: %s', (stored, shown) => {
    expect(readable(`see ${stored} here`)).toBe(`See ${shown} here`);
  });

  it.each([
    ['policy:52', 'e g', 'e.g.'],
    ['policy:179', 'c o', 'c/o'],
    ['policy:175', 'u s', 'U.S.'],
    ['policy:174', 'e u', 'E.U.'],
    ['policy:179', 'e mail', 'e-mail'],
    ['policy:76', 'e tags', 'E-tags'],
    ['policy:9', 'add on', 'Add-on'],
    ['policy:11', 'add ons', 'add-ons'],
    ['policy:71', 're entering', 're-entering'],
    ['policy:18', 'sub domains', 'sub-domains'],
    ['policy:144', 'self regulatory', 'self-regulatory'],
    ['policy:12', 'atlassian com', 'atlassian.com'],
    ['policy:140', 'my atlassian com', 'my.atlassian.com'],
    ['policy:18', 'hipchat com', 'hipchat.com'],
    ['policy:18', 'bitbucket org', 'bitbucket.org'],
    ['policy:179', 'e mail privacy atlassian com', 'e-mail privacy@atlassian.com'],
    ['policy:146', 'http preferences mgr truste com', 'http://preferences-mgr.truste.com'],
    ['policy:145', 'http www aboutads info', 'http://www.aboutads.info'],
    ['policy:145', 'http www networkadvertising org choices', 'http://www.networkadvertising.org/choices'],
    ['policy:177', 'http www export gov safeharbor', 'http://www.export.gov/safeharbor'],
    ['policy:11', 'atlassian s', "Atlassian's"],
    ['policy:47', 'google s', "Google's"],
    ['policy:146', 'truste s', "TRUSTe's"],
    ['policy:171', 'hipchat s', "HipChat's"],
    ['policy:144', 'alliance s', "Alliance's"],
    ['policy:9', 'product s', "product's"],
    ['policy:23', 'account s', 'account(s)'],
    ['policy:83', 'address es', 'address(es)'],
  ])('joins the split words of %s: "%s" → "%s"', (id, stored, shown) => {
    expect(sentence(id)).toContain(stored);
    expect(readable(sentence(id))).toContain(shown);
  });

  it.each([
    ['policy:149', `We will respond to your request for access within ${hole} days`],
    ['policy:160', `Atlassian services are not directed to individuals under ${hole}`],
    ['policy:161', `We do not knowingly collect personal information from children under ${hole}`],
    [
      'policy:162',
      `If we become aware that child under ${hole} has provided us with personal information we will take steps to delete such information`,
    ],
    ['policy:77', `Many browsers include their own management tools for removing HTML ${hole} local storage objects`],
    ['policy:179', `Atlassian Pty Ltd c/o Atlassian Inc ${hole} Harrison Street San Francisco CA ${hole} e-mail privacy@atlassian.com`],
  ])('marks the missing number in %s', (id, shown) => {
    expect(readable(sentence(id))).toBe(shown);
  });

  it.each([
    ['we support ipad apps', 'We support ipad apps'],
    ['please contact us', 'Please contact us'],
    ['we store it here', 'We store it here'],
    ['it is not concerted effort', 'It is not concerted effort'],
    ['we googled it', 'We googled it'],
    ['send email now', 'Send email now'],
    ['as described below under your choices', 'As described below under your choices'],
    ['unsubscribe link within each email', 'Unsubscribe link within each email'],
    ['child has provided', 'Child has provided'],
    ['the hours s', 'The hours s'],
    ['s atlassian', 'S Atlassian'],
    ['30 days', '30 days'],
  ])('changes nothing inside words or outside its lists: %s', (stored, shown) => {
    expect(readable(stored)).toBe(shown);
  });

  it('maps back exactly from any text the format allows', () => {
    const word = fc.oneof(
      fc.constantFrom('e', 'g', 'u', 's', 'es', 'c', 'o', 'com', 'atlassian', 'google', 'account', 'address', 'alliance', 'http', 'www'),
      fc.constantFrom('mail', 'privacy', 'my', 'within', 'days', 'under', 'children', 'child', 'has', 'html', 'local', 'storage', 'inc'),
      fc.constantFrom('harrison', 'street', 'san', 'francisco', 'ca', 'us', 'ipad', 'it', 'terminology', 'add', 'on', 'ons', ''),
      fc.stringMatching(/^[a-z0-9]{1,5}$/),
      // Whole rules, which random words would rarely spell, side by side with their parts.
      fc.constantFrom(
        'e mail privacy atlassian com',
        'my atlassian com',
        'http www export gov safeharbor',
        'digital advertising alliance s',
      ),
      fc.constantFrom('atlassian inc harrison street', 'san francisco ca e mail', 'html local storage', 'u s e u', 'e g'),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 14 }), (words) => {
        const stored = words.join(' ');
        expect(storedSentence(readable(stored), 'stripped-lines')).toBe(stored);
      }),
      { numRuns: 3000 },
    );
  });

  it('does not map back a sentence the format cannot hold', () => {
    expect(mapsBack(readable('for example e.g. this'), 'for example e.g. this', 'stripped-lines')).toBe(false);
  });
});

describe('cls-markdown', () => {
  const readable = (text: string) => readableSentence(text, 'cls-markdown');

  it.each([
    ['notice:7', 'For example, we use Google Analytics cookies to help us understand'],
    ['notice:15', 'Atlassian and our third party partners also collect'],
    ['notice:16', 'for removing HTML5 local storage objects.'],
    ['notice:17', 'To manage "Flash cookies" please click here.'],
  ])('capitalises the start and names in %s', (id, shown) => {
    expect(readable(sentence(id))).toContain(shown);
  });

  it.each([
    ['"the services" are ours.', '"The services" are ours.'],
    ['see tools.google.com/dlpage/gaoptout.', 'See tools.google.com/dlpage/gaoptout.'],
    ['write to privacy@atlassian.com or /atlassian/ now.', 'Write to privacy@atlassian.com or /atlassian/ now.'],
    ['our ipad app, like us.', 'Our ipad app, like us.'],
    ['within days, e g.', 'Within days, e g.'], // joins and holes are for the stripped crawl only
  ])('leaves host names, paths, words and punctuation alone: %s', (stored, shown) => {
    expect(readable(stored)).toBe(shown);
  });

  it('shows a sentence with its own capitals as it is, which only mapsBack can accept', () => {
    const stored = 'We use Google Analytics, says Atlassian.';
    expect(readable(stored)).toBe(stored);
    expect(mapsBack(readable(stored), stored, 'cls-markdown')).toBe(true);
    // Its lower-cased twin reads the same, so no inverse can tell them apart.
    expect(readable('we use google analytics, says atlassian.')).toBe(stored);
    expect(storedSentence(stored, 'cls-markdown')).toBe('we use google analytics, says atlassian.');
  });

  it('maps back exactly from any text without capitals', () => {
    const part = fc.oneof(fc.constantFrom('atlassian', 'google analytics', 'html5', 'u s', '"', '.'), fc.string({ unit: 'grapheme' }));
    fc.assert(
      fc.property(fc.array(part, { maxLength: 10 }), (parts) => {
        const stored = parts.join(' ').toLowerCase();
        fc.pre(stored === stored.toLowerCase());
        expect(storedSentence(readable(stored), 'cls-markdown')).toBe(stored);
      }),
      { numRuns: 2000 },
    );
  });
});

it('maps every sentence of the knowledge base back to itself', () => {
  const failures = site.sentences.flatMap(({ id, doc, text }) => {
    const format = formatOf.get(doc)!;
    const shown = readableSentence(text, format);
    return storedSentence(shown, format) === text && mapsBack(shown, text, format) ? [] : [`${id}: ${shown}`];
  });
  expect(site.sentences.length).toBeGreaterThan(500);
  expect(failures).toEqual([]);
});

it('says in plain words what the stripped copy lost', () => {
  expect(STRIPPED_NOTE).toMatch(/capitals, punctuation, numbers and short words/);
  expect(NUMBER_MISSING).toMatch(/^\[[a-z ]+\]$/);
});
