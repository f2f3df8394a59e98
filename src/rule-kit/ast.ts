/**
 * Small AST helpers shared by the rules. No rule walks the tree twice: these answer questions about
 * one node, following scope only as far as the question needs.
 */
import { TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils } from '@typescript-eslint/utils';

export type Scope = TSESLint.Scope.Scope;
const DefinitionType = TSESLint.Scope.DefinitionType;
export type Variable = TSESLint.Scope.Variable;

/** Strips TypeScript-only wrappers and optional chains: `(x as Buffer)!` → `x`. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let n = node;
  for (;;) {
    switch (n.type) {
      case T.TSAsExpression:
      case T.TSNonNullExpression:
      case T.TSSatisfiesExpression:
      case T.TSTypeAssertion:
      case T.TSInstantiationExpression:
        n = n.expression;
        continue;
      case T.ChainExpression:
        n = n.expression;
        continue;
      default:
        return n;
    }
  }
}

/** `a.b`, `a['b']`, `{ b: 1 }`, `class { b = 1 }` → `b`. */
export function propertyName(
  node: TSESTree.MemberExpression | TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition,
): string | undefined {
  const key = node.type === T.MemberExpression ? node.property : node.key;
  if (!node.computed && key.type === T.Identifier) return key.name;
  if (key.type === T.PrivateIdentifier) return key.name;
  if (key.type === T.Literal && (typeof key.value === 'string' || typeof key.value === 'number'))
    return String(key.value);
  if (key.type === T.TemplateLiteral && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** The value of a string literal or an expression-free template literal. */
export function staticString(node: TSESTree.Node | undefined | null): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (n.type === T.Literal && typeof n.value === 'string') return n.value;
  if (n.type === T.TemplateLiteral && n.expressions.length === 0) return n.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** A number literal's value (also `-1`, `2 ** 15` and `1 << 14`, which KDF settings use). */
export function staticNumber(node: TSESTree.Node | undefined | null): number | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (n.type === T.Literal && typeof n.value === 'number') return n.value;
  if (n.type === T.UnaryExpression && n.operator === '-') {
    const v = staticNumber(n.argument);
    return v === undefined ? undefined : -v;
  }
  if (n.type === T.BinaryExpression && n.left.type !== T.PrivateIdentifier) {
    const a = staticNumber(n.left);
    const b = staticNumber(n.right);
    if (a === undefined || b === undefined) return undefined;
    switch (n.operator) {
      case '**':
        return a ** b;
      case '*':
        return a * b;
      case '<<':
        return a << b;
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '/':
        return a / b;
      default:
        return undefined;
    }
  }
  if (n.type === T.Literal && typeof n.value === 'bigint') return Number(n.value);
  return undefined;
}

export function findVariable(scope: Scope, id: TSESTree.Identifier): Variable | undefined {
  return ASTUtils.findVariable(scope, id) ?? undefined;
}

/** A parameter of a function (the value is handed in by its caller). */
export function isParameter(n: TSESTree.Node, getScope: (n: TSESTree.Node) => Scope): boolean {
  const u = unwrap(n);
  if (u.type !== T.Identifier) return false;
  const v = findVariable(getScope(u), u);
  return v?.defs.length === 1 && v.defs[0]!.type === DefinitionType.Parameter;
}

/**
 * The initialiser of a binding that is never re-assigned (`const`, or `let` with no later write),
 * or undefined.
 */
export function constInitOf(id: TSESTree.Identifier, scope: Scope): TSESTree.Expression | undefined {
  const v = findVariable(scope, id);
  if (!v || v.defs.length !== 1) return undefined;
  const def = v.defs[0]!;
  if (
    def.type !== DefinitionType.Variable ||
    def.node.type !== T.VariableDeclarator ||
    def.node.id.type !== T.Identifier ||
    !def.node.init
  )
    return undefined;
  const writes = v.references.filter((r) => r.isWrite() && r.writeExpr !== def.node.init);
  return writes.length === 0 ? def.node.init : undefined;
}

/** Follows `const X = …` (up to four steps) to the expression that holds the value. */
export function derefConst(
  node: TSESTree.Node | undefined | null,
  getScope: (n: TSESTree.Node) => Scope,
): TSESTree.Node | undefined {
  let n = node ? unwrap(node) : undefined;
  for (let i = 0; i < 4 && n?.type === T.Identifier; i++) {
    const init = constInitOf(n, getScope(n));
    if (!init) break;
    n = unwrap(init);
  }
  return n;
}

/** The static name of what an expression is stored under: `const k = …`, `{ k: … }`, `this.k = …`. */
export function bindingNameOf(node: TSESTree.Node): string | undefined {
  const p = node.parent;
  if (!p) return undefined;
  switch (p.type) {
    case T.VariableDeclarator:
      return p.init === node && p.id.type === T.Identifier ? p.id.name : undefined;
    case T.Property:
      return p.value === node ? propertyName(p) : undefined;
    case T.PropertyDefinition:
      return p.value === node ? propertyName(p) : undefined;
    case T.AssignmentExpression:
      if (p.right !== node) return undefined;
      if (p.left.type === T.Identifier) return p.left.name;
      if (p.left.type === T.MemberExpression) return propertyName(p.left);
      return undefined;
    case T.AssignmentPattern:
      return p.right === node && p.left.type === T.Identifier ? p.left.name : undefined;
    case T.TSAsExpression:
    case T.TSNonNullExpression:
    case T.TSSatisfiesExpression:
      return bindingNameOf(p);
    default:
      return undefined;
  }
}

/** Whether `await` is allowed at `node`: inside an async function, or at the top level of a module. */
export function canAwaitAt(node: TSESTree.Node, sourceType: 'module' | 'script' | 'commonjs' | undefined): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === T.FunctionDeclaration || p.type === T.FunctionExpression || p.type === T.ArrowFunctionExpression)
      return p.async;
    if (p.type === T.PropertyDefinition || p.type === T.StaticBlock) return false;
  }
  return sourceType === 'module';
}

