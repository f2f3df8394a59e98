/**
 * no-unsafe-key-deletion: key files unlinked without a destroy, key buffers dropped without a wipe,
 * keys kept as strings (strict), and cloud deletion settings that leave no time to recover.
 * No keys here: the rule is about what happens to keys, so the samples only name them.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-unsafe-key-deletion without TypeScript', () => {
  it('runs on plain .js with the default parser and no type information', () => {
    const linter = new Linter({ configType: 'flat' });
    const code =
      "import fs from 'node:fs';\nimport { randomBytes } from 'node:crypto';\nexport function stop(box) {\n  fs.unlinkSync('/srv/tls/server.key');\n  box.key = randomBytes(32);\n  box.key = null;\n}\n";
    const messages = linter.verify(
      code,
      [
        {
          files: ['**/*.js'],
          plugins: { keyhygiene: { rules: { 'no-unsafe-key-deletion': rule as never } } },
          rules: { 'keyhygiene/no-unsafe-key-deletion': 'error' },
        },
      ],
      { filename: 'src/plain.js' },
    );
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([
      ['keyFileDeleted', 4],
      ['keyDropped', 6],
    ]);
  });
});

ruleTester.run('no-unsafe-key-deletion', rule, {
  valid: [
    {
      // all-exits: a key string in a log call is a logging hazard (no-logged-key), not storage
      code: "import pino from 'pino';\nimport { loadSecret } from 'keyhygiene/keys';\nconst log = pino();\nexport async function open() {\n  const key = await loadSecret('receipts');\n  log.debug({ key: key.expose().toString('hex') }, 'opening');\n  console.log({ dataKey: key.expose().toString('base64') });\n  key.wipe();\n}",
      filename: 'src/log-not-storage.ts',
      options: [{ memory: 'all-exits' }],
    },
    {
      // key-named values that are not bytes (a string annotation), the generic name `key`, and wiped drops
      code: 'export class Cache {\n  private readonly tokens = new Map<string, string>();\n  private readonly byKey = new Map<string, Buffer>();\n  private current: Buffer | null = null;\n  putToken(id: string, sessionKey: string): void {\n    this.tokens.set(id, sessionKey);\n  }\n  put(id: string, key: Buffer, dek: Buffer): void {\n    this.byKey.set(id, key);\n    this.current = dek;\n  }\n  evict(id: string): void {\n    this.tokens.delete(id);\n    this.byKey.delete(id);\n  }\n  safeReset(): void {\n    this.current?.fill(0);\n    this.current = null;\n  }\n}',
      filename: 'src/cache-valid.ts',
    },
    {
      // the secure destroy itself
      code: "import fs from 'node:fs';\nimport { destroyKeyFile } from 'keyhygiene/keys';\nexport async function rotate(keyPath: string) {\n  await destroyKeyFile(keyPath);\n}",
      filename: 'src/a.ts',
    },
    {
      // not key material: uploads, build output, session metadata, a public key
      code: "import fs from 'node:fs';\nexport function cleanup(id: string) {\n  fs.unlinkSync('uploads/avatar.png');\n  fs.rmSync('dist', { recursive: true, force: true });\n  fs.unlinkSync(`sessions/${id}.json`);\n  fs.unlinkSync('/home/app/.ssh/id_rsa.pub');\n}",
      filename: 'src/a.ts',
    },
    {
      // deleting after an overwrite
      code: "import fs from 'node:fs';\nexport function shredKey(keyPath: string) {\n  fs.writeFileSync(keyPath, Buffer.alloc(32));\n  fs.unlinkSync(keyPath);\n}",
      filename: 'src/a.ts',
    },
    {
      // files that hold ARNs and ids, not keys
      code: "import { unlink } from 'node:fs/promises';\nexport async function forget(secretArnFile: string, keyId: string) {\n  await unlink(secretArnFile);\n  await unlink(`cache/${keyId}.json`);\n}",
      filename: 'src/a.ts',
    },
    {
      // a field initialised to null in a constructor; wiped before it is dropped
      code: "import { randomBytes } from 'node:crypto';\nexport class Box {\n  private key: Buffer | null;\n  constructor() {\n    this.key = null;\n  }\n  open() {\n    this.key = randomBytes(32);\n  }\n  close() {\n    this.key?.fill(0);\n    this.key = null;\n  }\n}",
      filename: 'src/a.ts',
    },
    {
      // a Map entry wiped before it is deleted
      code: "import { scryptSync } from 'node:crypto';\nconst keys = new Map<string, Buffer>();\nexport function add(id: string, pw: string, salt: Buffer) {\n  keys.set(id, scryptSync(pw, salt, 32));\n}\nexport function remove(id: string) {\n  keys.get(id)?.fill(0);\n  keys.delete(id);\n}",
      filename: 'src/a.ts',
    },
    {
      // dropping values that are not key material
      code: 'const sessions = new Map();\nexport function end(id) {\n  sessions.delete(id);\n  let user = lookup(id);\n  user = null;\n}',
      filename: 'src/sessions.js',
    },
    {
      // the default and the longest window; cancel and disable calls
      code: "import { ScheduleKeyDeletionCommand, CancelKeyDeletionCommand, DisableKeyCommand } from '@aws-sdk/client-kms';\nawait kms.send(new ScheduleKeyDeletionCommand({ KeyId: id }));\nawait kms.send(new ScheduleKeyDeletionCommand({ KeyId: id, PendingWindowInDays: 30 }));\nawait kms.send(new CancelKeyDeletionCommand({ KeyId: id }));\nawait kms.send(new DisableKeyCommand({ KeyId: id }));",
      filename: 'src/a.ts',
    },
    {
      code: "import { DeleteSecretCommand } from '@aws-sdk/client-secrets-manager';\nawait sm.send(new DeleteSecretCommand({ SecretId: arn, RecoveryWindowInDays: 30 }));\nawait sm.send(new DeleteSecretCommand({ SecretId: arn, ForceDeleteWithoutRecovery: false }));",
      filename: 'src/a.ts',
    },
    {
      // DESTROY on resources that hold no keys
      code: "import * as cdk from 'aws-cdk-lib';\nimport * as kms from 'aws-cdk-lib/aws-kms';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\nimport * as logs from 'aws-cdk-lib/aws-logs';\nnew kms.Key(this, 'K', { pendingWindow: cdk.Duration.days(30), removalPolicy: cdk.RemovalPolicy.RETAIN });\nnew s3.Bucket(this, 'B', { removalPolicy: cdk.RemovalPolicy.DESTROY });\nnew logs.LogGroup(this, 'L', { removalPolicy: cdk.RemovalPolicy.DESTROY });\nconst bucket = new s3.Bucket(this, 'B2');\nbucket.applyRemovalPolicy(cdk.RemovalPolicy.DESTROY);",
      filename: 'src/a.ts',
    },
    {
      code: "import * as aws from '@pulumi/aws';\nimport * as gcp from '@pulumi/gcp';\nnew aws.kms.Key('k', { deletionWindowInDays: 30 });\nnew gcp.kms.CryptoKey('c', { keyRing: ring.id, destroyScheduledDuration: '2592000s' });",
      filename: 'src/a.ts',
    },
    {
      // a team that accepts 14 days says so
      code: "import { ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';\nnew ScheduleKeyDeletionCommand({ KeyId: id, PendingWindowInDays: 14 });",
      filename: 'src/a.ts',
      options: [{ minRecoveryDays: 14 }],
    },
    {
      // the default ('drops') does not ask for a wipe on every exit path
      code: "import { scryptSync } from 'node:crypto';\nexport function seal(pw: string, salt: Buffer, data: Buffer) {\n  const key = scryptSync(pw, salt, 32);\n  return encrypt(key, data);\n}",
      filename: 'src/a.ts',
    },
    {
      // all-exits: a finally wipe covers every path; a returned key has a new owner; IVs, password hashes and tokens are not key buffers
      code: "import { scryptSync, randomBytes, pbkdf2Sync } from 'node:crypto';\nexport function seal(pw: string, salt: Buffer, data: Buffer) {\n  const key = scryptSync(pw, salt, 32);\n  try {\n    return encrypt(key, data);\n  } finally {\n    key.fill(0);\n  }\n}\nexport function make(pw: string, salt: Buffer) {\n  const iv = randomBytes(12);\n  const dataKey = scryptSync(pw, salt, 32);\n  return { dataKey, iv };\n}\nexport function hashPassword(pw: string, salt: Buffer) {\n  const hash = pbkdf2Sync(pw, salt, 600000, 64, 'sha512').toString('hex');\n  return hash;\n}\nexport function token() {\n  const resetToken = randomBytes(32).toString('hex');\n  return resetToken;\n}",
      filename: 'src/a.ts',
      options: [{ memory: 'all-exits' }],
    },
    {
      // all-exits: a WebSocket handshake key is a nonce; a buffer handed to a handle (through a Buffer view) has a new owner
      code: "import { randomBytes, hkdfSync } from 'node:crypto';\nexport function handshake(req: Request) {\n  const key = randomBytes(16).toString('base64');\n  req.headers.set('Sec-WebSocket-Key', key);\n}\nexport function macKey(root: Buffer, salt: Buffer) {\n  const ab = hkdfSync('sha256', root, salt, 'state-mac', 32);\n  return new SecretBytes(Buffer.from(ab));\n}",
      filename: 'src/a.ts',
      options: [{ memory: 'all-exits' }],
    },
  ],
  invalid: [
    {
      // DEKs handed in as parameters (named and typed as key bytes), dropped from a Map and a field without a wipe
      code: 'export class DekCache {\n  private readonly deks = new Map<string, Buffer>();\n  private current: Buffer | null = null;\n  put(id: string, dek: Buffer): void {\n    this.deks.set(id, dek);\n    this.current = dek;\n  }\n  evict(id: string): void {\n    this.deks.delete(id);\n  }\n  reset(): void {\n    this.current = null;\n  }\n}',
      filename: 'src/dek-cache.ts',
      errors: [
        { messageId: 'keyDropped', line: 9, column: 5, suggestions: [] },
        { messageId: 'keyDropped', line: 12, column: 5, suggestions: [] },
      ],
    },
    {
      // a sync delete where await is not legal: no suggestion
      code: "import fs from 'node:fs';\nexport function cleanup(dir: string) {\n  fs.unlinkSync(`${dir}/server.key`);\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 3,
          column: 3,
          suggestions: [],
        },
      ],
    },
    {
      code: "import fs from 'node:fs';\nexport async function cleanup(dir: string) {\n  fs.unlinkSync(`${dir}/server.key`);\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'useDestroyKeyFile',
              output:
                "import fs from 'node:fs';\nimport { destroyKeyFile } from 'keyhygiene/keys';\nexport async function cleanup(dir: string) {\n  await destroyKeyFile(`${dir}/server.key`);\n}",
            },
          ],
        },
      ],
    },
    {
      // the name says it is a key file
      code: "import { unlink } from 'node:fs/promises';\nexport async function rotate(keyPath: string) {\n  await unlink(keyPath);\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 3,
          column: 9,
          suggestions: [
            {
              messageId: 'useDestroyKeyFile',
              output:
                "import { unlink } from 'node:fs/promises';\nimport { destroyKeyFile } from 'keyhygiene/keys';\nexport async function rotate(keyPath: string) {\n  await destroyKeyFile(keyPath);\n}",
            },
          ],
        },
      ],
    },
    {
      // a path that earlier code wrote key material to
      code: "import fs from 'node:fs';\nimport { randomBytes } from 'node:crypto';\nconst p = '/tmp/session-material';\nconst key = randomBytes(32);\nfs.writeFileSync(p, key);\nfs.unlinkSync(p);",
      filename: 'scripts/gen.mjs',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 6,
          column: 1,
          suggestions: [
            {
              messageId: 'useDestroyKeyFile',
              output:
                "import fs from 'node:fs';\nimport { randomBytes } from 'node:crypto';\nimport { destroyKeyFile } from 'keyhygiene/keys';\nconst p = '/tmp/session-material';\nconst key = randomBytes(32);\nfs.writeFileSync(p, key);\nawait destroyKeyFile(p);",
            },
          ],
        },
      ],
    },
    {
      // callback style
      code: "import fs from 'fs';\nfs.unlink('/etc/app/id_rsa', done);",
      filename: 'src/a.js',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 2,
          column: 1,
          suggestions: [
            {
              messageId: 'useDestroyKeyFile',
              output:
                "import fs from 'fs';\nimport { destroyKeyFile } from 'keyhygiene/keys';\ndestroyKeyFile('/etc/app/id_rsa').then(() => done(null), done);",
            },
          ],
        },
      ],
    },
    {
      code: "import fs from 'node:fs';\nfs.promises.rm('certs/client.p12').then(done);",
      filename: 'src/a.js',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 2,
          column: 1,
          suggestions: [
            {
              messageId: 'useDestroyKeyFile',
              output:
                "import fs from 'node:fs';\nimport { destroyKeyFile } from 'keyhygiene/keys';\ndestroyKeyFile('certs/client.p12').then(done);",
            },
          ],
        },
      ],
    },
    {
      // CommonJS: no import can be added, so no suggestion
      code: "const fs = require('fs');\nconst path = require('path');\nfs.rmSync(path.join(home, '.ssh', 'id_ed25519'));",
      filename: 'lib/clean.cjs',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 3,
          column: 1,
          suggestions: [],
        },
      ],
    },
    {
      // a directory: reported, but destroyKeyFile takes one file, so no suggestion
      code: "import fse from 'fs-extra';\nimport path from 'node:path';\nexport async function reset(root: string) {\n  await fse.remove(path.join(root, 'secrets'));\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 4,
          column: 9,
          suggestions: [],
        },
      ],
    },
    {
      // only the drop in close() is reported, not the constructor initialisation
      code: "import { randomBytes } from 'node:crypto';\nexport class Box {\n  private key: Buffer | null;\n  constructor() {\n    this.key = null;\n  }\n  open() {\n    this.key = randomBytes(32);\n  }\n  close() {\n    this.key = null;\n  }\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'keyDropped',
          line: 11,
          column: 5,
          suggestions: [],
        },
      ],
    },
    {
      code: "import { scryptSync } from 'node:crypto';\nconst keys = new Map();\nexport function add(id, pw, salt) {\n  keys.set(id, scryptSync(pw, salt, 32));\n}\nexport function remove(id) {\n  keys.delete(id);\n}",
      filename: 'src/keys.js',
      errors: [
        {
          messageId: 'keyDropped',
          line: 7,
          column: 3,
          suggestions: [],
        },
      ],
    },
    {
      code: "import { scryptSync, randomBytes } from 'node:crypto';\nexport function f(pw: string, salt: Buffer) {\n  let dek = scryptSync(pw, salt, 32);\n  use(dek);\n  dek = null;\n  const session = { key: randomBytes(32), user: 'u' };\n  delete session.key;\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'keyDropped',
          line: 5,
          column: 3,
          suggestions: [],
        },
        {
          messageId: 'keyDropped',
          line: 7,
          column: 3,
          suggestions: [],
        },
      ],
    },
    {
      code: "import { loadSecret } from 'keyhygiene/keys';\nlet signing = await loadSecret('signing-key');\nexport function stop() {\n  signing = undefined;\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'keyDropped',
          line: 4,
          column: 3,
          suggestions: [],
        },
      ],
    },
    {
      code: "import { ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';\nawait kms.send(new ScheduleKeyDeletionCommand({ KeyId: id, PendingWindowInDays: 7 }));",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'shortWindow',
          line: 2,
          column: 81,
          suggestions: [
            {
              messageId: 'useWindow',
              output:
                "import { ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';\nawait kms.send(new ScheduleKeyDeletionCommand({ KeyId: id, PendingWindowInDays: 30 }));",
            },
          ],
        },
      ],
    },
    {
      // AWS SDK v2
      code: "const AWS = require('aws-sdk');\nconst kms = new AWS.KMS();\nkms.scheduleKeyDeletion({ KeyId: id, PendingWindowInDays: 7 }).promise();",
      filename: 'lib/kms.cjs',
      errors: [
        {
          messageId: 'shortWindow',
          line: 3,
          column: 59,
          suggestions: [
            {
              messageId: 'useWindow',
              output:
                "const AWS = require('aws-sdk');\nconst kms = new AWS.KMS();\nkms.scheduleKeyDeletion({ KeyId: id, PendingWindowInDays: 30 }).promise();",
            },
          ],
        },
      ],
    },
    {
      code: "import { DeleteSecretCommand } from '@aws-sdk/client-secrets-manager';\nawait sm.send(new DeleteSecretCommand({ SecretId: arn, ForceDeleteWithoutRecovery: true }));\nawait sm.send(new DeleteSecretCommand({ SecretId: arn, RecoveryWindowInDays: 7 }));",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'forceDelete',
          line: 2,
          column: 56,
          suggestions: [
            {
              messageId: 'useRecoveryWindow',
              output:
                "import { DeleteSecretCommand } from '@aws-sdk/client-secrets-manager';\nawait sm.send(new DeleteSecretCommand({ SecretId: arn, RecoveryWindowInDays: 30 }));\nawait sm.send(new DeleteSecretCommand({ SecretId: arn, RecoveryWindowInDays: 7 }));",
            },
          ],
        },
        {
          messageId: 'shortWindow',
          line: 3,
          column: 78,
          suggestions: [
            {
              messageId: 'useWindow',
              output:
                "import { DeleteSecretCommand } from '@aws-sdk/client-secrets-manager';\nawait sm.send(new DeleteSecretCommand({ SecretId: arn, ForceDeleteWithoutRecovery: true }));\nawait sm.send(new DeleteSecretCommand({ SecretId: arn, RecoveryWindowInDays: 30 }));",
            },
          ],
        },
      ],
    },
    {
      code: "import { Duration, RemovalPolicy } from 'aws-cdk-lib';\nimport * as kms from 'aws-cdk-lib/aws-kms';\nnew kms.Key(this, 'DataKey', { pendingWindow: Duration.days(7), removalPolicy: RemovalPolicy.DESTROY });",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'shortWindow',
          line: 3,
          column: 47,
          suggestions: [
            {
              messageId: 'useWindow',
              output:
                "import { Duration, RemovalPolicy } from 'aws-cdk-lib';\nimport * as kms from 'aws-cdk-lib/aws-kms';\nnew kms.Key(this, 'DataKey', { pendingWindow: Duration.days(30), removalPolicy: RemovalPolicy.DESTROY });",
            },
          ],
        },
        {
          messageId: 'destroyPolicy',
          line: 3,
          column: 80,
          suggestions: [
            {
              messageId: 'useRetain',
              output:
                "import { Duration, RemovalPolicy } from 'aws-cdk-lib';\nimport * as kms from 'aws-cdk-lib/aws-kms';\nnew kms.Key(this, 'DataKey', { pendingWindow: Duration.days(7), removalPolicy: RemovalPolicy.RETAIN });",
            },
          ],
        },
      ],
    },
    {
      code: "import * as cdk from 'aws-cdk-lib';\nimport { aws_kms as kms, aws_secretsmanager as sm } from 'aws-cdk-lib';\nconst key = new kms.Key(this, 'K');\nkey.applyRemovalPolicy(cdk.RemovalPolicy.DESTROY);\nnew kms.CfnKey(this, 'Raw', { keyPolicy: {}, pendingWindowInDays: 7 });\nnew sm.Secret(this, 'S', { removalPolicy: cdk.RemovalPolicy.DESTROY });",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'destroyPolicy',
          line: 4,
          column: 24,
          suggestions: [
            {
              messageId: 'useRetain',
              output:
                "import * as cdk from 'aws-cdk-lib';\nimport { aws_kms as kms, aws_secretsmanager as sm } from 'aws-cdk-lib';\nconst key = new kms.Key(this, 'K');\nkey.applyRemovalPolicy(cdk.RemovalPolicy.RETAIN);\nnew kms.CfnKey(this, 'Raw', { keyPolicy: {}, pendingWindowInDays: 7 });\nnew sm.Secret(this, 'S', { removalPolicy: cdk.RemovalPolicy.DESTROY });",
            },
          ],
        },
        {
          messageId: 'shortWindow',
          line: 5,
          column: 67,
          suggestions: [
            {
              messageId: 'useWindow',
              output:
                "import * as cdk from 'aws-cdk-lib';\nimport { aws_kms as kms, aws_secretsmanager as sm } from 'aws-cdk-lib';\nconst key = new kms.Key(this, 'K');\nkey.applyRemovalPolicy(cdk.RemovalPolicy.DESTROY);\nnew kms.CfnKey(this, 'Raw', { keyPolicy: {}, pendingWindowInDays: 30 });\nnew sm.Secret(this, 'S', { removalPolicy: cdk.RemovalPolicy.DESTROY });",
            },
          ],
        },
        {
          messageId: 'destroyPolicy',
          line: 6,
          column: 43,
          suggestions: [
            {
              messageId: 'useRetain',
              output:
                "import * as cdk from 'aws-cdk-lib';\nimport { aws_kms as kms, aws_secretsmanager as sm } from 'aws-cdk-lib';\nconst key = new kms.Key(this, 'K');\nkey.applyRemovalPolicy(cdk.RemovalPolicy.DESTROY);\nnew kms.CfnKey(this, 'Raw', { keyPolicy: {}, pendingWindowInDays: 7 });\nnew sm.Secret(this, 'S', { removalPolicy: cdk.RemovalPolicy.RETAIN });",
            },
          ],
        },
      ],
    },
    {
      code: "import * as aws from '@pulumi/aws';\nimport * as gcp from '@pulumi/gcp';\nnew aws.kms.Key('k', { deletionWindowInDays: 10 });\nnew gcp.kms.CryptoKey('c', { keyRing: ring.id, destroyScheduledDuration: '86400s' });",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'shortWindow',
          line: 3,
          column: 46,
          suggestions: [
            {
              messageId: 'useWindow',
              output:
                "import * as aws from '@pulumi/aws';\nimport * as gcp from '@pulumi/gcp';\nnew aws.kms.Key('k', { deletionWindowInDays: 30 });\nnew gcp.kms.CryptoKey('c', { keyRing: ring.id, destroyScheduledDuration: '86400s' });",
            },
          ],
        },
        {
          messageId: 'shortWindow',
          line: 4,
          column: 74,
          suggestions: [
            {
              messageId: 'useWindow',
              output:
                "import * as aws from '@pulumi/aws';\nimport * as gcp from '@pulumi/gcp';\nnew aws.kms.Key('k', { deletionWindowInDays: 10 });\nnew gcp.kms.CryptoKey('c', { keyRing: ring.id, destroyScheduledDuration: '2592000s' });",
            },
          ],
        },
      ],
    },
    {
      code: "import { KeyManagementServiceClient } from '@google-cloud/kms';\nconst client = new KeyManagementServiceClient();\nawait client.createCryptoKey({ parent, cryptoKeyId: 'k', cryptoKey: { purpose: 'ENCRYPT_DECRYPT', destroyScheduledDuration: { seconds: 86400 } } });",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'shortWindow',
          line: 3,
          column: 125,
          suggestions: [
            {
              messageId: 'useWindow',
              output:
                "import { KeyManagementServiceClient } from '@google-cloud/kms';\nconst client = new KeyManagementServiceClient();\nawait client.createCryptoKey({ parent, cryptoKeyId: 'k', cryptoKey: { purpose: 'ENCRYPT_DECRYPT', destroyScheduledDuration: { seconds: 2592000 } } });",
            },
          ],
        },
      ],
    },
    {
      // CDKTF
      code: "import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';\nnew KmsKey(this, 'k', { deletionWindowInDays: 7, enableKeyRotation: true });",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'shortWindow',
          line: 2,
          column: 47,
          suggestions: [
            {
              messageId: 'useWindow',
              output:
                "import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';\nnew KmsKey(this, 'k', { deletionWindowInDays: 30, enableKeyRotation: true });",
            },
          ],
        },
      ],
    },
    {
      code: "import { ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';\nnew ScheduleKeyDeletionCommand({ KeyId: id, PendingWindowInDays: 10 });",
      filename: 'src/a.ts',
      options: [{ minRecoveryDays: 14 }],
      errors: [
        {
          messageId: 'shortWindow',
          line: 2,
          column: 66,
          suggestions: [
            {
              messageId: 'useWindow',
              output:
                "import { ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';\nnew ScheduleKeyDeletionCommand({ KeyId: id, PendingWindowInDays: 14 });",
            },
          ],
        },
      ],
    },
    {
      // never wiped
      code: "import { scryptSync } from 'node:crypto';\nexport function seal(pw: string, salt: Buffer, data: Buffer) {\n  const key = scryptSync(pw, salt, 32);\n  const out = encrypt(key, data);\n  return out;\n}",
      filename: 'src/a.ts',
      options: [{ memory: 'all-exits' }],
      errors: [
        {
          messageId: 'keyNotWiped',
          line: 3,
          column: 9,
          suggestions: [
            {
              messageId: 'wipeInFinally',
              output:
                "import { scryptSync } from 'node:crypto';\nexport function seal(pw: string, salt: Buffer, data: Buffer) {\n  const key = scryptSync(pw, salt, 32);\n  try {\n    const out = encrypt(key, data);\n    return out;\n  } finally {\n    key.fill(0);\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      // a wipe at the end misses the early return
      code: "import { scryptSync } from 'node:crypto';\nexport function seal(pw: string, salt: Buffer, data: Buffer) {\n  const key = scryptSync(pw, salt, 32);\n  if (!data.length) return null;\n  const out = encrypt(key, data);\n  key.fill(0);\n  return out;\n}",
      filename: 'src/a.ts',
      options: [{ memory: 'all-exits' }],
      errors: [
        {
          messageId: 'wipeMissesExits',
          line: 3,
          column: 9,
          suggestions: [
            {
              messageId: 'wipeInFinally',
              output:
                "import { scryptSync } from 'node:crypto';\nexport function seal(pw: string, salt: Buffer, data: Buffer) {\n  const key = scryptSync(pw, salt, 32);\n  try {\n    if (!data.length) return null;\n    const out = encrypt(key, data);\n    return out;\n  } finally {\n    key.fill(0);\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      code: "import crypto from 'node:crypto';\nexport function derive(ikm: Buffer, salt: Buffer) {\n  const macKey = Buffer.from(crypto.hkdfSync('sha256', ikm, salt, 'mac', 32));\n  const raw = crypto.generateKeySync('hmac', { length: 256 }).export();\n  const dataKey = crypto.randomBytes(32);\n  sign(raw, dataKey);\n}",
      filename: 'src/derive.js',
      options: [{ memory: 'all-exits' }],
      errors: [
        {
          messageId: 'keyNotWiped',
          line: 3,
          column: 9,
          suggestions: [
            {
              messageId: 'wipeInFinally',
              output:
                "import crypto from 'node:crypto';\nexport function derive(ikm: Buffer, salt: Buffer) {\n  const macKey = Buffer.from(crypto.hkdfSync('sha256', ikm, salt, 'mac', 32));\n  try {\n    const raw = crypto.generateKeySync('hmac', { length: 256 }).export();\n    const dataKey = crypto.randomBytes(32);\n    sign(raw, dataKey);\n  } finally {\n    macKey.fill(0);\n  }\n}",
            },
          ],
        },
        {
          messageId: 'keyNotWiped',
          line: 4,
          column: 9,
          suggestions: [
            {
              messageId: 'wipeInFinally',
              output:
                "import crypto from 'node:crypto';\nexport function derive(ikm: Buffer, salt: Buffer) {\n  const macKey = Buffer.from(crypto.hkdfSync('sha256', ikm, salt, 'mac', 32));\n  const raw = crypto.generateKeySync('hmac', { length: 256 }).export();\n  try {\n    const dataKey = crypto.randomBytes(32);\n    sign(raw, dataKey);\n  } finally {\n    raw.fill(0);\n  }\n}",
            },
          ],
        },
        {
          messageId: 'keyNotWiped',
          line: 5,
          column: 9,
          suggestions: [
            {
              messageId: 'wipeInFinally',
              output:
                "import crypto from 'node:crypto';\nexport function derive(ikm: Buffer, salt: Buffer) {\n  const macKey = Buffer.from(crypto.hkdfSync('sha256', ikm, salt, 'mac', 32));\n  const raw = crypto.generateKeySync('hmac', { length: 256 }).export();\n  const dataKey = crypto.randomBytes(32);\n  try {\n    sign(raw, dataKey);\n  } finally {\n    dataKey.fill(0);\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      // a key kept as a string
      code: "import { scryptSync } from 'node:crypto';\nexport class Vault {\n  open(pw, salt) {\n    this.keyHex = scryptSync(pw, salt, 32).toString('hex');\n  }\n}",
      filename: 'src/vault.js',
      options: [{ memory: 'all-exits' }],
      errors: [
        {
          messageId: 'keyAsString',
          line: 4,
          column: 19,
          suggestions: [],
        },
      ],
    },
    {
      // rimraf and del
      code: "import { rimraf } from 'rimraf';\nimport { deleteSync } from 'del';\nexport async function clean() {\n  await rimraf('/var/lib/app/keystore');\n  deleteSync(['deploy/secrets/prod.env']);\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'keyFileDeleted',
          line: 4,
          column: 9,
          suggestions: [],
        },
        {
          messageId: 'keyFileDeleted',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'useDestroyKeyFile',
              output:
                "import { rimraf } from 'rimraf';\nimport { deleteSync } from 'del';\nimport { destroyKeyFile } from 'keyhygiene/keys';\nexport async function clean() {\n  await rimraf('/var/lib/app/keystore');\n  await destroyKeyFile('deploy/secrets/prod.env');\n}",
            },
          ],
        },
      ],
    },
  ],
});
