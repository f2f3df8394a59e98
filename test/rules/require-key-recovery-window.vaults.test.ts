/**
 * require-key-recovery-window (session 25, branch rule9del): an Azure Key Vault's soft-delete retention is the
 * recovery window of every key, secret and certificate deleted from it (7 to 90 days, fixed when the vault is
 * made), read like the KMS windows in Pulumi (azure-native and classic) and CDKTF; and a window written as a
 * module constant is read through the constant. Near misses: the default or a long retention, a retention from
 * a variable, other Key Vault resources, a constant that is long enough.
 */
import rule from '../../rules/require-key-recovery-window.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('require-key-recovery-window (Key Vault retention, constant windows)', rule, {
  valid: [
    {
      // the service default (90 days) and an explicit long retention
      code: [
        "import * as azure from '@pulumi/azure-native';",
        "new azure.keyvault.Vault('ops', { resourceGroupName: 'rg', properties: { tenantId: t, sku } });",
        "new azure.keyvault.Vault('dr', { resourceGroupName: 'rg', properties: { softDeleteRetentionInDays: 60 } });",
      ].join('\n'),
      filename: 'infra/vaults.ts',
    },
    {
      // a retention read from stack configuration is not known here
      code: [
        "import * as keyvault from '@pulumi/azure-native/keyvault';",
        'declare const cfg: { requireNumber(k: string): number };',
        "new keyvault.Vault('kv', { properties: { softDeleteRetentionInDays: cfg.requireNumber('retention') } });",
      ].join('\n'),
      filename: 'infra/kv.ts',
    },
    {
      // keys and secrets in a vault carry no retention of their own
      code: [
        "import * as azure from '@pulumi/azure';",
        "new azure.keyvault.Key('cmk', { keyVaultId: kv.id, keyType: 'RSA', keySize: 3072, keyOpts: ['wrapKey'] });",
        "new azure.keyvault.KeyVault('kv', { skuName: 'premium', softDeleteRetentionDays: 30 });",
      ].join('\n'),
      filename: 'infra/classic.ts',
    },
    {
      // a module constant long enough, and a constant that is not a number
      code: [
        "import { KMSClient, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';",
        'const RETIRE_AFTER_DAYS = 30;',
        'const kms = new KMSClient({});',
        'export const retire = (id: string) =>',
        '  kms.send(new ScheduleKeyDeletionCommand({ KeyId: id, PendingWindowInDays: RETIRE_AFTER_DAYS }));',
      ].join('\n'),
      filename: 'tools/retire.ts',
    },
  ],
  invalid: [
    {
      code: [
        "import * as azure from '@pulumi/azure-native';",
        "export const vault = new azure.keyvault.Vault('payments', {",
        "  resourceGroupName: 'rg',",
        '  properties: { enableSoftDelete: true, softDeleteRetentionInDays: 7 },',
        '});',
      ].join('\n'),
      filename: 'infra/payments.ts',
      errors: [
        {
          messageId: 'shortWindow',
          line: 4,
          column: 68,
          endLine: 4,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'useWindow',
              output: [
                "import * as azure from '@pulumi/azure-native';",
                "export const vault = new azure.keyvault.Vault('payments', {",
                "  resourceGroupName: 'rg',",
                '  properties: { enableSoftDelete: true, softDeleteRetentionInDays: 30 },',
                '});',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // the classic provider and CDKTF name the property softDeleteRetentionDays
      code: [
        "import * as azure from '@pulumi/azure';",
        "import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';",
        "new azure.keyvault.KeyVault('kv', { skuName: 'standard', softDeleteRetentionDays: 10 });",
        "new KeyVault(this, 'tenant', { name: 'tenant-kv', softDeleteRetentionDays: 7 });",
      ].join('\n'),
      filename: 'infra/kv.ts',
      errors: [
        {
          messageId: 'shortWindow',
          line: 3,
          column: 83,
          endLine: 3,
          endColumn: 85,
          suggestions: [
            {
              messageId: 'useWindow',
              output: [
                "import * as azure from '@pulumi/azure';",
                "import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';",
                "new azure.keyvault.KeyVault('kv', { skuName: 'standard', softDeleteRetentionDays: 30 });",
                "new KeyVault(this, 'tenant', { name: 'tenant-kv', softDeleteRetentionDays: 7 });",
              ].join('\n'),
            },
          ],
        },
        {
          messageId: 'shortWindow',
          line: 4,
          column: 76,
          endLine: 4,
          endColumn: 77,
          suggestions: [
            {
              messageId: 'useWindow',
              output: [
                "import * as azure from '@pulumi/azure';",
                "import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';",
                "new azure.keyvault.KeyVault('kv', { skuName: 'standard', softDeleteRetentionDays: 10 });",
                "new KeyVault(this, 'tenant', { name: 'tenant-kv', softDeleteRetentionDays: 30 });",
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // a KMS window held in a module constant (the v2 SDK here)
      code: [
        "const AWS = require('aws-sdk');",
        'const kms = new AWS.KMS();',
        'const GRACE = 7;',
        'async function drop(keyId) {',
        '  await kms.scheduleKeyDeletion({ KeyId: keyId, PendingWindowInDays: GRACE }).promise();',
        '}',
      ].join('\n'),
      filename: 'scripts/drop.js',
      errors: [
        {
          messageId: 'shortWindow',
          line: 5,
          column: 70,
          endLine: 5,
          endColumn: 75,
          suggestions: [
            {
              messageId: 'useWindow',
              output: [
                "const AWS = require('aws-sdk');",
                'const kms = new AWS.KMS();',
                'const GRACE = 7;',
                'async function drop(keyId) {',
                '  await kms.scheduleKeyDeletion({ KeyId: keyId, PendingWindowInDays: 30 }).promise();',
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // a Cloud KMS destroy delay in a constant string, inside the request's cryptoKey
      code: [
        "import { KeyManagementServiceClient } from '@google-cloud/kms';",
        "const ONE_DAY = '86400s';",
        'const client = new KeyManagementServiceClient();',
        'await client.createCryptoKey({ parent, cryptoKeyId: id, cryptoKey: { destroyScheduledDuration: ONE_DAY } });',
      ].join('\n'),
      filename: 'tools/keys.ts',
      errors: [
        {
          messageId: 'shortWindow',
          line: 4,
          column: 96,
          endLine: 4,
          endColumn: 103,
          suggestions: [
            {
              messageId: 'useWindow',
              output: [
                "import { KeyManagementServiceClient } from '@google-cloud/kms';",
                "const ONE_DAY = '86400s';",
                'const client = new KeyManagementServiceClient();',
                'await client.createCryptoKey({ parent, cryptoKeyId: id, cryptoKey: { destroyScheduledDuration: ' +
                  "'2592000s' } });",
              ].join('\n'),
            },
          ],
        },
      ],
    },
  ],
});
