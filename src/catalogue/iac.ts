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
import type { NameList, NameLexicon, Samples, TextPattern } from './types.js';

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
  | 'duration-object'
  /** A Vault duration: seconds as a number, or a string with a unit (`'2160h'`, `'90d'`, `'3600s'`). */
  | 'vault-duration';

/** Why a key needs no automatic rotation. The docs explain each one. */
type ExemptionReason =
  | 'asymmetric'
  | 'hmac'
  | 'external'
  | 'custom-key-store'
  | 'unsupported-purpose'
  | 'inactive'
  | 'rotated-by-serial'
  | 'replaced-on-schedule';

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

interface RotationPeriod {
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
  readonly provider: 'aws' | 'gcp' | 'azure' | 'vault';
  readonly tool: 'aws-cdk' | 'pulumi' | 'cdktf' | 'aws-sdk' | 'gcp-client' | 'azure-sdk' | 'vault-client';
  readonly match: readonly CallMatch[];
  /**
   * For a generic HTTP client: the API path its first argument must name (`transit/keys/<name>`), read with its
   * variable parts as `x`; other paths of the same client (`transit/encrypt/…`, `…/config`) are other calls.
   */
  readonly pathPattern?: RegExp;
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
    /**
     * The argument that names the key in both calls (Azure: `createKey('data', …)` and
     * `updateKeyRotationPolicy('data', …)`): when both are static strings, the companion covers the key
     * of that name only.
     */
    readonly keyNameArg?: number;
  };
  readonly exemptions: readonly Exemption[];
  /** The property text a suggestion inserts, or sets when it holds the wrong value. */
  readonly fix?: { readonly property: string; readonly value: string };
  /** Positive: reported. Negative: not reported (correct, or exempt). */
  readonly samples: Samples;
}

// ---- shared value lists ------------------------------------------------------------------------

/** How an inventory names a key held by each provider's key service. */
export const keyServiceName: Readonly<Record<IacKeyResource['provider'], string>> = {
  aws: 'AWS KMS key',
  gcp: 'Cloud KMS key',
  azure: 'Azure Key Vault key',
  vault: 'Vault transit key',
};

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

/**
 * Values that name a kind of key (an AWS KMS key spec or usage): rotation turned on only when a key is of one kind
 * (`if (spec === 'SYMMETRIC_DEFAULT') enableKeyRotation(…)`) follows the service's own rule (only symmetric keys
 * rotate), not a stage or tier. Any other string a rotation switch is compared with (`stage === 'production'`,
 * `tier === 'regulated'`) leaves every other stage or tier unrotated (rotation-guards.ts).
 */
export const keyKindValues: NameList = {
  id: 'key-kind-values',
  title: 'String values naming a kind of key, not a stage or tier',
  names: new Set([
    'SYMMETRIC_DEFAULT',
    ...awsAsymmetricKeySpecs,
    ...awsHmacKeySpecs,
    'ENCRYPT_DECRYPT',
    'SIGN_VERIFY',
    'GENERATE_VERIFY_MAC',
    'KEY_AGREEMENT',
  ]),
  samples: {
    positive: ['SYMMETRIC_DEFAULT', 'RSA_2048', 'HMAC_256', 'ENCRYPT_DECRYPT'],
    negative: ['production', 'prod', 'regulated', 'enterprise'],
  },
};

/** AWS key usages that only asymmetric or HMAC keys have. */
const awsNonEncryptUsages = ['SIGN_VERIFY', 'KEY_AGREEMENT'] as const;
const awsMacUsages = ['GENERATE_VERIFY_MAC'] as const;

/** Key material origins other than AWS KMS itself: imported, CloudHSM or external key store. */
const awsExternalOrigins = ['EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'] as const;

/**
 * AWS KMS accepts a rotation period of 90 to 2560 days (EnableKeyRotation `RotationPeriodInDays`). The
 * rule's ceiling is 730 days: NIST SP 800-57 Part 1 Rev. 5 §5.3.6 suggests an originator-usage period of
 * up to 2 years for symmetric data-encryption keys, and a period of five or seven years (which AWS
 * accepts) leaves one key version protecting years of data.
 */
const awsRotationDays = { min: 90, max: 730, acceptedMax: 2560 } as const;

/**
 * GCP Cloud KMS accepts 24 hours to 876000 hours (100 years); this rule's ceiling is 90 days, the
 * CIS Google Cloud benchmark's (1.10) limit for encryption keys.
 */
const gcpRotationDays = { min: 1, max: 90, acceptedMaxDays: 36_500 } as const;

/** GCP purposes that cannot rotate automatically (only `ENCRYPT_DECRYPT` keys can). */
const gcpAsymmetricPurposes = ['ASYMMETRIC_SIGN', 'ASYMMETRIC_DECRYPT', 'KEY_ENCAPSULATION'] as const;
const gcpMacPurposes = ['MAC'] as const;
const gcpOtherPurposes = ['RAW_ENCRYPT_DECRYPT'] as const;
/** Cloud EKM protection levels: the key lives in an external key manager, which rotates it. */
const gcpExternalProtection = ['EXTERNAL', 'EXTERNAL_VPC'] as const;

/**
 * The last member of an enum access counts as a static value only when it is written like an enum
 * member (`kms.KeySpec.RSA_2048`, `KeyUsage.SIGN_VERIFY`), not a property read (`props.keySpec`).
 */
export const enumMemberPattern = /^[A-Z][A-Z0-9_]*$/;

/** 90 days in seconds, the period the GCP suggestions set. */
const gcpSuggestedPeriodSeconds = 7_776_000;

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
  source: `AWS KMS accepts 90 to ${awsRotationDays.acceptedMax}; NIST SP 800-57 suggests at most 2 years`,
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

