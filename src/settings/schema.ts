// Settings from outside the code — storage, imported files — are checked here before anything uses them.
// Storage is repaired field by field (keep what is valid, say what was reset); an import is all or nothing.
import * as v from 'valibot';
import { describe, migrate, type Owners, type SettingsObject } from './migrations';
import { MAX_PROTECTED_SITES, ProtectedSiteSchema, protectedSiteProblem, protectedSitesProblem } from './protected-site-record';
import { IdSchema, issueText, RESERVED_NAMES } from '../shared/schema-parts';
import { freshSettings, type ProtectedSite, type Settings, type SiteChoices } from './settings';

// Ids in settings come from files and storage, so they are capped; real ones are a few words long.
const Id = v.pipe(v.string(), v.maxLength(64), IdSchema);
const Choices = v.record(Id, v.boolean('must be true (allowed) or false (refused)'));
// Keys of `sites`: a registrable domain, lower-case, as the worker derives it from a page (registrable-domain.ts).
const Domain = v.pipe(
  v.string(),
  v.maxLength(253),
  v.regex(/^([a-z0-9-]+\.)+[a-z0-9-]+$/, 'must be a lower-case registrable domain such as "atlassian.com"'),
);
const SiteChoicesSchema = v.strictObject({ choices: Choices, paused: v.boolean('must be true or false') });
const UnknownCookies = v.picklist(['allow', 'remove'], 'must be "allow" or "remove"');
const Flag = v.boolean('must be true or false');

export const SettingsSchema = v.strictObject({
  version: v.number(),
  defaults: Choices,
  sites: v.record(Domain, SiteChoicesSchema),
  unknownCookies: UnknownCookies,
  badge: Flag,
  globalPrivacyControl: Flag,
  protectedSites: v.record(Domain, ProtectedSiteSchema),
});

/**
 * Imported files larger than this are refused before parsing: choices take a few kilobytes, and a protected site's
 * record usually a few more (at most 400, protected-sites.ts).
 */
const MAX_IMPORT_CHARS = 10_000_000;

/** An import's outcome: the settings to adopt, or why the file was refused (the first bad field and why). */
export type ImportResult = { ok: true; settings: Settings } | { ok: false; error: string };

/**
 * An exported settings file as settings, all or nothing: at most MAX_IMPORT_CHARS characters of JSON, migrated from
 * older schema versions (`owners`, the covered sites, turn a version-1 file's per-site choices into per-domain ones),
 * then checked. A failure names the first bad field and why (`sites.x.paused: must be …`).
 */
