/**
 * Ties a companion call to the key it acts on: `EnableKeyRotationCommand({ KeyId: out.KeyMetadata.KeyId })`
 * covers the `CreateKeyCommand` whose result `out` holds. Read from the call's shape, within one file.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  constInitOf,
  findVariable,
  isFunctionNode,
  memberPath,
  propertyName,
  staticString,
  unwrap,
  type Scope,
  type Variable,
} from './ast.js';
import type { IacKeyResource } from '../catalogue/iac.js';
import { valueOf } from './option-objects.js';
import { stageGuardOf } from './rotation-guards.js';

type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** The variables a CreateKey result is bound to: `const out = await kms.send(new CreateKeyCommand(…))`. */
function resultVariables(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): readonly Variable[] {
  let n: TSESTree.Node = node;
  for (let i = 0; i < 6 && n.parent; i++) {
    const p: TSESTree.Node = n.parent;
    if (p.type === T.VariableDeclarator) return p.init === n ? sourceCode.getDeclaredVariables(p) : [];
    const passes =
      (p.type === T.CallExpression && (p.arguments.includes(n as TSESTree.CallExpressionArgument) || p.callee === n)) ||
      p.type === T.AwaitExpression ||
      p.type === T.MemberExpression ||
      p.type === T.TSAsExpression ||
      p.type === T.TSNonNullExpression;
    if (!passes) return [];
    n = p;
  }
  return [];
}

/** The variable a companion's KeyId is read from (`out` in `out.KeyMetadata!.KeyId!`), if any. */
function keyIdVariable(node: Call, property: string, scope: Scope): Variable | undefined {
  const opts = node.arguments[0] && unwrap(node.arguments[0]);
  if (opts?.type !== T.ObjectExpression) return undefined;
  const prop = opts.properties.find(
    (p): p is TSESTree.Property => p.type === T.Property && propertyName(p) === property,
  );
  if (!prop) return undefined;
  let v = unwrap(prop.value);
  // `const newKeyId = KeyMetadata!.KeyId!` then `{ KeyId: newKeyId }`: through const bindings to the result.
  for (let i = 0; i < 12; i++) {
    if (v.type === T.MemberExpression) v = unwrap(v.object);
    else if (v.type !== T.Identifier) break;
    else {
      const init = constInitOf(v, scope);
      const next = init && unwrap(init);
      if (!next || (next.type !== T.MemberExpression && next.type !== T.Identifier)) break;
      v = next;
    }
  }
  return v.type === T.Identifier ? findVariable(scope, v) : undefined;
}

/**
 * A key name written as a template whose parts are all readable (`` `wearables-kek-${env}` ``): its text, marked
 * apart from static names. Two such names with different text name different keys; the same text, the same key.
 */
function templateName(n: TSESTree.Node): string | undefined {
  const u = unwrap(n);
  if (u.type !== T.TemplateLiteral) return undefined;
  let text = '';
  for (const [i, q] of u.quasis.entries()) {
    text += q.value.cooked ?? q.value.raw;
    const e = u.expressions[i];
    if (!e) continue;
    const d = memberPath(e);
    if (d === undefined) return undefined;
    text += `\${${d}}`;
  }
  return `\u0060${text}`;
}

/** The key a call names by a static string argument (`createKey('data', …)`) or a readable template, or undefined. */
function keyNameOf(node: Call, index: number | undefined, scope: Scope): string | undefined {
  const arg = index === undefined ? undefined : node.arguments[index];
  if (!arg || arg.type === T.SpreadElement) return undefined;
  const v = valueOf(arg, scope);
  return staticString(v) ?? templateName(v);
}

function sameFunction(a: TSESTree.Node, b: TSESTree.Node): boolean {
  return pathUp(a).at(-1) === pathUp(b).at(-1);
}

/** The node's ancestors, itself first, up to the enclosing function (exclusive) or the program. */
function pathUp(n: TSESTree.Node): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  for (let c: TSESTree.Node | undefined = n; c; c = c.parent) {
    out.push(c);
    if (isFunctionNode(c)) break;
  }
  return out;
}

/** A switch case that cannot fall through into the next one: its last statement leaves it. */
function leavesCase(c: TSESTree.SwitchCase): boolean {
  let last: TSESTree.Node | undefined = c.consequent.at(-1);
  while (last?.type === T.BlockStatement) last = last.body.at(-1);
  return (
    last?.type === T.BreakStatement ||
    last?.type === T.ReturnStatement ||
    last?.type === T.ThrowStatement ||
    last?.type === T.ContinueStatement
  );
}

/**
 * Whether two calls of one function lie in branches that never both run: the two arms of one `if` or `?:`, or two
 * cases of one `switch` with a `break` (or return, throw) between them. Calls in different functions are not:
 * one may call the other.
 */
function exclusiveBranches(a: TSESTree.Node, b: TSESTree.Node): boolean {
  const up = pathUp(a);
  const index = new Map(up.map((n, i) => [n, i]));
  let child: TSESTree.Node | undefined;
  for (let c: TSESTree.Node | undefined = b; c; child = c, c = c.parent) {
    const i = index.get(c);
    if (i === undefined) {
      if (isFunctionNode(c)) return false;
      continue;
    }
    const ca = up[i - 1];
    if (!ca || !child) return false;
    if (c.type === T.IfStatement || c.type === T.ConditionalExpression)
      return ca !== child && ca !== c.test && child !== c.test;
    if (c.type !== T.SwitchStatement || ca.type !== T.SwitchCase || child.type !== T.SwitchCase) return false;
    const [from, to] = [c.cases.indexOf(ca), c.cases.indexOf(child)].sort((x, y) => x - y);
    return c.cases.slice(from, to).some(leavesCase);
  }
  return false;
}

