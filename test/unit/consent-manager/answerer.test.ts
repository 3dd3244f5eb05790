import { createCmpAnswerer } from '../../../src/consent-manager/answerer';
import { choicesOn } from '../../../src/settings/choices';
import { parseCookiebotRecord } from '../../../src/consent-manager/cookiebot/record';
import { readDeclaration } from '../../../src/protected-sites/declaration';
import { declaredSite } from '../../../src/protected-sites/declared-site';
import type { Site } from '../../../src/knowledge/schema';
import { freshSettings, type Settings } from '../../../src/settings/settings';
import { setSiteChoice, setSitePaused } from '../../../src/settings/ops';
import { loadSites } from '../../../src/knowledge/load';
import type { CookieJar, JarCookie, NewCookie } from '../../../src/ports/cookies';
import type { KeyValueArea } from '../../../src/ports/storage';

const sites = loadSites();
const site = sites.find((candidate) => candidate.id === 'atlassian')!;

/** A jar of first-party cookies that records every write and removal. */
function fakeJar() {
  const cookies = new Map<string, JarCookie>();
  const key = (name: string, domain: string) => `${name}@${domain.replace(/^\./, '')}`;
  const writes: NewCookie[] = [];
  const jar: Pick<CookieJar, 'cookiesIn' | 'set' | 'remove'> = {
    cookiesIn: async (domains) =>
      [...cookies.values()].filter((cookie) => domains.some((domain) => cookie.domain.replace(/^\./, '').endsWith(domain))),
    set: async (cookie) => {
      writes.push(cookie);
      cookies.set(key(cookie.name, cookie.domain), { ...cookie, domain: `.${cookie.domain}`, path: '/', secure: true, storeId: '0' });
    },
    remove: async (cookie) => void cookies.delete(key(cookie.name, cookie.domain)),
  };
  const put = (name: string, value: string, domain: string) =>
    cookies.set(key(name, domain), { name, value, domain, path: '/', secure: true, storeId: '0' });
  return { jar, writes, cookies, put };
}

/** storage.session as a map of JSON copies, shared by the answerers of one "browser session". */
function fakeSession(): KeyValueArea {
  const stored = new Map<string, string>();
  return {
    get: async (keys) => Object.fromEntries([keys].flat().flatMap((key) => (stored.has(key) ? [[key, JSON.parse(stored.get(key)!)]] : []))),
    set: async (items) => Object.entries(items).forEach(([key, value]) => stored.set(key, JSON.stringify(value))),
  };
}

function setup(current: Settings = freshSettings(), session = fakeSession(), covered: Site[] = sites, consentId = 'fresh-id') {
  const { jar, writes, cookies, put } = fakeJar();
  let settings = current;
  const reported: unknown[] = [];
  const questionsChanged: string[] = [];
  const create = () =>
    createCmpAnswerer({
      jar,
      sitesOf: () => covered,
      choicesFor: (answeredSite, domain, now) => choicesOn(answeredSite, now, domain),
      settings: async () => settings,
      clock: () => ({ now: new Date('2026-11-30T10:00:00Z'), newConsentId: () => consentId }),
      session,
      refuse: async (domain, categories) =>
        (settings = categories.reduce((edited, category) => setSiteChoice(edited, domain, category, false), settings)),
      questionChanged: (domain) => void questionsChanged.push(domain),
      report: (error) => void reported.push(error),
    });
  const answerer = create();
  const groupsOn = (domain: string) => new URLSearchParams(cookies.get(`OptanonConsent@${domain}`)?.value ?? '').get('groups');
  /**
   * The CMP records the person's answer on `domain`, one interaction after what is stored, as OneTrust does; the jar
   * reports the old value's removal by overwrite first, when the new value is already stored.
   */
  const personAnswers = async (domain: string, groups: string, on = answerer) => {
    const old = cookies.get(`OptanonConsent@${domain}`);
    const stored = new URLSearchParams(old?.value ?? '');
    stored.set('interactionCount', String(Number(stored.get('interactionCount') ?? 0) + 1));
    stored.set('groups', groups);
    put('OptanonConsent', stored.toString(), `.${domain}`);
    if (old) await on.changed({ removed: true, overwritten: true, cookie: old });
    await on.changed({
      removed: false,
      cookie: { name: 'OptanonConsent', value: stored.toString(), domain: `.${domain}`, path: '/', secure: true, storeId: '0' },
    });
  };
  return {
    answerer,
    restarted: create,
    writes,
    cookies,
    put,
    groupsOn,
    reported,
    personAnswers,
    questionsChanged,
    settings: () => settings,
    use: (next: Settings) => (settings = next),
  };
}

