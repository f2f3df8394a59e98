import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/require-key-rotation.js';
import { ruleTester } from '../helpers/rule-tester.js';

const CDK = "import * as kms from 'aws-cdk-lib/aws-kms';\n";
const ROTATION_OFF = 'rotationOff' as const;

ruleTester.run('require-key-rotation', rule, {
  valid: [
    // ---- AWS CDK: rotation on, or a key that cannot or need not rotate
    { code: `${CDK}new kms.Key(this, 'K', { enableKeyRotation: true });`, filename: 'infra/stack.ts' },
    {
      code: `${CDK}import { Duration } from 'aws-cdk-lib';\nnew kms.Key(this, 'K', { enableKeyRotation: true, rotationPeriod: Duration.days(365) });`,
      filename: 'infra/stack.ts',
    },
    {
      code: `${CDK}new kms.Key(this, 'K', { keySpec: kms.KeySpec.ECC_NIST_P256, keyUsage: kms.KeyUsage.SIGN_VERIFY });`,
      filename: 'infra/stack.ts',
    },
    {
      code: `${CDK}new kms.Key(this, 'K', { keySpec: kms.KeySpec.RSA_3072, keyUsage: kms.KeyUsage.ENCRYPT_DECRYPT });`,
      filename: 'infra/stack.ts',
    },
    {
      code: `${CDK}new kms.Key(this, 'K', { keySpec: kms.KeySpec.HMAC_512, keyUsage: kms.KeyUsage.GENERATE_VERIFY_MAC });`,
      filename: 'infra/stack.ts',
    },
    { code: `${CDK}const shared = kms.Key.fromKeyArn(this, 'Shared', sharedKeyArn);`, filename: 'infra/stack.ts' },
    {
      code: `${CDK}const k = kms.Key.fromLookup(this, 'K', { aliasName: 'alias/orders' });`,
      filename: 'infra/stack.ts',
    },
    { code: `${CDK}new kms.CfnKey(this, 'K', { keyPolicy, origin: 'EXTERNAL' });`, filename: 'infra/stack.ts' },
    {
      code: `${CDK}new kms.CfnKey(this, 'K', { keyPolicy, enableKeyRotation: true, rotationPeriodInDays: 730 });`,
      filename: 'infra/stack.ts',
    },
    // settings the file cannot show: stay silent rather than guess
    { code: `${CDK}new kms.Key(this, 'K', { ...defaults });`, filename: 'infra/stack.ts' },
    {
      code: `${CDK}export function key(scope, spec) { return new kms.Key(scope, 'K', { keySpec: spec }); }`,
      filename: 'infra/stack.ts',
    },
    { code: `${CDK}export const key = (scope, props) => new kms.Key(scope, 'K', props);`, filename: 'infra/stack.ts' },
    {
      code: `${CDK}export const key = (scope, props) => new kms.Key(scope, 'K', { keySpec: props.keySpec, alias: props.alias });`,
      filename: 'infra/stack.ts',
    },
    { code: `${CDK}new kms.Key(this, 'K', { enableKeyRotation: config.rotateKeys });`, filename: 'infra/stack.ts' },
    // a local construct that shares the name
    { code: "import { Key } from './constructs';\nnew Key(this, 'K');", filename: 'infra/stack.ts' },
    // test stacks are throwaway
    { code: `${CDK}new kms.Key(stack, 'K');`, filename: 'infra/test/stack.test.ts' },
    // ---- Pulumi and CDKTF
    {
      code: "import * as aws from '@pulumi/aws';\nnew aws.kms.Key('data', { enableKeyRotation: true, rotationPeriodInDays: 90 });",
      filename: 'index.ts',
    },
    {
      code: "import * as aws from '@pulumi/aws';\nnew aws.kms.Key('hsm', { customKeyStoreId: store.id });",
      filename: 'index.ts',
    },
    {
      code: "import * as aws from '@pulumi/aws';\nnew aws.kms.Key('sign', { customerMasterKeySpec: 'RSA_4096', keyUsage: 'SIGN_VERIFY' });",
      filename: 'index.ts',
    },
    {
      code: "import * as aws from '@pulumi/aws';\nnew aws.kms.ExternalKey('imported', { keyMaterialBase64: material });",
      filename: 'index.ts',
    },
    {
      code: "import * as gcp from '@pulumi/gcp';\nnew gcp.kms.CryptoKey('data', { keyRing: ring.id, rotationPeriod: '7776000s' });",
      filename: 'index.ts',
    },
    {
      code: "import * as gcp from '@pulumi/gcp';\nnew gcp.kms.CryptoKey('sign', { keyRing: ring.id, purpose: 'ASYMMETRIC_SIGN' });",
      filename: 'index.ts',
    },
    {
      code: "import * as gcp from '@pulumi/gcp';\nnew gcp.kms.CryptoKey('mac', { keyRing: ring.id, purpose: 'MAC' });",
      filename: 'index.ts',
    },
    {
      code: "import * as gcp from '@pulumi/gcp';\nnew gcp.kms.CryptoKey('imp', { keyRing: ring.id, importOnly: true });",
      filename: 'index.ts',
    },
    {
      code: "import { KmsCryptoKey } from '@cdktf/provider-google/lib/kms-crypto-key';\nnew KmsCryptoKey(this, 'k', { name: 'k', keyRing: ring.id, versionTemplate: { algorithm: 'EXTERNAL_SYMMETRIC_ENCRYPTION', protectionLevel: 'EXTERNAL_VPC' } });",
      filename: 'main.ts',
    },
    {
      code: "import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';\nnew KmsKey(this, 'k', { enableKeyRotation: true });",
      filename: 'main.ts',
    },
    // ---- AWS SDK v3 and the GCP client
    // a KeyId that cannot be tied to a CreateKey result in the file: module-level, as before
    {
      code: "import { KMSClient, CreateKeyCommand, EnableKeyRotationCommand } from '@aws-sdk/client-kms';\nconst kms = new KMSClient({});\nexport async function create() {\n  const out = await kms.send(new CreateKeyCommand({ Description: 'data' }));\n  return out.KeyMetadata?.KeyId;\n}\nexport async function rotate(keyId: string) {\n  await kms.send(new EnableKeyRotationCommand({ KeyId: keyId }));\n}",
      filename: 'src/provision.ts',
    },
    {
      code: "import { KMSClient, CreateKeyCommand, EnableKeyRotationCommand } from '@aws-sdk/client-kms';\nconst kms = new KMSClient({});\nconst { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: 'data' }));\nawait kms.send(new EnableKeyRotationCommand({ KeyId: KeyMetadata.KeyId, RotationPeriodInDays: 365 }));",
      filename: 'src/provision.ts',
    },
    {
      code: "import { CreateKeyCommand } from '@aws-sdk/client-kms';\nawait kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P384', KeyUsage: 'SIGN_VERIFY' }));",
      filename: 'src/provision.ts',
    },
    {
      code: "import { CreateKeyCommand } from '@aws-sdk/client-kms';\nawait kms.send(new CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }));",
      filename: 'src/provision.ts',
    },
    {
      code: "import { CreateKeyCommand } from '@aws-sdk/client-kms';\nawait kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL' }));",
      filename: 'src/provision.ts',
    },
    {
      code: "import { CreateKeyCommand } from '@aws-sdk/client-kms';\nawait kms.send(new CreateKeyCommand({ CustomKeyStoreId: storeId }));",
      filename: 'src/provision.ts',
    },
    {
      code: "import { KeyManagementServiceClient } from '@google-cloud/kms';\nconst client = new KeyManagementServiceClient();\nawait client.createCryptoKey({ parent, cryptoKeyId: 'd', cryptoKey: { purpose: 'ENCRYPT_DECRYPT', rotationPeriod: { seconds: 7776000 }, nextRotationTime: { seconds: next } } });",
      filename: 'src/kms.ts',
    },
    {
      code: "const { KeyManagementServiceClient } = require('@google-cloud/kms');\nconst client = new KeyManagementServiceClient();\nclient.createCryptoKey({ parent, cryptoKeyId: 'm', cryptoKey: { purpose: 'MAC' } });",
      filename: 'src/kms.js',
    },
    // ---- JWT: a key id, a key chosen from a set, or a key the caller passes
    {
      code: "import jwt from 'jsonwebtoken';\njwt.sign(claims, process.env.JWT_SECRET, { expiresIn: '1h', keyid: 'v3' });",
      filename: 'src/auth.ts',
    },
    {
      code: "import jwt from 'jsonwebtoken';\njwt.sign(claims, signingKey.material, { header: { alg: 'HS256', kid: signingKey.id } });",
      filename: 'src/auth.ts',
    },
    {
      code: "import jwt from 'jsonwebtoken';\njwt.sign(claims, keys[activeKid], { algorithm: 'HS256' });",
      filename: 'src/auth.ts',
    },
    {
      code: "import jwt from 'jsonwebtoken';\nconst current = keyring.current();\njwt.sign(claims, current.secret, { algorithm: 'HS256' });",
      filename: 'src/auth.ts',
    },
    {
      code: "import jwt from 'jsonwebtoken';\nexport function issue(claims, key) { return jwt.sign(claims, key); }",
      filename: 'src/auth.js',
    },
    {
      code: "import jwt from 'jsonwebtoken';\njwt.sign(claims, process.env.JWT_SECRET, { ...baseOptions });",
      filename: 'src/auth.ts',
    },
    { code: "import jwt from 'jsonwebtoken';\njwt.verify(token, process.env.JWT_SECRET);", filename: 'src/auth.ts' },
    {
      code: "import { SignJWT } from 'jose';\nawait new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: 'v2' }).sign(secret);",
      filename: 'src/auth.ts',
    },
    {
      code: "import { SignJWT } from 'jose';\nawait new SignJWT(claims).setProtectedHeader({ alg: 'ES256' }).sign(jwks.keys[0]);",
      filename: 'src/auth.ts',
    },
    { code: "import jwt from 'jsonwebtoken';\njwt.sign(claims, 'not-checked-here');", filename: 'test/auth.test.ts' },
    // ---- keyhygiene keyring
    {
      code: "import { openKeyring } from 'keyhygiene/keys';\nawait openKeyring({ path, backend });",
      filename: 'src/crypto.ts',
    },
    {
      code: "import { openKeyring } from 'keyhygiene/keys';\nawait openKeyring({ path, backend, rotation: { maxAgeDays: 730 } });",
      filename: 'src/crypto.ts',
    },
    {
      code: "import { openKeyring } from './my-keys';\nawait openKeyring({ path, rotation: false });",
      filename: 'src/crypto.ts',
    },
  ],
  invalid: [
    // ---- AWS CDK kms.Key
    {
      code: `${CDK}new kms.Key(this, 'DataKey');`,
      filename: 'infra/stack.ts',
      errors: [
        {
          messageId: ROTATION_OFF,
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 29,
          data: { resource: 'CDK kms.Key', property: 'enableKeyRotation', state: 'unset' },
          suggestions: [
            {
              messageId: 'enableRotation',
              data: { property: 'enableKeyRotation' },
              output: `${CDK}new kms.Key(this, 'DataKey', { enableKeyRotation: true });`,
            },
          ],
        },
      ],
    },
    {
      code: `${CDK}new kms.Key(this, 'DataKey', {});`,
      filename: 'infra/stack.ts',
      errors: [
        {
          messageId: ROTATION_OFF,
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 33,
          suggestions: [
            { messageId: 'enableRotation', output: `${CDK}new kms.Key(this, 'DataKey', { enableKeyRotation: true });` },
          ],
        },
      ],
    },
    {
      // multi-line props keep their layout (with and without a trailing comma)
      code: `${CDK}new kms.Key(this, 'DataKey', {\n  alias: 'alias/data',\n  description: 'orders',\n});`,
      filename: 'infra/stack.ts',
      errors: [
        {
          messageId: ROTATION_OFF,
          line: 2,
          column: 1,
          endLine: 5,
          endColumn: 3,
          suggestions: [
            {
              messageId: 'enableRotation',
              output: `${CDK}new kms.Key(this, 'DataKey', {\n  alias: 'alias/data',\n  description: 'orders',\n  enableKeyRotation: true,\n});`,
            },
          ],
        },
      ],
    },
    {
      code: `${CDK}new kms.Key(this, 'DataKey', {\n  alias: 'alias/data'\n});`,
      filename: 'infra/stack.ts',
      errors: [
        {
          messageId: ROTATION_OFF,
          line: 2,
          column: 1,
          endLine: 4,
          endColumn: 3,
          suggestions: [
            {
              messageId: 'enableRotation',
              output: `${CDK}new kms.Key(this, 'DataKey', {\n  alias: 'alias/data',\n  enableKeyRotation: true\n});`,
            },
          ],
        },
      ],
    },
    {
      // explicitly off: reported on the property, the suggestion flips it
      code: "import { Key } from 'aws-cdk-lib/aws-kms';\nnew Key(this, 'K', { alias: 'alias/x', enableKeyRotation: false });",
      filename: 'infra/stack.ts',
      errors: [
        {
          messageId: ROTATION_OFF,
          line: 2,
          column: 40,
          endLine: 2,
          endColumn: 64,
          data: { resource: 'CDK kms.Key', property: 'enableKeyRotation', state: 'set to false' },
          suggestions: [
            {
              messageId: 'enableRotation',
              output:
                "import { Key } from 'aws-cdk-lib/aws-kms';\nnew Key(this, 'K', { alias: 'alias/x', enableKeyRotation: true });",
            },
          ],
        },
      ],
    },
    {
      // through a const
      code: "import { Key } from 'aws-cdk-lib/aws-kms';\nconst OFF = false;\nnew Key(this, 'K', { enableKeyRotation: OFF });",
      filename: 'infra/stack.ts',
      errors: [
        {
          messageId: ROTATION_OFF,
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'enableRotation',
              output:
                "import { Key } from 'aws-cdk-lib/aws-kms';\nconst OFF = false;\nnew Key(this, 'K', { enableKeyRotation: true });",
            },
          ],
        },
      ],
    },
    {
      // props held in a const: the suggestion edits the object where it is written
      code: `${CDK}const props = { alias: 'alias/a' };\nnew kms.Key(this, 'K', props);`,
      filename: 'infra/stack.ts',
      errors: [
        {
          messageId: ROTATION_OFF,
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'enableRotation',
              output: `${CDK}const props = { alias: 'alias/a', enableKeyRotation: true };\nnew kms.Key(this, 'K', props);`,
            },
          ],
        },
      ],
    },
    {
      // the symmetric default spelled out is still symmetric; CommonJS in plain .js
      code: "const kms = require('aws-cdk-lib/aws-kms');\nnew kms.Key(this, 'K', { keySpec: kms.KeySpec.SYMMETRIC_DEFAULT });",
      filename: 'infra/stack.js',
      errors: [
        {
          messageId: ROTATION_OFF,
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'enableRotation',
              output:
                "const kms = require('aws-cdk-lib/aws-kms');\nnew kms.Key(this, 'K', { keySpec: kms.KeySpec.SYMMETRIC_DEFAULT, enableKeyRotation: true });",
            },
          ],
        },
      ],
    },
    {
      // rotation period out of AWS's range: Duration.days and Duration.hours
      code: "import { aws_kms as kms, Duration } from 'aws-cdk-lib';\nnew kms.Key(this, 'K', { enableKeyRotation: true, rotationPeriod: Duration.days(3000) });",
      filename: 'infra/stack.ts',
      errors: [
        {
          messageId: 'periodOutOfRange',
          line: 2,
          column: 67,
          endLine: 2,
          endColumn: 86,
          data: {
            resource: 'CDK kms.Key',
            property: 'rotationPeriod',
            days: '3000',
            min: '90',
            max: '730',
            source: 'AWS KMS accepts 90 to 2560; NIST SP 800-57 suggests at most 2 years',
          },
        },
      ],
    },
    {
      code: "import * as cdk from 'aws-cdk-lib';\nnew cdk.aws_kms.Key(this, 'K', { enableKeyRotation: true, rotationPeriod: cdk.Duration.hours(24 * 30) });",
      filename: 'infra/stack.ts',
      errors: [
        {
          messageId: 'periodOutOfRange',
          line: 2,
          column: 75,
          endLine: 2,
          endColumn: 102,
          data: {
            resource: 'CDK kms.Key',
            property: 'rotationPeriod',
            days: '30',
            min: '90',
            max: '730',
            source: 'AWS KMS accepts 90 to 2560; NIST SP 800-57 suggests at most 2 years',
          },
        },
      ],
    },
    // ---- AWS CDK CfnKey
    {
      code: `${CDK}new kms.CfnKey(this, 'K', { keyPolicy: policy });`,
      filename: 'infra/stack.ts',
      errors: [
        {
          messageId: ROTATION_OFF,
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 49,
          data: { resource: 'CDK kms.CfnKey', property: 'enableKeyRotation', state: 'unset' },
          suggestions: [
            {
              messageId: 'enableRotation',
              output: `${CDK}new kms.CfnKey(this, 'K', { keyPolicy: policy, enableKeyRotation: true });`,
            },
          ],
        },
      ],
    },
    {
      code: `${CDK}new kms.CfnKey(this, 'K', { keyPolicy, enableKeyRotation: true, rotationPeriodInDays: 30 });`,
      filename: 'infra/stack.ts',
      errors: [
        {
          messageId: 'periodOutOfRange',
          line: 2,
          column: 87,
          endLine: 2,
          endColumn: 89,
          data: {
            resource: 'CDK kms.CfnKey',
            property: 'rotationPeriodInDays',
            days: '30',
            min: '90',
            max: '730',
            source: 'AWS KMS accepts 90 to 2560; NIST SP 800-57 suggests at most 2 years',
          },
        },
      ],
    },
    // ---- Pulumi
    {
      code: "import * as aws from '@pulumi/aws';\nconst key = new aws.kms.Key('data');",
      filename: 'index.ts',
      errors: [
        {
          messageId: ROTATION_OFF,
          line: 2,
          column: 13,
          endLine: 2,
          endColumn: 36,
          data: { resource: 'Pulumi aws.kms.Key', property: 'enableKeyRotation', state: 'unset' },
          suggestions: [
            {
              messageId: 'enableRotation',
              output:
                "import * as aws from '@pulumi/aws';\nconst key = new aws.kms.Key('data', { enableKeyRotation: true });",
            },
          ],
        },
      ],
    },
    {
      code: "import * as aws from '@pulumi/aws';\nnew aws.kms.Key('data', { enableKeyRotation: false });",
      filename: 'index.js',
      errors: [
        {
          messageId: ROTATION_OFF,
          line: 2,
          column: 27,
          endLine: 2,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'enableRotation',
              output: "import * as aws from '@pulumi/aws';\nnew aws.kms.Key('data', { enableKeyRotation: true });",
            },
          ],
        },
      ],
    },
    {
      code: "import { kms } from '@pulumi/aws';\nnew kms.Key('data', { enableKeyRotation: true, rotationPeriodInDays: 3650 });",
      filename: 'index.ts',
      errors: [
        {
          messageId: 'periodOutOfRange',
          line: 2,
          column: 70,
          endLine: 2,
          endColumn: 74,
          data: {
            resource: 'Pulumi aws.kms.Key',
            property: 'rotationPeriodInDays',
            days: '3650',
            min: '90',
            max: '730',
            source: 'AWS KMS accepts 90 to 2560; NIST SP 800-57 suggests at most 2 years',
          },
        },
      ],
    },
    {
      code: "import * as gcp from '@pulumi/gcp';\nnew gcp.kms.CryptoKey('data', { keyRing: ring.id });",
      filename: 'index.ts',
      errors: [
        {
          messageId: 'periodMissing',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 52,
          data: { resource: 'Pulumi gcp.kms.CryptoKey', properties: 'rotationPeriod' },
          suggestions: [
            {
              messageId: 'setRotationPeriod',
              data: { property: 'rotationPeriod', value: "'7776000s'" },
              output:
                "import * as gcp from '@pulumi/gcp';\nnew gcp.kms.CryptoKey('data', { keyRing: ring.id, rotationPeriod: '7776000s' });",
            },
          ],
        },
      ],
    },
    {
      code: "import * as gcp from '@pulumi/gcp';\nnew gcp.kms.CryptoKey('data', { keyRing: ring.id, rotationPeriod: '31536000s' });",
      filename: 'index.ts',
      errors: [
        {
          messageId: 'periodOutOfRange',
          line: 2,
          column: 67,
          endLine: 2,
          endColumn: 78,
          data: {
            resource: 'Pulumi gcp.kms.CryptoKey',
            property: 'rotationPeriod',
            days: '365',
            min: '1',
            max: '90',
            source: 'the CIS Google Cloud benchmark limit (1.10) for encryption keys',
          },
          suggestions: [
            {
              messageId: 'setRotationPeriod',
              output:
                "import * as gcp from '@pulumi/gcp';\nnew gcp.kms.CryptoKey('data', { keyRing: ring.id, rotationPeriod: '7776000s' });",
            },
          ],
        },
      ],
    },
    // ---- CDKTF
    {
      code: "import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';\nnew KmsKey(this, 'data', { description: 'data' });",
      filename: 'main.ts',
      errors: [
        {
          messageId: ROTATION_OFF,
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 50,
          data: { resource: 'CDKTF KmsKey', property: 'enableKeyRotation', state: 'unset' },
          suggestions: [
            {
              messageId: 'enableRotation',
              output:
                "import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';\nnew KmsKey(this, 'data', { description: 'data', enableKeyRotation: true });",
            },
          ],
        },
      ],
    },
    {
      code: "import { KmsCryptoKey } from '@cdktf/provider-google/lib/kms-crypto-key';\nnew KmsCryptoKey(this, 'k', { name: 'k', keyRing: ring.id });",
      filename: 'main.ts',
      errors: [
        {
          messageId: 'periodMissing',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'setRotationPeriod',
              output:
                "import { KmsCryptoKey } from '@cdktf/provider-google/lib/kms-crypto-key';\nnew KmsCryptoKey(this, 'k', { name: 'k', keyRing: ring.id, rotationPeriod: '7776000s' });",
            },
          ],
        },
      ],
    },
    // ---- AWS SDK v3: module-local check, no suggestion (the KeyId comes from the response)
    {
      // rotation enabled for a different key (tied by the KeyId of the same CreateKey result): the first key is still unrotated
      code: "import { KMSClient, CreateKeyCommand, EnableKeyRotationCommand } from '@aws-sdk/client-kms';\nconst kms = new KMSClient({});\nexport async function createTenantKey(tenant: string) {\n  const out = await kms.send(new CreateKeyCommand({ Description: `tenant ${tenant}` }));\n  return out.KeyMetadata?.KeyId;\n}\nexport async function createRotatedKey(tenant: string) {\n  const out = await kms.send(new CreateKeyCommand({ Description: tenant }));\n  await kms.send(new EnableKeyRotationCommand({ KeyId: out.KeyMetadata!.KeyId! }));\n  return out.KeyMetadata?.KeyId;\n}",
      filename: 'src/kms-admin.ts',
      errors: [
        {
          messageId: 'createKeyNoRotation',
          line: 4,
          column: 30,
          endLine: 4,
          endColumn: 87,
          data: { resource: 'CreateKeyCommand', companion: 'EnableKeyRotationCommand' },
        },
      ],
    },
    {
      code: "import { KMSClient, CreateKeyCommand } from '@aws-sdk/client-kms';\nconst kms = new KMSClient({});\nexport async function createDataKey() {\n  const out = await kms.send(new CreateKeyCommand({ Description: 'data' }));\n  return out.KeyMetadata?.KeyId;\n}",
      filename: 'src/provision.ts',
      errors: [
        {
          messageId: 'createKeyNoRotation',
          line: 4,
          column: 30,
          endLine: 4,
          endColumn: 75,
          data: { resource: 'CreateKeyCommand', companion: 'EnableKeyRotationCommand' },
        },
      ],
    },
    {
      code: "import { KMS } from '@aws-sdk/client-kms';\nconst kms = new KMS({});\nawait kms.createKey({ KeySpec: 'SYMMETRIC_DEFAULT' });",
      filename: 'src/provision.js',
      errors: [{ messageId: 'createKeyNoRotation', line: 3, column: 7, endLine: 3, endColumn: 54 }],
    },
    {
      code: "import { EnableKeyRotationCommand } from '@aws-sdk/client-kms';\nawait kms.send(new EnableKeyRotationCommand({ KeyId: id, RotationPeriodInDays: 3000 }));",
      filename: 'src/provision.ts',
      errors: [
        {
          messageId: 'periodOutOfRange',
          line: 2,
          column: 80,
          endLine: 2,
          endColumn: 84,
          data: {
            resource: 'EnableKeyRotationCommand',
            property: 'RotationPeriodInDays',
            days: '3000',
            min: '90',
            max: '730',
            source: 'AWS KMS accepts 90 to 2560; NIST SP 800-57 suggests at most 2 years',
          },
        },
      ],
    },
    // ---- GCP Node client
    {
      code: "import { KeyManagementServiceClient } from '@google-cloud/kms';\nconst client = new KeyManagementServiceClient();\nawait client.createCryptoKey({ parent, cryptoKeyId: 'data', cryptoKey: { purpose: 'ENCRYPT_DECRYPT' } });",
      filename: 'src/kms.ts',
      errors: [
        {
          messageId: 'periodMissing',
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 105,
          data: {
            resource: 'KeyManagementServiceClient.createCryptoKey',
            properties: 'rotationPeriod/nextRotationTime',
          },
          suggestions: [
            {
              messageId: 'setRotationPeriod',
              output:
                "import { KeyManagementServiceClient } from '@google-cloud/kms';\nconst client = new KeyManagementServiceClient();\nawait client.createCryptoKey({ parent, cryptoKeyId: 'data', cryptoKey: { purpose: 'ENCRYPT_DECRYPT', rotationPeriod: { seconds: 7776000 }, nextRotationTime: { seconds: Math.floor(Date.now() / 1000) + 7776000 } } });",
            },
          ],
        },
      ],
    },
    {
      code: "import { KeyManagementServiceClient } from '@google-cloud/kms';\nconst client = new KeyManagementServiceClient();\nawait client.createCryptoKey({ parent, cryptoKeyId: 'd', cryptoKey: { rotationPeriod: { seconds: 31536000 }, nextRotationTime: next } });",
      filename: 'src/kms.ts',
      errors: [
        {
          messageId: 'periodOutOfRange',
          line: 3,
          column: 87,
          endLine: 3,
          endColumn: 108,
          data: {
            resource: 'KeyManagementServiceClient.createCryptoKey',
            property: 'rotationPeriod',
            days: '365',
            min: '1',
            max: '90',
            source: 'the CIS Google Cloud benchmark limit (1.10) for encryption keys',
          },
        },
      ],
    },
    // ---- JWT with one static key and no kid
    {
      code: "import jwt from 'jsonwebtoken';\nexport const issue = (user) => jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });",
      filename: 'src/auth.js',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 2,
          column: 32,
          endLine: 2,
          endColumn: 103,
          data: { signer: 'jwt.sign (jsonwebtoken)', header: 'kid' },
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'keyid', kid: 'v1' },
              output:
                "import jwt from 'jsonwebtoken';\nexport const issue = (user) => jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h', keyid: 'v1' });",
            },
          ],
        },
      ],
    },
    {
      code: "import jwt from 'jsonwebtoken';\nconst secret = process.env.JWT_SECRET;\njwt.sign(payload, secret);",
      filename: 'src/auth.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'addKeyId',
              output:
                "import jwt from 'jsonwebtoken';\nconst secret = process.env.JWT_SECRET;\njwt.sign(payload, secret, { keyid: 'v1' });",
            },
          ],
        },
      ],
    },
    {
      // a callback in the options position: the options go before it
      code: "import jwt from 'jsonwebtoken';\njwt.sign(payload, process.env.JWT_SECRET, (err, token) => done(token));",
      filename: 'src/auth.js',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'addKeyId',
              output:
                "import jwt from 'jsonwebtoken';\njwt.sign(payload, process.env.JWT_SECRET, { keyid: 'v1' }, (err, token) => done(token));",
            },
          ],
        },
      ],
    },
    {
      code: "import jwt from 'jsonwebtoken';\njwt.sign(claims, process.env.JWT_SECRET, {});",
      filename: 'src/auth.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'addKeyId',
              output: "import jwt from 'jsonwebtoken';\njwt.sign(claims, process.env.JWT_SECRET, { keyid: 'v1' });",
            },
          ],
        },
      ],
    },
    {
      // a header without kid, in an options const
      code: "import jwt from 'jsonwebtoken';\nconst opts = { algorithm: 'HS256', header: { typ: 'JWT' } };\njwt.sign(claims, process.env.JWT_SECRET, opts);",
      filename: 'src/auth.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'addKeyId',
              output:
                "import jwt from 'jsonwebtoken';\nconst opts = { algorithm: 'HS256', header: { typ: 'JWT' }, keyid: 'v1' };\njwt.sign(claims, process.env.JWT_SECRET, opts);",
            },
          ],
        },
      ],
    },
    {
      // an RS256 private key read from one file is just as static
      code: "import jwt from 'jsonwebtoken';\nimport fs from 'node:fs';\nconst privateKey = fs.readFileSync('keys/jwt.pem');\nexport const issue = (claims) => jwt.sign(claims, privateKey, {\n  algorithm: 'RS256',\n  expiresIn: '15m',\n});",
      filename: 'src/auth.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 4,
          column: 34,
          endLine: 7,
          endColumn: 3,
          suggestions: [
            {
              messageId: 'addKeyId',
              output:
                "import jwt from 'jsonwebtoken';\nimport fs from 'node:fs';\nconst privateKey = fs.readFileSync('keys/jwt.pem');\nexport const issue = (claims) => jwt.sign(claims, privateKey, {\n  algorithm: 'RS256',\n  expiresIn: '15m',\n  keyid: 'v1',\n});",
            },
          ],
        },
      ],
    },
    {
      code: "import { SignJWT } from 'jose';\nconst secret = new TextEncoder().encode(process.env.JWT_SECRET);\nexport const issue = (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(secret);",
      filename: 'src/auth.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 3,
          column: 73,
          endLine: 3,
          endColumn: 89,
          data: { signer: 'SignJWT (jose)', header: 'kid' },
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'kid', kid: 'v1' },
              output:
                "import { SignJWT } from 'jose';\nconst secret = new TextEncoder().encode(process.env.JWT_SECRET);\nexport const issue = (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: 'v1' }).setExpirationTime('2h').sign(secret);",
            },
          ],
        },
      ],
    },
    // ---- keyhygiene keyring
    {
      code: "import { openKeyring } from 'keyhygiene/keys';\nconst ring = await openKeyring({ path: '/var/lib/app/keys', backend, rotation: false });",
      filename: 'src/crypto.ts',
      errors: [
        {
          messageId: 'keyringRotationOff',
          line: 2,
          column: 80,
          endLine: 2,
          endColumn: 85,
          data: { max: '730' },
          suggestions: [
            {
              messageId: 'keyringRotation',
              data: { days: '90' },
              output:
                "import { openKeyring } from 'keyhygiene/keys';\nconst ring = await openKeyring({ path: '/var/lib/app/keys', backend, rotation: { maxAgeDays: 90 } });",
            },
          ],
        },
      ],
    },
    {
      code: "import { openKeyring } from 'keyhygiene/keys';\nconst ring = await openKeyring({ path: '/var/lib/app/keys', backend, rotation: { maxAgeDays: 1000 } });",
      filename: 'src/crypto.js',
      errors: [
        {
          messageId: 'keyringPeriodTooLong',
          line: 2,
          column: 94,
          endLine: 2,
          endColumn: 98,
          data: { days: '1000', max: '730' },
          suggestions: [
            {
              messageId: 'keyringRotation',
              output:
                "import { openKeyring } from 'keyhygiene/keys';\nconst ring = await openKeyring({ path: '/var/lib/app/keys', backend, rotation: { maxAgeDays: 90 } });",
            },
          ],
        },
      ],
    },
    {
      code: "import { openKeyring } from 'keyhygiene/keys';\nconst policy = { maxAgeDays: 3 * 365 };\nawait openKeyring({ path, backend, rotation: policy });",
      filename: 'src/crypto.ts',
      errors: [
        {
          messageId: 'keyringPeriodTooLong',
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 37,
          data: { days: '1095', max: '730' },
          suggestions: [
            {
              messageId: 'keyringRotation',
              output:
                "import { openKeyring } from 'keyhygiene/keys';\nconst policy = { maxAgeDays: 90 };\nawait openKeyring({ path, backend, rotation: policy });",
            },
          ],
        },
      ],
    },
  ],
});

