// The peer for the classification benchmark: Ghostery's tracker database matcher (dev-only: its data
// licence, CC BY-NC-SA, forbids shipping it, and nothing under src/ may import it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import loadTrackerDB from '@ghostery/trackerdb';
import type { BenchRequest } from './corpus';

// Ghostery categories that mean "tracker" in the sense of our cookie notices' refusable categories.
const TRACKING_CATEGORIES = new Set(['advertising', 'site_analytics', 'social_media', 'customer_interaction', 'audio_video_player']);

// The package's entry is dist/cjs/index.js; its data files sit in dist/, its package.json one level up.
const distDir = join(require.resolve('@ghostery/trackerdb'), '../..');

/** The peer as the bench table names it: package and installed version. */
const peerPackage = JSON.parse(readFileSync(join(distDir, '../package.json'), 'utf8')) as { version: string };
export const PEER_NAME = `@ghostery/trackerdb ${peerPackage.version}`;

export interface PeerMatcher {
  /** Undefined when the peer does not know the request's host at all. */
  isTracker(request: BenchRequest): Promise<boolean | undefined>;
}

export async function loadPeer(): Promise<PeerMatcher> {
  const engine = readFileSync(join(distDir, 'trackerdb.engine'));
  const db = await loadTrackerDB(engine);
  return {
    async isTracker(request) {
      // matchUrl is synchronous; its declared result type names a path the adblocker package does not export.
      const matches = db.matchUrl({ url: request.url, type: request.type, sourceUrl: request.pageUrl }) as { category: { key: string } }[];
      if (matches.length === 0) return undefined;
      return matches.some((match) => TRACKING_CATEGORIES.has(match.category.key));
    },
  };
}
