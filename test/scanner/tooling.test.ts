/**
 * Test tooling by its imports (docs/audit.md, "Test tooling by its imports"): a module that cannot load without
 * the repository's test suite or example app is test code under the fixture policy, and so is a module that only
 * such tooling imports, beside it or below it. End to end on a tree written here, with near misses that stay
 * reported: a conditional import of a test mock, a shipped `testing/` helper, a module that deployed code also
 * imports (relatively and through a tsconfig alias), a package entry point, a module only its own test imports,
 * a tooling importer at the root, and a provider-issued token inside tooling.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/report/types.js';
import { importedSuiteRole } from '../../src/rule-kit/files.js';
import { unconditionalImports } from '../../src/scanner/tooling.js';
import { auditTree, FAKE_GITHUB_TOKEN } from '../helpers/tree.js';

// Fixed, made-up 32-byte hex values (no randomness: each must be found every run), one per file so that no two
// findings are one secret.
const HEX = [
  '9e4b2a7d1c8f3e6b5a0d9c2f8e1b4a7d3c6f0e9b2a5d8c1f4e7b0a3d6c9f2e5b',
  '3f8a1c6e9b2d5f0a7c4e1b8d3a6f9c2e5b0d7a4c1f8e3b6d9a2c5f0e7b4d1a8c',
  'b7e2d9a4f1c6b3e8d5a2f7c4b1e6d3a8f5c2b9e4d1a6f3c8b5e2d7a4f1c6b3e9',
  '5c0f7a2e9d4b1c8f6a3e0d7b4c1f9a6e3d0b8c5f2a9e6d3b0c7f4a1e8d5b2c9f',
  'd4a9e2b7c0f5a8d3e6b1c4f9a2d7e0b5c8f3a6d1e4b9c2f7a0d5e8b3c6f1a4d7',
  '6e1b8d3a0f5c2e9b4d7a1c6f3e8b5d0a2c7f4e9b6d1a8c3f0e5b2d7a4c9f6e1b',
  'a2f7c4e9b6d1a8f3c0e5b2d9a6f1c8e3b0d5a2f7c4e9b6d1a8f3c0e5b2d9a6f2',
  '0c5e2a7f4b9d6c1e8a3f0b5d2c7e4a9f6b1d8c3e0a5f2b7d4c9e6a1f8b3d0c5e',
  'f3b8d5a0c7e2f9b4d1a6c3e8f5b0d7a2c9e4f1b6d3a8c5e0f7b2d9a4c1e6f3b9',
  '8d3a6f1c4e9b2d7a0f5c8e3b6d1a4f9c2e7b0d5a8f3c6e1b4d9a2f7c0e5b8d3a',
  '2b7d4a9f6c1e8b3d0a5f2c7e4b9d6a1f8c3e0b5d2a7f4c9e6b1d8a3f0c5e2b7e',
];
const secret = (name: string, i: number): string => `export const ${name} = '${HEX[i]}';\n`;

describe('test tooling by its imports', () => {
  let dir: string;
  let result: AuditResult;
  let listed: AuditResult;
  beforeAll(async () => {
    ({ dir, result, listed } = await auditTree('kh-tooling-', {
      'package.json': JSON.stringify({ name: 'app', main: 'pkg/entry.js' }) + '\n',
      'tsconfig.json':
        JSON.stringify({ compilerOptions: { allowJs: true, baseUrl: '.', paths: { '@lib/*': ['lib/*'] } } }) + '\n',
      'test/helpers/keys.js': 'export const strip = (k) => k;\n',
      'test/utils.js': 'export const noop = () => {};\n',
      '__tests__/fixtures/users.js': 'module.exports = { users: [] };\n',
      'examples/express/routes.js': 'export default function routes() {}\n',
      // 1. an interoperability-test server: imports the tests' helpers; its settings module only it imports
      'interop/server.js':
        "import { strip } from '../test/helpers/keys.js';\nimport settings from './settings.js';\n" +
        secret('serverSecret', 0),
      'interop/settings.js': secret('clientSecret', 1) + 'export default {};\n',
      // 2. a demonstration server built on the example app
      'demo/index.ts': "import routes from '../examples/express/routes.js';\n" + secret('sessionSecret', 2),
      // 3. a load-test harness that requires the tests' fixtures
      'bench/load.cjs': "const { users } = require('../__tests__/fixtures/users');\n" + secret('jwtSecret', 3),
      // near miss: a conditional, dynamic import of a test mock in a server
      'src/app.ts': "if (process.env.MOCK) {\n  await import('../test/utils.js');\n}\n" + secret('appSecret', 4),
      // near miss: a shipped testing helper says nothing about its importer
      'src/index.ts': "export * from './testing/harness.js';\n" + secret('indexSecret', 5),
      'src/testing/harness.ts': 'export const harness = 1;\n',
      // near miss: tooling imports a module that a deploy script also imports
      'tools/dev.js': "import '../test/utils.js';\nimport { shared } from './shared-config.js';\n",
      'tools/shared-config.js': secret('sharedSecret', 6) + 'export const shared = 1;\n',
      'tools/deploy.js': "import { shared } from './shared-config.js';\n",
      // near miss: tooling imports a module that deployed code imports through a tsconfig alias
      'lib/dev-server.js': "import '../test/utils.js';\nimport { cfg } from './config.js';\n",
      'lib/config.js': secret('libSecret', 7) + 'export const cfg = 1;\n',
      'app/main.js': "import { cfg } from '@lib/config';\n",
      // near miss: the package's entry point, imported only by tooling beside it
      'pkg/dev.js': "import '../test/utils.js';\nimport './entry.js';\n",
      'pkg/entry.js': secret('entrySecret', 8),
      // near miss: a module that only its own test imports
      'src/login.ts': secret('loginSecret', 9),
      'src/login.test.ts': "import '../test/utils.js';\nimport './login';\n",
      // near miss: a tooling importer at the root is above everything
      'dev.js': "import './test/utils.js';\nimport './config/keys.js';\n",
      'config/keys.js': secret('configSecret', 10),
      // a provider-issued token is reported wherever it is, test tooling too
      'interop/ci.js': `import '../test/utils.js';\nexport const ghToken = '${FAKE_GITHUB_TOKEN}';\n`,
    }));
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('withholds the tooling and keeps the near misses reported', () => {
    const files = [...new Set(result.findings.map((f) => f.location.file))].sort();
    expect(files).toEqual([
      'config/keys.js',
      'interop/ci.js',
      'lib/config.js',
      'pkg/entry.js',
      'src/app.ts',
      'src/index.ts',
      'src/login.ts',
      'tools/shared-config.js',
    ]);
    expect(result.withheld).toEqual({ testFixtures: 3, examples: 1 });
  });

  it('lists the tooling with --include-fixtures, by what it imports', () => {
    const marked = listed.findings
      .filter((f) => f.fixture !== undefined)
      .map((f) => [f.location.file, f.fixture])
      .sort();
    expect(marked).toEqual([
      ['bench/load.cjs', 'test-fixture'],
      ['demo/index.ts', 'example'],
      ['interop/server.js', 'test-fixture'],
      ['interop/settings.js', 'test-fixture'],
    ]);
  });
});

describe('unconditionalImports', () => {
  it('reads top-level imports, re-exports, requires and awaited imports', () => {
    const text = [
      "import a from './a.js';",
      "import type { B } from './b.js';",
      "export { c } from './c.js';",
      "export type { D } from './d.js';",
      "const e = require('./e');",
      "const f = require('./f').f;",
      "const g = (await import('./g.js')).default;",
      "require('./h');",
      "import i = require('./i');",
      "if (x) { require('./j'); }",
      "function k() { return import('./k.js'); }",
      "const l = cond ? require('./l') : null;",
    ].join('\n');
    expect(unconditionalImports('m.ts', text)).toEqual(['./a.js', './c.js', './e', './f', './g.js', './h', './i']);
  });
});

describe('importedSuiteRole', () => {
  it('names test suites, fixtures and example apps, and not shipped test helpers', () => {
    expect(importedSuiteRole('test/keys.js')).toBe('test');
    expect(importedSuiteRole('packages/a/__tests__/util.ts')).toBe('test');
    expect(importedSuiteRole('src/auth.spec.ts')).toBe('test');
    expect(importedSuiteRole('fixtures/users.js')).toBe('test');
    expect(importedSuiteRole('example/support/account.js')).toBe('example');
    expect(importedSuiteRole('samples/app.ts')).toBe('example');
    expect(importedSuiteRole('src/testing/harness.ts')).toBeUndefined();
    expect(importedSuiteRole('src/__mocks__/fs.ts')).toBeUndefined();
    expect(importedSuiteRole('src/mock.ts')).toBeUndefined();
    expect(importedSuiteRole('docs/config.js')).toBeUndefined();
    expect(importedSuiteRole('src/latest/x.ts')).toBeUndefined();
    expect(importedSuiteRole('src/contest.ts')).toBeUndefined();
  });
});
