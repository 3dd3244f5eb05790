// OneTrust as a consent manager platform (platform.ts): answered by its own group ids, in its `OptanonConsent`
// record and through its API (window.OneTrust), and verified against `OnetrustActiveGroups`.
import type { ConsentManagerPlatform } from '../platform';
import { oneTrustStandard, readOneTrust } from './declaration';
import { readOneTrustDeclarations } from './page/declarations';
import { observeOneTrust, repairOneTrust } from './page/api';
import { countOf, oneTrustRecordPlan, personAnswer } from './plan';
import { ALERT_BOX_CLOSED_COOKIE, CONSENT_COOKIE, parseOneTrustRecord } from './record';
import { cmpRepair, declaredGroups, verifyCmp } from './verify';

export const oneTrust: ConsentManagerPlatform<'onetrust'> = {
  id: 'onetrust',
  name: 'OneTrust',
  detect: {
    globals: ['OneTrust', 'Optanon'],
    scriptHosts: ['cdn.cookielaw.org', 'geolocation.onetrust.com', 'cookie-cdn.cookiepro.com'],
  },
  declarations: {
    readInPage: readOneTrustDeclarations,
    read: readOneTrust,
    standardOf: oneTrustStandard,
    answerGroups: (categories, domain) => ({
      map: categories.map(({ declared, id }) => ({ id: declared.id, category: id })),
      reason: `the groups OneTrust declared on ${domain}, each the category of the same name`,
    }),
  },
  record: {
    cookieNames: [CONSENT_COOKIE, ALERT_BOX_CLOSED_COOKIE],
    plan: oneTrustRecordPlan,
    // The copy on the registrable domain, path "/": the one OneTrust reads.
    heeded: (_all, canonical) => canonical.find((cookie) => cookie.name === CONSENT_COOKIE),
    person(site, allowed, value, marks) {
      const parsed = parseOneTrustRecord(value);
      return parsed.ok ? personAnswer(site, allowed, parsed.record, marks?.written) : null;
    },
    marks: (value) => ({ written: countOf(value) }),
  },
  api: {
    observe: observeOneTrust,
    repairInPage: repairOneTrust,
    declaredGroups,
    verify: verifyCmp,
    repair(answer, strictlyNecessary, pageAlwaysActive) {
      const repair = cmpRepair(answer, strictlyNecessary, pageAlwaysActive);
      if (repair === null) return null;
      if (repair.call !== 'UpdateConsent') return { call: repair.call, groups: [], interactions: 1 };
      return { call: repair.call, groups: repair.groups, interactions: repair.groups.length };
    },
    interactions: countOf,
  },
};
