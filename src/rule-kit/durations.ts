/**
 * Recovery windows and removal policies in cloud SDK and IaC options: a window's length in days, read
 * with the catalogue's duration formats (src/catalogue/iac.ts), and `RemovalPolicy.DESTROY`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { cdkDuration, durationStringPattern } from '../catalogue/iac.js';
import { calleeName, constInitOf, findVariable, propertyName, staticNumber, staticString, unwrap } from './ast.js';

/**
 * Days in a window expression, per unit (`7`, `Duration.days(7)`, `'604800s'`, `{ seconds: 604800 }`);
 * undefined when not static.
 */
export function durationDays(v: TSESTree.Node, unit: 'days' | 'cdk-duration' | 'gcp-duration'): number | undefined {
  const n = unwrap(v);
  if (unit === 'days') return staticNumber(n);
  if (unit === 'cdk-duration') {
    if (n.type !== T.CallExpression || n.callee.type !== T.MemberExpression) return undefined;
    const amount = staticNumber(n.arguments[0]);
    const perUnit = cdkDuration.daysPerUnit[calleeName(n.callee) ?? ''];
    return amount === undefined || perUnit === undefined ? undefined : amount * perUnit;
  }
  const s = staticString(n);
  if (s !== undefined) {
    const m = durationStringPattern.exec(s.trim());
    return m ? Number(m[1]) / 86_400 : undefined;
  }
  if (n.type === T.ObjectExpression) {
    const p = n.properties.find((q): q is TSESTree.Property => q.type === T.Property && propertyName(q) === 'seconds');
    const secs = p ? staticNumber(p.value) : undefined;
    return secs === undefined ? undefined : secs / 86_400;
  }
  return undefined;
}

/** The property `path` (dotted) of an options object literal, following a const binding. */
export function optionProperty(
  obj: TSESTree.Node | undefined,
  path: string,
  scope: TSESLint.Scope.Scope,
): TSESTree.Property | undefined {
  let cur: TSESTree.Node | undefined = obj;
  let found: TSESTree.Property | undefined;
  for (const key of path.split('.')) {
    if (!cur) return undefined;
    cur = unwrap(cur);
    if (cur.type === T.Identifier) cur = constInitOf(cur, scope) ?? cur;
    if (cur.type !== T.ObjectExpression) return undefined;
    found = cur.properties.find((p): p is TSESTree.Property => p.type === T.Property && propertyName(p) === key);
    cur = found?.value;
  }
  return found;
}

/** `RemovalPolicy.DESTROY`, `cdk.RemovalPolicy.DESTROY`. */
export function isDestroyPolicy(n: TSESTree.Node | undefined): n is TSESTree.MemberExpression {
  if (!n) return false;
  const u = unwrap(n);
  if (u.type !== T.MemberExpression || propertyName(u) !== 'DESTROY') return false;
  const o = unwrap(u.object);
  return (
    (o.type === T.Identifier && o.name === 'RemovalPolicy') ||
    (o.type === T.MemberExpression && propertyName(o) === 'RemovalPolicy')
  );
}

/**
 * The key made by `keyNew` (`const key = new kms.Key(…)`) is used only to encrypt buckets that CDK
 * empties and deletes with the stack (`encryptionKey: key` beside `removalPolicy: DESTROY` and
 * `autoDeleteObjects: true`): nothing encrypted under it outlives it, so destroying the key loses no
 * data. A resource destroyed without being emptied (CloudFormation keeps a non-empty bucket) does not
 * count, nor does any other use; `applyRemovalPolicy` calls on the key itself are not uses.
 */
export function encryptsOnlyDestroyed(keyNew: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  const decl = keyNew.parent;
  if (decl?.type !== T.VariableDeclarator || decl.init !== keyNew || decl.id.type !== T.Identifier) return false;
  const v = findVariable(scope, decl.id);
  if (!v) return false;
  let destroyedUses = 0;
  for (const ref of v.references) {
    if (ref.init) continue;
    const id = ref.identifier as TSESTree.Node;
    const p = id.parent;
    // Policy and permission calls on the key (`applyRemovalPolicy`, `grantEncryptDecrypt(role)`) encrypt nothing.
    const method = p?.type === T.MemberExpression && p.object === id ? (propertyName(p) ?? '') : undefined;
    if (method !== undefined && /^(?:applyRemovalPolicy|grant\w*|addAlias|addToResourcePolicy)$/.test(method)) continue;
    const obj = p?.type === T.Property && p.value === id ? p.parent : undefined;
    const owner = obj?.type === T.ObjectExpression ? obj.parent : undefined;
    if (owner?.type !== T.NewExpression || !owner.arguments.includes(obj as TSESTree.ObjectExpression)) return false;
    const policy = (obj as TSESTree.ObjectExpression).properties.find(
      (q): q is TSESTree.Property => q.type === T.Property && propertyName(q) === 'removalPolicy',
    );
    const emptied = (obj as TSESTree.ObjectExpression).properties.some(
      (q) => q.type === T.Property && propertyName(q) === 'autoDeleteObjects' && staticBoolean(q.value) === true,
    );
    if (!isDestroyPolicy(policy?.value) || !emptied) return false;
    destroyedUses++;
  }
  return destroyedUses > 0;
}

/**
 * The secret made by `secretNew` (`const pw = new secretsmanager.Secret(…)`) is read by another resource of the
 * same stack (`pw.secretValueFromJson('password')`, `Credentials.fromSecret(pw)`, `pw.secretArn` handed to a
 * function): it is that resource's credential, and goes with the stack as the resource does, so destroying it loses
 * nothing that outlives the stack. A secret nothing here reads (an API key, a passphrase for systems elsewhere) does
 * not count; `applyRemovalPolicy` and grants are not reads.
 */
export function consumedInStack(secretNew: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  const decl = secretNew.parent;
  if (decl?.type !== T.VariableDeclarator || decl.init !== secretNew || decl.id.type !== T.Identifier) return false;
  return (findVariable(scope, decl.id)?.references ?? []).some((ref) => {
    if (ref.init) return false;
    const id = ref.identifier as TSESTree.Node;
    const p = id.parent;
    const method = p?.type === T.MemberExpression && p.object === id ? (propertyName(p) ?? '') : undefined;
    if (method !== undefined)
      return !/^(?:applyRemovalPolicy|grant\w*|addRotation\w*|addToResourcePolicy)$/.test(method);
    return p?.type === T.CallExpression || p?.type === T.NewExpression || p?.type === T.Property;
  });
}

function staticBoolean(n: TSESTree.Node): boolean | undefined {
  const u = unwrap(n);
  return u.type === T.Literal && typeof u.value === 'boolean' ? u.value : undefined;
}
