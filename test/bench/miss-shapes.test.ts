/**
 * bench/miss-shapes.mjs: the ordered decision lists (one case per class and the near misses that must fall
 * through), the code-free line shapes, the guard that keeps validation and held-out corpora counts-only, and
 * that a counts-only report shows nothing of the code it read.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  classifyFalsePositive,
  classifyMiss,
  explainMiss,
  fileKind,
  lineShape,
  loadCatalogue,
  loadRandomChain,
  randomChainShape,
  randomConsumerShape,
  RANDOM_CONSUMERS,
  rotationShape,
  logObjectProperties,
  parseCode,
  type Catalogue,
  type RandomChain,
  type MissFacts,
} from '../../bench/lib/shapes.mjs';

const SCRIPT = fileURLToPath(new URL('../../bench/miss-shapes.mjs', import.meta.url));
const label = { file: 'a.ts', line: 10, category: 'logged-key' };
const none: MissFacts = { labels: [label], recommended: [], strict: [], auditAll: [], suppressed: [] };
const at = (line: number, category = 'logged-key', file = 'a.ts') => ({ file, line, category });

describe('classifyMiss: the first class that holds', () => {
  it('gives each class on its own evidence', () => {
    const audit = { ...at(10), atDefault: true };
    expect(classifyMiss(label, { ...none, recommended: [at(14)] })).toBe('reported-elsewhere');
    expect(classifyMiss(label, { ...none, recommended: [at(10, 'hardcoded-key')] })).toBe('other-category');
    expect(classifyMiss(label, { ...none, auditAll: [{ ...audit, fixture: 'test-fixture' }], strict: [at(10)] })).toBe(
      'withheld-test-fixture',
    );
    expect(classifyMiss(label, { ...none, auditAll: [{ ...audit, fixture: 'example' }] })).toBe('withheld-example');
    expect(classifyMiss(label, { ...none, strict: [at(9)], auditAll: [audit] })).toBe('strict-only');
    expect(classifyMiss(label, { ...none, auditAll: [audit] })).toBe('audit-only');
    expect(classifyMiss(label, { ...none, auditAll: [{ ...audit, atDefault: false, evidence: 'name' }] })).toBe(
      'below-evidence-bar',
    );
    expect(classifyMiss(label, { ...none, suppressed: [at(11)] })).toBe('suppressed-inline');
    expect(classifyMiss(label, { ...none, auditAll: [{ ...audit, suppression: 'inline' }] })).toBe('suppressed-inline');
    expect(classifyMiss(label, { ...none, auditAll: [{ ...audit, suppression: 'baseline' }] })).toBe(
      'suppressed-baseline',
    );
    expect(classifyMiss(label, none)).toBe('not-seen');
  });

  it('falls through on near misses: too far, another file, a neighbour line, a finding another label explains', () => {
    expect(classifyMiss(label, { ...none, recommended: [at(19)] })).toBe('not-seen');
    expect(classifyMiss(label, { ...none, recommended: [at(13, 'logged-key', 'b.ts')] })).toBe('not-seen');
    expect(classifyMiss(label, { ...none, recommended: [at(11, 'hardcoded-key')] })).toBe('not-seen');
    expect(classifyMiss(label, { ...none, strict: [at(12)] })).toBe('not-seen');
    const explained = { ...none, labels: [label, at(14)], recommended: [at(14)] };
    expect(classifyMiss(label, explained)).toBe('not-seen');
    const otherLabel = { ...none, labels: [label, at(10, 'hardcoded-key')], recommended: [at(10, 'hardcoded-key')] };
    expect(classifyMiss(label, otherLabel)).toBe('not-seen');
  });

  it('names the deciding finding by offset, category, rule and evidence only', () => {
    const rec = [{ ...at(7), ruleId: 'keyhygiene/no-logged-key' }];
    expect(explainMiss(label, { ...none, recommended: rec })).toEqual({
      cls: 'reported-elsewhere',
      detail: '-3 no-logged-key',
    });
    const audit = [{ ...at(10), ruleId: 'keyhygiene/no-logged-key', evidence: 'name', atDefault: false }];
    expect(explainMiss(label, { ...none, auditAll: audit })).toEqual({
      cls: 'below-evidence-bar',
      detail: 'no-logged-key name',
    });
  });
});

describe('classifyFalsePositive', () => {
  const fp = at(20);
  it('gives each class, first that holds', () => {
    const base = { labels: [], missed: [], negatives: [] };
    expect(classifyFalsePositive(fp, { ...base, missed: [at(17)] })).toBe('near-missed-label');
    expect(classifyFalsePositive(fp, { ...base, labels: [at(20, 'static-iv')] })).toBe('on-other-category-label');
    expect(classifyFalsePositive(fp, { ...base, labels: [at(21, 'static-iv')] })).toBe('unlabelled');
    expect(classifyFalsePositive(fp, { ...base, negatives: [{ file: 'a.ts', line: 20, kind: 'masked' }] })).toBe(
      'labelled-negative',
    );
    expect(classifyFalsePositive(fp, base)).toBe('unlabelled');
    // near misses: a missed label one line away is the scorer's business, not a report site; a negative elsewhere
    expect(classifyFalsePositive(fp, { ...base, missed: [at(29)] })).toBe('unlabelled');
    expect(classifyFalsePositive(fp, { ...base, negatives: [{ file: 'a.ts', line: 21, kind: 'masked' }] })).toBe(
      'unlabelled',
    );
  });
});

describe('lineShape', () => {
  let catalogue: Catalogue;
  beforeAll(async () => {
    catalogue = await loadCatalogue();
  });
  const shape = (file: string, text: string, line: number, category: string) =>
    lineShape({ file, text, line, category }, catalogue);

  it('reads a call: catalogue callee, argument kinds, the value and where it comes from', () => {
    const exported = "export function send(token: string): void {\n  console.log('sending', token);\n}\n";
    expect(shape('a.ts', exported, 2, 'logged-key')).toEqual({
      kind: 'ts',
      construct: 'call',
      callee: 'catalogue',
      args: 'identifier+literal',
      value: 'identifier',
      origin: 'parameter-of-exported-fn',
      word: 'token',
    });
    const local = "function send(token: string): void {\n  console.log('sending', token);\n}\n";
    expect(shape('a.ts', local, 2, 'logged-key').origin).toBe('parameter');
    const imported = "import { apiSecret } from './cfg';\nlogger.info(`key ${apiSecret}`);\n";
    expect(shape('a.ts', imported, 2, 'logged-key')).toMatchObject({ args: 'template', origin: 'import' });
    expect(shape('a.ts', imported, 2, 'logged-key').word).toBe('key-secret');
    const field = 'class A {\n  private secret = load();\n  show() {\n    console.log(this.secret);\n  }\n}\n';
    expect(shape('a.ts', field, 4, 'logged-key')).toMatchObject({ value: 'member', origin: 'class-field' });
    const destructured = 'const { password } = req.body;\nconsole.log(password);\n';
    expect(shape('a.js', destructured, 2, 'logged-key')).toMatchObject({ origin: 'destructured', word: 'password' });
    const awaited = 'async function f() {\n  const t = await fetchToken();\n  audit.record(t);\n}\n';
    expect(shape('a.ts', awaited, 3, 'logged-key')).toMatchObject({
      callee: 'not-in-catalogue',
      origin: 'await-of-call',
    });
  });

  it('reads other constructs, and a call chain or returned call for the callee', () => {
    const property = "const KEY = 'abc';\nexport const opts = {\n  secretKey: KEY,\n};\n";
    expect(shape('a.ts', property, 3, 'hardcoded-key')).toMatchObject({
      construct: 'object-property',
      callee: 'no-call',
      origin: 'module-binding',
      word: 'key-secret',
    });
    const chain = 'const id = Math.random().toString(36);\n';
    expect(shape('a.ts', chain, 1, 'weak-randomness')).toMatchObject({
      construct: 'variable-declaration',
      callee: 'catalogue',
    });
    const returned = "export function f(k: Buffer) {\n  return createCipheriv('aes-256-cbc', k, IV);\n}\n";
    expect(shape('a.ts', returned, 2, 'static-iv')).toMatchObject({ construct: 'return', callee: 'catalogue' });
    expect(shape('a.ts', returned, 2, 'unsafe-deletion').callee).toBe('not-in-catalogue');
    const fallback = "export const c = {\n  secret: process.env.JWT_SECRET ?? 'dev-secret',\n};\n";
    expect(shape('a.ts', fallback, 2, 'hardcoded-key')).toMatchObject({
      value: 'fallback',
      origin: 'fallback-literal',
    });
    const guarded = 'export const c = {\n  secret: process.env.JWT_SECRET && other,\n};\n';
    expect(shape('a.ts', guarded, 2, 'hardcoded-key').origin).toBe('env-read');
    const required =
      "const crypto = require('crypto');\nfunction f(k) {\n  const mac = crypto.createHmac('sha1', k);\n}\n";
    expect(shape('a.js', required, 3, 'weak-algorithm')).toMatchObject({
      callee: 'catalogue',
      origin: 'call-of-imported-fn',
    });
    const loop =
      "function f(n) {\n  let s = '';\n  for (let i = 0; i < n; i++) s += pick();\n  while (n--) {\n  }\n}\n";
    expect(shape('a.ts', loop, 3, 'weak-randomness').construct).toBe('assignment');
    expect(shape('a.ts', loop, 4, 'weak-randomness').construct).toBe('loop');
  });

  it('reads config lines by their form, and names unknown file kinds other', () => {
    expect(shape('.env', '# c\nAPI_KEY=abc123\n', 2, 'hardcoded-key')).toMatchObject({
      kind: 'env',
      construct: 'config-key-value',
      origin: 'literal',
    });
    expect(shape('ci.yml', 'env:\n  TOKEN: ${{ secrets.TOKEN }}\n', 2, 'hardcoded-key')).toMatchObject({
      kind: 'yaml',
      origin: 'interpolation',
    });
    expect(fileKind('deploy/main.tf')).toBe('tf');
    expect(fileKind('notes/secret-plan.weird')).toBe('other');
    expect(shape('a.ts', 'const = ;\n', 1, 'logged-key').construct).toBe('unparsed');
  });
});

describe("logObjectProperties: a structured log call's object, property by property", () => {
  let catalogue: Catalogue;
  beforeAll(async () => {
    catalogue = await loadCatalogue();
  });

  it("reads each property: form, origin, catalogue source class, and a parameter's type, default and callers", () => {
    const text = [
      "import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';",
      "import { DecryptCommand } from '@aws-sdk/client-kms';",
      "import { randomBytes, generateKeyPairSync } from 'node:crypto';",
      'export async function boot(log, sm, kms, material: Buffer, zqxLabel: string, dflt = ZQX_DEFAULT) {',
      "  const res = await sm.send(new GetSecretValueCommand({ SecretId: 'a' }));",
      '  const cfg = JSON.parse(res.SecretString);',
      '  const dk = await kms.send(new DecryptCommand({ CiphertextBlob: b }));',
      "  const { privateKey } = generateKeyPairSync('ed25519');",
      "  log.info('boot', { cfg, zqx: dk.Plaintext.toString('base64'), k: privateKey, material, zqxLabel,",
      "    n: { r: randomBytes(8) }, ...cfg, dflt, lit: 'x' });",
      '}',
      '',
    ].join('\n');
    const props = logObjectProperties({ text, file: 'a.ts', line: 9 }, catalogue);
    const pick = (i: number) => {
      const p = props[i]!;
      return [p.form, p.origin, p.source, p.paramType, p.paramDefault];
    };
    expect(props).toHaveLength(9);
    expect(pick(0)).toEqual(['shorthand', 'parsed-payload', 'secret-store-read', 'not-a-parameter', 'not-a-parameter']);
    expect(pick(1)).toEqual(['keyed', 'encoding-call', 'kms-data-key', 'not-a-parameter', 'not-a-parameter']);
    expect(pick(2)).toEqual([
      'keyed',
      'payload-member',
      'key-generation-or-export',
      'not-a-parameter',
      'not-a-parameter',
    ]);
    expect(pick(3)).toEqual(['shorthand', 'parameter-of-exported-fn', 'none', 'key-bytes', 'no-default']);
    expect(pick(4)).toEqual(['shorthand', 'parameter-of-exported-fn', 'none', 'string', 'no-default']);
    // a nested object's properties are read as the record's own
    expect(pick(5)).toEqual(['keyed', 'call-of-imported-fn', 'random-bytes', 'not-a-parameter', 'not-a-parameter']);
    expect(pick(6)).toEqual(['spread', 'parsed-payload', 'secret-store-read', 'not-a-parameter', 'not-a-parameter']);
    expect(pick(7)).toEqual(['shorthand', 'parameter-of-exported-fn', 'none', 'untyped', 'global-or-unknown/none']);
    expect(pick(8)).toEqual(['keyed', 'literal', 'none', 'not-a-parameter', 'not-a-parameter']);
    expect(props.every((p) => p.message === 'other')).toBe(true);
    // no call with an object argument on the line: nothing
    expect(logObjectProperties({ text, file: 'a.ts', line: 6 }, catalogue)).toEqual([]);
    expect(logObjectProperties({ text: 'A=1\n', file: '.env', line: 1 }, catalogue)).toEqual([]);
  });

  it('reads what same-file and other-file callers pass for a parameter, and a message that names a credential', () => {
    const text =
      "import { randomBytes } from 'node:crypto';\nexport function zqxKeep(log, zqxBlob: string) {\n" +
      "  log.info('API key created', { zqxBlob });\n}\nzqxKeep(l, randomBytes(4).toString('hex'));\n";
    const [p] = logObjectProperties({ text, file: 'a.ts', line: 3 }, catalogue);
    expect(p).toMatchObject({
      callerArg: 'random-bytes',
      message: 'names-credential',
      otherFileCallerArg: 'not-looked-up',
    });
    const lone = "export function zqxKeep(log, zqxBlob: string) {\n  log.info('kept', { zqxBlob });\n}\n";
    const caller = "import { zqxKeep } from './a';\nconst signingSecret = load();\nzqxKeep(l, signingSecret);\n";
    const others = () => [{ text: caller, parsed: parseCode(caller, 'b.ts') }];
    const [q] = logObjectProperties({ text: lone, file: 'a.ts', line: 2, others }, catalogue);
    expect(q).toMatchObject({
      callerArg: 'no-same-file-caller',
      message: 'other',
      otherFileCallerArg: 'name-key-secret',
    });
    const none = () => [{ text: 'export const zqx = 1;\n', parsed: parseCode('export const zqx = 1;\n', 'c.ts') }];
    expect(logObjectProperties({ text: lone, file: 'a.ts', line: 2, others: none }, catalogue)[0]).toMatchObject({
      otherFileCallerArg: 'no-other-file-caller',
    });
  });
});

describe.runIf(process.platform === 'linux')('bench/miss-shapes.mjs', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  /** A tiny corpus whose names and literals are unlike anything in the tool's own vocabulary. */
  function corpus(name: string): string {
    const parent = mkdtempSync(join(tmpdir(), 'kh-miss-shapes-'));
    dirs.push(parent);
    const dir = join(parent, name);
    const write = (f: string, text: string) => {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      writeFileSync(join(dir, f), text);
    };
    write(
      'src/zqxapp.ts',
      [
        "import { readSetting } from './settings';",
        '',
        'export function start(zqxPort: number): void {',
        "  const zqxSessionSecret = readSetting('session');",
        '  // eslint-disable-next-line keyhygiene/no-logged-key',
        "  console.log('session secret', zqxSessionSecret);",
        '',
        '',
        "  console.info('listening on', zqxPort);",
        '}',
        '',
      ].join('\n'),
    );
    write('src/settings.ts', "export function readSetting(n: string): string {\n  return process.env[n] ?? '';\n}\n");
    write(
      'src/__tests__/zqxapp.test.ts',
      "const zqxApiSecret = 'Zq9v4Lm2Rt8Kp1Wx7Yb3Nc6Qs5Hd0';\nexport const header = { authorization: zqxApiSecret };\n",
    );
    const labels = [
      { file: 'src/zqxapp.ts', line: 6, category: 'logged-key' },
      { file: 'src/zqxapp.ts', line: 9, category: 'logged-key' },
      { file: 'src/__tests__/zqxapp.test.ts', line: 1, category: 'hardcoded-key' },
    ];
    writeFileSync(join(dir, 'labels.json'), JSON.stringify(labels));
    return dir;
  }
  const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });

  it('refuses --explain on a validation or held-out corpus, in one line, exit 2', () => {
    for (const name of ['blind18', 'blind21', 'blind23', 'blind24', 'blind31']) {
      const r = run('--corpus', join(tmpdir(), 'anywhere', name), '--explain');
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/--explain is refused on a guarded corpus \(blind\d\d\)/);
    }
  });

  it('explains a development corpus item by item, and shows nothing of the code on a guarded one', () => {
    const dev = corpus('devcorpus');
    const explained = run('--corpus', dev, '--explain');
    expect(explained.status).toBe(0);
    expect(explained.stdout).toContain('devcorpus/src/zqxapp.ts:6 logged-key suppressed-inline');
    expect(explained.stdout).toContain('devcorpus/src/zqxapp.ts:9 logged-key not-seen');
    expect(explained.stdout).toContain('devcorpus/src/__tests__/zqxapp.test.ts:1 hardcoded-key withheld-test-fixture');

    const guarded = corpus('blind22');
    const json = join(dirname(guarded), 'out.json');
    const counted = run('--corpus', guarded, '--json', json);
    expect(counted.status).toBe(0);
    expect(counted.stdout).toContain('3 missed');
    expect(counted.stdout).toContain('(counts only)');
    const written = readFileSync(json, 'utf8');
    for (const secretOrName of ['zqx', 'Zq9v4', 'readSetting', 'settings', 'session', 'listening', '__tests__', 'src/'])
      for (const out of [counted.stdout, written]) expect(out).not.toContain(secretOrName);
    expect(JSON.parse(written)).not.toHaveProperty('items');
    expect(JSON.parse(written)).not.toHaveProperty('fpNegativeKinds');
  }, 120_000);
});

