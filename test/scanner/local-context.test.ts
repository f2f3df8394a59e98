/**
 * Local and CI credentials (src/scanner/detect/local-context.ts, docs/audit.md "Local and CI credentials"): where a
 * credential's place says it is throwaway, the text pass marks it withheld (low, with the reason); every signal has
 * near misses that stay reported. Each case is written here after the shapes of public projects' workflows, compose
 * files, manifests and Dockerfiles; every secret-shaped value is FAKE.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/report/types.js';
import { scanTextFile } from '../../src/scanner/detect/text.js';
import { auditTree, FAKE_GITHUB_TOKEN as GITHUB_TOKEN } from '../helpers/tree.js';

/** [line, severity, fixture class or '-'] of each finding. */
const brief = (rel: string, lines: readonly string[]) =>
  scanTextFile(rel, lines.join('\n') + '\n').findings.map((f) => [f.location.line, f.severity, f.fixture ?? '-']);

const RANDOM_KEY = 'Qx7vR2mK9pL4sT8wZ3nB6yC1dF5gH0jA'; // generated-looking: 32 mixed characters
const RANDOM_PW = 'k9Vq2Lm7Xz4Rt8WpG3sDx7Qa'; // generated-looking password (24 mixed characters)

describe('GitHub Actions workflows', () => {
  const workflow = (jobs: readonly string[]) => ['on: push', 'jobs:', ...jobs];

  it('withholds a service container env, and the env of the job that runs it', () => {
    const got = brief(
      '.github/workflows/ci.yml',
      workflow([
        '  integration:',
        '    runs-on: ubuntu-latest',
        '    env:',
        `      DB_ENCRYPTION_KEY: ${RANDOM_KEY}`,
        '    services:',
        '      mssql:',
        '        image: mcr.microsoft.com/mssql/server:2022-latest',
        '        env:',
        "          SA_PASSWORD: 'Str0ng!Passw0rd'",
        '    steps:',
        '      - run: npm test',
        '        env:',
        `          MYSQL_URL: mysql://root:${RANDOM_PW}@127.0.0.1:3306/app`,
      ]),
    );
    expect(got).toEqual([
      [6, 'low', 'test-fixture'],
      [11, 'low', 'test-fixture'],
      [15, 'low', 'test-fixture'],
    ]);
    const msg = scanTextFile(
      '.github/workflows/ci.yml',
      workflow([
        '  t:',
        '    services:',
        '      pg:',
        '        env:',
        `          POSTGRES_PASSWORD: ${RANDOM_PW}`,
      ]).join('\n'),
    ).findings[0]!.message;
    expect(msg).toMatch(/Withheld as a test fixture: the env of a CI service container/);
  });

  it('withholds the env of a job or workflow declared (NODE_ENV: test) or named as a test environment', () => {
    expect(
      brief('.github/workflows/build.yml', ['on: push', 'env:', '  NODE_ENV: test', `  SECRET_KEY: ${RANDOM_KEY}`]),
    ).toEqual([[4, 'low', 'test-fixture']]);
    expect(
      brief(
        '.github/workflows/main.yml',
        workflow(['  unit:', '    env:', '      APP_ENV: testing', `      JWT_SECRET: ${RANDOM_KEY}`]),
      ),
    ).toEqual([[6, 'low', 'test-fixture']]);
    expect(
      brief(
        '.github/workflows/integration-test.yml',
        workflow(['  it:', '    env:', `      VAULT_KEK: ${RANDOM_KEY}`]),
      ),
    ).toEqual([[5, 'low', 'test-fixture']]);
  });

  it('reads Gitea, Forgejo and Depot CI workflows, which use the same syntax from their own directories', () => {
    const testJob = workflow(['  unit:', '    env:', '      APP_ENV: testing', `      JWT_SECRET: ${RANDOM_KEY}`]);
    for (const dir of ['.gitea', '.forgejo', '.depot'])
      expect(brief(`${dir}/workflows/main.yml`, testJob)).toEqual([[6, 'low', 'test-fixture']]);
    // named for tests, as a Depot CI job file is: `job_test_dashboard.yaml`
    const named = workflow([
      '  test:',
      '    steps:',
      '      - run: pnpm test',
      '        env:',
      `          VAULT_KEK: ${RANDOM_KEY}`,
    ]);
    expect(brief('.depot/workflows/job_test_dashboard.yaml', named)).toEqual([[7, 'low', 'test-fixture']]);
    // near misses: a deploy workflow there, and a workflows directory of no CI service, stay reported
    const deploy = workflow(['  deploy:', '    env:', `      DEPLOY_TOKEN: ${RANDOM_KEY}`]);
    expect(brief('.gitea/workflows/deploy.yml', deploy)).toEqual([[5, 'high', '-']]);
    expect(brief('.myci/workflows/main.yml', testJob)).toEqual([[6, 'high', '-']]);
  });

  it('near misses: a deploy job with a literal token, a registry credential, a production env, a provider token', () => {
    // a job with neither services nor a test environment, in a workflow not named for tests
    expect(
      brief(
        '.github/workflows/deploy.yml',
        workflow([
          '  deploy:',
          '    env:',
          `      DEPLOY_TOKEN: ${RANDOM_KEY}`,
          '    steps:',
          '      - run: ./deploy.sh',
        ]),
      ),
    ).toEqual([[5, 'high', '-']]);
    // a service's registry credentials are a real account, even in a test job
    expect(
      brief(
        '.github/workflows/ci.yml',
        workflow([
          '  t:',
          '    services:',
          '      db:',
          '        image: ghcr.io/acme/db',
          '        credentials:',
          '          username: bot',
          `          password: ${RANDOM_PW}`,
        ]),
      ),
    ).toEqual([[9, 'high', '-']]);
    // NODE_ENV: production declares nothing about tests
    expect(
      brief('.github/workflows/release.yml', [
        'on: push',
        'env:',
        '  NODE_ENV: production',
        `  SECRET_KEY: ${RANDOM_KEY}`,
      ]),
    ).toEqual([[4, 'high', '-']]);
    // a provider-issued token is live wherever it is, service containers or not
    const got = brief(
      '.github/workflows/ci.yml',
      workflow(['  t:', '    services:', '      db:', '        env:', `          GH_TOKEN: ${GITHUB_TOKEN}`]),
    );
    expect(got).toHaveLength(1);
    expect(got[0]![2]).toBe('-');
    expect(got[0]![1]).not.toBe('low');
  });
});

