/**
 * require-key-recovery-window on deletions that skip the recovery window (issue 11, session 21, branch rdel4):
 * Azure Key Vault purges (modelled on the Azure SDK's purge samples), Vault transit key deletes, and buckets named
 * for the keys they keep that IaC empties with the stack (Pulumi/CDKTF forceDestroy, CDK autoDeleteObjects);
 * near misses: soft deletes, KV secret paths, other transit paths, buckets of other things, RETAIN.
 */
import rule from '../../rules/require-key-recovery-window.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('require-key-recovery-window (purges, session 21)', rule, {
  valid: [
    {
      // near misses: soft delete only, a KV secret delete, transit config and trim paths, a local purgeDeletedKey
      code: "import { KeyClient } from '@azure/keyvault-keys';\nimport vault from 'node-vault';\nconst v = vault({ endpoint: process.env.VAULT_ADDR });\nexport async function softDelete(client: KeyClient, name: string) {\n  const poller = await client.beginDeleteKey(name);\n  await poller.pollUntilDone();\n  await v.delete(`secret/data/apps/${name}`);\n  await v.write(`transit/keys/${name}/config`, { min_decryption_version: 2 });\n  await v.delete(`transit/keys/${name}/trim`);\n}\nexport function purgeCache(cache: Map<string, string>) {\n  return { purgeDeletedKey: () => cache.clear() };\n}\n",
      filename: 'src/purge-ok.ts',
    },
    {
      // near misses: asset and public-key buckets, force off, RETAIN, a build cache, autoDeleteObjects without DESTROY
      code: "import { RemovalPolicy, Stack } from 'aws-cdk-lib';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\nimport * as aws from '@pulumi/aws';\nexport const assets = new aws.s3.BucketV2('static-assets', { forceDestroy: true });\nexport const jwks = new aws.s3.BucketV2('public-keys', { forceDestroy: true });\nexport const keys = new aws.s3.BucketV2('key-backups', { forceDestroy: false });\nexport class S extends Stack {\n  build() {\n    new s3.Bucket(this, 'KeyBackups', { removalPolicy: RemovalPolicy.RETAIN, autoDeleteObjects: false });\n    new s3.Bucket(this, 'BuildCache', { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true });\n    new s3.Bucket(this, 'KeyArchive', { autoDeleteObjects: true });\n  }\n}\n",
      filename: 'src/bucket-ok.ts',
    },
  ],
  invalid: [
    {
      // Azure Key Vault keys and secrets purged right after the soft delete
      code: "import { KeyClient } from '@azure/keyvault-keys';\nimport { SecretClient } from '@azure/keyvault-secrets';\nimport { DefaultAzureCredential } from '@azure/identity';\nconst url = `https://${process.env.VAULT_NAME}.vault.azure.net`;\nconst keys = new KeyClient(url, new DefaultAzureCredential());\nconst secrets = new SecretClient(url, new DefaultAzureCredential());\nexport async function destroyTenant(tenant: string) {\n  const poller = await keys.beginDeleteKey(`tenant-${tenant}`);\n  await poller.pollUntilDone();\n  await keys.purgeDeletedKey(`tenant-${tenant}`);\n  const p2 = await secrets.beginDeleteSecret(`tenant-${tenant}-db`);\n  await p2.pollUntilDone();\n  await secrets.purgeDeletedSecret(`tenant-${tenant}-db`);\n}\n",
      filename: 'src/purge.ts',
      errors: [
        {
          messageId: 'purged',
          line: 10,
          column: 9,
          endLine: 10,
          endColumn: 49,
          suggestions: [],
        },
        {
          messageId: 'purged',
          line: 13,
          column: 9,
          endLine: 13,
          endColumn: 58,
          suggestions: [],
        },
      ],
    },
    {
      // a cleanup loop purging through a KeyClient parameter
      code: "import type { KeyClient } from '@azure/keyvault-keys';\nexport async function cleanup(client: KeyClient, names: string[]) {\n  for (const name of names) {\n    await (await client.beginDeleteKey(name)).pollUntilDone();\n    await client.purgeDeletedKey(name);\n  }\n}\n",
      filename: 'src/purge-param.ts',
      errors: [
        {
          messageId: 'purged',
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 39,
          suggestions: [],
        },
      ],
    },
    {
      // Vault transit keys deleted through node-vault (template and concatenated paths)
      code: "import vault from 'node-vault';\nconst v = vault({ endpoint: process.env.VAULT_ADDR, token: process.env.VAULT_TOKEN });\nexport async function retireTransitKey(name: string) {\n  await v.write(`transit/keys/${name}/config`, { deletion_allowed: true });\n  await v.delete(`transit/keys/${name}`);\n}\nexport async function dropOrgKey(org: string) {\n  await v.delete('org-transit/keys/' + org);\n}\n",
      filename: 'src/vault-transit.ts',
      errors: [
        {
          messageId: 'purged',
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 41,
          suggestions: [],
        },
        {
          messageId: 'purged',
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 44,
          suggestions: [],
        },
      ],
    },
    {
      // Pulumi buckets named for keys (logical name, binding name) with forceDestroy
      code: "import * as aws from '@pulumi/aws';\nconst escrow = new aws.s3.BucketV2('key-escrow', { forceDestroy: true });\nexport const keyBackups = new aws.s3.Bucket('backups', { forceDestroy: true, acl: 'private' });\nexport const escrowId = escrow.id;\n",
      filename: 'src/pulumi-bucket.ts',
      errors: [
        {
          messageId: 'keyBucketEmptied',
          line: 2,
          column: 52,
          endLine: 2,
          endColumn: 70,
          suggestions: [],
        },
        {
          messageId: 'keyBucketEmptied',
          line: 3,
          column: 58,
          endLine: 3,
          endColumn: 76,
          suggestions: [],
        },
      ],
    },
    {
      // a CDK bucket of wrapped data keys emptied and destroyed with the stack
      code: "import { RemovalPolicy, Stack } from 'aws-cdk-lib';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\nexport class KeyArchiveStack extends Stack {\n  build() {\n    new s3.Bucket(this, 'WrappedDeks', {\n      encryption: s3.BucketEncryption.S3_MANAGED,\n      removalPolicy: RemovalPolicy.DESTROY,\n      autoDeleteObjects: true,\n    });\n  }\n}\n",
      filename: 'src/cdk-bucket.ts',
      errors: [
        {
          messageId: 'keyBucketEmptied',
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 30,
          suggestions: [],
        },
      ],
    },
    {
      // a CDKTF bucket whose bucket name says it keeps secrets, with forceDestroy
      code: "import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';\nimport { TerraformStack } from 'cdktf';\nexport class Secrets extends TerraformStack {\n  build() {\n    new S3Bucket(this, 'store', { bucket: 'acme-tenant-secrets', forceDestroy: true });\n  }\n}\n",
      filename: 'src/cdktf-bucket.ts',
      errors: [
        {
          messageId: 'keyBucketEmptied',
          line: 5,
          column: 66,
          endLine: 5,
          endColumn: 84,
          suggestions: [],
        },
      ],
    },
  ],
});
