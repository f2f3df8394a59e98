/**
 * File-kind predicates from a path alone (no I/O), and the fixture policy that every rule in `recommended`
 * and every audit pass share (docs/audit.md, "Test fixtures and published examples"):
 *
 * - **test** files (test/spec directories and file names, fixtures, mocks, stories, e2e suites) and
 *   **example** trees (`examples/`, `samples/`, `cookbook/`, `docs/`) hold deliberate keys: test vectors,
 *   expired JWTs, small RSA keys made for speed, RFC example keys. Findings there are withheld by default;
 *   the audit counts them and lists them with `--include-fixtures`.
 * - The one exception is a **provider-issued credential** (`isProviderIssued`): a format whose prefix or
 *   checksum proves a provider issued it (a GitHub token with a valid CRC-32, a Stripe live secret key, an
 *   AWS access key id). In a test it is as live as anywhere else, so it is reported wherever it is.
 */
import { credentialFormats } from '../catalogue/credentials.js';
import type { CredentialFormat } from '../catalogue/types.js';
import { testDirectories, valueDocTags } from '../catalogue/index.js';

/** What a path is for, as far as the fixture policy is concerned. */
export type FileRole = 'test' | 'example' | 'code';

const SEP = String.raw`[/\\]`;

/**
 * File names that say test: `x.test.ts`, `x.spec.js`, `x.stories.tsx`, `x.test-d.ts`, and the runners' other
 * documented names: Nest's e2e suites (`app.e2e-spec.ts`, the `testRegex` of its `jest-e2e.json`), Vitest's type tests
 * (`x.spec-d.ts`), Cypress specs (`x.cy.ts`), Deno's `x_test.ts` (`{*_,*.,}test.{ts,js,...}`), and test doubles named
 * for their kind (`x.stub.ts`, `x-fake.js`). Data files named as a test's own (`keys.test.json`, `jwks.spec.yaml`).
 */
const TEST_SUFFIX =
  String.raw`(?:\.(?:test|spec|e2e|e2e-spec|spec-d|cy|stories|story|mock|fixture|test-d)|_test|[-_.](?:stub|fake)s?)` +
  String.raw`\.[cm]?[jt]sx?$|\.(?:test|spec)\.(?:json|ya?ml)$`;

/**
 * Test set-up modules, named for the runner's set-up hook: Create React App's `src/setupTests.js`, Nx and
 * jest-preset-angular's `test-setup.ts`, a Bun `test-preload.ts` (`[test] preload` in bunfig.toml); a suffix after
 * the name too (`test-setup-polyfill.ts`).
 */
const TEST_SETUP_FILE =
  String.raw`(?:^|${SEP})(?:test[-_]?(?:setup|preload)|setup[-_]?tests?)` +
  String.raw`(?:[-_.][^/\\]*)?\.[cm]?[jt]sx?$`;

/**
 * Test doubles by name (Meszaros's vocabulary: stub, fake, mock): a module whose name starts with `stub-` or `fake-`
 * (`stub-crypto-provider.ts`; `faker-functions.ts`, a product's fake-data feature, does not), or ends in `-mock`
 * (`setup-extension-mock.ts`). A kebab `mock-` first is left out: API clients ship a mock server as a feature
 * (`mock-server/mock-rule-matcher.js`).
 */
const DOUBLE_FILE = String.raw`(?:^|${SEP})(?:stub|fake)[-_][^/\\]*\.[cm]?[jt]sx?$|[-_]mocks?\.[cm]?[jt]sx?$`;

/** Test runners' own configuration and set-up files: `playwright.config.ts`, `jest.setup.js`, `vitest.config.mts`. */
const TEST_RUNNER_FILE =
  String.raw`(?:^|${SEP})(?:playwright|cypress|jest|vitest|karma|wdio|ava)\.(?:config|setup)` +
  String.raw`\.[cm]?[jt]s$`;

/**
 * Environment files a test run loads (`NODE_ENV=test` makes dotenv-flow and Next.js read `.env.test`): `.env.test`,
 * `.env.testing`, `.env.ci`, `.env.e2e`, each optionally `.local`.
 */
const TEST_ENV_FILE = String.raw`(?:^|${SEP})\.env\.(?:test|testing|ci|e2e)(?:\.local)?$`;

