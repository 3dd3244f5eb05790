// Keeps the registered cookie-shield scripts equal to the core's plan for the current settings. Updates run one
// at a time and a burst ends with the last one, as for the rules; an unchanged plan touches nothing.
import type { Settings } from '../core/settings';
import { SHIELD_ID_PREFIX, type ShieldScript } from '../core/shield-plan';
import type { ContentScripts, RegisteredScriptInfo } from '../ports/scripting';
import { syncToLatest } from './sync-to-latest';

export interface ShieldSync {
  /** Resolves once the shield for these settings, or for newer ones, is registered. */
  apply(settings: Settings): Promise<void>;
}

export function createShieldSync(scripting: ContentScripts, plan: (settings: Settings) => ShieldScript[]): ShieldSync {
  return {
    apply: syncToLatest(async (wanted) => {
      const scripts = plan(wanted);
      const existing = (await scripting.getRegisteredContentScripts()).filter((script) => script.id.startsWith(SHIELD_ID_PREFIX));
      if (canonical(existing) === canonical(scripts)) return;
      if (existing.length > 0) await scripting.unregisterContentScripts({ ids: existing.map((script) => script.id) });
      if (scripts.length > 0) {
        await scripting.registerContentScripts(
          scripts.map((script) => ({ ...script, world: 'MAIN', runAt: 'document_start', allFrames: true, persistAcrossSessions: true })),
        );
      }
    }),
  };
}

/** What a registration is: its other options never vary. Paths are compared without a leading slash. */
function canonical(scripts: readonly RegisteredScriptInfo[]): string {
  const shape = scripts.map(({ id, js, matches }) => ({
    id,
    js: (js ?? []).map((path) => path.replace(/^\//, '')),
    matches: [...(matches ?? [])].sort(),
  }));
  return JSON.stringify(shape.sort((a, b) => (a.id < b.id ? -1 : 1)));
}
