/**
 * The fixture policy's path and format predicates (src/rule-kit/files.ts): which files are tests, which are
 * example/documentation trees, which are code, and which credential formats are reported in all of them.
 */
import { describe, expect, it } from 'vitest';
import { credentialFormats } from '../../src/catalogue/credentials.js';
import { fileRole, isDocExampleAt, isProviderIssued, isTestFile } from '../../src/rule-kit/files.js';

describe('fileRole', () => {
  const cases: Array<[string, 'test' | 'example' | 'code']> = [
    // test directories and file names
    ['test/keys.ts', 'test'],
    ['tests/unit/jwt.ts', 'test'],
    ['src/__tests__/client.ts', 'test'],
    ['packages/core/src/sign.spec.ts', 'test'],
    ['lib/verify.test.mjs', 'test'],
    ['fixtures/keys.js', 'test'],
    ['test/fixtures/rsa.pem', 'test'],
    ['src/fixture/token.json', 'test'],
    ['src/__mocks__/kms.ts', 'test'],
    ['e2e/login.ts', 'test'],
    ['tap/jwe.test.js', 'test'],
    ['types/test-d/index.test-d.ts', 'test'],
    ['src/Button.stories.tsx', 'test'],
    ['spec/test-utils/webrtc.ts', 'test'],
    // example and documentation trees
    ['cookbook/jwe.mjs', 'example'],
    ['examples/basic/index.ts', 'example'],
    ['example/app.js', 'example'],
    ['samples/hello.ts', 'example'],
    ['docs/README.md', 'example'],
    ['doc/api.md', 'example'],
    // a test inside an example tree is a test
    ['examples/app/test/app.test.ts', 'test'],
    // near misses: a segment must be the whole name
    ['src/testing.ts', 'code'],
    ['src/test-connection.ts', 'code'],
    ['contest/submit.ts', 'code'],
    ['latest/index.ts', 'code'],
    ['src/attestation.ts', 'code'],
    ['src/protest.js', 'code'],
    ['src/docstring.ts', 'code'],
    ['src/exampleData.ts', 'code'],
    ['pulumi-examples/aws-ts/index.ts', 'code'],
    ['src/spectrum.ts', 'code'],
    ['src/keys.ts', 'code'],
    ['src/testament/key.ts', 'code'],
    // test runners' configuration and set-up files
    ['playwright.config.ts', 'test'],
    ['apps/web/vitest.config.mts', 'test'],
    ['jest.setup.js', 'test'],
    ['cypress.config.js', 'test'],
    ['next.config.js', 'code'],
    ['src/jest-like.config.ts', 'code'],
    ['myplaywright.config.ts', 'code'],
    // a conformance suite is a test suite
    ['conformance/op/config.js', 'test'],
    ['packages/server/conformance/keys.json', 'test'],
    ['src/conformance-check.ts', 'code'],
    ['src/nonconformance/a.ts', 'code'],
    // session 40: the runners' and frameworks' other documented test names
    ['test/app.e2e-spec.ts', 'test'], // Nest's e2e suite (jest-e2e.json testRegex)
    ['src/users/users.controller.e2e-spec.ts', 'test'],
    ['src/types.spec-d.ts', 'test'], // Vitest type tests
    ['src/components/Login.cy.tsx', 'test'], // Cypress component spec
    ['src/oidc_auth_test.ts', 'test'], // Deno's *_test.ts
    ['lib/token_test.mjs', 'test'],
    ['src/middleware/jwk/keys.test.json', 'test'], // data named as a test's own
    ['config/jwks.spec.yaml', 'test'],
    ['src/__snapshots__/token.test.ts.snap', 'test'], // Jest snapshots
    ['.storybook/preview.ts', 'test'], // Storybook configuration
    ['libs/ui/.storybook/main.mjs', 'test'],
    ['src.ts/_tests/test-wallet.ts', 'test'],
    ['src/import/test-fixtures/products.csv', 'test'],
    ['src/setupTests.ts', 'test'], // Create React App
    ['apps/client/src/test-setup.ts', 'test'], // Nx, jest-preset-angular
    ['packages/logger/jest/setup-tests.ts', 'test'],
    ['packages/bot-engine/src/test-preload.ts', 'test'], // Bun preload
    ['test-setup-polyfill.ts', 'test'],
    // test doubles by name: stubs, fakes, mocks
    ['packages/core/src/stub-crypto-provider.ts', 'test'],
    ['src/services/kms.stub.ts', 'test'],
    ['src/clients/fake-s3.js', 'test'],
    ['src/clients/s3-fake.ts', 'test'],
    ['src/stubs/inquirer.js', 'test'],
    ['src/__fakes__/kms.ts', 'test'],
    ['setup-extension-mock.ts', 'test'],
    ['packages/mocks/src/fileMock.cjs', 'test'],
    ['src/gas/meteorologyMock.ts', 'test'],
    ['modules/RTC/MockClasses.ts', 'test'],
    ['src/channel/MockChannel.ts', 'test'],
    // an emulator is product code as often as test tooling (docs/audit.md, session 31)
    ['src/emulator/auth/operations.ts', 'code'],
    // near misses: product features named with the same words
    ['src/helpers/backend/queries/MockServer.ts', 'code'], // an API client's mock server feature
    ['src/app/mock-server/mock-rule-matcher.js', 'code'],
    ['src/utils/faker-functions.ts', 'code'],
    ['src/Mockup.tsx', 'code'],
    ['src/mockingbird.ts', 'code'],
    ['src/stubborn.ts', 'code'],
    ['src/emulation/cpu.ts', 'code'],
    ['src/testimonial.ts', 'code'],
    ['src/latest.ts', 'code'],
    ['src/contest/entry.ts', 'code'],
    ['src/protest.ts', 'code'],
    ['src/attestation.ts', 'code'],
    ['src/demographics.ts', 'code'],
    ['src/models/samples.ts', 'code'],
    ['src/audio/SampleRate.ts', 'code'],
    ['src/routes/test-connection.ts', 'code'], // AVA's test-*.js is left out: products name features so
    ['src/runtime/test-runtime.js', 'code'],
    ['lib/routes/api/account-test.js', 'code'],
    ['src/firestore/api-spec.ts', 'code'],
    ['src/latest_test_results.ts', 'code'],
    ['storybook.ts', 'code'],
    ['.env.defaults', 'code'], // loaded at run time by dotenv-defaults: live keys
    // demo trees are examples
    ['demo/server.js', 'example'],
    ['rtmpServers/demos/client/client.js', 'example'],
    ['src/demo-mode.ts', 'code'],
    // published test vectors: data files named for them, and test-vector directories
    ['nip44.vectors.json', 'test'],
    ['packages/crypto/vectors.json', 'test'],
    ['src/aes-gcm-vectors.json', 'test'],
    ['data/test_vectors.txt', 'test'],
    ['kdf/pbkdf2.vectors.yaml', 'test'],
    ['testvectors/ecdsa_secp256k1_sha256_test.json', 'test'],
    ['crypto/test-vectors/hkdf.json', 'test'],
    ['cavp/gcm_vectors.rsp', 'test'],
    // near misses: code named vectors, a singular vector, a word that only starts with vectors, a config file
    ['src/vectors.ts', 'code'],
    ['src/math/vectors.js', 'code'],
    ['config/vector.json', 'code'],
    ['config/vectorstore.json', 'code'],
    ['src/vectors/keys.json', 'code'],
    ['deploy/vectors.env', 'code'],
    ['src/invectors.json', 'code'],
    // documentation by file kind, wherever it sits
    ['README.md', 'example'],
    ['packages/cli/CHANGELOG.md', 'example'],
    ['typescript/rds/aurora/README.md', 'example'],
    ['guide/setup.MDX', 'example'],
    ['manual/install.adoc', 'example'],
    ['python/index.rst', 'example'],
    ['notes.markdown', 'example'],
    // HTML is documentation only under a tutorial or guide directory
    ['app/views/tutorial/a1.html', 'example'],
    ['site/guides/deploy/step2.htm', 'example'],
    ['app/views/login.html', 'code'],
    ['public/index.html', 'code'],
    ['src/tutorial/Step.tsx', 'code'],
    ['src/guide.html', 'code'],
    // near misses for the kinds: the extension must end the name
    ['src/md5.ts', 'code'],
    ['src/readme.ts', 'code'],
    ['docs.mdx.ts', 'code'],
    ['src/first.rst.js', 'code'],
    // configuration templates named to be copied and filled in
    ['.env.example', 'example'],
    ['apps/web/.env.sample', 'example'],
    ['.env.template', 'example'],
    ['.env.dist', 'example'],
    ['example.env', 'example'],
    ['config/settings.json.example', 'example'],
    ['.env', 'code'],
    ['.env.production', 'code'],
    ['.env.local', 'code'],
    ['src/example.ts', 'code'],
    ['stack.template', 'code'],
    ['config/sample.json', 'code'],
    // environment files a test run loads; near misses: production, local, and a name that only starts with test
    ['.env.test', 'test'],
    ['apps/web/.env.test.local', 'test'],
    ['.env.testing', 'test'],
    ['.env.ci', 'test'],
    ['.env.e2e', 'test'],
    ['.env.tester', 'code'],
    ['.env.staging', 'code'],
    // database seed scripts in the layouts of knex, Sequelize and Prisma, and *.seed.ts
    ['packages/prisma/seed/initial-seed.ts', 'test'],
    ['prisma/seed.ts', 'test'],
    ['db/seeds/01_users.js', 'test'],
    ['src/database/seeders/20240101-demo-user.js', 'test'],
    ['src/modules/users/users.seed.ts', 'test'],
    ['src/db/admin.seeder.ts', 'test'],
    // near misses: seed-phrase code in a wallet, a CLI's `db seed` command, seed helpers
    ['src/wallet/seed/derive.ts', 'code'],
    ['packages/cli/src/commands/database/seed/index.ts', 'code'],
    ['src/seed.ts', 'code'],
    ['src/seedPhrase.ts', 'code'],
    ['src/db/seed-utils.ts', 'code'],
    // development environments and mock modules
    ['.devcontainer/devcontainer.json', 'test'],
    ['.devcontainer/docker-compose.yml', 'test'],
    ['.gitpod.yml', 'test'],
    ['devenv.nix', 'test'],
    ['nix/devenv.nix.bak', 'code'],
    ['flake.nix', 'code'],
    ['packages/connectors/connector-alipay/src/mock.ts', 'test'],
    ['src/api/mocks.js', 'test'],
    ['src/mockServer.ts', 'code'],
    ['src/hammock.ts', 'code'],
    ['gitpod.ts', 'code'],
    // directories named as a compound ending in tests or testing (a monorepo's test package, a load-test tree)
    ['packages/api-tests/src/auth/server.js', 'test'],
    ['integration_tests/db/setup.ts', 'test'],
    ['packages/dev-server/load-testing/utils/request.js', 'test'],
    ['E2E-Tests/login.ts', 'test'],
    // near misses: product experiments, a singular -test feature, a file name, tests only as a prefix
    ['src/features/ab-tests/variants.ts', 'code'],
    ['src/split-tests/config.ts', 'code'],
    ['src/speed-test/run.ts', 'code'],
    ['src/connection-tests.ts', 'code'],
    ['src/tests-runner/index.ts', 'code'],
    ['src/attestations/keys.ts', 'code'],
    // example packages named with example- or examples- first; a name that only ends in examples stays code
    ['modules/example-browser/src/rsa.ts', 'example'],
    ['packages/examples-node/index.js', 'example'],
    ['src/example-data.ts', 'code'],
    ['aws-examples/index.ts', 'code'],
    // test utility modules named as such (a file or a directory), in kebab, snake and camel case
    ['src/test-utils.tsx', 'test'],
    ['test-utils.js', 'test'],
    ['src/testing-utils.ts', 'test'],
    ['src/test-helpers.ts', 'test'],
    ['src/app/shared/test-helpers/mock-services.ts', 'test'],
    ['packages/test-utils/src/keys.ts', 'test'],
    ['lib/test_helper.js', 'test'],
    ['src/utils/testUtils.ts', 'test'],
    ['src/TestHelpers.mjs', 'test'],
    ['packages/lib/services/e2ee/ppkTestUtils.ts', 'test'],
    ['src/authTestHelpers/tokens.ts', 'test'],
    ['src/e2e-test-utils.ts', 'test'],
    ['src/crypto.test-helpers.ts', 'test'],
    // near misses: a word that only contains "test", product experiments, other kinds of file, other names
    ['src/latestHelpers.ts', 'code'],
    ['src/latest-utils.ts', 'code'],
    ['src/contestUtils.ts', 'code'],
    ['src/attest-helpers.ts', 'code'],
    ['src/features/ab-test-utils.ts', 'code'],
    ['src/abTestHelpers.ts', 'code'],
    ['src/splitTestUtils/variants.ts', 'code'],
    ['src/test-utils.json', 'code'],
    ['src/testUtilsConfig.ts', 'code'],
    ['src/utils/test-runner.ts', 'code'],
    ['src/helpers/test.ts', 'code'],
    // the Android debug signing keystore, not a release keystore
    ['android/app/debug.keystore', 'test'],
    ['keystores/debug.jks', 'test'],
    ['android/app/release.keystore', 'code'],
    ['android/app/my-upload-key.keystore', 'code'],
    ['android/app/debug.keystore.properties', 'code'],
    ['android/app/notdebug.keystore', 'code'],
  ];
  for (const [path, role] of cases) {
    it(`${path} → ${role}`, () => {
      expect(fileRole(path)).toBe(role);
      expect(isTestFile(path)).toBe(role !== 'code');
    });
  }

  it('judges the path inside the project, not where the project lives on disk', () => {
    expect(fileRole('/home/ci/test/project/src/keys.ts', '/home/ci/test/project')).toBe('code');
    expect(fileRole('/srv/examples/app/src/keys.ts', '/srv/examples/app/')).toBe('code');
    expect(fileRole('/home/ci/test/project/test/keys.ts', '/home/ci/test/project')).toBe('test');
    // outside the cwd, the whole path is judged
    expect(fileRole('/home/ci/test/keys.ts', '/elsewhere')).toBe('test');
  });

  it('answers each (file, cwd) pair on its own when the same file is asked with and without a cwd in turn', () => {
    // fileRole keeps its last answer (session 22); the answer must follow both arguments.
    const file = '/home/ci/test/project/src/keys.ts';
    const got = [
      fileRole(file, '/home/ci/test/project'),
      fileRole(file),
      fileRole(file, '/home/ci/test/project'),
      fileRole('/home/ci/test/project/src/keys.ts', '/elsewhere'),
      fileRole('/home/ci/test/project/docs/keys.ts', '/home/ci/test/project'),
      fileRole(file, '/home/ci/test/project'),
    ];
    expect(got).toEqual(['code', 'test', 'code', 'test', 'example', 'code']);
  });

  it('accepts Windows separators', () => {
    expect(fileRole('C:\\repo\\test\\keys.ts', 'C:\\repo')).toBe('test');
    expect(fileRole('C:\\repo\\docs\\guide.md', 'C:\\repo')).toBe('example');
    expect(fileRole('C:\\repo\\src\\keys.ts', 'C:\\repo')).toBe('code');
  });
});