/** ESLint's own default parser (espree), no typescript-eslint, no type information: what a plain .js project runs. */
describe('plain JavaScript, default parser, no type information', () => {
  const lintJs = (code: string, filename: string): { line: number; messageId: string | undefined }[] => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(
      code,
      [{ files: ['**/*.js', '**/*.cjs'], plugins: { k: { rules: { r: rule as never } } }, rules: { 'k/r': 'error' } }],
      { filename },
    );
    return messages.map((m) => ({ line: m.line, messageId: m.fatal ? `fatal: ${m.message}` : m.messageId }));
  };
  it('reports CommonJS CDK, jsonwebtoken and keyring mistakes', () => {
    const code = [
      "const kms = require('aws-cdk-lib/aws-kms');",
      "const jwt = require('jsonwebtoken');",
      "const { openKeyring } = require('keyhygiene/keys');",
      "exports.key = (scope) => new kms.Key(scope, 'K');",
      "exports.token = (user) => jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });",
      "exports.ring = () => openKeyring({ path: '/var/keys', rotation: false });",
    ].join('\n');
    expect(lintJs(code, 'infra/stack.cjs')).toEqual([
      { line: 4, messageId: 'rotationOff' },
      { line: 5, messageId: 'jwtNoKid' },
      { line: 6, messageId: 'keyringRotationOff' },
    ]);
  });
  it('stays silent on the correct and exempt forms', () => {
    const code = [
      "const kms = require('aws-cdk-lib/aws-kms');",
      "const jwt = require('jsonwebtoken');",
      "exports.key = (scope) => new kms.Key(scope, 'K', { enableKeyRotation: true });",
      "exports.sign = (scope) => new kms.Key(scope, 'S', { keySpec: kms.KeySpec.RSA_4096, keyUsage: kms.KeyUsage.SIGN_VERIFY });",
      "exports.token = (user) => jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h', keyid: 'v2' });",
    ].join('\n');
    expect(lintJs(code, 'infra/stack.js')).toEqual([]);
  });
});

