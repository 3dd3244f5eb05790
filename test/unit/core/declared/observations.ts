// What the main-world reader (src/content/declarations-page.ts) reports, built for tests.

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
