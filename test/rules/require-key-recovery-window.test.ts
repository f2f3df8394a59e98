import rule from '../../rules/require-key-recovery-window.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('require-key-recovery-window', rule, {
  valid: [
    {
      // a key that only encrypts an emptied, destroyed bucket; grants on it encrypt nothing
      code: "import { RemovalPolicy, Stack } from 'aws-cdk-lib';\nimport { Key } from 'aws-cdk-lib/aws-kms';\nimport { Bucket } from 'aws-cdk-lib/aws-s3';\nexport class P extends Stack {\n  constructor(scope: any, id: string, role: any) {\n    super(scope, id);\n    const artifactKey = new Key(this, 'K', { removalPolicy: RemovalPolicy.DESTROY, enableKeyRotation: true });\n    new Bucket(this, 'B', { encryptionKey: artifactKey, removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true });\n    artifactKey.grantEncryptDecrypt(role);\n  }\n}\n",
      filename: 'src/pipeline-stack.ts',
    },
    // DESTROY on a Secrets Manager secret is reported since session 23 (CloudFormation force-deletes secrets):
    // require-key-recovery-window.apis.test.ts.
    {
      // a key that only encrypts a bucket emptied and destroyed with it
      code: "import { RemovalPolicy, Stack } from 'aws-cdk-lib';\nimport * as kms from 'aws-cdk-lib/aws-kms';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\nexport class PipeStack extends Stack {\n  constructor(scope: any, id: string) {\n    super(scope, id);\n    const artifactKey = new kms.Key(this, 'ArtifactKey', { enableKeyRotation: true, removalPolicy: RemovalPolicy.DESTROY });\n    new s3.Bucket(this, 'Artifacts', { encryptionKey: artifactKey, removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true });\n  }\n}\n",
      filename: 'src/r06-cdk-key-bucket-destroyed.ts',
    },
    // the test-file policy: the same code in a spec is not reported
    {
      code: "import { ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';\nawait kms.send(new ScheduleKeyDeletionCommand({ KeyId: id, PendingWindowInDays: 7 }));",
      filename: 'test/require-key-recovery-window.spec.ts',
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
      // two weeks or more is a deliberate window under the default (recommended) minimum of 14 days
      code: "import { ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';\nnew ScheduleKeyDeletionCommand({ KeyId: id, PendingWindowInDays: 14 });",
      filename: 'src/a.ts',
    },
    {
      code: "import * as aws from '@pulumi/aws';\nimport { Duration } from 'aws-cdk-lib';\nimport * as kms from 'aws-cdk-lib/aws-kms';\nnew aws.kms.Key('queue', { enableKeyRotation: true, deletionWindowInDays: 21 });\nnew kms.Key(this, 'Q', { enableKeyRotation: true, pendingWindow: Duration.days(14) });\nnew aws.secretsmanager.Secret('s', { recoveryWindowInDays: 20 });",
      filename: 'src/infra.ts',
    },
    {
      // a team that accepts 10 days says so
      code: "import { ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';\nnew ScheduleKeyDeletionCommand({ KeyId: id, PendingWindowInDays: 10 });",
      filename: 'src/a.ts',
      options: [{ minRecoveryDays: 10 }],
    },
  ],
  invalid: [
    {
      // Pulumi secret with recoveryWindowInDays 0
      code: "import * as aws from '@pulumi/aws';\nexport const dbPassword = new aws.secretsmanager.Secret('db', { recoveryWindowInDays: 0 });\n",
      filename: 'src/d20-pulumi-secret.ts',
      errors: [
        {
          messageId: 'shortWindow',
          suggestions: [
            {
              messageId: 'useWindow',
              output:
                "import * as aws from '@pulumi/aws';\nexport const dbPassword = new aws.secretsmanager.Secret('db', { recoveryWindowInDays: 30 });\n",
            },
          ],
          line: 2,
          column: 87,
          endLine: 2,
          endColumn: 88,
        },
      ],
    },
    {
      // ScheduleKeyDeletion with 7 days
      code: "import { KMSClient, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';\nconst kms = new KMSClient({});\nexport const retire = (id: string) => kms.send(new ScheduleKeyDeletionCommand({ KeyId: id, PendingWindowInDays: 7 }));\n",
      filename: 'src/r01-schedule-7.ts',
      errors: [
        {
          messageId: 'shortWindow',
          suggestions: [
            {
              messageId: 'useWindow',
              output:
                "import { KMSClient, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';\nconst kms = new KMSClient({});\nexport const retire = (id: string) => kms.send(new ScheduleKeyDeletionCommand({ KeyId: id, PendingWindowInDays: 30 }));\n",
            },
          ],
          line: 3,
          column: 113,
          endLine: 3,
          endColumn: 114,
        },
      ],
    },
    {
      // DeleteSecret with ForceDeleteWithoutRecovery
      code: "import { SecretsManagerClient, DeleteSecretCommand } from '@aws-sdk/client-secrets-manager';\nconst sm = new SecretsManagerClient({});\nexport async function purge(name: string) {\n  await sm.send(new DeleteSecretCommand({ SecretId: name, ForceDeleteWithoutRecovery: true }));\n}\n",
      filename: 'src/r02-secret-force.ts',
      errors: [
        {
          messageId: 'forceDelete',
          suggestions: [
            {
              messageId: 'useRecoveryWindow',
              output:
                "import { SecretsManagerClient, DeleteSecretCommand } from '@aws-sdk/client-secrets-manager';\nconst sm = new SecretsManagerClient({});\nexport async function purge(name: string) {\n  await sm.send(new DeleteSecretCommand({ SecretId: name, RecoveryWindowInDays: 30 }));\n}\n",
            },
          ],
          line: 4,
          column: 59,
          endLine: 4,
          endColumn: 91,
        },
      ],
    },
    {
      // RemovalPolicy.DESTROY on a CDK key
      code: "import { RemovalPolicy, Stack } from 'aws-cdk-lib';\nimport * as kms from 'aws-cdk-lib/aws-kms';\nexport class DataStack extends Stack {\n  constructor(scope: any, id: string) {\n    super(scope, id);\n    new kms.Key(this, 'DataKey', {\n      enableKeyRotation: true,\n      removalPolicy: RemovalPolicy.DESTROY,\n    });\n  }\n}\n",
      filename: 'src/r03-cdk-key-destroy.ts',
      errors: [
        {
          messageId: 'destroyPolicy',
          suggestions: [
            {
              messageId: 'useRetain',
              output:
                "import { RemovalPolicy, Stack } from 'aws-cdk-lib';\nimport * as kms from 'aws-cdk-lib/aws-kms';\nexport class DataStack extends Stack {\n  constructor(scope: any, id: string) {\n    super(scope, id);\n    new kms.Key(this, 'DataKey', {\n      enableKeyRotation: true,\n      removalPolicy: RemovalPolicy.RETAIN,\n    });\n  }\n}\n",
            },
          ],
          line: 8,
          column: 22,
          endLine: 8,
          endColumn: 43,
        },
      ],
    },
    {
      // Pulumi KMS key with a 7-day window
      code: "import * as aws from '@pulumi/aws';\nexport const key = new aws.kms.Key('app', {\n  enableKeyRotation: true, deletionWindowInDays: 7,\n});\n",
      filename: 'src/r05-pulumi-window.ts',
      errors: [
        {
          messageId: 'shortWindow',
          suggestions: [
            {
              messageId: 'useWindow',
              output:
                "import * as aws from '@pulumi/aws';\nexport const key = new aws.kms.Key('app', {\n  enableKeyRotation: true, deletionWindowInDays: 30,\n});\n",
            },
          ],
          line: 3,
          column: 50,
          endLine: 3,
          endColumn: 51,
        },
      ],
    },
    {
      // applyRemovalPolicy(DESTROY) on a key
      code: "import { RemovalPolicy, Stack } from 'aws-cdk-lib';\nimport { Key } from 'aws-cdk-lib/aws-kms';\nexport class S extends Stack {\n  constructor(scope: any, id: string) {\n    super(scope, id);\n    const key = new Key(this, 'K', { enableKeyRotation: true });\n    key.applyRemovalPolicy(RemovalPolicy.DESTROY);\n  }\n}\n",
      filename: 'src/r07-cdk-apply-destroy.ts',
      errors: [
        {
          messageId: 'destroyPolicy',
          suggestions: [
            {
              messageId: 'useRetain',
              output:
                "import { RemovalPolicy, Stack } from 'aws-cdk-lib';\nimport { Key } from 'aws-cdk-lib/aws-kms';\nexport class S extends Stack {\n  constructor(scope: any, id: string) {\n    super(scope, id);\n    const key = new Key(this, 'K', { enableKeyRotation: true });\n    key.applyRemovalPolicy(RemovalPolicy.RETAIN);\n  }\n}\n",
            },
          ],
          line: 7,
          column: 28,
          endLine: 7,
          endColumn: 49,
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
          endLine: 2,
          endColumn: 82,
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
          endLine: 3,
          endColumn: 60,
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
          endLine: 2,
          endColumn: 88,
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
          endLine: 3,
          endColumn: 79,
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
          endLine: 3,
          endColumn: 63,
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
          endLine: 3,
          endColumn: 101,
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
      code: "import * as cdk from 'aws-cdk-lib';\nimport { aws_kms as kms, aws_secretsmanager as sm } from 'aws-cdk-lib';\nconst key = new kms.Key(this, 'K');\nkey.applyRemovalPolicy(cdk.RemovalPolicy.DESTROY);\nnew kms.CfnKey(this, 'Raw', { keyPolicy: {}, pendingWindowInDays: 7 });",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'destroyPolicy',
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useRetain',
              output:
                "import * as cdk from 'aws-cdk-lib';\nimport { aws_kms as kms, aws_secretsmanager as sm } from 'aws-cdk-lib';\nconst key = new kms.Key(this, 'K');\nkey.applyRemovalPolicy(cdk.RemovalPolicy.RETAIN);\nnew kms.CfnKey(this, 'Raw', { keyPolicy: {}, pendingWindowInDays: 7 });",
            },
          ],
        },
        {
          messageId: 'shortWindow',
          line: 5,
          column: 67,
          endLine: 5,
          endColumn: 68,
          suggestions: [
            {
              messageId: 'useWindow',
              output:
                "import * as cdk from 'aws-cdk-lib';\nimport { aws_kms as kms, aws_secretsmanager as sm } from 'aws-cdk-lib';\nconst key = new kms.Key(this, 'K');\nkey.applyRemovalPolicy(cdk.RemovalPolicy.DESTROY);\nnew kms.CfnKey(this, 'Raw', { keyPolicy: {}, pendingWindowInDays: 30 });",
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
          endLine: 3,
          endColumn: 48,
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
          endLine: 4,
          endColumn: 82,
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
          endLine: 3,
          endColumn: 143,
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
          endLine: 2,
          endColumn: 48,
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
      // strict's minimum (the services' default, 30 days) reports a 14-day window
      code: "import { ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';\nnew ScheduleKeyDeletionCommand({ KeyId: id, PendingWindowInDays: 14 });",
      filename: 'src/a.ts',
      options: [{ minRecoveryDays: 30 }],
      errors: [
        {
          messageId: 'shortWindow',
          line: 2,
          column: 66,
          endLine: 2,
          endColumn: 68,
          suggestions: [
            {
              messageId: 'useWindow',
              output:
                "import { ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';\nnew ScheduleKeyDeletionCommand({ KeyId: id, PendingWindowInDays: 30 });",
            },
          ],
        },
      ],
    },
  ],
});