export function parseImport(text: string, owners: Owners): ImportResult {
  if (text.length > MAX_IMPORT_CHARS) return { ok: false, error: `the file is larger than ${MAX_IMPORT_CHARS} characters` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not a settings file: ${error instanceof Error ? error.message : 'invalid JSON'}` };
  }
  if (!isObject(data)) return { ok: false, error: `the file must hold a settings object, not ${describe(data)}` };
  const reserved = reservedKeyPath(data, []);
  if (reserved !== null) return { ok: false, error: `${reserved}: a reserved name, not a valid id` };
  const migrated = migrate(data, owners);
  if (!migrated.ok) return migrated;
  const result = v.safeParse(SettingsSchema, migrated.data);
  if (!result.success) return { ok: false, error: issueText(result.issues[0], 'settings') };
  const bundled = owners.flatMap((owner) => owner.domains);
  for (const [domain, record] of Object.entries(result.output.protectedSites)) {
    const problem = protectedSiteProblem(domain, record, bundled);
    if (problem !== null) return { ok: false, error: `protectedSites.${domain}: ${problem}` };
  }
  const together = protectedSitesProblem(result.output.protectedSites);
  if (together !== null) return { ok: false, error: `protectedSites: ${together}` };
  return { ok: true, settings: result.output };
}

/**
 * Choices, exceptions, preferences and protected sites; no counts. The exceptions and protected sites name sites the
 * person visited (the options page says so beside the button).
 */
export function exportSettings(settings: Settings): string {
  const { version, defaults, sites, unknownCookies, badge, globalPrivacyControl, protectedSites } = settings;
  return `${JSON.stringify({ version, defaults, sites, unknownCookies, badge, globalPrivacyControl, protectedSites }, null, 2)}\n`;
}

export interface Recovered {
  settings: Settings;
  /** One line per repair, naming the field and why; empty when everything stored was valid. */
  recovered: string[];
}

/**
 * Reads whatever storage holds: nothing stored is a fresh install; older schema versions are migrated (see
 * parseImport for `owners`); anything invalid falls back to its default.
 */
export function recoverSettings(stored: unknown, owners: Owners): Recovered {
  const settings = freshSettings();
  if (stored === undefined) return { settings, recovered: [] };
  if (!isObject(stored)) return { settings, recovered: [`settings: ${describe(stored)} is not a settings object; using defaults`] };
  const migrated = migrate(stored, owners);
  const recovered = migrated.ok ? [] : [`${migrated.error}; kept the fields this version understands`];
  const data: SettingsObject = migrated.ok ? migrated.data : stored;
  for (const key of Object.keys(data)) if (!(key in settings)) recovered.push(`${key}: unknown field, dropped`);
  settings.defaults = recoverChoices(data.defaults, 'defaults', recovered);
  settings.sites = recoverSites(data.sites, recovered);
  settings.unknownCookies = recoverField(UnknownCookies, data.unknownCookies, 'unknownCookies', settings.unknownCookies, recovered);
  settings.badge = recoverField(Flag, data.badge, 'badge', settings.badge, recovered);
  settings.globalPrivacyControl = recoverField(
    Flag,
    data.globalPrivacyControl,
    'globalPrivacyControl',
    settings.globalPrivacyControl,
    recovered,
  );
  settings.protectedSites = recoverProtectedSites(
    data.protectedSites,
    owners.flatMap((owner) => owner.domains),
    recovered,
  );
  return { settings, recovered };
}

function recoverProtectedSites(value: unknown, bundled: readonly string[], recovered: string[]): Record<string, ProtectedSite> {
  const sites: Record<string, ProtectedSite> = {};
  if (value === undefined) return sites;
  if (!isObject(value)) {
    recovered.push(`protectedSites: ${describe(value)} is not a list of protected sites; reset`);
    return sites;
  }
  const ids = new Set<string>();
  for (const [domain, record] of Object.entries(value)) {
    const result = v.safeParse(ProtectedSiteSchema, record);
    const problem = !v.is(Domain, domain)
      ? 'not a registrable domain'
      : !result.success
        ? issueText(result.issues[0], 'the record')
        : ids.has(result.output.site.id)
          ? 'another protected site has its id'
          : ids.size >= MAX_PROTECTED_SITES
            ? `at most ${MAX_PROTECTED_SITES} sites can be protected`
            : protectedSiteProblem(domain, result.output, bundled);
    if (result.success) ids.add(result.output.site.id);
    if (problem === null && result.success) sites[domain] = result.output;
    else recovered.push(`protectedSites.${describe(domain)}: ${problem ?? 'invalid'}; no longer protected`);
  }
  return sites;
}

function recoverField<T>(schema: v.GenericSchema<unknown, T>, value: unknown, path: string, fallback: T, recovered: string[]): T {
  if (value === undefined) return fallback;
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  recovered.push(`${path}: ${describe(value)} ${result.issues[0].message}; reset to ${JSON.stringify(fallback)}`);
  return fallback;
}

function recoverChoices(value: unknown, path: string, recovered: string[]): Record<string, boolean> {
  const choices: Record<string, boolean> = {};
  if (value === undefined) return choices;
  if (!isObject(value)) {
    recovered.push(`${path}: ${describe(value)} is not a list of choices; reset`);
    return choices;
  }
  for (const [id, allowed] of Object.entries(value)) {
    if (v.is(Id, id) && typeof allowed === 'boolean') choices[id] = allowed;
    else recovered.push(`${path}.${describe(id)}: ${describe(allowed)} is not a valid choice; dropped`);
  }
  return choices;
}

function recoverSites(value: unknown, recovered: string[]): Record<string, SiteChoices> {
  const sites: Record<string, SiteChoices> = {};
  if (value === undefined) return sites;
  if (!isObject(value)) {
    recovered.push(`sites: ${describe(value)} is not a list of site exceptions; reset`);
    return sites;
  }
  for (const [domain, site] of Object.entries(value)) {
    if (!v.is(Domain, domain) || !isObject(site)) {
      recovered.push(`sites.${describe(domain)}: not a valid site exception; dropped`);
      continue;
    }
    const path = `sites.${domain}`;
    sites[domain] = {
      choices: recoverChoices(site.choices, `${path}.choices`, recovered),
      paused: recoverField(Flag, site.paused, `${path}.paused`, false, recovered),
    };
  }
  return sites;
}

// Object.prototype's names: valibot's records skip some of these keys silently, and an id spelled like one would read
// an inherited property wherever it is looked up; an import names them instead.
function reservedKeyPath(value: unknown, path: string[]): string | null {
  if (!isObject(value)) return null;
  for (const [key, child] of Object.entries(value)) {
    if (RESERVED_NAMES.has(key)) return [...path, key].join('.');
    const found = reservedKeyPath(child, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

function isObject(value: unknown): value is SettingsObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
