/**
 * require-key-rotation (session 32, branch rot16): a rotation companion covers only the key it can reach.
 * - a key named by a template (`` `orders-${stage}` ``) is tied to a companion naming the same template, and not to
 *   one naming another (before, any template name fell back to "covers the whole module");
 * - a companion that names its key by a value no create call shares (`job.keyName`) covers the module, except a
 *   create in a branch that never runs with it (the other arm of an `if`, a `switch` case that does not fall
 *   through) when the companion's own branch made its own key first: that companion belongs to that key. A
 *   companion in a branch of its own (a separate "enable rotation" operation) still covers every key.
 */
import rule from '../../rules/require-key-rotation.js';
import { ruleTester } from '../helpers/rule-tester.js';

let lines: string[] = [];
const azure = ["import { KeyClient } from '@azure/keyvault-keys';", 'const vault = new KeyClient(url, cred);'];
const policy = "{ lifetimeActions: [{ action: 'Rotate', timeAfterCreate: 'P90D' }] }";

/** The create call reported on line `line` (1-based) of `lines`: from `vault.` to its closing parenthesis. */
function createAt(lines: readonly string[], line: number) {
  const text = lines[line - 1]!;
  return {
    messageId: 'createKeyNoRotation' as const,
    line,
    column: text.indexOf('vault.') + 1,
    endLine: line,
    endColumn: text.lastIndexOf(')') + 2,
  };
}

ruleTester.run('require-key-rotation (companions by template name and branch)', rule, {
  valid: [
    {
      // the same template names the same key
      code: [
        ...azure,
        'export async function provision(stage: string) {',
        '  await vault.createKey(`ledger-wrap-${stage}`, "RSA", { keySize: 3072 });',
        `  await vault.updateKeyRotationPolicy(\`ledger-wrap-\${stage}\`, ${policy});`,
        '}',
      ].join('\n'),
      filename: 'ops/provision.ts',
    },
    {
      // a const holding the template, used by both calls
      code: [
        ...azure,
        'export async function provision(cfg: { region: string }) {',
        '  const name = `exports-${cfg.region}`;',
        '  await vault.createOctKey(name, { keySize: 256 });',
        `  await vault.updateKeyRotationPolicy(\`exports-\${cfg.region}\`, ${policy});`,
        '}',
      ].join('\n'),
      filename: 'ops/exports.ts',
    },
    {
      // a template the rule cannot read (a call inside) names some key: it may be any key of the module
      code: [
        ...azure,
        'export async function provision(stage: string) {',
        '  await vault.createRsaKey(`reports-${stage}`, { keySize: 3072 });',
        `  await vault.updateKeyRotationPolicy(\`reports-\${stage.toLowerCase()}\`, ${policy});`,
        '}',
      ].join('\n'),
      filename: 'ops/reports.ts',
    },
    {
      // creation and rotation are two operations of one dispatcher: the rotation case makes no key of its own
      code: [
        ...azure,
        'export async function run(job: { op: string; keyName: string }) {',
        '  switch (job.op) {',
        "    case 'create':",
        "      await vault.createKey(job.keyName, 'RSA', { keySize: 3072 });",
        '      break;',
        "    case 'enable-rotation':",
        `      await vault.updateKeyRotationPolicy(job.keyName, ${policy});`,
        '      break;',
        '  }',
        '}',
      ].join('\n'),
      filename: 'workers/key-jobs.ts',
    },
    {
      // the first case falls through into the second, which sets the policy
      code: [
        ...azure,
        'export async function run(job: { op: string; keyName: string }) {',
        '  switch (job.op) {',
        "    case 'legacy':",
        "      await vault.createKey(job.keyName, 'RSA', { keySize: 2048 });",
        "    case 'current':",
        "      await vault.createKey(job.keyName, 'RSA', { keySize: 3072 });",
        `      await vault.updateKeyRotationPolicy(job.keyName, ${policy});`,
        '      break;',
        '  }',
        '}',
      ].join('\n'),
      filename: 'workers/fallthrough.ts',
    },
    {
      // both arms create; the policy is set after the if, on every path
      code: [
        ...azure,
        'export async function make(opts: { hsm: boolean; label: string }) {',
        '  if (opts.hsm) await vault.createRsaKey(opts.label, { keySize: 3072, hsm: true });',
        '  else await vault.createRsaKey(opts.label, { keySize: 3072 });',
        `  await vault.updateKeyRotationPolicy(opts.label, ${policy});`,
        '}',
      ].join('\n'),
      filename: 'src/make-key.ts',
    },
  ],
  invalid: [
    {
      // two keys named per stage; only the audit key gets a policy
      code: (lines = [
        ...azure,
        'export async function provision(stage: string) {',
        '  await vault.createRsaKey(`orders-kek-${stage}`, { keySize: 3072 });',
        '  await vault.createRsaKey(`audit-kek-${stage}`, { keySize: 3072 });',
        `  await vault.updateKeyRotationPolicy(\`audit-kek-\${stage}\`, ${policy});`,
        '}',
      ]).join('\n'),
      filename: 'ops/stage-keys.ts',
      errors: [createAt(lines, 4)],
    },
    {
      // the same template text over a different variable part still differs in its static text
      code: (lines = [
        ...azure,
        'export async function provision(env: { name: string }) {',
        '  await vault.createEcKey(`sign-${env.name}`, { curve: "P-256" });',
        `  await vault.updateKeyRotationPolicy(\`wrap-\${env.name}\`, ${policy});`,
        '}',
      ]).join('\n'),
      filename: 'ops/ec-keys.ts',
      errors: [createAt(lines, 4)],
    },
    {
      // a dispatcher whose rotating case sets the policy on its own key; the plain case's key never gets one
      code: (lines = [
        ...azure,
        'export async function run(job: { kind: string; keyName: string }) {',
        '  switch (job.kind) {',
        "    case 'plain':",
        "      await vault.createKey(job.keyName, 'RSA', { keySize: 3072 });",
        '      break;',
        "    case 'rotating': {",
        "      await vault.createKey(job.keyName, 'RSA', { keySize: 3072 });",
        `      await vault.updateKeyRotationPolicy(job.keyName, ${policy});`,
        '      return;',
        '    }',
        '  }',
        '}',
      ]).join('\n'),
      filename: 'workers/dispatch.ts',
      errors: [createAt(lines, 6)],
    },
    {
      // the else arm makes a key the then arm's policy never reaches
      code: (lines = [
        ...azure,
        'export async function make(req: { managed: boolean; keyName: string }) {',
        '  if (req.managed) {',
        '    await vault.createOctKey(req.keyName, { keySize: 256 });',
        `    await vault.updateKeyRotationPolicy(req.keyName, ${policy});`,
        '  } else {',
        '    await vault.createOctKey(req.keyName, { keySize: 256 });',
        '  }',
        '}',
      ]).join('\n'),
      filename: 'src/managed-keys.ts',
      errors: [createAt(lines, 8)],
    },
  ],
});