describe('randomChainShape: source → transforms → use of a weak-randomness line', () => {
  let chain: RandomChain;
  beforeAll(async () => {
    chain = await loadRandomChain();
  });
  const text = [
    'function zqxMix() {', // 1
    '  return Math.random().toString(36).slice(2);', // 2
    '}', // 3
    'export function issueResetToken(): string {', // 4
    '  const zqxA = zqxMix();', // 5
    '  return zqxA;', // 6
    '}', // 7
    'export function makeZqx(zqxUser: string) {', // 8
    '  const zqxB = `${zqxUser}-${Date.now()}-${process.pid}`;', // 9
    "  return createHash('sha1').update(zqxB).digest('hex');", // 10
    '}', // 11
    'let otp = 0;', // 12
    'for (let i = 0; i < 6; i++) otp = otp * 10 + Math.floor(Math.random() * 10);', // 13
    'export const zqxC = (zqxD: string) => zqxD.padStart(8, "0");', // 14
    '',
  ].join('\n');
  const at = (line: number) => randomChainShape({ file: 'a.ts', text, line }, chain);

  it('names the weak source on the line, in a same-file helper it calls, or in a variable it reads', () => {
    expect(at(2)).toEqual({
      source: 'math-random',
      transform: 'cut+to-string',
      use: 'return-unnamed',
      'source-use': 'math-random / return-unnamed',
      alone: 'reported-alone',
      consumer: 'returned-exported',
      'consumer-alone': 'returned-exported / reported-alone',
    });
    expect(at(5)).toMatchObject({ source: 'same-file-helper-weak', use: 'function-purpose-name' });
    expect(at(6)).toMatchObject({ source: 'variable-weak', transform: 'none', use: 'function-purpose-name' });
    expect(at(9)).toMatchObject({ source: 'clock+process-id', transform: 'template', use: 'no-purpose-name' });
    expect(at(10)).toMatchObject({ source: 'variable-weak', transform: 'hash', use: 'return-unnamed' });
    expect(at(13)).toMatchObject({ source: 'math-random', transform: 'arith+plus', use: 'line-purpose-name' });
  });

  it('lints the file alone: at its own path, else at a neutral one (a test file is skipped by the rule)', () => {
    expect(at(2).alone).toBe('reported-alone');
    expect(at(5).alone).toBe('quiet-alone'); // the report is where the helper draws, line 2
    const inTest = (line: number) => randomChainShape({ file: 'src/zqx.test.ts', text, line }, chain).alone;
    expect(inTest(2)).toBe('reported-alone-neutral-path');
    expect(inTest(10)).toBe('quiet-alone');
  });

  it('says where a line without a weak source gets its value, and reads config lines and blanks by form', () => {
    expect(at(14)).toMatchObject({ source: 'parameter', transform: 'cut' });
    expect(at(15).source).toBe('blank');
    expect(randomChainShape({ file: '.env', text: 'ZQX=1\n', line: 1 }, chain).source).toBe('config-line');
  });

  it('returns only its own vocabulary, never a name or literal of the input', () => {
    for (let line = 1; line <= 15; line++)
      for (const value of Object.values(at(line))) expect(value).not.toMatch(/zqx|otp|Reset|sha1|hex/i);
  });
});

