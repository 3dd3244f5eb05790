// The slice boundaries (eslint.config.mjs, src/README.md) hold only if a file that crosses one fails the lint: each
// deliberate violation below is linted as if it stood at that path in the tree and must be refused by the named rule,
// and each allowed import beside it must pass. ESLint runs in a child Node process, as `npm run lint` runs it (its flat
// config is an ES module, which Jest's CommonJS runtime cannot import).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

interface Case {
  filePath: string;
  code: string;
}
interface Found {
  ruleId: string | null;
  message: string;
}

const ROOT = path.resolve(__dirname, '../../..');

const LINT = `
import { ESLint } from 'eslint';
const cases = JSON.parse(process.argv[1]);
const eslint = new ESLint({ cwd: ${JSON.stringify(ROOT)} });
const out = [];
for (const { filePath, code } of cases) {
  const [result] = await eslint.lintText(code, { filePath });
  out.push(result.messages.map(({ ruleId, message }) => ({ ruleId, message })));
}
process.stdout.write(JSON.stringify(out));
`;

function lint(cases: readonly Case[]): Found[][] {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', LINT, JSON.stringify(cases)], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Found[][];
}

const at = (file: string, code: string): Case => ({ filePath: path.join(ROOT, file), code });

const VIOLATIONS: Array<[string, Case, string, RegExp]> = [
  [
    'knowledge importing settings (upward)',
    at('src/knowledge/classify.ts', "import type { Settings } from '../settings/settings';\nexport type X = Settings;\n"),
    'no-restricted-imports',
    /Layering \(src\/README\.md\): src\/knowledge\/ may import only shared/,
  ],
  [
    'settings importing protected-sites (a feature above it)',
    at('src/settings/ops.ts', "import { protectSite } from '../protected-sites/protected-sites';\nexport const x = protectSite;\n"),
    'no-restricted-imports',
    /src\/settings\/ may import only/,
  ],
  [
    'a feature importing messaging',
    at('src/tab-counts/tab-counts.ts', "import type { TabState } from '../messaging/protocol';\nexport type X = TabState;\n"),
    'no-restricted-imports',
    /src\/tab-counts\/ may import only/,
  ],
  [
    'a page file of a slice importing another feature',
    at('src/cookie-shield/page/cookie-shield.ts', "import { RULE_IDS } from '../../blocking/dnr-ids';\nexport const x = RULE_IDS;\n"),
    'no-restricted-imports',
    /src\/cookie-shield\/ may import only/,
  ],
  [
    'a core file using document',
    at('src/blocking/verdicts.ts', 'export const title = (): string => document.title;\n'),
    'no-restricted-globals',
    /pure slice code uses no browser global/,
  ],
  [
    'a core file reaching chrome through globalThis',
    at('src/settings/choices.ts', 'export const api = (): unknown => globalThis.chrome;\n'),
    'no-restricted-properties',
    /pure slice code uses no browser global/,
  ],
  [
    'a blocking file importing webextension-polyfill',
    at('src/blocking/verdicts.ts', "import browser from 'webextension-polyfill';\nexport const x = browser;\n"),
    'no-restricted-imports',
    /only src\/browser\/, src\/worker\.ts, src\/ui\/browser-connector\.ts and the page entry files use the browser API/,
  ],
  [
    'a slice importing a browser adapter',
    at('src/messaging/handlers.ts', "import { createTabs } from '../browser/tabs';\nexport const x = createTabs;\n"),
    'no-restricted-imports',
    /src\/messaging\/ may import only/,
  ],
  [
    'the popup importing a browser adapter',
    at('popup/popup.tsx', "import { createTabs } from '../src/browser/tabs';\nexport const x = createTabs;\n"),
    'no-restricted-imports',
    /popup\/ and options\/ stand on src\/ui/,
  ],
  [
    'a slice importing the composition root',
    at('src/ui/counts.ts', "import '../worker';\n"),
    'no-restricted-imports',
    /nothing imports the composition root/,
  ],
];

const ALLOWED: Array<[string, Case]> = [
  [
    'knowledge importing shared',
    at('src/knowledge/classify.ts', "import { isWithin } from '../shared/hosts';\nexport const x = isWithin;\n"),
  ],
  ['gpc importing blocking', at('src/gpc/gpc.ts', "import { RULE_IDS } from '../blocking/dnr-ids';\nexport const x = RULE_IDS;\n")],
  [
    'the shield relay importing webextension-polyfill',
    at('src/cookie-shield/page/shield-relay.ts', "import browser from 'webextension-polyfill';\nexport const x = browser;\n"),
  ],
  ['the worker importing an adapter', at('src/worker.ts', "import { createTabs } from './browser/tabs';\nexport const x = createTabs;\n")],
  ['a page file using document', at('src/gpc/page/gpc.ts', 'export const title = (): string => document.title;\n')],
];

const BOUNDARY_RULES = ['no-restricted-imports', 'no-restricted-globals', 'no-restricted-properties'];

describe('slice boundaries are enforced by the lint', () => {
  let violations: Found[][];
  let allowed: Found[][];
  beforeAll(() => {
    const results = lint([...VIOLATIONS.map(([, lintCase]) => lintCase), ...ALLOWED.map(([, lintCase]) => lintCase)]);
    violations = results.slice(0, VIOLATIONS.length);
    allowed = results.slice(VIOLATIONS.length);
  }, 120_000);

  test.each(VIOLATIONS.map(([name, , rule, message], index) => [name, rule, message, index] as const))(
    'refused: %s (%s)',
    (_name, rule, message, index) => {
      expect(violations[index]).toContainEqual(expect.objectContaining({ ruleId: rule, message: expect.stringMatching(message) }));
    },
  );

  test.each(ALLOWED.map(([name], index) => [name, index] as const))('allowed: %s', (_name, index) => {
    expect(allowed[index]!.filter(({ ruleId }) => ruleId !== null && BOUNDARY_RULES.includes(ruleId))).toEqual([]);
  });
});
