/**
 * Names that say which provider serves a secret do not hold one (`AUTH_PROVIDER=workos`), in `.env` files, CI
 * workflow env and compose environment lists; nor do names of where a service listens (`SECRET_PORT=3000` in an app
 * that prefixes every setting with SECRET_). Near misses under secret names beside them stay reported.
 */
import { describe, expect, it } from 'vitest';
import { scanTextFile } from '../../src/scanner/detect/text.js';

const lines = (rel: string, text: string): number[] => scanTextFile(rel, text).findings.map((f) => f.location.line);

describe('a *_PROVIDER setting names a provider', () => {
  it('is not a secret in a .env file, a workflow env or a compose environment list', () => {
    expect(lines('apps/web/.env', 'AUTH_PROVIDER=workos\nSECRETS_PROVIDER=vault\n')).toEqual([]);
    const workflow =
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n      AUTH_PROVIDER: "workos"\n' +
      '      TOKEN_PROVIDER: auth0\n    steps:\n      - run: npm run build\n';
    expect(lines('.github/workflows/build.yml', workflow)).toEqual([]);
    const compose = 'services:\n  api:\n    image: acme/api\n    environment:\n      - CREDENTIALS_PROVIDER=aws-sso\n';
    expect(lines('deploy/compose.prod.yml', compose)).toEqual([]);
  });

  it('keeps a secret under a provider-scoped secret name, and an auth token, reported', () => {
    const env =
      'AUTH_PROVIDER=workos\nAUTH_PROVIDER_SECRET=Vq7mX2rT9kLp4sWzH8dN3bC6\nAUTH_TOKEN=Kd93LmQx7Rt2Vb8Nz4Wp6Hs1\n';
    expect(lines('apps/web/.env', env)).toEqual([2, 3]);
  });
});

describe('a setting named for where a service listens is not a secret', () => {
  it('leaves SECRET_PORT, TOKEN_HOST and SECRET_HOSTNAME alone in a compose list, a .env file and a workflow env', () => {
    const compose =
      'services:\n  app:\n    image: acme/app\n    environment:\n      - SECRET_PORT=3000\n' +
      '      - SECRET_HOSTNAME=app.internal\n';
    expect(lines('docker-compose.yml', compose)).toEqual([]);
    expect(lines('.env', 'TOKEN_HOST=auth.acme.example\nSECRET_PORT=8443\n')).toEqual([]);
    const workflow =
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n      VAULT_TOKEN_PORT: "8200"\n' +
      '    steps:\n      - run: npm run build\n';
    expect(lines('.github/workflows/build.yml', workflow)).toEqual([]);
  });

  it('keeps the passwords and tokens of the same prefix beside it reported', () => {
    const compose =
      'services:\n  app:\n    image: acme/app\n    environment:\n      - SECRET_PORT=3000\n' +
      '      - SECRET_ROOT_PASSWORD=iamroot\n      - SECRET_JWT_SECRET=Vq7mX2rT9kLp4sWzH8dN3bC6\n' +
      '      - PORT_SECRET=Kd93LmQx7Rt2Vb8Nz4Wp6Hs1\n';
    expect(lines('docker-compose.yml', compose)).toEqual([6, 7, 8]);
  });
});

describe('a word that states what a setting must hold is not a value of it', () => {
  it('leaves `not-empty`, `non-empty`, `required` and `optional` under token names alone', () => {
    const workflow =
      'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      VAULT_TOKEN: "not-empty"\n' +
      '      API_TOKEN: non-empty\n      SIGNING_SECRET: required\n      WEBHOOK_SECRET: optional\n' +
      '    steps:\n      - run: npm test\n';
    expect(lines('.github/workflows/test.yml', workflow)).toEqual([]);
    expect(lines('.env', 'VAULT_TOKEN=not_empty\nSESSION_SECRET=NonEmpty\n')).toEqual([]);
  });

  it('keeps a value that only contains such a word, and a real token beside them, reported', () => {
    const env =
      'VAULT_TOKEN=not-empty\nSESSION_SECRET=required-Kd93LmQx7Rt2\nAPI_TOKEN=notempty2024\n' +
      'JWT_SECRET=Vq7mX2rT9kLp4sWzH8dN3bC6\n';
    expect(lines('.env', env)).toEqual([2, 3, 4]);
  });
});

describe('a value that spells its own setting name is a placeholder', () => {
  it('leaves `root_password` under MYSQL_ROOT_PASSWORD, `jwt-secret` under JWT_SECRET and `apiKey` under apiKey alone', () => {
    const compose =
      'services:\n  db:\n    image: mysql:8\n    ports:\n      - "3306:3306"\n    environment:\n' +
      '      MYSQL_ROOT_PASSWORD: root_password\n  cache:\n    image: acme/cache\n    environment:\n' +
      '      - CACHE_AUTH_TOKEN=auth-token\n';
    expect(lines('docker-compose.yml', compose)).toEqual([]);
    expect(lines('.env', 'JWT_SECRET=jwt-secret\nSESSION_SECRET=SESSION_SECRET\n')).toEqual([]);
    expect(lines('config/settings.json', '{ "stripe": { "apiKey": "apiKey" } }\n')).toEqual([]);
  });

  it('keeps a value with another word, a digit or a symbol, and a name it does not end with, reported', () => {
    const env =
      'MYSQL_ROOT_PASSWORD=root_password_2024\nDB_PASSWORD=root_password\nJWT_SECRET=jwt-secret!\n' +
      'API_KEY=prod_api_key\nADMIN_PASSWORD=Vq7mX2rT9kLp4sWzH8dN3bC6\n';
    expect(lines('.env', env)).toEqual([1, 2, 3, 4, 5]);
  });
});