describe('randomConsumerShape: where the weak value of a line goes', () => {
  let chain: RandomChain;
  beforeAll(async () => {
    chain = await loadRandomChain();
  });
  const text = [
    "import { createCipheriv } from 'node:crypto';", // 1
    'export function a(res: any) {', // 2
    '  const zqx = Math.random().toString(36);', // 3
    "  res.cookie('zqx', zqx);", // 4
    '}', // 5
    'export async function b(db: any) {', // 6
    '  await db.insert({ owner: 1, inviteCode: Date.now().toString(36) });', // 7
    '}', // 8
    'export function c(key: Buffer) {', // 9
    '  const zqxIv = Buffer.from(String(Math.random()));', // 10
    "  return createCipheriv('aes-256-cbc', key, zqxIv);", // 11
    '}', // 12
    'export function d() {', // 13
    '  setTimeout(() => 1, Math.random() * 500);', // 14
    '}', // 15
    'export function e(base: string, send: any) {', // 16
    '  const zqxT = Math.random().toString(36).slice(2);', // 17
    '  return `${base}/confirm?t=${zqxT}`;', // 18
    '}', // 19
    'export function f(zqxIn: string) {', // 20
    '  const zqxP = String(process.pid);', // 21
    '  return zqxIn === zqxP;', // 22
    '}', // 23
    'export function g(items: string[]) {', // 24
    '  return items[Math.floor(Math.random() * items.length)];', // 25
    '}', // 26
    '',
  ].join('\n');
  const at = (line: number) => randomConsumerShape({ file: 'a.ts', text, line }, chain).consumer;

  it('follows the value through bindings, fields, calls and returns to the first consumer class it reaches', () => {
    expect(at(3)).toBe('cookie-or-header');
    expect(at(7)).toBe('store-write');
    expect(at(10)).toBe('key-material');
    expect(at(14)).toBe('harmless-timer');
    expect(at(17)).toBe('link-url');
    expect(at(21)).toBe('compared');
    expect(at(25)).toBe('harmless-pick');
  });

  it('says returned, no consumer, or the line kind, and only in its own vocabulary', () => {
    expect(at(27)).toBe('blank');
    expect(randomConsumerShape({ file: '.env', text: 'ZQX=1\n', line: 1 }, chain).consumer).toBe('config-line');
    for (let line = 1; line <= 26; line++)
      expect([...RANDOM_CONSUMERS, 'blank', 'unparsed', 'config-line']).toContain(at(line));
  });
});

