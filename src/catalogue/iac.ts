/**
 * Key rotation data: the infrastructure-as-code and SDK calls that create KMS keys, which property turns
 * automatic rotation on, the periods each provider accepts, which keys are exempt (and why), and the
 * application-code APIs whose rotation a rule can see (JWT signers, the keyhygiene keyring).
 *
 * Read by `rules/require-key-rotation.ts` one module at a time, and by the scanner, which widens the
 * module-local checks (a `CreateKeyCommand` answered by an `EnableKeyRotationCommand`) to the whole
 * repository with the same entries. Deletion windows and removal policies are not here: they live in
 * `deletion.ts`.
 *
 * Every entry carries code samples; `test/catalogue/iac.test.ts` proves that each positive is
 * reported and each negative is not.
 */
import type { NameLexicon, Samples } from './types.js';

/**
 * A call or construction, described the way `src/rule-kit/sinks.ts` describes key sinks: module globs
 * and a canonical callee path relative to the module (`new Key`, `new kms.Key`,
 * `new KeyManagementServiceClient().createCryptoKey`).
 */
export interface CallMatch {
  readonly modules: readonly string[];
  readonly callee: string;
  readonly receivers?: readonly string[];
}

/** How a rotation period is written. */
export type PeriodFormat =
  /** An AWS CDK `Duration`: `Duration.days(365)`, `Duration.hours(24 * 400)`. */
  | 'cdk-duration'
  /** A plain number of days: `rotationPeriodInDays: 365`. */
  | 'days'
  /** A protobuf JSON duration string in seconds: `'7776000s'` (Pulumi, CDKTF, Terraform). */
  | 'duration-string'
  /** A protobuf duration object or a number of seconds: `{ seconds: 7776000 }` (GCP Node client). */
  | 'duration-object';

/** Why a key needs no automatic rotation. The docs explain each one. */
export type ExemptionReason = 'asymmetric' | 'hmac' | 'external' | 'custom-key-store' | 'unsupported-purpose';

export interface Exemption {
  /** Dotted property path inside the resource's props object. */
  readonly property: string;
  /**
   * Exempt when the value is one of these: a string literal, or the last member of an enum access
   * (`kms.KeySpec.RSA_2048` → `RSA_2048`). When absent, any value other than `undefined`/`null`/`''`
   * exempts (`customKeyStoreId: store.ref`).
   */
  readonly values?: readonly string[];
  readonly reason: ExemptionReason;
}

export interface RotationPeriod {
  /** Dotted property path inside the props object. */
  readonly property: string;
  readonly format: PeriodFormat;
  /** Report values outside this range, in days. */
  readonly minDays: number;
  readonly maxDays: number;
  /** Where the range comes from, for the message. */
  readonly source: string;
}

/** A call that creates a KMS key (or turns its rotation on) and what it must say about rotation. */
export interface IacKeyResource {
  readonly id: string;
  readonly title: string;
  readonly provider: 'aws' | 'gcp';
  readonly tool: 'aws-cdk' | 'pulumi' | 'cdktf' | 'aws-sdk' | 'gcp-client';
  readonly match: readonly CallMatch[];
  /** Index of the props (options, request) argument. */
  readonly propsIndex: number;
  /** A dotted path from that argument to the key's own settings (`cryptoKey` in a GCP request). */
  readonly propsPath?: string;
  /** A boolean property that must be `true` (`enableKeyRotation`). */
  readonly enable?: string;
  /** The rotation period property, checked for range when present. */
  readonly period?: RotationPeriod;
  /** When set, one of these properties must be present (GCP: `rotationPeriod` or `nextRotationTime`). */
  readonly requireOneOf?: readonly string[];
  /**
   * A call that turns rotation on for the created key elsewhere in the same module (AWS SDK:
   * `EnableKeyRotationCommand`). The rule looks in the module; the scanner looks in the repository.
   * `keyIdProperty` names the companion's option that says which key (`KeyId`): when its value is
   * read from a CreateKey result in the same file (`out.KeyMetadata.KeyId`), the companion covers
   * that key only; otherwise it covers every key the module creates.
   */
  readonly companion?: {
    readonly title: string;
    readonly match: readonly CallMatch[];
    readonly keyIdProperty?: string;
  };
  readonly exemptions: readonly Exemption[];
  /** The property text a suggestion inserts, or sets when it holds the wrong value. */
  readonly fix?: { readonly property: string; readonly value: string };
  /** Positive: reported. Negative: not reported (correct, or exempt). */
  readonly samples: Samples;
}