/**
 * Database seed scripts, which fill a development or e2e database with demo records, in the layouts whose tools
 * document them as test or sample data: knex's `seeds/`, Sequelize's `seeders/`, Prisma's `prisma/seed.ts` or
 * `prisma/seed/`, and `*.seed.ts` / `*.seeder.ts` files. A bare `seed/` is left to code: a CLI's `db seed`
 * command sets up a production database, and in a wallet `seed/` holds seed-phrase derivation.
 */
const SEED_PATH =
  String.raw`(?:^|${SEP})(?:seeds|seeders)${SEP}|(?:^|${SEP})prisma${SEP}seed(?:${SEP}|\.[cm]?[jt]s$)|` +
  String.raw`\.(?:seed|seeder)\.[cm]?[jt]s$`;

/**
 * Development environments and mock modules: a Gitpod workspace (`.gitpod.yml`) or a devenv.sh shell
 * (`devenv.nix`; dev containers are the `.devcontainer/` directory above) starts its own throwaway services,
 * and a module named `mock.ts` or `mocks.js` holds the mock data of the tests beside it.
 */
const DEV_OR_MOCK_FILE = String.raw`(?:^|${SEP})(?:\.gitpod\.ya?ml|devenv\.nix|mocks?\.[cm]?[jt]sx?)$`;

/**
 * Test-vector data: "test vectors" is cryptography's name for known-answer data (the RFCs' "Test Vectors"
 * appendices, Wycheproof's `testvectors/`, NIST CAVP's `.rsp` response files), and a specification's published
 * vectors ship as a data file named for them: `nip44.vectors.json`, `vectors.json`, `aes-gcm-vectors.json`,
 * `test_vectors.txt`, or a `test-vectors/` directory. Only data files (JSON, YAML, text, CSV, CAVP `.rsp`): a
 * `vectors.ts` module may be a geometry library's code, and `vector.json` or `vectorstore.json` is not named so.
 */
const TEST_VECTOR_PATH =
  String.raw`(?:^|${SEP})test[-_]?vectors${SEP}|(?:^|${SEP}|[._-])vectors(?:[._-][^/\\]*)?` +
  String.raw`\.(?:json|ya?ml|txt|csv|rsp)$`;

/**
 * A directory named as a compound whose last word is `tests` or `testing` (`integration-tests/`, `api_tests/`,
 * `bruno-tests/`, the test server package of a monorepo; `load-testing/`): the name says what the tree is for, as
 * `tests/` does. Product experiments are left out (`ab-tests/`, `split-tests/`: an A/B test is a feature), and so is
 * a singular `-test` (`speed-test/`, `connection-test/` are features of the apps that have them).
 */
const EXPERIMENT_WORD = String.raw`(?:ab|a-b|a_b|split|multivariate)`;
const EXPERIMENTS = String.raw`${EXPERIMENT_WORD}[-_]tests${SEP}`;
const COMPOUND_TEST_DIR = String.raw`(?!${EXPERIMENTS})[a-z0-9]+(?:[-_][a-z0-9]+)*[-_]`;
const TEST_COMPOUND = String.raw`(?:^|${SEP})${COMPOUND_TEST_DIR}(?:tests|testing)${SEP}`;

/**
 * Test utility modules, named as such: a directory or JS/TS module whose name ends in `test-utils`, `test_helpers`,
 * `testUtils`, `testing-helpers` (singular too), alone or after words joined by `-`, `_` or `.` (`e2e-test-utils/`,
 * `ppk.test-helpers.ts`). React Testing Library's documented `test-utils.js`, the `test-helpers/` directory of
 * Angular and Ember apps and a monorepo's `test-utils` package hold what the tests share: mock services, sample
 * tokens, key pairs made for the tests. Product experiments stay code (`ab-test-utils.ts`).
 */
const UTIL_END = String.raw`(?:utils?|helpers?)(?:${SEP}|\.[cm]?[jt]sx?$)`;
const TEST_UTIL =
  String.raw`(?:^|${SEP})(?!${EXPERIMENT_WORD}[-_.]?test)(?:[a-z0-9]+[-_.])*` +
  String.raw`test(?:ing)?[-_]?${UTIL_END}`;

/**
 * Mock modules in camelCase or PascalCase, case-sensitive: `fileMock.js` (Jest's documented stub for static assets
 * in `moduleNameMapper`), `metadataMock.ts`, `MockClasses.ts`, `MockChannel.ts`. `MockServer.ts` is left out (a mock
 * server is a feature API clients ship), and so are `mockingbird.ts` and `Mockup.tsx` (no capital after `Mock`).
 */