/** The AWS SDK v2 package and its KMS client subpath. */
const awsSdkV2Kms = ['aws-sdk', 'aws-sdk/clients/kms'];

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
        "import { aws_kms as kms, Duration } from 'aws-cdk-lib'; new kms.Key(this, 'K', { " +
          'enableKeyRotation: true, rotationPeriod: Duration.days(3000) });',
        "import * as kms from '@aws-cdk/aws-kms'; new kms.Key(this, 'K', { alias: 'alias/data' });",
      ],
      negative: [
        "import * as kms from 'aws-cdk-lib/aws-kms'; new kms.Key(this, 'K', { enableKeyRotation: true });",
        "import * as kms from 'aws-cdk-lib/aws-kms'; new kms.Key(this, 'K', { keySpec: " +
          'kms.KeySpec.ECC_NIST_P256, keyUsage: kms.KeyUsage.SIGN_VERIFY });',
        "import * as kms from 'aws-cdk-lib/aws-kms'; new kms.Key(this, 'K', { keySpec: " +
          'kms.KeySpec.HMAC_256, keyUsage: kms.KeyUsage.GENERATE_VERIFY_MAC });',
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
        "import { CfnKey } from 'aws-cdk-lib/aws-kms'; new CfnKey(this, 'K', { keyPolicy, " +
          'enableKeyRotation: true, rotationPeriodInDays: 30 });',
      ],
      negative: [
        "import * as kms from 'aws-cdk-lib/aws-kms'; new kms.CfnKey(this, 'K', { keyPolicy, " +
          'enableKeyRotation: true, rotationPeriodInDays: 365 });',
        "import * as kms from 'aws-cdk-lib/aws-kms'; new kms.CfnKey(this, 'K', { keyPolicy, origin: 'EXTERNAL' });",
        "import * as kms from 'aws-cdk-lib/aws-kms'; new kms.CfnKey(this, 'K', { keyPolicy, keySpec: " +
          "'RSA_4096', keyUsage: 'ENCRYPT_DECRYPT' });",
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
      // SST v3's sst.config.ts gives the provider as the global `aws` (no import).
      { modules: ['@pulumi/aws'], callee: 'new kms.Key', receivers: ['aws'] },
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
        "export default $config({ async run() { new aws.kms.Key('Signing', { deletionWindowInDays: 7 }); } });",
        "import { kms } from '@pulumi/aws'; new kms.Key('data', { enableKeyRotation: true, " +
          'rotationPeriodInDays: 3650 });',
      ],
      negative: [
        "import * as aws from '@pulumi/aws'; new aws.kms.Key('data', { enableKeyRotation: true });",
        "import * as aws from '@pulumi/aws'; new aws.kms.Key('sign', { customerMasterKeySpec: " +
          "'ECC_NIST_P256', keyUsage: 'SIGN_VERIFY' });",
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
        "import * as gcp from '@pulumi/gcp'; new gcp.kms.CryptoKey('data', { keyRing: ring.id, " +
          "rotationPeriod: '31536000s' });",
      ],
      negative: [
        "import * as gcp from '@pulumi/gcp'; new gcp.kms.CryptoKey('data', { keyRing: ring.id, " +
          "rotationPeriod: '7776000s' });",
        "import * as gcp from '@pulumi/gcp'; new gcp.kms.CryptoKey('sign', { keyRing: ring.id, purpose: " +
          "'ASYMMETRIC_SIGN' });",
        "import * as gcp from '@pulumi/gcp'; new gcp.kms.CryptoKey('mac', { keyRing: ring.id, purpose: 'MAC' });",
        "import * as gcp from '@pulumi/gcp'; new gcp.kms.CryptoKey('imp', { keyRing: ring.id, importOnly: true });",
        "import * as gcp from '@pulumi/gcp'; new gcp.kms.CryptoKey('ekm', { keyRing: ring.id, " +
          "versionTemplate: { algorithm: 'EXTERNAL_SYMMETRIC_ENCRYPTION', protectionLevel: 'EXTERNAL' } });",
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
        "import * as aws from '@cdktf/provider-aws'; new aws.kmsKey.KmsKey(this, 'data', { " +
          'enableKeyRotation: false });',
      ],
      negative: [
        "import { KmsKey } from '@cdktf/provider-aws/lib/kms-key'; new KmsKey(this, 'data', { " +
          'enableKeyRotation: true, rotationPeriodInDays: 180 });',
        "import { KmsKey } from '@cdktf/provider-aws/lib/kms-key'; new KmsKey(this, 'mac', { " +
          "customerMasterKeySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC' });",
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
        "import { KmsCryptoKey } from '@cdktf/provider-google/lib/kms-crypto-key'; new " +
          "KmsCryptoKey(this, 'k', { name: 'k', keyRing: ring.id });",
      ],
      negative: [
        "import { KmsCryptoKey } from '@cdktf/provider-google/lib/kms-crypto-key'; new " +
          "KmsCryptoKey(this, 'k', { name: 'k', keyRing: ring.id, rotationPeriod: '2592000s' });",
        "import { KmsCryptoKey } from '@cdktf/provider-google/lib/kms-crypto-key'; new " +
          "KmsCryptoKey(this, 'k', { name: 'k', keyRing: ring.id, purpose: 'ASYMMETRIC_DECRYPT' });",
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
      // AWS SDK v2: `new AWS.KMS().createKey(params).promise()`
      { modules: awsSdkV2Kms, callee: 'new KMS().createKey' },
    ],
    propsIndex: 0,
    companion: {
      title: 'EnableKeyRotationCommand',
      keyIdProperty: 'KeyId',
      match: [
        { modules: ['@aws-sdk/client-kms'], callee: 'new EnableKeyRotationCommand' },
        { modules: ['@aws-sdk/client-kms'], callee: 'new KMS().enableKeyRotation' },
        { modules: awsSdkV2Kms, callee: 'new KMS().enableKeyRotation' },
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
        "import { KMSClient, CreateKeyCommand } from '@aws-sdk/client-kms'; await kms.send(new " +
          "CreateKeyCommand({ Description: 'data' }));",
        "import { KMS } from '@aws-sdk/client-kms'; const kms = new KMS({}); await kms.createKey({ " +
          "KeySpec: 'SYMMETRIC_DEFAULT' });",
        "const AWS = require('aws-sdk'); const kms = new AWS.KMS(); " +
          "await kms.createKey({ Description: 'data' }).promise();",
      ],
      negative: [
        "import { CreateKeyCommand, EnableKeyRotationCommand } from '@aws-sdk/client-kms'; const { " +
          'KeyMetadata } = await kms.send(new CreateKeyCommand({})); await kms.send(new ' +
          'EnableKeyRotationCommand({ KeyId: KeyMetadata.KeyId }));',
        "import { CreateKeyCommand } from '@aws-sdk/client-kms'; await kms.send(new CreateKeyCommand({ " +
          "KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }));",
        "import { CreateKeyCommand } from '@aws-sdk/client-kms'; await kms.send(new CreateKeyCommand({ " +
          "Origin: 'EXTERNAL' }));",
        "import { CreateKeyCommand } from '@aws-sdk/client-kms'; await kms.send(new CreateKeyCommand({ " +
          "CustomKeyStoreId: storeId, Origin: 'AWS_CLOUDHSM' }));",
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
      { modules: awsSdkV2Kms, callee: 'new KMS().enableKeyRotation' },
    ],
    propsIndex: 0,
    period: awsPeriod('RotationPeriodInDays', 'days'),
    exemptions: [],
    samples: {
      positive: [
        "import { EnableKeyRotationCommand } from '@aws-sdk/client-kms'; await kms.send(new " +
          'EnableKeyRotationCommand({ KeyId: id, RotationPeriodInDays: 30 }));',
      ],
      negative: [
        "import { EnableKeyRotationCommand } from '@aws-sdk/client-kms'; await kms.send(new " +
          'EnableKeyRotationCommand({ KeyId: id, RotationPeriodInDays: 365 }));',
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
      value:
        `{ seconds: ${gcpSuggestedPeriodSeconds} }, nextRotationTime: { seconds: Math.floor(Date.now() / ` +
        `1000) + ${gcpSuggestedPeriodSeconds} }`,
    },
    samples: {
      positive: [
        "import { KeyManagementServiceClient } from '@google-cloud/kms'; const client = new " +
          "KeyManagementServiceClient(); await client.createCryptoKey({ parent, cryptoKeyId: 'data', " +
          "cryptoKey: { purpose: 'ENCRYPT_DECRYPT' } });",
        "const { KeyManagementServiceClient } = require('@google-cloud/kms'); const client = new " +
          "KeyManagementServiceClient(); client.createCryptoKey({ parent, cryptoKeyId: 'd', cryptoKey: { " +
          'rotationPeriod: { seconds: 31536000 }, nextRotationTime: next } });',
      ],
      negative: [
        "import { KeyManagementServiceClient } from '@google-cloud/kms'; const client = new " +
          "KeyManagementServiceClient(); await client.createCryptoKey({ parent, cryptoKeyId: 'd', " +
          "cryptoKey: { purpose: 'ENCRYPT_DECRYPT', rotationPeriod: { seconds: 7776000 }, " +
          'nextRotationTime: next } });',
        "import { KeyManagementServiceClient } from '@google-cloud/kms'; const client = new " +
          "KeyManagementServiceClient(); await client.createCryptoKey({ parent, cryptoKeyId: 's', " +
          "cryptoKey: { purpose: 'ASYMMETRIC_SIGN', versionTemplate: { algorithm: 'EC_SIGN_P256_SHA256' } " +
          '} });',
      ],
    },
  },
  // ---- Azure Key Vault ----------------------------------------------------------------------------
  // Key Vault rotates a key only under a rotation policy (lifetime action `Rotate`); without one, the key
  // keeps its first version for as long as it lives. Every key type can rotate, so nothing is exempt.
  ...(['createKey', 'createRsaKey', 'createEcKey', 'createOctKey'] as const).map((method): IacKeyResource => ({
    id: `azure-sdk.KeyClient.${method}`,
    title: `KeyClient.${method} (Azure Key Vault)`,
    provider: 'azure',
    tool: 'azure-sdk',
    match: [{ modules: ['@azure/keyvault-keys'], callee: `new KeyClient().${method}` }],
    propsIndex: method === 'createKey' ? 2 : 1,
    companion: {
      title: 'updateKeyRotationPolicy',
      keyNameArg: 0,
      match: [
        { modules: ['@azure/keyvault-keys'], callee: 'new KeyClient().updateKeyRotationPolicy' },
        { modules: ['@azure/keyvault-keys'], callee: 'new KeyClient().rotateKey' },
      ],
    },
    exemptions: [],
    samples: {
      positive: [
        "import { KeyClient } from '@azure/keyvault-keys'; const client = new KeyClient(url, cred); " +
          (method === 'createKey'
            ? "await client.createKey('data', 'RSA', { keySize: 3072 });"
            : `await client.${method}('data');`),
        "import { KeyClient } from '@azure/keyvault-keys'; const client = new KeyClient(url, cred); " +
          `await client.${method}('wrap'${method === 'createKey' ? ", 'RSA'" : ''}); ` +
          "await client.updateKeyRotationPolicy('data', { lifetimeActions: [] });",
      ],
      negative: [
        "import { KeyClient } from '@azure/keyvault-keys'; const client = new KeyClient(url, cred); " +
          (method === 'createKey' ? "await client.createKey('data', 'RSA');" : `await client.${method}('data');`) +
          " await client.updateKeyRotationPolicy('data', { lifetimeActions: [{ action: 'Rotate', " +
          "timeAfterCreate: 'P90D' }] });",
      ],
    },
  })),
  {
    id: 'pulumi.azure.keyvault.Key',
    title: 'Pulumi azure.keyvault.Key',
    provider: 'azure',
    tool: 'pulumi',
    match: [
      { modules: ['@pulumi/azure'], callee: 'new keyvault.Key' },
      { modules: ['@pulumi/azure/keyvault'], callee: 'new Key' },
    ],
    propsIndex: 1,
    requireOneOf: ['rotationPolicy'],
    exemptions: [],
    samples: {
      positive: [
        "import * as azure from '@pulumi/azure'; new azure.keyvault.Key('data', { keyVaultId: vault.id, " +
          "keyType: 'RSA', keySize: 3072, keyOpts: ['wrapKey', 'unwrapKey'] });",
      ],
      negative: [
        "import * as azure from '@pulumi/azure'; new azure.keyvault.Key('data', { keyVaultId: vault.id, " +
          "keyType: 'RSA', keySize: 3072, keyOpts: ['wrapKey'], rotationPolicy: { expireAfter: 'P90D', " +
          "automatic: { timeBeforeExpiry: 'P30D' } } });",
      ],
    },
  },
  {
    id: 'pulumi.azure-native.keyvault.Key',
    title: 'Pulumi azure-native keyvault.Key',
    provider: 'azure',
    tool: 'pulumi',
    match: [
      { modules: ['@pulumi/azure-native'], callee: 'new keyvault.Key' },
      { modules: ['@pulumi/azure-native/keyvault'], callee: 'new Key' },
    ],
    propsIndex: 1,
    propsPath: 'properties',
    requireOneOf: ['rotationPolicy'],
    exemptions: [],
    samples: {
      positive: [
        "import * as azure from '@pulumi/azure-native'; new azure.keyvault.Key('data', { resourceGroupName: " +
          "rg.name, vaultName: vault.name, keyName: 'data', properties: { kty: 'RSA', keySize: 3072 } });",
      ],
      negative: [
        "import * as azure from '@pulumi/azure-native'; new azure.keyvault.Key('data', { resourceGroupName: " +
          "rg.name, vaultName: vault.name, keyName: 'data', properties: { kty: 'RSA', rotationPolicy: { " +
          "lifetimeActions: [{ action: { type: 'Rotate' }, trigger: { timeAfterCreate: 'P90D' } }] } } });",
      ],
    },
  },
  {
    id: 'cdktf.azurerm.KeyVaultKey',
    title: 'CDKTF KeyVaultKey',
    provider: 'azure',
    tool: 'cdktf',
    match: [
      {
        modules: ['@cdktf/provider-azurerm/lib/key-vault-key', '*providers/azurerm/key-vault-key'],
        callee: 'new KeyVaultKey',
      },
      { modules: ['@cdktf/provider-azurerm'], callee: 'new keyVaultKey.KeyVaultKey' },
    ],
    propsIndex: 2,
    requireOneOf: ['rotationPolicy'],
    exemptions: [],
    samples: {
      positive: [
        "import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key'; new KeyVaultKey(this, 'k', { " +
          "name: 'data', keyVaultId: vault.id, keyType: 'RSA', keySize: 3072, keyOpts: ['wrapKey'] });",
      ],
      negative: [
        "import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key'; new KeyVaultKey(this, 'k', { " +
          "name: 'data', keyVaultId: vault.id, keyType: 'RSA', keySize: 3072, keyOpts: ['wrapKey'], " +
          "rotationPolicy: { expireAfter: 'P90D', automatic: { timeBeforeExpiry: 'P30D' } } });",
      ],
    },
  },
  // ---- HashiCorp Vault transit ----------------------------------------------------------------------
  // A transit key is made by writing `<mount>/keys/<name>`; it rotates itself only with `auto_rotate_period`
  // (Vault 1.10+; 0, the default, turns it off; the least accepted is one hour). The Terraform resource is in
  // `templateKeyResources`.
  {
    id: 'node-vault.transit-key',
    title: 'Vault transit key (node-vault write)',
    provider: 'vault',
    tool: 'vault-client',
    match: [{ modules: ['node-vault'], callee: 'default().write' }],
    pathPattern: /^\/?(?:v1\/)?[\w-]*transit[\w-]*\/keys\/[^/]+$/,
    propsIndex: 1,
    requireOneOf: ['auto_rotate_period'],
    period: {
      property: 'auto_rotate_period',
      format: 'vault-duration',
      minDays: 1,
      maxDays: gcpRotationDays.max,
      source: 'Vault turns rotation off at 0; the CIS benchmarks ask for 90 days or less',
    },
    exemptions: [],
    fix: { property: 'auto_rotate_period', value: "'2160h'" },
    samples: {
      positive: [
        "import vault from 'node-vault'; const v = vault({ endpoint: u }); await v.write('transit/keys/app', " +
          "{ type: 'aes256-gcm96' });",
        "import vault from 'node-vault'; const v = vault({ endpoint: u }); await v.write(`transit/keys/${n}`, " +
          "{ type: 'aes256-gcm96', auto_rotate_period: '0' });",
      ],
      negative: [
        "import vault from 'node-vault'; const v = vault({ endpoint: u }); await v.write('transit/keys/app', " +
          "{ type: 'aes256-gcm96', auto_rotate_period: '720h' });",
        "import vault from 'node-vault'; const v = vault({ endpoint: u }); await v.write('transit/encrypt/app', " +
          '{ plaintext: p });',
        "import vault from 'node-vault'; const v = vault({ endpoint: u }); await v.write('transit/keys/app/config', " +
          '{ deletion_allowed: true });',
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
    why:
      'Key.fromKeyArn / fromLookup / fromCfnKey import a key that another stack or account owns; its ' +
      'rotation is set where it is created.',
    samples: {
      positive: [
        "import * as kms from 'aws-cdk-lib/aws-kms'; kms.Key.fromKeyArn(this, 'K', " +
          "'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');",
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

// ---- secrets and long-lived credentials ---------------------------------------------------------

/**
 * A secret-store entry or a long-lived credential that infrastructure code creates. Unlike a KMS key, neither
 * has a rotation switch of its own: a secret rotates only when a rotation schedule names it, and an IAM user
 * access key never rotates (it stays valid until it is deleted or replaced).
 */
export interface IacSecretResource {
  readonly id: string;
  readonly title: string;
  readonly tool: 'aws-cdk' | 'pulumi' | 'cdktf';
  /**
   * `secret`: judged only in a module that rotates some secret itself (a `secretRotations` call): such a module
   * shows its authors rotate secrets, so one left out is an omission. A module with no rotation at all is not
   * judged: most secrets there (third-party tokens, bootstrap values) are rotated by hand or by their vendor.
   * `access-key`: always judged; IAM user keys have no automatic rotation (AWS IAM best practices: use roles).
   */
  readonly kind: 'secret' | 'access-key';
  readonly match: readonly CallMatch[];
  readonly propsIndex: number;
  /** The property holding the secret's value (`secretStringValue`): a copy of a reported access key is left. */
  readonly valueProperties?: readonly string[];
  readonly exemptions: readonly Exemption[];
  readonly samples: Samples;
}

/** A call that rotates a secret: a method on it, or a construct that names it in one of its props. */
export interface SecretRotationCall {
  readonly title: string;
  /** `secret.addRotationSchedule(…)`: the receiver is the secret. */
  readonly method?: string;
  /** `new RotationSchedule(this, 'R', { secret })`: the construct, and the prop that names the secret. */
  readonly construct?: { readonly match: readonly CallMatch[]; readonly propsIndex: number; readonly secret: string };
  /**
   * `instance.addRotationSingleUser()`: rotates the credentials secret of a database, which names the secrets it
   * uses through these calls (`rds.Credentials.fromSecret(secret)`).
   */
  readonly attachedBy?: readonly string[];
}

const cdkSecrets = ['aws-cdk-lib/aws-secretsmanager', '@aws-cdk/aws-secretsmanager'];
const cdkIam = ['aws-cdk-lib/aws-iam', '@aws-cdk/aws-iam'];
const inactiveKey: Exemption = { property: 'status', values: ['INACTIVE', 'Inactive'], reason: 'inactive' };
/** CDK's `serial`: bumping it replaces the key, the construct's own rotation. */
const serialKey: Exemption = { property: 'serial', reason: 'rotated-by-serial' };

export const iacSecretResources: readonly IacSecretResource[] = [
  {
    id: 'aws-cdk.Secret',
    title: 'CDK secretsmanager.Secret',
    tool: 'aws-cdk',
    kind: 'secret',
    match: [
      { modules: cdkSecrets, callee: 'new Secret' },
      { modules: ['aws-cdk-lib'], callee: 'new aws_secretsmanager.Secret' },
    ],
    propsIndex: 2,
    valueProperties: ['secretStringValue', 'secretStringBeta1', 'secretObjectValue'],
    exemptions: [],
    samples: {
      positive: [
        "import * as sm from 'aws-cdk-lib/aws-secretsmanager'; const db = new sm.Secret(this, 'Db'); " +
          "db.addRotationSchedule('R', { hostedRotation: sm.HostedRotation.mysqlSingleUser() }); " +
          "new sm.Secret(this, 'PartnerToken');",
        "import { aws_secretsmanager as sm } from 'aws-cdk-lib'; const a = new sm.Secret(this, 'A'); " +
          "new sm.RotationSchedule(this, 'RA', { secret: a, rotationLambda: fn }); new sm.Secret(this, 'B', {});",
      ],
      negative: [
        "import * as sm from 'aws-cdk-lib/aws-secretsmanager'; new sm.Secret(this, 'PartnerToken');",
        "import * as sm from 'aws-cdk-lib/aws-secretsmanager'; const s = new sm.Secret(this, 'S'); " +
          "s.addRotationSchedule('R', { rotationLambda: fn, automaticallyAfter: Duration.days(30) });",
        "import * as sm from 'aws-cdk-lib/aws-secretsmanager'; const s = sm.Secret.fromSecretNameV2(this, 'S', 'x'); " +
          "s.addRotationSchedule('R', { rotationLambda: fn });",
      ],
    },
  },
  {
    id: 'aws-cdk.CfnSecret',
    title: 'CDK secretsmanager.CfnSecret',
    tool: 'aws-cdk',
    kind: 'secret',
    match: [
      { modules: cdkSecrets, callee: 'new CfnSecret' },
      { modules: ['aws-cdk-lib'], callee: 'new aws_secretsmanager.CfnSecret' },
    ],
    propsIndex: 2,
    exemptions: [],
    samples: {
      positive: [
        "import * as sm from 'aws-cdk-lib/aws-secretsmanager'; const a = new sm.CfnSecret(this, 'A', {}); " +
          "new sm.CfnRotationSchedule(this, 'R', { secretId: a.ref, rotationLambdaArn: arn }); " +
          "new sm.CfnSecret(this, 'B', { name: 'b' });",
      ],
      negative: [
        "import * as sm from 'aws-cdk-lib/aws-secretsmanager'; const a = new sm.CfnSecret(this, 'A', {}); " +
          "new sm.CfnRotationSchedule(this, 'R', { secretId: a.ref, rotationLambdaArn: arn });",
      ],
    },
  },
  {
    id: 'pulumi.aws.secretsmanager.Secret',
    title: 'Pulumi aws.secretsmanager.Secret',
    tool: 'pulumi',
    kind: 'secret',
    match: [
      { modules: ['@pulumi/aws'], callee: 'new secretsmanager.Secret', receivers: ['aws'] },
      { modules: ['@pulumi/aws/secretsmanager'], callee: 'new Secret' },
    ],
    propsIndex: 1,
    exemptions: [],
    samples: {
      positive: [
        "import * as aws from '@pulumi/aws'; const db = new aws.secretsmanager.Secret('db', {}); " +
          "new aws.secretsmanager.SecretRotation('db-r', { secretId: db.id, rotationLambdaArn: fn.arn }); " +
          "new aws.secretsmanager.Secret('webhook', {});",
      ],
      negative: [
        "import * as aws from '@pulumi/aws'; new aws.secretsmanager.Secret('webhook', {});",
        "import * as aws from '@pulumi/aws'; const db = new aws.secretsmanager.Secret('db', {}); " +
          "new aws.secretsmanager.SecretRotation('db-r', { secretId: db.id, rotationLambdaArn: fn.arn });",
      ],
    },
  },
  {
    id: 'cdktf.aws.SecretsmanagerSecret',
    title: 'CDKTF SecretsmanagerSecret',
    tool: 'cdktf',
    kind: 'secret',
    match: [
      {
        modules: ['@cdktf/provider-aws/lib/secretsmanager-secret', '*providers/aws/secretsmanager-secret'],
        callee: 'new SecretsmanagerSecret',
      },
      { modules: ['@cdktf/provider-aws'], callee: 'new secretsmanagerSecret.SecretsmanagerSecret' },
    ],
    propsIndex: 2,
    exemptions: [],
    samples: {
      positive: [
        "import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret'; " +
          "import { SecretsmanagerSecretRotation } from '@cdktf/provider-aws/lib/secretsmanager-secret-rotation'; " +
          "const a = new SecretsmanagerSecret(this, 'a', {}); new SecretsmanagerSecretRotation(this, 'r', { " +
          "secretId: a.id, rotationLambdaArn: arn }); new SecretsmanagerSecret(this, 'b', {});",
      ],
      negative: [
        "import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret'; " +
          "new SecretsmanagerSecret(this, 'b', {});",
      ],
    },
  },
  {
    id: 'aws-cdk.AccessKey',
    title: 'CDK iam.AccessKey',
    tool: 'aws-cdk',
    kind: 'access-key',
    match: [
      { modules: cdkIam, callee: 'new AccessKey' },
      { modules: cdkIam, callee: 'new CfnAccessKey' },
      { modules: ['aws-cdk-lib'], callee: 'new aws_iam.AccessKey' },
      { modules: ['aws-cdk-lib'], callee: 'new aws_iam.CfnAccessKey' },
    ],
    propsIndex: 2,
    exemptions: [inactiveKey, serialKey],
    samples: {
      positive: [
        "import * as iam from 'aws-cdk-lib/aws-iam'; new iam.AccessKey(this, 'CiKey', { user });",
        "import { CfnAccessKey } from 'aws-cdk-lib/aws-iam'; new CfnAccessKey(this, 'K', { userName: 'ci' });",
      ],
      negative: [
        "import * as iam from 'aws-cdk-lib/aws-iam'; new iam.AccessKey(this, 'K', { user, serial: 3 });",
        "import * as iam from 'aws-cdk-lib/aws-iam'; new iam.AccessKey(this, 'K', { user, " +
          'status: iam.AccessKeyStatus.INACTIVE });',
        "import { AccessKey } from './constructs'; new AccessKey(this, 'K', { user });",
      ],
    },
  },
  {
    id: 'pulumi.aws.iam.AccessKey',
    title: 'Pulumi aws.iam.AccessKey',
    tool: 'pulumi',
    kind: 'access-key',
    match: [
      { modules: ['@pulumi/aws'], callee: 'new iam.AccessKey', receivers: ['aws'] },
      { modules: ['@pulumi/aws/iam'], callee: 'new AccessKey' },
    ],
    propsIndex: 1,
    exemptions: [inactiveKey],
    samples: {
      positive: ["import * as aws from '@pulumi/aws'; new aws.iam.AccessKey('deploy', { user: 'deploy' });"],
      negative: [
        "import * as aws from '@pulumi/aws'; new aws.iam.AccessKey('old', { user: 'deploy', status: 'Inactive' });",
      ],
    },
  },
  {
    id: 'cdktf.aws.IamAccessKey',
    title: 'CDKTF IamAccessKey',
    tool: 'cdktf',
    kind: 'access-key',
    match: [
      {
        modules: ['@cdktf/provider-aws/lib/iam-access-key', '*providers/aws/iam-access-key'],
        callee: 'new IamAccessKey',
      },
      { modules: ['@cdktf/provider-aws'], callee: 'new iamAccessKey.IamAccessKey' },
    ],
    propsIndex: 2,
    exemptions: [inactiveKey],
    samples: {
      positive: [
        "import { IamAccessKey } from '@cdktf/provider-aws/lib/iam-access-key'; new IamAccessKey(this, 'k', " +
          "{ user: 'ci' });",
      ],
      negative: [
        "import { IamAccessKey } from '@cdktf/provider-aws/lib/iam-access-key'; new IamAccessKey(this, 'k', " +
          "{ user: 'ci', status: 'Inactive' });",
      ],
    },
  },
  // A Google Cloud service-account key: a user-managed key that never expires unless an organisation policy says so
  // (Google Cloud IAM, "Best practices for managing service account keys"). `keepers` replaces it when a value it
  // names changes (a `time.Rotating`), the provider's own rotation.
  {
    id: 'pulumi.gcp.serviceaccount.Key',
    title: 'Pulumi gcp.serviceaccount.Key',
    tool: 'pulumi',
    kind: 'access-key',
    match: [
      { modules: ['@pulumi/gcp'], callee: 'new serviceaccount.Key', receivers: ['gcp'] },
      { modules: ['@pulumi/gcp/serviceaccount'], callee: 'new Key' },
    ],
    propsIndex: 1,
    exemptions: [{ property: 'keepers', reason: 'replaced-on-schedule' }],
    samples: {
      positive: [
        "import * as gcp from '@pulumi/gcp'; new gcp.serviceaccount.Key('ci', { serviceAccountId: sa.name });",
      ],
      negative: [
        "import * as gcp from '@pulumi/gcp'; new gcp.serviceaccount.Key('ci', { serviceAccountId: sa.name, " +
          'keepers: { rotated: rotation.rfc3339 } });',
        "import * as gcp from '@pulumi/gcp'; new gcp.kms.KeyRing('ring', { location: 'global' });",
      ],
    },
  },
  {
    id: 'cdktf.google.ServiceAccountKey',
    title: 'CDKTF ServiceAccountKey',
    tool: 'cdktf',
    kind: 'access-key',
    match: [
      {
        modules: ['@cdktf/provider-google/lib/service-account-key', '*providers/google/service-account-key'],
        callee: 'new ServiceAccountKey',
      },
      { modules: ['@cdktf/provider-google'], callee: 'new serviceAccountKey.ServiceAccountKey' },
    ],
    propsIndex: 2,
    exemptions: [{ property: 'keepers', reason: 'replaced-on-schedule' }],
    samples: {
      positive: [
        "import { ServiceAccountKey } from '@cdktf/provider-google/lib/service-account-key'; new " +
          "ServiceAccountKey(this, 'k', { serviceAccountId: sa.name });",
      ],
      negative: [
        "import { ServiceAccountKey } from '@cdktf/provider-google/lib/service-account-key'; new " +
          "ServiceAccountKey(this, 'k', { serviceAccountId: sa.name, keepers: { at: rot.id } });",
      ],
    },
  },
];

/** The calls that rotate a secret (`iacSecretResources` of kind `secret`). */
export const secretRotations: readonly SecretRotationCall[] = [
  { title: 'addRotationSchedule', method: 'addRotationSchedule' },
  {
    title: 'RotationSchedule',
    construct: {
      match: [
        { modules: cdkSecrets, callee: 'new RotationSchedule' },
        { modules: cdkSecrets, callee: 'new SecretRotation' },
        { modules: ['aws-cdk-lib'], callee: 'new aws_secretsmanager.RotationSchedule' },
        { modules: ['aws-cdk-lib'], callee: 'new aws_secretsmanager.SecretRotation' },
      ],
      propsIndex: 2,
      secret: 'secret',
    },
  },
  {
    title: 'CfnRotationSchedule',
    construct: {
      match: [
        { modules: cdkSecrets, callee: 'new CfnRotationSchedule' },
        { modules: ['aws-cdk-lib'], callee: 'new aws_secretsmanager.CfnRotationSchedule' },
      ],
      propsIndex: 2,
      secret: 'secretId',
    },
  },
  {
    title: 'SecretRotation',
    construct: {
      match: [
        { modules: ['@pulumi/aws'], callee: 'new secretsmanager.SecretRotation', receivers: ['aws'] },
        { modules: ['@pulumi/aws/secretsmanager'], callee: 'new SecretRotation' },
      ],
      propsIndex: 1,
      secret: 'secretId',
    },
  },
  {
    title: 'SecretsmanagerSecretRotation',
    construct: {
      match: [
        {
          modules: [
            '@cdktf/provider-aws/lib/secretsmanager-secret-rotation',
            '*providers/aws/secretsmanager-secret-rotation',
          ],
          callee: 'new SecretsmanagerSecretRotation',
        },
        { modules: ['@cdktf/provider-aws'], callee: 'new secretsmanagerSecretRotation.SecretsmanagerSecretRotation' },
      ],
      propsIndex: 2,
      secret: 'secretId',
    },
  },
  { title: 'addRotationSingleUser', method: 'addRotationSingleUser', attachedBy: ['fromSecret'] },
  { title: 'addRotationMultiUser', method: 'addRotationMultiUser', attachedBy: ['fromSecret'] },
];

// ---- certificates that outlive any cryptoperiod -------------------------------------------------

/**
 * Where code sets how long a certificate it issues stays valid. A certificate valid for longer than `maxYears`
 * outlives every cryptoperiod of NIST SP 800-57 Part 1 (Table 1: at most a few years for a signing key) and any
 * CA/Browser Forum limit; its key is in practice never replaced. Ten years, a common ceiling for internal CAs and
 * SAML metadata certificates, is still accepted.
 */
export const certificateLifetimes: {
  readonly maxYears: number;
  /** The member path a node-forge certificate's end of validity is written to (`cert.validity.notAfter`). */
  readonly notAfter: string;
  /** `selfsigned.generate(attrs, { days })`: a call whose options give the validity in days. */
  readonly generators: readonly {
    readonly match: CallMatch;
    readonly propsIndex: number;
    readonly days: string;
  }[];
  readonly samples: Samples;
} = {
  maxYears: 10,
  notAfter: 'validity.notAfter',
  generators: [{ match: { modules: ['selfsigned'], callee: 'generate' }, propsIndex: 1, days: 'days' }],
  samples: {
    positive: [
      'cert.validity.notAfter.setFullYear(cert.validity.notBefore.getFullYear() + 30);',
      'cert.validity.notAfter = new Date(Date.now() + 20 * 365 * 24 * 60 * 60 * 1000);',
      "import selfsigned from 'selfsigned'; const pems = selfsigned.generate(attrs, { days: 36500 });",
    ],
    negative: [
      'cert.validity.notAfter.setFullYear(cert.validity.notBefore.getFullYear() + 10);',
      'cert.validity.notAfter = new Date(Date.now() + 5 * 365 * 86400_000);',
      "import selfsigned from 'selfsigned'; const pems = selfsigned.generate(attrs, { days: 397 });",
      'token.validity.notAfter = expiry;',
      'lease.end.setFullYear(lease.start.getFullYear() + 99);',
    ],
  },
};

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
  /** The API has no place for a key id when given one static secret: signing with one is the finding. */
  readonly kidless?: boolean;
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
        "import jwt from 'jsonwebtoken'; const privateKey = fs.readFileSync('jwt.pem'); " +
          "jwt.sign(payload, privateKey, { algorithm: 'RS256' });",
      ],
      negative: [
        "import jwt from 'jsonwebtoken'; jwt.sign(payload, process.env.JWT_SECRET, { expiresIn: '1h', keyid: 'v3' });",
        "import jwt from 'jsonwebtoken'; jwt.sign(payload, key.secret, { header: { alg: 'HS256', kid: key.id } });",
        "import jwt from 'jsonwebtoken'; const current = keyring.current(); jwt.sign(payload, " +
          "current.material, { algorithm: 'HS256' });",
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
        "import { SignJWT } from 'jose'; const secret = new " +
          'TextEncoder().encode(process.env.JWT_SECRET); await new SignJWT(claims).setProtectedHeader({ ' +
          "alg: 'HS256' }).setExpirationTime('2h').sign(secret);",
      ],
      negative: [
        "import { SignJWT } from 'jose'; const secret = new " +
          'TextEncoder().encode(process.env.JWT_SECRET); await new SignJWT(claims).setProtectedHeader({ ' +
          "alg: 'HS256', kid: 'v2' }).sign(secret);",
        "import { SignJWT } from 'jose'; await new SignJWT(claims).setProtectedHeader({ alg: 'ES256' " +
          '}).sign(jwks.keys[0]);',
      ],
    },
  },
  // hono/jwt `sign(payload, secret, alg)`: the header it writes has no key id for a string or raw secret.
  {
    id: 'hono.jwt.sign',
    title: 'sign (hono/jwt)',
    sinkId: 'hono.jwt.sign',
    kidless: true,
    fix: { property: 'kid', header: 'kid' },
    samples: {
      positive: ["import { sign } from 'hono/jwt'; await sign({ sub: id, exp }, process.env.JWT_SECRET);"],
      negative: ["import { sign } from 'hono/jwt'; await sign({ sub: id }, keyring.current().jwk);"],
    },
  },
  // paseto (panva): `V4.sign(payload, key, { kid })` puts the key id in the token's footer.
  ...(['V1', 'V2', 'V3', 'V4'] as const).flatMap((v) =>
    (['sign', 'encrypt'] as const).map((op): JwtSigner => ({
      id: `paseto.${v}.${op}`,
      title: `${v}.${op} (paseto)`,
      sinkId: `paseto.${v}.${op}`,
      options: { index: 2, kidProperties: ['kid', 'footer.kid'] },
      fix: { property: 'kid', header: 'kid' },
      ...(op === 'encrypt' ? { encrypts: true } : {}),
      samples: {
        positive: [
          `import { ${v} } from 'paseto'; const key = Buffer.from(process.env.PASETO_KEY, 'base64'); ` +
            `await ${v}.${op}({ sub }, key, { expiresIn: '2h' });`,
        ],
        negative: [
          `import { ${v} } from 'paseto'; const key = Buffer.from(process.env.PASETO_KEY, 'base64'); ` +
            `await ${v}.${op}({ sub }, key, { expiresIn: '2h', kid: 'v2' });`,
        ],
      },
    })),
  ),
  // Other JWT/JWS libraries: each takes a key id in a header object of its options (`header.kid`).
  {
    id: 'hapi-jwt.token.generate',
    title: 'Jwt.token.generate (@hapi/jwt)',
    sinkId: 'hapi-jwt.token.generate',
    options: { index: 2, kidProperties: ['header.kid'] },
    fix: { property: 'header.kid', header: 'kid' },
    samples: {
      positive: [
        "import Jwt from '@hapi/jwt'; Jwt.token.generate({ sub }, { key: process.env.LINK_KEY, algorithm: 'HS512' });",
        "import Jwt from '@hapi/jwt'; Jwt.token.generate({ sub }, process.env.LINK_KEY, { ttlSec: 600 });",
      ],
      negative: [
        "import Jwt from '@hapi/jwt'; Jwt.token.generate({ sub }, process.env.LINK_KEY, { header: { kid: 'v2' } });",
        "import Jwt from '@hapi/jwt'; Jwt.token.generate({ sub }, { key: keyring.current().secret, " +
          "algorithm: 'HS256' });",
      ],
    },
  },
  {
    id: 'jwt-simple.encode',
    title: 'jwt.encode (jwt-simple)',
    sinkId: 'jwt-simple.encode',
    options: { index: 3, kidProperties: ['header.kid'] },
    fix: { property: 'header.kid', header: 'kid' },
    samples: {
      positive: ["import jwt from 'jwt-simple'; jwt.encode({ sub }, process.env.TOKEN_SECRET, 'HS256');"],
      negative: [
        "import jwt from 'jwt-simple'; jwt.encode({ sub }, process.env.TOKEN_SECRET, 'HS256', " +
          "{ header: { kid: 'v3' } });",
      ],
    },
  },
  {
    id: 'cloudflare-worker-jwt.sign',
    title: 'jwt.sign (@tsndr/cloudflare-worker-jwt)',
    sinkId: 'cloudflare-worker-jwt.sign',
    options: { index: 2, kidProperties: ['header.kid'] },
    fix: { property: 'header.kid', header: 'kid' },
    samples: {
      positive: ["import jwt from '@tsndr/cloudflare-worker-jwt'; await jwt.sign({ sub }, process.env.WORKER_SECRET);"],
      negative: [
        "import jwt from '@tsndr/cloudflare-worker-jwt'; await jwt.sign({ sub }, process.env.S, " +
          "{ header: { kid: 'v1' } });",
      ],
    },
  },
  {
    id: 'jws.sign',
    title: 'jws.sign',
    sinkId: 'jws.sign',
    options: { index: 0, kidProperties: ['header.kid'] },
    fix: { property: 'header.kid', header: 'kid' },
    samples: {
      positive: [
        "import jws from 'jws'; jws.sign({ header: { alg: 'HS256' }, payload, secret: process.env.WEBHOOK_SECRET });",
      ],
      negative: [
        "import jws from 'jws'; jws.sign({ header: { alg: 'HS256', kid: 'w2' }, payload, secret: process.env.W });",
      ],
    },
  },
  {
    id: 'jsrsasign.KJUR.jws.JWS.sign',
    title: 'KJUR.jws.JWS.sign (jsrsasign)',
    sinkId: 'jsrsasign.KJUR.jws.JWS.sign',
    options: { index: 1, kidProperties: ['kid'] },
    fix: { property: 'kid', header: 'kid' },
    samples: {
      positive: [
        "import { KJUR } from 'jsrsasign'; KJUR.jws.JWS.sign('HS256', { alg: 'HS256', typ: 'JWT' }, claims, " +
          'process.env.SSO_SECRET);',
      ],
      negative: [
        "import { KJUR } from 'jsrsasign'; KJUR.jws.JWS.sign('HS256', { alg: 'HS256', kid: 'sso-3' }, claims, " +
          'process.env.SSO_SECRET);',
      ],
    },
  },
  // JWS (compact or flattened): one static key and no kid in the protected header.
  ...(['CompactSign', 'FlattenedSign'] as const).map((cls): JwtSigner => ({
    id: `jose.${cls}`,
    title: `${cls} (jose)`,
    sinkId: `jose.${cls}.sign`,
    headerMethod: { name: 'setProtectedHeader', kidProperty: 'kid' },
    fix: { property: 'kid', header: 'kid' },
    samples: {
      positive: [
        `import { ${cls} } from 'jose'; const key = new TextEncoder().encode(process.env.SIGNING_SECRET); await ` +
          `new ${cls}(payload).setProtectedHeader({ alg: 'HS256' }).sign(key);`,
      ],
      negative: [
        `import { ${cls} } from 'jose'; const key = new TextEncoder().encode(process.env.SIGNING_SECRET); await ` +
          `new ${cls}(payload).setProtectedHeader({ alg: 'HS256', kid: 'v2' }).sign(key);`,
      ],
    },
  })),
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
        `import { ${cls} } from 'jose'; const key = Buffer.from(process.env.JWE_KEY, 'base64'); await ` +
          `new ${cls}(payload).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(key);`,
      ],
      negative: [
        `import { ${cls} } from 'jose'; const key = Buffer.from(process.env.JWE_KEY, 'base64'); await ` +
          `new ${cls}(payload).setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: 'v2' }).encrypt(key);`,
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
  pattern: new RegExp(
    String.raw`(?:^|_)(?:keyring|keyrings|ring|keyset|keysets|jwks|jwk_set|key_set|keys|signing_keys|key_store|` +
      String.raw`keystore|kid|key_id|current|active|primary|latest|rotat\w*|version|versions|versioned)(?:_|$)`,
  ),
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
 * JWE key management that derives its key from a password (RFC 7518 §4.8, `PBES2-HS256+A128KW` …): what is passed
 * as the key is a person's password or phrase, not a service key that rotates, and a `kid` would name nothing.
 * A token encrypted this way is left to no-password-as-key (jwt-kid-checks.ts reads the header's `alg`).
 */
export const passwordBasedJweAlgorithm: TextPattern = {
  id: 'password-based-jwe-algorithm',
  title: 'A JWE key-management algorithm keyed by a password (PBES2)',
  pattern: /^PBES2-/,
  samples: {
    positive: ['PBES2-HS256+A128KW', 'PBES2-HS384+A192KW', 'PBES2-HS512+A256KW'],
    negative: ['dir', 'A256KW', 'RSA-OAEP-256', 'ECDH-ES+A256KW', 'HS256'],
  },
};

/**
 * A name for one subject or record (a user, a team, an OAuth client, a tenant) that can own its own secret:
 * `user.jwtSecret`, `team.signingKey`, `this.webhookSecret` in `class Integration`. A JWT signed with a key
 * read from such a record is keyed per subject (the verifier looks the key up by subject), not one static key.
 */
export const perSubjectHolderName: NameLexicon = {
  id: 'per-subject-holder-name',
  title: 'A name for one user, team, client or record that owns its own secret',
  pattern: new RegExp(
    String.raw`(?:^|_)(?:user|users|account|member|team|org|organization|organisation|tenant|workspace|client|` +
      String.raw`customer|merchant|app|application|integration|installation|webhook|subscription|device|` +
      String.raw`project|record|row|entity|subject|owner|actor|principal|bot|site|shop|store)$`,
  ),
  samples: {
    positive: ['user', 'current_user', 'team', 'oauth_client', 'tenant', 'Integration', 'webhook', 'record'],
    negative: ['config', 'env', 'settings', 'options', 'process', 'secrets', 'keys', 'user_service', 'app_config'],
  },
};

/**
 * A property or binding name for a secret that belongs to one subject (`clientSecret`, `userSecret`,
 * `teamSigningKey`, `webhookSecret`): a subject word, then a secret or signing-key word.
 */
export const perSubjectSecretName: NameLexicon = {
  id: 'per-subject-secret-name',
  title: 'A name for a secret owned by one user, team, client or record',
  pattern: new RegExp(
    String.raw`(?:^|_)(?:user|account|member|team|org|organization|tenant|workspace|client|customer|merchant|` +
      String.raw`app|integration|installation|webhook|device|project|subject|owner)_(?:jwt_)?` +
      String.raw`(?:secret|signing_secret|signing_key|hmac_key|mac_key)$`,
  ),
  samples: {
    positive: ['clientSecret', 'client_secret', 'userSecret', 'teamSigningKey', 'webhookSecret', 'user_jwt_secret'],
    negative: ['jwtSecret', 'secret', 'JWT_SECRET', 'signingKey', 'client_id', 'client_secret_expires_at', 'apiKey'],
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
        "import { openKeyring } from 'keyhygiene/keys'; await openKeyring({ path, backend, rotation: { " +
          'maxAgeDays: 1000 } });',
      ],
      negative: [
        "import { openKeyring } from 'keyhygiene/keys'; await openKeyring({ path, backend });",
        "import { openKeyring } from 'keyhygiene/keys'; await openKeyring({ path, backend, rotation: { " +
          'maxAgeDays: 365 } });',
      ],
    },
  },
];

// ---- templates: CloudFormation and Terraform -----------------------------------------------------

/**
 * A KMS key or secret declared in a CloudFormation/SAM template or a Terraform `resource` block, read
 * by the audit's template detector (`src/scanner/detect/templates/`). The same facts as the code entries
 * above, under the property names each format uses. Values written as intrinsics (`!Ref Rotate`,
 * `{ "Fn::If": … }`) or Terraform expressions (`var.rotate`) are unknown, and an unknown value is never
 * reported.
 */
export interface TemplateKeyResource {
  readonly id: string;
  readonly title: string;
  readonly format: 'cloudformation' | 'terraform';
  /** `AWS::KMS::Key` (the resource's `Type`), or the Terraform resource type (`aws_kms_key`). */
  readonly type: string;
  /** A boolean property that must be `true` (`EnableKeyRotation`). */
  readonly enable?: string;
  /** The rotation period property, checked for range when present. */
  readonly period?: RotationPeriod;
  /** One of these properties must be present (GCP: `rotation_period`). */
  readonly requireOneOf?: readonly string[];
  /** Dotted property paths (`version_template.protection_level`); a match means no rotation check. */
  readonly exemptions: readonly Exemption[];
  /**
   * The recovery window of a deleted key or secret, reported under the recovery minimum of `deletion.ts`.
   * `serviceDefaultDays`: the window the service keeps when the property is left out (30 unless said).
   */
  readonly deletionWindow?: {
    readonly property: string;
    readonly unit: 'days' | 'gcp-duration';
    readonly serviceDefaultDays?: number;
  };
  /** How a finding names the resource, when it is not a KMS key or a secret (`Key Vault`). */
  readonly noun?: string;
  /** CloudFormation resource attributes whose value `Delete` destroys the key or secret with the stack. */
  readonly deletionPolicies?: readonly string[];
  /** The property (and value) a finding asks for. */
  readonly fix?: { readonly property: string; readonly value: string };
  /**
   * Template snippets (a whole CloudFormation YAML document, or Terraform blocks): each positive gives
   * at least one finding, each negative none. Proved by `test/scanner/templates.test.ts`.
   */
  readonly samples: Samples;
}

/**
 * CloudFormation resource attributes that decide what happens to a resource when the stack deletes or
 * replaces it. `Delete` on a KMS key schedules its deletion; on a Secrets Manager secret it deletes the
 * secret and its versions.
 */
const cfnDeletionPolicies = ['DeletionPolicy', 'UpdateReplacePolicy'] as const;

const cfnKeyExemptions: readonly Exemption[] = [
  ...awsKeySpecExemptions('KeySpec', 'KeyUsage'),
  { property: 'Origin', values: awsExternalOrigins, reason: 'external' },
];

const tfAwsKeyExemptions = (keySpec: string, custom: boolean): Exemption[] => [
  ...awsKeySpecExemptions(keySpec, 'key_usage'),
  ...(custom
    ? [
        { property: 'custom_key_store_id', reason: 'custom-key-store' as const },
        { property: 'xks_key_id', reason: 'custom-key-store' as const },
      ]
    : [{ property: 'origin', values: awsExternalOrigins, reason: 'external' as const }]),
];

const cfnHeader = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n";

/** A Terraform AWS KMS key resource: rotation flag and period, key spec exemptions, deletion window. */
const tfAwsKmsKey = (
  type: string,
  keySpec: string,
  window: string,
  customKeyStore: boolean,
  samples: Samples,
): TemplateKeyResource => ({
  id: `terraform.${type}`,
  title: `Terraform ${type}`,
  format: 'terraform',
  type,
  enable: 'enable_key_rotation',
  period: awsPeriod('rotation_period_in_days', 'days'),
  exemptions: tfAwsKeyExemptions(keySpec, customKeyStore),
  deletionWindow: { property: window, unit: 'days' },
  fix: { property: 'enable_key_rotation', value: 'true' },
  samples,
});

export const templateKeyResources: readonly TemplateKeyResource[] = [
  {
    id: 'cloudformation.AWS::KMS::Key',
    title: 'CloudFormation AWS::KMS::Key',
    format: 'cloudformation',
    type: 'AWS::KMS::Key',
    enable: 'EnableKeyRotation',
    period: awsPeriod('RotationPeriodInDays', 'days'),
    exemptions: cfnKeyExemptions,
    deletionWindow: { property: 'PendingWindowInDays', unit: 'days' },
    deletionPolicies: cfnDeletionPolicies,
    fix: { property: 'EnableKeyRotation', value: 'true' },
    samples: {
      positive: [
        `${cfnHeader}  DataKey:\n    Type: AWS::KMS::Key\n    Properties:\n      Description: orders\n`,
        `${cfnHeader}  DataKey:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: false\n`,
        `${cfnHeader}  DataKey:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: ` +
          `true\n      RotationPeriodInDays: 3650\n`,
        `${cfnHeader}  DataKey:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: ` +
          `true\n      PendingWindowInDays: 7\n`,
        `${cfnHeader}  DataKey:\n    Type: AWS::KMS::Key\n    DeletionPolicy: Delete\n    ` +
          `Properties:\n      EnableKeyRotation: true\n`,
      ],
      negative: [
        `${cfnHeader}  DataKey:\n    Type: AWS::KMS::Key\n    DeletionPolicy: Retain\n    ` +
          `Properties:\n      EnableKeyRotation: true\n      PendingWindowInDays: 30\n`,
        `${cfnHeader}  SignKey:\n    Type: AWS::KMS::Key\n    Properties:\n      KeySpec: ` +
          `ECC_NIST_P256\n      KeyUsage: SIGN_VERIFY\n`,
        `${cfnHeader}  MacKey:\n    Type: AWS::KMS::Key\n    Properties:\n      KeySpec: HMAC_256\n      ` +
          `KeyUsage: GENERATE_VERIFY_MAC\n`,
        `${cfnHeader}  Imported:\n    Type: AWS::KMS::Key\n    Properties:\n      Origin: EXTERNAL\n`,
        `${cfnHeader}  DataKey:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: !Ref RotateKeys\n`,
      ],
    },
  },
  {
    id: 'cloudformation.AWS::KMS::ReplicaKey',
    title: 'CloudFormation AWS::KMS::ReplicaKey',
    format: 'cloudformation',
    type: 'AWS::KMS::ReplicaKey',
    // A replica shares the primary key's material and rotation: only its deletion is its own.
    exemptions: [],
    deletionWindow: { property: 'PendingWindowInDays', unit: 'days' },
    deletionPolicies: cfnDeletionPolicies,
    samples: {
      positive: [
        `${cfnHeader}  Replica:\n    Type: AWS::KMS::ReplicaKey\n    Properties:\n      PrimaryKeyArn: ` +
          `!Ref PrimaryArn\n      PendingWindowInDays: 7\n`,
      ],
      negative: [
        `${cfnHeader}  Replica:\n    Type: AWS::KMS::ReplicaKey\n    Properties:\n      PrimaryKeyArn: ` +
          `!Ref PrimaryArn\n`,
      ],
    },
  },
  {
    id: 'cloudformation.AWS::SecretsManager::Secret',
    title: 'CloudFormation AWS::SecretsManager::Secret',
    format: 'cloudformation',
    type: 'AWS::SecretsManager::Secret',
    exemptions: [],
    deletionPolicies: cfnDeletionPolicies,
    samples: {
      positive: [
        `${cfnHeader}  DbSecret:\n    Type: AWS::SecretsManager::Secret\n    UpdateReplacePolicy: ` +
          `Delete\n    Properties:\n      GenerateSecretString:\n        PasswordLength: 32\n`,
      ],
      negative: [
        `${cfnHeader}  DbSecret:\n    Type: AWS::SecretsManager::Secret\n    DeletionPolicy: Retain\n    ` +
          `Properties:\n      GenerateSecretString:\n        PasswordLength: 32\n`,
        `${cfnHeader}  Logs:\n    Type: AWS::Logs::LogGroup\n    DeletionPolicy: Delete\n`,
      ],
    },
  },
  tfAwsKmsKey('aws_kms_key', 'customer_master_key_spec', 'deletion_window_in_days', true, {
    positive: [
      'resource "aws_kms_key" "data" {\n  description = "orders"\n}\n',
      'resource "aws_kms_key" "data" {\n  enable_key_rotation = false\n}\n',
      'resource "aws_kms_key" "data" {\n  enable_key_rotation     = true\n  rotation_period_in_days = 4000\n}\n',
      'resource "aws_kms_key" "data" {\n  enable_key_rotation     = true\n  deletion_window_in_days = 7\n}\n',
    ],
    negative: [
      'resource "aws_kms_key" "data" {\n  enable_key_rotation     = true\n  deletion_window_in_days = 30\n}\n',
      'resource "aws_kms_key" "sign" {\n  customer_master_key_spec = "RSA_4096"\n  ' +
        'key_usage                = "SIGN_VERIFY"\n}\n',
      'resource "aws_kms_key" "hsm" {\n  custom_key_store_id = aws_kms_custom_key_store.hsm.id\n}\n',
      'resource "aws_kms_key" "data" {\n  enable_key_rotation = var.rotate\n}\n',
      'data "aws_kms_key" "existing" {\n  key_id = "alias/orders"\n}\n',
    ],
  }),
  // The AWS Cloud Control provider: CloudFormation's property names in snake case.
  tfAwsKmsKey('awscc_kms_key', 'key_spec', 'pending_window_in_days', false, {
    positive: ['resource "awscc_kms_key" "data" {\n  pending_window_in_days = 30\n}\n'],
    negative: [
      'resource "awscc_kms_key" "data" {\n  enable_key_rotation    = true\n  pending_window_in_days = 30\n}\n',
      'resource "awscc_kms_key" "sign" {\n  key_spec  = "ECC_NIST_P384"\n  key_usage = "SIGN_VERIFY"\n}\n',
    ],
  }),
  ...(['aws_kms_external_key', 'aws_kms_replica_key', 'aws_kms_replica_external_key'] as const).map(
    (type): TemplateKeyResource => ({
      id: `terraform.${type}`,
      title: `Terraform ${type}`,
      format: 'terraform',
      type,
      // Imported material cannot rotate automatically; a replica rotates with its primary.
      exemptions: [],
      deletionWindow: { property: 'deletion_window_in_days', unit: 'days' },
      samples: {
        positive: [`resource "${type}" "k" {\n  deletion_window_in_days = 7\n}\n`],
        negative: [`resource "${type}" "k" {\n  description = "replica"\n}\n`],
      },
    }),
  ),
  {
    id: 'terraform.aws_secretsmanager_secret',
    title: 'Terraform aws_secretsmanager_secret',
    format: 'terraform',
    type: 'aws_secretsmanager_secret',
    exemptions: [],
    // 0 deletes the secret at once, without recovery.
    deletionWindow: { property: 'recovery_window_in_days', unit: 'days' },
    samples: {
      positive: [
        'resource "aws_secretsmanager_secret" "db" {\n  name                    = "db"\n  ' +
          'recovery_window_in_days = 0\n}\n',
      ],
      negative: ['resource "aws_secretsmanager_secret" "db" {\n  name = "db"\n}\n'],
    },
  },
  {
    // The Terraform form of Pulumi's azure.keyvault.Key above: rotation lives in a `rotation_policy` block.
    id: 'terraform.azurerm_key_vault_key',
    title: 'Terraform azurerm_key_vault_key',
    format: 'terraform',
    type: 'azurerm_key_vault_key',
    requireOneOf: ['rotation_policy'],
    exemptions: [],
    fix: { property: 'rotation_policy', value: '{ expire_after = "P90D" }' },
    samples: {
      positive: [
        'resource "azurerm_key_vault_key" "cmk" {\n  name         = "cmk"\n  key_vault_id = var.vault_id\n  ' +
          'key_type     = "RSA"\n  key_size     = 3072\n  key_opts     = ["wrapKey", "unwrapKey"]\n}\n',
      ],
      negative: [
        'resource "azurerm_key_vault_key" "cmk" {\n  name         = "cmk"\n  key_vault_id = var.vault_id\n  ' +
          'key_type     = "RSA"\n  key_size     = 3072\n  key_opts     = ["wrapKey", "unwrapKey"]\n\n  ' +
          'rotation_policy {\n    automatic {\n      time_before_expiry = "P30D"\n    }\n    ' +
          'expire_after = "P90D"\n  }\n}\n',
      ],
    },
  },
  {
    id: 'terraform.google_kms_crypto_key',
    title: 'Terraform google_kms_crypto_key',
    format: 'terraform',
    type: 'google_kms_crypto_key',
    period: gcpPeriod('rotation_period', 'duration-string'),
    requireOneOf: ['rotation_period'],
    exemptions: gcpExemptions('version_template.protection_level').map((e) =>
      e.property === 'importOnly' ? { ...e, property: 'import_only' } : e,
    ),
    deletionWindow: { property: 'destroy_scheduled_duration', unit: 'gcp-duration' },
    fix: { property: 'rotation_period', value: `"${gcpSuggestedPeriodSeconds}s"` },
    samples: {
      positive: [
        'resource "google_kms_crypto_key" "data" {\n  name     = "data"\n  key_ring = google_kms_key_ring.ring.id\n}\n',
        'resource "google_kms_crypto_key" "data" {\n  name            = "data"\n  key_ring        = ' +
          'google_kms_key_ring.ring.id\n  rotation_period = "31536000s"\n}\n',
        'resource "google_kms_crypto_key" "data" {\n  rotation_period            = "7776000s"\n  ' +
          'destroy_scheduled_duration = "86400s"\n}\n',
      ],
      negative: [
        'resource "google_kms_crypto_key" "data" {\n  name            = "data"\n  key_ring        = ' +
          'google_kms_key_ring.ring.id\n  rotation_period = "7776000s"\n}\n',
        'resource "google_kms_crypto_key" "sign" {\n  purpose = "ASYMMETRIC_SIGN"\n  version_template ' +
          '{\n    algorithm = "EC_SIGN_P256_SHA256"\n  }\n}\n',
        'resource "google_kms_crypto_key" "ekm" {\n  version_template {\n    algorithm        = ' +
          '"EXTERNAL_SYMMETRIC_ENCRYPTION"\n    protection_level = "EXTERNAL"\n  }\n}\n',
        'resource "google_kms_crypto_key" "data" {\n  rotation_period = local.kms_rotation\n}\n',
      ],
    },
  },
  {
    // Azure Key Vault soft delete keeps a deleted vault, and the keys, secrets and certificates deleted from it, for
    // 7 to 90 days (default 90), set once when the vault is made: a short retention is the vault's recovery window.
    id: 'terraform.azurerm_key_vault',
    title: 'Terraform azurerm_key_vault',
    format: 'terraform',
    type: 'azurerm_key_vault',
    noun: 'Key Vault',
    exemptions: [],
    deletionWindow: { property: 'soft_delete_retention_days', unit: 'days', serviceDefaultDays: 90 },
    samples: {
      positive: [
        'resource "azurerm_key_vault" "kv" {\n  name                       = "kv"\n  sku_name                   = ' +
          '"premium"\n  soft_delete_retention_days = 7\n}\n',
      ],
      negative: [
        'resource "azurerm_key_vault" "kv" {\n  name     = "kv"\n  sku_name = "premium"\n}\n',
        'resource "azurerm_key_vault" "kv" {\n  soft_delete_retention_days = 90\n  purge_protection_enabled   = ' +
          'true\n}\n',
        'resource "azurerm_key_vault" "kv" {\n  soft_delete_retention_days = var.retention\n}\n',
      ],
    },
  },
  {
    // HashiCorp Vault's transit engine: a named key rotates itself only with `auto_rotate_period` (seconds; the
    // provider's default 0 turns it off), https://registry.terraform.io/providers/hashicorp/vault (transit key).
    id: 'terraform.vault_transit_secret_backend_key',
    title: 'Terraform vault_transit_secret_backend_key',
    format: 'terraform',
    type: 'vault_transit_secret_backend_key',
    requireOneOf: ['auto_rotate_period'],
    exemptions: [],
    fix: { property: 'auto_rotate_period', value: String(gcpSuggestedPeriodSeconds) },
    samples: {
      positive: [
        'resource "vault_transit_secret_backend_key" "app" {\n  backend = "transit"\n' + '  name    = "app"\n}\n',
      ],
      negative: [
        'resource "vault_transit_secret_backend_key" "app" {\n  backend            = "transit"\n' +
          '  name               = "app"\n  auto_rotate_period = 7776000\n}\n',
      ],
    },
  },
];

/** Made-up secret values for the samples below, built when the module loads (no key-shaped literal here). */
const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
const made = (seed: number): string =>
  Array.from({ length: 24 }, (_, i) => ALNUM[(seed * 29 + i * 17 + ((i * i) % 7)) % ALNUM.length]).join('');

/**
 * Terraform resources whose attribute is the value a secret store keeps: whatever is written there as a literal is
 * a committed secret (and lands in the state file), whatever the keys inside it are called. Read by the audit's text
 * pass (src/scanner/detect/text.ts) through `secretPayloads` of the Terraform reader.
 */
export const templateSecretPayloads: readonly {
  readonly type: string;
  readonly attributes: readonly string[];
  readonly samples: Samples;
}[] = [
  {
    type: 'aws_secretsmanager_secret_version',
    attributes: ['secret_string'],
    samples: {
      positive: [
        'resource "aws_secretsmanager_secret_version" "partner" {\n  secret_id     = aws_secretsmanager_secret.p.id\n' +
          `  secret_string = jsonencode({ client_id = "partner", client_secret = "${made(1)}" })\n}\n`,
      ],
      negative: [
        'resource "aws_secretsmanager_secret_version" "db" {\n  secret_id     = aws_secretsmanager_secret.db.id\n' +
          '  secret_string = random_password.db.result\n}\n',
      ],
    },
  },
  {
    type: 'azurerm_key_vault_secret',
    attributes: ['value'],
    samples: {
      positive: [
        'resource "azurerm_key_vault_secret" "maps" {\n  name         = "maps-key"\n  key_vault_id = ' +
          `azurerm_key_vault.kv.id\n  value        = "${made(2)}"\n}\n`,
      ],
      negative: ['resource "azurerm_key_vault_secret" "maps" {\n  name  = "maps-key"\n  value = var.maps_key\n}\n'],
    },
  },
  {
    type: 'google_secret_manager_secret_version',
    attributes: ['secret_data'],
    samples: {
      positive: [
        'resource "google_secret_manager_secret_version" "v" {\n  secret      = google_secret_manager_secret.s.id\n' +
          `  secret_data = "${made(3)}"\n}\n`,
      ],
      negative: [
        'resource "google_secret_manager_secret_version" "v" {\n  secret_data = data.external.token.result.v\n}\n',
      ],
    },
  },
  {
    type: 'vault_kv_secret_v2',
    attributes: ['data_json'],
    samples: {
      positive: [
        'resource "vault_kv_secret_v2" "app" {\n  mount     = "kv"\n  name      = "app"\n  data_json = jsonencode({ ' +
          `api_token = "${made(5)}" })\n}\n`,
      ],
      negative: ['resource "vault_kv_secret_v2" "app" {\n  data_json = jsonencode({ region = "eu-west-1" })\n}\n'],
    },
  },
  {
    type: 'kubernetes_secret',
    attributes: ['data', 'string_data'],
    samples: {
      positive: [
        'resource "kubernetes_secret" "api" {\n  metadata {\n    name = "api"\n  }\n  data = {\n    apiKey = ' +
          `"${made(4)}"\n  }\n}\n`,
      ],
      negative: ['resource "kubernetes_secret" "api" {\n  data = {\n    apiKey = var.api_key\n  }\n}\n'],
    },
  },
];

/**
 * Calls that mint a data key under a KMS key (envelope encryption): the response holds a fresh plaintext key. A
 * data key made once and kept for every later encryption, with nothing bounding its age, is a long-lived key that
 * nothing rotates: the KMS key's rotation never reaches it. AWS's guidance is a fresh data key per object, or a
 * cache that caps each key's age and use (the AWS Encryption SDK's caching materials manager: `maxAge`,
 * `maxMessagesEncrypted`). Read by `src/rule-kit/data-key-caches.ts`.
 */
export const dataKeyGenerators: {
  readonly title: string;
  readonly match: readonly CallMatch[];
  /** A read of the clock: a cache that compares one with a stored time bounds its keys' age. */
  readonly clockReads: readonly string[];
  readonly samples: Samples;
} = {
  title: 'KMS GenerateDataKey',
  match: [
    { modules: ['@aws-sdk/client-kms'], callee: 'new GenerateDataKeyCommand' },
    { modules: ['@aws-sdk/client-kms'], callee: 'new KMS().generateDataKey' },
    { modules: awsSdkV2Kms, callee: 'new KMS().generateDataKey' },
  ],
  clockReads: ['Date.now', 'performance.now', 'getTime', 'valueOf', 'hrtime', 'new Date'],
  samples: {
    positive: [
      "import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms'; class V { kms = new KMSClient({}); " +
        'dk?: Uint8Array; async key() { if (!this.dk) { const o = await this.kms.send(new ' +
        "GenerateDataKeyCommand({ KeyId: 'alias/a', KeySpec: 'AES_256' })); this.dk = o.Plaintext; } return " +
        'this.dk; } }',
      "const AWS = require('aws-sdk'); const kms = new AWS.KMS(); const keys = new Map(); async function keyFor(t) " +
        "{ const hit = keys.get(t); if (hit) return hit; const o = await kms.generateDataKey({ KeyId: 'k', " +
        "KeySpec: 'AES_256' }).promise(); keys.set(t, o.Plaintext); return o.Plaintext; }",
    ],
    negative: [
      "import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms'; const kms = new KMSClient({}); " +
        "export async function seal() { const o = await kms.send(new GenerateDataKeyCommand({ KeyId: 'k', " +
        "KeySpec: 'AES_256' })); return o; }",
      "import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms'; class V { kms = new KMSClient({}); " +
        'dk?: { k: Uint8Array; at: number }; async key() { if (!this.dk || Date.now() - this.dk.at > 3600000) { ' +
        "const o = await this.kms.send(new GenerateDataKeyCommand({ KeyId: 'k', KeySpec: 'AES_256' })); this.dk = " +
        '{ k: o.Plaintext!, at: Date.now() }; } return this.dk.k; } }',
    ],
  },
};