describe('compose files', () => {
  it('withholds credentials in a compose file named or placed for development or tests', () => {
    for (const rel of [
      'docker-compose.dev.yml',
      'compose.integration.yaml',
      'docker/development/compose.yml',
      '_dev/docker-compose.yml',
    ])
      expect(brief(rel, ['services:', '  api:', '    environment:', `      API_SECRET: ${RANDOM_KEY}`]), rel).toEqual([
        [4, 'low', 'test-fixture'],
      ]);
  });

  it('withholds throwaway words, a password equal to its user, and hand-chosen passwords of loopback-only containers', () => {
    expect(
      brief('docker-compose.yml', [
        'services:',
        '  db:',
        '    image: postgres:16',
        '    environment:',
        '      POSTGRES_USER: analytics',
        '      POSTGRES_PASSWORD: analytics',
        '  app:',
        '    environment:',
        '      - NEXTAUTH_SECRET=localdev',
        '  cache:',
        '    ports:',
        '      - "127.0.0.1:5432:5432"',
        '    environment:',
        '      POSTGRES_PASSWORD: p4ssw0rd!',
      ]),
    ).toEqual([
      [6, 'low', 'example'],
      [9, 'low', 'test-fixture'],
      [14, 'low', 'test-fixture'],
    ]);
  });

  it('withholds a file that says it is a demonstration, as an example', () => {
    expect(
      brief('docker-compose.yml', [
        '# This compose file is for demonstration only, do not use in prod.',
        'services:',
        '  db:',
        '    environment:',
        '      POSTGRES_PASSWORD: s3cr3tPg!',
      ]),
    ).toEqual([[5, 'low', 'example']]);
  });

  it('withholds a file whose header says it is used for internal testing, not one that only mentions testing', () => {
    const file = (note: string) => [
      `# ${note}`,
      'services:',
      '  db:',
      '    environment:',
      '      POSTGRES_PASSWORD: Tq8pWm2vRk',
    ];
    expect(
      brief('docker-compose.deploy.yml', file('Internal compose file used for internal testing deployments')),
    ).toEqual([[5, 'low', 'example']]);
    expect(brief('docker-compose.yml', file('Intended for testing only.'))).toEqual([[5, 'low', 'example']]);
    expect(brief('docker-compose.yml', file('Used for testing the production deployment'))).toEqual([[5, 'high', '-']]);
    expect(brief('docker-compose.yml', file('Run the tests before production deployments'))).toEqual([
      [5, 'high', '-'],
    ]);
  });

  it('judges a commented-out line by what the file says of itself, and keeps it reported in other files', () => {
    const file = (header: string, name = '') => [
      header,
      ...(name ? [`name: ${name}`] : []),
      'services:',
      '  api:',
      '    environment:',
      '      # - DATABASE_URL=postgresql://app:Tq8pWm2vRk@db:5432/app',
      '      - ENABLE_SUBPATHS=true',
    ];
    const at = (lines: string[]) => lines.findIndex((l) => l.includes('DATABASE_URL')) + 1;
    const internal = file('# Internal compose file used for internal testing deployments');
    expect(brief('docker-compose.deploy.yml', internal)).toEqual([[at(internal), 'low', 'example']]);
    const devProject = file('# api stack', 'shop-dev');
    expect(brief('docker-compose.yml', devProject)).toEqual([[at(devProject), 'low', 'test-fixture']]);
    // near misses: a production file, a project named for devices, and a YAML file that is not a compose file
    const prod = file('# production stack');
    expect(brief('docker-compose.yml', prod)).toEqual([[at(prod), 'high', '-']]);
    const devices = file('# api stack', 'devices-api');
    expect(brief('docker-compose.yml', devices)).toEqual([[at(devices), 'high', '-']]);
    const dev = file('# api stack', 'shop-dev');
    expect(brief('config/app.yml', dev)).toEqual([[at(dev), 'high', '-']]);
  });

  it('near misses: a production compose file with a real-looking password on a public port stays reported', () => {
    expect(
      brief('docker-compose.yml', [
        'services:',
        '  db:',
        '    ports:',
        '      - "5432:5432"',
        '    environment:',
        `      POSTGRES_PASSWORD: ${RANDOM_PW}`,
      ]),
    ).toEqual([[6, 'high', '-']]);
    // loopback-bound, but a generated password: a single-host deployment's, not a laptop default
    expect(
      brief('docker-compose.yml', [
        'services:',
        '  db:',
        '    ports:',
        '      - "127.0.0.1:5432:5432"',
        '    environment:',
        `      POSTGRES_PASSWORD: ${RANDOM_PW}`,
      ]),
    ).toEqual([[6, 'high', '-']]);
    // a prod compose file is not a dev one: `compose.prod.yml`
    expect(
      brief('compose.prod.yml', ['services:', '  api:', '    environment:', `      API_SECRET: ${RANDOM_KEY}`]),
    ).toEqual([[4, 'high', '-']]);
    // a comment that mentions production without saying "not for production"
    expect(
      brief('docker-compose.yml', [
        '# production settings',
        'services:',
        '  db:',
        '    environment:',
        '      POSTGRES_PASSWORD: s3cr3tPg!',
      ]),
    ).toEqual([[5, 'high', '-']]);
  });
});

