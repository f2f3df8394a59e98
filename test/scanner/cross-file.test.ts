/**
 * Cross-file analysis on ts-morph's in-memory file system: one case per hop the resolver follows
 * (aliases, re-exports, barrels, namespace imports, object members, fallbacks), and the negatives
 * beside them. Every key here is FAKE.
 */
import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { analyseSourceFiles, plainOptions } from '../../src/scanner/detect/cross-file.js';

function run(files: Record<string, string>, candidates: readonly string[], rotationAnywhere = false) {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: plainOptions });
  for (const [name, text] of Object.entries(files)) project.createSourceFile(`/app/${name}`, text);
  const sources = candidates.map((c) => project.getSourceFileOrThrow(`/app/${c}`));
  return analyseSourceFiles(sources, { root: '/app', rotationAnywhere }).findings.map((f) => ({
    at: `${f.location.file}:${f.location.line}`,
    ruleId: f.ruleId,
    path: f.path?.map((s) => `${s.file}:${s.line}`),
  }));
}

const KEY = "'9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'"; // fake

describe('literal keys across modules', () => {
  it('follows a named import to a const in another file', () => {
    expect(
      run(
        {
          'config.ts': `export const K = ${KEY};`,
          'crypto.ts':
            "import { createHmac } from 'node:crypto';\nimport { K } from './config';\nexport const mac = (d: string) => createHmac('sha256', K).update(d).digest();",
        },
        ['crypto.ts'],
      ),
    ).toEqual([
      { at: 'crypto.ts:3', ruleId: 'keyhygiene/cross-file-hardcoded-key', path: ['config.ts:1', 'crypto.ts:3'] },
    ]);
  });

  it('follows a renamed re-export, a barrel and a namespace import into an object member', () => {
    const found = run(
      {
        'keys/raw.ts': `export const raw = { signing: ${KEY} };`,
        'keys/index.ts': "export { raw as material } from './raw';",
        'lib.ts': "export * from './keys/index';",
        'jwt.ts':
          "import jwt from 'jsonwebtoken';\nimport * as lib from './lib';\nexport const sign = (p: object) => jwt.sign(p, lib.material.signing);",
      },
      ['jwt.ts'],
    );
    expect(found).toEqual([
      { at: 'jwt.ts:3', ruleId: 'keyhygiene/cross-file-hardcoded-key', path: ['keys/raw.ts:1', 'jwt.ts:3'] },
    ]);
  });

  it('follows Buffer.from and a ?? fallback, and is silent for env, dummies, lets and same-file literals', () => {
    const found = run(
      {
        'config.ts': `export const K = ${KEY};\nexport const D = 'dummy-key';\nexport let L = ${KEY};`,
        'a.ts':
          "import crypto from 'node:crypto';\nimport { K } from './config';\nconst key = Buffer.from(process.env.KEY ?? K, 'hex');\nexport const c = (iv: Buffer) => crypto.createCipheriv('aes-256-gcm', key, iv);",
        'b.ts': `import crypto from 'node:crypto';\nimport { D, L } from './config';\nconst local = ${KEY};\nexport const c = (iv: Buffer) => [crypto.createCipheriv('aes-256-gcm', D, iv), crypto.createCipheriv('aes-256-gcm', L, iv), crypto.createCipheriv('aes-256-gcm', local, iv), crypto.createCipheriv('aes-256-gcm', process.env.K!, iv)];`,
      },
      ['a.ts', 'b.ts'],
    );
    expect(found.map((f) => f.at)).toEqual(['a.ts:4']);
  });
});

describe('weak random helpers', () => {
  it('reports a Math.random helper whose value becomes a token elsewhere, not an id', () => {
    const found = run(
      {
        'utils/rand.ts':
          'export function randomString(n: number) { let s = ""; for (let i = 0; i < n; i++) s += Math.floor(Math.random() * 36).toString(36); return s; }',
        'utils/index.ts': "export { randomString as rnd } from './rand';",
        'auth/reset.ts':
          "import { rnd } from '../utils/index';\nexport function reset() {\n  const resetToken = rnd(32);\n  const requestId = rnd(8);\n  return { resetToken, requestId };\n}",
      },
      ['auth/reset.ts'],
    );
    expect(found).toEqual([
      {
        at: 'auth/reset.ts:3',
        ruleId: 'keyhygiene/cross-file-weak-randomness',
        path: ['utils/rand.ts:1', 'auth/reset.ts:3'],
      },
    ]);
  });

  it('is silent for a helper built on the CSPRNG', () => {
    expect(
      run(
        {
          'utils/rand.ts':
            "import { randomBytes } from 'node:crypto';\nexport const randomString = (n: number) => randomBytes(n).toString('hex');",
          'auth/reset.ts': "import { randomString } from '../utils/rand';\nexport const resetToken = randomString(32);",
        },
        ['auth/reset.ts'],
      ),
    ).toEqual([]);
  });
});

