// The popup's line about Global Privacy Control on a covered domain: pure, so each case's sentence is tested.
import type { Site } from '../knowledge/schema';

/**
 * What the popup says about GPC on `domain`, from what its switches show (`allowed`, `paused`) and the option
 * (`enabled`): null when the option is off or the site's knowledge base names no GPC category; else whether the
 * signal is sent, and why. The same rule as gpc/gpc.ts gpcDomains: sent where that category is refused and the
 * domain is not paused.
 */
export function gpcText(
  site: Site,
  domain: string,
  allowed: Readonly<Record<string, boolean>>,
  paused: boolean,
  enabled: boolean,
): string | null {
  const category = site.globalPrivacyControl?.category;
  if (!enabled || category === undefined) return null;
  const label = site.categories.find((candidate) => candidate.id === category)?.label ?? category;
  if (paused) return `Global Privacy Control: not sent while ${domain} is paused.`;
  if (allowed[category] === true) return `Global Privacy Control: not sent, as you allow ${label} on ${domain}.`;
  return `Global Privacy Control: sent to ${domain} (the Sec-GPC header and navigator.globalPrivacyControl), as you refuse ${label} here.`;
}
