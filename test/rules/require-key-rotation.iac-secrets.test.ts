/**
 * require-key-rotation (session 35, branch rot19): secrets and long-lived credentials in infrastructure code.
 * - An IAM user access key (CDK `iam.AccessKey`/`CfnAccessKey`, Pulumi `aws.iam.AccessKey`, CDKTF `IamAccessKey`)
 *   never rotates: reported where it is made, unless it is inactive or carries CDK's replacing `serial`.
 * - A Secrets Manager secret is judged only in a module that rotates some secret itself; there, a secret no
 *   rotation call names (`addRotationSchedule`, `RotationSchedule`, `CfnRotationSchedule`, Pulumi
 *   `SecretRotation`, a database's `addRotationSingleUser` over `Credentials.fromSecret`) is reported.
 */
import rule from '../../rules/require-key-rotation.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('require-key-rotation (IaC secrets and access keys)', rule, {
  valid: [
    {
      // no secret of this stack is rotated: the module does not manage rotation, nothing is judged
      code: [
        "import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';",
        "new secretsmanager.Secret(this, 'SlackToken', { secretName: 'ops/slack' });",
        "const mailer = new secretsmanager.Secret(this, 'Mailer', { generateSecretString: { passwordLength: 40 } });",
      ].join('\n'),
      filename: 'infra/lib/ops-stack.ts',
    },
    {
      // every secret has its schedule: a method on the binding, a construct naming it, one on a class field
      code: [
        "import { Duration, aws_secretsmanager as sm } from 'aws-cdk-lib';",
        'export class Keys extends Stack {',
        '  readonly ledgerDb: sm.Secret;',
        '  constructor(scope: Construct, id: string) {',
        '    super(scope, id);',
        "    const pgAdmin = new sm.Secret(this, 'PgAdmin', { generateSecretString: { passwordLength: 32 } });",
        "    pgAdmin.addRotationSchedule('PgRotation', { hostedRotation: sm.HostedRotation.postgreSqlSingleUser() });",
        "    const webhook = new sm.Secret(this, 'Webhook');",
        "    new sm.RotationSchedule(this, 'WebhookRotation', { secret: webhook, rotationLambda: rotator });",
        "    this.ledgerDb = new sm.Secret(this, 'LedgerDb');",
        "    this.ledgerDb.addRotationSchedule('LedgerRotation', { rotationLambda: rotator, automaticallyAfter: Duration.days(30) });",
        '  }',
        '}',
      ].join('\n'),
      filename: 'infra/lib/keys-stack.ts',
    },
    {
      // an L1 secret named by its ref, a database secret rotated by the instance, a copy of a rotated key
      code: [
        "import * as sm from 'aws-cdk-lib/aws-secretsmanager';",
        "import * as rds from 'aws-cdk-lib/aws-rds';",
        "const raw = new sm.CfnSecret(this, 'Raw', { name: 'raw' });",
        "new sm.CfnRotationSchedule(this, 'RawRotation', { secretId: raw.ref, rotationLambdaArn: arn });",
        "const dbCreds = new sm.Secret(this, 'DbCreds');",
        "const db = new rds.DatabaseInstance(this, 'Db', { engine, vpc, credentials: rds.Credentials.fromSecret(dbCreds) });",
        'db.addRotationSingleUser();',
      ].join('\n'),
      filename: 'infra/lib/db-stack.ts',
    },
    {
      // Pulumi: the one secret is rotated; an imported secret is no creation
      code: [
        "import * as aws from '@pulumi/aws';",
        "const apiKey = new aws.secretsmanager.Secret('partner-api', { kmsKeyId: key.arn });",
        "new aws.secretsmanager.SecretRotation('partner-api-rotation', { secretId: apiKey.id, rotationLambdaArn: fn.arn, rotationRules: { automaticallyAfterDays: 30 } });",
        "const old = aws.secretsmanager.Secret.get('legacy', legacyArn);",
      ].join('\n'),
      filename: 'infra/pulumi/index.ts',
    },
    {
      // access keys that are switched off or replaced through serial, and a local construct of the same name
      code: [
        "import * as iam from 'aws-cdk-lib/aws-iam';",
        "import { AccessKey as ScopedKey } from './constructs/access-key';",
        "new iam.AccessKey(this, 'OldCiKey', { user: ci, status: iam.AccessKeyStatus.INACTIVE });",
        "new iam.AccessKey(this, 'CiKey', { user: ci, serial: keyGeneration });",
        "new ScopedKey(this, 'Scoped', { user: ci });",
      ].join('\n'),
      filename: 'infra/lib/ci-stack.ts',
    },
    {
      // test code builds throwaway stacks
      code: ["import * as iam from 'aws-cdk-lib/aws-iam';", "new iam.AccessKey(stack, 'K', { user });"].join('\n'),
      filename: 'infra/test/ci-stack.test.ts',
    },
  ],
  invalid: [
    {
      // one secret rotated, two left out (one on a class field); the access key and its stored copy: one finding
      code: [
        "import { Duration, SecretValue } from 'aws-cdk-lib';",
        "import * as iam from 'aws-cdk-lib/aws-iam';",
        "import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';",
        'export class PayoutSecrets extends Stack {',
        '  readonly bankKey: secretsmanager.Secret;',
        '  constructor(scope: Construct, id: string) {',
        '    super(scope, id);',
        "    const db = new secretsmanager.Secret(this, 'PayoutsDb');",
        "    db.addRotationSchedule('DbRotation', { hostedRotation: secretsmanager.HostedRotation.mysqlSingleUser(), automaticallyAfter: Duration.days(30) });",
        "    new secretsmanager.Secret(this, 'AcquirerWebhookSecret', { secretName: 'payouts/acquirer-webhook' });",
        "    this.bankKey = new secretsmanager.Secret(this, 'BankSftpKey', { secretStringValue: SecretValue.ssmSecure('/bank/sftp') });",
        "    const uploader = new iam.User(this, 'Uploader');",
        "    const key = new iam.AccessKey(this, 'UploaderKey', { user: uploader });",
        "    new secretsmanager.Secret(this, 'UploaderKeySecret', { secretStringValue: key.secretAccessKey });",
        '  }',
        '}',
      ].join('\n'),
      filename: 'infra/lib/payout-secrets.ts',
      errors: [
        { messageId: 'secretNoRotation', line: 10, column: 5, endLine: 10, endColumn: 105 },
        { messageId: 'secretNoRotation', line: 11, column: 20, endLine: 11, endColumn: 126 },
        { messageId: 'accessKeyNoRotation', line: 13, column: 17, endLine: 13, endColumn: 75 },
      ],
    },
    {
      // the rotation names another stack's secret: the module rotates, and its own secret has no schedule
      code: [
        "import { aws_secretsmanager as sm } from 'aws-cdk-lib';",
        'export function signing(scope: Construct, props: { dbSecret: sm.ISecret }) {',
        "  const docusign = new sm.Secret(scope, 'DocusignPrivateKey', { description: 'JWT grant key' });",
        "  props.dbSecret.addRotationSchedule?.('DbRotation', { rotationLambda: rotator });",
        '  return docusign;',
        '}',
      ].join('\n'),
      filename: 'infra/lib/signing.ts',
      errors: [{ messageId: 'secretNoRotation', line: 3, column: 20, endLine: 3, endColumn: 96 }],
    },
    {
      // Pulumi and CDKTF access keys, a CDK L1 key
      code: [
        "import * as aws from '@pulumi/aws';",
        "import { IamAccessKey } from '@cdktf/provider-aws/lib/iam-access-key';",
        "import { CfnAccessKey } from 'aws-cdk-lib/aws-iam';",
        "export const deployKey = new aws.iam.AccessKey('deploy', { user: deployUser.name });",
        "new IamAccessKey(this, 'ci', { user: 'ci' });",
        "new CfnAccessKey(this, 'Legacy', { userName: 'legacy-sync' });",
      ].join('\n'),
      filename: 'infra/keys.ts',
      errors: [
        { messageId: 'accessKeyNoRotation', line: 4, column: 26, endLine: 4, endColumn: 84 },
        { messageId: 'accessKeyNoRotation', line: 5, column: 1, endLine: 5, endColumn: 45 },
        { messageId: 'accessKeyNoRotation', line: 6, column: 1, endLine: 6, endColumn: 62 },
      ],
    },
    {
      // Pulumi: a rotated database secret beside an unrotated signing secret
      code: [
        "import * as aws from '@pulumi/aws';",
        "const db = new aws.secretsmanager.Secret('db', {});",
        "new aws.secretsmanager.SecretRotation('db-rotation', { secretId: db.id, rotationLambdaArn: fn.arn });",
        "export const signing = new aws.secretsmanager.Secret('webhook-signing', { description: 'HMAC key' });",
      ].join('\n'),
      filename: 'infra/pulumi/secrets.ts',
      errors: [{ messageId: 'secretNoRotation', line: 4, column: 24, endLine: 4, endColumn: 101 }],
    },
  ],
});