// ---- shared value lists ------------------------------------------------------------------------

/** AWS KMS key specs that are asymmetric: AWS KMS cannot rotate them automatically. */
export const awsAsymmetricKeySpecs = [
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'ECC_NIST_P256',
  'ECC_NIST_P384',
  'ECC_NIST_P521',
  'ECC_SECG_P256K1',
  'ML_DSA_44',
  'ML_DSA_65',
  'ML_DSA_87',
  'SM2',
] as const;

/** AWS KMS HMAC key specs: AWS KMS cannot rotate them automatically. */
export const awsHmacKeySpecs = ['HMAC_224', 'HMAC_256', 'HMAC_384', 'HMAC_512'] as const;

/** AWS key usages that only asymmetric or HMAC keys have. */
export const awsNonEncryptUsages = ['SIGN_VERIFY', 'KEY_AGREEMENT'] as const;
export const awsMacUsages = ['GENERATE_VERIFY_MAC'] as const;

/** Key material origins other than AWS KMS itself: imported, CloudHSM or external key store. */
export const awsExternalOrigins = ['EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'] as const;

/** AWS KMS accepts a rotation period of 90 to 2560 days (EnableKeyRotation `RotationPeriodInDays`). */
export const awsRotationDays = { min: 90, max: 2560 } as const;

/**
 * GCP Cloud KMS accepts 24 hours to 876000 hours (100 years); this rule's ceiling is 90 days, the
 * CIS Google Cloud benchmark's (1.10) limit for encryption keys.
 */
export const gcpRotationDays = { min: 1, max: 90, acceptedMaxDays: 36_500 } as const;

/** GCP purposes that cannot rotate automatically (only `ENCRYPT_DECRYPT` keys can). */
export const gcpAsymmetricPurposes = ['ASYMMETRIC_SIGN', 'ASYMMETRIC_DECRYPT', 'KEY_ENCAPSULATION'] as const;
export const gcpMacPurposes = ['MAC'] as const;
export const gcpOtherPurposes = ['RAW_ENCRYPT_DECRYPT'] as const;
/** Cloud EKM protection levels: the key lives in an external key manager, which rotates it. */
export const gcpExternalProtection = ['EXTERNAL', 'EXTERNAL_VPC'] as const;

/**
 * The last member of an enum access counts as a static value only when it is written like an enum
 * member (`kms.KeySpec.RSA_2048`, `KeyUsage.SIGN_VERIFY`), not a property read (`props.keySpec`).
 */
export const enumMemberPattern = /^[A-Z][A-Z0-9_]*$/;

/** 90 days in seconds, the period the GCP suggestions set. */
export const gcpSuggestedPeriodSeconds = 7_776_000;

/** A protobuf JSON duration: `'7776000s'`, `'3.5s'`. Group 1 is the number of seconds. */
export const durationStringPattern = /^(\d{1,12}(?:\.\d{1,9})?)s$/;

/**
 * CDK `Duration` factories, as days per unit. `Duration.days(n)` etc. from these modules.
 * (`Duration.parse`/`Duration.millis` values are rare for rotation and are left unresolved.)
 */
export const cdkDuration: {
  readonly modules: readonly string[];
  readonly daysPerUnit: Readonly<Record<string, number>>;
} = {
  modules: ['aws-cdk-lib', '@aws-cdk/core'],
  daysPerUnit: { days: 1, hours: 1 / 24, minutes: 1 / 1440, seconds: 1 / 86_400 },
};

const cdkV2 = 'aws-cdk-lib/aws-kms';
const cdkV1 = '@aws-cdk/aws-kms';

const awsKeySpecExemptions = (keySpec: string, usage: string): Exemption[] => [
  { property: keySpec, values: awsAsymmetricKeySpecs, reason: 'asymmetric' },
  { property: keySpec, values: awsHmacKeySpecs, reason: 'hmac' },
  { property: usage, values: awsNonEncryptUsages, reason: 'asymmetric' },
  { property: usage, values: awsMacUsages, reason: 'hmac' },
];

