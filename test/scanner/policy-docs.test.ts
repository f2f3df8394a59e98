/**
 * The fixture policy's documentation and template signals, end to end on a tree written here: Markdown and
 * other documentation files wherever they sit, HTML pages under a tutorial directory, configuration templates
 * (`.env.example`), a conformance suite, and JSDoc `@example` blocks. Each has a near miss that stays code, and
 * a provider-issued credential is reported in every one of them. Every secret-shaped value here is FAKE.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult, Finding } from '../../src/report/types.js';
import { auditTree, FAKE_EC_PEM as PEM, FAKE_GITHUB_TOKEN as GITHUB_TOKEN } from '../helpers/tree.js';

const PASSWORD = ['Hq7Lp2', 'xR9!v'].join(''); // a made-up password: letters, digits and a symbol
// Each withheld place holds its own value: one value in several places is one finding (one-per-secret.test.ts).
const pw = (n: number): string => PASSWORD.replace('Hq7', `Hq${n}`);
const SESSION_SECRET = ['q9Zt7sK2mN4pL8vR', '6xW1yB5cD3eF7gH9'].join('');
const JWT = [
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
  'eyJzdWIiOiJraC1wb2xpY3ktdGVzdCIsImlhdCI6MTc2NDkwMDAwMH0',
  'Zr4kP8wQx2aLq9vX2p7Hq7Lp2xR9vBn3Mk5Tj8Wc1Ye',
].join('.');

const tree: Record<string, string> = {
  // documentation by kind: a generic password is an example; a provider-issued token is reported anyway
  'README.md': `# Setup\n\nConnect with:\n\n    password: "${pw(1)}"\n`,
  'deploy/rds/README.md': `Sample output:\n\n    export GITHUB_TOKEN=${GITHUB_TOKEN}\n`,
  'guide/install.adoc': `== Install\n\n password: "${pw(2)}"\n`,
  // HTML: documentation under a tutorial directory, an app's view elsewhere
  'app/views/tutorial/a1.html': `<p>Log in as admin with <code>password: "${pw(3)}"</code></p>\n`,
  'app/views/login.html': `<p>Log in as admin with <code>password: "${PASSWORD}"</code></p>\n`,
  // configuration templates and the real file beside them
  '.env.example': `SESSION_SECRET=${SESSION_SECRET.replace('q9Z', 'q8Z')}\n`,
  '.env': `SESSION_SECRET=${SESSION_SECRET}\n`,
  // a conformance suite is a test suite; a file whose name merely contains the word is code
  'conformance/op/signing.pem': PEM.replace('FakeFAKEfake', 'ConfCONFconf'),
  'src/conformance-keys/signing.pem': PEM,
  // JSDoc: a token in an @example block is documentation, the same token in a plain comment is not
  'src/sign.ts': [
    '/**',
    ' * Signs a token.',
    ' *',
    ' * @example',
    ' *',
    ' * ```js',
    ` * const token = '${JWT}'`,
    ' * ```',
    ' */',
    'export function sign(): void {}',
    '',
    `// the token the staging verifier accepts: ${JWT}`,
    'export const staging = 1;',
    '',
    '/**',
    ' * @example',
    ` * process.env.GITHUB_TOKEN = '${GITHUB_TOKEN}'`,
    ' */',
    'export function publish(): void {}',
    '',
  ].join('\n'),
};

describe('the documentation and template signals, end to end', () => {
  let dir: string;
  let result: AuditResult;
  let listed: AuditResult;
  // Every place of every finding: the token reported in two places is one finding with two places.
  const where = (fs: readonly Finding[]): string[] =>
    fs.flatMap((f) => [f.location, ...(f.occurrences ?? [])].map((l) => `${l.file}:${l.line}`)).sort();

  beforeAll(async () => {
    ({ dir, result, listed } = await auditTree('kh-policy-docs-', tree));
  }, 90_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reports code, the near misses and provider-issued tokens, and withholds the rest with a count', () => {
    expect(where(result.findings)).toEqual([
      '.env:1',
      'app/views/login.html:1',
      'deploy/rds/README.md:3',
      'src/conformance-keys/signing.pem:1',
      'src/sign.ts:12',
      'src/sign.ts:15',
    ]);
    expect(result.findings.find((f) => f.location.file === 'deploy/rds/README.md')?.secret?.formatId).toBe(
      'github-classic-pat',
    );
    // README.md, guide/install.adoc, the tutorial page and .env.example are examples; conformance/ is a test
    expect(result.withheld).toEqual({ testFixtures: 1, examples: 4 });
  });

  it('lists what it withheld with includeFixtures, each marked with its class', () => {
    const marked = new Map(listed.findings.map((f) => [f.location.file, f.fixture]));
    expect(marked.get('README.md')).toBe('example');
    expect(marked.get('guide/install.adoc')).toBe('example');
    expect(marked.get('app/views/tutorial/a1.html')).toBe('example');
    expect(marked.get('.env.example')).toBe('example');
    expect(marked.get('conformance/op/signing.pem')).toBe('test-fixture');
    expect(marked.get('.env')).toBeUndefined();
    expect(listed.withheld).toBeUndefined();
  });

  it('does not report, nor count, a generic credential inside a JSDoc @example block', () => {
    // the rule leaves it out (ESLint has no place for a count): only lines 12 and 15 of src/sign.ts appear
    expect(where(listed.findings).filter((w) => w.startsWith('src/sign.ts:'))).toEqual([
      'src/sign.ts:12',
      'src/sign.ts:15',
    ]);
    const token = listed.findings.find((f) => where([f]).includes('src/sign.ts:15'));
    expect(token?.secret?.formatId).toBe('github-classic-pat');
  });
});