// JWE with one direct key and no key id (jose CompactEncrypt, EncryptJWT, FlattenedEncrypt)
ruleTester.run('require-key-rotation (JWE key id)', rule, {
  valid: [
    {
      code: "import { CompactEncrypt } from 'jose';\nconst key = Buffer.from(process.env.JWE_KEY ?? '', 'base64');\nexport async function seal(text: string, currentKid: string): Promise<string> {\n  return new CompactEncrypt(new TextEncoder().encode(text))\n    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: currentKid })\n    .encrypt(key);\n}",
      filename: 'src/seal.ts',
    },
  ],
  invalid: [
    {
      code: "import { CompactEncrypt } from 'jose';\nconst key = Buffer.from(process.env.JWE_KEY ?? '', 'base64');\nexport async function seal(text: string): Promise<string> {\n  return new CompactEncrypt(new TextEncoder().encode(text))\n    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })\n    .encrypt(key);\n}",
      filename: 'src/seal.ts',
      errors: [
        {
          messageId: 'jweNoKid',
          line: 5,
          column: 25,
          endLine: 5,
          endColumn: 55,
          data: { signer: 'CompactEncrypt (jose)', header: 'kid' },
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'kid', kid: 'v1' },
              output:
                "import { CompactEncrypt } from 'jose';\nconst key = Buffer.from(process.env.JWE_KEY ?? '', 'base64');\nexport async function seal(text: string): Promise<string> {\n  return new CompactEncrypt(new TextEncoder().encode(text))\n    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: 'v1' })\n    .encrypt(key);\n}",
            },
          ],
        },
      ],
    },
  ],
});

