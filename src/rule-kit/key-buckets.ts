/**
 * Buckets named for the keys they keep (catalogue `keyStoreName`) that IaC empties when the stack goes
 * (catalogue `keyBucketSettings`: CDK `autoDeleteObjects` with DESTROY, Pulumi/CDKTF `forceDestroy`). Read by
 * require-key-recovery-window.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyBucketSettings, keyStoreName, type KeyBucketSetting } from '../catalogue/deletion.js';
import { normaliseName } from '../detect/names.js';
import { staticString, unwrap } from './ast.js';
import { matchCallPattern } from './call-patterns.js';
import { isDestroyPolicy, optionProperty } from './durations.js';
import type { ImportMap } from './imports.js';

type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** A key bucket's force-delete setting: the property, the setting and the name that says it keeps keys. */
export interface KeyBucketForce {
  readonly prop: TSESTree.Property;
  readonly setting: KeyBucketSetting;
  readonly name: string;
}

/** The names a bucket goes by: its logical id, the binding it is stored in, its `bucket`/`bucketName` option. */
function bucketNames(node: Call, s: KeyBucketSetting, scope: TSESLint.Scope.Scope): string[] {
  const names: string[] = [];
  const id = staticString(node.arguments[s.idArg]);
  if (id !== undefined) names.push(id);
  const decl = node.parent;
  if (decl?.type === T.VariableDeclarator && decl.id.type === T.Identifier) names.push(decl.id.name);
  for (const opt of ['bucket', 'bucketName', 'bucketPrefix']) {
    const p = optionProperty(node.arguments[s.optionsArg], opt, scope);
    const v = p && staticString(p.value);
    if (v !== undefined) names.push(v);
  }
  return names;
}

export function keyBucketForce(
  node: Call,
  imports: ImportMap,
  scope: TSESLint.Scope.Scope,
): KeyBucketForce | undefined {
  const setting = matchCallPattern(node, imports, scope, keyBucketSettings);
  if (!setting) return undefined;
  const opts = node.arguments[setting.optionsArg];
  const prop = optionProperty(opts, setting.force, scope);
  const v = prop && unwrap(prop.value);
  if (!prop || v?.type !== T.Literal || v.value !== true) return undefined;
  if (setting.needsDestroy && !isDestroyPolicy(optionProperty(opts, 'removalPolicy', scope)?.value)) return undefined;
  const name = bucketNames(node, setting, scope).find((n) => keyStoreName.pattern.test(normaliseName(n)));
  return name === undefined ? undefined : { prop, setting, name };
}
