import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  awsMinimumRecoveryDays,
  defaultMinRecoveryDays,
  retentionSettings,
  strictMinRecoveryDays,
} from '../src/catalogue/deletion.js';
import type { RetentionSetting } from '../src/catalogue/deletion.js';
import { calleeName, derefConst, propertyName, unwrap } from '../src/rule-kit/ast.js';
import { matchCallPattern } from '../src/rule-kit/call-patterns.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { flowOf } from '../src/rule-kit/flow/engine.js';
import { isTestFile } from '../src/rule-kit/files.js';
import {
  consumedInStack,
  durationDays,
  encryptsOnlyDestroyed,
  isDestroyPolicy,
  optionProperty,
} from '../src/rule-kit/durations.js';
import { immediateDeletionOf } from '../src/rule-kit/immediate-deletions.js';
import { keyBucketForce } from '../src/rule-kit/key-buckets.js';
import { collectImports, type ImportMap } from '../src/rule-kit/imports.js';

type MessageIds =
  | 'shortWindow'
  | 'forceDelete'
  | 'destroyPolicy'
  | 'destroySecret'
  | 'purged'
  | 'keyBucketEmptied'
  | 'useWindow'
  | 'useRecoveryWindow'
  | 'useRetain';
type Options = [{ minRecoveryDays?: number }];
type Call = TSESTree.CallExpression | TSESTree.NewExpression;