const awsPeriod = (property: string, format: PeriodFormat): RotationPeriod => ({
  property,
  format,
  minDays: awsRotationDays.min,
  maxDays: awsRotationDays.max,
  source: 'the range AWS KMS accepts',
});

const gcpPeriod = (property: string, format: PeriodFormat): RotationPeriod => ({
  property,
  format,
  minDays: gcpRotationDays.min,
  maxDays: gcpRotationDays.max,
  source: 'the CIS Google Cloud benchmark limit (1.10) for encryption keys',
});

const gcpExemptions = (protection: string): Exemption[] => [
  { property: 'purpose', values: gcpAsymmetricPurposes, reason: 'asymmetric' },
  { property: 'purpose', values: gcpMacPurposes, reason: 'hmac' },
  { property: 'purpose', values: gcpOtherPurposes, reason: 'unsupported-purpose' },
  { property: 'importOnly', values: ['true'], reason: 'external' },
  { property: protection, values: gcpExternalProtection, reason: 'external' },
];

const enableFix = { property: 'enableKeyRotation', value: 'true' } as const;

export const iacKeyResources: readonly IacKeyResource[] = [
  // ---- AWS CDK ----------------------------------------------------------------------------------
  {
    id: 'aws-cdk.Key',
    title: 'CDK kms.Key',
    provider: 'aws',
    tool: 'aws-cdk',
    match: [
      { modules: [cdkV2, cdkV1], callee: 'new Key' },
      { modules: ['aws-cdk-lib'], callee: 'new aws_kms.Key' },
    ],
    propsIndex: 2,
    enable: 'enableKeyRotation',
    period: awsPeriod('rotationPeriod', 'cdk-duration'),
    exemptions: awsKeySpecExemptions('keySpec', 'keyUsage'),
    fix: enableFix,
    samples: {
      positive: [
        "import * as kms from 'aws-cdk-lib/aws-kms'; new kms.Key(this, 'DataKey');",
        "import { Key } from 'aws-cdk-lib/aws-kms'; new Key(this, 'K', { enableKeyRotation: false });",
        "import { aws_kms as kms, Duration } from 'aws-cdk-lib'; new kms.Key(this, 'K', { enableKeyRotation: true, rotationPeriod: Duration.days(3000) });",
        "import * as kms from '@aws-cdk/aws-kms'; new kms.Key(this, 'K', { alias: 'alias/data' });",
      ],
      negative: [
        "import * as kms from 'aws-cdk-lib/aws-kms'; new kms.Key(this, 'K', { enableKeyRotation: true });",
        "import * as kms from 'aws-cdk-lib/aws-kms'; new kms.Key(this, 'K', { keySpec: kms.KeySpec.ECC_NIST_P256, keyUsage: kms.KeyUsage.SIGN_VERIFY });",
        "import * as kms from 'aws-cdk-lib/aws-kms'; new kms.Key(this, 'K', { keySpec: kms.KeySpec.HMAC_256, keyUsage: kms.KeyUsage.GENERATE_VERIFY_MAC });",
        "import * as kms from 'aws-cdk-lib/aws-kms'; kms.Key.fromKeyArn(this, 'K', arn);",
        "import { Key } from './my-constructs'; new Key(this, 'K');",
      ],
    },
  },
  {
    id: 'aws-cdk.CfnKey',
    title: 'CDK kms.CfnKey',
    provider: 'aws',
    tool: 'aws-cdk',
    match: [
      { modules: [cdkV2, cdkV1], callee: 'new CfnKey' },
      { modules: ['aws-cdk-lib'], callee: 'new aws_kms.CfnKey' },
    ],
    propsIndex: 2,
    enable: 'enableKeyRotation',
    period: awsPeriod('rotationPeriodInDays', 'days'),
    exemptions: [
      ...awsKeySpecExemptions('keySpec', 'keyUsage'),
      { property: 'origin', values: awsExternalOrigins, reason: 'external' },
    ],
    fix: enableFix,
    samples: {
      positive: [
        "import * as kms from 'aws-cdk-lib/aws-kms'; new kms.CfnKey(this, 'K', { keyPolicy: policy });",
        "import { CfnKey } from 'aws-cdk-lib/aws-kms'; new CfnKey(this, 'K', { keyPolicy, enableKeyRotation: true, rotationPeriodInDays: 30 });",
      ],
      negative: [
        "import * as kms from 'aws-cdk-lib/aws-kms'; new kms.CfnKey(this, 'K', { keyPolicy, enableKeyRotation: true, rotationPeriodInDays: 365 });",
        "import * as kms from 'aws-cdk-lib/aws-kms'; new kms.CfnKey(this, 'K', { keyPolicy, origin: 'EXTERNAL' });",
        "import * as kms from 'aws-cdk-lib/aws-kms'; new kms.CfnKey(this, 'K', { keyPolicy, keySpec: 'RSA_4096', keyUsage: 'ENCRYPT_DECRYPT' });",
      ],
    },
  },
  // ---- Pulumi -----------------------------------------------------------------------------------
  {
    id: 'pulumi.aws.kms.Key',
    title: 'Pulumi aws.kms.Key',
    provider: 'aws',
    tool: 'pulumi',
    match: [
      { modules: ['@pulumi/aws'], callee: 'new kms.Key' },
      { modules: ['@pulumi/aws/kms'], callee: 'new Key' },
    ],
    propsIndex: 1,
    enable: 'enableKeyRotation',
    period: awsPeriod('rotationPeriodInDays', 'days'),
    exemptions: [
      ...awsKeySpecExemptions('customerMasterKeySpec', 'keyUsage'),
      { property: 'customKeyStoreId', reason: 'custom-key-store' },
      { property: 'xksKeyId', reason: 'custom-key-store' },
    ],
    fix: enableFix,
    samples: {
      positive: [
        "import * as aws from '@pulumi/aws'; new aws.kms.Key('data', { description: 'data' });",
        "import * as aws from '@pulumi/aws'; new aws.kms.Key('data');",
        "import { kms } from '@pulumi/aws'; new kms.Key('data', { enableKeyRotation: true, rotationPeriodInDays: 3650 });",
      ],
      negative: [
        "import * as aws from '@pulumi/aws'; new aws.kms.Key('data', { enableKeyRotation: true });",
        "import * as aws from '@pulumi/aws'; new aws.kms.Key('sign', { customerMasterKeySpec: 'ECC_NIST_P256', keyUsage: 'SIGN_VERIFY' });",
        "import * as aws from '@pulumi/aws'; new aws.kms.Key('hsm', { customKeyStoreId: store.id });",
        "import * as aws from '@pulumi/aws'; new aws.kms.ExternalKey('imported', { keyMaterialBase64: material });",
        "import * as aws from '@pulumi/aws'; const k = aws.kms.Key.get('existing', keyId);",
      ],
    },
  },
  {
    id: 'pulumi.gcp.kms.CryptoKey',
    title: 'Pulumi gcp.kms.CryptoKey',
    provider: 'gcp',
    tool: 'pulumi',
    match: [
      { modules: ['@pulumi/gcp'], callee: 'new kms.CryptoKey' },
      { modules: ['@pulumi/gcp/kms'], callee: 'new CryptoKey' },
    ],
    propsIndex: 1,
    period: gcpPeriod('rotationPeriod', 'duration-string'),
    requireOneOf: ['rotationPeriod'],
    exemptions: gcpExemptions('versionTemplate.protectionLevel'),
    fix: { property: 'rotationPeriod', value: `'${gcpSuggestedPeriodSeconds}s'` },
    samples: {
      positive: [
        "import * as gcp from '@pulumi/gcp'; new gcp.kms.CryptoKey('data', { keyRing: ring.id });",
        "import * as gcp from '@pulumi/gcp'; new gcp.kms.CryptoKey('data', { keyRing: ring.id, rotationPeriod: '31536000s' });",
      ],
      negative: [
        "import * as gcp from '@pulumi/gcp'; new gcp.kms.CryptoKey('data', { keyRing: ring.id, rotationPeriod: '7776000s' });",
        "import * as gcp from '@pulumi/gcp'; new gcp.kms.CryptoKey('sign', { keyRing: ring.id, purpose: 'ASYMMETRIC_SIGN' });",
        "import * as gcp from '@pulumi/gcp'; new gcp.kms.CryptoKey('mac', { keyRing: ring.id, purpose: 'MAC' });",
        "import * as gcp from '@pulumi/gcp'; new gcp.kms.CryptoKey('imp', { keyRing: ring.id, importOnly: true });",
        "import * as gcp from '@pulumi/gcp'; new gcp.kms.CryptoKey('ekm', { keyRing: ring.id, versionTemplate: { algorithm: 'EXTERNAL_SYMMETRIC_ENCRYPTION', protectionLevel: 'EXTERNAL' } });",
      ],
    },
  },
  // ---- CDK for Terraform ------------------------------------------------------------------------
  {
    id: 'cdktf.aws.KmsKey',
    title: 'CDKTF KmsKey',
    provider: 'aws',
    tool: 'cdktf',
    match: [
      { modules: ['@cdktf/provider-aws/lib/kms-key', '*providers/aws/kms-key'], callee: 'new KmsKey' },
      { modules: ['@cdktf/provider-aws'], callee: 'new kmsKey.KmsKey' },
    ],
    propsIndex: 2,
    enable: 'enableKeyRotation',
    period: awsPeriod('rotationPeriodInDays', 'days'),
    exemptions: [
      ...awsKeySpecExemptions('customerMasterKeySpec', 'keyUsage'),
      { property: 'customKeyStoreId', reason: 'custom-key-store' },
      { property: 'xksKeyId', reason: 'custom-key-store' },
    ],
    fix: enableFix,
    samples: {
      positive: [
        "import { KmsKey } from '@cdktf/provider-aws/lib/kms-key'; new KmsKey(this, 'data', { description: 'data' });",
        "import * as aws from '@cdktf/provider-aws'; new aws.kmsKey.KmsKey(this, 'data', { enableKeyRotation: false });",
      ],
      negative: [
        "import { KmsKey } from '@cdktf/provider-aws/lib/kms-key'; new KmsKey(this, 'data', { enableKeyRotation: true, rotationPeriodInDays: 180 });",
        "import { KmsKey } from '@cdktf/provider-aws/lib/kms-key'; new KmsKey(this, 'mac', { customerMasterKeySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC' });",
      ],
    },
  },
  {
    id: 'cdktf.google.KmsCryptoKey',
    title: 'CDKTF KmsCryptoKey',
    provider: 'gcp',
    tool: 'cdktf',
    match: [
      {
        modules: ['@cdktf/provider-google/lib/kms-crypto-key', '*providers/google/kms-crypto-key'],
        callee: 'new KmsCryptoKey',
      },
      { modules: ['@cdktf/provider-google'], callee: 'new kmsCryptoKey.KmsCryptoKey' },
    ],
    propsIndex: 2,
    period: gcpPeriod('rotationPeriod', 'duration-string'),
    requireOneOf: ['rotationPeriod'],
    exemptions: gcpExemptions('versionTemplate.protectionLevel'),
    fix: { property: 'rotationPeriod', value: `'${gcpSuggestedPeriodSeconds}s'` },
    samples: {
      positive: [
        "import { KmsCryptoKey } from '@cdktf/provider-google/lib/kms-crypto-key'; new KmsCryptoKey(this, 'k', { name: 'k', keyRing: ring.id });",
      ],
      negative: [
        "import { KmsCryptoKey } from '@cdktf/provider-google/lib/kms-crypto-key'; new KmsCryptoKey(this, 'k', { name: 'k', keyRing: ring.id, rotationPeriod: '2592000s' });",
        "import { KmsCryptoKey } from '@cdktf/provider-google/lib/kms-crypto-key'; new KmsCryptoKey(this, 'k', { name: 'k', keyRing: ring.id, purpose: 'ASYMMETRIC_DECRYPT' });",
      ],
    },
  },
  // ---- AWS SDK v3 -------------------------------------------------------------------------------
  {
    id: 'aws-sdk.CreateKeyCommand',
    title: 'CreateKeyCommand',
    provider: 'aws',
    tool: 'aws-sdk',
    match: [
      { modules: ['@aws-sdk/client-kms'], callee: 'new CreateKeyCommand' },
      { modules: ['@aws-sdk/client-kms'], callee: 'new KMS().createKey' },
    ],
    propsIndex: 0,
    companion: {
      title: 'EnableKeyRotationCommand',
      keyIdProperty: 'KeyId',
      match: [
        { modules: ['@aws-sdk/client-kms'], callee: 'new EnableKeyRotationCommand' },
        { modules: ['@aws-sdk/client-kms'], callee: 'new KMS().enableKeyRotation' },
      ],
    },
    exemptions: [
      ...awsKeySpecExemptions('KeySpec', 'KeyUsage'),
      ...awsKeySpecExemptions('CustomerMasterKeySpec', 'KeyUsage'),
      { property: 'Origin', values: awsExternalOrigins, reason: 'external' },
      { property: 'CustomKeyStoreId', reason: 'custom-key-store' },
      { property: 'XksKeyId', reason: 'custom-key-store' },
    ],
    samples: {
      positive: [
        "import { KMSClient, CreateKeyCommand } from '@aws-sdk/client-kms'; await kms.send(new CreateKeyCommand({ Description: 'data' }));",
        "import { KMS } from '@aws-sdk/client-kms'; const kms = new KMS({}); await kms.createKey({ KeySpec: 'SYMMETRIC_DEFAULT' });",
      ],
      negative: [
        "import { CreateKeyCommand, EnableKeyRotationCommand } from '@aws-sdk/client-kms'; const { KeyMetadata } = await kms.send(new CreateKeyCommand({})); await kms.send(new EnableKeyRotationCommand({ KeyId: KeyMetadata.KeyId }));",
        "import { CreateKeyCommand } from '@aws-sdk/client-kms'; await kms.send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }));",
        "import { CreateKeyCommand } from '@aws-sdk/client-kms'; await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL' }));",
        "import { CreateKeyCommand } from '@aws-sdk/client-kms'; await kms.send(new CreateKeyCommand({ CustomKeyStoreId: storeId, Origin: 'AWS_CLOUDHSM' }));",
      ],
    },
  },
  {
    id: 'aws-sdk.EnableKeyRotationCommand',
    title: 'EnableKeyRotationCommand',
    provider: 'aws',
    tool: 'aws-sdk',
    match: [
      { modules: ['@aws-sdk/client-kms'], callee: 'new EnableKeyRotationCommand' },
      { modules: ['@aws-sdk/client-kms'], callee: 'new KMS().enableKeyRotation' },
    ],
    propsIndex: 0,
    period: awsPeriod('RotationPeriodInDays', 'days'),
    exemptions: [],
    samples: {
      positive: [
        "import { EnableKeyRotationCommand } from '@aws-sdk/client-kms'; await kms.send(new EnableKeyRotationCommand({ KeyId: id, RotationPeriodInDays: 30 }));",
      ],
      negative: [
        "import { EnableKeyRotationCommand } from '@aws-sdk/client-kms'; await kms.send(new EnableKeyRotationCommand({ KeyId: id, RotationPeriodInDays: 365 }));",
      ],
    },
  },
  // ---- GCP KMS Node client ----------------------------------------------------------------------
  {
    id: 'gcp-client.createCryptoKey',
    title: 'KeyManagementServiceClient.createCryptoKey',
    provider: 'gcp',
    tool: 'gcp-client',
    match: [{ modules: ['@google-cloud/kms'], callee: 'new *KeyManagementServiceClient().createCryptoKey' }],
    propsIndex: 0,
    propsPath: 'cryptoKey',
    period: gcpPeriod('rotationPeriod', 'duration-object'),
    requireOneOf: ['rotationPeriod', 'nextRotationTime'],
    exemptions: gcpExemptions('versionTemplate.protectionLevel'),
    // Cloud KMS wants next_rotation_time whenever rotation_period is set.
    fix: {
      property: 'rotationPeriod',
      value: `{ seconds: ${gcpSuggestedPeriodSeconds} }, nextRotationTime: { seconds: Math.floor(Date.now() / 1000) + ${gcpSuggestedPeriodSeconds} }`,
    },
    samples: {
      positive: [
        "import { KeyManagementServiceClient } from '@google-cloud/kms'; const client = new KeyManagementServiceClient(); await client.createCryptoKey({ parent, cryptoKeyId: 'data', cryptoKey: { purpose: 'ENCRYPT_DECRYPT' } });",
        "const { KeyManagementServiceClient } = require('@google-cloud/kms'); const client = new KeyManagementServiceClient(); client.createCryptoKey({ parent, cryptoKeyId: 'd', cryptoKey: { rotationPeriod: { seconds: 31536000 }, nextRotationTime: next } });",
      ],
      negative: [
        "import { KeyManagementServiceClient } from '@google-cloud/kms'; const client = new KeyManagementServiceClient(); await client.createCryptoKey({ parent, cryptoKeyId: 'd', cryptoKey: { purpose: 'ENCRYPT_DECRYPT', rotationPeriod: { seconds: 7776000 }, nextRotationTime: next } });",
        "import { KeyManagementServiceClient } from '@google-cloud/kms'; const client = new KeyManagementServiceClient(); await client.createCryptoKey({ parent, cryptoKeyId: 's', cryptoKey: { purpose: 'ASYMMETRIC_SIGN', versionTemplate: { algorithm: 'EC_SIGN_P256_SHA256' } } });",
      ],
    },
  },
];

