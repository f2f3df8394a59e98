/**
 * no-hardcoded-key (issue 11, session 36, branch hc20): three mechanisms.
 * - A `<word> token` name (`CI_UPLOAD_TOKEN`, `bootstrapScimToken`) holds a bearer credential when its value is long
 *   and machine-made (catalogue `tokenHolderName`); page, cursor, lexer and device tokens hold none.
 * - A code `environment: { … }` map (CDK, ECS, next.config `env`) sets environment variables: a secret variable's
 *   literal is judged as a `.env` line's is (catalogue `envMapName`).
 * - A key id (`…_KID`) and a directory of secret files (`SECRETS_DIR`) name a key, they do not hold one.
 * - An HMAC over a key-agreement secret is HKDF-Extract by hand: its literal key is the salt, a public label.
 * - A value that says it must not be used (`dev-secret-do-not-use`) is a placeholder.
 * Near misses stay quiet: placeholders, public-by-design tokens, identifiers and word values.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-hardcoded-key.js';
import { lintWith } from '../helpers/probe.js';

function lint(code: string, filename = 'src/server/tokens.ts'): [string | undefined, number, number][] {
  return lintWith(rule, code, filename).map((m) => [m.messageId, m.line, m.column]);
}

describe('no-hardcoded-key (<word> token names)', () => {
  it('reports a long machine-made value under a <word> token constant', () => {
    const code =
      "const CI_UPLOAD_TOKEN = 'fwup_Qm7ZrT2xKp9LwN4bVc8HdJ3sYf6GaE1uRt5n';\n" +
      "export const bootstrapScimToken = 'scim_bt_h8Kq2Vz9Lm4Xw8Rk1Tn6Yc3Pb5Jd0Gf';\n" +
      "export const RELEASE_TOKEN = 'Xk3pQ9vT7mL2wN8rB5cY1hJ4dF6sG0aE';\n" +
      'export const ok = (t: string) => t === CI_UPLOAD_TOKEN;\n';
    expect(lint(code)).toEqual([
      ['secretName', 1, 25],
      ['secretName', 2, 35],
      ['secretName', 3, 30],
    ]);
  });

  it('stays quiet on page, lexer, device and CSRF tokens, short words and placeholders', () => {
    const code =
      "export const NEXT_PAGE_TOKEN = 'CAESBggBEAEYAQ7Hq2Vz9Lm4Xw8Rk1Tn';\n" +
      "export const eosToken = '<|endoftext|>';\n" +
      "export const devicePushToken = 'f3Kq9Lm2Vx7WbR4tZ8cN1hJ6dY0sG5aE';\n" +
      "export const csrfToken = 'Xk3pQ9vT7mL2wN8rB5cY1hJ4dF6sG0aE';\n" +
      "export const UPLOAD_TOKEN = 'upload-token';\n" +
      "export const ADMIN_TOKEN = '<your-admin-token>';\n" +
      "export const SERVICE_TOKEN = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';\n" +
      "export const TOKEN = 'Xk3pQ9vT7mL2wN8rB5cY1hJ4dF6sG0aE';\n" +
      "export const MAPBOX_PUBLIC_TOKEN =\n  'pk.eyJ1IjoiZmFrZXVzZXIiLCJhIjoiY2Zha2UwMDAwMDAwIn0.FaKe0q9Zt7sK2mN4pL8vR6';\n" +
      "export const pool = { rewardToken: '0xdCe3d2C2186e3E92Af121F477dE76cBeD2FC979f', stakeToken: '0x' };\n" +
      "export const mockUser = { passwordResetToken: 'MjAxOS0wNC0xNVQxMzozMDo_Qx7vR2mK9pLw4Tz8' };\n" +
      "export const verificationToken = 'Xk3pQ9vT7mL2wN8rB5cY1hJ4dF6sG0aE';\n";
    expect(lint(code)).toEqual([]);
  });
});

describe('no-hardcoded-key (environment maps in code)', () => {
  it('reports a secret variable set in a CDK function, an ECS container and next.config env', () => {
    const code =
      "new lambda.Function(this, 'Signer', {\n" +
      '  environment: {\n' +
      "    LOG_LEVEL: 'info',\n" +
      "    RELEASE_TOKEN: 'rt_4c1e9a7f3b2d8e6a0c5f1b9d7e3a2c4f',\n" +
      '  },\n' +
      '});\n' +
      "task.addContainer('api', { environment: { DB_PASSWORD: 'Hq7Lp2xR9!zW' } });\n" +
      "module.exports = { env: { QUOTE_SIGNING_KEY: 'fq_42b87830183ec786742ca41bda59ebd0' } };\n";
    expect(lint(code, 'infra/cdk/lib/stack.ts')).toEqual([
      ['secretName', 4, 20],
      ['secretName', 7, 56],
      ['secretName', 8, 46],
    ]);
  });

  it('stays quiet on references, placeholders, words, public variables and ordinary settings', () => {
    const code =
      "new lambda.Function(this, 'Signer', {\n" +
      '  environment: {\n' +
      '    RELEASE_TOKEN: props.releaseToken,\n' +
      "    API_TOKEN: '${API_TOKEN}',\n" +
      "    DB_PASSWORD: 'changeme',\n" +
      "    SESSION_SECRET: 'session-secret',\n" +
      "    NEXT_PUBLIC_SITE_KEY: '6LfQx2kqAAAAAJz8Vb3RnT5mWc1Hd7Yp9Ke4Gs0L',\n" +
      "    SECRETS_DIR: '/run/secrets',\n" +
      "    TABLE_NAME: 'orders-2024-Qx7v',\n" +
      '  },\n' +
      '});\n' +
      "export const settings = { environments: { PASSWORD_RULE: 'min8-upper1' } };\n";
    expect(lint(code, 'infra/cdk/lib/stack.ts')).toEqual([]);
  });
});

describe('no-hardcoded-key (key ids and secret directories)', () => {
  it('stays quiet on a key id fallback and a secrets directory fallback', () => {
    const code =
      "export const kid = process.env.AUDIT_TOKEN_KID ?? 'ml-2026-10';\n" +
      "export const rsKid = process.env.ID_TOKEN_KID ?? 'tnt-rs256-2025-06';\n" +
      "export const dir = process.env.SECRETS_DIR || '/run/secrets';\n";
    expect(lint(code)).toEqual([]);
  });

  it('still reports a secret fallback beside them', () => {
    const code =
      "export const kid = process.env.AUDIT_TOKEN_KID ?? 'ml-2026-10';\n" +
      "export const secret = process.env.AUDIT_TOKEN_SECRET ?? 'Xk3pQ9vT7mL2wN8rB5cY1hJ4';\n";
    expect(lint(code)).toEqual([['fallbackSecret', 2, 57]]);
  });
});

describe('no-hardcoded-key (HKDF-Extract by hand)', () => {
  it('stays quiet on a label keying an HMAC over an ECDH or X25519 secret', () => {
    const code =
      "import { createECDH, createHmac, diffieHellman } from 'node:crypto';\n" +
      'export function pair(peer: Buffer) {\n' +
      "  const ecdh = createECDH('prime256v1');\n" +
      '  ecdh.generateKeys();\n' +
      '  const shared = ecdh.computeSecret(peer);\n' +
      "  return createHmac('sha256', 'acme-ble-v2').update(shared).digest();\n" +
      '}\n' +
      'export function agree(privateKey: any, publicKey: any) {\n' +
      "  return createHmac('sha256', 'acme-x25519-salt').update(diffieHellman({ privateKey, publicKey })).digest();\n" +
      '}\n';
    expect(lint(code, 'src/device/pairing.ts')).toEqual([]);
  });

  it('still reports a literal HMAC key over a message, a password or a request body', () => {
    const code =
      "import { createHmac } from 'node:crypto';\n" +
      "export const sign = (body: string) => createHmac('sha256', 'Qx7vR2mK9pLw4Tz8').update(body).digest('hex');\n" +
      'export function derive(password: string) {\n' +
      "  return createHmac('sha256', 'acme-ble-v2').update(password).digest();\n" +
      '}\n';
    expect(lint(code, 'src/device/pairing.ts')).toEqual([
      ['hardcodedKey', 2, 60],
      ['hardcodedKey', 4, 31],
    ]);
  });
});

describe('no-hardcoded-key (values that say they must not be used)', () => {
  it('stays quiet on a do-not-use value and reports a secret beside it', () => {
    const code =
      "export const devSecret = process.env.JWT_SECRET ?? 'dev-secret-do-not-use';\n" +
      "export const other = process.env.SESSION_SECRET ?? 'Xk3pQ9vT7mL2wN8rB5cY1hJ4';\n";
    expect(lint(code)).toEqual([['fallbackSecret', 2, 52]]);
  });
});
