// One host, several spellings. URL parsing folds most of them into the canonical host (Node implements the same
// WHATWG URL parser browsers do); the trailing dot of a fully qualified name stays, so every list of domains the
// browser compares as spelled names both: the DNR domain lists, the shield's match patterns, the host permissions.
import { classifyRequest } from '../../../src/knowledge/classify';
import { compileRules } from '../../../src/blocking/dnr-rules';
import { withFqdnSpellings } from '../../../src/blocking/dnr-spellings';
import { hostOf, normalizeHost, withFqdnSpelling } from '../../../src/shared/hosts';
import { validateSite } from '../../../src/knowledge/schema';
import { hostPermissions } from '../../../src/knowledge/host-permissions';
import { freshSettings } from '../../../src/settings/settings';
import { shieldPlan } from '../../../src/cookie-shield/shield-plan';
import { buildSiteIndex } from '../../../src/knowledge/site-index';
import { loadSites } from '../../../src/knowledge/load';
import { MINI } from '../../support/mini-site';

const sites = loadSites();

describe('what URL parsing does with a spelling of www.atlassian.com', () => {
  test.each([
    ['upper case', 'https://WWW.Atlassian.COM/', 'www.atlassian.com'],
    ['percent-encoded dot', 'https://www.atlassian%2Ecom/', 'www.atlassian.com'],
    ['full-width letters', 'https://\uff57\uff57\uff57.atlassian.com/', 'www.atlassian.com'],
    ['ideographic full stops', 'https://www\u3002atlassian\u3002com/', 'www.atlassian.com'],
    ['trailing dot: kept', 'https://www.atlassian.com./', 'www.atlassian.com.'],
    ['ideographic full stop at the end: a trailing dot', 'https://www.atlassian.com\u3002/', 'www.atlassian.com.'],
  ])('%s', (_, url, parsed) => {
    expect(new URL(url).hostname).toBe(parsed);
    // What the worker sees is the parsed URL; its host is the canonical one either way.
    expect(hostOf(new URL(url).href)).toBe('www.atlassian.com');
  });

  test('a cookie domain or partition site at the dotted spelling is the bare host', () => {
    expect([normalizeHost('www.atlassian.com.'), normalizeHost('.atlassian.com.'), normalizeHost('https://atlassian.com.')]).toEqual([
      'www.atlassian.com',
      'atlassian.com',
      'atlassian.com',
    ]);
  });
});

test('withFqdnSpellings: each domain of the four lists followed by its dotted spelling; nothing else changes', () => {
  const condition = {
    requestDomains: ['a.example'],
    excludedRequestDomains: ['x.a.example'],
    regexFilter: '^https://',
    initiatorDomains: ['page.test', 'other.test'],
    excludedResourceTypes: ['main_frame' as const],
  };
  expect(withFqdnSpellings(condition)).toEqual({
    requestDomains: ['a.example', 'a.example.'],
    excludedRequestDomains: ['x.a.example', 'x.a.example.'],
    regexFilter: '^https://',
    initiatorDomains: ['page.test', 'page.test.', 'other.test', 'other.test.'],
    excludedResourceTypes: ['main_frame'],
  });
  expect(withFqdnSpelling('example.com')).toEqual(['example.com', 'example.com.']);
});

/** The list is its undotted entries, each followed by its dotted spelling. */
const bothSpellings = (list: readonly string[], dotted: (value: string) => string): string[] =>
  list.filter((value) => !list.some((other) => dotted(other) === value)).flatMap((value) => [value, dotted(value)]);

test('every compiled rule of the knowledge base names each of its domains in both spellings', () => {
  const { rules } = compileRules(sites, { ...freshSettings(), unknownCookies: 'remove' });
  for (const { condition } of rules) {
    for (const list of [
      condition.requestDomains,
      condition.excludedRequestDomains,
      condition.initiatorDomains,
      condition.excludedInitiatorDomains,
    ]) {
      expect(list ?? []).toEqual(bothSpellings(list ?? [], (domain) => `${domain}.`));
    }
  }
});

test('the shield matches and the host permissions name each host in both spellings', () => {
  const matches = shieldPlan([MINI], freshSettings())[0]!.matches;
  expect(matches).toEqual(['*://*.mini.test/*', '*://*.mini.test./*', '*://*.mini-cdn.net/*', '*://*.mini-cdn.net./*']);
  const permissions = hostPermissions(sites);
  expect(permissions).toEqual(bothSpellings(permissions, (pattern) => pattern.replace(/\/\*$/, './*')));
  expect(permissions).toEqual(expect.arrayContaining(['*://*.atlassian.com/*', '*://*.atlassian.com./*']));
});

describe('internationalised names: the knowledge base lists them as URL parsing spells them, in punycode', () => {
  const idn = { ...MINI, id: 'idn', domains: ['xn--bcher-kva.de', 'xn--e1afmkfd.xn--p1ai'] };

  test('the schema takes punycode labels, top-level ones included, and refuses Unicode, upper case and a trailing dot', () => {
    expect(validateSite(idn).ok).toBe(true);
    for (const domain of ['bücher.de', 'Bücher.de', 'XN--BCHER-KVA.DE', 'xn--bcher-kva.de.']) {
      expect(validateSite({ ...MINI, domains: [domain] }).ok).toBe(false);
    }
  });

  test('a page at a Unicode or upper-case spelling is the covered punycode host; the rules stay ASCII', () => {
    const index = buildSiteIndex([idn]);
    for (const page of ['https://BÜCHER.de/', 'https://www.bücher.de./', 'https://пример.рф/']) {
      const initiator = new URL(page).origin;
      expect(classifyRequest(index, { initiator, url: 'https://stats.example/p', type: 'image' })?.site.id).toBe('idn');
    }
    // Chromium refuses a rule whose domain list has a non-ASCII character (updateDynamicRules, tried).
    const json = JSON.stringify(compileRules([idn], freshSettings()).rules);
    expect(/^[\x20-\x7e]*$/.test(json)).toBe(true);
    expect(json).toContain('"xn--e1afmkfd.xn--p1ai."');
  });
});