describe('isProviderIssued', () => {
  it('holds for provider formats recognised on their own (prefix, length, checksum)', () => {
    for (const id of [
      'github-classic-pat',
      'stripe-secret-key',
      'aws-access-key-id',
      'npm-access-token',
      'slack-token',
    ])
      expect(isProviderIssued(id), id).toBe(true);
  });

  it('does not hold for generic formats, private keys, or formats that need a name around them', () => {
    for (const id of [
      'private-key-block',
      'jwt',
      'bearer-token',
      'basic-auth-header',
      'url-password',
      'connection-string-password',
      'password-assignment',
      // a 40-character base64 string is an AWS secret only when its name says so
      'aws-secret-access-key',
      'twilio-auth-token',
      'published-example',
      // a provider's shape whose checksum fails: mistyped or made up, so nothing proves a provider issued it
      'github-token-unverified',
      'npm-token-unverified',
      'no-such-format',
    ])
      expect(isProviderIssued(id), id).toBe(false);
    expect(isProviderIssued(undefined)).toBe(false);
  });

  it('agrees with the catalogue for every format', () => {
    for (const f of credentialFormats) {
      const generic =
        f.provider === 'generic' || f.kind === 'private-key' || 'context' in f || ('unverified' in f && f.unverified);
      expect(isProviderIssued(f.id), f.id).toBe(!generic);
    }
  });
});