test('every covered domain gets a record of the default choices, and nothing more when it already agrees', async () => {
  const { answerer, writes, groupsOn } = setup();
  await answerer.apply(freshSettings());
  expect(new Set(writes.map((write) => write.domain))).toEqual(new Set(site.domains));
  expect(groupsOn('bitbucket.org')).toBe('C0001:1,C0002:0,C0003:1,C0004:0,C0005:0');
  writes.length = 0;
  await answerer.apply(freshSettings());
  expect(writes).toEqual([]);
});

test('a burst of choice changes answers the newest settings, once, not every one in between', async () => {
  const { answerer, writes, groupsOn } = setup();
  const burst = Array.from({ length: 50 }, (_, n) => setSiteChoice(freshSettings(), 'trello.com', 'functionality', n % 2 === 0));
  await Promise.all(burst.map((settings) => answerer.apply(settings)));
  // All fifty are queued before the first answer runs, so they collapse into one answer: the last one's.
  expect(writes.length).toBe(site.domains.length * 2);
  expect(groupsOn('trello.com')).toBe('C0001:1,C0002:0,C0003:0,C0004:0,C0005:0');
});

test('a page that rewrites the record to "allow all" is answered again; the answer does not loop', async () => {
  const { answerer, writes, put, groupsOn } = setup();
  await answerer.apply(freshSettings());
  put('OptanonConsent', 'consentId=x&groups=C0001%3A1%2CC0002%3A1%2CC0003%3A1%2CC0004%3A1%2CC0005%3A1', '.atlassian.com');
  writes.length = 0;
  const changed = (value: string) =>
    answerer.changed({
      removed: false,
      cookie: { name: 'OptanonConsent', value, domain: '.atlassian.com', path: '/', secure: true, storeId: '0' },
    });
  await changed('x');
  expect(groupsOn('atlassian.com')).toBe('C0001:1,C0002:0,C0003:1,C0004:0,C0005:0');
  expect(writes.map((write) => write.name)).toEqual(['OptanonConsent', 'OptanonAlertBoxClosed']);
  writes.length = 0;
  await changed('the answer itself');
  expect(writes).toEqual([]);
});

test('a paused domain has no answer, so its banner asks; a removed record stays removed while paused; other domains keep theirs', async () => {
  const paused = setSitePaused(setSiteChoice(freshSettings(), 'trello.com', 'functionality', false), 'trello.com', true);
  const { answerer, cookies, use } = setup();
  await answerer.apply(freshSettings());
  expect(cookies.size).toBe(site.domains.length * 2);
  use(paused);
  await answerer.apply(paused);
  expect(cookies.size).toBe((site.domains.length - 1) * 2);
  expect([...cookies.keys()].filter((key) => key.endsWith('@trello.com'))).toEqual([]);
  await answerer.changed({
    removed: true,
    cookie: { name: 'OptanonConsent', value: '', domain: '.trello.com', path: '/', secure: true, storeId: '0' },
  });
  expect(cookies.size).toBe((site.domains.length - 1) * 2);
});

test('a forged record is replaced and reported', async () => {
  const { answerer, put, groupsOn, reported } = setup();
  put('OptanonConsent', 'groups=C0001%3Ayes', '.trello.com');
  await answerer.apply(freshSettings());
  expect(groupsOn('trello.com')).toBe('C0001:1,C0002:0,C0003:1,C0004:0,C0005:0');
  expect(reported).toEqual([expect.stringContaining('the stored OptanonConsent on trello.com was replaced')]);
});

test('a second copy of the record (host-only, as a page script may write it) is removed, so the answer does not fight it', async () => {
  const { answerer, writes, cookies, put, groupsOn } = setup();
  put('OptanonConsent', 'groups=C0002%3A1', 'www.atlassian.com');
  await answerer.apply(freshSettings());
  expect(cookies.has('OptanonConsent@www.atlassian.com')).toBe(false);
  expect(groupsOn('atlassian.com')).toBe('C0001:1,C0002:0,C0003:1,C0004:0,C0005:0');
  writes.length = 0;
  put('OptanonConsent', 'random', 'www.atlassian.com');
  await answerer.changed({
    removed: false,
    cookie: { name: 'OptanonConsent', value: 'random', domain: 'www.atlassian.com', path: '/', secure: true, storeId: '0' },
  });
  expect(cookies.has('OptanonConsent@www.atlassian.com')).toBe(false);
  expect(writes).toEqual([]);
});

