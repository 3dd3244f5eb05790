// What differs from one consent manager (CMP) to the next, as one contract: each CMP's folder exports one object
// implementing it, and registry.ts lists them. Pure: nothing here imports the browser. Functions marked "main world"
// run in the page through scripting.executeScript, which serialises each on its own: no imports, no closures.
import type { ConsentManager, Site } from '../knowledge/schema';
import type { JarCookie } from '../ports/cookies';
import type { DeclaredBeyondMap, RecordPlan, StoredRecord } from './answer';
import type { DeclaredCategory, StandardCategory } from './declared';
import type { PersonAnswer } from './person-answer';
import type { CmpVerdict, DeclaredGroup } from './verify';

/** How the CMP shows in a page: the main-world globals its script defines and the hosts that script loads from. */
export interface DetectDescriptor {
  globals: readonly string[];
  /** Never blocked on a site that uses the CMP: its preference centre must keep working. */
  scriptHosts: readonly string[];
}

interface PlatformDeclarations {
  /**
   * Main world: reads what the CMP declares, already loaded in the page, given the platform's own DetectDescriptor;
   * `{ platform: <id>, … }` (page data, capped) or `{ platform: null }` when the CMP or its declaration is absent.
   */
  readInPage: (detect: DetectDescriptor) => unknown;
  /** `readInPage`'s result, schema-checked, placed for the page's registrable domain `site`; null when it does not fit. */
  read(observed: unknown, site: string): { version: string; categories: DeclaredCategory[] } | null;
  /** The standard category one of the CMP's language-independent category ids stands for, or null. */
  standardOf(id: string): StandardCategory | null;
  /**
   * The CMP's groups a declared site on `domain` is answered by, each with the site category (`id`) it stands for,
   * and why (kept in the site record); an empty map when the CMP cannot be answered there.
   */
  answerGroups(
    categories: ReadonlyArray<{ declared: DeclaredCategory; id: string }>,
    domain: string,
  ): { map: Array<{ id: string; category: string }>; reason: string };
}

/** What the extension remembers of the record it last left on a domain, to tell a later one for the person's. */
export interface RecordMarks {
  /** The record's interaction count, where the CMP keeps one (0 where it keeps none). */
  written: number;
  /** The moment the record says it was answered, where the CMP keeps one. */
  utc?: number;
}

/** The CMP's consent record, kept in the site's cookies. */
interface PlatformRecord {
  /** The record's cookie names, the one holding the consent first. */
  cookieNames: readonly string[];
  /**
   * What to write so the CMP on `domain` reads the person's choice, on top of what it stored (`stored`: the domain's
   * record cookies), every field kept; `declared`: groups the page's CMP declared beyond the map.
   */
  plan(
    consentManager: ConsentManager,
    domain: string,
    allowed: Readonly<Record<string, boolean>>,
    stored: readonly StoredRecord[],
    clock: { now: Date; newConsentId: () => string },
    declared: DeclaredBeyondMap,
  ): RecordPlan;
  /** Which copy holds the person's latest answer: one of `all` (every copy on the domain) or of `canonical`. */
  heeded(all: readonly JarCookie[], canonical: readonly JarCookie[]): JarCookie | undefined;
  /** What the person told the CMP against the choice, or null when `value` is not their answer (but ours, or none). */
  person(site: Site, allowed: Readonly<Record<string, boolean>>, value: string, marks: RecordMarks | undefined): PersonAnswer | null;
  /** What the extension leaving `value` (undefined: no record) on the domain marks, over the marks it had. */
  marks(value: string | undefined): Partial<RecordMarks>;
}

/** A repair through the CMP's own API: the call, its per-group arguments, and how many interactions it makes. */
interface PlannedRepair {
  call: string;
  groups: Array<[string, boolean]>;
  interactions: number;
}

/** The CMP told through its own API, and asked what it believes. */
interface PlatformApi {
  /**
   * Main world: waits up to `waitMs` for the CMP, then reports what it believes and shows (page data); reports no CMP
   * in a document of another origin than `origin`.
   */
  observe: (waitMs: number, origin: string) => Promise<unknown>;
  /** Main world: makes the one repair call chosen by `repair`; nothing in a document of another origin than `origin`. */
  repairInPage: (origin: string, call: string, groups: Array<[string, boolean]>) => void;
  /** The groups the CMP declares in an observation, checked. */
  declaredGroups(observation: unknown): DeclaredGroup[];
  /** Whether the observed CMP believes `answer` (group id → consented). */
  verify(answer: ReadonlyMap<string, boolean>, observation: unknown): CmpVerdict;
  /**
   * The repair of a mismatch, or null when it has nothing to tell. `strictlyNecessary` groups are left to the CMP, and
   * so are `pageAlwaysActive`, the groups beyond the map the page says are always active: page data, never granted.
   */
  repair(
    answer: ReadonlyMap<string, boolean>,
    strictlyNecessary: ReadonlySet<string>,
    pageAlwaysActive: ReadonlySet<string>,
  ): PlannedRepair | null;
  /** The interactions a record value counts (each API call adds one); 0 for none or an unreadable one. */
  interactions(value: string | undefined): number;
}

export interface ConsentManagerPlatform<Id extends string = string> {
  id: Id;
  /** The CMP's name as shown in the popup. */
  name: string;
  detect: DetectDescriptor;
  declarations: PlatformDeclarations;
  record: PlatformRecord;
  /** Absent for a CMP the extension only answers through its record. */
  api?: PlatformApi;
}
