/**
 * require-key-rotation (session 37, branch rot21): a Google Cloud service-account key made in infrastructure code
 * (Pulumi `gcp.serviceaccount.Key`, CDKTF `ServiceAccountKey`) is a long-lived key, as an IAM user access key is:
 * reported always, unless `keepers` replaces it when a value it names changes. Near misses: keepers set, another
 * Pulumi GCP resource, a same-named class of the project's own.
 */
import rule from '../../rules/require-key-rotation.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('require-key-rotation (service-account keys)', rule, {
  valid: [
    {
      code: "import * as gcp from '@pulumi/gcp';\nimport * as time from '@pulumiverse/time';\nconst sa = new gcp.serviceaccount.Account('exporter', { accountId: 'exporter' });\nconst every30 = new time.Rotating('every30', { rotationDays: 30 });\nexport const key = new gcp.serviceaccount.Key('exporter', { serviceAccountId: sa.name, keepers: { rotated: every30.rotationRfc3339 } });\n",
      filename: 'infra/exporter.ts',
    },
    {
      code: "import { Key } from './platform/keys';\nexport const k = new Key('exporter', { serviceAccountId: 'exporter' });\n",
      filename: 'infra/own.ts',
    },
  ],
  invalid: [
    {
      code: "import * as gcp from '@pulumi/gcp';\nconst sa = new gcp.serviceaccount.Account('ci', { accountId: 'ci' });\nexport const ciKey = new gcp.serviceaccount.Key('ci-key', { serviceAccountId: sa.name });\n",
      filename: 'infra/ci.ts',
      errors: [{ messageId: 'accessKeyNoRotation', line: 3, column: 22, endLine: 3, endColumn: 89 }],
    },
    {
      code: "import { ServiceAccountKey } from '@cdktf/provider-google/lib/service-account-key';\nimport { Construct } from 'constructs';\nexport class Exporter extends Construct {\n  constructor(scope: Construct, id: string, accountName: string) {\n    super(scope, id);\n    new ServiceAccountKey(this, 'exporter-key', { serviceAccountId: accountName });\n  }\n}\n",
      filename: 'infra/exporter-stack.ts',
      errors: [{ messageId: 'accessKeyNoRotation', line: 6, column: 5, endLine: 6, endColumn: 83 }],
    },
  ],
});
