// Cookiebot as a consent manager platform (platform.ts): answered by its four consent flags in its `CookieConsent`
// record. It has no API the extension calls yet, so nothing verifies what it believes.
import type { ConsentManagerPlatform } from '../platform';
import { flagOfTable, readCookiebot } from './declaration';
import { readCookiebotDeclarations } from './page/declarations';
import { CONSENT_COOKIE } from './record';
import { cookiebotMarks, cookiebotPerson, cookiebotRecordPlan, newestCookiebot } from './plan';

export const cookiebot: ConsentManagerPlatform<'cookiebot'> = {
  id: 'cookiebot',
  name: 'Cookiebot',
  detect: {
    globals: ['Cookiebot', 'CookieConsentDialog'],
    // The .eu hosts: Cookiebot's EU-only serving (its "Cookiebot EU CDN" integration docs).
    scriptHosts: ['consent.cookiebot.com', 'consentcdn.cookiebot.com', 'consent.cookiebot.eu', 'consentcdn.cookiebot.eu'],
  },
  declarations: {
    readInPage: readCookiebotDeclarations,
    read: readCookiebot,
    // Cookiebot's categories are its tables, each matched to its standard category as it is read.
    standardOf: () => null,
    answerGroups: (categories, domain) => ({
      map: categories.flatMap(({ declared, id }) => {
        const flag = flagOfTable(declared.id);
        return flag === undefined ? [] : [{ id: flag, category: id }];
      }),
      reason: `Cookiebot's consent flags on ${domain}, each the category of its cookie table`,
    }),
  },
  record: {
    cookieNames: [CONSENT_COOKIE],
    plan: (consentManager, domain, allowed, stored, clock) => cookiebotRecordPlan(consentManager, domain, allowed, stored, clock),
    heeded: (all) => newestCookiebot(all),
    person: cookiebotPerson,
    marks: cookiebotMarks,
  },
};