describe('npm scripts, .env files and other configuration', () => {
  it('withholds an npm script run against a database on this machine, not one run against a remote host', () => {
    const pkg = JSON.stringify(
      {
        scripts: {
          'dev:pg': 'cross-env DB_URL=postgres://app:devpass1@localhost:5432/app npm run dev',
          'dev:mssql':
            "cross-env DB_URL='sqlserver://localhost:1433;database=master;username=sa;password=Dev123abc!' next dev",
          'migrate:prod': `cross-env DB_URL=postgres://app:${RANDOM_PW}@db.prod.acme.test:5432/app prisma migrate deploy`,
        },
      },
      null,
      2,
    ).split('\n');
    expect(brief('package.json', pkg)).toEqual([
      [3, 'low', 'test-fixture'],
      [4, 'low', 'test-fixture'],
      [5, 'high', '-'],
    ]);
  });

  it('withholds a hand-chosen password of a localhost connection string, not a generated one', () => {
    expect(brief('.env', ['DATABASE_URL=postgres://app:devpass1@localhost:5432/app'])).toEqual([
      [1, 'low', 'test-fixture'],
    ]);
    expect(brief('.env', [`DATABASE_URL=postgres://app:${RANDOM_PW}@localhost:5432/app`])).toEqual([[1, 'high', '-']]);
    expect(brief('.env', ['DATABASE_URL=postgres://app:devpass1@db.internal.acme.test:5432/app'])).toEqual([
      [1, 'high', '-'],
    ]);
  });

  it('withholds a .env whose comment says it is for local development only', () => {
    expect(brief('.env', ['# --- for local development only ---', 'DATABASE_PASSWORD=not_at_all_secret'])).toEqual([
      [2, 'low', 'example'],
    ]);
    expect(brief('.env', ['# local development', 'DATABASE_PASSWORD=not_at_all_secret'])).toEqual([[2, 'high', '-']]);
  });

  it('withholds OpenAPI example values, not a credential elsewhere in the same document', () => {
    const doc = (root: string) =>
      JSON.stringify(
        {
          [root]: '3.0.0',
          components: { examples: { login: { value: { password: 'Hunter2!xyz' } } } },
          'x-deploy': { environment: { API_SECRET: RANDOM_KEY } },
        },
        null,
        1,
      ).split('\n');
    expect(brief('api/openapi.json', doc('openapi'))).toEqual([
      [7, 'low', 'example'],
      [14, 'high', '-'],
    ]);
    expect(brief('api/swagger.json', doc('swagger'))[0]).toEqual([7, 'low', 'example']);
    // a settings object named `openapi` does not make a document OpenAPI
    expect(
      brief(
        'config/app.json',
        doc('openapi').map((l) => l.replace('"3.0.0"', '{ "enabled": "yes" }')),
      )[0],
    ).toEqual([7, expect.not.stringMatching(/^low$/), '-']);
    // the same `examples` tree in a document that is not OpenAPI stays reported
    expect(brief('config/app.json', doc('version'))[0]).toEqual([7, expect.not.stringMatching(/^low$/), '-']);
  });

  it('withholds a placeholder word in a Kubernetes Secret, not a real-looking value', () => {
    const secret = (value: string) => [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: app',
      'stringData:',
      `  DB_PASSWORD: ${value}`,
    ];
    expect(brief('k8s/secrets.yaml', secret('secret'))).toEqual([[6, 'low', 'example']]);
    expect(brief('k8s/secrets.yaml', secret(RANDOM_KEY))).toEqual([[6, expect.not.stringMatching(/^low$/), '-']]);
  });

  it('withholds a hand-chosen ARG default of a build stage the final image does not inherit', () => {
    const dockerfile = (finalFrom: string, value: string) => [
      'FROM node:22-alpine AS base',
      'FROM base AS builder',
      `ARG NEXT_PRIVATE_ENCRYPTION_KEY="${value}"`,
      'ENV NEXT_PRIVATE_ENCRYPTION_KEY="$NEXT_PRIVATE_ENCRYPTION_KEY"',
      'RUN npm run build',
      `FROM ${finalFrom} AS runner`,
      'CMD ["node", "server.js"]',
    ];
    expect(brief('docker/Dockerfile', dockerfile('base', 'CAFEBABE'))).toEqual([[3, 'low', 'example']]);
    // the final stage is built FROM the builder: it inherits the ENV set from the ARG
    expect(brief('docker/Dockerfile', dockerfile('builder', 'CAFEBABE'))).toEqual([[3, 'high', '-']]);
    // a generated-looking default is a real key wherever the stage is
    expect(brief('docker/Dockerfile', dockerfile('base', RANDOM_KEY))[0]?.[2]).toBe('-');
    // a single-stage Dockerfile: its ARG is the image's
    expect(brief('Dockerfile', ['FROM node:22', 'ARG APP_SECRET="CAFEBABE"', 'CMD ["node"]'])).toEqual([
      [2, 'high', '-'],
    ]);
  });

  it('judges a translation catalogue by formats only, not by its message ids', () => {
    const catalogue = JSON.stringify({ environment: { secrets: 'Secrets', secret_value: 'Geheimer Wert' } }, null, 2);
    expect(brief('packages/web/locales/de.json', [catalogue])).toEqual([]);
    expect(brief('shared/i18n/locales/da_DK/translation.json', [catalogue])).toEqual([]);
    // the same keys in a configuration file are judged by name (`secrets: Secrets` spells its own name: a slot)
    expect(brief('config/settings.json', [catalogue])).toHaveLength(1);
    // a provider-issued token in a catalogue is still found
    expect(brief('locales/en.json', [JSON.stringify({ token: GITHUB_TOKEN })])).toHaveLength(1);
  });
});

