/**
 * require-key-rotation (session 36, branch rot20): rotation turned on for one named stage or tier only. A CDK/Pulumi
 * `enableKeyRotation` whose value is a comparison with a stage or tier name (`isProd` with
 * `const isProd = props.stage === 'prod'`), and an `EnableKeyRotationCommand` run only under
 * `if (plan === 'enterprise')` for a key made outside that branch, leave every other stage or tier with its first
 * key version. Near misses stay quiet: a guard on the kind of key (`spec === 'SYMMETRIC_DEFAULT'`: only symmetric
 * keys rotate), a negative guard (`NODE_ENV !== 'test'`), a key made and rotated under the same guard, the caller's
 * choice (`props.rotate`) and a constant `true`.
 */
import rule from '../../rules/require-key-rotation.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('require-key-rotation (rotation for one stage or tier only)', rule, {
  valid: [
    {
      // guards on the kind of key, a negative guard, create and rotation under one guard
      code: "import { CreateKeyCommand, EnableKeyRotationCommand, KMSClient, type KeySpec } from '@aws-sdk/client-kms';\nconst kms = new KMSClient({});\nexport async function makeKey(name: string, spec: KeySpec) {\n  const out = await kms.send(new CreateKeyCommand({ Description: name, KeySpec: spec }));\n  if (spec === 'SYMMETRIC_DEFAULT') await kms.send(new EnableKeyRotationCommand({ KeyId: out.KeyMetadata!.KeyId! }));\n  return out.KeyMetadata!.KeyId!;\n}\nexport async function makeAppKey(name: string) {\n  const made = await kms.send(new CreateKeyCommand({ Description: name }));\n  if (process.env.NODE_ENV !== 'test') await kms.send(new EnableKeyRotationCommand({ KeyId: made.KeyMetadata!.KeyId! }));\n  return made.KeyMetadata!.KeyId!;\n}\nexport async function makeTierKey(name: string, tier: string) {\n  if (tier === 'regulated') {\n    const own = await kms.send(new CreateKeyCommand({ Description: name }));\n    await kms.send(new EnableKeyRotationCommand({ KeyId: own.KeyMetadata!.KeyId! }));\n    return own.KeyMetadata!.KeyId!;\n  }\n  return process.env.SHARED_KEY_ID!;\n}\n",
      filename: 'src/keys/provision.ts',
    },
    {
      // the caller's choice, a comparison with a key spec, a constant true
      code: "import * as kms from 'aws-cdk-lib/aws-kms';\nexport class KeysStack extends Stack {\n  constructor(scope: Construct, id: string, props: KeysProps) {\n    super(scope, id, props);\n    new kms.Key(this, 'Caller', { enableKeyRotation: props.rotate });\n    const symmetric = props.keySpec === 'SYMMETRIC_DEFAULT';\n    new kms.Key(this, 'BySpec', { keySpec: props.keySpec, enableKeyRotation: symmetric });\n    const always = true;\n    new kms.Key(this, 'Always', { enableKeyRotation: always });\n  }\n}\n",
      filename: 'infra/lib/keys-stack.ts',
    },
  ],
  invalid: [
    {
      // CDK: a const bound to a stage comparison
      code: "import * as kms from 'aws-cdk-lib/aws-kms';\nexport class DataStack extends Stack {\n  constructor(scope: Construct, id: string, props: DataStackProps) {\n    super(scope, id, props);\n    const isProd = props.stage === 'prod';\n    new kms.Key(this, 'OrdersKey', { alias: 'orders', enableKeyRotation: isProd });\n  }\n}\n",
      filename: 'infra/lib/data-stack.ts',
      errors: [
        {
          messageId: 'rotationOff',
          line: 6,
          column: 55,
          endLine: 6,
          endColumn: 80,
          suggestions: [
            {
              messageId: 'enableRotation',
              data: { property: 'enableKeyRotation' },
              output:
                "import * as kms from 'aws-cdk-lib/aws-kms';\nexport class DataStack extends Stack {\n  constructor(scope: Construct, id: string, props: DataStackProps) {\n    super(scope, id, props);\n    const isProd = props.stage === 'prod';\n    new kms.Key(this, 'OrdersKey', { alias: 'orders', enableKeyRotation: true });\n  }\n}\n",
            },
          ],
        },
      ],
    },
    {
      // Pulumi: the comparison written inline
      code: "import * as aws from '@pulumi/aws';\nimport * as pulumi from '@pulumi/pulumi';\nexport const ledgerKey = new aws.kms.Key('ledger', {\n  description: 'ledger rows',\n  enableKeyRotation: pulumi.getStack() === 'production',\n});\n",
      filename: 'infra/index.ts',
      errors: [
        {
          messageId: 'rotationOff',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'enableRotation',
              data: { property: 'enableKeyRotation' },
              output:
                "import * as aws from '@pulumi/aws';\nimport * as pulumi from '@pulumi/pulumi';\nexport const ledgerKey = new aws.kms.Key('ledger', {\n  description: 'ledger rows',\n  enableKeyRotation: true,\n});\n",
            },
          ],
        },
      ],
    },
    {
      // SDK: rotation enabled only for one plan, for a key made for every plan
      code: "import { CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';\nconst kms = new KMSClient({});\nexport async function provisionWorkspace(workspace: string, plan: 'free' | 'enterprise') {\n  const out = await kms.send(new CreateKeyCommand({ Description: `ws ${workspace}`, KeyUsage: 'ENCRYPT_DECRYPT' }));\n  if (plan === 'enterprise') {\n    await kms.send(new EnableKeyRotationCommand({ KeyId: out.KeyMetadata!.KeyId! }));\n  }\n  return out.KeyMetadata!.KeyId!;\n}\n",
      filename: 'src/keys/workspaces.ts',
      errors: [{ messageId: 'createKeyNoRotation', line: 4, column: 30, endLine: 4, endColumn: 115 }],
    },
  ],
});
