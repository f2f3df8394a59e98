/**
 * Where a value comes from, within one file: follows `const` bindings, re-assignments, object
 * properties, class fields, default parameters, `||`/`??` fallbacks, conditionals, and the usual ways to
 * turn text into key bytes (`Buffer.from`, `TextEncoder().encode`, byte arrays).
 * Cross-file following is the scanner's job (ts-morph); here an import is an opaque origin.
 */
import { TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { typedArrayClasses } from '../catalogue/index.js';
import { bindingNameOf, envVarName, findVariable, propertyName, staticNumber, unwrap } from './ast.js';
import type { Scope } from './ast.js';

const DefinitionType = TSESLint.Scope.DefinitionType;

type OriginKind =
  /** A string literal (or a constant concatenation / template of literals). */
  | 'string'
  /** A literal list of byte values. */
  | 'bytes'
  /** An all-zero buffer of a literal size: `Buffer.alloc(32)`, `new Uint8Array(16)`. */
  | 'zeros'
  /** An object literal (a JWK, an options object). */
  | 'object'
  /** An environment variable read. */
  | 'env'
  /** The result of a call the tracker does not see into. */
  | 'call'
  /** A function parameter with no default. */
  | 'param'
  /** An imported binding (the scanner follows it across files). */
  | 'import'
  | 'unknown';

export interface Origin {
  readonly kind: OriginKind;
  /** The node the value starts at: the literal, the call, the env read. */
  readonly node: TSESTree.Node;
  /** The whole expression that makes the key value, which a suggestion replaces: the literal or `Buffer.from(…)`. */
  readonly replace: TSESTree.Node;
  /** For `string`: the text. For `bytes`: lower-case hex. */
  readonly value?: string;
  /** For `string` passed through `Buffer.from(s, enc)`: the encoding. */
  readonly encoding?: string;
  /** For `zeros`/`bytes`: the length in bytes. */
  readonly length?: number;
  /** For `env`: the variable name; for `import`: the module. */
  readonly ref?: string;
  /** The nearest name the value was stored under on its way (binding, property, parameter). */
  readonly name?: string;
  /** Reached through the right side of `||`/`??` or a default parameter: a fallback. */
  readonly fallback?: boolean;
  /** When a fallback: the env variable (or other expression) it falls back from. */
  readonly fallbackFrom?: string;
}

interface Ctx {
  readonly getScope: (node: TSESTree.Node) => Scope;
  readonly seen: Set<TSESTree.Node>;
  depth: number;
}

const MAX_DEPTH = 12;

/**
 * Every origin the value of `expr` can have. The list is empty only for expressions the tracker cannot
 * describe at all; otherwise unknown parts come back as `unknown`/`call`/`param` origins.
 * @param getScope `(node) => context.sourceCode.getScope(node)`
 */
export function resolveOrigins(expr: TSESTree.Node, getScope: (node: TSESTree.Node) => Scope): Origin[] {
  // A literal written straight into `{ secretAccessKey: '…' }` is named by its property.
  return resolve(expr, { getScope, seen: new Set(), depth: 0 }, bindingNameOf(expr), expr);
}

function resolve(node: TSESTree.Node, ctx: Ctx, name: string | undefined, replace: TSESTree.Node): Origin[] {
  const n = unwrap(node);
  if (ctx.seen.has(n) || ctx.depth > MAX_DEPTH) return [{ kind: 'unknown', node: n, replace }];
  ctx.seen.add(n);
  ctx.depth++;
  try {
    return resolveInner(n, ctx, name, replace);
  } finally {
    ctx.depth--;
  }
}

const withName = (name: string | undefined): { name?: string } => (name === undefined ? {} : { name });

function stringOf(origins: Origin[]): string | undefined {
  return origins.length === 1 && origins[0]!.kind === 'string' ? origins[0]!.value : undefined;
}

function resolveInner(n: TSESTree.Node, ctx: Ctx, name: string | undefined, replace: TSESTree.Node): Origin[] {
  const env = envVarName(n);
  if (env !== undefined) return [{ kind: 'env', node: n, replace, ref: env, ...withName(name) }];
  switch (n.type) {
    case T.Literal:
      if (typeof n.value === 'string') return [{ kind: 'string', node: n, replace, value: n.value, ...withName(name) }];
      return [{ kind: 'unknown', node: n, replace }];
    case T.TemplateLiteral: {
      if (n.expressions.length === 0)
        return [{ kind: 'string', node: n, replace, value: n.quasis[0]?.value.cooked ?? '', ...withName(name) }];
      let text = '';
      for (let i = 0; i < n.quasis.length; i++) {
        text += n.quasis[i]!.value.cooked ?? '';
        const e = n.expressions[i];
        if (e) {
          const s = stringOf(resolve(e, ctx, name, replace));
          if (s === undefined) return [{ kind: 'unknown', node: n, replace }];
          text += s;
        }
      }
      return [{ kind: 'string', node: n, replace, value: text, ...withName(name) }];
    }
    case T.BinaryExpression: {
      if (n.operator !== '+') return [{ kind: 'unknown', node: n, replace }];
      const a = stringOf(resolve(n.left, ctx, name, replace));
      const b = stringOf(resolve(n.right, ctx, name, replace));
      if (a !== undefined && b !== undefined)
        return [{ kind: 'string', node: n, replace, value: a + b, ...withName(name) }];
      return [{ kind: 'unknown', node: n, replace }];
    }
    case T.LogicalExpression: {
      if (n.operator === '&&') return resolve(n.right, ctx, name, replace);
      const left = resolve(n.left, ctx, name, n.left);
      const from =
        left.find((o) => o.kind === 'env')?.ref ?? left.find((o) => o.kind === 'call' || o.kind === 'param')?.name;
      const right = resolve(n.right, ctx, name, n.right).map((o) => ({
        ...o,
        fallback: true,
        ...(from === undefined ? {} : { fallbackFrom: from }),
      }));
      return [...left, ...right];
    }
    case T.ConditionalExpression:
      return [...resolve(n.consequent, ctx, name, n.consequent), ...resolve(n.alternate, ctx, name, n.alternate)];
    case T.ArrayExpression: {
      const bytes = byteArray(n);
      if (bytes)
        return [{ kind: 'bytes', node: n, replace, value: bytes, length: bytes.length / 2, ...withName(name) }];
      return n.elements.flatMap((e) => (e && e.type !== T.SpreadElement ? resolve(e, ctx, name, e) : []));
    }
    case T.ObjectExpression:
      return [{ kind: 'object', node: n, replace, ...withName(name) }];
    case T.AwaitExpression:
      return resolve(n.argument, ctx, name, replace);
    case T.CallExpression:
    case T.NewExpression:
      return resolveCall(n, ctx, name, replace);
    case T.Identifier:
      return resolveIdentifier(n, ctx, name, replace);
    case T.MemberExpression:
      return resolveMember(n, ctx, name, replace);
    default:
      return [{ kind: 'unknown', node: n, replace }];
  }
}

/** `[0x01, 2, 255]` → hex, when every element is a byte literal. */
function byteArray(n: TSESTree.ArrayExpression): string | undefined {
  if (n.elements.length === 0) return undefined;
  let hex = '';
  for (const e of n.elements) {
    const v = e && e.type !== T.SpreadElement ? staticNumber(e) : undefined;
    if (v === undefined || !Number.isInteger(v) || v < 0 || v > 255) return undefined;
    hex += v.toString(16).padStart(2, '0');
  }
  return hex;
}

function calleeName(c: TSESTree.Node): { object?: string; method?: string; fn?: string } {
  const u = unwrap(c);
  if (u.type === T.Identifier) return { fn: u.name };
  if (u.type === T.MemberExpression) {
    const o = unwrap(u.object);
    const method = propertyName(u);
    return { ...(o.type === T.Identifier ? { object: o.name } : {}), ...(method === undefined ? {} : { method }) };
  }
  return {};
}

function isTextEncoder(node: TSESTree.Node, ctx: Ctx): boolean {
  const n = unwrap(node);
  if (n.type === T.NewExpression && n.callee.type === T.Identifier && n.callee.name === 'TextEncoder') return true;
  if (n.type === T.Identifier) {
    const v = findVariable(ctx.getScope(n), n);
    const d = v?.defs[0];
    if (d?.type === DefinitionType.Variable && d.node.type === T.VariableDeclarator && d.node.init)
      return isTextEncoder(d.node.init, ctx);
  }
  return false;
}

function resolveCall(
  n: TSESTree.CallExpression | TSESTree.NewExpression,
  ctx: Ctx,
  name: string | undefined,
  replace: TSESTree.Node,
): Origin[] {
  const { object, method, fn } = calleeName(n.callee);
  const arg0 = n.arguments[0];
  // Buffer.from('…', 'hex'), Buffer.from([…]), Uint8Array.from([…]), Buffer.alloc(32)
  if (
    (object === 'Buffer' && method === 'from') ||
    (object !== undefined && typedArrayClasses.names.has(object) && method === 'from')
  ) {
    if (!arg0 || arg0.type === T.SpreadElement) return [{ kind: 'call', node: n, replace, ...withName(name) }];
    const enc = n.arguments[1];
    const encoding = enc && enc.type === T.Literal && typeof enc.value === 'string' ? enc.value : undefined;
    return resolve(arg0, ctx, name, replace).map((o) =>
      o.kind === 'string' && encoding
        ? { ...o, encoding, replace }
        : { ...o, replace: o.replace === arg0 ? replace : o.replace },
    );
  }
  if (object === 'Buffer' && (method === 'alloc' || method === 'allocUnsafeSlow')) {
    const size = staticNumber(arg0);
    const fill = n.arguments[1];
    if (size !== undefined && (!fill || staticNumber(fill) !== undefined || fill.type === T.Literal)) {
      const f = fill ? staticNumber(fill) : 0;
      if (f === 0 || f === undefined)
        return [
          { kind: fill && f === undefined ? 'bytes' : 'zeros', node: n, replace, length: size, ...withName(name) },
        ];
      return [
        {
          kind: 'bytes',
          node: n,
          replace,
          length: size,
          value: f.toString(16).padStart(2, '0').repeat(size),
          ...withName(name),
        },
      ];
    }
  }
  if (object !== undefined && typedArrayClasses.names.has(object) && method === 'of') {
    const bytes = byteArray({ type: T.ArrayExpression, elements: n.arguments } as unknown as TSESTree.ArrayExpression);
    if (bytes) return [{ kind: 'bytes', node: n, replace, value: bytes, length: bytes.length / 2, ...withName(name) }];
  }
  if (n.type === T.NewExpression && fn !== undefined && (typedArrayClasses.names.has(fn) || fn === 'Buffer')) {
    const size = staticNumber(arg0);
    if (size !== undefined) return [{ kind: 'zeros', node: n, replace, length: size, ...withName(name) }];
    if (arg0 && arg0.type !== T.SpreadElement) return resolve(arg0, ctx, name, replace).map((o) => ({ ...o, replace }));
  }
  // new TextEncoder().encode('…') and encoder.encode('…')
  if (
    method === 'encode' &&
    n.callee.type === T.MemberExpression &&
    isTextEncoder(n.callee.object, ctx) &&
    arg0 &&
    arg0.type !== T.SpreadElement
  ) {
    return resolve(arg0, ctx, name, replace).map((o) => ({ ...o, replace }));
  }
  // String(x), x.toString(), x.trim()
  if (fn === 'String' && arg0 && arg0.type !== T.SpreadElement) return resolve(arg0, ctx, name, replace);
  if (
    (method === 'toString' || method === 'trim') &&
    n.callee.type === T.MemberExpression &&
    n.arguments.length === 0
  ) {
    return resolve(n.callee.object, ctx, name, replace);
  }
  return [{ kind: 'call', node: n, replace, ...withName(name) }];
}

function resolveIdentifier(
  n: TSESTree.Identifier,
  ctx: Ctx,
  name: string | undefined,
  replace: TSESTree.Node,
): Origin[] {
  if (n.name === 'undefined') return [{ kind: 'unknown', node: n, replace }];
  const v = findVariable(ctx.getScope(n), n);
  if (!v || v.defs.length === 0) return [{ kind: 'unknown', node: n, replace, ...withName(name ?? n.name) }];
  const out: Origin[] = [];
  for (const def of v.defs) {
    if (def.type === DefinitionType.Variable && def.node.type === T.VariableDeclarator) {
      const d = def.node;
      if (d.id.type === T.Identifier && d.init) out.push(...resolve(d.init, ctx, n.name, d.init));
      else if (d.id.type === T.ObjectPattern && d.init) {
        // const { jwtSecret } = config
        const prop = d.id.properties.find(
          (p) =>
            p.type === T.Property &&
            (p.value === def.name || (p.value.type === T.AssignmentPattern && p.value.left === def.name)),
        );
        const key = prop && prop.type === T.Property ? propertyName(prop) : undefined;
        if (key !== undefined) {
          out.push(...memberOf(d.init, key, ctx, n.name, replace));
          if (prop && prop.type === T.Property && prop.value.type === T.AssignmentPattern) {
            out.push(
              ...resolve(prop.value.right, ctx, n.name, prop.value.right).map((o) => ({ ...o, fallback: true })),
            );
          }
        }
      }
    } else if (def.type === DefinitionType.Parameter) {
      const p = def.name.parent;
      if (p && p.type === T.AssignmentPattern && p.left === def.name) {
        out.push({ kind: 'param', node: n, replace, name: n.name });
        out.push(
          ...resolve(p.right, ctx, n.name, p.right).map((o) => ({
            ...o,
            fallback: true,
            fallbackFrom: `parameter ${n.name}`,
          })),
        );
      } else out.push({ kind: 'param', node: n, replace, name: n.name });
    } else if (def.type === DefinitionType.ImportBinding) {
      const decl = def.parent;
      out.push({
        kind: 'import',
        node: n,
        replace,
        name: n.name,
        ...(decl?.type === T.ImportDeclaration ? { ref: decl.source.value } : {}),
      });
    } else out.push({ kind: 'unknown', node: n, replace, name: n.name });
  }
  for (const ref of v.references) {
    if (!ref.isWrite() || !ref.writeExpr) continue;
    const isInit = v.defs.some(
      (d) =>
        d.type === DefinitionType.Variable && d.node.type === T.VariableDeclarator && d.node.init === ref.writeExpr,
    );
    if (isInit) continue;
    const we = ref.writeExpr;
    const parent = ref.identifier.parent;
    if (parent?.type === T.AssignmentExpression && parent.operator !== '=') continue;
    out.push(...resolve(we, ctx, n.name, we));
  }
  return out.length ? out : [{ kind: 'unknown', node: n, replace }];
}

/** The value of property `key` of whatever `obj` evaluates to. */
function memberOf(
  obj: TSESTree.Node,
  key: string,
  ctx: Ctx,
  name: string | undefined,
  replace: TSESTree.Node,
): Origin[] {
  const objs = resolve(obj, ctx, undefined, obj);
  const out: Origin[] = [];
  for (const o of objs) {
    if (o.kind === 'env') {
      out.push({ kind: 'env', node: o.node, replace, ref: key });
      continue;
    }
    if (o.kind !== 'object' || o.node.type !== T.ObjectExpression) {
      out.push({
        kind: o.kind === 'import' ? 'import' : 'unknown',
        node: o.node,
        replace,
        name: key,
        ...(o.ref === undefined ? {} : { ref: o.ref }),
      });
      continue;
    }
    for (const p of o.node.properties) {
      if (p.type === T.Property && propertyName(p) === key) out.push(...resolve(p.value, ctx, key, p.value));
    }
  }
  return out.length ? out : [{ kind: 'unknown', node: obj, replace, name: key }];
}

function resolveMember(
  n: TSESTree.MemberExpression,
  ctx: Ctx,
  name: string | undefined,
  replace: TSESTree.Node,
): Origin[] {
  const key = propertyName(n);
  if (key === undefined) return [{ kind: 'unknown', node: n, replace }];
  const obj = unwrap(n.object);
  if (obj.type === T.ThisExpression) return resolveThisMember(n, key, ctx, replace);
  // `Buffer.from(digest).buffer`, `bytes.buffer`: the ArrayBuffer under a byte view holds the same bytes. An object
  // literal's own `buffer` member is read as a member.
  const view = obj.type === T.CallExpression || obj.type === T.NewExpression || obj.type === T.Identifier;
  if (key === 'buffer' && view) {
    const under = resolve(obj, ctx, name, replace);
    if (!under.some((o) => o.kind === 'object')) return under;
  }
  return memberOf(obj, key, ctx, name, replace);
}

/** `this.key`: class field initialisers and constructor assignments of the enclosing class. */
function resolveThisMember(n: TSESTree.MemberExpression, key: string, ctx: Ctx, replace: TSESTree.Node): Origin[] {
  let cls: TSESTree.Node | undefined = n.parent;
  while (cls && cls.type !== T.ClassBody) cls = cls.parent;
  if (!cls || cls.type !== T.ClassBody) return [{ kind: 'unknown', node: n, replace, name: key }];
  const out: Origin[] = [];
  for (const m of cls.body) {
    if (m.type === T.PropertyDefinition && propertyName(m) === key && m.value)
      out.push(...resolve(m.value, ctx, key, m.value));
    if (m.type === T.MethodDefinition && m.kind === 'constructor') {
      // `constructor(private mode = 'aes-256-ecb')`: a parameter property's default, used when a caller leaves it out.
      for (const param of m.value.params) {
        const pp = param.type === T.TSParameterProperty ? param.parameter : undefined;
        if (pp?.type === T.AssignmentPattern && pp.left.type === T.Identifier && pp.left.name === key)
          out.push(
            { kind: 'param', node: pp.left, replace, name: key },
            ...resolve(pp.right, ctx, key, pp.right).map((o) => ({
              ...o,
              fallback: true,
              fallbackFrom: `parameter ${key}`,
            })),
          );
      }
    }
    if (m.type === T.MethodDefinition && m.kind === 'constructor' && m.value.body) {
      for (const s of m.value.body.body) {
        if (s.type !== T.ExpressionStatement || s.expression.type !== T.AssignmentExpression) continue;
        const l = s.expression.left;
        if (l.type === T.MemberExpression && l.object.type === T.ThisExpression && propertyName(l) === key)
          out.push(...resolve(s.expression.right, ctx, key, s.expression.right));
      }
    }
  }
  return out.length ? out : [{ kind: 'unknown', node: n, replace, name: key }];
}