describe('KMS rotation across the repository', () => {
  const files = {
    'aws.ts': "import { KMS } from '@aws-sdk/client-kms';\nexport const kms = new KMS({});",
    'keys.ts':
      "import { kms } from './aws';\nexport const make = () => kms.createKey({ Description: 'data' });\nexport const sign = () => kms.createKey({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' });",
  };
  it('reports CreateKey through a client from another module when nothing enables rotation', () => {
    expect(run(files, ['keys.ts'])).toEqual([
      { at: 'keys.ts:2', ruleId: 'keyhygiene/cross-file-missing-rotation', path: ['aws.ts:2', 'keys.ts:2'] },
    ]);
  });
  it('is silent when some module enables rotation', () => {
    expect(run(files, ['keys.ts'], true)).toEqual([]);
  });
});

describe('CDK key destroyed from another construct', () => {
  it('reports applyRemovalPolicy(DESTROY) on a key created in another file, not on a bucket', () => {
    const found = run(
      {
        'keys.ts':
          "import * as kms from 'aws-cdk-lib/aws-kms';\nexport class Keys {\n  readonly key: kms.Key;\n  constructor(scope: any) {\n    this.key = new kms.Key(scope, 'K', { enableKeyRotation: true });\n  }\n}",
        'stack.ts':
          "import { RemovalPolicy } from 'aws-cdk-lib';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\nimport { Keys } from './keys';\nconst keys = new Keys(null);\nkeys.key.applyRemovalPolicy(RemovalPolicy.DESTROY);\nnew s3.Bucket(null, 'B').applyRemovalPolicy(RemovalPolicy.DESTROY);",
      },
      ['stack.ts'],
    );
    expect(found).toEqual([
      { at: 'stack.ts:5', ruleId: 'keyhygiene/cross-file-unsafe-deletion', path: ['keys.ts:5', 'stack.ts:5'] },
    ]);
  });
});

describe('weak algorithms across modules', () => {
  it('reports a weak cipher or ECB named in another module, through a config object, and not a strong one', () => {
    const found = run(
      {
        'config.ts':
          "export const CIPHER = 'des-ede3-cbc';\nexport const crypto = { legacy: { algorithm: 'aes-128-ecb' }, modern: 'aes-256-gcm' };",
        'seal.ts':
          "import { createCipheriv } from 'node:crypto';\nimport { CIPHER, crypto as cfg } from './config';\nexport const a = (k: Buffer, iv: Buffer) => createCipheriv(CIPHER, k, iv);\nexport const b = (k: Buffer) => createCipheriv(cfg.legacy.algorithm, k, null);\nexport const c = (k: Buffer, iv: Buffer) => createCipheriv(cfg.modern, k, iv);\nexport const d = (k: Buffer, iv: Buffer) => createCipheriv('des-cbc', k, iv);",
      },
      ['seal.ts'],
    );
    expect(found).toEqual([
      { at: 'seal.ts:3', ruleId: 'keyhygiene/cross-file-weak-algorithm', path: ['config.ts:1', 'seal.ts:3'] },
      { at: 'seal.ts:4', ruleId: 'keyhygiene/cross-file-weak-algorithm', path: ['config.ts:2', 'seal.ts:4'] },
    ]);
  });
});

describe('objects holding secrets logged across modules', () => {
  it('reports a config object logged whole in another module, naming members and never values', () => {
    const result = run(
      {
        'config.ts': `export const config = { port: 8080, db: { host: 'db', password: process.env.DB_PASSWORD }, jwtSecret: ${KEY} };\nexport const publicInfo = { name: 'app', port: 8080 };\nexport let mutable = { apiKey: ${KEY} };`,
        'main.ts':
          "import { config, publicInfo, mutable } from './config';\nimport * as settings from './config';\nconsole.log(config);\nconsole.log(config.port, publicInfo);\nlogger.info(settings.config.db);\nconsole.log(mutable);\nconsole.log('ready', config.db.host);",
      },
      ['main.ts'],
    );
    expect(result).toEqual([
      { at: 'main.ts:3', ruleId: 'keyhygiene/cross-file-logged-key', path: ['config.ts:1', 'main.ts:3'] },
      { at: 'main.ts:5', ruleId: 'keyhygiene/cross-file-logged-key', path: ['config.ts:1', 'main.ts:5'] },
    ]);
  });

  it('keeps secret values out of the message', () => {
    const project = new Project({ useInMemoryFileSystem: true, compilerOptions: plainOptions });
    project.createSourceFile('/app/config.ts', `export const config = { jwtSecret: ${KEY} };`);
    const main = project.createSourceFile('/app/main.ts', "import { config } from './config';\nconsole.log(config);");
    const [f] = analyseSourceFiles([main], { root: '/app', rotationAnywhere: false }).findings;
    expect(f?.message).toContain('jwtSecret');
    expect(JSON.stringify(f)).not.toContain(KEY.slice(1, 20));
  });
});
