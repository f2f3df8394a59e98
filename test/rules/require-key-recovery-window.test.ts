import rule from '../../rules/require-key-recovery-window.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('require-key-recovery-window', rule, {
  valid: [
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
      // a team that accepts 14 days says so
      code: "import { ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';\nnew ScheduleKeyDeletionCommand({ KeyId: id, PendingWindowInDays: 14 });",
      filename: 'src/a.ts',
      options: [{ minRecoveryDays: 14 }],
    },
  ],
  invalid: [
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
  ],
});
