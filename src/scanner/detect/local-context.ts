/**
 * Where a credential in a configuration file lives, when that place says it is throwaway: a GitHub Actions
 * service container, a CI job set up as a test environment, a development compose file, a container published
 * on this machine only, an npm script run against local services, a demonstration file, an OpenAPI example.
 * Such a credential is withheld like a test fixture or an example (counted, listed with `--include-fixtures`
 * at low severity with the reason); docs/audit.md, "Local and CI credentials", argues each signal and its limit.
 * A provider-issued credential is never withheld here (the caller checks), and a signal that rests on a
 * human-chosen value (a loopback container, a loopback connection string) does not cover a generated one.
 */
import { looksRandom } from '../../detect/index.js';
import { placeholderPasswords, throwawayPasswords } from '../../catalogue/credentials.js';

/** How the fixture policy counts a withheld credential, and why (shown when it is listed). */
export interface Withhold {
  readonly as: 'test-fixture' | 'example';
  readonly why: string;
}

/** A string scalar of a JSON or YAML document: the keys on the way from the root and its value. */
export interface PathValue {
  readonly path: readonly string[];
  readonly value: string;
}

/** `docker-compose.yml`, `compose.yaml`, `docker-compose.test.yml`: files that describe local containers. */
const COMPOSE_FILE = /(?:^|\/)(?:docker-)?compose(?:[.-][^/]*)?\.ya?ml$/i;

/** A compose file named or placed for development or tests: `docker-compose.dev.yml`, `_dev/compose.yaml`. */
const DEV_COMPOSE = new RegExp(
  String.raw`(?:^|/)(?:docker-)?compose[.-](?:[^/]*[.-])?(?:dev|development|local|test|tests|testing|ci|e2e|` +
    String.raw`integration)(?:[.-][^/]*)?\.ya?ml$|(?:^|/)(?:_?dev|development|local)/`,
  'i',
);

/**
 * A compose project named for development or tests (the top-level `name:`, which `docker compose` uses as the
 * project's name as it would a file's name): `unkey-dashboard-dev`, `shop_local`, `api-e2e`.
 */
const DEV_PROJECT_NAME = /(?:^|[-_.])(?:dev|development|local|test|tests|testing|ci|e2e|integration)$/i;

/**
 * A process environment set in a compose file (`- NODE_ENV=development`, `APP_ENV: "test"`), in a service's
 * `environment:` or a build's `args:`: the name and the literal value. An interpolated value (`${NODE_ENV:-dev}`) is
 * not literal (the deployment may set it) and a commented-out line is not read.
 */
const ENV_DECLARATION = new RegExp(
  String.raw`^[ \t]*(?:-[ \t]*)?["']?(?:NODE_ENV|APP_ENV|RAILS_ENV|RACK_ENV|ENVIRONMENT|ENV)["']?[ \t]*[:=]` +
    String.raw`[ \t]*["']?([A-Za-z]+)["']?[ \t]*(?:#.*)?$`,
  'gm',
);
const DEV_ENV = /^(?:development|dev|local|test|testing|ci|e2e)$/i;

/**
 * The compose file declares its processes a development or test environment (`NODE_ENV=development`), and none
 * another one (`NODE_ENV=production` in one service makes the stack a deployment's): nobody runs a deployment with
 * its framework in development mode, which the workflow judge reads the same way (`NODE_ENV: test`).
 */
