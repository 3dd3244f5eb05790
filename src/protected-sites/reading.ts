// What the popup shows of a site's declaration before and after it is protected, and what a later reading changed:
// the declaration against what the bundled knowledge base knows (a host it lists as a tracker, declared necessary by
// the site, is disputed), and two records of one site compared.
import { isWithin } from '../shared/hosts';
import type { Site } from '../knowledge/schema';
import type { Declaration } from './declaration';
import type { DeclarationProblem, PageProblem } from './problems';

/** A host the site declares in a category the person cannot refuse, or strictly necessary, that the knowledge base lists as a tracker. */
export interface DisputedHost {
  host: string;
  /** The site's name for the category it declares the host in. */
  declaredIn: string;
  /** The knowledge base's tracker and the label of its category ("Google Analytics", "Performance and analytics"). */
  knownAs: string;
  knownCategory: string;
}

/** One declared category as the popup lists it: the site's words and how much it holds. */
interface DeclaredCategorySummary {
  id: string;
  name: string;
  description: string;
  alwaysActive: boolean;
  cookies: number;
  hosts: number;
}

export interface DeclarationSummary {
  /** The CMP's name and its version of the data ("" when it gives none). */
  consentManager: string;
  version: string;
  categories: DeclaredCategorySummary[];
  /** Distinct first-party cookies and storage keys, and third-party hosts, over all categories. */
  cookies: number;
  hosts: number;
  disputed: DisputedHost[];
}

const UNREFUSABLE_STANDARDS = new Set(['strictly-necessary']);

/**
 * The hosts `declaration` puts in an always-active or strictly necessary category while a `bundled` site (the
 * knowledge base) lists them, or a parent of them, as a tracker in a category it lets the person refuse.
 */
export function disputedHosts(declaration: Declaration, bundled: readonly Site[]): DisputedHost[] {
  const disputed: DisputedHost[] = [];
  for (const category of declaration.categories) {
    if (!category.alwaysActive && !UNREFUSABLE_STANDARDS.has(category.standard ?? '')) continue;
    for (const host of category.hosts) {
      const known = knownTracker(host, bundled);
      if (known !== null && !disputed.some((entry) => entry.host === host))
        disputed.push({ host, declaredIn: category.name || category.id, ...known });
    }
  }
  return disputed;
}

function knownTracker(host: string, bundled: readonly Site[]): { knownAs: string; knownCategory: string } | null {
  for (const site of bundled)
    for (const tracker of site.trackers) {
      const category = site.categories.find((candidate) => candidate.id === tracker.category);
      if (!category?.refusable) continue;
      if (tracker.hosts.some((trackerHost) => isWithin(host, trackerHost))) return { knownAs: tracker.name, knownCategory: category.label };
    }
  return null;
}

/** The popup's summary of a declaration, with the hosts it disputes (disputedHosts). */
export function summarize(declaration: Declaration, disputed: DisputedHost[]): DeclarationSummary {
  const distinct = (pick: (category: Declaration['categories'][number]) => string[]) => new Set(declaration.categories.flatMap(pick)).size;
  return {
    consentManager: declaration.name,
    version: declaration.version,
    categories: declaration.categories.map((category) => ({
      id: category.id,
      name: category.name || category.id,
      description: category.description,
      alwaysActive: category.alwaysActive,
      cookies: new Set([...category.cookies, ...category.storage]).size,
      hosts: category.hosts.length,
    })),
    cookies: distinct((category) => [...category.cookies, ...category.storage]),
    hosts: distinct((category) => category.hosts),
    disputed,
  };
}

/**
 * What a newer record of the same protected site says differently, one line each (empty when nothing changed):
 * categories added or gone, and each cookie, storage key or host added, gone, or moved to another category. Compared
 * by the CMP's category ids, so the same declaration read in another language changes nothing; named in the site's
 * words.
 */
export function siteChanges(before: Site, after: Site): string[] {
  const lines: string[] = [];
  const label = (site: Site, id: string): string => site.categories.find((category) => category.id === id)?.label ?? id;
  const beforeIds = new Set(before.categories.map((category) => category.id));
  const afterIds = new Set(after.categories.map((category) => category.id));
  for (const id of afterIds) if (!beforeIds.has(id)) lines.push(`New category “${label(after, id)}”`);
  for (const id of beforeIds) if (!afterIds.has(id)) lines.push(`Category “${label(before, id)}” is no longer declared`);
  const placed = (site: Site, kind: 'cookie' | 'host'): Map<string, string> => {
    const where = new Map<string, string>();
    for (const tracker of site.trackers) {
      const entries = kind === 'host' ? tracker.hosts : [...tracker.cookies, ...(tracker.storage?.names ?? [])];
      for (const entry of entries) where.set(entry, tracker.category);
    }
    return where;
  };
  for (const kind of ['cookie', 'host'] as const) {
    const old = placed(before, kind);
    const now = placed(after, kind);
    for (const [entry, category] of now) {
      const was = old.get(entry);
      if (was === undefined) lines.push(`New ${kind} “${entry}” in “${label(after, category)}”`);
      else if (was !== category) lines.push(`The ${kind} “${entry}” moved from “${label(before, was)}” to “${label(after, category)}”`);
    }
    for (const [entry, category] of old)
      if (!now.has(entry)) lines.push(`The ${kind} “${entry}” is no longer declared (was in “${label(before, category)}”)`);
  }
  return lines;
}

/** What the popup read of an uncovered tab's site: its consent manager's declaration, or why there is none to show. */
export type SiteReading =
  /** The extension may not read the tab's page, or it is no web page, or the popup's request failed (`problem`). */
  | { state: 'unreadable'; problem: PageProblem | { code: 'request-failed'; reason: string } }
  /** No consent manager with a readable declaration (`none`), or one whose declaration was refused. */
  | { state: 'none' | 'refused'; domain: string; problem: DeclarationProblem }
  /** The declaration in the site's words; `origins`: the host permission protecting the site asks for. */
  | { state: 'found'; domain: string; summary: DeclarationSummary; origins: string[] };
