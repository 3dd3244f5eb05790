// Every adapter, as the composition root takes them: one object per browser API, each implementing its port.
import type { Ports } from '../ports/ports';
import { browserBadge } from './badge';
import { browserCookieJar } from './cookies';
import { browserDnr, browserSessionRules, topDomainsSupported } from './dnr';
import { browserPermissions } from './permissions';
import { browserRequests } from './requests';
import { browserPageScripts, browserScripting } from './scripting';
import { browserStorage } from './storage';
import { browserTabs } from './tabs';

export const adapters: Ports = {
  badge: browserBadge,
  jar: browserCookieJar,
  dynamicRules: browserDnr,
  sessionRules: browserSessionRules,
  topDomainsSupported,
  permissions: browserPermissions,
  requests: browserRequests,
  pageScripts: browserPageScripts,
  scripting: browserScripting,
  storage: browserStorage,
  tabs: browserTabs,
};