describe("the person's own answer in the site's CMP", () => {
  test('a refusal made there becomes the choice on that domain only, and the record says it', async () => {
    const { answerer, personAnswers, groupsOn, settings } = setup();
    await answerer.apply(freshSettings());
    await personAnswers('trello.com', 'C0001:1,C0002:0,C0003:0,C0004:0,C0005:0');
    expect(settings().sites['trello.com']?.choices).toEqual({ functionality: false });
    expect(settings().sites['bitbucket.org']).toBeUndefined();
    expect(groupsOn('trello.com')).toBe('C0001:1,C0002:0,C0003:0,C0004:0,C0005:0');
    expect(await answerer.questionOf('trello.com')).toBeNull();
  });

  test('"Allow all" there is a question, not a choice: the record is answered back to the refusals', async () => {
    const { answerer, personAnswers, groupsOn, settings, questionsChanged } = setup();
    await answerer.apply(freshSettings());
    expect(questionsChanged).toEqual([]);
    await personAnswers('bitbucket.org', 'C0001:1,C0002:1,C0003:1,C0004:1,C0005:1');
    // The popups showing bitbucket.org hear of the question at once.
    expect(questionsChanged).toEqual(['bitbucket.org']);
    expect(settings()).toEqual(freshSettings());
    expect(groupsOn('bitbucket.org')).toBe('C0001:1,C0002:0,C0003:1,C0004:0,C0005:0');
    expect(await answerer.questionOf('bitbucket.org')).toEqual({
      granted: ['performance-and-analytics', 'targeting-or-advertising', 'social-media'],
      allowAll: true,
    });
    expect(await answerer.questionOf('trello.com')).toBeNull();
    await answerer.settleQuestion('bitbucket.org');
    expect(await answerer.questionOf('bitbucket.org')).toBeNull();
    // Settled, the other popups on bitbucket.org hear the question is gone; settling nothing says nothing.
    await answerer.settleQuestion('trello.com');
    expect(questionsChanged).toEqual(['bitbucket.org', 'bitbucket.org']);
  });

  test("the extension's own rewrite, and a CMP's rewrite without a new interaction, are not the person's answer", async () => {
    const { answerer, put, groupsOn, settings } = setup();
    await answerer.apply(freshSettings());
    const allowAll = 'consentId=x&interactionCount=1&groups=C0001%3A1%2CC0002%3A1%2CC0003%3A0%2CC0004%3A1%2CC0005%3A1';
    put('OptanonConsent', allowAll, '.trello.com');
    await answerer.changed({
      removed: false,
      cookie: { name: 'OptanonConsent', value: allowAll, domain: '.trello.com', path: '/', secure: true, storeId: '0' },
    });
    expect(settings()).toEqual(freshSettings());
    expect(await answerer.questionOf('trello.com')).toBeNull();
    expect(groupsOn('trello.com')).toBe('C0001:1,C0002:0,C0003:1,C0004:0,C0005:0');
  });

  test('a worker that slept still knows what it wrote and what it asked (storage.session)', async () => {
    const { answerer, restarted, personAnswers, settings } = setup();
    await answerer.apply(freshSettings());
    await personAnswers('trello.com', 'C0001:1,C0002:1,C0003:1,C0004:0,C0005:0');
    const woken = restarted();
    expect(await woken.questionOf('trello.com')).toEqual({ granted: ['performance-and-analytics'], allowAll: false });
    await personAnswers('atlassian.com', 'C0001:1,C0002:0,C0003:0,C0004:0,C0005:0', woken);
    expect(settings().sites['atlassian.com']?.choices).toEqual({ functionality: false });
  });

  test("while paused, the record is the person's answer to the site: nothing is mirrored or asked", async () => {
    const paused = setSitePaused(freshSettings(), 'trello.com', true);
    const { answerer, personAnswers, settings, use } = setup();
    await answerer.apply(freshSettings());
    use(paused);
    await answerer.apply(paused);
    await personAnswers('trello.com', 'C0001:1,C0002:1,C0003:0,C0004:1,C0005:1');
    expect(settings()).toEqual(paused);
    expect(await answerer.questionOf('trello.com')).toBeNull();
  });
});

