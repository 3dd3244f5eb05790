// Ordered settings migrations: MIGRATIONS[n] turns a version-n object into version n + 1.
// A new schema version is one more function here plus its test; stored data and imported files both pass through.

export type SettingsObject = Record<string, unknown>;

/** What a migration may know besides the data: the covered sites' ids and registrable domains (the knowledge base). */
export type Owners = ReadonlyArray<{ id: string; domains: readonly string[] }>;

export type Migration = (data: SettingsObject, owners: Owners) => SettingsObject;

/** v0: settings written before they carried a version (hand-written files too); same fields, so stamp the version. */
const stampVersion: Migration = (data) => ({ ...data, version: 1 });

/**
 * v1 → v2: choices were kept per covered site id and held on every domain of its owner; now they belong to a
 * registrable domain. Each owner-wide choice and pause becomes the same on each of the owner's domains, so every
 * choice stays in force where it was. An id no covered site has any more held nowhere and is dropped. A `sites`
 * value that is not an object is left for validation to report.
 */
const choicesPerDomain: Migration = (data, owners) => {
  const { sites } = data;
  if (typeof sites !== 'object' || sites === null || Array.isArray(sites)) return { ...data, version: 2 };
  const byDomain: SettingsObject = {};
  for (const [id, choices] of Object.entries(sites as SettingsObject)) {
    const owner = owners.find((candidate) => candidate.id === id);
    for (const domain of owner?.domains ?? []) byDomain[domain] = structuredClone(choices);
  }
  return { ...data, version: 2, sites: byDomain };
};

/** v2 → v3: the Global Privacy Control preference is new; settings from before it keep it off, as a new install does. */
const globalPrivacyControlOff: Migration = (data) => ({ globalPrivacyControl: false, ...data, version: 3 });

/** v3 → v4: sites protected from their consent manager's declarations are new; none were protected before. */
const noProtectedSites: Migration = (data) => ({ protectedSites: {}, ...data, version: 4 });

export const MIGRATIONS: readonly Migration[] = [stampVersion, choicesPerDomain, globalPrivacyControlOff, noProtectedSites];

export type MigrationResult = { ok: true; data: SettingsObject; from: number } | { ok: false; error: string };

/** Runs every migration from the object's version up to the latest; a missing version means version 0. */
export function migrate(data: SettingsObject, owners: Owners, migrations: readonly Migration[] = MIGRATIONS): MigrationResult {
  const latest = migrations.length;
  const version = data.version ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, error: `version: must be a whole number from 0 to ${latest}, got ${describe(version)}` };
  }
  if (version > latest) {
    return { ok: false, error: `version: ${version} was written by a newer version of the extension (this one reads up to ${latest})` };
  }
  let migrated = data;
  for (let step = version; step < latest; step++) migrated = migrations[step]!(migrated, owners);
  return { ok: true, data: migrated, from: version };
}

/** A short, safe description of a value for error messages (never the whole value). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects are described above
  return String(value);
}
