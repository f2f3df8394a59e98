/**
 * The presets' evidence floors (src/plugin.ts, src/catalogue/evidence.ts `recommendedMinEvidence`): what each
 * level looks like in real rule findings, and which of them `recommended` keeps and `strict` adds. Credential-shaped
 * values are built at run time from a hash, never written here.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/plugin.js';
import { takeEvidence } from '../../src/rule-kit/evidence.js';

const FILE = 'src/app.ts';
const randomText = (seed: string): string => createHash('sha256').update(seed).digest('base64url').slice(0, 32);

function lint(code: string, preset: 'recommended' | 'strict' | 'record'): { id: string; evidence?: string }[] {
  const linter = new Linter({ configType: 'flat' });
  const config =
    preset === 'record'
      ? { ...plugin.configs.recommended, settings: { keyhygiene: { minEvidence: 'name', recordEvidence: true } } }
      : plugin.configs[preset];
  takeEvidence();
  const messages = linter.verify(code, [config], { filename: FILE });
  const levels = new Map(takeEvidence().map((e) => [`${e.ruleId}:${e.line}:${e.column}`, e.evidence]));
  return messages.map((m) => ({
    id: `${m.ruleId}:${m.messageId}`,
    ...(levels.has(`${m.ruleId}:${m.line}:${m.column}`)
      ? { evidence: levels.get(`${m.ruleId}:${m.line}:${m.column}`) }
      : {}),
  }));
}

const level = (code: string): string[] => lint(code, 'record').map((m) => `${m.id.split('/')[1]}=${m.evidence}`);

describe('evidence levels of real findings', () => {
  it('format: a key block, a private JWK', () => {
    // A key block made at run time (the test commits no key).
    const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(level(`export const signingKey = ${JSON.stringify(pem)};`)).toEqual(['no-hardcoded-key:credential=format']);
    const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
    expect(level(`export const jwk = ${JSON.stringify(jwk)};`)).toEqual(['no-hardcoded-key:privateJwk=format']);
  });

  it('sink: a literal key at createCipheriv, a zero IV, a weak cipher, Math.random as a key', () => {
    const lit = randomText('k');
    expect(
      level(
        `import { createCipheriv } from 'node:crypto';\nexport const c = createCipheriv('aes-256-gcm', '${lit}', iv);`,
      ),
    ).toEqual(['no-hardcoded-key:hardcodedKey=sink']);
    expect(
      level(
        "import { createCipheriv } from 'node:crypto';\nexport const c = (k) => createCipheriv('aes-256-cbc', k, Buffer.alloc(16));",
      ),
    ).toEqual(['no-static-iv:staticIv=sink']);
    expect(
      level("import { createCipheriv } from 'node:crypto';\nexport const c = createCipheriv('des-cbc', k, iv);"),
    ).toEqual(['no-weak-key-size:weakCipher=sink']);
    expect(
      level(
        "import { createHmac } from 'node:crypto';\nexport const h = (d) => createHmac('sha256', String(Math.random())).update(d);",
      ),
    ).toEqual(['no-weak-randomness:weakRandom=sink']);
  });

  it('flow: a secret environment variable or a random key logged, Math.random under a token name', () => {
    expect(level('console.log(process.env.STRIPE_SECRET_KEY);')).toEqual(['no-logged-key:loggedKey=flow']);
    expect(
      level("import { randomBytes } from 'node:crypto';\nconst dataKey = randomBytes(32);\nconsole.log(dataKey);"),
    ).toEqual(['no-logged-key:loggedKey=flow']);
    expect(level('export function makeResetToken() {\n  return Math.random().toString(36).slice(2);\n}')).toEqual([
      'no-weak-randomness:weakRandom=flow',
    ]);
    expect(level('export const sessionToken = Math.floor(Math.random() * 1e16).toString(36);')).toEqual([
      'no-weak-randomness:weakRandom=flow',
    ]);
  });

  it('name: a value under a secret name, a secret-named value logged, a clock or counter under a token name', () => {
    expect(level(`export const apiSecret = '${randomText('s')}';`)).toEqual(['no-hardcoded-key:secretName=name']);
    expect(level('export function f(apiToken: string) {\n  console.log(apiToken);\n}')).toEqual([
      'no-logged-key:loggedKey=name',
    ]);
    expect(level('export function makeInviteCode() {\n  return Date.now().toString(36);\n}')).toEqual([
      'no-weak-randomness:weakRandom=name',
    ]);
    expect(level('let n = 0;\nexport function nextResetToken() {\n  return `rt-${++n}`;\n}')).toEqual([
      'no-weak-randomness:weakRandom=name',
    ]);
  });
});

describe('the presets and a configured floor', () => {
  const clockToken = 'export function makeInviteCode() {\n  return Date.now().toString(36);\n}';
  const pidToken = 'export const sessionId = `${process.pid}-${Date.now()}`;';
  const randomToken = 'export function makeResetToken() {\n  return Math.random().toString(36).slice(2);\n}';
  const clockKey =
    "import { createHmac } from 'node:crypto';\nexport const h = (d) => createHmac('sha256', String(Date.now())).update(d);";

  it('recommended and strict report every level (the audit applies its own floor, test/scanner/evidence.test.ts)', () => {
    for (const preset of ['recommended', 'strict'] as const) {
      for (const code of [clockToken, randomToken, clockKey])
        expect(lint(code, preset).map((m) => m.id)).toEqual(['keyhygiene/no-weak-randomness:weakRandom']);
      // The pid and the clock are two weak sources of one session id: each is reported.
      expect(lint(pidToken, preset)).toHaveLength(2);
    }
  });

  it('a configuration can set a floor, one level or per category', () => {
    const linter = new Linter({ configType: 'flat' });
    const run = (code: string, minEvidence: unknown) =>
      linter.verify(code, [plugin.configs.recommended, { settings: { keyhygiene: { minEvidence } } }], {
        filename: FILE,
      });
    expect(run(clockToken, { 'weak-randomness': 'flow' })).toHaveLength(0);
    expect(run(pidToken, { 'weak-randomness': 'flow' })).toHaveLength(0);
    expect(run(randomToken, { 'weak-randomness': 'flow' })).toHaveLength(1);
    expect(run(clockKey, { 'weak-randomness': 'flow' })).toHaveLength(1);
    expect(run(randomToken, 'sink')).toHaveLength(0);
    expect(run(clockKey, 'sink')).toHaveLength(1);
    const logged = 'export function f(apiToken: string) {\n  console.log(apiToken);\n}';
    expect(run(logged, { 'logged-key': 'flow' })).toHaveLength(0);
    expect(run(logged, { 'weak-randomness': 'format' })).toHaveLength(1);
  });
});