test("groups a domain's CMP declares beyond the map are refused in that domain's record only; forged ids are dropped", async () => {
  const { answerer, cookies, groupsOn } = setup();
  await answerer.apply(freshSettings());
  await answerer.declare('trello.com', { refusable: ['C0009', 'bad id!'], alwaysActive: [] });
  expect(groupsOn('trello.com')).toBe('C0001:1,C0002:0,C0003:1,C0004:0,C0005:0,C0009:0');
  expect(groupsOn('bitbucket.org')).toBe('C0001:1,C0002:0,C0003:1,C0004:0,C0005:0');
  expect(cookies.get('OptanonConsent@trello.com')?.value).not.toContain('bad');
  // A choice change keeps answering it.
  await answerer.apply(setSiteChoice(freshSettings(), 'trello.com', 'functionality', false));
  expect(groupsOn('trello.com')).toBe('C0001:1,C0002:0,C0003:0,C0004:0,C0005:0,C0009:0');
});

test('a group beyond the map that the CMP marks always active is allowed in the record, as the popup says it was told', async () => {
  const { answerer, groupsOn } = setup();
  await answerer.apply(freshSettings());
  await answerer.declare('trello.com', { refusable: ['C0009'], alwaysActive: ['C0010'] });
  expect(groupsOn('trello.com')).toBe('C0001:1,C0002:0,C0003:1,C0004:0,C0005:0,C0009:0,C0010:1');
  // The CMP no longer marks it: the next declaration refuses it.
  await answerer.declare('trello.com', { refusable: ['C0009', 'C0010'], alwaysActive: [] });
  expect(groupsOn('trello.com')).toBe('C0001:1,C0002:0,C0003:1,C0004:0,C0005:0,C0009:0,C0010:0');
});

describe("the extension's own repair and later answers", () => {
  test("writes the CMP makes for the checker's repair calls are the extension's, not a person's answer", async () => {
    const { answerer, cookies, put, groupsOn, settings } = setup();
    await answerer.apply(freshSettings());
    // UpdateConsent per group: each call rewrites the whole record from the CMP's state with one more interaction.
    const steps = [
      'C0001:1,C0002:0,C0003:0,C0004:1,C0005:1',
      'C0001:1,C0002:0,C0003:1,C0004:0,C0005:1',
      'C0001:1,C0002:0,C0003:1,C0004:0,C0005:0',
    ];
    const values: string[] = [];
    await answerer.ownInteraction('trello.com', async () => {
      for (const groups of steps) {
        const record = new URLSearchParams(cookies.get('OptanonConsent@trello.com')!.value);
        record.set('interactionCount', String(Number(record.get('interactionCount')) + 1));
        record.set('groups', groups);
        put('OptanonConsent', record.toString(), '.trello.com');
        values.push(record.toString());
      }
      return steps.length;
    });
    for (const value of values)
      await answerer.changed({
        removed: false,
        cookie: { name: 'OptanonConsent', value, domain: '.trello.com', path: '/', secure: true, storeId: '0' },
      });
    expect(settings()).toEqual(freshSettings());
    expect(await answerer.questionOf('trello.com')).toBeNull();
    expect(groupsOn('trello.com')).toBe('C0001:1,C0002:0,C0003:1,C0004:0,C0005:0');
  });

  test('a later answer replaces the question, and one that grants nothing leaves none; declared groups stay', async () => {
    const { answerer, personAnswers, groupsOn } = setup();
    await answerer.apply(freshSettings());
    await answerer.declare('trello.com', { refusable: ['C0009'], alwaysActive: [] });
    await personAnswers('trello.com', 'C0001:1,C0002:1,C0003:1,C0004:1,C0005:1,C0009:1');
    expect(await answerer.questionOf('trello.com')).toMatchObject({ allowAll: true });
    expect(groupsOn('trello.com')).toBe('C0001:1,C0002:0,C0003:1,C0004:0,C0005:0,C0009:0');
    await personAnswers('trello.com', 'C0001:1,C0002:0,C0003:1,C0004:0,C0005:0,C0009:0');
    expect(await answerer.questionOf('trello.com')).toBeNull();
  });

  test("an answer already in the jar when an earlier queued job runs is still the person's", async () => {
    const { answerer, cookies, put, settings } = setup();
    await answerer.apply(freshSettings());
    const record = new URLSearchParams(cookies.get('OptanonConsent@bitbucket.org')!.value);
    record.set('interactionCount', String(Number(record.get('interactionCount')) + 1));
    record.set('groups', 'C0001:1,C0002:0,C0003:0,C0004:0,C0005:0');
    put('OptanonConsent', record.toString(), '.bitbucket.org');
    // A choice change elsewhere answers every domain before the record's own event is handled.
    await answerer.apply(setSiteChoice(freshSettings(), 'trello.com', 'social-media', true));
    expect(settings().sites['bitbucket.org']?.choices).toEqual({ functionality: false });
  });
});

