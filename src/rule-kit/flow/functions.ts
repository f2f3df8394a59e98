/**
 * Same-file functions for the value-flow engine: which function a call runs, what a function is called,
 * what it returns, and a callee as dotted text.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, TSESLint as Lint } from '@typescript-eslint/utils';
import {
  childrenOf,
  constInitOf,
  enclosingClass,
  findVariable,
  propertyName,
  staticNumber,
  unwrap,
  type FunctionNode,
  type Scope,
} from '../ast.js';

const DefinitionType = Lint.Scope.DefinitionType;

/** `Math.floor`, `crypto.createHash`, `String`: a callee as dotted text, for the small tables above. */
export function dotted(node: TSESTree.Node): string | undefined {
  const n = unwrap(node);
  if (n.type === T.Identifier) return n.name;
  if (n.type === T.MemberExpression) {
    const p = propertyName(n);
    const o = dotted(n.object);
    return p !== undefined && o !== undefined ? `${o}.${p}` : undefined;
  }
  return undefined;
}

/** The width in bits of the integer a buffer read returns. */
export function readBits(method: string, args: readonly TSESTree.Node[]): number | undefined {
  if (/^read(?:U?Int)8$/.test(method)) return 8;
  if (/^readU?Int16/.test(method)) return 16;
  if (/^readU?Int32/.test(method)) return 32;
  if (/^readBig/.test(method)) return 64;
  if (/^readU?Int[BL]E$/.test(method)) {
    const n = staticNumber(args[1]);
    return n === undefined ? 48 : n * 8;
  }
  return undefined;
}

/** The functions a call to `callee` runs, when they are in this file and never re-bound. */
export function localFunction(callee: TSESTree.Node, getScope: (n: TSESTree.Node) => Scope): FunctionNode | undefined {
  const c = unwrap(callee);
  if (c.type === T.Identifier) {
    const v = findVariable(getScope(c), c);
    if (!v || v.defs.length !== 1) return undefined;
    const def = v.defs[0]!;
    if (
      def.type === DefinitionType.FunctionName &&
      (def.node.type === T.FunctionDeclaration || def.node.type === T.FunctionExpression)
    )
      return def.node;
    if (def.type === DefinitionType.Variable) {
      const init = constInitOf(c, getScope(c));
      const f = init && unwrap(init);
      if (f && (f.type === T.ArrowFunctionExpression || f.type === T.FunctionExpression)) return f;
    }
    return undefined;
  }
  // this.helper(): a method of the enclosing class.
  if (c.type === T.MemberExpression && unwrap(c.object).type === T.ThisExpression) {
    const name = propertyName(c);
    const cls = enclosingClass(c);
    if (!cls || name === undefined) return undefined;
    for (const m of cls.body) {
      if (m.type === T.MethodDefinition && m.kind === 'method' && propertyName(m) === name)
        return m.value.type === T.FunctionExpression ? m.value : undefined;
      if (
        m.type === T.PropertyDefinition &&
        propertyName(m) === name &&
        m.value &&
        (m.value.type === T.ArrowFunctionExpression || m.value.type === T.FunctionExpression)
      )
        return m.value;
    }
  }
  return undefined;
}

/** The name a function goes by: its own, or the binding, property or method it is stored under. */
export function functionName(fn: FunctionNode): string | undefined {
  if (fn.type !== T.ArrowFunctionExpression && fn.id) return fn.id.name;
  const p = fn.parent;
  if (!p) return undefined;
  if (p.type === T.VariableDeclarator && p.id.type === T.Identifier) return p.id.name;
  if ((p.type === T.Property || p.type === T.MethodDefinition || p.type === T.PropertyDefinition) && p.value === fn)
    return propertyName(p);
  if (p.type === T.AssignmentExpression && p.right === fn)
    return p.left.type === T.Identifier
      ? p.left.name
      : p.left.type === T.MemberExpression
        ? propertyName(p.left)
        : undefined;
  return undefined;
}

/** The return expressions of a function (an arrow's expression body counts), not those of nested functions. */
export function returnExpressions(fn: FunctionNode, visitorKeys: TSESLint.SourceCode.VisitorKeys): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  if (fn.body.type !== T.BlockStatement) out.push(fn.body);
  else {
    const stack: TSESTree.Node[] = [fn.body];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === T.ReturnStatement) {
        if (n.argument) out.push(n.argument);
        continue;
      }
      if (
        n !== fn.body &&
        (n.type === T.FunctionDeclaration ||
          n.type === T.FunctionExpression ||
          n.type === T.ArrowFunctionExpression ||
          n.type === T.ClassBody)
      )
        continue;
      stack.push(...childrenOf(n, visitorKeys));
    }
  }
  return out;
}

/**
 * The calls of `fn` written in this file by its own name (`seal(x, pw)` for `function seal(…)` or
 * `const seal = (…) => …`), or undefined when the function is re-bound or has no name to be called by.
 */
export function callsInFile(
  fn: FunctionNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
): readonly TSESTree.CallExpression[] | undefined {
  const holder =
    fn.type === T.FunctionDeclaration ? fn : fn.parent?.type === T.VariableDeclarator ? fn.parent : undefined;
  const v = holder && sourceCode.scopeManager?.getDeclaredVariables(holder)[0];
  if (!v || v.defs.length !== 1 || v.references.some((r) => r.isWrite() && r.writeExpr !== fn)) return undefined;
  const calls: TSESTree.CallExpression[] = [];
  for (const r of v.references) {
    const p = r.identifier.parent;
    if (p?.type === T.CallExpression && p.callee === r.identifier) calls.push(p);
  }
  return calls;
}
