/**
 * Functions that stand in for the CSPRNG (catalogue `csprngStandIn`): a `getRandomValues` polyfill, a `randomBytes`
 * fallback, a generator installed with `setRNG(…)`. Every weak source read in one is a weak value where CSPRNG bytes
 * are expected, whatever its callers make of them (no-weak-randomness gives each one that purpose).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { csprngStandIn } from '../catalogue/randomness.js';
import { normaliseName } from '../detect/names.js';
import { calleeName, childrenOf, constInitOf, findVariable, isFunctionNode, unwrap, type FunctionNode } from './ast.js';
import { functionName } from './flow/functions.js';
import type { TaintTracker } from './flow/taint/tracker.js';
import type { Purposes } from './random-purposes.js';

type Node = TSESTree.Node;
type GetScope = (n: Node) => TSESLint.Scope.Scope;

/** How a message names a stand-in: `of getRandomValues(), which stands in for the CSPRNG`. */
function standInByName(fn: FunctionNode): string | undefined {
  const name = functionName(fn);
  if (name === undefined) return undefined;
  const n = normaliseName(name);
  if (!csprngStandIn.names.test(n) || csprngStandIn.disclaimed.test(n)) return undefined;
  return `of ${name}(), which stands in for the CSPRNG`;
}

/** The function an argument is: inline, or a function of this file named by an identifier. */
function argumentFunction(arg: Node, getScope: GetScope): FunctionNode | undefined {
  const u = unwrap(arg);
  if (isFunctionNode(u)) return u;
  if (u.type !== T.Identifier) return undefined;
  const def = findVariable(getScope(u), u)?.defs[0];
  if (def?.node.type === T.FunctionDeclaration) return def.node;
  const init = constInitOf(u, getScope(u));
  const f = init && unwrap(init);
  return f && isFunctionNode(f) ? f : undefined;
}

/** `secrets.setRNG(fn)`, `nacl.setPRNG(fn)`: the functions a call installs as a library's generator, and how named. */
function installedGenerators(call: TSESTree.CallExpression, getScope: GetScope): { fn: FunctionNode; via: string }[] {
  const setter = calleeName(call.callee);
  if (setter === undefined || !csprngStandIn.setters.test(setter)) return [];
  const out: { fn: FunctionNode; via: string }[] = [];
  for (const a of call.arguments) {
    const fn = argumentFunction(a, getScope);
    if (fn) out.push({ fn, via: `of the generator passed to ${setter}()` });
  }
  return out;
}

type Read = TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.MemberExpression;

/** The calls and member reads in a function's body, nested callbacks included: where a weak source may be read. */
function readsIn(fn: FunctionNode, visitorKeys: TSESLint.SourceCode.VisitorKeys): Read[] {
  const out: Read[] = [];
  const stack: Node[] = [fn.body];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === T.CallExpression || n.type === T.NewExpression || n.type === T.MemberExpression) out.push(n);
    stack.push(...childrenOf(n, visitorKeys));
  }
  return out;
}

/** One file's stand-ins for the CSPRNG, found as the rule walks it, and how a message names each. */
export class StandIns {
  private readonly found = new Map<FunctionNode, string>();

  constructor(private readonly getScope: GetScope) {}

  /** A function named for the CSPRNG's job (`getRandomValues`, `randomBytes`). */
  noteFunction(fn: FunctionNode): void {
    const via = standInByName(fn);
    if (via !== undefined) this.found.set(fn, via);
  }

  /** The functions a call installs as a library's generator (`setRNG(fn)`). */
  noteCall(call: TSESTree.CallExpression | TSESTree.NewExpression): void {
    if (call.type === T.CallExpression)
      for (const g of installedGenerators(call, this.getScope)) this.found.set(g.fn, g.via);
  }

  /**
   * Gives every weak source read in a stand-in the purpose of CSPRNG bytes (rank 3: the function's job says it);
   * true when there was one.
   */
  addPurposes(visitorKeys: TSESLint.SourceCode.VisitorKeys, tracker: TaintTracker, purposes: Purposes): boolean {
    let found = false;
    for (const [fn, via] of this.found)
      for (const n of readsIn(fn, visitorKeys))
        if (tracker.sourceOf(n).weak) {
          purposes.add(n, 'random bytes', via, 3);
          found = true;
        }
    return found;
  }
}
