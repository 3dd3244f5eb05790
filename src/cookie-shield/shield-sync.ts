// Keeps the registered cookie-shield scripts equal to shield-plan.ts's plan for the current settings. Updates run one
// at a time and a burst ends with the last one, as for the rules; an unchanged plan touches nothing.
import { reconcile } from '../shared/reconcile';
import type { Settings } from '../settings/settings';
import { SHIELD_ID_PREFIX, type ShieldScript } from './shield-plan';
import type { ContentScripts, RegisteredScriptInfo } from '../ports/scripting';
import { syncToLatest } from '../shared/sync-to-latest';

export interface ShieldSync {
  /** Resolves once the shield for these settings, or for newer ones, is registered. */
  apply(settings: Settings): Promise<void>;
}

/**
 * Reads back the registered scripts whose ids start with SHIELD_ID_PREFIX (others are never touched), compares them
 * with `plan(settings)` (paths without a leading slash, match patterns in any order) and re-registers only the scripts
 * that differ, at document start in the world the plan names, in every frame including same-origin about:blank and
 * srcdoc ones (matchOriginAsFallback), kept across sessions. Rejects when the browser
 * refuses a registration; the next apply starts again from what the browser holds.
 */
export function createShieldSync(scripting: ContentScripts, plan: (settings: Settings) => ShieldScript[]): ShieldSync {
  return {
    apply: syncToLatest(async (wanted) => {
      const existing = (await scripting.getRegisteredContentScripts()).filter((script) => script.id.startsWith(SHIELD_ID_PREFIX));
      const changes = reconcile(existing, plan(wanted), canonical);
      if (changes === null) return;
      if (changes.remove.length > 0) await scripting.unregisterContentScripts({ ids: changes.remove.map((script) => script.id) });
      if (changes.add.length > 0) {
        await scripting.registerContentScripts(
          changes.add.map((script) => ({
            ...script,
            runAt: 'document_start',
            allFrames: true,
            matchOriginAsFallback: true,
            persistAcrossSessions: true,
          })),
        );
      }
    }),
  };
}

/**
 * What a registration is: its other options never vary. Paths are compared without a leading slash (Firefox adds one);
 * an unreported world is the default one, ISOLATED. A registration an earlier version made without
 * matchOriginAsFallback is made again; a browser that does not report the option is taken to hold it.
 */
function canonical({ id, js, matches, world, matchOriginAsFallback }: RegisteredScriptInfo): string {
  return JSON.stringify({
    id,
    js: (js ?? []).map((path) => path.replace(/^\//, '')),
    matches: [...(matches ?? [])].sort(),
    world: world ?? 'ISOLATED',
    fallback: matchOriginAsFallback ?? true,
  });
}
