/**
 * Module summaries, recorded in the lint pass: what each file exports that matters across modules, which
 * import bindings it uses where that matters, and that no secret ever enters a summary. Every key is FAKE.
 */
import { describe, expect, it } from 'vitest';
import { lintFile, summariseText } from '../../src/scanner/detect/lint.js';
import { mayJoin } from '../../src/scanner/detect/module-summary.js';
import { hasWeakKeyword } from '../../src/rule-kit/flow/summary.js';
import { moduleKeywords, needsInventory } from '../../src/scanner/inventory.js';

const KEY = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'; // fake
const summary = (text: string, file = 'm.ts') => summariseText('/app', `/app/${file}`, text);

describe('exports', () => {
  it('marks literal key material, objects holding it, wrapped literals and enums, and never stores the value', () => {
    const s = summary(
      [
        `export const K = '${KEY}';`,
        `export const raw = { nested: { signing: '${KEY}' } };`,
        `const local = '${KEY}';`,
        `export const B = Buffer.from(local, 'hex');`,
        `export enum Keys { Main = '${KEY}' }`,
        "export const NAME = 'dummy-key';",
        'export const N = 42;',
        `export let L = '${KEY}';`,
      ].join('\n'),
    );
    expect(s?.exports).toEqual({
      K: { facts: ['secret'] },
      raw: { facts: ['secret'] },
      B: { facts: ['made', 'secret'] },
      Keys: { facts: ['secret'] },
    });
    expect(JSON.stringify(s)).not.toContain(KEY.slice(0, 12));
  });

  it('marks weak-random helpers (functions, arrows, classes) and not CSPRNG ones', () => {
    const s = summary(
      [
        'export function rnd(n: number) { return Math.random().toString(36).slice(2, n); }',
        'export const arrow = () => Date.now().toString(36);',
        'export class Ids { static next() { return Math.random(); } }',
        "import { randomBytes } from 'node:crypto';",
        "export const strong = (n: number) => randomBytes(n).toString('hex');",
        'function hidden() { return Math.random(); }',
        'export { hidden as shown };',
      ].join('\n'),
    );
    expect(s?.exports).toEqual({
      rnd: { facts: ['weak'] },
      arrow: { facts: ['weak'] },
      Ids: { facts: ['weak'] },
      shown: { facts: ['weak'] },
    });
    expect(s?.weakHelpers).toEqual(['Ids', 'arrow', 'hidden', 'rnd']);
  });

  it('takes the weak-helper verdict from the engine: a clock read for an expiry or an id field is not one', () => {
    const s = summary(
      [
        "import { createHmac } from 'node:crypto';",
        'export function signed(res: string, key: string) {',
        '  const exp = Math.floor(Date.now() / 1000) + 60;',
        "  return `${res}&sig=${createHmac('sha256', key).update(res + exp).digest('hex')}`;",
        '}',
        'export const event = (base: object) => ({ ...base, createdAt: Date.now() });',
        'export function delay() { setTimeout(() => Math.random(), 10); return 5; }',
        'export const id = () => `${Date.now()}-${Math.random()}`;',
      ].join('\n'),
    );
    expect(s?.weakHelpers).toEqual(['id']);
    expect(s?.exports).toEqual({ id: { facts: ['weak'] } });
  });

  it('records re-exports, namespace re-exports, aliases of imports and CommonJS exports', () => {
    const s = summary(
      [
        "export { a as b, c } from './x';",
        "export * from './y';",
        "export * as ns from './z';",
        "import { k } from './keys';",
        'export const K2 = k;',
        'export { k as k3 };',
      ].join('\n'),
    );
    expect(s?.reexports).toEqual([
      ['./x', 'b', 'a'],
      ['./x', 'c', 'c'],
      ['./y', '*', '*'],
      ['./z', 'ns', '*'],
    ]);
    expect(s?.exports).toEqual({ K2: { alias: 'k' }, k3: { alias: 'k' } });
    expect(s?.imports).toEqual({ k: ['./keys', 'k'] });
    const cjs = summary(
      `const k = '${KEY}';\nmodule.exports = { k, other: 1 };\nexports.client = new Client();`,
      'c.js',
    );
    // The whole `module.exports` object is the default export (`import cfg from './c.js'; cfg.k`).
    expect(cjs?.exports).toEqual({
      k: { facts: ['secret'] },
      default: { facts: ['secret'] },
      client: { facts: ['made'] },
    });
  });
});

