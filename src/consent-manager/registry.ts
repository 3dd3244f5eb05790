// The consent managers (CMPs) the extension knows, one line each: adding one is its folder and a line here.
// Everything else reaches a CMP through this list (platform.ts), never by its name.
import { cookiebot } from './cookiebot';
import { oneTrust } from './onetrust';
import type { ConsentManagerPlatform } from './platform';

const PLATFORMS = [
  oneTrust, // first: a page with both is read as OneTrust
  cookiebot,
] as const;

export type PlatformId = (typeof PLATFORMS)[number]['id'];

/** A list of platforms, looked up by id; generic code takes one, so tests can bring platforms of their own. */
export interface PlatformRegistry {
  readonly platforms: readonly ConsentManagerPlatform[];
  /** The platform of this id; undefined for none or an id the list does not hold. */
  of(id: string | undefined): ConsentManagerPlatform | undefined;
}

export function createRegistry(platforms: readonly ConsentManagerPlatform[]): PlatformRegistry {
  const byId = new Map(platforms.map((platform) => [platform.id, platform]));
  return { platforms, of: (id) => (id === undefined ? undefined : byId.get(id)) };
}

export const registry = createRegistry(PLATFORMS);