// JWE builder held in a variable, its header set in a statement of its own
ruleTester.run('require-key-rotation (JWE builder in a variable)', rule, {
  valid: [
    {
      // the header names the key
      code: "import { CompactEncrypt } from 'jose';\nconst secret = Buffer.from(process.env.JWE_KEY ?? '', 'base64');\nexport async function sealBlob(data: Uint8Array): Promise<string> {\n  const jwe = new CompactEncrypt(data);\n  jwe.setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: '2025-01' });\n  return jwe.encrypt(secret);\n}\n",
      filename: 'src/rv1.ts',
    },
  ],
  invalid: [
    {
      // no kid in the header object the builder variable receives
      code: "import { CompactEncrypt } from 'jose';\nconst secret = Buffer.from(process.env.JWE_KEY ?? '', 'base64');\nexport async function sealBlob(data: Uint8Array): Promise<string> {\n  const header = { alg: 'dir', enc: 'A256GCM' };\n  const jwe = new CompactEncrypt(data);\n  jwe.setProtectedHeader(header);\n  return jwe.encrypt(secret);\n}\n",
      filename: 'src/r1.ts',
      errors: [
        {
          messageId: 'jweNoKid',
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 48,
          data: { signer: 'CompactEncrypt (jose)', header: 'kid' },
          suggestions: [
            {
              messageId: 'addKeyId',
              output:
                "import { CompactEncrypt } from 'jose';\nconst secret = Buffer.from(process.env.JWE_KEY ?? '', 'base64');\nexport async function sealBlob(data: Uint8Array): Promise<string> {\n  const header = { alg: 'dir', enc: 'A256GCM', kid: 'v1' };\n  const jwe = new CompactEncrypt(data);\n  jwe.setProtectedHeader(header);\n  return jwe.encrypt(secret);\n}\n",
            },
          ],
        },
      ],
    },
  ],
});

// Options spread from an object literal the file shows, and the AWS SDK v2 KMS client
ruleTester.run('require-key-rotation (spread options, SDK v2)', rule, {
  valid: [
    {
      // a spread that names the key id or turns rotation on; a spread of an unknown object is not judged
      code: "import * as jwt from 'jsonwebtoken';\nimport { Key } from 'aws-cdk-lib/aws-kms';\nconst JWT_SECRET = process.env.JWT_SECRET!;\nconst defaults: jwt.SignOptions = { algorithm: 'HS512', expiresIn: '15m', keyid: '2025-06' };\nexport const access = (sub: string) => jwt.sign({ sub }, JWT_SECRET, { ...defaults, audience: 'web' });\nconst rotated = { enableKeyRotation: true, description: 'bucket key' };\nexport const bucketKey = (scope: never) => new Key(scope, 'BucketKey', { ...rotated, alias: 'alias/bucket' });\nexport const unknown = (scope: never, props: object) => new Key(scope, 'Other', { ...props, alias: 'alias/other' });\n",
      filename: 'src/rv2.ts',
    },
    {
      // SDK v2: rotation turned on for the key just created
      code: "const AWS = require('aws-sdk');\nconst kms = new AWS.KMS({ region: 'eu-west-1' });\nexports.createKey = async () => {\n  const { KeyMetadata } = await kms.createKey({ Description: 'app data key' }).promise();\n  await kms.enableKeyRotation({ KeyId: KeyMetadata.KeyId }).promise();\n  return KeyMetadata.KeyId;\n};\n",
      filename: 'src/rv4.js',
    },
  ],
  invalid: [
    {
      // the spread defaults hold no keyid
      code: "import * as jwt from 'jsonwebtoken';\nconst JWT_SECRET = process.env.JWT_SECRET!;\nconst defaults: jwt.SignOptions = { algorithm: 'HS512', expiresIn: '15m' };\nexport const access = (sub: string) => jwt.sign({ sub }, JWT_SECRET, { ...defaults, audience: 'web' });\n",
      filename: 'src/r2.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 4,
          column: 40,
          endLine: 4,
          endColumn: 103,
          data: { signer: 'jwt.sign (jsonwebtoken)', header: 'kid' },
          suggestions: [
            {
              messageId: 'addKeyId',
              output:
                "import * as jwt from 'jsonwebtoken';\nconst JWT_SECRET = process.env.JWT_SECRET!;\nconst defaults: jwt.SignOptions = { algorithm: 'HS512', expiresIn: '15m' };\nexport const access = (sub: string) => jwt.sign({ sub }, JWT_SECRET, { ...defaults, audience: 'web', keyid: 'v1' });\n",
            },
          ],
        },
      ],
    },
    {
      // the spread props hold no enableKeyRotation
      code: "import * as cdk from 'aws-cdk-lib';\nimport { Key, KeyProps } from 'aws-cdk-lib/aws-kms';\nconst baseProps: KeyProps = { description: 'bucket key', removalPolicy: cdk.RemovalPolicy.RETAIN };\nexport class S extends cdk.Stack {\n  key = new Key(this, 'BucketKey', { ...baseProps, alias: 'alias/bucket' });\n}\n",
      filename: 'src/r3.ts',
      errors: [
        {
          messageId: 'rotationOff',
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 76,
          data: { resource: 'CDK kms.Key', property: 'enableKeyRotation', state: 'unset' },
          suggestions: [
            {
              messageId: 'enableRotation',
              output:
                "import * as cdk from 'aws-cdk-lib';\nimport { Key, KeyProps } from 'aws-cdk-lib/aws-kms';\nconst baseProps: KeyProps = { description: 'bucket key', removalPolicy: cdk.RemovalPolicy.RETAIN };\nexport class S extends cdk.Stack {\n  key = new Key(this, 'BucketKey', { ...baseProps, alias: 'alias/bucket', enableKeyRotation: true });\n}\n",
            },
          ],
        },
      ],
    },
    {
      // SDK v2 createKey with no enableKeyRotation in the module
      code: "const AWS = require('aws-sdk');\nconst kms = new AWS.KMS({ region: 'eu-west-1' });\nexports.createKey = async () => {\n  const { KeyMetadata } = await kms.createKey({ Description: 'app data key' }).promise();\n  return KeyMetadata.KeyId;\n};\n",
      filename: 'src/r4.js',
      errors: [
        {
          messageId: 'createKeyNoRotation',
          line: 4,
          column: 33,
          endLine: 4,
          endColumn: 79,
          suggestions: [],
        },
      ],
    },
  ],
});

