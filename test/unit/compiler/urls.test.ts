import { emailsFromWords, isValidUrl, urlsFromWords } from '../../../src/compiler/urls';

describe('urlsFromWords', () => {
  const own = ['atlassian.com'];
  it.each([
    [
      'please visit http www aboutads info http www networkadvertising org choices',
      ['http://www.aboutads.info', 'http://www.networkadvertising.org/choices'],
    ],
    ['you may also use truste s preference manager at http preferences mgr truste com', ['https://preferences-mgr.truste.com']],
    ['updating your email preferences at my atlassian com within your atlassian service account', ['https://my.atlassian.com']],
    ['please visit http www export gov safeharbor', ['http://www.export.gov/safeharbor']],
    ['please visit http www example com for more information here', ['http://www.example.com']],
  ])('rebuilds "%s"', (text, expected) => {
    expect(urlsFromWords(text, own)).toEqual(expected);
  });

  it('reads "e mail privacy atlassian com" as an e-mail address, not a URL', () => {
    expect(urlsFromWords('san francisco ca e mail privacy atlassian com', own)).toEqual([]);
  });

  it('leaves hosts of other sites alone unless a scheme word announces them', () => {
    expect(urlsFromWords('sites such as truste com and atlassian com', own)).toEqual(['https://atlassian.com']);
  });
});

describe('isValidUrl', () => {
  it.each(['https://my.atlassian.com', 'http://www.aboutads.info/choices'])('accepts %s', (url) => expect(isValidUrl(url)).toBe(true));
  it.each([
    'javascript:void(0)',
    'https://localhost',
    'https://exa mple.com',
    'https://-bad.com',
    'https://example.invalidtld',
    'not a url',
  ])('rejects %s', (url) => expect(isValidUrl(url)).toBe(false));
});

describe('emailsFromWords', () => {
  it.each([
    ['e mail privacy atlassian com', ['privacy@atlassian.com']],
    ['please email legal team atlassian com', []],
    ['email legal atlassian com or e mail privacy bitbucket org', ['legal@atlassian.com', 'privacy@bitbucket.org']],
    ['e mail privacy example com', []],
    ['mail', []],
  ])('%s → %j (addresses at the site’s own domains only)', (text, emails) => {
    expect(emailsFromWords(text, ['atlassian.com', 'bitbucket.org'])).toEqual(emails);
  });
});
