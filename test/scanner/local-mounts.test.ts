/**
 * Local set-ups by structure (docs/audit.md, "Local and CI credentials"): a compose project named for development
 * (`name: shop-dev`) is a development compose file, and a configuration file that only development or test compose
 * files mount (a bind-mounted volume, an `env_file`, a `configs:` file) belongs to those throwaway containers. End
 * to end on a tree written here; near misses stay reported: a file beside the development compose file that it does
 * not mount, a file a production compose file mounts, a file both a production and a development compose file
 * mount, a project name that only starts with "dev", and a provider-issued token in a mounted file.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/report/types.js';
import { auditTree, FAKE_GITHUB_TOKEN } from '../helpers/tree.js';

// Fixed, made-up generated-looking values (no randomness: each must be found every run), one per place.
const V = [
  'Q7vX2mK9pL4sW8zH3dN6bC1tR5yJ0fG2',
  'Zr8Lm3Qx7Tk2Vb9Nc4Wp6Hs1Jd5Fg0Ay',
  'Hs4Kd9Lm2Qx7Rt3Vb8Nz6Wp1Jc5Fg0Ty',
  'Wp6Hs1Kd93LmQx7Rt2Vb8Nz4Jc5Fg0Tz',
  'Nc4Wp6Hs1Jd5Fg0AyZr8Lm3Qx7Tk2Vb9',
  'Fg0TyHs4Kd9Lm2Qx7Rt3Vb8Nz6Wp1Jc5',
  'Tk2Vb9Nc4Wp6Hs1Jd5Fg0AyZr8Lm3Qx8',
];

const composeWith = (name: string | undefined, mounts: string[], env = ''): string =>
  (name ? `name: ${name}\n` : '') +
  'services:\n  api:\n    image: acme/api\n    ports:\n      - "8080:8080"\n    volumes:\n' +
  mounts.map((m) => `      - ${m}\n`).join('') +
  (env ? `    environment:\n      API_DB_PASSWORD: ${env}\n` : '');

describe('configuration mounted by development compose files', () => {
  let dir: string;
  let result: AuditResult;
  let listed: AuditResult;
  beforeAll(async () => {
    ({ dir, result, listed } = await auditTree('kh-mounts-', {
      // a development project by its name: its own password and the files it mounts are local
      'stack/docker-compose.yaml':
        composeWith('shop-dev', ['./api.toml:/etc/api/api.toml:ro', 'data:/var/lib/api'], V[0]) +
        '    env_file:\n      - ./api.env\nconfigs:\n  vault:\n    file: ./vault.yaml\nvolumes:\n  data: {}\n',
      'stack/api.toml': `[auth]\njwt_secret = "${V[1]}"\n`,
      'stack/api.env': `SESSION_SECRET=${V[2]}\n`,
      'stack/vault.yaml': `vault:\n  master_key: "${V[3]}"\n`,
      // near miss: beside the development compose file, not mounted by it
      'stack/prod.toml': `[auth]\njwt_secret = "${V[4]}"\n`,
      // near miss: a production compose file (its project name only starts with "dev") mounts it
      'deploy/compose.yaml': composeWith('devices-api', ['./api.toml:/etc/api/api.toml:ro'], V[5]),
      'deploy/api.toml': `[auth]\njwt_secret = "${V[6]}"\n`,
      // near miss: mounted by a development and a production compose file
      'shared/docker-compose.yml': composeWith(undefined, ['./shared.toml:/etc/shared.toml']),
      'shared/docker-compose.dev.yml': composeWith(undefined, ['./shared.toml:/etc/shared.toml']),
      'shared/shared.toml': `[auth]\njwt_secret = "${V[1]!.split('').reverse().join('')}"\n`,
      // a provider-issued token is reported wherever it is
      'stack/vault-token.yaml': `github:\n  token: ${FAKE_GITHUB_TOKEN}\n`,
      'stack/docker-compose.override.yaml': composeWith('shop-dev', ['./vault-token.yaml:/etc/token.yaml']),
    }));
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('withholds the development project and what it mounts, and keeps the near misses reported', () => {
    const files = [...new Set(result.findings.map((f) => f.location.file))].sort();
    expect(files).toEqual([
      'deploy/api.toml',
      'deploy/compose.yaml',
      'shared/shared.toml',
      'stack/prod.toml',
      'stack/vault-token.yaml',
    ]);
  });

  it('lists them as test fixtures with --include-fixtures', () => {
    const marked = listed.findings
      .filter((f) => f.fixture !== undefined)
      .map((f) => [f.location.file, f.fixture])
      .sort();
    expect(marked).toEqual([
      ['stack/api.env', 'test-fixture'],
      ['stack/api.toml', 'test-fixture'],
      ['stack/docker-compose.yaml', 'test-fixture'],
      ['stack/vault.yaml', 'test-fixture'],
    ]);
  });
});

// More made-up generated-looking values for the second tree (fixed, one per place).
const W = [
  'Kd9Lm2Qx7Rt3Vb8Nz6Wp1Jc5Fg0TyHs4',
  'Vb8Nz6Wp1Jc5Fg0TyHs4Kd9Lm2Qx7Rt3',
  'Jc5Fg0TyHs4Kd9Lm2Qx7Rt3Vb8Nz6Wp1',
  'Rt3Vb8Nz6Wp1Jc5Fg0TyHs4Kd9Lm2Qx7',
  'Lm2Qx7Rt3Vb8Nz6Wp1Jc5Fg0TyHs4Kd9',
  'Nz6Wp1Jc5Fg0TyHs4Kd9Lm2Qx7Rt3Vb8',
  'Qx7Rt3Vb8Nz6Wp1Jc5Fg0TyHs4Kd9Lm2',
  'Wp1Jc5Fg0TyHs4Kd9Lm2Qx7Rt3Vb8Nz6',
];

const service = (env: string[], mounts: string[] = [], envFile?: string): string =>
  '  app:\n    image: acme/app\n    ports:\n      - "3000:3000"\n' +
  (env.length ? `    environment:\n${env.map((e) => `      - ${e}\n`).join('')}` : '') +
  (mounts.length ? `    volumes:\n${mounts.map((m) => `      - ${m}\n`).join('')}` : '') +
  (envFile ? `    env_file: ${envFile}\n` : '');

describe('compose files that declare a development environment, and env files named without ./', () => {
  let dir: string;
  let result: AuditResult;
  let listed: AuditResult;
  beforeAll(async () => {
    ({ dir, result, listed } = await auditTree('kh-mounts-env-', {
      // NODE_ENV=development in a list entry: the stack, and the file it mounts, are a developer's
      'regtest/docker-compose.yml':
        'services:\n' + service(['NODE_ENV=development', `APP_SECRET=${W[0]}`], ['./alice.yaml:/config/a.yaml']),
      'regtest/alice.yaml': `account:\n  master_password: "${W[1]}"\n`,
      // APP_ENV: test in a map entry
      'itest/compose.yaml':
        'services:\n  api:\n    image: acme/api\n    environment:\n' +
        `      APP_ENV: "test"\n      JWT_SECRET: ${W[2]}\n`,
      // a CI compose file whose env_file has no ./ (a path relative to the compose file all the same)
      'docker-compose.ci.yml': 'services:\n' + service([], [], 'ci/stack.env'),
      'ci/stack.env': `AUTH_JWT_SECRET=${W[3]}\n`,
      // near misses: production beside development, an interpolated default, a commented-out line, no declaration
      'mixed/docker-compose.yml':
        'services:\n' +
        service(['NODE_ENV=development']) +
        service(['NODE_ENV=production', `API_SECRET=${W[4]}`]).replace('app:', 'web:'),
      'interp/docker-compose.yml': 'services:\n' + service(['NODE_ENV=${NODE_ENV:-development}', `API_SECRET=${W[5]}`]),
      'commented/docker-compose.yml': 'services:\n' + service(['# NODE_ENV=development', `API_SECRET=${W[6]}`]),
      // near miss: a production compose file's env_file without ./ stays reported
      'deploy/docker-compose.yml': 'services:\n' + service([], [], 'prod.env'),
      'deploy/prod.env': `AUTH_JWT_SECRET=${W[7]}\n`,
    }));
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('withholds the declared development stacks and the CI env file, and keeps the near misses reported', () => {
    const files = [...new Set(result.findings.map((f) => f.location.file))].sort();
    expect(files).toEqual([
      'commented/docker-compose.yml',
      'deploy/prod.env',
      'interp/docker-compose.yml',
      'mixed/docker-compose.yml',
    ]);
  });

  it('lists them as test fixtures with --include-fixtures', () => {
    const marked = listed.findings
      .filter((f) => f.fixture !== undefined)
      .map((f) => [f.location.file, f.fixture])
      .sort();
    expect(marked).toEqual([
      ['ci/stack.env', 'test-fixture'],
      ['itest/compose.yaml', 'test-fixture'],
      ['regtest/alice.yaml', 'test-fixture'],
      ['regtest/docker-compose.yml', 'test-fixture'],
    ]);
  });
});

describe('compose files that only a package test script starts', () => {
  let dir: string;
  let result: AuditResult;
  let listed: AuditResult;
  const pkg = (scripts: Record<string, string>): string => JSON.stringify({ name: 'x', scripts }, null, 2);
  beforeAll(async () => {
    ({ dir, result, listed } = await auditTree('kh-test-compose-', {
      // started through the test script's shell script, from the package's directory
      'adapters/pg/docker-compose.yml': composeWith(undefined, [], W[0]),
      'adapters/pg/package.json': pkg({ test: './test/test.sh', build: 'tsc' }),
      'adapters/pg/test/test.sh':
        '#!/usr/bin/env bash\ndocker compose up -d\nsleep 5\nvitest run\ndocker compose down -v\n',
      // started by the test script itself, and by a pretest hook with -f naming it
      'adapters/kv/docker-compose.yml': composeWith(undefined, [], W[1]),
      'adapters/kv/package.json': pkg({ test: 'docker-compose up -d && vitest run; docker-compose down' }),
      'adapters/mongo/compose.stack.yaml': composeWith(undefined, [], W[2]),
      'adapters/mongo/package.json': pkg({ pretest: 'docker compose -f compose.stack.yaml up -d', test: 'vitest' }),
      // near misses: a start script starts it too; no script starts it; the script moves elsewhere with cd; -f names
      // another file
      'svc/docker-compose.yml': composeWith(undefined, [], W[3]),
      'svc/package.json': pkg({ test: 'docker compose up -d && vitest', start: 'docker compose up' }),
      'lib/docker-compose.yml': composeWith(undefined, [], W[4]),
      'lib/package.json': pkg({ test: 'vitest run' }),
      'moved/docker-compose.yml': composeWith(undefined, [], W[5]),
      'moved/package.json': pkg({ test: 'bash scripts/it.sh' }),
      'moved/scripts/it.sh': 'cd ../../infra\ndocker compose up -d\n',
      'other/docker-compose.yml': composeWith(undefined, [], W[6]),
      'other/package.json': pkg({ 'test:e2e': 'docker compose -f e2e.yml up -d && playwright test' }),
      // near miss: -f names a file of the same name in another directory
      'far/docker-compose.yml': composeWith(undefined, [], W[7]),
      'far/package.json': pkg({ test: 'docker compose -f ../infra/docker-compose.yml up -d && vitest' }),
    }));
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('withholds the stacks that only tests start, and keeps the near misses reported', () => {
    const files = [...new Set(result.findings.map((f) => f.location.file))].sort();
    expect(files).toEqual([
      'far/docker-compose.yml',
      'lib/docker-compose.yml',
      'moved/docker-compose.yml',
      'other/docker-compose.yml',
      'svc/docker-compose.yml',
    ]);
    const marked = listed.findings
      .filter((f) => f.fixture !== undefined)
      .map((f) => [f.location.file, f.fixture])
      .sort();
    expect(marked).toEqual([
      ['adapters/kv/docker-compose.yml', 'test-fixture'],
      ['adapters/mongo/compose.stack.yaml', 'test-fixture'],
      ['adapters/pg/docker-compose.yml', 'test-fixture'],
    ]);
  });
});