const CAMEL_MOCK = String.raw`[a-z0-9]Mocks?\.[cm]?[jt]sx?$|(?:^|${SEP})Mock(?!Server)[A-Z][A-Za-z0-9]*\.[cm]?[jt]sx?$`;

/**
 * The same in camelCase after other words (`ppkTestUtils.ts`, `authTestHelpers/`): case-sensitive, so the capital
 * `T` starts a word and `latestHelpers.ts` or `contestUtils.ts` stay code.
 */
const CAMEL_TEST_UTIL = new RegExp(
  String.raw`(?:^|${SEP})(?!(?:[Aa]b|[Ss]plit|[Mm]ultivariate)Test)[A-Za-z0-9]*[a-z0-9]` +
    String.raw`Test(?:ing)?(?:Utils?|Helpers?)(?:${SEP}|\.[cm]?[jt]sx?$)|${CAMEL_MOCK}`,
);

/**
 * The Android debug signing keystore (`debug.keystore`, `debug.jks`): the Android tools create it for debug builds
 * with the documented store password `android` and alias `androiddebugkey`, and React Native's app template ships
 * one in `android/app/`. Release builds are signed with another keystore.
 */
const DEBUG_KEYSTORE = String.raw`(?:^|${SEP})debug\.(?:keystore|jks)$`;

const TEST_PATH = new RegExp(
  `(?:^|${SEP})(?:${testDirectories.segments.join('|')})${SEP}|${TEST_COMPOUND}|${TEST_SUFFIX}|${TEST_RUNNER_FILE}|` +
    `${TEST_ENV_FILE}|${SEED_PATH}|${DEV_OR_MOCK_FILE}|${TEST_VECTOR_PATH}|${TEST_UTIL}|${DEBUG_KEYSTORE}|` +
    `${TEST_SETUP_FILE}|${DOUBLE_FILE}`,
  'i',
);

/**
 * What shipped code never imports: a test suite or its fixtures (`test/`, `__tests__/`, `spec/`, `fixtures/`,
 * `e2e/`, `conformance/`, `*.test.ts`, `*.spec.js`) and an example app (`example/`, `samples/`). Test helpers that
 * packages do ship (`testing/`, `mocks/`, `__mocks__/`, `mock.ts`, stories) are left out: importing them says
 * nothing about the importer. Read by the audit's test-tooling signal (src/scanner/tooling.ts).
 */
const TEST_SUITE_PATH = new RegExp(
  String.raw`(?:^|${SEP})(?:test|tests|__tests__|__test__|spec|specs|fixtures?|__fixtures__|e2e|conformance|` +
    String.raw`testdata|test-data|${COMPOUND_TEST_DIR}tests)${SEP}|\.(?:test|spec|e2e|fixture)\.[cm]?[jt]sx?$`,
  'i',
);
const EXAMPLE_APP_PATH = new RegExp(String.raw`(?:^|${SEP})(?:examples?|samples?)${SEP}`, 'i');

/**
 * The role a module lends to the code that imports it unconditionally: `test` for a test suite or fixture,
 * `example` for an example app, undefined for anything else (docs/audit.md, "Test tooling by its imports").
 */
export function importedSuiteRole(rel: string): 'test' | 'example' | undefined {
  const p = rel.replace(/\\/g, '/');
  return TEST_SUITE_PATH.test(p) ? 'test' : EXAMPLE_APP_PATH.test(p) ? 'example' : undefined;
}

/**
 * Documentation, example and demo trees (code written to be read and copied, with keys made up or published), and
 * example packages named with `example-` or `examples-` first (`example-browser/`, `examples-node/`: a monorepo's
 * example modules). A name that only ends in examples stays code (`pulumi-examples/` is as often the directory a
 * whole repository is checked out in).
 */
const EXAMPLE_PATH = new RegExp(
  String.raw`(?:^|${SEP})(?:examples?|samples?|demos?|cookbook|docs?|examples?-[a-z0-9][\w.-]*)${SEP}`,
  'i',
);

/**
 * Documentation by file kind, wherever it sits: Markdown (a README, a CHANGELOG), MDX, AsciiDoc and
 * reStructuredText are prose written to be read, like the docs/ tree. HTML is an app's view as often as a
 * page of prose, so only HTML pages under a `tutorial(s)/` or `guide(s)/` directory count.
 */
