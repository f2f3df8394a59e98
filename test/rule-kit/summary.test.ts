/**
 * One producer of per-file summaries (src/rule-kit/flow/summary.ts) on one export table
 * (src/rule-kit/flow/exports.ts): the forms the table reads, and the audit's recorded summary being exactly the
 * producer's, and the value view (`summariseExports`: literal values and weak algorithm names, objects that hold
 * secrets, and what exported functions return). Every key is FAKE.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { moduleExports } from '../../src/rule-kit/flow/exports.js';
import {
  moduleSummariser,
  summariseExports,
  type ExportSummary,
  type ModuleSummary,
} from '../../src/rule-kit/flow/summary.js';
import { summariseText } from '../../src/scanner/detect/lint.js';

const KEY = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'; // fake

/** Runs `probe` on the parsed file at `Program:exit`, with the sources the rules get. */
function withSource<R>(code: string, filename: string, probe: (sc: Readonly<TSESLint.SourceCode>) => R): R {
  let got: R | undefined;
  const rule: TSESLint.RuleModule<'x'> = {
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    defaultOptions: [],
    create(context) {
      const summariser = moduleSummariser(context.sourceCode, { sinks: true });
      return {
        CallExpression: (n) => summariser.onCall(n),
        NewExpression: (n) => summariser.onCall(n),
        'Program:exit'() {
          got = probe(context.sourceCode);
          summaries.set(code, summariser.finish());
        },
      };
    },
  };
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        plugins: { p: { rules: { s: rule as never } } },
        languageOptions: { parser: tsParser as Linter.Parser },
        rules: { 'p/s': 'error' },
      },
    ],
    { filename },
  );
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return got as R;
}
const summaries = new Map<string, ModuleSummary>();

const table = (code: string, filename = 'src/mod.ts') =>
  withSource(code, filename, (sc) => {
    const t = moduleExports(sc.ast);
    return {
      names: t.bindings.map((b) => `${b.name}${b.imported ? ' (import)' : ''}${b.reassignable ? ' (let)' : ''}`),
      values: Object.fromEntries(t.bindings.map((b) => [b.name, b.value?.type ?? null])),
      reexports: t.reexports,
    };
  });

describe('moduleExports', () => {
  it('reads ESM declarations, specifiers, import aliases, defaults and re-exports', () => {
    const t = table(
      [
        "import { k } from './keys';",
        "export const A = 'x', B = 2;",
        'export let counter = 0;',
        'export function f() { return 1; }',
        'export class C {}',
        "export enum E { One = 'one' }",
        'const hidden = { n: 1 };',
        'export { hidden as shown, k as k2 };',
        "export { a as b } from './x';",
        "export * from './y';",
        "export * as ns from './z';",
        'export default hidden;',
      ].join('\n'),
    );
    expect(t.names).toEqual(['A', 'B', 'counter (let)', 'f', 'C', 'E', 'shown', 'k2 (import)', 'default']);
    expect(t.values).toMatchObject({
      A: 'Literal',
      f: 'FunctionDeclaration',
      C: 'ClassDeclaration',
      E: 'TSEnumDeclaration',
      shown: 'ObjectExpression',
      k2: null,
      default: 'ObjectExpression',
    });
    expect(t.reexports).toEqual([
      ['./x', 'b', 'a'],
      ['./y', '*', '*'],
      ['./z', 'ns', '*'],
    ]);
  });

  it('reads CommonJS: an object (literal, const or frozen) gives each property and the whole as default', () => {
    const literal = table("const ALG = 'des-ecb';\nmodule.exports = { ALG, retries: 3 };", 'src/a.js');
    expect(literal.names).toEqual(['default', 'ALG', 'retries']);
    expect(literal.values).toEqual({ default: 'ObjectExpression', ALG: 'Literal', retries: 'Literal' });
    const viaConst = table('const settings = { apiKey: process.env.K };\nmodule.exports = settings;', 'src/b.js');
    expect(viaConst.names).toEqual(['default', 'apiKey']);
    const frozen = table("module.exports = Object.freeze({ mode: 'ecb' });\nexports.extra = 1;", 'src/c.js');
    expect(frozen.names).toEqual(['default', 'mode', 'extra']);
    expect(frozen.values).toMatchObject({ default: 'CallExpression', mode: 'Literal', extra: 'Literal' });
  });

  it('reads a CommonJS barrel that spreads other modules into its exports object (session 25)', () => {
    const barrel = table(
      "module.exports = { ...require('./random'), ...require('./log'), version: 2, ...helpers };",
      'src/index.js',
    );
    expect(barrel.names).toEqual(['default', 'version']);
    expect(barrel.reexports).toEqual([
      ['./random', '*', '*'],
      ['./log', '*', '*'],
    ]);
  });
});

