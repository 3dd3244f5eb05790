// Shared fixtures for the UI component tests: a validated site, tab states, and an axe-core check.
import { act } from '@testing-library/preact';
import axe from 'axe-core';
import { validateSite, type Site } from '../../../src/knowledge/schema';
import type { TabState } from '../../../src/messaging/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';
import fixture from '../../fixtures/ui/site.json';

export function fixtureSite(edit: (raw: typeof fixture) => void = () => {}): Site {
  const raw = clone(fixture);
  edit(raw);
  const result = validateSite(raw);
  if (!result.ok) throw new Error(`fixture site is invalid:\n${result.errors.join('\n')}`);
  return result.site;
}

/** A tab whose page no site covers (nothing allowed or counted unless `overrides` says so). */
export function uncoveredState(overrides: Partial<TabState> = {}): TabState {
  return {
    site: null,
    domain: null,
    allowed: {},
    paused: false,
    counts: {},
    cmp: null,
    globalPrivacyControl: false,
    protection: null,
    undeclared: null,
    ...overrides,
  };
}

/** A tab showing the site's first domain, every category at its default (unless `overrides` says otherwise). */
export function coveredState(site: Site, overrides: Partial<TabState> = {}): TabState {
  const allowed = Object.fromEntries(site.categories.map((c) => [c.id, c.defaultAllowed]));
  return uncoveredState({ site, domain: site.domains[0]!, allowed, ...overrides });
}

/** axe-core over the whole document; colour contrast needs real layout, so the browser e2e checks it. */
export async function axeViolations(): Promise<string[]> {
  document.documentElement.lang = 'en';
  document.title = 'Policy Guard';
  const results = await axe.run(document, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

// jsdom has no structuredClone.
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

export function settingsWith(overrides: Partial<Settings> = {}): Settings {
  return { ...clone(DEFAULT_SETTINGS), ...overrides };
}

// jsdom's Blob lacks text(), which every browser we ship to has; FileReader is jsdom's own way to read one.
if (typeof Blob !== 'undefined' && !Blob.prototype.text) {
  Blob.prototype.text = function text(this: Blob) {
    return new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
      reader.readAsText(this);
    });
  };
}

/** Opens every quote disclosure under `root`, as a click on each would: their quotes render when first opened. */
export async function openQuotes(root: ParentNode = document): Promise<void> {
  await act(() => {
    for (const details of root.querySelectorAll<HTMLDetailsElement>('details.quote')) {
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
    }
  });
}
