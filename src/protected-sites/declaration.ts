// What a site's consent manager (CMP) declares about its cookies, read from the page the person is looking at: its
// categories in the site's own words, the first-party cookies and third-party hosts in each. Each CMP's platform
// (consent-manager/platform.ts `declarations`) reads the page and checks its own format; here the reading is
// dispatched, bounded and capped, whichever CMP it is. Everything the page hands over is hostile input and describes
// that one site.
import * as v from 'valibot';
import { registrableDomainOrNull } from '../knowledge/registrable-domain';
import { standardByName, type DeclaredCategory, type StandardCategory } from '../consent-manager/declared';
import { MAX_DECLARED } from '../settings/protected-site-record';
import type { DetectDescriptor } from '../consent-manager/platform';
import { registry as defaultRegistry, type PlatformId, type PlatformRegistry } from '../consent-manager/registry';
import type { DeclarationProblem } from './problems';

export interface Declaration {
  platform: PlatformId;
  /** The CMP's name as shown (its platform's). */
  name: string;
  /** The CMP's version of the data, as it reports it ("" when it does not). */
  version: string;
  categories: DeclaredCategory[];
}

export type DeclarationResult =
  | { ok: true; declaration: Declaration }
  /** `none`: the page has no CMP, or none with a readable declaration; else the declaration was refused. */
  | { ok: false; none: boolean; error: DeclarationProblem };

/** Runs a main-world function in the page (PageScripts.runInMainWorld bound to a tab). */
type InPage = (read: (detect: DetectDescriptor) => unknown, args: [DetectDescriptor]) => Promise<unknown>;

/**
 * What the page's CMP declares, as its main-world reader reports it (page data): each platform's reader in the
 * registry's order, until one finds its CMP; `{ platform: null }` when none does.
 */
export async function observeDeclaration(inPage: InPage, registry: PlatformRegistry = defaultRegistry): Promise<unknown> {
  for (const { declarations, detect } of registry.platforms) {
    const observed = await inPage(declarations.readInPage, [detect]);
    if (found(observed)) return observed;
  }
  return { platform: null };
}

/** Whether a reader found its CMP: it says so with anything but `{ platform: null }`. */
export function found(observed: unknown): boolean {
  return observed === null || typeof observed !== 'object' || Reflect.get(observed, 'platform') !== null;
}

/**
 * The standard category of a declared one: by the CMP's standard ids, else by the words of the site's name for it;
 * null when neither says (such a category starts refused).
 */
export function standardCategoryOf(
  platform: string,
  id: string,
  name: string,
  registry: PlatformRegistry = defaultRegistry,
): StandardCategory | null {
  return registry.of(platform)?.declarations.standardOf(id) ?? standardByName(name);
}

/** The reader's word for a page without a CMP declaration; anything else names its platform. */
const NoDeclaration = v.strictObject({ platform: v.null() });
const Tagged = v.looseObject({ platform: v.string() });
/** A reader's word for a declaration past its budget (its platform's `readInPage`), refused unread. */
const TooLarge = v.strictObject({ platform: v.string(), oversized: v.literal(true) });

/**
 * The declaration the page's main world reported (`observed`, untrusted) for the page's registrable domain
 * `pageDomain`: categories in the CMP's order with the site's texts (markup removed, whitespace collapsed), each
 * cookie on the page's registrable domain as a first-party name and every other host as a third-party host. Entries
 * a browser could not act on (a name with spaces, a "host" that is a company name) are left out. Refused, with the
 * problem, when it does not fit its platform's shape or exceeds MAX_DECLARED; `none` when the page has no CMP
 * declaration.
 */
export function readDeclaration(observed: unknown, pageDomain: string, registry: PlatformRegistry = defaultRegistry): DeclarationResult {
  if (!withinBudget(observed) || v.is(TooLarge, observed)) return { ok: false, none: false, error: { code: 'oversized' } };
  if (v.is(NoDeclaration, observed)) return { ok: false, none: true, error: { code: 'no-declaration' } };
  const tagged = v.safeParse(Tagged, observed);
  const platform = tagged.success ? registry.of(tagged.output.platform) : undefined;
  const site = registrableDomainOrNull(pageDomain);
  const read = platform?.declarations.read(observed, site ?? pageDomain) ?? null;
  // The problem names no value and no key of the page's: they are its words, and the popup would show them as ours.
  if (platform === undefined || read === null) return { ok: false, none: false, error: { code: 'unknown-shape' } };
  // A public suffix's own host (vercel.app, github.io) would cover every tenant's site under it.
  if (site === null) return { ok: false, none: false, error: { code: 'no-registrable-domain', domain: pageDomain } };
  const { version, categories } = read;
  if (categories.length === 0) return { ok: false, none: true, error: { code: 'no-categories' } };
  const count = (pick: (category: DeclaredCategory) => string[]) => new Set(categories.flatMap(pick)).size;
  const cookies = count((category) => [...category.cookies, ...category.storage]);
  const hosts = count((category) => category.hosts);
  if (cookies > MAX_DECLARED.cookies)
    return { ok: false, none: false, error: { code: 'too-many-cookies', count: cookies, limit: MAX_DECLARED.cookies } };
  if (hosts > MAX_DECLARED.hosts)
    return { ok: false, none: false, error: { code: 'too-many-hosts', count: hosts, limit: MAX_DECLARED.hosts } };
  return { ok: true, declaration: { platform: platform.id as PlatformId, name: platform.name, version, categories } };
}

/**
 * What the page may hand over before it is even checked: the main-world readers stop at the same budget and answer
 * with TooLarge instead (each reader's `budget`), so only a reader broken by the page could send more.
 */
const READING_BUDGET = { values: 30_000, chars: 1_000_000 };

/**
 * Whether `value` holds at most twice `values` arrays, objects and primitives (the readers count strings and list
 * entries, not the fields of the objects they build) and `chars` characters of strings and keys, counted without
 * recursion as each key is reached and stopping at the first excess, so the schema check never walks more.
 */
function withinBudget(value: unknown, { values, chars } = READING_BUDGET): boolean {
  const pending: unknown[] = [value];
  let seen = 1;
  let characters = 0;
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') characters += next.length;
    else if (typeof next === 'object' && next !== null)
      for (const key in next) {
        characters += key.length;
        pending.push((next as Record<string, unknown>)[key]);
        if (++seen > 2 * values || characters > chars) return false;
      }
    if (characters > chars) return false;
  }
  return true;
}