describe('rotationShape: what a missed missing-rotation label is about', () => {
  const text = [
    "import { EncryptJWT, SignJWT } from 'jose';", // 1
    'export const seal = (p: object, k: Uint8Array) =>', // 2
    "  new EncryptJWT(p).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(k);", // 3
    '', // 4
    '', // 5
    '', // 6
    "export const mint = (p: object, k: Uint8Array) => new SignJWT(p).setProtectedHeader({ alg: 'HS256' }).sign(k);", // 7
    '', // 8
    '', // 9
    '', // 10
    "const ak = new aws.iam.AccessKey('ci', { user: ciUser.name });", // 11
    '', // 12
    '', // 13
    '', // 14
    'await db.insert(apiTokens).values({ hash, owner, expiresAt: null });', // 15
    '', // 16
    '', // 17
    '', // 18
    'const total = rows.length;', // 19
  ].join('\n');
  const at = (line: number, file = 'src/a.ts') => rotationShape({ file, text, line });

  it('names the class from the label line and the two lines around it, first match wins', () => {
    expect(at(2).rotation).toBe('jwe-no-kid');
    expect(at(7).rotation).toBe('token-signing-no-kid');
    expect(at(11).rotation).toBe('access-key');
    expect(at(15).rotation).toBe('no-expiry');
    expect(at(19).rotation).toBe('other');
  });

  it('says where the label is: code, or the kind of a config file', () => {
    expect(at(7)['rotation-file']).toBe('code');
    expect(at(1, 'infra/kms.tf')['rotation-file']).toBe('tf');
    expect(at(1, 'deploy/secret.yaml')['rotation-file']).toBe('yaml');
  });

  it('returns only its own vocabulary, never a name of the input', () => {
    for (let line = 1; line <= 19; line++)
      for (const value of Object.values(at(line))) expect(value).not.toMatch(/seal|mint|ciUser|apiTokens|total/);
  });
});
