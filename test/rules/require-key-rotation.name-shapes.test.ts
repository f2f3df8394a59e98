/**
 * require-key-rotation, Azure Key Vault (issue 11, session 32): a rotation policy covers the key it names when the
 * name is neither a literal nor one binding. Admin scripts and job workers name keys by a template of names
 * (`` `kek-${env}` ``) or by a job's member (`d.name`); one template or member written the same way names one key,
 * two templates that differ name two. A name that is not static ties the policy to a create only where one can
 * run after the other: not from another clause of the `switch` or the other arm of the `if`. A companion whose
 * name shape no create writes (`key.name` of a create's result, a helper's argument) still covers the module.
 */
import rule from '../../rules/require-key-rotation.js';
import { ruleTester } from '../helpers/rule-tester.js';

const head = [
  "import { KeyClient } from '@azure/keyvault-keys';",
  "import { DefaultAzureCredential } from '@azure/identity';",
  "const client = new KeyClient('https://kv.vault.azure.net', new DefaultAzureCredential());",
];
const policy = "{ lifetimeActions: [{ action: 'Rotate', timeAfterCreate: 'P90D' }] }";

ruleTester.run('require-key-rotation (Azure key name shapes)', rule, {
  valid: [
    {
      // one template written the same way in both calls
      code: [
        ...head,
        'export async function provision(env: string) {',
        '  await client.createRsaKey(`ledger-kek-${env}`, { keySize: 3072 });',
        `  await client.updateKeyRotationPolicy(\`ledger-kek-\${env}\`, ${policy});`,
        '}',
      ].join('\n'),
      filename: 'scripts/provision.ts',
    },
    {
      // a job's member in one clause; a clause that falls through into the policy
      code: [
        ...head,
        'export async function handle(d: { op: string; name: string }) {',
        '  switch (d.op) {',
        "    case 'create':",
        "      await client.createKey(d.name, 'RSA', { keySize: 3072 });",
        "    case 'rotate':",
        `      await client.updateKeyRotationPolicy(d.name, ${policy});`,
        '      break;',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/jobs/keys.ts',
    },
    {
      // the policy names the created key through the result, and a guarded policy on the same template
      code: [
        ...head,
        'export async function tenantKey(opts: { name: string }, tenant: string) {',
        '  const key = await client.createEcKey(opts.name);',
        `  await client.updateKeyRotationPolicy(key.name, ${policy});`,
        '  await client.createOctKey(`tenant-${tenant}`);',
        `  if (process.env.ROTATE) await client.updateKeyRotationPolicy(\`tenant-\${tenant}\`, ${policy});`,
        '}',
      ].join('\n'),
      filename: 'src/tenant-keys.ts',
    },
  ],
  invalid: [
    {
      // two templates, two keys: only the second gets a policy
      code: [
        ...head,
        'export async function createKeys(env: string) {',
        '  await client.createRsaKey(`wrap-kek-${env}`, { keySize: 3072, hsm: true });',
        '  await client.createRsaKey(`export-kek-${env}`, { keySize: 3072, hsm: true });',
        `  await client.updateKeyRotationPolicy(\`export-kek-\${env}\`, ${policy});`,
        '}',
      ].join('\n'),
      filename: 'tools/admin/keys.ts',
      errors: [{ messageId: 'createKeyNoRotation', line: 5, column: 9, endLine: 5, endColumn: 77 }],
    },
    {
      // the plain clause ends in `break`: the rotating clause's policy is not for its key
      code: [
        ...head,
        'export async function handle(job: { data: { op: string; name: string } }) {',
        '  const d = job.data;',
        '  switch (d.op) {',
        "    case 'create':",
        "      await client.createKey(d.name, 'RSA', { keySize: 3072 });",
        '      break;',
        "    case 'create-rotating': {",
        "      await client.createKey(d.name, 'RSA', { keySize: 3072 });",
        `      await client.updateKeyRotationPolicy(d.name, ${policy});`,
        '      break;',
        '    }',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/workers/key-ops.ts',
      errors: [{ messageId: 'createKeyNoRotation', line: 8, column: 13, endLine: 8, endColumn: 63 }],
    },
    {
      // one parameter, two arms of an `if`: the `else` arm's key gets no policy
      code: [
        ...head,
        'export async function make(name: string, rotate: boolean) {',
        '  if (rotate) {',
        '    await client.createEcKey(name);',
        `    await client.updateKeyRotationPolicy(name, ${policy});`,
        '  } else {',
        '    await client.createEcKey(name);',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/make-key.ts',
      errors: [{ messageId: 'createKeyNoRotation', line: 9, column: 11, endLine: 9, endColumn: 35 }],
    },
  ],
});
