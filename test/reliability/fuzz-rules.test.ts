/**
 * Property-based fuzzing: random and mutated sources (deep nesting, huge literals, unicode, odd syntax,
 * TSX, decorators, `using`, class fields) never make a rule throw, in either preset. A rule that throws
 * takes down the user's whole ESLint run; a parse error is the parser's business and comes back as a
 * fatal message instead.
 * CI runs a bounded number of cases; KEYHYGIENE_FUZZ_RUNS raises it (npm run soak).
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/plugin.js';

const RUNS = Number(process.env.KEYHYGIENE_FUZZ_RUNS ?? 250);

const fragments = [
  "import crypto from 'node:crypto';",
  "import * as c from 'crypto';",
  "const { createCipheriv, randomBytes, pbkdf2Sync } = require('crypto');",
  "import jwt from 'jsonwebtoken';",
  "import session from 'express-session';",
  "import * as kms from 'aws-cdk-lib/aws-kms';",
  "import { RemovalPolicy, Duration } from 'aws-cdk-lib';",
  "import fs from 'node:fs';",
  "const key = Buffer.from('3f1a9c7e5b2d4f6081a3c5e7f9b1d3e5', 'hex');",
  'const iv = Buffer.alloc(16);',
  'let k; k = k || "fallback-value-123"; k = k ?? null;',
  "crypto.createCipheriv('aes-256-gcm', key, iv);",
  'createCipheriv(alg, ...args);',
  'crypto.createCipheriv(...[1, 2, 3]);',
  "jwt.sign({ sub: 1 }, process.env.S || 'x', { algorithm: 'HS256' });",
  'jwt.sign();',
  'app.use(session({ ...opts, secret }));',
  'const token = Math.random().toString(36).slice(2);',
  'function makeResetToken() { return Date.now() + Math.random(); }',
  'const salt = "static-salt"; pbkdf2Sync(password, salt, 1000, 32, "sha1");',
  "new kms.Key(this, 'K');",
  "new kms.Key(this, 'K', { removalPolicy: RemovalPolicy.DESTROY, pendingWindow: Duration.days(7) });",
  "new kms.Key(this, 'K', { enableKeyRotation: true, rotationPeriod: Duration.days(999999) });",
  "fs.unlinkSync('/etc/keys/server.key');",
  'console.log(process.env);',
  'console.log(JSON.stringify(process.env.JWT_SECRET));',
  'logger.info({ apiKey });',
  'throw new Error(`bad key ${key}`);',
  "crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });",
  "crypto.createCipheriv('des-ede3-cbc', key, iv);",
  "await crypto.subtle.importKey('jwk', { kty: 'oct', k: 'GawgguFyGrWKav7AX4VKUg' }, 'AES-GCM', false, ['encrypt']);",
  'class S { #key = "Zq8vR6xW1yB5cD3eF7gH9jK2lM4nP6qR"; static { this.x = 1; } accessor y = 2; }',
  '@decorator() class D { @prop() secretKey = "abc"; constructor(private readonly apiKey: string = "k") {} }',
  'using res = getResource(); await using h = open();',
  'const ünïcödé_κλειδί = "ключ-секрет-🔑"; const \\u0061pi = 1;',
  'label: for (const x of y) { if (x) continue label; else break label; }',
  'const t = `a${`b${`c${key}`}`}`;',
  "const o = { ['computed' + k]: 1, get secret() { return 'v'; }, set secret(v) {}, async *gen() {} };",
  'x?.y?.(z)?.[w] ?? (a ||= b) && (c &&= d) || (e ??= f);',
  'const big = 12345678901234567890n; const re = /(?<n>a)\\k<n>/v;',
  'export default function <T extends object>(x: T): asserts x is T {}',
  'enum E { A = 1, B } namespace N { export const v = E.A; } declare module "m" {}',
  'type T = { [K in keyof X as `get${Capitalize<K & string>}`]: X[K] };',
  'const el = <div className="x" data-key={key}>{secret}</div>;',
  'import.meta.env.VITE_KEY; process.env["JWT_SECRET"]; process.env[name];',
  'delete cache.key; keys.delete(id); key = null; key.fill(0);',
  'try { f(); } catch { } finally { key?.fill(0); }',
  ';;;{}{}(()=>{})();',
];

const deep = (n: number): string =>
  `${'(function(){ if (a) { '.repeat(n)}crypto.createCipheriv('aes-256-gcm', key, iv);${' } })();'.repeat(n)}`;
const big = (n: number): string => `const apiSecret = '${'Ab9'.repeat(n)}';`;

const source = fc.oneof(
  fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 12 }).map((xs) => xs.join('\n')),
  fc
    .tuple(
      fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 8 }),
      fc.nat(),
      fc.nat(),
      fc.string({ maxLength: 8 }),
    )
    .map(([xs, i, j, ins]) => {
      // A random splice: delete a span and insert junk, to reach odd and broken syntax.
      const s = xs.join('\n');
      const a = i % (s.length + 1);
      const b = Math.min(s.length, a + (j % 12));
      return s.slice(0, a) + ins + s.slice(b);
    }),
  fc.integer({ min: 1, max: 400 }).map(deep),
  fc.integer({ min: 1, max: 60_000 }).map(big),
  fc.string({ unit: 'binary', maxLength: 300 }),
);

const linter = new Linter({ configType: 'flat', cwd: '/fuzz' });
const configs = (parserJsx: boolean): Linter.Config[] =>
  (['recommended', 'strict'] as const).map((name) => ({
    ...plugin.configs[name],
    languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: parserJsx } } },
  }));

describe('rules never throw on any source', () => {
  for (const ext of ['ts', 'tsx', 'js', 'mjs'] as const) {
    it(`.${ext} files (${RUNS} cases)`, () => {
      fc.assert(
        fc.property(source, (code) => {
          for (const cfg of configs(ext === 'tsx')) {
            // verify() rethrows a rule's exception; parse errors come back as fatal messages.
            const messages = linter.verify(code, [cfg], { filename: `/fuzz/src/file.${ext}` });
            expect(Array.isArray(messages)).toBe(true);
          }
        }),
        { numRuns: RUNS },
      );
    });
  }
});
