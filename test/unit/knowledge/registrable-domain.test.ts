import { coveredPageOf, ownerOfDomain, registrableDomain } from '../../../src/knowledge/registrable-domain';
import { buildSiteIndex } from '../../../src/knowledge/site-index';
import { loadSites } from '../../../src/knowledge/load';
import { MINI } from '../../support/mini-site';

test.each([
  ['www.atlassian.com', 'atlassian.com'],
  ['acme.atlassian.net', 'atlassian.net'],
  ['bitbucket.org', 'bitbucket.org'],
  ['id.atlassian.com', 'atlassian.com'],
  ['a.b.example.co.uk', 'example.co.uk'],
  // The Public Suffix List's private section: each user's pages are a site of their own, as browsers draw it.
  ['alice.github.io', 'alice.github.io'],
  ['127.0.0.1', '127.0.0.1'],
  ['localhost', 'localhost'],
])('the registrable domain of %s is %s', (host, domain) => {
  expect(registrableDomain(host)).toBe(domain);
});

test('every covered site lists registrable domains, so all pages below one share its choices', () => {
  for (const site of loadSites())
    for (const domain of site.domains) expect([site.id, registrableDomain(domain)]).toEqual([site.id, domain]);
});

test('a covered page is its owner plus its registrable domain; only a registrable, covered domain names an owner', () => {
  const index = buildSiteIndex([MINI]);
  expect(coveredPageOf(index, 'https://shop.mini.test:8443/cart')).toEqual({ site: MINI, domain: 'mini.test' });
  expect(coveredPageOf(index, 'https://elsewhere.test/')).toBeUndefined();
  expect(ownerOfDomain(index, 'mini-cdn.net')).toBe(MINI);
  expect(ownerOfDomain(index, 'shop.mini.test')).toBeUndefined();
  expect(ownerOfDomain(index, 'elsewhere.test')).toBeUndefined();
});