/** The variable a call names its key by when the name is not static (`createKey(name, …)` with `name` a parameter). */
function keyNameVariable(node: Call, index: number | undefined, scope: Scope): Variable | undefined {
  const arg = index === undefined ? undefined : node.arguments[index];
  const n = arg && arg.type !== T.SpreadElement ? unwrap(arg) : undefined;
  return n?.type === T.Identifier ? findVariable(scope, n) : undefined;
}

/**
 * The key-creating calls of one module and the companions that turn their rotation on (AWS
 * `EnableKeyRotationCommand`, Azure `updateKeyRotationPolicy`). A companion covers the key it names: a CreateKey
 * result it reads its KeyId from (directly or through `const` bindings), a static key name, or the same binding a
 * create call used (`createRsaKey(name, …)` and `updateKeyRotationPolicy(name, …)` on one parameter). A companion
 * that names its key otherwise (a helper's own parameter, a value from elsewhere) covers every key of the module.
 */
export class CompanionLedger {
  private readonly pending: {
    readonly node: Call;
    readonly res: IacKeyResource;
    readonly results: readonly Variable[];
    readonly name: string | undefined;
    readonly nameVar: Variable | undefined;
  }[] = [];
  /** Companions that name their key in a way no create call here shares: each may cover any key of the module. */
  private readonly moduleWide: { readonly res: string; readonly node: Call | undefined }[] = [];
  private readonly names = new Set<string>();
  private readonly byResult: { readonly res: string; readonly variable: Variable; readonly node: Call }[] = [];
  /** Companions that run only for one named stage or tier (`if (tier === 'regulated')`): the `if`'s branch. */
  private readonly guards = new Map<Call, TSESTree.Statement>();
  private readonly byBinding: { readonly res: string; readonly variable: Variable; readonly node: Call }[] = [];

  companion(node: Call, res: IacKeyResource, scope: Scope): void {
    const prop = res.companion?.keyIdProperty;
    const v = prop === undefined ? undefined : keyIdVariable(node, prop, scope);
    const name = keyNameOf(node, res.companion?.keyNameArg, scope);
    const nameVar = name === undefined ? keyNameVariable(node, res.companion?.keyNameArg, scope) : undefined;
    const guard = stageGuardOf(node, scope);
    if (guard) this.guards.set(node, guard.consequent);
    if (v) this.byResult.push({ res: res.id, variable: v, node });
    else if (name !== undefined) this.names.add(`${res.id}\0${name}`);
    else if (nameVar) this.byBinding.push({ res: res.id, variable: nameVar, node });
    else this.moduleWide.push({ res: res.id, node });
  }

  created(node: Call, res: IacKeyResource, scope: Scope, sourceCode: Readonly<TSESLint.SourceCode>): void {
    const index = res.companion?.keyNameArg;
    const name = keyNameOf(node, index, scope);
    const nameVar = name === undefined ? keyNameVariable(node, index, scope) : undefined;
    this.pending.push({ node, res, results: resultVariables(node, sourceCode), name, nameVar });
  }

  /**
   * Whether a module-wide companion belongs to another create of its own branch: it follows a create of the same
   * resource that always runs before it (not in an exclusive branch), while `create` lies in a branch exclusive to it
   * (`case 'create': createKey(d.name)` beside
   * `case 'create-rotating': createKey(d.name); updateKeyRotationPolicy(d.name)`).
   * A companion in a branch of its own with no create (a separate "enable rotation" operation) still covers the module.
   */
  private ownBranch(companion: Call | undefined, create: Call, res: string): boolean {
    if (!companion || !exclusiveBranches(companion, create)) return false;
    return this.pending.some(
      (p) =>
        p.res.id === res &&
        p.node !== create &&
        p.node.range[1] <= companion.range[0] &&
        sameFunction(p.node, companion) &&
        !exclusiveBranches(p.node, companion),
    );
  }

  /** Whether a companion reaches the create: a guarded one only a create made under the same guard. */
  private reaches(companion: Call | undefined, create: Call): boolean {
    const branch = companion && this.guards.get(companion);
    return !branch || (create.range[0] >= branch.range[0] && create.range[1] <= branch.range[1]);
  }

  /** The create calls no companion covers, at the end of the module. */
  uncovered(): { readonly node: Call; readonly res: IacKeyResource }[] {
    // A KeyId read from a variable that holds no CreateKey result here cannot be tied: module-level. Likewise a name
    // binding no create call here uses.
    const results = new Set(this.pending.flatMap((p) => p.results));
    for (const c of this.byResult) if (!results.has(c.variable)) this.moduleWide.push({ res: c.res, node: undefined });
    for (const c of this.byBinding)
      if (!this.pending.some((p) => p.nameVar === c.variable)) this.moduleWide.push({ res: c.res, node: undefined });
    return this.pending.filter(
      ({ node, res, results: own, name, nameVar }) =>
        !this.moduleWide.some(
          (c) => c.res === res.id && !this.ownBranch(c.node, node, res.id) && this.reaches(c.node, node),
        ) &&
        !(name !== undefined && this.names.has(`${res.id}\0${name}`)) &&
        !this.byResult.some((c) => c.res === res.id && own.includes(c.variable) && this.reaches(c.node, node)) &&
        // One binding in two branches that never both run (`if (rotate) {…} else {…}`) names two keys.
        !this.byBinding.some(
          (c) =>
            c.res === res.id &&
            c.variable === nameVar &&
            !exclusiveBranches(c.node, node) &&
            this.reaches(c.node, node),
        ),
    );
  }
}
