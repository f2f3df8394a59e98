/**
 * require-key-recovery-window on the cloud deletion APIs of the coverage table (issue 11, session 23, branch riv6):
 * the decision on RemovalPolicy.DESTROY for a Secrets Manager secret (reported: CloudFormation force-deletes a
 * secret with no recovery window, aws-cloudformation/cloudformation-coverage-roadmap#1999), and GCP Secret
 * Manager's deleteSecret (no soft delete); with their near misses. The decision on a KMS key whose only use is a
 * bucket destroyed with it (not reported) is tested in require-key-recovery-window.test.ts (r06).
 */
import rule from '../../rules/require-key-recovery-window.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('require-key-recovery-window (API coverage, session 23)', rule, {
  valid: [
    {
      // near misses: a secret retained, a secret with the default policy, a DESTROY chosen per environment (the production branch retains), an imported secret
      code: "import { RemovalPolicy, Stack } from 'aws-cdk-lib';\nimport * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';\n\nexport class AuthStack extends Stack {\n  build(isProd: boolean): void {\n    new secretsmanager.Secret(this, 'JwtSigningKey', { removalPolicy: RemovalPolicy.RETAIN });\n    new secretsmanager.Secret(this, 'DbPassword');\n    const webhook = new secretsmanager.Secret(this, 'WebhookHmac');\n    webhook.applyRemovalPolicy(isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);\n    secretsmanager.Secret.fromSecretNameV2(this, 'Shared', 'prod/shared');\n  }\n}\n",
      filename: 'src/cdk-secret-retain-ok.ts',
    },
    {
      // near misses: disabling and destroying one version (older versions stay), a Cloud KMS key version destroy (scheduled, the key keeps its window)
      code: "import { SecretManagerServiceClient } from '@google-cloud/secret-manager';\nimport { KeyManagementServiceClient } from '@google-cloud/kms';\n\nconst secrets = new SecretManagerServiceClient();\nconst kms = new KeyManagementServiceClient();\n\nexport async function retire(versionName: string, keyVersion: string): Promise<void> {\n  await secrets.disableSecretVersion({ name: versionName });\n  await secrets.destroySecretVersion({ name: versionName });\n  await kms.destroyCryptoKeyVersion({ name: keyVersion });\n}\n",
      filename: 'src/gcp-secret-ok.ts',
    },
    {
      // near misses (decision): a secret read by a resource of the same stack is that resource credential and goes with it: database credentials, a broker password, an ARN handed to a function
      code: "import { RemovalPolicy, Stack } from 'aws-cdk-lib';\nimport * as lambda from 'aws-cdk-lib/aws-lambda';\nimport * as rds from 'aws-cdk-lib/aws-rds';\nimport * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';\n\nexport class AppStack extends Stack {\n  build(vpc: any, code: lambda.Code): void {\n    const dbSecret = new secretsmanager.Secret(this, 'DbCredentials', { removalPolicy: RemovalPolicy.DESTROY });\n    new rds.DatabaseInstance(this, 'Db', { engine: rds.DatabaseInstanceEngine.POSTGRES, vpc, credentials: rds.Credentials.fromSecret(dbSecret) });\n    const brokerPw = new secretsmanager.Secret(this, 'BrokerPw', { removalPolicy: RemovalPolicy.DESTROY });\n    new lambda.Function(this, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code, environment: { BROKER_PW: brokerPw.secretValueFromJson('password').unsafeUnwrap() } });\n    const hookSecret = new secretsmanager.Secret(this, 'HookSecret');\n    hookSecret.applyRemovalPolicy(RemovalPolicy.DESTROY);\n    new lambda.Function(this, 'Hook', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'hook.handler', code, environment: { SECRET_ARN: hookSecret.secretArn } });\n  }\n}\n",
      filename: 'src/cdk-secret-consumed-ok.ts',
    },
  ],
  invalid: [
    {
      // decision (session 23): DESTROY on a Secrets Manager secret, as a prop, through applyRemovalPolicy, and on a CfnSecret; CloudFormation force-deletes secrets with no recovery window
      code: "import { RemovalPolicy, Stack } from 'aws-cdk-lib';\nimport * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';\n\nexport class AuthStack extends Stack {\n  build(): void {\n    new secretsmanager.Secret(this, 'JwtSigningKey', { removalPolicy: RemovalPolicy.DESTROY });\n    const webhook = new secretsmanager.Secret(this, 'WebhookHmac', {\n      generateSecretString: { passwordLength: 64, excludePunctuation: true },\n    });\n    webhook.applyRemovalPolicy(RemovalPolicy.DESTROY);\n    const raw = new secretsmanager.CfnSecret(this, 'PartnerToken', { generateSecretString: {} });\n    raw.applyRemovalPolicy(RemovalPolicy.DESTROY);\n  }\n}\n",
      filename: 'src/cdk-secret-destroy.ts',
      errors: [
        {
          messageId: 'destroySecret',
          line: 6,
          column: 71,
          endLine: 6,
          endColumn: 92,
          suggestions: [
            {
              messageId: 'useRetain',
              output:
                "import { RemovalPolicy, Stack } from 'aws-cdk-lib';\nimport * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';\n\nexport class AuthStack extends Stack {\n  build(): void {\n    new secretsmanager.Secret(this, 'JwtSigningKey', { removalPolicy: RemovalPolicy.RETAIN });\n    const webhook = new secretsmanager.Secret(this, 'WebhookHmac', {\n      generateSecretString: { passwordLength: 64, excludePunctuation: true },\n    });\n    webhook.applyRemovalPolicy(RemovalPolicy.DESTROY);\n    const raw = new secretsmanager.CfnSecret(this, 'PartnerToken', { generateSecretString: {} });\n    raw.applyRemovalPolicy(RemovalPolicy.DESTROY);\n  }\n}\n",
            },
          ],
        },
        {
          messageId: 'destroySecret',
          line: 10,
          column: 32,
          endLine: 10,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useRetain',
              output:
                "import { RemovalPolicy, Stack } from 'aws-cdk-lib';\nimport * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';\n\nexport class AuthStack extends Stack {\n  build(): void {\n    new secretsmanager.Secret(this, 'JwtSigningKey', { removalPolicy: RemovalPolicy.DESTROY });\n    const webhook = new secretsmanager.Secret(this, 'WebhookHmac', {\n      generateSecretString: { passwordLength: 64, excludePunctuation: true },\n    });\n    webhook.applyRemovalPolicy(RemovalPolicy.RETAIN);\n    const raw = new secretsmanager.CfnSecret(this, 'PartnerToken', { generateSecretString: {} });\n    raw.applyRemovalPolicy(RemovalPolicy.DESTROY);\n  }\n}\n",
            },
          ],
        },
        {
          messageId: 'destroySecret',
          line: 12,
          column: 28,
          endLine: 12,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useRetain',
              output:
                "import { RemovalPolicy, Stack } from 'aws-cdk-lib';\nimport * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';\n\nexport class AuthStack extends Stack {\n  build(): void {\n    new secretsmanager.Secret(this, 'JwtSigningKey', { removalPolicy: RemovalPolicy.DESTROY });\n    const webhook = new secretsmanager.Secret(this, 'WebhookHmac', {\n      generateSecretString: { passwordLength: 64, excludePunctuation: true },\n    });\n    webhook.applyRemovalPolicy(RemovalPolicy.DESTROY);\n    const raw = new secretsmanager.CfnSecret(this, 'PartnerToken', { generateSecretString: {} });\n    raw.applyRemovalPolicy(RemovalPolicy.RETAIN);\n  }\n}\n",
            },
          ],
        },
      ],
    },
    {
      // GCP Secret Manager deleteSecret: no soft delete, the secret and every version go at once
      code: "import { SecretManagerServiceClient } from '@google-cloud/secret-manager';\n\nconst client = new SecretManagerServiceClient();\n\nexport async function dropTenantSecret(project: string, tenant: string): Promise<void> {\n  await client.deleteSecret({ name: `projects/${project}/secrets/tenant-${tenant}-dek` });\n}\n",
      filename: 'src/gcp-secret-delete.ts',
      errors: [
        {
          messageId: 'purged',
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 90,
          suggestions: [],
        },
      ],
    },
  ],
});
