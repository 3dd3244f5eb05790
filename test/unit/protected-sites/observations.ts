// What the main-world reader (src/protected-sites/page/declarations-page.ts) reports, built for tests.
import { readDeclaration, type Declaration, type DeclarationResult } from '../../../src/protected-sites/declaration';
import { problemText } from '../../../src/ui/declaration-text';

/** One OneTrust group as the reader reports it: empty but for `fields`. */
export const group = (fields: Record<string, unknown>) => ({
  id: '',
  name: '',
  description: '',
  status: 'inactive',
  cookies: [],
  hosts: [],
  ...fields,
});

/** OneTrust's domain data as the reader reports it. */
export const oneTrust = (groups: unknown[], version = '202504.1.0') => ({ platform: 'onetrust', version, groups });

/**
 * A OneTrust site with custom group ids, read as the core reads it: "Essential" (always active, a session cookie),
 * "Site statistics" (a cookie, a host) and "Personalised ads" (a cookie prefix, two hosts).
 */
export function harborDeclaration(): Declaration {
  const result = readDeclaration(
    oneTrust([
      group({
        id: 'HB-ESS',
        name: 'Essential',
        status: 'always active',
        cookies: [{ name: 'hb_session', host: 'harbor.example', pattern: '' }],
      }),
      group({
        id: 'HB-STATS',
        name: 'Site statistics',
        cookies: [{ name: 'hb_stats', host: '.harbor.example', pattern: '' }],
        hosts: [{ host: 'collect.statsbeam.net', cookies: ['sb_id'] }],
      }),
      group({
        id: 'HB-ADS',
        name: 'Personalised ads',
        cookies: [{ name: '', host: 'harbor.example', pattern: 'hb_ad_' }],
        hosts: [
          { host: 'px.adgrid-exchange.com', cookies: ['agx'] },
          { host: 'www.google-analytics.com', cookies: [] },
        ],
      }),
    ]),
    'harbor.example',
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.declaration;
}

/** A reading with its problem in the words the popup shows (problemText), so a test asserts those words. */
export function worded(result: DeclarationResult) {
  return result.ok ? result : { ...result, error: problemText(result.error) };
}
