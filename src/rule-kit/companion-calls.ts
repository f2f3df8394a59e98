/**
 * Ties a companion call to the key it acts on: `EnableKeyRotationCommand({ KeyId: out.KeyMetadata.KeyId })`
 * covers the `CreateKeyCommand` whose result `out` holds. Read from the call's shape, within one file.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { constInitOf, findVariable, propertyName, staticString, unwrap, type Scope, type Variable } from './ast.js';
import type { IacKeyResource } from '../catalogue/iac.js';
import { valueOf } from './option-objects.js';

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

/** The key a call names by a static string argument (`createKey('data', …)`), or undefined. */
function keyNameOf(node: Call, index: number | undefined, scope: Scope): string | undefined {
  const arg = index === undefined ? undefined : node.arguments[index];
  return arg && arg.type !== T.SpreadElement ? staticString(valueOf(arg, scope)) : undefined;
}

/** `d.name`, `env`, `cfg.keys.wrap`: the dotted text of a name made of identifiers only, or undefined. */
function dotted(n: TSESTree.Node): string | undefined {
  const u = unwrap(n);
  if (u.type === T.Identifier) return u.name;
  if (u.type !== T.MemberExpression || u.computed) return undefined;
  const head = dotted(u.object);
  const p = propertyName(u);
  return head === undefined || p === undefined ? undefined : `${head}.${p}`;
}

/**
 * The written shape of a key name that is neither static nor one binding: a template of names
 * (`` `kek-${env}` ``) or a member (`job.data.name`). Two calls that write one shape name one key; two shapes that
 * differ (`` `wearables-${env}` `` and `` `pharmacy-${env}` ``) name two.
 */
function keyNameShape(node: Call, index: number | undefined, scope: Scope): string | undefined {
  const arg = index === undefined ? undefined : node.arguments[index];
  if (!arg || arg.type === T.SpreadElement) return undefined;
  const v = valueOf(arg, scope);
  if (v.type === T.MemberExpression) {
    const d = dotted(v);
    return d === undefined ? undefined : `member\0${d}`;
  }
  if (v.type !== T.TemplateLiteral || v.expressions.length === 0) return undefined;
  const parts: string[] = [];
  for (let i = 0; i < v.quasis.length; i++) {
    parts.push(v.quasis[i]!.value.raw);
    const e = v.expressions[i];
    if (!e) continue;
    const d = dotted(e);
    if (d === undefined) return undefined;
    parts.push(`\${${d}}`);
  }
  return `template\0${parts.join('')}`;
}

/**
 * Whether two calls sit in branches that exclude each other: different clauses of one `switch` (the earlier one
 * ending in `break`, `return` or `throw`, so it does not fall through), or the two arms of one `if` or `? :`.
 */
function exclusiveBranches(a: TSESTree.Node, b: TSESTree.Node): boolean {
  const chain = (n: TSESTree.Node): TSESTree.Node[] => {
    const out: TSESTree.Node[] = [];
    for (let c: TSESTree.Node | undefined = n; c; c = c.parent) out.push(c);
    return out;
  };
  const ca = chain(a);
  const inB = new Set(chain(b));
  const i = ca.findIndex((n) => inB.has(n));
  if (i < 1) return false;
  const common = ca[i]!;
  const armA = ca[i - 1]!;
  const cb = chain(b);
  const armB = cb[cb.indexOf(common) - 1];
  if (!armB || armA === armB) return false;
  if (common.type === T.IfStatement || common.type === T.ConditionalExpression)
    return armA !== common.test && armB !== common.test;
  if (common.type !== T.SwitchStatement || armA.type !== T.SwitchCase || armB.type !== T.SwitchCase) return false;
  const first = common.cases.indexOf(armA) < common.cases.indexOf(armB) ? armA : armB;
  const last = first.consequent.at(-1);
  const body = last?.type === T.BlockStatement ? last.body.at(-1) : last;
  return body?.type === T.BreakStatement || body?.type === T.ReturnStatement || body?.type === T.ThrowStatement;
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
    readonly shape: string | undefined;
  }[] = [];
  private readonly moduleWide = new Set<string>();
  private readonly names = new Set<string>();
  private readonly byResult: { readonly res: string; readonly variable: Variable }[] = [];
  private readonly byBinding: { readonly res: string; readonly variable: Variable; readonly node: Call }[] = [];
  private readonly byShape: { readonly res: string; readonly shape: string; readonly node: Call }[] = [];

  companion(node: Call, res: IacKeyResource, scope: Scope): void {
    const prop = res.companion?.keyIdProperty;
    const v = prop === undefined ? undefined : keyIdVariable(node, prop, scope);
    const index = res.companion?.keyNameArg;
    const name = keyNameOf(node, index, scope);
    const nameVar = name === undefined ? keyNameVariable(node, index, scope) : undefined;
    const shape = name === undefined && !nameVar ? keyNameShape(node, index, scope) : undefined;
    if (v) this.byResult.push({ res: res.id, variable: v });
    else if (name !== undefined) this.names.add(`${res.id}\0${name}`);
    else if (nameVar) this.byBinding.push({ res: res.id, variable: nameVar, node });
    else if (shape !== undefined) this.byShape.push({ res: res.id, shape, node });
    else this.moduleWide.add(res.id);
  }

  created(node: Call, res: IacKeyResource, scope: Scope, sourceCode: Readonly<TSESLint.SourceCode>): void {
    const index = res.companion?.keyNameArg;
    const name = keyNameOf(node, index, scope);
    const nameVar = name === undefined ? keyNameVariable(node, index, scope) : undefined;
    const shape = name === undefined && !nameVar ? keyNameShape(node, index, scope) : undefined;
    this.pending.push({ node, res, results: resultVariables(node, sourceCode), name, nameVar, shape });
  }

  /** The create calls no companion covers, at the end of the module. */
  uncovered(): { readonly node: Call; readonly res: IacKeyResource }[] {
    // A KeyId read from a variable that holds no CreateKey result here cannot be tied: module-level. Likewise a name
    // binding or a name shape no create call here uses.
    const results = new Set(this.pending.flatMap((p) => p.results));
    for (const c of this.byResult) if (!results.has(c.variable)) this.moduleWide.add(c.res);
    for (const c of this.byBinding) if (!this.pending.some((p) => p.nameVar === c.variable)) this.moduleWide.add(c.res);
    for (const c of this.byShape) if (!this.pending.some((p) => p.shape === c.shape)) this.moduleWide.add(c.res);
    // A name that is not static ties a companion to a create only where one can run after the other: not from
    // another clause of the `switch` or the other arm of the `if` (`case 'create': createKey(d.name)` is not rotated
    // by `case 'create-rotating': … updateKeyRotationPolicy(d.name)`).
    return this.pending.filter(
      ({ node, res, results: own, name, nameVar, shape }) =>
        !this.moduleWide.has(res.id) &&
        !(name !== undefined && this.names.has(`${res.id}\0${name}`)) &&
        !this.byResult.some((c) => c.res === res.id && own.includes(c.variable)) &&
        !this.byBinding.some((c) => c.res === res.id && c.variable === nameVar && !exclusiveBranches(c.node, node)) &&
        !this.byShape.some((c) => c.res === res.id && c.shape === shape && !exclusiveBranches(c.node, node)),
    );
  }
}
