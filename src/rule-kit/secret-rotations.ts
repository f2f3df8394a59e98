/**
 * Secrets and long-lived credentials that infrastructure code creates with nothing to rotate them (catalogue
 * `iacSecretResources`, `secretRotations`), read within one module:
 * - an IAM user access key: reported where it is created, unless its props exempt it (inactive, a CDK `serial`);
 * - a secret: reported at the end of the module when the module rotates some secret (`addRotationSchedule`,
 *   `new RotationSchedule({ secret })`, …) and none of those calls names this one. A module with no rotation at
 *   all is not judged (see the catalogue entry's `kind`).
 * A rotation call names its secret by a binding (`const db = new Secret(…)`, `this.db = new Secret(…)`) through
 * the attributes read from it (`db.secretArn`, `db.ref`); one that names it otherwise (a prop from another stack)
 * covers nothing here but still shows that the module rotates.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { calleeName, findVariable, memberPath, rootIdentifier, unwrap, type Scope, type Variable } from './ast.js';
import { iacSecretResources, secretRotations, type IacSecretResource } from '../catalogue/iac.js';
import { exemptionOf, lookup, propsOf } from './option-objects.js';
import { anyShapeMatches, reachOf, type CalleePath } from './sinks.js';

type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** What holds a created resource: a local binding, or a member path (`this.dbSecret`). */
interface Holder {
  readonly variable?: Variable;
  readonly path?: string;
}

const mayCreateOrRotate = reachOf([
  ...iacSecretResources.flatMap((r) => r.match),
  ...secretRotations.flatMap((r) => r.construct?.match ?? []),
]);
const rotationMethods = new Map(secretRotations.filter((r) => r.method).map((r) => [r.method!, r]));
const attachCalls = new Set(secretRotations.flatMap((r) => r.attachedBy ?? []));

/** The binding a `new` result is kept in, through `await`, casts and non-null assertions. */
function holderOf(node: Call, sourceCode: Readonly<TSESLint.SourceCode>): Holder | undefined {
  let n: TSESTree.Node = node;
  while (
    n.parent &&
    (n.parent.type === T.TSAsExpression ||
      n.parent.type === T.TSNonNullExpression ||
      n.parent.type === T.AwaitExpression)
  )
    n = n.parent;
  const p = n.parent;
  if (p?.type === T.VariableDeclarator && p.init === n && p.id.type === T.Identifier)
    return { variable: sourceCode.getDeclaredVariables(p)[0] };
  if (p?.type === T.AssignmentExpression && p.right === n) {
    const path = memberPath(p.left);
    return path === undefined ? undefined : { path };
  }
  if (p?.type === T.PropertyDefinition && p.value === n && !p.computed && p.key.type === T.Identifier)
    return { path: `this.${p.key.name}` };
  return undefined;
}

/** The expression a rotation call names its secret by: `db`, `db.secretArn`, `this.db.ref`. */
interface Target {
  readonly node: TSESTree.Node;
  readonly scope: Scope;
}

function names(target: Target, created: Call, holder: Holder | undefined): boolean {
  const u = unwrap(target.node);
  if (u === created) return true;
  if (!holder) return false;
  if (holder.path !== undefined) {
    const path = memberPath(u);
    return path !== undefined && (path === holder.path || path.startsWith(`${holder.path}.`));
  }
  const id = rootIdentifier(u);
  return !!id && !!holder.variable && findVariable(target.scope, id) === holder.variable;
}

/**
 * The secrets and access keys of one module, and the calls that rotate secrets. `observe` sees every call;
 * `uncovered` answers at the end of the module.
 */
export class SecretLedger {
  private readonly secrets: { readonly node: Call; readonly res: IacSecretResource; readonly holder?: Holder }[] = [];
  private readonly accessKeys: { readonly node: Call; readonly holder?: Holder }[] = [];
  private readonly targets: Target[] = [];
  private readonly attached: Target[] = [];
  private readonly valueReads: { readonly secret: Call; readonly value: Target }[] = [];
  private rotates = false;
  private rotatesAttached = false;

  constructor(private readonly sourceCode: Readonly<TSESLint.SourceCode>) {}

  /** Records a call; returns the access key it creates with no rotation, to report at once. */
  observe(node: Call, cp: CalleePath | undefined, scope: Scope): { node: Call; res: IacSecretResource } | undefined {
    const name = node.type === T.CallExpression ? calleeName(node.callee) : undefined;
    const method = name === undefined ? undefined : rotationMethods.get(name);
    if (method && node.callee.type === T.MemberExpression) {
      this.rotates = true;
      if (method.attachedBy) this.rotatesAttached = true;
      else this.targets.push({ node: node.callee.object, scope });
      return undefined;
    }
    const first = node.arguments[0];
    if (name !== undefined && attachCalls.has(name) && first && first.type !== T.SpreadElement)
      this.attached.push({ node: first, scope });
    if (!cp || !mayCreateOrRotate(cp)) return undefined;
    for (const r of secretRotations) {
      if (!r.construct || !anyShapeMatches(r.construct.match, cp)) continue;
      this.rotates = true;
      const props = propsOf(node, r.construct.propsIndex, undefined, scope);
      const l = props.kind === 'object' ? lookup(props.obj, r.construct.secret, scope) : undefined;
      if (l?.kind === 'found') this.targets.push({ node: l.value, scope });
      return undefined;
    }
    const res = iacSecretResources.find((r) => anyShapeMatches(r.match, cp));
    if (!res) return undefined;
    const props = propsOf(node, res.propsIndex, undefined, scope);
    if (props.kind === 'unknown') return undefined;
    const obj = props.kind === 'object' ? props.obj : undefined;
    if (exemptionOf(res.exemptions, obj, scope)) return undefined;
    const holder = holderOf(node, this.sourceCode);
    if (res.kind === 'access-key') {
      this.accessKeys.push({ node, ...(holder ? { holder } : {}) });
      return { node, res };
    }
    this.secrets.push({ node, res, ...(holder ? { holder } : {}) });
    for (const p of res.valueProperties ?? []) {
      const l = obj ? lookup(obj, p, scope) : undefined;
      if (l?.kind === 'found') this.valueReads.push({ secret: node, value: { node: l.value, scope } });
    }
    return undefined;
  }

  /** The secrets no rotation call of a rotating module names, in source order. */
  uncovered(): { readonly node: Call; readonly res: IacSecretResource }[] {
    if (!this.rotates) return [];
    const targets = this.rotatesAttached ? [...this.targets, ...this.attached] : this.targets;
    return this.secrets.filter(
      (s) =>
        !targets.some((t) => names(t, s.node, s.holder)) &&
        // A copy of an access key made here (`secretStringValue: key.secretAccessKey`) is reported at the key.
        !this.valueReads.some(
          (v) => v.secret === s.node && this.accessKeys.some((k) => names(v.value, k.node, k.holder)),
        ),
    );
  }
}
