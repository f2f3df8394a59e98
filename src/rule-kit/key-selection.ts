/**
 * Whether a signing or encrypting key is the one static key, or one chosen from a set (a keyring, a JWKS,
 * the active version, a caller's parameter): signing with a chosen key is the start of a rotation scheme,
 * not the missing-rotation hazard. Names come from the catalogue (`keySelectionName`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keySelectionName } from '../catalogue/iac.js';
import { normaliseName } from '../detect/index.js';
import { propertyName, unwrap } from './ast.js';
import { flowOf } from './flow/engine.js';

const selects = (name: string | undefined): boolean =>
  name !== undefined && keySelectionName.pattern.test(normaliseName(name));

/** Identifier and property names along a key expression, and whether it indexes into a set. */
function selectsFromSet(node: TSESTree.Node, depth = 0): boolean {
  const n = unwrap(node);
  if (depth > 8) return false;
  switch (n.type) {
    case T.Identifier:
      return selects(n.name);
    case T.MemberExpression:
      // keys[kid], jwks.keys[0]: a member of a key set
      return n.computed || selects(propertyName(n)) || selectsFromSet(n.object, depth + 1);
    case T.CallExpression:
      return (
        selectsFromSet(n.callee, depth + 1) ||
        n.arguments.some((a) => a.type === T.Identifier && selectsFromSet(a, depth + 1))
      );
    case T.AwaitExpression:
      return selectsFromSet(n.argument, depth + 1);
    default:
      return false;
  }
}

/** A single static key: not chosen by the caller (a parameter) nor from a keyring or key set. */
export function isStaticKey(keyNode: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (selectsFromSet(keyNode)) return false;
  const origins = flowOf(sourceCode).origins(keyNode);
  if (origins.length === 0) return false;
  for (const o of origins) {
    if (o.kind === 'param') return false;
    if (selects(o.name)) return false;
    if ((o.kind === 'call' || o.kind === 'unknown') && selectsFromSet(o.node)) return false;
  }
  return true;
}
