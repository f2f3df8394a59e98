/**
 * The static text of a file path expression, for the key-file path patterns: literals, templates,
 * concatenation, `path.join`/`path.resolve` and `const` bindings are followed; every unknown part
 * becomes `*` (`path.join(dir, \`${id}.pem\`)` → `*\/*.pem`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyFilePath } from '../catalogue/deletion.js';
import { calleeName, constInitOf, findVariable, staticString, unwrap } from './ast.js';

export function pathText(node: TSESTree.Node, getScope: (n: TSESTree.Node) => TSESLint.Scope.Scope, depth = 0): string {
  const n = unwrap(node);
  if (depth > 6) return '*';
  const s = staticString(n);
  if (s !== undefined) return s;
  const next = (e: TSESTree.Node): string => pathText(e, getScope, depth + 1);
  if (n.type === T.TemplateLiteral)
    return n.quasis.map((q, i) => (q.value.cooked ?? '') + (n.expressions[i] ? next(n.expressions[i]!) : '')).join('');
  if (n.type === T.BinaryExpression && n.operator === '+') return next(n.left) + next(n.right);
  if (n.type === T.CallExpression) {
    const fn = calleeName(unwrap(n.callee));
    if (fn === 'join' || fn === 'resolve') return n.arguments.map(next).join('/');
    // `smtpKeyFile()` where `const smtpKeyFile = () => path.join(dir, 'smtp.key')`: the helper's one result.
    const helper = unwrap(n.callee);
    const body =
      helper.type === T.Identifier
        ? returnedExpression(helper, getScope)
        : helper.type === T.MemberExpression
          ? ownMethodResult(helper)
          : undefined;
    if (body) return next(body);
  }
  if (n.type === T.Identifier) {
    const init = constInitOf(n, getScope(n));
    if (init) return next(init);
  }
  return '*';
}

/** A path text (from `pathText`) that names a key file, and neither it nor its last segment is a public half. */
export function namesKeyFilePath(text: string): boolean {
  const last = text.split(/[\\/]/).pop() ?? text;
  return keyFilePath.pattern.test(text) && !keyFilePath.exclude.test(text) && !keyFilePath.exclude.test(last);
}

/**
 * `this.cacheDir()` where the class declares `cacheDir() { const dir = join(homedir(), '.aws', 'sso', 'cache');
 * mkdirSync(dir); return dir; }`: what the class's own method returns (session 33), as for a helper below.
 */
function ownMethodResult(callee: TSESTree.MemberExpression): TSESTree.Node | undefined {
  if (callee.object.type !== T.ThisExpression || callee.property.type !== T.Identifier || callee.computed)
    return undefined;
  const name = callee.property.name;
  let body: TSESTree.Node | undefined = callee.parent;
  while (body && body.type !== T.ClassBody) body = body.parent;
  const method = body?.body.find(
    (m): m is TSESTree.MethodDefinition =>
      m.type === T.MethodDefinition && m.kind === 'method' && m.key.type === T.Identifier && m.key.name === name,
  );
  return method?.value.type === T.FunctionExpression ? resultOf(method.value) : undefined;
}

/**
 * The expression a function returns when its body is straight-line: `() => expr`, or a block of declarations and
 * expression statements ending in its one `return` (`const dir = join(…); mkdirSync(dir); return dir;`).
 */
function resultOf(
  fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration,
): TSESTree.Node | undefined {
  if (fn.body.type !== T.BlockStatement) return fn.body;
  const body = fn.body.body;
  const last = body[body.length - 1];
  const straight = body
    .slice(0, -1)
    .every((st) => st.type === T.VariableDeclaration || st.type === T.ExpressionStatement);
  return straight && last?.type === T.ReturnStatement && last.argument ? last.argument : undefined;
}

/**
 * The one expression a same-file function returns (`() => expr`, `function f() { return expr; }`, a body whose only
 * statement is that return), for a path built by a helper; undefined for anything longer.
 */
function returnedExpression(
  callee: TSESTree.Identifier,
  getScope: (n: TSESTree.Node) => TSESLint.Scope.Scope,
): TSESTree.Node | undefined {
  const v = findVariable(getScope(callee), callee);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  const fn =
    def?.node.type === T.FunctionDeclaration
      ? def.node
      : def?.node.type === T.VariableDeclarator && def.node.init
        ? unwrap(def.node.init)
        : undefined;
  if (fn?.type !== T.ArrowFunctionExpression && fn?.type !== T.FunctionExpression && fn?.type !== T.FunctionDeclaration)
    return undefined;
  if (fn.body.type !== T.BlockStatement) return fn.body;
  const only = fn.body.body.length === 1 ? fn.body.body[0] : undefined;
  return only?.type === T.ReturnStatement && only.argument ? only.argument : undefined;
}