describe('records built of imports, and CommonJS barrels', () => {
  it('keeps every import binding an exported object holds, not only the first', () => {
    const s = summary(
      [
        "import { MODERN, LEGACY } from '@acme/crypto-settings';",
        'export const cryptoConfig = {',
        '  modern: { algorithm: MODERN },',
        '  legacy: { algorithm: LEGACY },',
        '  again: { algorithm: MODERN },',
        '};',
      ].join('\n'),
    );
    expect(s?.exports).toEqual({ cryptoConfig: { alias: 'MODERN', holds: ['LEGACY'] } });
    expect(s?.imports).toEqual({
      MODERN: ['@acme/crypto-settings', 'MODERN'],
      LEGACY: ['@acme/crypto-settings', 'LEGACY'],
    });
  });

  it('reads `module.exports = require(...)` as a re-export of everything, and a plain object as no barrel', () => {
    expect(summary("module.exports = require('./settings');", 'lib/index.js')?.reexports).toEqual([
      ['./settings', '*', '*'],
    ]);
    expect(summary("module.exports = { cipher: require('./settings').cipher };", 'lib/other.js')?.reexports).toEqual(
      [],
    );
  });
});

describe('uses', () => {
  it('records import bindings that reach a key sink, through local consts, Buffer.from and fallbacks', () => {
    const s = summary(
      [
        "import crypto from 'node:crypto';",
        "import jwt from 'jsonwebtoken';",
        "import { material } from './keys';",
        "import * as lib from './lib';",
        "import { unrelated } from './other';",
        "const key = Buffer.from(process.env.K ?? material, 'hex');",
        "export const c = (iv: Buffer) => crypto.createCipheriv('aes-256-gcm', key, iv);",
        'export const s = (p: object) => jwt.sign(p, lib.cfg.signing);',
        "export const h = () => crypto.createHash('sha256').update(unrelated);",
      ].join('\n'),
    );
    expect(s?.uses).toEqual([
      { kind: 'key', local: 'material', line: 7 },
      { kind: 'key', local: 'lib', member: 'cfg', line: 8 },
    ]);
    expect(s?.imports).toEqual({ material: ['./keys', 'material'], lib: ['./lib', '*'] });
  });

  it('records import bindings that reach an algorithm argument, and exports naming weak ciphers', () => {
    const s = summary(
      [
        "import { createCipheriv } from 'node:crypto';",
        "import { CIPHER } from './config';",
        'export const a = (k: Buffer, iv: Buffer) => createCipheriv(CIPHER, k, iv);',
        "export const LEGACY = 'des-ede3-cbc';",
        "export const MODES = { old: 'aes-128-ecb', current: 'aes-256-gcm' };",
        "export const GOOD = 'aes-256-gcm';",
      ].join('\n'),
    );
    expect(s?.uses).toEqual([{ kind: 'algorithm', local: 'CIPHER', line: 3 }]);
    expect(s?.exports.LEGACY?.facts).toContain('weak-alg');
    expect(s?.exports.MODES?.facts).toContain('weak-alg');
    expect(s?.exports.GOOD?.facts ?? []).not.toContain('weak-alg');
  });

  it('records imports logged whole, and exports of objects holding secrets', () => {
    const s = summary(
      [
        "import { config } from './config';",
        "import * as all from './all';",
        'console.log(config);',
        'logger.warn(all.settings, 1);',
        "console.log('x'.length);",
        "export const cfg = { db: { password: process.env.DB_PASSWORD }, name: 'n' };",
        "export const plain = { password: '', user: 'u' };",
      ].join('\n'),
    );
    expect(s?.uses).toEqual([
      { kind: 'log', local: 'config', line: 3 },
      { kind: 'log', local: 'all', member: 'settings', line: 4 },
    ]);
    expect(s?.exports.cfg?.facts).toContain('secret-holder');
    expect(s?.exports.plain?.facts ?? []).not.toContain('secret-holder');
  });

  it('records imported helpers whose value becomes a token, not an id', () => {
    const s = summary(
      [
        "import { rnd, util } from './rand';",
        'export function reset() {',
        '  const resetToken = rnd(32);',
        '  const requestId = rnd(8);',
        '  return { apiKey: util.make(), label: util.make() };',
        '}',
        'export function makeSessionSecret() { return `s_${rnd(16)}`; }',
      ].join('\n'),
    );
    expect(s?.uses).toEqual([
      { kind: 'token', local: 'rnd', line: 3 },
      { kind: 'token', local: 'util', member: 'make', line: 5 },
      { kind: 'token', local: 'rnd', line: 7 },
    ]);
  });

  it('records KMS clients and CDK keys from other modules, and the file-level KMS facts', () => {
    const s = summary(
      [
        "import { RemovalPolicy } from 'aws-cdk-lib';",
        "import { client } from './aws';",
        "import { Keys } from './keys';",
        "import { KMS, CreateKeyCommand, EnableKeyRotationCommand } from '@aws-sdk/client-kms';",
        "export const a = () => client.createKey({ Description: 'd' });",
        'const keys = new Keys();',
        'keys.key.applyRemovalPolicy(RemovalPolicy.DESTROY);',
        'export const b = (k: KMS) => k.send(new CreateKeyCommand({}));',
        '// new EnableKeyRotationCommand( in a comment does not count',
      ].join('\n'),
    );
    expect(s?.uses).toEqual([
      { kind: 'kms', local: 'client', line: 5 },
      { kind: 'destroy', local: 'Keys', line: 7 },
    ]);
    expect(s?.createsKey).toBe(true);
    expect(s?.rotation).toBeUndefined();
    const r = summary(
      "import { KMSClient, EnableKeyRotationCommand } from '@aws-sdk/client-kms';\nexport const r = (c: KMSClient, id: string) => c.send(new EnableKeyRotationCommand({ KeyId: id }));",
    );
    expect(r?.rotation).toBe(true);
    const cdk = summary(
      "import * as kms from 'aws-cdk-lib/aws-kms';\nexport class K { key = new kms.Key(null as never, 'K'); }",
    );
    expect(cdk?.cdkKey).toBe(true);
  });

  it('is empty for a file with nothing that crosses modules', () => {
    expect(summary("import { x } from './x';\nexport const y = x + 1;\nconsole.log(Math.max(1, 2));")).toEqual({
      imports: {},
      reexports: [],
      exports: {},
      uses: [],
    });
  });
});