/** `process.env.X`, `process.env['X']`, `import.meta.env.X`, `Deno.env.get('X')` → `X`. */
export function envVarName(node: TSESTree.Node): string | undefined {
  const n = unwrap(node);
  if (n.type === T.MemberExpression) {
    const o = unwrap(n.object);
    const name = propertyName(n);
    if (o.type === T.MemberExpression && propertyName(o) === 'env') {
      const base = unwrap(o.object);
      if (base.type === T.Identifier && base.name === 'process') return name ?? '*';
      if (base.type === T.MetaProperty) return name ?? '*';
    }
  }
  if (n.type === T.CallExpression && n.callee.type === T.MemberExpression && propertyName(n.callee) === 'get') {
    const o = unwrap(n.callee.object);
    if (
      o.type === T.MemberExpression &&
      propertyName(o) === 'env' &&
      o.object.type === T.Identifier &&
      o.object.name === 'Deno'
    )
      return staticString(n.arguments[0]) ?? '*';
  }
  return undefined;
}

/** Whether the node is `process.env` itself (a whole-environment dump). */
export function isProcessEnv(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  return (
    n.type === T.MemberExpression &&
    propertyName(n) === 'env' &&
    unwrap(n.object).type === T.Identifier &&
    (unwrap(n.object) as TSESTree.Identifier).name === 'process'
  );
}

/** `SOME_NAME` from `someName`: the environment variable a suggestion reads. */
export function constantCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

/** `some-name` from `someName` or `SOME_NAME`: the key name a keystore suggestion uses. */
export function kebabCase(name: string): string {
  return constantCase(name).toLowerCase().replace(/_/g, '-');
}

/** The child nodes of `n`, by the parser's visitor keys. */
export function childrenOf(n: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  for (const key of visitorKeys[n.type] ?? []) {
    const child = (n as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) {
      for (const c of child as unknown[]) if (c && typeof c === 'object' && 'type' in c) out.push(c as TSESTree.Node);
    } else if (child && typeof child === 'object' && 'type' in child) out.push(child as TSESTree.Node);
  }
  return out;
}

export type FunctionNode =
  TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** A function declaration, expression or arrow. */
export function isFunctionNode(n: TSESTree.Node | undefined | null): n is FunctionNode {
  return n?.type === T.FunctionDeclaration || n?.type === T.FunctionExpression || n?.type === T.ArrowFunctionExpression;
}

/**
 * The name a callee (or any reference) goes by: `f` for `f`, `m` for `a.b.m` or `a['m']`, else
 * undefined. The one spelling of the "identifier name or member property" question the rules ask.
 */
export function calleeName(node: TSESTree.Node | undefined | null): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (n.type === T.Identifier) return n.name;
  if (n.type === T.MemberExpression) return propertyName(n);
  return undefined;
}

/** The identifier a member chain starts from (`db` in `db.secret.arn`, through casts), or none (`this.x`, `f().y`). */
export function rootIdentifier(n: TSESTree.Node): TSESTree.Identifier | undefined {
  let u = unwrap(n);
  while (u.type === T.MemberExpression) u = unwrap(u.object);
  return u.type === T.Identifier ? u : undefined;
}

/** `opts.token`, `this.auth.token`, `job.data`: the dotted text of a member chain of plain names. */
export function memberPath(n: TSESTree.Node): string | undefined {
  const u = unwrap(n);
  if (u.type === T.Identifier) return u.name;
  if (u.type === T.ThisExpression) return 'this';
  if (u.type !== T.MemberExpression || u.computed || u.property.type !== T.Identifier) return undefined;
  const o = memberPath(u.object);
  return o === undefined ? undefined : `${o}.${u.property.name}`;
}

/** The nearest function around a node (not the node itself). */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let p = node.parent; p; p = p.parent) if (isFunctionNode(p)) return p;
  return undefined;
}

/** The body of the nearest class around a node. */
export function enclosingClass(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.type === T.ClassBody) return p;
  return undefined;
}

/** Every `this.field` in a class body (nested classes left out). */
export function thisMembers(cls: TSESTree.ClassBody, field: string): TSESTree.MemberExpression[] {
  const out: TSESTree.MemberExpression[] = [];
  const stack: TSESTree.Node[] = [cls];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === T.MemberExpression && unwrap(n.object).type === T.ThisExpression && propertyName(n) === field)
      out.push(n);
    if (n.type === T.ClassBody && n !== cls) continue;
    for (const [k, v] of Object.entries(n)) {
      if (k === 'parent') continue;
      for (const c of Array.isArray(v) ? v : [v])
        if (c && typeof c === 'object' && typeof (c as { type?: unknown }).type === 'string')
          stack.push(c as TSESTree.Node);
    }
  }
  return out;
}

/** Loops: statements that run the code inside them more than once. */
export const loopStatements: ReadonlySet<string> = new Set([
  T.ForStatement,
  T.ForInStatement,
  T.ForOfStatement,
  T.WhileStatement,
  T.DoWhileStatement,
]);
