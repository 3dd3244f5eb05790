import { classifyCookie, classifyRequest } from '../../../src/knowledge/classify';
import { hostOf } from '../../../src/shared/hosts';
import { buildSiteIndex } from '../../../src/knowledge/site-index';
import cookieVectors from '../../fixtures/vectors/cookies.json';
import requestVectors from '../../fixtures/vectors/requests.json';
import { MINI, twinOf } from '../../support/mini-site';

const index = buildSiteIndex([MINI, twinOf(MINI, 'twin', ['twin.test'])]);

describe('classifyRequest', () => {
  test.each(requestVectors)('$name', ({ initiator, url, type, expect: expected }) => {
    const match = classifyRequest(index, { initiator, url, type });
    expect(match && { site: match.site.id, category: match.category, tracker: match.tracker.id }).toEqual(expected);
  });

  test('a tracker is attributed to the site whose page made the request', () => {
    const match = classifyRequest(index, { initiator: 'https://twin.test', url: 'https://stats.example/', type: 'image' });
    expect(match?.site.id).toBe('twin');
  });

  test("a tracker host listed below the site's own domain or its consent manager stays theirs", () => {
    const odd = { ...MINI, trackers: [{ ...MINI.trackers[2]!, hosts: ['metrics.mini.test', 'x.consent.example', 'stats.example'] }] };
    const oddIndex = buildSiteIndex([odd]);
    const classify = (url: string) => classifyRequest(oddIndex, { initiator: 'https://mini.test', url, type: 'image' })?.tracker.id ?? null;
    expect([classify('https://metrics.mini.test/p'), classify('https://x.consent.example/p'), classify('https://stats.example/p')]).toEqual(
      [null, null, 'stats'],
    );
  });
});

describe('classifyCookie', () => {
  test.each(cookieVectors)('$name', ({ cookie, expect: expected }) => {
    const found = classifyCookie(index, cookie);
    const summary = found.kind === 'uncovered' ? found : { ...found, site: found.site.id };
    expect(summary).toEqual(expected);
  });
});

describe('hostOf', () => {
  test.each([
    ['https://Example.COM/path', 'example.com'],
    ['http://example.com:8080?q', 'example.com'],
    ['https://a.example.com.#x', 'a.example.com'],
    ['https://u:p@host.test', 'host.test'],
    ['https://[::1]:443/', '[::1]'],
    ['about:blank', ''],
    ['chrome-extension://abc/popup.html', 'abc'],
  ])('%s → %s', (url, host) => expect(hostOf(url)).toBe(host));

  test('agrees with the URL parser on ordinary http(s) URLs', () => {
    for (const url of ['https://www.atlassian.com/legal', 'https://x.y.z.example:99/a?b#c', 'http://EXAMPLE.org']) {
      expect(hostOf(url)).toBe(new URL(url).hostname);
    }
  });
});