describe('isDocExampleAt', () => {
  // Comment bodies as ESLint gives them (`comment.value`, without the slash-star delimiters).
  const at = (comment: string, needle: string): boolean => isDocExampleAt(comment, comment.indexOf(needle));

  it('holds inside a JSDoc @example section, up to the next block tag', () => {
    const doc = '*\n * Signs a token.\n *\n * @example\n *\n * const secret = VALUE\n *\n * @since 2.0\n * NEXT\n ';
    expect(at(doc, 'VALUE')).toBe(true);
    expect(at(doc, 'NEXT')).toBe(false);
    expect(at(doc, 'Signs')).toBe(false);
  });

  it('holds inside the tags that document a value: a sample body after @argument, a response after @returns', () => {
    const route =
      '*\n * POST /auth/register\n * @argument { "username": "u1", "password": "BODY" }\n *\n' +
      ' * @returns {token: "RESULT"}\n * @deprecated use /v2 LATER\n ';
    expect(at(route, 'BODY')).toBe(true);
    expect(at(route, 'RESULT')).toBe(true);
    expect(at(route, 'LATER')).toBe(false);
    expect(at(route, 'POST')).toBe(false);
    expect(at('*\n * @param password e.g. PARAM\n ', 'PARAM')).toBe(true);
    expect(at('*\n * @property pwd defaults to PROP\n ', 'PROP')).toBe(true);
    // a plain comment, and a tag that documents no value (`@see`, `@todo`), are not documentation of usage
    expect(at('* the admin password is PLAIN ', 'PLAIN')).toBe(false);
    expect(at('*\n * @todo rotate TODO\n ', 'TODO')).toBe(false);
    expect(at('*\n * @parameter x PARAMETER\n ', 'PARAMETER')).toBe(false);
  });

  it('holds inside a Markdown code fence, and not after it closes', () => {
    const doc = '*\n * Usage:\n * ```js\n * sign(VALUE)\n * ```\n * AFTER\n * ~~~\n * TILDE\n * ~~~\n ';
    expect(at(doc, 'VALUE')).toBe(true);
    expect(at(doc, 'AFTER')).toBe(false);
    expect(at(doc, 'TILDE')).toBe(true);
  });

  it('does not hold in a plain comment, under another tag, or for @examples-like words', () => {
    expect(at(' TODO: rotate VALUE ', 'VALUE')).toBe(false);
    expect(at('*\n * @throws secret VALUE\n ', 'VALUE')).toBe(false);
    expect(at('*\n * see the examples: VALUE\n ', 'VALUE')).toBe(false);
    expect(at('*\n * @exampleValue VALUE\n ', 'VALUE')).toBe(false);
    // inline code spans are not fences
    expect(at('*\n * call `sign(VALUE)` ', 'VALUE')).toBe(false);
  });
});