function declaresDevelopment(text: string): boolean {
  if (!/_?ENV(?:IRONMENT)?["']?[ \t]*[:=]/.test(text)) return false;
  const values = [...text.matchAll(ENV_DECLARATION)].map((m) => m[1]!);
  return values.length > 0 && values.every((v) => DEV_ENV.test(v));
}

/**
 * True for a compose file that sets up local development or tests: named or placed so
 * (`docker-compose.dev.yml`, `development/compose.yaml`), with a project `name:` that says so, whose processes it
 * declares a development environment (`NODE_ENV=development`), or whose comment says it is not for production.
 * `scalars` are its string scalars.
 */
export function isLocalCompose(rel: string, text: string, scalars: readonly PathValue[]): boolean {
  return (
    DEV_COMPOSE.test(rel) ||
    hasDemoNote(text) ||
    declaresDevelopment(text) ||
    scalars.some((s) => s.path.length === 1 && s.path[0] === 'name' && DEV_PROJECT_NAME.test(s.value.trim()))
  );
}

/** Compose files, by name: the same test the text pass uses. */
export const isComposeFile = (rel: string): boolean => COMPOSE_FILE.test(rel);

/**
 * GitHub Actions workflows, and those of the CI services that run the same workflow syntax from their own
 * directory: Gitea Actions (`.gitea/workflows/`), Forgejo Actions (`.forgejo/workflows/`), Depot CI
 * (`.depot/workflows/`). The signals below read the syntax (`jobs.<id>.services`, `env`), not the host.
 */
const WORKFLOW_FILE = /(?:^|\/)\.(?:github|gitea|forgejo|depot)\/workflows\/[^/]+\.ya?ml$/i;

/** A workflow named for tests: `tests.yml`, `integration-test.yml`, `e2e.yaml`, `ci-tests.yml`. */
const TEST_WORKFLOW = /(?:^|\/)(?:[^/]*[._-])?(?:tests?|e2e|integration)(?:[._-][^/]*)?\.ya?ml$/i;

/** A host on this machine, inside a URL or a connection string (`@localhost:5432`, `server=127.0.0.1;`). */
const LOOPBACK = new RegExp(
  String.raw`(?:@|//|\b(?:host|server|data source)=)` +
    String.raw`(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0|host\.docker\.internal)(?![\w.-])`,
  'i',
);

/** A published port bound to this machine only: `127.0.0.1:5432:5432`, `localhost:6379:6379`. */
const LOOPBACK_PORT = /^(?:127(?:\.\d{1,3}){3}|localhost|\[::1\]):\d/;

/** A comment in which the file's author says it is not for production. */
const DEMO_NOTE = new RegExp(
  String.raw`^[ \t]*#.*\b(?:(?:do )?not (?:be )?(?:used? )?(?:in|for) prod(?:uction)?\b|` +
    String.raw`for (?:local )?(?:development|demo(?:nstration)?|testing)(?: purposes)? only|` +
    String.raw`(?:demo|demonstration) (?:purposes )?only|` +
    // "used for internal testing deployments" as the whole rest of the line, not "used for testing the prod setup"
    String.raw`(?:used|meant|intended) (?:only )?for (?:internal |local )?(?:testing|tests)` +
    String.raw`(?: (?:deployments?|environments?|purposes))?[ \t]*[.!]?[ \t]*$)`,
  'im',
);
/**
 * `DEMO_NOTE`'s test. Every match holds a `#`, so a text without one (most JSON, most code) is answered by one
 * `indexOf` instead of a multi-line search that tries every line start.
 */
const hasDemoNote = (text: string): boolean => text.includes('#') && DEMO_NOTE.test(text);

/** Names that declare which environment a process runs in, and the values that say "tests". */
const ENV_NAMES = new Set(['NODE_ENV', 'APP_ENV', 'RAILS_ENV', 'RACK_ENV', 'ENVIRONMENT', 'ENV']);
const TEST_ENV = /^(?:test|testing|ci|e2e)$/i;

const local = (why: string): Withhold => ({ as: 'test-fixture', why });

const NOT_FOR_PRODUCTION: Withhold = {
  as: 'example',
  why: 'the file says it is a demonstration or for local use, not for production',
};

/** A file (YAML, `.env`) whose comment says it is not for production: `# for local development only`. */
export function notForProduction(text: string): Withhold | undefined {
  return hasDemoNote(text) ? NOT_FOR_PRODUCTION : undefined;
}

/** A human-chosen value (a word, `p0stgr3s`, `123ABabc!`), as opposed to a generated key. */
const handChosen = (secret: string): boolean => !looksRandom(secret);

/**
 * The withholding judge of one JSON/YAML document at `rel`, or undefined when no signal can apply there.
 * The judge takes the scalar that holds a credential and the credential itself.
 */
export function documentJudge(
  rel: string,
  text: string,
  scalars: readonly PathValue[],
): ((s: PathValue, secret: string) => Withhold | undefined) | undefined {
  // `openapi: 3.1.0` / `"swagger": "2.0"` at the root: a version, not a settings object that happens to be named so.
  const isRoot = (k: string): boolean =>
    scalars.some((s) => s.path.length === 1 && s.path[0] === k && /^\d/.test(s.value));
  if (WORKFLOW_FILE.test(rel)) return workflowJudge(scalars, TEST_WORKFLOW.test(rel));
  if (COMPOSE_FILE.test(rel)) return composeJudge(rel, text, scalars);
  if (/(?:^|\/)package\.json$/i.test(rel))
    return (s) =>
      s.path[0] === 'scripts' && s.path.length === 2 && LOOPBACK.test(s.value)
        ? local('an npm script run against services on this machine (localhost)')
        : undefined;
  const demo = /\.ya?ml$/i.test(rel) && hasDemoNote(text);
  const openApi = isRoot('openapi') || isRoot('swagger');
  if (!demo && !openApi) return loopbackOnly;
  return (s, secret) => {
    if (openApi && s.path.some((k) => k === 'example' || k === 'examples' || k === 'x-example'))
      return { as: 'example', why: 'an example value in an OpenAPI document (API documentation)' };
    if (demo) return NOT_FOR_PRODUCTION;
    return loopbackOnly(s, secret);
  };
}

/** Any file: a hand-chosen password of a connection string to a service on this machine. */
export function loopbackOnly(s: { readonly value: string }, secret: string): Withhold | undefined {
  return LOOPBACK.test(s.value) && handChosen(secret)
    ? local('a hand-chosen password of a service on this machine (localhost)')
    : undefined;
}

/**
 * GitHub Actions: a service container's `env` (the container exists for one job); the `env` of a job that runs
 * service containers, of a job or workflow that declares a test environment (`NODE_ENV: test`) or of a workflow
 * whose file is named for tests (`integration-test.yml`); a connection
 * string to localhost. A service's registry `credentials`, and the env of a job with neither, stay reported.
 */
function workflowJudge(
  scalars: readonly PathValue[],
  namedForTests: boolean,
): (s: PathValue, secret: string) => Withhold | undefined {
  const withServices = new Set<string>();
  const testJobs = new Set<string>();
  let testWorkflow = namedForTests;
  for (const { path, value } of scalars) {
    if (path[0] === 'jobs' && path[2] === 'services' && path[1] !== undefined) withServices.add(path[1]);
    const key = path[path.length - 1] ?? '';
    if (path[path.length - 2] !== 'env' || !ENV_NAMES.has(key.toUpperCase()) || !TEST_ENV.test(value)) continue;
    if (path.length === 2) testWorkflow = true;
    else if (path[0] === 'jobs' && path[1] !== undefined) testJobs.add(path[1]);
  }
  return (s) => {
    const { path } = s;
    const job = path[0] === 'jobs' ? path[1] : undefined;
    if (job !== undefined && path[2] === 'services' && path[4] === 'env')
      return local('the env of a CI service container, which exists only for one job');
    if (path[path.length - 2] === 'env') {
      if (job !== undefined && withServices.has(job))
        return local('the env of a CI job that runs its own service containers (an integration-test job)');
      if (testWorkflow || (job !== undefined && testJobs.has(job)))
        return local('a CI environment declared or named as a test environment (NODE_ENV=test, tests.yml)');
    }
    return LOOPBACK.test(s.value) ? local('a CI connection string to a service on the runner (localhost)') : undefined;
  };
}

/**
 * Compose files: a file named or placed for development or tests; a well-known throwaway password or a
 * placeholder word; a hand-chosen value of a service whose ports are all bound to this machine; a file that
 * says it is a demonstration; a hand-chosen password of a localhost connection string.
 */
function composeJudge(
  rel: string,
  text: string,
  scalars: readonly PathValue[],
): (s: PathValue, secret: string) => Withhold | undefined {
  const dev = DEV_COMPOSE.test(rel) || isLocalCompose(rel, '', scalars) || declaresDevelopment(text);
  const demo = hasDemoNote(text);
  const ports = new Map<string, boolean>();
  const users = new Set<string>(); // `service\0user name` of every *_USER / *_USERNAME in a service's environment
  for (const { path, value } of scalars) {
    const service = path[0] === 'services' ? path[1] : undefined;
    if (service === undefined) continue;
    if (path[2] === 'ports' && path.length === 3)
      ports.set(service, (ports.get(service) ?? true) && LOOPBACK_PORT.test(value));
    if (path[2] !== 'environment') continue;
    const pair = path.length === 4 ? [path[3]!, value] : /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(value)?.slice(1);
    if (pair && /(?:^|_)USER(?:NAME)?$/i.test(pair[0]!)) users.add(`${service}\0${pair[1]}`);
  }
  return (s, secret) => {
    if (dev) return local('a compose file named, placed or declared (project name, NODE_ENV) for development or tests');
    const word = secret.toLowerCase();
    if (throwawayPasswords.has(secret) || placeholderPasswords.has(word))
      return local('a well-known throwaway password or placeholder word in a local-development compose file');
    const service = s.path[0] === 'services' ? s.path[1] : undefined;
    if (service !== undefined && users.has(`${service}\0${secret}`))
      return { as: 'example', why: 'a password equal to the user name beside it (a sample default)' };
    if (service !== undefined && ports.get(service) === true && handChosen(secret))
      return local('a hand-chosen password of a container whose ports are bound to this machine only');
    if (demo) return NOT_FOR_PRODUCTION;
    return loopbackOnly(s, secret);
  };
}

/**
 * Dockerfiles: a hand-chosen `ARG` default in a build stage that the final image does not descend from
 * (`ARG NEXT_PRIVATE_ENCRYPTION_KEY="CAFEBABE"` so that a framework build runs). The image that runs starts
 * from a later `FROM` and inherits neither the ARG nor an ENV set from it. A generated-looking default, an ARG
 * of the final stage or of a stage it is built `FROM`, and every ENV of those stages stay reported.
 */
export function dockerfileJudge(text: string): ((offset: number, secret: string) => Withhold | undefined) | undefined {
  const stages = [...text.matchAll(/^[ \t]*FROM[ \t]+(?:--\S+[ \t]+)*(\S+)(?:[ \t]+AS[ \t]+(\S+))?/gim)].map((m) => ({
    start: m.index ?? 0,
    from: m[1]!.toLowerCase(),
    name: m[2]?.toLowerCase(),
  }));
  if (stages.length < 2) return undefined;
  // The final stage and the named stages it is built from, transitively.
  const live = new Set<number>([stages.length - 1]);
  for (let i = stages.length - 1; i >= 0; i--) {
    if (!live.has(i)) continue;
    const parent = stages.findIndex((s, j) => j < i && s.name !== undefined && s.name === stages[i]!.from);
    if (parent >= 0) live.add(parent);
  }
  return (offset, secret) => {
    let stage = -1;
    while (stage + 1 < stages.length && stages[stage + 1]!.start <= offset) stage++;
    if (stage < 0 || live.has(stage) || !handChosen(secret)) return undefined;
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*ARG[ \t]/i.test(text.slice(lineStart, offset))
      ? { as: 'example', why: 'a hand-chosen ARG default of a build stage that the final image does not inherit' }
      : undefined;
  };
}