/**
 * Calls that refer to a key created elsewhere: no rotation setting belongs at the call site, and the
 * rule never reports them (the owner of the key is responsible). Listed so the docs and the samples
 * test keep them explicit.
 */
export const keyReferences: readonly (CallMatch & { readonly why: string; readonly samples: Samples })[] = [
  {
    modules: [cdkV2, cdkV1],
    callee: 'Key.from*',
    why: 'Key.fromKeyArn / fromLookup / fromCfnKey import a key that another stack or account owns; its rotation is set where it is created.',
    samples: {
      positive: [
        "import * as kms from 'aws-cdk-lib/aws-kms'; kms.Key.fromKeyArn(this, 'K', 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');",
        "import { Key } from 'aws-cdk-lib/aws-kms'; Key.fromLookup(this, 'K', { aliasName: 'alias/data' });",
      ],
      negative: [],
    },
  },
  {
    modules: ['@pulumi/aws'],
    callee: 'kms.*',
    why: 'aws.kms.Key.get and aws.kms.getKey read an existing key; they create nothing.',
    samples: {
      positive: ["import * as aws from '@pulumi/aws'; const k = await aws.kms.getKey({ keyId: 'alias/data' });"],
      negative: [],
    },
  },
];

// ---- application code --------------------------------------------------------------------------