export default createRule<Options, MessageIds>({
  name: 'require-key-recovery-window',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require a recovery window when keys and secrets are scheduled for deletion, and no destroy-on-removal ' +
        'policy for keys',
      recommended: 'recommended',
      category: 'unsafe-deletion',
      cwe: [212, 404],
      strictOptions: [{ minRecoveryDays: strictMinRecoveryDays }],
    },
    hasSuggestions: true,
    messages: {
      shortWindow:
        '{{setting}} sets {{property}} to {{days}}: a key or secret deleted by mistake cannot be recovered after ' +
        'that. Use at least {{min}} days.',
      forceDelete:
        '{{setting}} with {{property}}: true deletes the secret with no recovery window. Use RecoveryWindowInDays ' +
        'instead.',
      destroyPolicy:
        'RemovalPolicy.DESTROY on {{resource}} deletes the key material when the stack or resource is removed, and ' +
        'every value encrypted under it becomes unreadable. Use RemovalPolicy.RETAIN.',
      destroySecret:
        'RemovalPolicy.DESTROY on {{resource}}: CloudFormation deletes a secret with no recovery window ' +
        '(ForceDeleteWithoutRecovery), so a secret removed with its stack, or by mistake, cannot be restored. Use ' +
        'RemovalPolicy.RETAIN.',
      purged:
        '{{api}} destroys {{what}} at once, skipping the recovery window: a key deleted by mistake, and every value ' +
        'encrypted under it, cannot be recovered. Delete it and let the recovery window run out instead.',
      keyBucketEmptied:
        "{{resource}} '{{name}}' keeps keys and sets {{property}}: true, so removing the stack deletes every key " +
        'object in it with no recovery. Drop the setting and retain the bucket.',
      useWindow: 'Set the window to {{min}} days.',
      useRecoveryWindow: 'Keep a {{min}}-day recovery window.',
      useRetain: 'Use RemovalPolicy.RETAIN.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          minRecoveryDays: {
            type: 'integer',
            minimum: awsMinimumRecoveryDays,
            maximum: 30,
            description:
              'The shortest recovery window (days) accepted for scheduled key and secret deletion. AWS allows 7 to ' +
              '30; the default is 14 (strict: 30).',
          },
        },
      },
    ],
  },
  defaultOptions: [{ minRecoveryDays: defaultMinRecoveryDays }],
  create(context, [options]) {
    // The documented test-file policy (see no-hardcoded-key): tests make weak keys, log them and drop them on purpose.
    if (isTestFile(context.filename, context.cwd)) return {};
    const minDays = options.minRecoveryDays ?? defaultMinRecoveryDays;
    // The suggestions restore the services' own default (30 days), which every minimum accepts.
    const fixDays = Math.max(minDays, strictMinRecoveryDays);
    const sourceCode = context.sourceCode;
    const getScope = (n: TSESTree.Node): TSESLint.Scope.Scope => sourceCode.getScope(n);
    let imports: ImportMap = new Map();

    const reportDestroy = (policy: TSESTree.MemberExpression, s: RetentionSetting): void => {
      context.report({
        node: policy,
        messageId: s.destroySkipsRecovery ? 'destroySecret' : 'destroyPolicy',
        data: { resource: s.title },
        suggest: [{ messageId: 'useRetain', fix: (fixer) => fixer.replaceText(policy.property, 'RETAIN') }],
      });
    };

    const checkWindow = (opts: TSESTree.Node, s: RetentionSetting, scope: TSESLint.Scope.Scope): void => {
      if (!s.window) return;
      const prop = optionProperty(opts, s.window.property, scope);
      // `PendingWindowInDays: MIN_PENDING_DAYS`: a window written as a module constant is read through it.
      const value = prop && derefConst(prop.value, getScope);
      const days = value ? durationDays(value, s.window.unit) : undefined;
      if (!prop || !value || days === undefined || days >= minDays) return;
      const v = unwrap(value);
      let fixText: string;
      if (s.window.unit === 'days') fixText = String(fixDays);
      else if (s.window.unit === 'cdk-duration' && v.type === T.CallExpression && v.callee.type === T.MemberExpression)
        fixText = `${sourceCode.getText(v.callee.object)}.days(${fixDays})`;
      else fixText = v.type === T.ObjectExpression ? `{ seconds: ${fixDays * 86400} }` : `'${fixDays * 86400}s'`;
      const shown = days === 1 ? '1 day' : `${Number.isInteger(days) ? String(days) : days.toFixed(2)} days`;
      context.report({
        node: prop.value,
        messageId: 'shortWindow',
        data: {
          setting: s.title,
          property: propertyName(prop) ?? s.window.property,
          days: shown,
          min: String(minDays),
        },
        suggest: [
          {
            messageId: 'useWindow',
            data: { min: String(fixDays) },
            fix: (fixer) => fixer.replaceText(prop.value, fixText),
          },
        ],
      });
    };

    const checkRetention = (node: Call, s: RetentionSetting): void => {
      const scope = getScope(node);
      const opts = node.arguments[s.optionsArg];
      if (!opts || opts.type === T.SpreadElement) return;
      checkWindow(opts, s, scope);
      if (s.forceDelete) {
        const prop = optionProperty(opts, s.forceDelete, scope);
        const v = prop && unwrap(prop.value);
        if (prop && v?.type === T.Literal && v.value === true) {
          context.report({
            node: prop,
            messageId: 'forceDelete',
            data: { setting: s.title, property: s.forceDelete },
            suggest: [
              {
                messageId: 'useRecoveryWindow',
                data: { min: String(fixDays) },
                fix: (fixer) => fixer.replaceText(prop, `RecoveryWindowInDays: ${fixDays}`),
              },
            ],
          });
        }
      }
      if (s.removalPolicy) {
        const prop = optionProperty(opts, 'removalPolicy', scope);
        if (prop && isDestroyPolicy(prop.value) && !outlivesNothing(node, scope, s)) reportDestroy(prop.value, s);
      }
    };

    /** `key.applyRemovalPolicy(RemovalPolicy.DESTROY)` on a key or secret made in this file. */
    const checkApplyRemovalPolicy = (call: TSESTree.CallExpression): void => {
      const callee = unwrap(call.callee);
      if (callee.type !== T.MemberExpression || calleeName(callee) !== 'applyRemovalPolicy') return;
      const policy = call.arguments[0];
      if (!isDestroyPolicy(policy)) return;
      for (const o of flowOf(sourceCode).origins(callee.object)) {
        if (o.kind !== 'call' || o.node.type !== T.NewExpression) continue;
        const s = matchCallPattern(o.node, imports, getScope(o.node), retentionSettings);
        if (!s?.removalPolicy) continue;
        if (outlivesNothing(o.node, getScope(o.node), s)) return;
        return reportDestroy(unwrap(policy) as TSESTree.MemberExpression, s);
      }
    };

    return {
      Program(program) {
        imports = collectImports(program);
      },
      'CallExpression, NewExpression'(node: Call) {
        const s = matchCallPattern(node, imports, getScope(node), retentionSettings);
        if (s) return checkRetention(node, s);
        const bucket = node.type === T.NewExpression ? keyBucketForce(node, imports, getScope(node)) : undefined;
        if (bucket) {
          const data = { resource: bucket.setting.title, name: bucket.name, property: bucket.setting.force };
          return context.report({ node: bucket.prop, messageId: 'keyBucketEmptied', data });
        }
        if (node.type !== T.CallExpression) return;
        checkApplyRemovalPolicy(node);
        const purge = immediateDeletionOf(node, imports, getScope(node));
        if (purge) context.report({ node, messageId: 'purged', data: { api: purge.title, what: purge.what } });
      },
    };
  },
});

/**
 * Nothing lost with the resource: a key that encrypts only buckets destroyed with it, or a secret read by a resource
 * of the same stack (its credential, gone with it).
 */
function outlivesNothing(made: TSESTree.Node, scope: TSESLint.Scope.Scope, s: RetentionSetting): boolean {
  return s.destroySkipsRecovery ? consumedInStack(made, scope) : encryptsOnlyDestroyed(made, scope);
}
