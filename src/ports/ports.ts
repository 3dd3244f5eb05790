// Every port the worker's slices are built from, by name: the composition root hands each slice the adapters
// (src/browser/adapters.ts), and a slice's factory names the ones it uses (`Pick<Ports, …>`), so a test can hand it
// fakes of those alone.
import type { Badge } from './badge';
import type { CookieJar } from './cookies';
import type { DynamicRules, SessionRules } from './dnr';
import type { HostPermissions } from './permissions';
import type { RequestObserver } from './requests';
import type { ContentScripts, PageScripts } from './scripting';
import type { StorageAreas } from './storage';
import type { Tabs } from './tabs';

export interface Ports {
  badge: Badge;
  jar: CookieJar;
  dynamicRules: DynamicRules;
  sessionRules: SessionRules;
  /** Whether the browser scopes rules by top-level page (`condition.topDomains`, Chrome 141+). */
  topDomainsSupported: boolean;
  permissions: HostPermissions;
  requests: RequestObserver;
  pageScripts: PageScripts;
  scripting: ContentScripts;
  storage: StorageAreas;
  tabs: Tabs;
}