describe('a site protected from its Cookiebot declaration', () => {
  const row = (name: string) => [[name, 'fjord.example', '', '', '', '1']];
  const declaration = readDeclaration(
    {
      platform: 'cookiebot',
      version: '',
      tables: { necessary: row('a'), preference: row('b'), statistics: row('c'), advertising: row('d'), unclassified: [] },
    },
    'www.fjord.example',
  );
  if (!declaration.ok) throw new Error(JSON.stringify(declaration.error));
  const cookiebot = declaredSite(declaration.declaration, 'www.fjord.example', new Date('2026-11-01T00:00:00Z'));
  const both = [...sites, cookiebot];
  const NOW = new Date('2026-11-30T10:00:00Z').getTime();
  const flagsOf = (cookies: Map<string, JarCookie>, key = 'CookieConsent@fjord.example') => {
    const parsed = parseCookiebotRecord(cookies.get(key)?.value ?? '');
    return parsed.ok ? parsed.record.consent : null;
  };
  /** Cookiebot records the person's answer: a record of its own, with the moment of the answer as `utc`. */
  const answerIn = async (on: ReturnType<typeof setup>, flags: string, domain = '.fjord.example', utc = NOW + 60_000) => {
    const value = `{stamp:%27cb-own%27%2Cnecessary:true%2C${flags}%2Cmethod:%27explicit%27%2Cver:1%2Cutc:${utc}%2Cregion:%27de%27}`;
    on.put('CookieConsent', value, domain);
    await on.answerer.changed({ removed: false, cookie: { name: 'CookieConsent', value, domain, path: '/', secure: true, storeId: '0' } });
  };

  test('its record says the choices on the registrable domain, with a fresh stamp and time; nothing more when it agrees', async () => {
    const { answerer, writes, cookies } = setup(freshSettings(), fakeSession(), both);
    await answerer.apply(freshSettings());
    const written = writes.filter((write) => write.domain === 'fjord.example');
    expect(written.map((write) => write.name)).toEqual(['CookieConsent']);
    expect(flagsOf(cookies)).toEqual({ necessary: true, preferences: true, statistics: false, marketing: false });
    expect(cookies.get('CookieConsent@fjord.example')?.value).toMatch(
      /^\{stamp:%27fresh-id%27%2C.*method:%27explicit%27%2Cver:1%2Cutc:1796032800000\}$/,
    );
    // OneTrust's domains get OneTrust's record only, as before.
    expect(new Set(writes.filter((write) => write.domain !== 'fjord.example').map((write) => write.name))).toEqual(
      new Set(['OptanonConsent', 'OptanonAlertBoxClosed']),
    );
    writes.length = 0;
    await answerer.apply(setSiteChoice(freshSettings(), 'trello.com', 'functionality', false));
    expect(writes.filter((write) => write.domain === 'fjord.example')).toEqual([]);
  });

  test('an answer that cannot be written does not leave the page’s granting record in force', async () => {
    // A consent id that could end its quotes: writing the record refuses it.
    const { answerer, cookies, put, reported } = setup(freshSettings(), fakeSession(), both, "x'");
    put('CookieConsent', '{stamp:%27cb-own%27%2Cnecessary:true%2Cpreferences:true%2Cstatistics:true%2Cmarketing:true}', '.fjord.example');
    await answerer.apply(freshSettings()).catch(() => undefined);
    expect(cookies.has('CookieConsent@fjord.example')).toBe(false);
    expect(reported).toEqual([expect.any(Error)]);
  });

  test('the popup hears that the answer failed, and that it holds again once an answer is written', async () => {
    const session = fakeSession();
    const failing = setup(freshSettings(), session, both, "x'");
    failing.put(
      'CookieConsent',
      '{stamp:%27cb-own%27%2Cnecessary:true%2Cpreferences:true%2Cstatistics:true%2Cmarketing:true}',
      '.fjord.example',
    );
    await failing.answerer.apply(freshSettings());
    expect(await failing.answerer.answerFailed('fjord.example')).toBe(true);
    expect(failing.questionsChanged).toContain('fjord.example');
    const answering = setup(freshSettings(), session, both);
    await answering.answerer.apply(freshSettings());
    expect(await answering.answerer.answerFailed('fjord.example')).toBe(false);
    expect(answering.questionsChanged).toContain('fjord.example');
  });

  test('a choice change is told; a paused domain has no record, and a removed one stays removed while paused', async () => {
    const { answerer, cookies, use } = setup(freshSettings(), fakeSession(), both);
    await answerer.apply(freshSettings());
    const allowed = setSiteChoice(freshSettings(), 'fjord.example', 'performance-and-analytics', true);
    use(allowed);
    await answerer.apply(allowed);
    expect(flagsOf(cookies)).toEqual({ necessary: true, preferences: true, statistics: true, marketing: false });
    const paused = setSitePaused(allowed, 'fjord.example', true);
    use(paused);
    await answerer.apply(paused);
    expect(cookies.has('CookieConsent@fjord.example')).toBe(false);
    await answerer.changed({
      removed: true,
      cookie: { name: 'CookieConsent', value: '', domain: '.fjord.example', path: '/', secure: true, storeId: '0' },
    });
    expect(cookies.has('CookieConsent@fjord.example')).toBe(false);
  });

  test("a rewrite that keeps the time of the extension's record is not the person's answer: it is answered again", async () => {
    const on = setup(freshSettings(), fakeSession(), both);
    await on.answerer.apply(freshSettings());
    await answerIn(on, 'preferences:true%2Cstatistics:true%2Cmarketing:true', '.fjord.example', NOW);
    expect(on.settings()).toEqual(freshSettings());
    expect(await on.answerer.questionOf('fjord.example')).toBeNull();
    expect(flagsOf(on.cookies)).toEqual({ necessary: true, preferences: true, statistics: false, marketing: false });
  });

  test("the person's refusal in its banner becomes the choice there; the record keeps saying it", async () => {
    const on = setup(freshSettings(), fakeSession(), both);
    await on.answerer.apply(freshSettings());
    await answerIn(on, 'preferences:false%2Cstatistics:false%2Cmarketing:false');
    expect(on.settings().sites['fjord.example']?.choices).toEqual({ functionality: false });
    expect(await on.answerer.questionOf('fjord.example')).toBeNull();
    expect(flagsOf(on.cookies)).toEqual({ necessary: true, preferences: false, statistics: false, marketing: false });
  });

  test('"Allow all" in its banner is a question, and the record is answered back to the refusals', async () => {
    const on = setup(freshSettings(), fakeSession(), both);
    await on.answerer.apply(freshSettings());
    await answerIn(on, 'preferences:true%2Cstatistics:true%2Cmarketing:true');
    expect(on.settings()).toEqual(freshSettings());
    expect(on.questionsChanged).toEqual(['fjord.example']);
    expect(await on.answerer.questionOf('fjord.example')).toEqual({
      granted: ['performance-and-analytics', 'targeting-or-advertising'],
      allowAll: true,
    });
    expect(flagsOf(on.cookies)).toEqual({ necessary: true, preferences: true, statistics: false, marketing: false });
  });

  test("an answer Cookiebot stored host-only on the page's host is heeded, and that copy removed", async () => {
    const on = setup(freshSettings(), fakeSession(), both);
    await on.answerer.apply(freshSettings());
    await answerIn(on, 'preferences:false%2Cstatistics:false%2Cmarketing:false', 'www.fjord.example');
    expect(on.cookies.has('CookieConsent@www.fjord.example')).toBe(false);
    expect(on.settings().sites['fjord.example']?.choices).toEqual({ functionality: false });
    expect(flagsOf(on.cookies)).toEqual({ necessary: true, preferences: false, statistics: false, marketing: false });
  });

  test("a forged record is replaced and reported; a CookieConsent on a OneTrust site's domain is not touched", async () => {
    const on = setup(freshSettings(), fakeSession(), both);
    on.put('CookieConsent', "{stamp:'x',necessary:true,marketing:maybe}", '.fjord.example');
    on.put('CookieConsent', 'not ours', '.trello.com');
    await on.answerer.apply(freshSettings());
    expect(flagsOf(on.cookies)).toEqual({ necessary: true, preferences: true, statistics: false, marketing: false });
    expect(on.reported).toEqual([expect.stringContaining('the stored CookieConsent on fjord.example was replaced')]);
    expect(on.cookies.get('CookieConsent@trello.com')?.value).toBe('not ours');
  });
});
