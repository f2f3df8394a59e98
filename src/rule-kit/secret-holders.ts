/**
 * Secret-bearing objects judged by what their members hold, not by the members' names (issue 11, session 38):
 * a settings object written in one module and logged whole in another (`import { runtime } from './runtime'`,
 * `log.info({ runtime })`) carries its secret whatever the member is called (`material`, `gate`, `seal`). A member
 * makes the object secret-bearing when its value is, by the engine's existing evidence:
 *
 * - a secret environment variable (`process.env.PARTNER_API_TOKEN`, through `??`/`||` fallbacks and wrappers);
 * - a literal that reads as key material (src/detect classifyValue under the member's name);
 * - any non-literal value under a credential's name (`password: load()`, the leak finder's name test);
 * - a value the defining module itself passes as the key, secret or password of a catalogue key sink
 *   (`createHmac('sha256', runtime.material)`): src/catalogue/sinks.ts `secretRoles`, read with matchSinks.
 *
 * Nested objects, spreads of same-module objects (`{ ...transport, from }`) and `Object.assign({}, a, b)` are read
 * through. Pure: it reads a tree another module already parsed (src/rule-kit/module-values.ts) and does no I/O.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { secretRoles } from '../catalogue/sinks.js';
import { classifyValue } from '../detect/index.js';
import {
  childrenOf,
  constInitOf,
  envVarName,
  memberPath,
  propertyName,
  staticString,
  unwrap,
  type Scope,
} from './ast.js';
import { collectImports } from './imports.js';
import { matchSinks } from './sinks.js';

type Node = TSESTree.Node;

/** The name tests of the caller (the leak finder's): a credential's name, a name safe to log, a secret env var. */
export interface HolderNames {
  readonly isCredential: (name: string) => boolean;
  readonly isSafe: (name: string) => boolean;
  readonly isSecretEnv: (ref: string) => boolean;
}

/** Where the object is written: that module's tree, scopes and visitor keys. */
export interface HolderModule {
  readonly program: TSESTree.Program;
  readonly getScope: (n: Node) => Scope;
  readonly visitorKeys: TSESLint.SourceCode.VisitorKeys;
}

const MAX_DEPTH = 4;

/** The dotted member paths a module passes as the secret argument of a catalogue key sink, once per tree. */
const keyUses = new WeakMap<TSESTree.Program, ReadonlySet<string>>();

function keyUsesOf(m: HolderModule): ReadonlySet<string> {
  let out = keyUses.get(m.program);
  if (out) return out;
  const found = new Set<string>();
  const imports = collectImports(m.program);
  if (imports.size > 0) {
    const walk = (n: Node): void => {
      if (n.type === T.CallExpression || n.type === T.NewExpression)
        for (const hit of matchSinks(n, imports, m.getScope(n), secretRoles)) {
          const p = memberPath(unwrap(hit.node));
          if (p !== undefined && p.includes('.')) found.add(p);
        }
      for (const c of childrenOf(n, m.visitorKeys)) walk(c);
    };
    walk(m.program);
  }
  keyUses.set(m.program, (out = found));
  return out;
}

/** `X`, `X ?? ''`, `c ? X : Y`, `X.trim()`: the values a member holds, under fallbacks and no-argument calls. */
function heldValues(v: Node, depth = 0): Node[] {
  const u = unwrap(v);
  if (depth > 3) return [u];
  if (u.type === T.LogicalExpression) return [...heldValues(u.left, depth + 1), ...heldValues(u.right, depth + 1)];
  if (u.type === T.ConditionalExpression)
    return [...heldValues(u.consequent, depth + 1), ...heldValues(u.alternate, depth + 1)];
  if (u.type === T.CallExpression && u.arguments.length === 0 && u.callee.type === T.MemberExpression)
    return heldValues(u.callee.object, depth + 1); // `process.env.X.trim()`
  return [u];
}

/** Why one member's value is a secret, or undefined. */
function secretValue(key: string | undefined, v: Node, names: HolderNames): boolean {
  const values = heldValues(v);
  for (const x of values) {
    const env = envVarName(x);
    if (env !== undefined && names.isSecretEnv(env)) return true;
    const s = staticString(x);
    if (s !== undefined && s.length >= 16 && classifyValue(s, key === undefined ? {} : { name: key }).secret)
      return true;
  }
  if (key === undefined || !names.isCredential(key) || names.isSafe(key)) return false;
  // A credential's name over a value that is not a literal placeholder, an object or a list.
  const u = unwrap(v);
  if (u.type === T.Literal || u.type === T.ObjectExpression || u.type === T.ArrayExpression) return false;
  if (u.type === T.TemplateLiteral && u.expressions.length === 0) return false;
  return !(u.type === T.Identifier && u.name === 'undefined');
}

/** The object literal a node denotes in its module: itself, a same-module const, `Object.freeze(…)`. */
function objectOf(n: Node, m: HolderModule, depth: number): Node | undefined {
  let u = unwrap(n);
  for (let i = 0; i < 3 && u.type === T.Identifier; i++) {
    const init = constInitOf(u, m.getScope(u));
    if (!init) return undefined;
    u = unwrap(init);
  }
  if (u.type === T.CallExpression && u.callee.type === T.MemberExpression && propertyName(u.callee) === 'freeze')
    return u.arguments[0] && depth < MAX_DEPTH ? objectOf(u.arguments[0], m, depth + 1) : undefined;
  return u;
}

/**
 * The member (dotted, `bus.seal`) that makes `node` secret-bearing by what it holds, or undefined. `name` is the
 * binding the defining module reads it by (`runtime`), for its own key uses (`createHmac(…, runtime.material)`).
 */
export function secretMemberOf(
  node: Node,
  m: HolderModule,
  names: HolderNames,
  name?: string,
  depth = 0,
): string | undefined {
  const o = objectOf(node, m, depth);
  if (!o || depth > MAX_DEPTH) return undefined;
  // `Object.assign({}, defaults, { pass })`: every source's members.
  if (o.type === T.CallExpression && o.callee.type === T.MemberExpression && propertyName(o.callee) === 'assign') {
    for (const a of o.arguments) {
      const hit = a.type === T.SpreadElement ? undefined : secretMemberOf(a, m, names, undefined, depth + 1);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }
  if (o.type !== T.ObjectExpression) return undefined;
  const used = name === undefined ? undefined : keyUsesOf(m);
  for (const p of o.properties) {
    if (p.type === T.SpreadElement) {
      const hit = secretMemberOf(p.argument, m, names, undefined, depth + 1);
      if (hit !== undefined) return hit;
      continue;
    }
    const key = propertyName(p);
    if (secretValue(key, p.value, names)) return key ?? '[computed]';
    if (key !== undefined && name !== undefined && used?.has(`${name}.${key}`)) return key;
    const inner = unwrap(p.value);
    if (inner.type === T.ObjectExpression || inner.type === T.Identifier) {
      const hit = secretMemberOf(inner, m, names, name === undefined ? undefined : `${name}.${key}`, depth + 1);
      if (hit !== undefined) return `${key}.${hit}`;
    }
  }
  return undefined;
}
