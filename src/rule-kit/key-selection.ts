/**
 * Whether a signing or encrypting key is the one static key, or one chosen from a set (a keyring, a JWKS,
 * the active version, a caller's parameter): signing with a chosen key is the start of a rotation scheme,
 * not the missing-rotation hazard. Names come from the catalogue (`keySelectionName`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keySelectionName, perSubjectHolderName, perSubjectSecretName } from '../catalogue/iac.js';
import { envMapName, environmentTypes } from '../catalogue/index.js';
import { isSecretName, normaliseName } from '../detect/index.js';
import { findVariable, isParameter, propertyName, unwrap, type Scope } from './ast.js';
import { flowOf } from './flow/engine.js';
import { drawnByProgram } from './one-use-keys.js';

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

const holds = (name: string | undefined): boolean =>
  name !== undefined && perSubjectHolderName.pattern.test(normaliseName(name));
const ownedSecret = (name: string | undefined): boolean =>
  name !== undefined && perSubjectSecretName.pattern.test(normaliseName(name));

/** `user`, `req.user`, `team`, or `this` inside `class User`: one subject's record. */
function isSubjectRecord(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  if (n.type === T.Identifier) return holds(n.name);
  if (n.type === T.MemberExpression) return !n.computed && holds(propertyName(n));
  if (n.type !== T.ThisExpression) return false;
  let cls: TSESTree.Node | undefined = n.parent;
  while (cls && cls.type !== T.ClassDeclaration && cls.type !== T.ClassExpression) cls = cls.parent;
  return cls !== undefined && 'id' in cls && cls.id !== null && holds(cls.id.name);
}

/**
 * A key read from one subject's own record (`user.jwtSecret`, `this.signingKey` in `class Team`, through
 * `Buffer.from`/`TextEncoder` or a `const` copy): one key per subject, looked up by subject, not one static key.
 */
function readFromSubject(node: TSESTree.Node, scope: Scope, depth = 0): boolean {
  const n = unwrap(node);
  if (depth > 6) return false;
  switch (n.type) {
    case T.MemberExpression: {
      const prop = n.computed ? undefined : propertyName(n);
      return prop !== undefined && (isSecretName(prop) || ownedSecret(prop)) && isSubjectRecord(n.object);
    }
    case T.AwaitExpression:
      return readFromSubject(n.argument, scope, depth + 1);
    case T.CallExpression:
    case T.NewExpression: {
      // Buffer.from(user.secret), new TextEncoder().encode(team.signingKey), user.secret.toString()
      const a = n.arguments[0];
      if (a) return a.type !== T.SpreadElement && readFromSubject(a, scope, depth + 1);
      return n.callee.type === T.MemberExpression && readFromSubject(n.callee.object, scope, depth + 1);
    }
    case T.Identifier: {
      const d = findVariable(scope, n)?.defs[0];
      if (d?.node.type !== T.VariableDeclarator || !d.node.init) return false;
      // const { jwtSecret } = user
      if (d.node.id.type === T.ObjectPattern) return isSecretName(n.name) && isSubjectRecord(d.node.init);
      return d.node.id.type === T.Identifier && readFromSubject(d.node.init, scope, depth + 1);
    }
    default:
      return false;
  }
}

/**
 * The parameter whose member a key is, one level down: `params.jwtSecret`, `const { jwtSecret } = params`. Deeper
 * reads (`req.app.locals.jwtSecret`) reach the application's own settings through a request.
 */
function directMemberOfParameter(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const p = node.parent;
  const direct =
    (p?.type === T.VariableDeclarator && p.init === node && p.id.type === T.ObjectPattern) ||
    (p?.type === T.MemberExpression &&
      p.object === node &&
      !(p.parent?.type === T.MemberExpression && p.parent.object === p));
  return direct && isParameter(node, (n) => sourceCode.getScope(n));
}

/**
 * A parameter that carries the deployment's environment (`env: Env` of a Cloudflare Worker's handler, a helper's
 * `environment` argument): its members are the deployment's settings, the same for every call, not a key the
 * caller chose.
 */
function environmentParameter(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const n = unwrap(node);
  if (n.type !== T.Identifier || !isParameter(n, (x) => sourceCode.getScope(x))) return false;
  if (envMapName.pattern.test(normaliseName(n.name))) return true;
  const def = findVariable(sourceCode.getScope(n), n)?.defs[0]?.name;
  const t = def?.type === T.Identifier ? def.typeAnnotation?.typeAnnotation : undefined;
  return (
    t?.type === T.TSTypeReference && t.typeName.type === T.Identifier && environmentTypes.names.has(t.typeName.name)
  );
}

/**
 * A single static key: not chosen by the caller (a parameter) nor from a keyring or key set, nor read
 * from one subject's record (a per-user or per-client secret), nor drawn by the program itself at each start and
 * kept to itself (`drawnByProgram`): a long-lived key that a rotation would replace.
 */
export function isStaticKey(
  keyNode: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  payload?: TSESTree.Node,
): boolean {
  if (selectsFromSet(keyNode)) return false;
  // A generic signing helper (`issue(claims, key)`) takes the token and the key from its caller, who chooses both;
  // a function that writes its own claims (`bridgeToken(address, secret)`) issues one kind of token, and the key
  // handed to it is that token's one key unless its name says it is chosen from a set or owned by one subject.
  const passThrough = payload === undefined || isParameter(payload, (n) => sourceCode.getScope(n));
  if (readFromSubject(keyNode, sourceCode.getScope(keyNode))) return false;
  const flow = flowOf(sourceCode);
  const origins = flow.origins(keyNode);
  if (origins.length === 0 || drawnByProgram(flow, keyNode)) return false;
  for (const o of origins) {
    if (o.kind === 'param' && (passThrough || ownedSecret(o.name))) return false;
    if (selects(o.name)) return false;
    // const { clientSecret } = request.body: a secret named for its owner, read from outside the file
    if (o.kind === 'unknown' && ownedSecret(o.name)) return false;
    // `params.jwtSecret`, `const { jwtSecret } = params` (values.ts names the parameter's node for a member it
    // cannot follow): a member of a parameter is the caller's choice, as the same member destructured in the
    // parameter list (`function client({ jwtSecret })`) is
    if (
      o.kind === 'unknown' &&
      directMemberOfParameter(o.node, sourceCode) &&
      !environmentParameter(o.node, sourceCode)
    )
      return false;
    if ((o.kind === 'call' || o.kind === 'unknown') && selectsFromSet(o.node)) return false;
  }
  return true;
}