const DOC_FILE = new RegExp(
  String.raw`\.(?:md|mdx|markdown|adoc|asciidoc|rst)$|(?:^|${SEP})(?:tutorials?|guides?)${SEP}(?:[^/\\]+${SEP})*` +
    String.raw`[^/\\]+\.html?$`,
  'i',
);

/**
 * Configuration templates, named to be copied and filled in: `.env.example`, `.env.sample`,
 * `.env.template`, `.env.dist`, `example.env`, `config.json.example`, `settings.yml.sample`. Not `.env.defaults`:
 * dotenv-defaults and dotenv-flow load it at run time under the real `.env`, so its keys are live (a browser extension
 * bundles them).
 */
const TEMPLATE_FILE = new RegExp(
  String.raw`(?:^|${SEP})(?:[^/\\]+\.(?:example|sample)|\.env\.(?:template|tmpl|dist)|(?:example|sample)\.env)$`,
  'i',
);

/** The path inside the project, not where the project happens to live on disk. */
function projectPath(filename: string, cwd?: string): string {
  const rel = filename.replace(/\\/g, '/');
  const base = cwd?.replace(/\\/g, '/').replace(/\/+$/, '');
  return base && rel.startsWith(`${base}/`) ? rel.slice(base.length + 1) : rel;
}

/**
 * The role of a file: `test` wins over `example` (`examples/x/test/a.ts` is a test), and anything else is
 * `code`. Judged on the path relative to `cwd` when the file is under it.
 */
export function fileRole(filename: string, cwd?: string): FileRole {
  // Every rule asks about the file it lints, one after another: the last answer is kept (a pure function of the
  // two strings).
  if (lastRole && filename === lastRole.filename && cwd === lastRole.cwd) return lastRole.role;
  const rel = projectPath(filename, cwd);
  const role: FileRole =
    TEST_PATH.test(rel) || CAMEL_TEST_UTIL.test(rel)
      ? 'test'
      : EXAMPLE_PATH.test(rel) || DOC_FILE.test(rel) || TEMPLATE_FILE.test(rel)
        ? 'example'
        : 'code';
  lastRole = { filename, cwd, role };
  return role;
}
let lastRole: { readonly filename: string; readonly cwd: string | undefined; readonly role: FileRole } | undefined;

/**
 * True for files the fixture policy covers: tests, fixtures and example/documentation trees. Rules
 * report there only what `isProviderIssued` allows (or nothing, for rules that judge code, not values).
 */
export function isTestFile(filename: string, cwd?: string): boolean {
  return fileRole(filename, cwd) !== 'code';
}

const byId = new Map<string, CredentialFormat>(credentialFormats.map((f) => [f.id, f as CredentialFormat]));

/**
 * A credential whose format proves that a provider issued it: a provider's own format (not the generic
 * ones: private-key blocks, JWTs, passwords in URLs and connection strings, Basic and Bearer headers) that
 * is recognised on its own, by prefix, length and checksum, without a name around it to say what it is.
 * Such a value is reported in tests and examples too: a live token there is as leaked as anywhere.
 */
export function isProviderIssued(formatId: string | undefined): boolean {
  const f = formatId === undefined ? undefined : byId.get(formatId);
  return (
    f !== undefined &&
    f.provider !== 'generic' &&
    f.kind !== 'private-key' &&
    f.context === undefined &&
    f.unverified !== true
  );
}

/**
 * True when `offset` in a comment's text falls inside documentation of usage: a JSDoc section that documents a value
 * (catalogue `valueDocTags`, from the tag to the next block tag or the end of the comment) or a Markdown code
 * fence. Code there is shown, not run, like a docs/ tree; the same policy applies (only a provider-issued credential
 * counts).
 */
export function isDocExampleAt(comment: string, offset: number): boolean {
  const before = comment.slice(0, offset);
  if ((before.match(/^[ \t*]*(?:```|~~~)/gm) ?? []).length % 2 === 1) return true;
  const tags = [...before.matchAll(/^[ \t*]*@([A-Za-z]+)/gm)];
  return tags.length > 0 && valueDocTags.names.has(tags[tags.length - 1]![1]!);
}

/** TypeScript sources, where a suggestion may need a non-null assertion. */
export function isTypeScriptFile(filename: string): boolean {
  return /\.[cm]?tsx?$/i.test(filename);
}