// JWT signing configured for a framework: NestJS JwtModule and JwtService, the Fastify JWT plugin
ruleTester.run('require-key-rotation (framework JWT configuration)', rule, {
  valid: [
    {
      // a key id in the sign options, a key provider function, a sign call with no key of its own
      code: "import { JwtModule, JwtService } from '@nestjs/jwt';\nimport fastifyJwt from '@fastify/jwt';\nexport const auth = JwtModule.register({ secret: process.env.JWT_SECRET, signOptions: { keyid: '2025-06' } });\nexport const dynamic = JwtModule.register({ secretOrKeyProvider: () => process.env.JWT_SECRET });\nexport const access = (jwtService: JwtService, sub: string) => jwtService.sign({ sub });\nexport const plugin = (app: { register: Function }) =>\n  app.register(fastifyJwt, { secret: process.env.JWT_SECRET, sign: { kid: 'v3', expiresIn: '1h' } });\n",
      filename: 'src/nv1.ts',
    },
  ],
  invalid: [
    {
      // registerAsync: the factory returns one secret and no signOptions.keyid
      code: "import { Module } from '@nestjs/common';\nimport { JwtModule } from '@nestjs/jwt';\nimport { ConfigService } from '@nestjs/config';\n@Module({\n  imports: [\n    JwtModule.registerAsync({\n      inject: [ConfigService],\n      useFactory: (config: ConfigService) => ({\n        secret: config.get<string>('JWT_SECRET'),\n        signOptions: { expiresIn: '15m' },\n      }),\n    }),\n  ],\n})\nexport class AuthModule {}\n",
      filename: 'src/n1.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 49,
          data: { signer: 'JwtModule.register (@nestjs/jwt)', header: 'kid' },
        },
      ],
    },
    {
      // JwtService.sign with its own secret and no keyid
      code: "import { Injectable } from '@nestjs/common';\nimport { JwtService } from '@nestjs/jwt';\n@Injectable()\nexport class TokenService {\n  constructor(private readonly jwtService: JwtService) {}\n  refresh(userId: string) {\n    return this.jwtService.sign({ sub: userId }, { secret: process.env.REFRESH_SECRET, expiresIn: '7d' });\n  }\n}\n",
      filename: 'src/n2.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 7,
          column: 52,
          endLine: 7,
          endColumn: 86,
          data: { signer: 'JwtService.sign (@nestjs/jwt)', header: 'kid' },
        },
      ],
    },
    {
      // the Fastify JWT plugin registered with one secret and no sign.kid
      code: "const fastify = require('fastify')();\nfastify.register(require('@fastify/jwt'), { secret: process.env.JWT_SECRET, sign: { expiresIn: '1h' } });\n",
      filename: 'src/n3.js',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 2,
          column: 45,
          endLine: 2,
          endColumn: 75,
          data: { signer: '@fastify/jwt', header: 'kid' },
        },
      ],
    },
  ],
});

