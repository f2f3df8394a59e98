/**
 * require-key-recovery-window on Azure Key Vault (issue 11, session 25): the soft-delete retention of a vault
 * (7 to 90 days, default 90) is the recovery window of every key and secret in it. Pulumi azure-native (under
 * `properties`), the classic Pulumi Azure provider and CDKTF; the Terraform form is a template resource
 * (catalogue `templateKeyResources`, proved by test/scanner/templates.test.ts). Near misses: 90 days, no setting.
 */
import rule from '../../rules/require-key-recovery-window.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('require-key-recovery-window (Azure Key Vault)', rule, {
  valid: [
    {
      // 90 days (the service default), and no setting
      code: "import * as native from '@pulumi/azure-native';\nimport * as classic from '@pulumi/azure';\n\nexport const ledgerVault = new native.keyvault.Vault('ledger-kv', {\n  resourceGroupName: 'ledger-rg',\n  properties: { tenantId: 'tenant', sku: { family: 'A', name: 'premium' }, softDeleteRetentionInDays: 90 },\n});\n\nexport const legacyVault = new classic.keyvault.KeyVault('legacy-kv', {\n  resourceGroupName: 'legacy-rg',\n  skuName: 'standard',\n  tenantId: 'tenant',\n});\n",
      filename: 'infra/vaults-ok.ts',
    },
  ],
  invalid: [
    {
      // Pulumi azure-native (nested under properties) and classic Azure providers
      code: "import * as native from '@pulumi/azure-native';\nimport * as classic from '@pulumi/azure';\n\nexport const ledgerVault = new native.keyvault.Vault('ledger-kv', {\n  resourceGroupName: 'ledger-rg',\n  properties: { tenantId: 'tenant', sku: { family: 'A', name: 'premium' }, softDeleteRetentionInDays: 10 },\n});\n\nexport const legacyVault = new classic.keyvault.KeyVault('legacy-kv', {\n  resourceGroupName: 'legacy-rg',\n  skuName: 'standard',\n  tenantId: 'tenant',\n  softDeleteRetentionDays: 7,\n});\n",
      filename: 'infra/vaults.ts',
      errors: [
        {
          messageId: 'shortWindow',
          line: 6,
          column: 103,
          endLine: 6,
          endColumn: 105,
          suggestions: [
            {
              messageId: 'useWindow',
              output:
                "import * as native from '@pulumi/azure-native';\nimport * as classic from '@pulumi/azure';\n\nexport const ledgerVault = new native.keyvault.Vault('ledger-kv', {\n  resourceGroupName: 'ledger-rg',\n  properties: { tenantId: 'tenant', sku: { family: 'A', name: 'premium' }, softDeleteRetentionInDays: 30 },\n});\n\nexport const legacyVault = new classic.keyvault.KeyVault('legacy-kv', {\n  resourceGroupName: 'legacy-rg',\n  skuName: 'standard',\n  tenantId: 'tenant',\n  softDeleteRetentionDays: 7,\n});\n",
            },
          ],
        },
        {
          messageId: 'shortWindow',
          line: 13,
          column: 28,
          endLine: 13,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useWindow',
              output:
                "import * as native from '@pulumi/azure-native';\nimport * as classic from '@pulumi/azure';\n\nexport const ledgerVault = new native.keyvault.Vault('ledger-kv', {\n  resourceGroupName: 'ledger-rg',\n  properties: { tenantId: 'tenant', sku: { family: 'A', name: 'premium' }, softDeleteRetentionInDays: 10 },\n});\n\nexport const legacyVault = new classic.keyvault.KeyVault('legacy-kv', {\n  resourceGroupName: 'legacy-rg',\n  skuName: 'standard',\n  tenantId: 'tenant',\n  softDeleteRetentionDays: 30,\n});\n",
            },
          ],
        },
      ],
    },
    {
      // CDKTF azurerm
      code: "import { Construct } from 'constructs';\nimport { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';\n\nexport function vault(scope: Construct) {\n  return new KeyVault(scope, 'kv', { name: 'kv-app', location: 'westeurope', resourceGroupName: 'rg', skuName: 'standard', tenantId: 't', softDeleteRetentionDays: 7 });\n}\n",
      filename: 'infra/cdktf-vault.ts',
      errors: [
        {
          messageId: 'shortWindow',
          line: 5,
          column: 164,
          endLine: 5,
          endColumn: 165,
          suggestions: [
            {
              messageId: 'useWindow',
              output:
                "import { Construct } from 'constructs';\nimport { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';\n\nexport function vault(scope: Construct) {\n  return new KeyVault(scope, 'kv', { name: 'kv-app', location: 'westeurope', resourceGroupName: 'rg', skuName: 'standard', tenantId: 't', softDeleteRetentionDays: 30 });\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
