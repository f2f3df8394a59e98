/**
 * Values the text-file pass must not take for secrets, as real repositories write them (docs/benchmarks.md,
 * "Real repositories": the false-positive classes), each beside a near miss that is still reported:
 * references read as values, translated UI text under a password key, flags and settings under secret-looking
 * names, and the settings an app keeps in a Kubernetes Secret. Every secret-shaped value here is FAKE.
 */
import { describe, expect, it } from 'vitest';
import { isPasswordLike, isReference } from '../../src/catalogue/credentials.js';
import { isSecretEnvName } from '../../src/detect/index.js';
import { scanTextFile } from '../../src/scanner/detect/text.js';

const lines = (rel: string, text: string): number[] => scanTextFile(rel, text).findings.map((f) => f.location.line);

const PASSWORD = ['Hq7Lp2', 'xR9!v'].join('');
const RANDOM = ['q9Zt7sK2mN4pL8vR', '6xW1yB5cD3eF7gH9'].join('');

describe('references are not values', () => {
  it('a subscript cut at its quote (Python os.environ, a parsed secret) is code', () => {
    const py = [
      'conn = psycopg2.connect(',
      '    host=os.environ["DB_HOST"],',
      '    password=os.environ["DB_PASSWORD"],',
      ')',
      "redis_password = os.environ['REDIS_PWD']",
      "db_password = secret['password']",
      "password=response['SecretString']",
      `password="${PASSWORD}"`,
      '',
    ].join('\n');
    expect(lines('app/backend/db.py', py)).toEqual([8]);
    expect(isPasswordLike('os.environ[')).toBe(false);
    expect(isPasswordLike('response[')).toBe(false);
    // a password that merely contains a bracket is still one
    expect(isPasswordLike('Hq7[Lp2x')).toBe(true);
  });

  it('a quoted or escaped shell variable is a reference', () => {
    const sh = [
      'echo "db.createUser({',
      '  user: \\"$USER_NAME\\",',
      '  pwd: \\"$USER_PASSWORD\\",',
      '})" | mongo',
      `MONGO_PASSWORD=${PASSWORD}`,
      '',
    ].join('\n');
    expect(lines('database/start.sh', sh)).toEqual([5]);
    expect(isReference('\\"$USER_PASSWORD\\",')).toBe(true);
    expect(isReference('"${DB_PASSWORD}"')).toBe(true);
    expect(isReference('"$PW"')).toBe(true);
    expect(isReference(`"${PASSWORD}"`)).toBe(false);
  });
});

describe('prose is not a password', () => {
  it('translated UI text under a message key that contains "password"', () => {
    const json = JSON.stringify(
      {
        recoveryPassword: 'Återställningslösenord',
        qrNotRecoveryPassword: 'このQRコードにはリカバリーパスワードが含まれていません',
        'Amy decided to strengthen her password.': 'Amyのパスワード強化方法に関する手がかり。',
        adminPassword: PASSWORD,
      },
      null,
      2,
    );
    expect(lines('_locales/sv/messages.json', json)).toEqual([5]);
  });

  it('a password written with non-ASCII letters and a digit or an ASCII symbol is still one', () => {
    expect(isPasswordLike('pässwörd7')).toBe(true);
    expect(isPasswordLike('Sänger!x')).toBe(true);
    expect(isPasswordLike('Återställningslösenord')).toBe(false);
    expect(isPasswordLike('パスワード、QRコード。')).toBe(false);
  });
});

describe('flags and settings under secret-looking names', () => {
  it('.env: a boolean flag, an auth method and a user name are not secrets; the secret beside them is', () => {
    const env = [
      'SHOW_TOKEN_FEATURES=false',
      'POSTGRES_HOST_AUTH_METHOD=trust',
      'BASIC_AUTH_USERNAME=documenso',
      'API_TOKEN_ENABLED=true',
      `API_TOKEN=${RANDOM}`,
      '',
    ].join('\n');
    expect(lines('.env', env)).toEqual([5]);
  });

  it("a PostHog project key (phc_, public by PostHog's documentation) is not reported; a personal key (phx_) is", () => {
    const phc = ['phc', 'fAkE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH9jK2lM4'].join('_');
    const phx = ['phx', 'fAkE0q9Zt7sK2mN4pL8vR6xW1yB5cD3eF7gH9jK2lM4'].join('_');
    expect(lines('.env.defaults', `POSTHOG_API_KEY="${phc}"\nPOSTHOG_PERSONAL_API_KEY="${phx}"\n`)).toEqual([2]);
  });

  it('names a setting about a secret (method, user, mode, features) as no secret name', () => {
    for (const n of ['POSTGRES_HOST_AUTH_METHOD', 'SMTP_AUTH_USER', 'BASIC_AUTH_USERNAME', 'SHOW_TOKEN_FEATURES'])
      expect(isSecretEnvName(n), n).toBe(false);
    for (const n of ['SMTP_AUTH_PASSWORD', 'AUTH_SECRET', 'GITHUB_TOKEN', 'AUTH_TOKEN_PROD'])
      expect(isSecretEnvName(n), n).toBe(true);
  });
});

describe('a Kubernetes Secret holds settings too', () => {
  it('reports the secrets and passwords in it, not an engine name, a URL, a region or a flag', () => {
    const yaml = [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: app',
      'stringData:',
      '  DB_ENGINE: sql',
      '  DB_TYPE: mariadb',
      '  NEXTAUTH_URL: http://localhost:5225',
      '  DB_URL: mongodb://ledger-mongo:27017/ledger',
      '  DYNAMODB_URL: http://ledger-dynamodb:8000',
      "  REGION: 'eu-west-1'",
      '  DB_MANUAL_MIGRATION: "true"',
      `  SESSION_SECRET: ${RANDOM}`,
      `  CONNECTION: ${RANDOM}`,
      `  DATABASE_URL: postgres://app:${PASSWORD}@db.fake.test:5432/app`,
      '',
    ].join('\n');
    expect(lines('k8s/secret.yaml', yaml)).toEqual([13, 14, 15]);
  });
});