/** A JWT signing API, and where a key id goes so verifiers can pick the key after a rotation. */
export interface JwtSigner {
  readonly id: string;
  readonly title: string;
  /** The `src/catalogue/sinks.ts` key sink of the signing call; its key argument is checked for a static key. */
  readonly sinkId: string;
  /** Where the options object is, and which dotted properties inside it name the key id. */
  readonly options?: { readonly index: number; readonly kidProperties: readonly string[] };
  /** A builder method in the signing chain whose object argument is the protected header. */
  readonly headerMethod?: { readonly name: string; readonly kidProperty: string };
  /** The property a suggestion adds, with a version label as the key id. */
  readonly fix: { readonly property: string; readonly header: 'kid' };
  /** The API encrypts (JWE) rather than signs (JWS); the message says so. */
  readonly encrypts?: boolean;
  readonly samples: Samples;
}

/** The key id a suggestion writes: a version label, bumped at each rotation. */
export const suggestedKeyId = 'v1';

export const jwtSigners: readonly JwtSigner[] = [
  {
    id: 'jsonwebtoken.sign',
    title: 'jwt.sign (jsonwebtoken)',
    sinkId: 'jsonwebtoken.sign',
    options: { index: 2, kidProperties: ['keyid', 'header.kid'] },
    fix: { property: 'keyid', header: 'kid' },
    samples: {
      positive: [
        "import jwt from 'jsonwebtoken'; jwt.sign(payload, process.env.JWT_SECRET, { expiresIn: '1h' });",
        "import jwt from 'jsonwebtoken'; const privateKey = fs.readFileSync('jwt.pem'); jwt.sign(payload, privateKey, { algorithm: 'RS256' });",
      ],
      negative: [
        "import jwt from 'jsonwebtoken'; jwt.sign(payload, process.env.JWT_SECRET, { expiresIn: '1h', keyid: 'v3' });",
        "import jwt from 'jsonwebtoken'; jwt.sign(payload, key.secret, { header: { alg: 'HS256', kid: key.id } });",
        "import jwt from 'jsonwebtoken'; const current = keyring.current(); jwt.sign(payload, current.material, { algorithm: 'HS256' });",
        "import jwt from 'jsonwebtoken'; jwt.sign(payload, signingKeys[activeKid], { algorithm: 'HS256' });",
      ],
    },
  },
  {
    id: 'jose.SignJWT',
    title: 'SignJWT (jose)',
    sinkId: 'jose.SignJWT.sign',
    headerMethod: { name: 'setProtectedHeader', kidProperty: 'kid' },
    fix: { property: 'kid', header: 'kid' },
    samples: {
      positive: [
        "import { SignJWT } from 'jose'; const secret = new TextEncoder().encode(process.env.JWT_SECRET); await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(secret);",
      ],
      negative: [
        "import { SignJWT } from 'jose'; const secret = new TextEncoder().encode(process.env.JWT_SECRET); await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: 'v2' }).sign(secret);",
        "import { SignJWT } from 'jose'; await new SignJWT(claims).setProtectedHeader({ alg: 'ES256' }).sign(jwks.keys[0]);",
      ],
    },
  },
  // JWE: one direct key and no kid in the protected header.
  ...(['EncryptJWT', 'CompactEncrypt', 'FlattenedEncrypt'] as const).map((cls): JwtSigner => ({
    id: `jose.${cls}`,
    title: `${cls} (jose)`,
    sinkId: `jose.${cls}.encrypt`,
    headerMethod: { name: 'setProtectedHeader', kidProperty: 'kid' },
    fix: { property: 'kid', header: 'kid' },
    encrypts: true,
    samples: {
      positive: [
        `import { ${cls} } from 'jose'; const key = Buffer.from(process.env.JWE_KEY, 'base64'); await new ${cls}(payload).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(key);`,
      ],
      negative: [
        `import { ${cls} } from 'jose'; const key = Buffer.from(process.env.JWE_KEY, 'base64'); await new ${cls}(payload).setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: 'v2' }).encrypt(key);`,
      ],
    },
  })),
];

