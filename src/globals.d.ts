/** Set by the build (esbuild define) and by Jest's globals: which browser this bundle is for. */
declare const __BROWSER__: 'chrome' | 'firefox';

declare module 'knowledge:sites' {
  // An ambient module may not import a relative path (TS2439); an import() type may.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const sites: import('./knowledge/schema').Site[];
  export default sites;
}
