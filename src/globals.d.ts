/** Set by the build (esbuild define) and by Jest's globals: which browser this bundle is for. */
declare const __BROWSER__: 'chrome' | 'firefox';

declare module 'knowledge:sites' {
  import type { Site } from './core/knowledge';
  const sites: Site[];
  export default sites;
}
