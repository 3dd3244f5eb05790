// The per-browser patch may only add keys or merge into objects: anything it would replace fails the build.
import { manifestFor, mergeManifest } from '../../../src/build/manifest';
import { loadSites } from '../../../src/knowledge/load';

const base = {
  name: 'Policy Guard',
  permissions: ['cookies', 'storage'],
  action: { default_popup: 'popup.html', default_icon: { '16': 'icons/16.png' } },
  content_security_policy: { extension_pages: "script-src 'self'" },
};

describe('mergeManifest', () => {
  test('adds keys the base does not have and merges objects key by key', () => {
    const merged = mergeManifest(base, {
      background: { scripts: ['bg.js'] },
      action: { default_title: 'Policy Guard', default_icon: { '32': 'icons/32.png' } },
    });
    expect(merged).toEqual({
      ...base,
      background: { scripts: ['bg.js'] },
      action: { default_popup: 'popup.html', default_title: 'Policy Guard', default_icon: { '16': 'icons/16.png', '32': 'icons/32.png' } },
    });
  });

  test('leaves the base unchanged', () => {
    const before = structuredClone(base);
    mergeManifest(base, { action: { default_title: 'x' }, minimum_chrome_version: '121' });
    expect(base).toEqual(before);
  });

  test('refuses to replace a list the base has, even with a longer one', () => {
    expect(() => mergeManifest(base, { permissions: ['cookies', 'storage', 'tabs'] }, 'platform/chrome.json')).toThrow(
      'platform/chrome.json would replace the list "permissions" of manifest.json; a patch may only add keys or merge objects',
    );
  });

  test('refuses to change the type of a base key, at any depth', () => {
    expect(() => mergeManifest(base, { action: 'popup.html' }, 'platform/firefox.json')).toThrow(
      'platform/firefox.json would change "action" of manifest.json from object to string',
    );
    expect(() => mergeManifest(base, { action: { default_icon: ['icons/16.png'] } })).toThrow(
      'would change "action.default_icon" of manifest.json from object to a list',
    );
    expect(() => mergeManifest(base, { content_security_policy: { extension_pages: null } })).toThrow(
      'would change "content_security_policy.extension_pages" of manifest.json from string to null',
    );
  });

  test('refuses to replace a base value with another of the same type', () => {
    expect(() => mergeManifest(base, { name: 'Policy Guard for Firefox' })).toThrow('would replace "name" of manifest.json');
    expect(() => mergeManifest(base, { content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval'" } })).toThrow(
      'would replace "content_security_policy.extension_pages" of manifest.json',
    );
  });
});

test.each(['chrome', 'firefox'] as const)('the committed %s patch merges into the committed base', (target) => {
  expect(() => manifestFor(target, loadSites())).not.toThrow();
});