/**
 * Names that show a key was chosen from a set (a keyring, a JWKS, the active version) rather than
 * being the one static key: signing with such a key is the start of a rotation scheme, not the hazard.
 */
export const keySelectionName: NameLexicon = {
  id: 'key-selection-name',
  title: 'A name for a key chosen from a keyring or key set',
  pattern:
    /(?:^|_)(?:keyring|keyrings|ring|keyset|keysets|jwks|jwk_set|key_set|keys|signing_keys|key_store|keystore|kid|key_id|current|active|primary|latest|rotat\w*|version|versions|versioned)(?:_|$)/,
  samples: {
    positive: [
      'keyring',
      'jwks',
      'signing_keys',
      'current_key',
      'active_key',
      'primary',
      'keys',
      'key_for_kid',
      'rotating_secret',
      'key_ring',
    ],
    negative: ['jwt_secret', 'private_key', 'secret', 'signing_key', 'config', 'env', 'key', 'keyboard'],
  },
};

/**
 * The keyhygiene keyring's rotation policy. NIST SP 800-57 Part 1 Rev. 5 §5.3.6 suggests an
 * originator-usage period of up to 2 years for symmetric data-encryption and authentication keys, and
 * 1 to 3 years for private signature keys; the rule uses 2 years (730 days) for every purpose.
 */