// End to end: a tree written here, audited; the throwaway credentials are counted as withheld and listed, low, with
// --include-fixtures; the deployable ones are reported. Every value is fake, and each place holds its own (one value
// in several places is one finding: test/scanner/one-per-secret.test.ts).
const otherPw = [...RANDOM_PW].reverse().join('');
const otherKey = [...RANDOM_KEY].reverse().join('');
const thirdKey = RANDOM_KEY.slice(5) + RANDOM_KEY.slice(0, 5);
const tree: Record<string, string> = {
  '.github/workflows/ci.yml': [
    'on: push',
    'jobs:',
    '  test:',
    '    services:',
    '      postgres:',
    '        image: postgres:16',
    '        env:',
    `          POSTGRES_PASSWORD: ${otherPw}`,
    '  deploy:',
    '    env:',
    `      DEPLOY_TOKEN: ${RANDOM_KEY}`,
    '',
  ].join('\n'),
  'docker-compose.dev.yml': `services:\n  api:\n    environment:\n      API_SECRET: ${otherKey}\n`,
  'docker-compose.yml': `services:\n  db:\n    ports:\n      - "5432:5432"\n    environment:\n      POSTGRES_PASSWORD: ${RANDOM_PW}\n`,
  '.env.test': `SECRET_KEY=${thirdKey}\n`,
};

describe('the audit withholds local and CI credentials end to end', () => {
  let dir: string;
  let result: AuditResult;
  let listed: AuditResult;
  const where = (r: AuditResult) => r.findings.map((f) => `${f.location.file}:${f.location.line}`).sort();

  beforeAll(async () => {
    ({ dir, result, listed } = await auditTree('kh-local-', tree));
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reports the deploy token and the production compose password, and counts the rest as withheld', () => {
    expect(where(result)).toEqual(['.github/workflows/ci.yml:11', 'docker-compose.yml:6']);
    expect(result.withheld).toEqual({ testFixtures: 3, examples: 0 });
  });

  it('lists them with includeFixtures, low, marked as test fixtures, saying why', () => {
    const local = listed.findings.filter((f) => f.fixture !== undefined);
    expect(local.map((f) => `${f.location.file}:${f.location.line}`).sort()).toEqual([
      '.env.test:1',
      '.github/workflows/ci.yml:8',
      'docker-compose.dev.yml:4',
    ]);
    for (const f of local.filter((x) => x.location.file !== '.env.test')) {
      expect(f).toMatchObject({ fixture: 'test-fixture', severity: 'low' });
      expect(f.message).toMatch(/Withheld as a test fixture: /);
    }
  });
});
