/**
 * A data key minted once and kept for every later encryption (catalogue `dataKeyGenerators`): the minting call sits
 * in a get-or-create function that stores its result in a holder that outlives the call (`this.dataKey = …`,
 * `this.keys.set(tenant, …)`, a module variable) after testing that holder (`if (!this.dataKey)`, `const hit =
 * keys.get(tenant); if (hit) return hit`, `this.dataKey ??= …`). Such a key is never replaced unless something bounds
 * its age: a clock read used in arithmetic or a comparison (`Date.now() - entry.at > MAX_AGE`, `expiresAt: Date.now()
 * + TTL`), a timer, or another function that writes or clears the holder. Any of those in the class (or, outside a
 * class, the module) leaves the call alone. A clock read only stored (`createdAt: Date.now()`) bounds nothing.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { dataKeyGenerators } from '../catalogue/iac.js';
import { childrenOf, enclosingClass, enclosingFunction, memberPath, propertyName, unwrap, type Scope } from './ast.js';
import { anyShapeMatches, type CalleePath } from './sinks.js';

type Node = TSESTree.Node;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** `this.x…` or a name bound outside `fn`: a holder that outlives one call of `fn`. */
function holderPath(n: Node, fn: Node, scope: Scope): string | undefined {
  const path = memberPath(n);
  if (!path) return undefined;
  if (path === 'this' || path.startsWith('this.')) return path === 'this' ? undefined : path;
  const root = path.split('.')[0]!;
  for (let s: Scope | null = scope; s; s = s.upper) {
    const v = s.set.get(root);
    if (!v) continue;
    const def = v.defs[0]?.node;
    return def && def.range[0] >= fn.range[0] && def.range[1] <= fn.range[1] ? undefined : path;
  }
  return undefined;
}

function isClockRead(n: Node): boolean {
  const callee = n.type === T.CallExpression || n.type === T.NewExpression ? memberPath(n.callee) : undefined;
  if (!callee) return false;
  const text = n.type === T.NewExpression ? `new ${callee}` : callee;
  return dataKeyGenerators.clockReads.some((c) => text === c || text.endsWith(`.${c}`));
}

/** Every node under `root` (nested functions included), in source order. */
function nodesOf(root: Node, keys: TSESLint.SourceCode.VisitorKeys): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    stack.push(...childrenOf(n, keys).reverse());
  }
  return out;
}

/** Whether `around` bounds the age of what `holder` keeps: a clock in arithmetic, a timer, a write elsewhere. */
function bounded(around: Node, fn: Node, holder: string, keys: TSESLint.SourceCode.VisitorKeys): boolean {
  for (const n of nodesOf(around, keys)) {
    if (isClockRead(n) && n.parent?.type === T.BinaryExpression) return true;
    if (n.type === T.CallExpression && calleeIs(n, 'setInterval')) return true;
    const inFn = n.range[0] >= fn.range[0] && n.range[1] <= fn.range[1];
    if (inFn) continue;
    if (n.type === T.AssignmentExpression && memberPath(n.left) === holder) return true;
    if (n.type === T.CallExpression && n.callee.type === T.MemberExpression && propertyName(n.callee) === 'clear')
      if (memberPath(n.callee.object) === holder) return true;
  }
  return false;
}

const calleeIs = (n: TSESTree.CallExpression, name: string): boolean => memberPath(n.callee)?.endsWith(name) ?? false;

/** True when `node` mints a data key that a get-or-create function keeps with nothing bounding its age. */
export function cachedDataKey(
  node: Call,
  cp: CalleePath,
  getScope: (n: Node) => Scope,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  if (!anyShapeMatches(dataKeyGenerators.match, cp)) return false;
  const fn = enclosingFunction(node);
  if (!fn) return false;
  const keys = sourceCode.visitorKeys;
  const all = nodesOf(fn.body, keys);
  const holders = new Set<string>();
  const guards: string[] = [];
  const locals = new Map<string, string>();
  for (const n of all) {
    if (n.type === T.VariableDeclarator && n.id.type === T.Identifier && n.init)
      locals.set(n.id.name, sourceCode.getText(n.init));
    const test = n.type === T.IfStatement || n.type === T.ConditionalExpression ? n.test : undefined;
    if (test && test.range[1] <= node.range[0]) guards.push(sourceCode.getText(test));
    const after = n.range[1] > node.range[0];
    if (after && n.type === T.AssignmentExpression && n.operator !== '&&=') {
      const h = holderPath(n.left, fn, getScope(n));
      if (h) holders.add(h);
      // `this.dataKey ??= await mint()`: the write is its own test.
      if (h && n.operator !== '=' && n.right.range[0] <= node.range[0] && n.range[1] >= node.range[1]) guards.push(h);
    }
    if (after && n.type === T.CallExpression && n.callee.type === T.MemberExpression) {
      const m = propertyName(n.callee);
      const h = m === 'set' ? holderPath(unwrap(n.callee.object), fn, getScope(n)) : undefined;
      if (h) holders.add(h);
    }
  }
  const tests = (text: string, h: string): boolean => {
    if (text.includes(h)) return true;
    for (const [name, init] of locals)
      if ((init.includes(`${h}.get(`) || init.includes(`${h}.has(`)) && new RegExp(`\\b${name}\\b`).test(text))
        return true;
    return false;
  };
  const around = enclosingClass(node) ?? sourceCode.ast;
  for (const h of holders) if (guards.some((g) => tests(g, h)) && !bounded(around, fn, h, keys)) return true;
  return false;
}