describe('the lint pass', () => {
  it('returns the summary with the findings, from the same traversal', () => {
    const r = lintFile(
      '/app',
      '/app/a.ts',
      'a.ts',
      `import crypto from 'node:crypto';\nexport const K = '${KEY}';\nexport const mac = (d: string) => crypto.createHmac('sha256', K).update(d);`,
    );
    expect(r.summary?.exports).toEqual({ K: { facts: ['secret'] } });
    expect(r.findings.length).toBeGreaterThan(0);
  });
  it('has no summary for a file that does not parse', () => {
    const r = lintFile('/app', '/app/b.ts', 'b.ts', 'export const = ;');
    expect(r.summary).toBeUndefined();
    expect(r.skipped.map((s) => s.reason)).toEqual(['syntax-error']);
  });
});

describe('mayJoin', () => {
  const base = { imports: {}, reexports: [], exports: {}, uses: [] };
  it('is true only when some use needs a fact some file exports, or a file creates a KMS key', () => {
    const user = summary(
      "import { K } from './k';\nimport { createHmac } from 'node:crypto';\ncreateHmac('sha256', K);",
    );
    expect(user?.uses.map((u) => u.kind)).toEqual(['key']);
    const holder = summary(`export const K = '${KEY}';`);
    const weakOnly = summary('export const rnd = () => Math.random().toString(36);');
    expect(mayJoin([user!, holder!])).toBe(true);
    // A key use and only a weak helper: no chain can end anywhere.
    expect(mayJoin([user!, weakOnly!])).toBe(false);
    expect(mayJoin([holder!, weakOnly!])).toBe(false);
    expect(mayJoin([{ ...base, createsKey: true }])).toBe(true);
    expect(
      mayJoin([
        { ...base, uses: [{ kind: 'destroy', local: 'k', line: 1 }] },
        { ...base, cdkKey: true },
      ]),
    ).toBe(true);
    expect(mayJoin([])).toBe(false);
  });
});

describe('keyword prefilters', () => {
  it('keeps files that name a sink module or a generated CDKTF binding, and drops files that only quote', () => {
    expect(moduleKeywords('node:crypto')).toEqual(["'node:crypto", '"node:crypto']);
    expect(moduleKeywords('@aws-sdk/*')).toEqual(["'@aws-sdk/", '"@aws-sdk/']);
    expect(moduleKeywords('*providers/aws/kms-key')).toEqual(['providers/aws/kms-key']);
    expect(needsInventory('import { readFile } from \'node:fs\';\nconst s = "text";')).toBe(false);
    expect(needsInventory("import { createCipheriv } from 'node:crypto';")).toBe(true);
    expect(needsInventory('import { KmsKey } from "./.gen/providers/aws/kms-key";')).toBe(true);
    expect(needsInventory('await crypto.subtle.importKey("raw", k, "AES-GCM", false, ["encrypt"]);')).toBe(true);
    expect(hasWeakKeyword('const id = Math.random();')).toBe(true);
    expect(hasWeakKeyword("const id = randomUUID(); // 'math'")).toBe(false);
  });

  it('summarises a file without sink keywords with no key-sink use, and one with them with its use', () => {
    const withSink = summary(
      "import { createHmac } from 'node:crypto';\nimport { K } from './k';\nexport const mac = () => createHmac('sha256', K);",
    );
    expect(withSink?.uses).toEqual([{ kind: 'key', local: 'K', line: 3 }]);
    const without = summary(
      "import { K } from './k';\nimport { sign } from './local-sign';\nexport const s = () => sign(K);",
    );
    expect(without?.uses).toEqual([]);
  });
});