export const keyringOpeners: readonly {
  readonly id: string;
  readonly match: CallMatch;
  readonly propsIndex: number;
  /** The rotation option: `false` turns rotation off. */
  readonly rotation: string;
  /** Inside it, the maximum age in days. */
  readonly maxAge: string;
  readonly maxDays: number;
  /** The maximum age a suggestion sets (the keyring's own default). */
  readonly suggestedDays: number;
  readonly samples: Samples;
}[] = [
  {
    id: 'keyhygiene.openKeyring',
    match: { modules: ['keyhygiene/keys'], callee: 'openKeyring' },
    propsIndex: 0,
    rotation: 'rotation',
    maxAge: 'maxAgeDays',
    maxDays: 730,
    suggestedDays: 90,
    samples: {
      positive: [
        "import { openKeyring } from 'keyhygiene/keys'; await openKeyring({ path, backend, rotation: false });",
        "import { openKeyring } from 'keyhygiene/keys'; await openKeyring({ path, backend, rotation: { maxAgeDays: 1000 } });",
      ],
      negative: [
        "import { openKeyring } from 'keyhygiene/keys'; await openKeyring({ path, backend });",
        "import { openKeyring } from 'keyhygiene/keys'; await openKeyring({ path, backend, rotation: { maxAgeDays: 365 } });",
      ],
    },
  },
];
