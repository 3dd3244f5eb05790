// The harness's public face: what a scenario file imports.
export { describeInBrowsers, type BrowserSuite, type Scenario } from './scenario';
export { launchBrowser, selectedBrowsers, BROWSER_NAMES } from './launch';
export type { BrowserName, JarCookie, TestBrowser, TestPage, Visit } from './types';
export { startReplica, type Replica } from '../replica/server';
export type { LoggedRequest, LogFilter } from '../replica/log';
export { concreteCookieName, firstPartyCookieNames, thirdPartyCookieName, hostMatches } from '../replica/knowledge';
export {
  DECLARED_SITE_IDS,
  DECLARED_VARIANTS,
  declaredSitePlan,
  type DeclaredSiteId,
  type DeclaredSitePlan,
  type DeclaredVariant,
} from '../replica/declared-sites';