describe('one producer', () => {
  const files: Array<[string, string]> = [
    [
      'src/keys.ts',
      [
        "import { material } from './material';",
        `export const K = '${KEY}';`,
        'export const M = material;',
        'export function nonce() { return Date.now().toString(16); }',
        "export const settings = { cipher: 'des-ede3-cbc', password: process.env.DB_PASSWORD };",
      ].join('\n'),
    ],
    [
      'src/use.ts',
      [
        "import crypto from 'node:crypto';",
        "import { K, settings } from './keys';",
        "import * as ids from './ids';",
        'export const c = (iv: Buffer) => crypto.createCipheriv(settings.cipher, K, iv);',
        'export const resetToken = () => ids.next();',
        'console.log(settings);',
      ].join('\n'),
    ],
  ];

  it.each(files)('the audit records exactly what the rule-kit producer returns (%s)', (name, code) => {
    const recorded = summariseText('/app', `/app/${name}`, code);
    withSource(code, name, () => undefined);
    expect(recorded).toEqual(summaries.get(code));
    expect(Object.keys(recorded?.exports ?? {}).length + (recorded?.uses.length ?? 0)).toBeGreaterThan(0);
    expect(JSON.stringify(recorded)).not.toContain(KEY.slice(0, 12));
  });

  it('describes the exports the value view lists, from the same table', () => {
    const [, code] = files[0]!;
    const view = withSource(code, 'src/keys.ts', (sc) => summariseExports(sc).map((e) => e.name));
    expect(view).toEqual(['K', 'M', 'nonce', 'settings']);
    expect(summaries.get(code)?.exports).toEqual({
      K: { facts: ['secret'] },
      M: { alias: 'material' },
      nonce: { facts: ['weak'] },
      // Any non-empty literal reaching a key argument counts as key material (classifyValue in a key sink): the
      // ts-morph step classifies again at the sink it reaches.
      settings: { facts: ['secret', 'secret-holder', 'weak-alg'] },
    });
  });
});

function summarise(code: string, filename = 'src/mod.ts'): readonly ExportSummary[] {
  return withSource(code, filename, (sc) => summariseExports(sc));
}

const byName = (s: readonly ExportSummary[], name: string): ExportSummary | undefined => s.find((e) => e.name === name);

describe('summariseExports (the value view)', () => {
  it('reports exported literals and names the weak cipher a shared constant holds', () => {
    const s = summarise(
      "export const LEGACY_CIPHER = 'des-ede3-cbc';\nexport const KEY_BITS = 1024;\nexport const MODE = 'aes-256-gcm';",
    );
    expect(byName(s, 'LEGACY_CIPHER')).toEqual({
      name: 'LEGACY_CIPHER',
      line: 1,
      value: { kind: 'string', value: 'des-ede3-cbc', weakAlgorithm: '3des' },
    });
    expect(byName(s, 'KEY_BITS')?.value).toEqual({ kind: 'number', value: 1024 });
    expect(byName(s, 'MODE')?.value).toEqual({ kind: 'string', value: 'aes-256-gcm' });
  });

  it('lists the secret-holding paths of an exported config object without copying any secret', () => {
    const s = summarise(
      "const config = {\n  port: 8080,\n  jwtSecret: process.env.JWT_SECRET,\n  db: { host: 'db', password: 'hunter2-not-real' },\n  archive: { cipher: 'rc4' },\n};\nexport { config };",
    );
    expect(byName(s, 'config')?.value).toEqual({
      kind: 'object',
      secrets: [
        { path: 'jwtSecret', from: 'env' },
        { path: 'db.password', from: 'literal' },
      ],
      weakAlgorithms: [{ path: 'archive.cipher', id: 'rc4' }],
    });
    expect(JSON.stringify(s)).not.toContain('hunter2');
  });

  it('says what exported functions return and how parameters reach the return value', () => {
    const s = summarise(
      "import { createHash, randomBytes, scryptSync } from 'node:crypto';\nexport function makeToken() {\n  return Math.random().toString(36).slice(2);\n}\nexport const keyFrom = (pw: string) => createHash('sha256').update(pw).digest();\nexport const strongToken = () => randomBytes(32).toString('hex');\nexport function derive(passphrase: string, salt: Buffer) {\n  return scryptSync(passphrase, salt, 32);\n}\nexport function sessionId(userId: string) {\n  return `${userId}-${Date.now()}-${process.pid}`;\n}",
    );
    expect(byName(s, 'makeToken')?.value).toEqual({ kind: 'function', returns: ['weak-random'], params: [] });
    expect(byName(s, 'keyFrom')?.value).toEqual({
      kind: 'function',
      returns: [],
      params: [{ index: 0, via: ['hash'] }],
    });
    expect(byName(s, 'strongToken')?.value).toEqual({ kind: 'function', returns: [], params: [] });
    expect(byName(s, 'derive')?.value).toEqual({
      kind: 'function',
      returns: ['password-derived'],
      params: [{ index: 0, via: ['kdf'] }],
    });
    expect(byName(s, 'sessionId')?.value).toMatchObject({ kind: 'function', returns: ['weak-random'] });
  });

  it('reads CommonJS exports', () => {
    const s = summarise(
      "const ALG = 'des-ecb';\nfunction nonce() { return Date.now().toString(16); }\nmodule.exports = { ALG, nonce, retries: 3 };\nexports.cfg = { apiKey: 'k' };",
      'src/mod.js',
    );
    expect(byName(s, 'ALG')?.value).toEqual({ kind: 'string', value: 'des-ecb', weakAlgorithm: 'des' });
    expect(byName(s, 'nonce')?.value).toEqual({ kind: 'function', returns: ['weak-random'], params: [] });
    expect(byName(s, 'retries')?.value).toEqual({ kind: 'number', value: 3 });
    expect(byName(s, 'cfg')?.value).toEqual({
      kind: 'object',
      secrets: [{ path: 'apiKey', from: 'literal' }],
      weakAlgorithms: [],
    });
  });
});
