/**
 * Secret-store payloads followed by their origin (issue 11, session 40): what a secret store hands back holds the
 * secret itself, whatever the binding or the log field is called (`{ data }`, `{ payload }`, `{ result }`). A value
 * counts when it is a secret-store read (the catalogue's `secretStoreReads`: an AWS Secrets Manager
 * `GetSecretValue`, a Google Secret Manager `accessSecretVersion`, an Azure Key Vault `getSecret`, a Vault `read`,
 * an OS keychain or mobile secure store read), awaited, sent as an SDK v3 command or through a v2 `.promise()`, or is
 * made from one through:
 * - a read of the response's value members (`secretStoreValueMembers`: `SecretString`, `payload`, `data`, `value`),
 *   and of the first element of a response returned as a tuple (`const [version] = await client.access…()`);
 * - the catalogue's pass-through calls and methods (`passThrough`: `JSON.parse`, `Buffer.from`, `.toString()`), a
 *   method only when its arguments are none or an encoding (`stringEncodings`: `.toString('utf8')`);
 * - a `const` binding, or a destructuring of one of the members above.
 * Its metadata members (`ARN`, `Name`, `VersionId`, `name`, `createTime`), its length, a hash of it and the fields
 * of a parsed payload (`conf.host`, `conf.username`: judged by their own names elsewhere) are not followed.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { stringEncodings } from '../catalogue/deletion.js';
import { passThrough, secretStoreReads, secretStoreValueMembers } from '../catalogue/loggers.js';
import { findVariable, propertyName, staticString, unwrap, type Scope } from './ast.js';
import { matchCallPattern } from './call-patterns.js';
import type { ImportMap } from './imports.js';
import { dotted } from './flow/functions.js';
import { operationCall } from './key-exports.js';

const MAX_STEPS = 8;

/** A binding's single initialiser and the pattern path to the binding inside it (`const { a: [b] } = init`). */
function boundFrom(
  id: TSESTree.Identifier,
  scope: Scope,
): { init: TSESTree.Expression; path: readonly (string | number)[] } | undefined {
  const v = findVariable(scope, id);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  const decl = def?.node.type === T.VariableDeclarator ? def.node : undefined;
  const init = decl?.init;
  if (!decl || !init || v!.references.some((r) => r.isWrite() && r.writeExpr !== init)) return undefined;
  const path: (string | number)[] = [];
  for (let n: TSESTree.Node = def!.name; n !== decl.id;) {
    const parent: TSESTree.Node | undefined = n.parent;
    if (!parent) return undefined;
    if (parent.type === T.Property && parent.value === n) {
      const key = propertyName(parent);
      if (key === undefined) return undefined;
      path.unshift(key);
    } else if (parent.type === T.ArrayPattern)
      path.unshift(parent.elements.indexOf(n as TSESTree.DestructuringPattern));
    else if (parent.type !== T.ObjectPattern && parent.type !== T.AssignmentPattern) return undefined;
    n = parent;
  }
  return { init, path };
}

/**
 * The title of the secret-store read `node` holds secret values of (see the module comment), else undefined.
 * `getScope` answers the scope of a node of the same file.
 */
export function storePayloadOf(
  node: TSESTree.Node,
  imports: ImportMap,
  getScope: (n: TSESTree.Node) => Scope,
): string | undefined {
  /** `path`: the members still to read from what `n` evaluates to (outermost last). */
  const walk = (n: TSESTree.Node, path: readonly (string | number)[], steps: number): string | undefined => {
    if (steps > MAX_STEPS) return undefined;
    const u = unwrap(n);
    const next = (x: TSESTree.Node, p: readonly (string | number)[] = path) => walk(x, p, steps + 1);
    switch (u.type) {
      case T.AwaitExpression:
        return next(u.argument);
      case T.ChainExpression:
        return next(u.expression);
      case T.CallExpression: {
        const op = operationCall(u);
        const read = op ? matchCallPattern(op, imports, getScope(op), secretStoreReads) : undefined;
        if (read) {
          // the response itself, or its tuple's first element, then only its value members
          const rest = path[0] === 0 ? path.slice(1) : path;
          return rest.every((m) => typeof m === 'string' && secretStoreValueMembers.has(m)) ? read.title : undefined;
        }
        if (path.length) return undefined;
        const callee = unwrap(u.callee);
        const fn = dotted(callee);
        const first = u.arguments[0];
        if (fn !== undefined && passThrough.functions.has(fn) && first && first.type !== T.SpreadElement)
          return next(first);
        // `.toString('utf8')`, `.toJSON()`, `.trim()`: the same text; not a `.replace(…)` or a `.split(…)`, whose
        // arguments may mask or cut it
        const method = callee.type === T.MemberExpression ? propertyName(callee) : undefined;
        const encodingOnly = u.arguments.every((a) => stringEncodings.has(staticString(a) ?? ''));
        return method !== undefined &&
          passThrough.methods.has(method) &&
          encodingOnly &&
          callee.type === T.MemberExpression
          ? next(callee.object)
          : undefined;
      }
      case T.MemberExpression: {
        const key = u.computed && u.property.type === T.Literal ? u.property.value : propertyName(u);
        if (typeof key !== 'string' && typeof key !== 'number') return undefined;
        return next(u.object, [key, ...path]);
      }
      case T.Identifier: {
        const bound = boundFrom(u, getScope(u));
        return bound ? next(bound.init, [...bound.path, ...path]) : undefined;
      }
      default:
        return undefined;
    }
  };
  return walk(node, [], 0);
}