// Cases written for issue 11 (session 19) from how public CDK, Pulumi, CDKTF, SDK and JWT code creates keys, with
// the near misses beside each mistake (rotated, asymmetric, imported keys, key ids); each is a whole file.
ruleTester.run('require-key-rotation (shapes from real code)', rule, {
  valid: [],
  invalid: [
    {
      // CDK: a key with no rotation, rotation defaulting to false (props?.rotateKeys ?? false), a five-year period, a CfnKey with no rotation and one at six years; a 180-day key, an asymmetric signing key, an imported CfnKey and a key from an ARN are fine
      code: "import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';\nimport * as kms from 'aws-cdk-lib/aws-kms';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\nimport type { Construct } from 'constructs';\n\nexport interface DataStackProps extends StackProps {\n  readonly rotateKeys?: boolean;\n}\n\nexport class DataStack extends Stack {\n  constructor(scope: Construct, id: string, props?: DataStackProps) {\n    super(scope, id, props);\n\n    const bucketKey = new kms.Key(this, 'BucketKey', { alias: 'alias/data-bucket' });\n    new s3.Bucket(this, 'Data', { encryptionKey: bucketKey });\n\n    new kms.Key(this, 'LogsKey', {\n      enableKeyRotation: props?.rotateKeys ?? false,\n    });\n\n    new kms.Key(this, 'ArchiveKey', {\n      enableKeyRotation: true,\n      rotationPeriod: Duration.days(365 * 5),\n    });\n\n    new kms.Key(this, 'QueueKey', { enableKeyRotation: true, rotationPeriod: Duration.days(180) });\n\n    new kms.Key(this, 'SigningKey', {\n      keySpec: kms.KeySpec.RSA_3072,\n      keyUsage: kms.KeyUsage.SIGN_VERIFY,\n      removalPolicy: RemovalPolicy.RETAIN,\n    });\n\n    new kms.CfnKey(this, 'LegacyKey', {\n      keyPolicy: { Version: '2012-10-17', Statement: [] },\n      description: 'legacy data key',\n    });\n\n    new kms.CfnKey(this, 'ImportedKey', { keyPolicy: {}, origin: 'EXTERNAL' });\n\n    new kms.CfnKey(this, 'ReportsKey', {\n      keyPolicy: {},\n      enableKeyRotation: true,\n      rotationPeriodInDays: 2190,\n    });\n\n    kms.Key.fromKeyArn(this, 'Shared', 'arn:aws:kms:eu-west-1:111122223333:key/abc');\n  }\n}",
      filename: 'infra/data-stack.ts',
      errors: [
        {
          messageId: 'rotationOff',
          line: 14,
          column: 23,
          endLine: 14,
          endColumn: 85,
          suggestions: [
            {
              messageId: 'enableRotation',
              output:
                "import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';\nimport * as kms from 'aws-cdk-lib/aws-kms';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\nimport type { Construct } from 'constructs';\n\nexport interface DataStackProps extends StackProps {\n  readonly rotateKeys?: boolean;\n}\n\nexport class DataStack extends Stack {\n  constructor(scope: Construct, id: string, props?: DataStackProps) {\n    super(scope, id, props);\n\n    const bucketKey = new kms.Key(this, 'BucketKey', { alias: 'alias/data-bucket', enableKeyRotation: true });\n    new s3.Bucket(this, 'Data', { encryptionKey: bucketKey });\n\n    new kms.Key(this, 'LogsKey', {\n      enableKeyRotation: props?.rotateKeys ?? false,\n    });\n\n    new kms.Key(this, 'ArchiveKey', {\n      enableKeyRotation: true,\n      rotationPeriod: Duration.days(365 * 5),\n    });\n\n    new kms.Key(this, 'QueueKey', { enableKeyRotation: true, rotationPeriod: Duration.days(180) });\n\n    new kms.Key(this, 'SigningKey', {\n      keySpec: kms.KeySpec.RSA_3072,\n      keyUsage: kms.KeyUsage.SIGN_VERIFY,\n      removalPolicy: RemovalPolicy.RETAIN,\n    });\n\n    new kms.CfnKey(this, 'LegacyKey', {\n      keyPolicy: { Version: '2012-10-17', Statement: [] },\n      description: 'legacy data key',\n    });\n\n    new kms.CfnKey(this, 'ImportedKey', { keyPolicy: {}, origin: 'EXTERNAL' });\n\n    new kms.CfnKey(this, 'ReportsKey', {\n      keyPolicy: {},\n      enableKeyRotation: true,\n      rotationPeriodInDays: 2190,\n    });\n\n    kms.Key.fromKeyArn(this, 'Shared', 'arn:aws:kms:eu-west-1:111122223333:key/abc');\n  }\n}",
            },
          ],
        },
        {
          messageId: 'rotationOff',
          line: 18,
          column: 7,
          endLine: 18,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'enableRotation',
              output:
                "import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';\nimport * as kms from 'aws-cdk-lib/aws-kms';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\nimport type { Construct } from 'constructs';\n\nexport interface DataStackProps extends StackProps {\n  readonly rotateKeys?: boolean;\n}\n\nexport class DataStack extends Stack {\n  constructor(scope: Construct, id: string, props?: DataStackProps) {\n    super(scope, id, props);\n\n    const bucketKey = new kms.Key(this, 'BucketKey', { alias: 'alias/data-bucket' });\n    new s3.Bucket(this, 'Data', { encryptionKey: bucketKey });\n\n    new kms.Key(this, 'LogsKey', {\n      enableKeyRotation: props?.rotateKeys ?? true,\n    });\n\n    new kms.Key(this, 'ArchiveKey', {\n      enableKeyRotation: true,\n      rotationPeriod: Duration.days(365 * 5),\n    });\n\n    new kms.Key(this, 'QueueKey', { enableKeyRotation: true, rotationPeriod: Duration.days(180) });\n\n    new kms.Key(this, 'SigningKey', {\n      keySpec: kms.KeySpec.RSA_3072,\n      keyUsage: kms.KeyUsage.SIGN_VERIFY,\n      removalPolicy: RemovalPolicy.RETAIN,\n    });\n\n    new kms.CfnKey(this, 'LegacyKey', {\n      keyPolicy: { Version: '2012-10-17', Statement: [] },\n      description: 'legacy data key',\n    });\n\n    new kms.CfnKey(this, 'ImportedKey', { keyPolicy: {}, origin: 'EXTERNAL' });\n\n    new kms.CfnKey(this, 'ReportsKey', {\n      keyPolicy: {},\n      enableKeyRotation: true,\n      rotationPeriodInDays: 2190,\n    });\n\n    kms.Key.fromKeyArn(this, 'Shared', 'arn:aws:kms:eu-west-1:111122223333:key/abc');\n  }\n}",
            },
          ],
        },
        { messageId: 'periodOutOfRange', line: 23, column: 23, endLine: 23, endColumn: 45 },
        {
          messageId: 'rotationOff',
          line: 34,
          column: 5,
          endLine: 37,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'enableRotation',
              output:
                "import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';\nimport * as kms from 'aws-cdk-lib/aws-kms';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\nimport type { Construct } from 'constructs';\n\nexport interface DataStackProps extends StackProps {\n  readonly rotateKeys?: boolean;\n}\n\nexport class DataStack extends Stack {\n  constructor(scope: Construct, id: string, props?: DataStackProps) {\n    super(scope, id, props);\n\n    const bucketKey = new kms.Key(this, 'BucketKey', { alias: 'alias/data-bucket' });\n    new s3.Bucket(this, 'Data', { encryptionKey: bucketKey });\n\n    new kms.Key(this, 'LogsKey', {\n      enableKeyRotation: props?.rotateKeys ?? false,\n    });\n\n    new kms.Key(this, 'ArchiveKey', {\n      enableKeyRotation: true,\n      rotationPeriod: Duration.days(365 * 5),\n    });\n\n    new kms.Key(this, 'QueueKey', { enableKeyRotation: true, rotationPeriod: Duration.days(180) });\n\n    new kms.Key(this, 'SigningKey', {\n      keySpec: kms.KeySpec.RSA_3072,\n      keyUsage: kms.KeyUsage.SIGN_VERIFY,\n      removalPolicy: RemovalPolicy.RETAIN,\n    });\n\n    new kms.CfnKey(this, 'LegacyKey', {\n      keyPolicy: { Version: '2012-10-17', Statement: [] },\n      description: 'legacy data key',\n      enableKeyRotation: true,\n    });\n\n    new kms.CfnKey(this, 'ImportedKey', { keyPolicy: {}, origin: 'EXTERNAL' });\n\n    new kms.CfnKey(this, 'ReportsKey', {\n      keyPolicy: {},\n      enableKeyRotation: true,\n      rotationPeriodInDays: 2190,\n    });\n\n    kms.Key.fromKeyArn(this, 'Shared', 'arn:aws:kms:eu-west-1:111122223333:key/abc');\n  }\n}",
            },
          ],
        },
        { messageId: 'periodOutOfRange', line: 44, column: 29, endLine: 44, endColumn: 33 },
      ],
    },
    {
      // CDK v2 namespace import: a key with only a pending window; shared defaults spread in, an HMAC key and a yearly key are fine
      code: "import { aws_kms as kms, Duration, Stack } from 'aws-cdk-lib';\nimport type { Construct } from 'constructs';\n\nconst keyDefaults = { enableKeyRotation: true, rotationPeriod: Duration.days(90) };\n\nexport class KeysStack extends Stack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n    new kms.Key(this, 'AppKey', { ...keyDefaults, description: 'app' });\n    new kms.Key(this, 'AuditKey', { description: 'audit', pendingWindow: Duration.days(30) });\n    new kms.Key(this, 'MacKey', { keySpec: kms.KeySpec.HMAC_256, keyUsage: kms.KeyUsage.GENERATE_VERIFY_MAC });\n    new kms.Key(this, 'YearKey', { enableKeyRotation: true, rotationPeriod: Duration.days(365) });\n  }\n}",
      filename: 'infra/keys-v2.ts',
      errors: [
        {
          messageId: 'rotationOff',
          line: 10,
          column: 5,
          endLine: 10,
          endColumn: 94,
          suggestions: [
            {
              messageId: 'enableRotation',
              output:
                "import { aws_kms as kms, Duration, Stack } from 'aws-cdk-lib';\nimport type { Construct } from 'constructs';\n\nconst keyDefaults = { enableKeyRotation: true, rotationPeriod: Duration.days(90) };\n\nexport class KeysStack extends Stack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n    new kms.Key(this, 'AppKey', { ...keyDefaults, description: 'app' });\n    new kms.Key(this, 'AuditKey', { description: 'audit', pendingWindow: Duration.days(30), enableKeyRotation: true });\n    new kms.Key(this, 'MacKey', { keySpec: kms.KeySpec.HMAC_256, keyUsage: kms.KeyUsage.GENERATE_VERIFY_MAC });\n    new kms.Key(this, 'YearKey', { enableKeyRotation: true, rotationPeriod: Duration.days(365) });\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      // Pulumi: an AWS key with no rotation, a rotation flag from a false constant, 1825 days; a GCP CryptoKey with no period and a yearly one; a 90-day GCP key, a 365-day AWS key and asymmetric keys are fine
      code: "import * as aws from '@pulumi/aws';\nimport * as gcp from '@pulumi/gcp';\n\nconst cfgRotate = false;\n\nexport const dataKey = new aws.kms.Key('data-key', {\n  description: 'encrypts the orders table',\n  deletionWindowInDays: 30,\n});\n\nexport const backupKey = new aws.kms.Key('backup-key', {\n  description: 'backups',\n  enableKeyRotation: cfgRotate,\n});\n\nexport const archiveKey = new aws.kms.Key('archive-key', {\n  enableKeyRotation: true,\n  rotationPeriodInDays: 1825,\n});\n\nexport const goodKey = new aws.kms.Key('good-key', { enableKeyRotation: true, rotationPeriodInDays: 365 });\n\nexport const signKey = new aws.kms.Key('sign-key', {\n  customerMasterKeySpec: 'ECC_NIST_P256',\n  keyUsage: 'SIGN_VERIFY',\n});\n\nconst ring = new gcp.kms.KeyRing('ring', { location: 'europe-west1' });\n\nexport const gcpKey = new gcp.kms.CryptoKey('gcp-data', { keyRing: ring.id });\n\nexport const gcpRotated = new gcp.kms.CryptoKey('gcp-rotated', { keyRing: ring.id, rotationPeriod: '7776000s' });\n\nexport const gcpYearly = new gcp.kms.CryptoKey('gcp-yearly', { keyRing: ring.id, rotationPeriod: '31536000s' });\n\nexport const gcpSigner = new gcp.kms.CryptoKey('gcp-sign', {\n  keyRing: ring.id,\n  purpose: 'ASYMMETRIC_SIGN',\n  versionTemplate: { algorithm: 'EC_SIGN_P256_SHA256' },\n});",
      filename: 'infra/pulumi.ts',
      errors: [
        {
          messageId: 'rotationOff',
          line: 6,
          column: 24,
          endLine: 9,
          endColumn: 3,
          suggestions: [
            {
              messageId: 'enableRotation',
              output:
                "import * as aws from '@pulumi/aws';\nimport * as gcp from '@pulumi/gcp';\n\nconst cfgRotate = false;\n\nexport const dataKey = new aws.kms.Key('data-key', {\n  description: 'encrypts the orders table',\n  deletionWindowInDays: 30,\n  enableKeyRotation: true,\n});\n\nexport const backupKey = new aws.kms.Key('backup-key', {\n  description: 'backups',\n  enableKeyRotation: cfgRotate,\n});\n\nexport const archiveKey = new aws.kms.Key('archive-key', {\n  enableKeyRotation: true,\n  rotationPeriodInDays: 1825,\n});\n\nexport const goodKey = new aws.kms.Key('good-key', { enableKeyRotation: true, rotationPeriodInDays: 365 });\n\nexport const signKey = new aws.kms.Key('sign-key', {\n  customerMasterKeySpec: 'ECC_NIST_P256',\n  keyUsage: 'SIGN_VERIFY',\n});\n\nconst ring = new gcp.kms.KeyRing('ring', { location: 'europe-west1' });\n\nexport const gcpKey = new gcp.kms.CryptoKey('gcp-data', { keyRing: ring.id });\n\nexport const gcpRotated = new gcp.kms.CryptoKey('gcp-rotated', { keyRing: ring.id, rotationPeriod: '7776000s' });\n\nexport const gcpYearly = new gcp.kms.CryptoKey('gcp-yearly', { keyRing: ring.id, rotationPeriod: '31536000s' });\n\nexport const gcpSigner = new gcp.kms.CryptoKey('gcp-sign', {\n  keyRing: ring.id,\n  purpose: 'ASYMMETRIC_SIGN',\n  versionTemplate: { algorithm: 'EC_SIGN_P256_SHA256' },\n});",
            },
          ],
        },
        {
          messageId: 'rotationOff',
          line: 13,
          column: 3,
          endLine: 13,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'enableRotation',
              output:
                "import * as aws from '@pulumi/aws';\nimport * as gcp from '@pulumi/gcp';\n\nconst cfgRotate = false;\n\nexport const dataKey = new aws.kms.Key('data-key', {\n  description: 'encrypts the orders table',\n  deletionWindowInDays: 30,\n});\n\nexport const backupKey = new aws.kms.Key('backup-key', {\n  description: 'backups',\n  enableKeyRotation: true,\n});\n\nexport const archiveKey = new aws.kms.Key('archive-key', {\n  enableKeyRotation: true,\n  rotationPeriodInDays: 1825,\n});\n\nexport const goodKey = new aws.kms.Key('good-key', { enableKeyRotation: true, rotationPeriodInDays: 365 });\n\nexport const signKey = new aws.kms.Key('sign-key', {\n  customerMasterKeySpec: 'ECC_NIST_P256',\n  keyUsage: 'SIGN_VERIFY',\n});\n\nconst ring = new gcp.kms.KeyRing('ring', { location: 'europe-west1' });\n\nexport const gcpKey = new gcp.kms.CryptoKey('gcp-data', { keyRing: ring.id });\n\nexport const gcpRotated = new gcp.kms.CryptoKey('gcp-rotated', { keyRing: ring.id, rotationPeriod: '7776000s' });\n\nexport const gcpYearly = new gcp.kms.CryptoKey('gcp-yearly', { keyRing: ring.id, rotationPeriod: '31536000s' });\n\nexport const gcpSigner = new gcp.kms.CryptoKey('gcp-sign', {\n  keyRing: ring.id,\n  purpose: 'ASYMMETRIC_SIGN',\n  versionTemplate: { algorithm: 'EC_SIGN_P256_SHA256' },\n});",
            },
          ],
        },
        { messageId: 'periodOutOfRange', line: 18, column: 25, endLine: 18, endColumn: 29 },
        {
          messageId: 'periodMissing',
          line: 30,
          column: 23,
          endLine: 30,
          endColumn: 78,
          suggestions: [
            {
              messageId: 'setRotationPeriod',
              output:
                "import * as aws from '@pulumi/aws';\nimport * as gcp from '@pulumi/gcp';\n\nconst cfgRotate = false;\n\nexport const dataKey = new aws.kms.Key('data-key', {\n  description: 'encrypts the orders table',\n  deletionWindowInDays: 30,\n});\n\nexport const backupKey = new aws.kms.Key('backup-key', {\n  description: 'backups',\n  enableKeyRotation: cfgRotate,\n});\n\nexport const archiveKey = new aws.kms.Key('archive-key', {\n  enableKeyRotation: true,\n  rotationPeriodInDays: 1825,\n});\n\nexport const goodKey = new aws.kms.Key('good-key', { enableKeyRotation: true, rotationPeriodInDays: 365 });\n\nexport const signKey = new aws.kms.Key('sign-key', {\n  customerMasterKeySpec: 'ECC_NIST_P256',\n  keyUsage: 'SIGN_VERIFY',\n});\n\nconst ring = new gcp.kms.KeyRing('ring', { location: 'europe-west1' });\n\nexport const gcpKey = new gcp.kms.CryptoKey('gcp-data', { keyRing: ring.id, rotationPeriod: '7776000s' });\n\nexport const gcpRotated = new gcp.kms.CryptoKey('gcp-rotated', { keyRing: ring.id, rotationPeriod: '7776000s' });\n\nexport const gcpYearly = new gcp.kms.CryptoKey('gcp-yearly', { keyRing: ring.id, rotationPeriod: '31536000s' });\n\nexport const gcpSigner = new gcp.kms.CryptoKey('gcp-sign', {\n  keyRing: ring.id,\n  purpose: 'ASYMMETRIC_SIGN',\n  versionTemplate: { algorithm: 'EC_SIGN_P256_SHA256' },\n});",
            },
          ],
        },
        {
          messageId: 'periodOutOfRange',
          line: 34,
          column: 98,
          endLine: 34,
          endColumn: 109,
          suggestions: [
            {
              messageId: 'setRotationPeriod',
              output:
                "import * as aws from '@pulumi/aws';\nimport * as gcp from '@pulumi/gcp';\n\nconst cfgRotate = false;\n\nexport const dataKey = new aws.kms.Key('data-key', {\n  description: 'encrypts the orders table',\n  deletionWindowInDays: 30,\n});\n\nexport const backupKey = new aws.kms.Key('backup-key', {\n  description: 'backups',\n  enableKeyRotation: cfgRotate,\n});\n\nexport const archiveKey = new aws.kms.Key('archive-key', {\n  enableKeyRotation: true,\n  rotationPeriodInDays: 1825,\n});\n\nexport const goodKey = new aws.kms.Key('good-key', { enableKeyRotation: true, rotationPeriodInDays: 365 });\n\nexport const signKey = new aws.kms.Key('sign-key', {\n  customerMasterKeySpec: 'ECC_NIST_P256',\n  keyUsage: 'SIGN_VERIFY',\n});\n\nconst ring = new gcp.kms.KeyRing('ring', { location: 'europe-west1' });\n\nexport const gcpKey = new gcp.kms.CryptoKey('gcp-data', { keyRing: ring.id });\n\nexport const gcpRotated = new gcp.kms.CryptoKey('gcp-rotated', { keyRing: ring.id, rotationPeriod: '7776000s' });\n\nexport const gcpYearly = new gcp.kms.CryptoKey('gcp-yearly', { keyRing: ring.id, rotationPeriod: '7776000s' });\n\nexport const gcpSigner = new gcp.kms.CryptoKey('gcp-sign', {\n  keyRing: ring.id,\n  purpose: 'ASYMMETRIC_SIGN',\n  versionTemplate: { algorithm: 'EC_SIGN_P256_SHA256' },\n});",
            },
          ],
        },
      ],
    },
    {
      // CDKTF: a KmsKey with no rotation and one at 2555 days, a KmsCryptoKey with no period; rotated, asymmetric and 30-day keys are fine
      code: "import { TerraformStack } from 'cdktf';\nimport type { Construct } from 'constructs';\nimport { KmsKey } from '@cdktf/provider-aws/lib/kms-key';\nimport { KmsCryptoKey } from '@cdktf/provider-google/lib/kms-crypto-key';\n\nexport class TfStack extends TerraformStack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n    new KmsKey(this, 'orders', { description: 'orders' });\n    new KmsKey(this, 'events', { enableKeyRotation: true, rotationPeriodInDays: 2555 });\n    new KmsKey(this, 'metrics', { enableKeyRotation: true });\n    new KmsKey(this, 'sign', { customerMasterKeySpec: 'RSA_2048', keyUsage: 'SIGN_VERIFY' });\n    new KmsCryptoKey(this, 'gke', { name: 'gke', keyRing: 'projects/p/locations/l/keyRings/r' });\n    new KmsCryptoKey(this, 'gke2', {\n      name: 'gke2',\n      keyRing: 'projects/p/locations/l/keyRings/r',\n      rotationPeriod: '2592000s',\n    });\n  }\n}",
      filename: 'infra/cdktf.ts',
      errors: [
        {
          messageId: 'rotationOff',
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'enableRotation',
              output:
                "import { TerraformStack } from 'cdktf';\nimport type { Construct } from 'constructs';\nimport { KmsKey } from '@cdktf/provider-aws/lib/kms-key';\nimport { KmsCryptoKey } from '@cdktf/provider-google/lib/kms-crypto-key';\n\nexport class TfStack extends TerraformStack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n    new KmsKey(this, 'orders', { description: 'orders', enableKeyRotation: true });\n    new KmsKey(this, 'events', { enableKeyRotation: true, rotationPeriodInDays: 2555 });\n    new KmsKey(this, 'metrics', { enableKeyRotation: true });\n    new KmsKey(this, 'sign', { customerMasterKeySpec: 'RSA_2048', keyUsage: 'SIGN_VERIFY' });\n    new KmsCryptoKey(this, 'gke', { name: 'gke', keyRing: 'projects/p/locations/l/keyRings/r' });\n    new KmsCryptoKey(this, 'gke2', {\n      name: 'gke2',\n      keyRing: 'projects/p/locations/l/keyRings/r',\n      rotationPeriod: '2592000s',\n    });\n  }\n}",
            },
          ],
        },
        { messageId: 'periodOutOfRange', line: 10, column: 81, endLine: 10, endColumn: 85 },
        {
          messageId: 'periodMissing',
          line: 13,
          column: 5,
          endLine: 13,
          endColumn: 97,
          suggestions: [
            {
              messageId: 'setRotationPeriod',
              output:
                "import { TerraformStack } from 'cdktf';\nimport type { Construct } from 'constructs';\nimport { KmsKey } from '@cdktf/provider-aws/lib/kms-key';\nimport { KmsCryptoKey } from '@cdktf/provider-google/lib/kms-crypto-key';\n\nexport class TfStack extends TerraformStack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n    new KmsKey(this, 'orders', { description: 'orders' });\n    new KmsKey(this, 'events', { enableKeyRotation: true, rotationPeriodInDays: 2555 });\n    new KmsKey(this, 'metrics', { enableKeyRotation: true });\n    new KmsKey(this, 'sign', { customerMasterKeySpec: 'RSA_2048', keyUsage: 'SIGN_VERIFY' });\n    new KmsCryptoKey(this, 'gke', { name: 'gke', keyRing: 'projects/p/locations/l/keyRings/r', rotationPeriod: '7776000s' });\n    new KmsCryptoKey(this, 'gke2', {\n      name: 'gke2',\n      keyRing: 'projects/p/locations/l/keyRings/r',\n      rotationPeriod: '2592000s',\n    });\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      // AWS SDK v3: CreateKeyCommand never followed by EnableKeyRotationCommand, a 3000-day period; GCP createCryptoKey with no rotation; a signing key is fine
      code: "import { CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';\nimport { KeyManagementServiceClient } from '@google-cloud/kms';\n\nconst kms = new KMSClient({ region: 'eu-west-1' });\n\nexport async function createTenantKey(tenant: string) {\n  const out = await kms.send(new CreateKeyCommand({ Description: `tenant ${tenant}`, KeyUsage: 'ENCRYPT_DECRYPT' }));\n  return out.KeyMetadata?.KeyId;\n}\n\nexport async function createSigningKey() {\n  const out = await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }));\n  return out.KeyMetadata?.KeyId;\n}\n\nexport async function createRotatedKey() {\n  const out = await kms.send(new CreateKeyCommand({ Description: 'rotated' }));\n  await kms.send(new EnableKeyRotationCommand({ KeyId: out.KeyMetadata!.KeyId!, RotationPeriodInDays: 3000 }));\n  return out.KeyMetadata?.KeyId;\n}\n\nconst gcp = new KeyManagementServiceClient();\n\nexport async function createGcpKey(parent: string) {\n  const [key] = await gcp.createCryptoKey({\n    parent,\n    cryptoKeyId: 'tenant-data',\n    cryptoKey: { purpose: 'ENCRYPT_DECRYPT' },\n  });\n  return key;\n}",
      filename: 'src/kms-admin.ts',
      errors: [
        { messageId: 'createKeyNoRotation', line: 7, column: 30, endLine: 7, endColumn: 116 },
        { messageId: 'periodOutOfRange', line: 18, column: 103, endLine: 18, endColumn: 107 },
        {
          messageId: 'periodMissing',
          line: 25,
          column: 23,
          endLine: 29,
          endColumn: 5,
          suggestions: [
            {
              messageId: 'setRotationPeriod',
              output:
                "import { CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';\nimport { KeyManagementServiceClient } from '@google-cloud/kms';\n\nconst kms = new KMSClient({ region: 'eu-west-1' });\n\nexport async function createTenantKey(tenant: string) {\n  const out = await kms.send(new CreateKeyCommand({ Description: `tenant ${tenant}`, KeyUsage: 'ENCRYPT_DECRYPT' }));\n  return out.KeyMetadata?.KeyId;\n}\n\nexport async function createSigningKey() {\n  const out = await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }));\n  return out.KeyMetadata?.KeyId;\n}\n\nexport async function createRotatedKey() {\n  const out = await kms.send(new CreateKeyCommand({ Description: 'rotated' }));\n  await kms.send(new EnableKeyRotationCommand({ KeyId: out.KeyMetadata!.KeyId!, RotationPeriodInDays: 3000 }));\n  return out.KeyMetadata?.KeyId;\n}\n\nconst gcp = new KeyManagementServiceClient();\n\nexport async function createGcpKey(parent: string) {\n  const [key] = await gcp.createCryptoKey({\n    parent,\n    cryptoKeyId: 'tenant-data',\n    cryptoKey: { purpose: 'ENCRYPT_DECRYPT', rotationPeriod: { seconds: 7776000 }, nextRotationTime: { seconds: Math.floor(Date.now() / 1000) + 7776000 } },\n  });\n  return key;\n}",
            },
          ],
        },
      ],
    },
    {
      // Azure Key Vault: a key created with no rotation policy; a key whose policy is set by name is fine
      code: "import { DefaultAzureCredential } from '@azure/identity';\nimport { KeyClient } from '@azure/keyvault-keys';\n\nconst client = new KeyClient('https://vault-example.vault.azure.net', new DefaultAzureCredential());\n\nexport async function createWrappingKey() {\n  return client.createRsaKey('wrapping-key', { keySize: 3072 });\n}\n\nexport async function createRotatedKey() {\n  const key = await client.createKey('data-key', 'RSA', { keySize: 3072 });\n  await client.updateKeyRotationPolicy('data-key', {\n    lifetimeActions: [{ action: 'Rotate', timeBeforeExpiry: 'P30D' }],\n    expiresIn: 'P90D',\n  });\n  return key;\n}",
      filename: 'src/azure.ts',
      errors: [{ messageId: 'createKeyNoRotation', line: 7, column: 10, endLine: 7, endColumn: 64 }],
    },
    {
      // jsonwebtoken and jose with one static key and no kid (SignJWT, EncryptJWT, CompactEncrypt); keyid, header.kid, a FlattenedEncrypt kid and a keyset's kid are fine
      code: "import jwt from 'jsonwebtoken';\nimport { SignJWT, EncryptJWT, CompactEncrypt, FlattenedEncrypt } from 'jose';\n\nconst SECRET = process.env.JWT_SECRET!;\nconst secretKey = new TextEncoder().encode(process.env.JWT_HS_SECRET);\nconst encKey = new Uint8Array(Buffer.from(process.env.JWE_KEY!, 'base64'));\n\nexport function signSession(userId: string) {\n  return jwt.sign({ sub: userId }, SECRET, { expiresIn: '1h' });\n}\n\nexport function signSessionWithKid(userId: string) {\n  return jwt.sign({ sub: userId }, SECRET, { expiresIn: '1h', keyid: 'k2026-1' });\n}\n\nexport function signWithHeader(userId: string) {\n  return jwt.sign({ sub: userId }, SECRET, { algorithm: 'HS256', header: { alg: 'HS256', kid: 'v7' } });\n}\n\nexport async function signAccess(userId: string) {\n  return new SignJWT({ sub: userId })\n    .setProtectedHeader({ alg: 'HS256' })\n    .setExpirationTime('15m')\n    .sign(secretKey);\n}\n\nexport async function encryptClaims(claims: Record<string, unknown>) {\n  return new EncryptJWT(claims)\n    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })\n    .setExpirationTime('1h')\n    .encrypt(encKey);\n}\n\nexport async function encryptBlob(data: Uint8Array) {\n  const jwe = new CompactEncrypt(data);\n  jwe.setProtectedHeader({ alg: 'dir', enc: 'A256GCM' });\n  return jwe.encrypt(encKey);\n}\n\nexport async function encryptFlat(data: Uint8Array) {\n  return new FlattenedEncrypt(data).setProtectedHeader({ alg: 'dir', enc: 'A128CBC-HS256', kid: 'enc-3' }).encrypt(encKey);\n}\n\nexport async function signWithKeyset(userId: string, keys: { kid: string; key: Uint8Array }[]) {\n  const current = keys[keys.length - 1]!;\n  return new SignJWT({ sub: userId }).setProtectedHeader({ alg: 'HS256', kid: current.kid }).sign(current.key);\n}",
      filename: 'src/jwt-issuer.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 9,
          column: 10,
          endLine: 9,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'addKeyId',
              output:
                "import jwt from 'jsonwebtoken';\nimport { SignJWT, EncryptJWT, CompactEncrypt, FlattenedEncrypt } from 'jose';\n\nconst SECRET = process.env.JWT_SECRET!;\nconst secretKey = new TextEncoder().encode(process.env.JWT_HS_SECRET);\nconst encKey = new Uint8Array(Buffer.from(process.env.JWE_KEY!, 'base64'));\n\nexport function signSession(userId: string) {\n  return jwt.sign({ sub: userId }, SECRET, { expiresIn: '1h', keyid: 'v1' });\n}\n\nexport function signSessionWithKid(userId: string) {\n  return jwt.sign({ sub: userId }, SECRET, { expiresIn: '1h', keyid: 'k2026-1' });\n}\n\nexport function signWithHeader(userId: string) {\n  return jwt.sign({ sub: userId }, SECRET, { algorithm: 'HS256', header: { alg: 'HS256', kid: 'v7' } });\n}\n\nexport async function signAccess(userId: string) {\n  return new SignJWT({ sub: userId })\n    .setProtectedHeader({ alg: 'HS256' })\n    .setExpirationTime('15m')\n    .sign(secretKey);\n}\n\nexport async function encryptClaims(claims: Record<string, unknown>) {\n  return new EncryptJWT(claims)\n    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })\n    .setExpirationTime('1h')\n    .encrypt(encKey);\n}\n\nexport async function encryptBlob(data: Uint8Array) {\n  const jwe = new CompactEncrypt(data);\n  jwe.setProtectedHeader({ alg: 'dir', enc: 'A256GCM' });\n  return jwe.encrypt(encKey);\n}\n\nexport async function encryptFlat(data: Uint8Array) {\n  return new FlattenedEncrypt(data).setProtectedHeader({ alg: 'dir', enc: 'A128CBC-HS256', kid: 'enc-3' }).encrypt(encKey);\n}\n\nexport async function signWithKeyset(userId: string, keys: { kid: string; key: Uint8Array }[]) {\n  const current = keys[keys.length - 1]!;\n  return new SignJWT({ sub: userId }).setProtectedHeader({ alg: 'HS256', kid: current.kid }).sign(current.key);\n}",
            },
          ],
        },
        {
          messageId: 'jwtNoKid',
          line: 22,
          column: 25,
          endLine: 22,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'addKeyId',
              output:
                "import jwt from 'jsonwebtoken';\nimport { SignJWT, EncryptJWT, CompactEncrypt, FlattenedEncrypt } from 'jose';\n\nconst SECRET = process.env.JWT_SECRET!;\nconst secretKey = new TextEncoder().encode(process.env.JWT_HS_SECRET);\nconst encKey = new Uint8Array(Buffer.from(process.env.JWE_KEY!, 'base64'));\n\nexport function signSession(userId: string) {\n  return jwt.sign({ sub: userId }, SECRET, { expiresIn: '1h' });\n}\n\nexport function signSessionWithKid(userId: string) {\n  return jwt.sign({ sub: userId }, SECRET, { expiresIn: '1h', keyid: 'k2026-1' });\n}\n\nexport function signWithHeader(userId: string) {\n  return jwt.sign({ sub: userId }, SECRET, { algorithm: 'HS256', header: { alg: 'HS256', kid: 'v7' } });\n}\n\nexport async function signAccess(userId: string) {\n  return new SignJWT({ sub: userId })\n    .setProtectedHeader({ alg: 'HS256', kid: 'v1' })\n    .setExpirationTime('15m')\n    .sign(secretKey);\n}\n\nexport async function encryptClaims(claims: Record<string, unknown>) {\n  return new EncryptJWT(claims)\n    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })\n    .setExpirationTime('1h')\n    .encrypt(encKey);\n}\n\nexport async function encryptBlob(data: Uint8Array) {\n  const jwe = new CompactEncrypt(data);\n  jwe.setProtectedHeader({ alg: 'dir', enc: 'A256GCM' });\n  return jwe.encrypt(encKey);\n}\n\nexport async function encryptFlat(data: Uint8Array) {\n  return new FlattenedEncrypt(data).setProtectedHeader({ alg: 'dir', enc: 'A128CBC-HS256', kid: 'enc-3' }).encrypt(encKey);\n}\n\nexport async function signWithKeyset(userId: string, keys: { kid: string; key: Uint8Array }[]) {\n  const current = keys[keys.length - 1]!;\n  return new SignJWT({ sub: userId }).setProtectedHeader({ alg: 'HS256', kid: current.kid }).sign(current.key);\n}",
            },
          ],
        },
        {
          messageId: 'jweNoKid',
          line: 29,
          column: 25,
          endLine: 29,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'addKeyId',
              output:
                "import jwt from 'jsonwebtoken';\nimport { SignJWT, EncryptJWT, CompactEncrypt, FlattenedEncrypt } from 'jose';\n\nconst SECRET = process.env.JWT_SECRET!;\nconst secretKey = new TextEncoder().encode(process.env.JWT_HS_SECRET);\nconst encKey = new Uint8Array(Buffer.from(process.env.JWE_KEY!, 'base64'));\n\nexport function signSession(userId: string) {\n  return jwt.sign({ sub: userId }, SECRET, { expiresIn: '1h' });\n}\n\nexport function signSessionWithKid(userId: string) {\n  return jwt.sign({ sub: userId }, SECRET, { expiresIn: '1h', keyid: 'k2026-1' });\n}\n\nexport function signWithHeader(userId: string) {\n  return jwt.sign({ sub: userId }, SECRET, { algorithm: 'HS256', header: { alg: 'HS256', kid: 'v7' } });\n}\n\nexport async function signAccess(userId: string) {\n  return new SignJWT({ sub: userId })\n    .setProtectedHeader({ alg: 'HS256' })\n    .setExpirationTime('15m')\n    .sign(secretKey);\n}\n\nexport async function encryptClaims(claims: Record<string, unknown>) {\n  return new EncryptJWT(claims)\n    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: 'v1' })\n    .setExpirationTime('1h')\n    .encrypt(encKey);\n}\n\nexport async function encryptBlob(data: Uint8Array) {\n  const jwe = new CompactEncrypt(data);\n  jwe.setProtectedHeader({ alg: 'dir', enc: 'A256GCM' });\n  return jwe.encrypt(encKey);\n}\n\nexport async function encryptFlat(data: Uint8Array) {\n  return new FlattenedEncrypt(data).setProtectedHeader({ alg: 'dir', enc: 'A128CBC-HS256', kid: 'enc-3' }).encrypt(encKey);\n}\n\nexport async function signWithKeyset(userId: string, keys: { kid: string; key: Uint8Array }[]) {\n  const current = keys[keys.length - 1]!;\n  return new SignJWT({ sub: userId }).setProtectedHeader({ alg: 'HS256', kid: current.kid }).sign(current.key);\n}",
            },
          ],
        },
        {
          messageId: 'jweNoKid',
          line: 36,
          column: 26,
          endLine: 36,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'addKeyId',
              output:
                "import jwt from 'jsonwebtoken';\nimport { SignJWT, EncryptJWT, CompactEncrypt, FlattenedEncrypt } from 'jose';\n\nconst SECRET = process.env.JWT_SECRET!;\nconst secretKey = new TextEncoder().encode(process.env.JWT_HS_SECRET);\nconst encKey = new Uint8Array(Buffer.from(process.env.JWE_KEY!, 'base64'));\n\nexport function signSession(userId: string) {\n  return jwt.sign({ sub: userId }, SECRET, { expiresIn: '1h' });\n}\n\nexport function signSessionWithKid(userId: string) {\n  return jwt.sign({ sub: userId }, SECRET, { expiresIn: '1h', keyid: 'k2026-1' });\n}\n\nexport function signWithHeader(userId: string) {\n  return jwt.sign({ sub: userId }, SECRET, { algorithm: 'HS256', header: { alg: 'HS256', kid: 'v7' } });\n}\n\nexport async function signAccess(userId: string) {\n  return new SignJWT({ sub: userId })\n    .setProtectedHeader({ alg: 'HS256' })\n    .setExpirationTime('15m')\n    .sign(secretKey);\n}\n\nexport async function encryptClaims(claims: Record<string, unknown>) {\n  return new EncryptJWT(claims)\n    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })\n    .setExpirationTime('1h')\n    .encrypt(encKey);\n}\n\nexport async function encryptBlob(data: Uint8Array) {\n  const jwe = new CompactEncrypt(data);\n  jwe.setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: 'v1' });\n  return jwe.encrypt(encKey);\n}\n\nexport async function encryptFlat(data: Uint8Array) {\n  return new FlattenedEncrypt(data).setProtectedHeader({ alg: 'dir', enc: 'A128CBC-HS256', kid: 'enc-3' }).encrypt(encKey);\n}\n\nexport async function signWithKeyset(userId: string, keys: { kid: string; key: Uint8Array }[]) {\n  const current = keys[keys.length - 1]!;\n  return new SignJWT({ sub: userId }).setProtectedHeader({ alg: 'HS256', kid: current.kid }).sign(current.key);\n}",
            },
          ],
        },
      ],
    },
    {
      // NestJS JwtModule.register with one secret and no key id; registerAsync with a keyid is fine
      code: "import { Module } from '@nestjs/common';\nimport { JwtModule } from '@nestjs/jwt';\nimport { ConfigService } from '@nestjs/config';\n\n@Module({\n  imports: [\n    JwtModule.register({\n      secret: process.env.JWT_SECRET,\n      signOptions: { expiresIn: '1h' },\n    }),\n    JwtModule.registerAsync({\n      inject: [ConfigService],\n      useFactory: (config: ConfigService) => ({\n        secret: config.get<string>('JWT_SECRET'),\n        signOptions: { expiresIn: '1h', keyid: config.get<string>('JWT_KID') },\n      }),\n    }),\n  ],\n})\nexport class AuthModule {}",
      filename: 'src/auth.module.ts',
      errors: [{ messageId: 'jwtNoKid', line: 8, column: 7, endLine: 8, endColumn: 37 }],
    },
    {
      // @fastify/jwt registered with one secret and no kid; an ES256 pair with a kid is fine
      code: "const fastify = require('fastify')();\nconst fastifyJwt = require('@fastify/jwt');\n\nfastify.register(fastifyJwt, { secret: process.env.JWT_SECRET });\n\nfastify.register(fastifyJwt, {\n  secret: { private: process.env.JWT_PRIVATE_PEM, public: process.env.JWT_PUBLIC_PEM },\n  sign: { algorithm: 'ES256', kid: 'es-2026-01' },\n  namespace: 'partner',\n});\n\nmodule.exports = fastify;",
      filename: 'src/server.js',
      errors: [{ messageId: 'jwtNoKid', line: 4, column: 32, endLine: 4, endColumn: 62 }],
    },
  ],
});
