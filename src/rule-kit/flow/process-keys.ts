/**
 * Signing keys drawn per process, across modules (require-key-rotation; the audit's cross-file join). A key the
 * program draws from a CSPRNG once at start and keeps in memory (a module constant, a field of an exported service
 * instance, a member of a configuration object or factory) is new at every start: there is no long-lived key for a
 * `kid` to rotate. The lint sees this only when the key is drawn in the signing file (`drawnByProgram`); these two
 * views let the module summary say it across a module boundary:
 *
 * - `freshMembers`: which members of an exported value hold such a key (`''` for the value itself);
 * - `signingKeyRef`: where a signing call's key comes from when another module holds it — an import binding and the
 *   members read from it (`common.secret_key` of `const common = Common`), or a configuration key read through a
 *   configuration service (catalogue `configStores`: `config.get('jwtSecret')`).
 *
 * Pure: reads the file's AST and the engine's origins, no I/O.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { configStores } from '../../catalogue/jwt-modules.js';
import { oneUseKeyCalls } from '../../catalogue/one-use-keys.js';
import {
  constInitOf,
  isFunctionNode,
  propertyName,
  staticString,
  unwrap,
  type FunctionNode,
  type Scope,
} from '../ast.js';
import type { ImportMap } from '../imports.js';
import { drawnByProgram, drawnField } from '../one-use-keys.js';
import type { FileFlow } from './engine.js';
import { returnExpressions } from './functions.js';

/** Where a signing key comes from in another module. */
export type SigningKeyRef =
  /** An import binding and the members read from it, outermost first (`Common.secret_key` → `['secret_key']`). */
  | { readonly local: string; readonly path: readonly string[] }
  /** A configuration key read through a configuration service (`config.get('jwtSecret')`). */
  | { readonly config: string };

const MAX_DEPTH = 5;
const MAX_MEMBERS = 3;

/** Whether the file imports a configuration service's module (catalogue `configStores`). */
export function importsConfigStore(imports: ImportMap): boolean {
  for (const b of imports.values()) if (configStores.some((c) => c.modules.includes(b.module))) return true;
  return false;
}

/**
 * Where a signing call's key comes from when another module holds it, or undefined (a local value, a parameter,
 * an environment read). Follows local consts and value-preserving wrappers (`Buffer.from(x)`, `encode(x)`).
 */
export function signingKeyRef(
  key: TSESTree.Node,
  imports: ImportMap,
  scopeOf: (n: TSESTree.Node) => Scope,
  configStore: boolean,
): SigningKeyRef | undefined {
  const walk = (node: TSESTree.Node, outer: readonly string[], depth: number): SigningKeyRef | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    let n = unwrap(node);
    if (n.type === T.AwaitExpression) n = unwrap(n.argument);
    if (n.type === T.CallExpression || n.type === T.NewExpression) {
      const callee = unwrap(n.callee);
      const method = callee.type === T.MemberExpression ? propertyName(callee) : undefined;
      const arg = n.arguments[0];
      // config.get('jwtSecret'), this.configService.getOrThrow('auth.secret')
      if (configStore && outer.length === 0 && method !== undefined && arg) {
        const name = staticString(arg);
        if (name !== undefined && configStores.some((c) => c.readers.includes(method))) return { config: name };
      }
      // Buffer.from(x, 'hex'), new TextEncoder().encode(x), x.toString('hex')
      if (
        outer.length === 0 &&
        method !== undefined &&
        (method === 'encode' || oneUseKeyCalls.derivations.test(method))
      )
        return arg && arg.type !== T.SpreadElement && method !== 'toString'
          ? walk(arg, outer, depth + 1)
          : callee.type === T.MemberExpression
            ? walk(callee.object, outer, depth + 1)
            : undefined;
      return undefined;
    }
    const path: string[] = [];
    while (n.type === T.MemberExpression) {
      const p = n.computed ? undefined : propertyName(n);
      if (p === undefined) return undefined;
      path.unshift(p);
      n = unwrap(n.object);
    }
    if (n.type !== T.Identifier) return undefined;
    const members = [...path, ...outer];
    if (imports.has(n.name)) return { local: n.name, path: members.slice(0, MAX_MEMBERS) };
    const init = constInitOf(n, scopeOf(n));
    return init ? walk(init, members, depth + 1) : undefined;
  };
  return walk(key, [], 0);
}

/**
 * The members of an exported value that hold a key drawn by the program and kept to itself: `''` for the value
 * (`export const secret = randomBytes(32)`), a property of an object or of what a factory returns
 * (`export default () => ({ jwtSecret })`), a field of an instance of a class of this file
 * (`export const Common = new CommonService()`). Paths are dotted (`jwt.secret`).
 */
export function freshMembers(
  flow: FileFlow,
  value: TSESTree.Node,
  scopeOf: (n: TSESTree.Node) => Scope,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): string[] {
  const out: string[] = [];
  const object = (o: TSESTree.ObjectExpression, prefix: string, depth: number): void => {
    for (const p of o.properties) {
      if (p.type !== T.Property) continue;
      const name = propertyName(p);
      if (name === undefined) continue;
      const path = prefix ? `${prefix}.${name}` : name;
      const v = unwrap(p.value);
      if (v.type === T.ObjectExpression) {
        if (depth < MAX_MEMBERS) object(v, path, depth + 1);
      } else if (drawnByProgram(flow, v)) out.push(path);
    }
  };
  const v = unwrap(value);
  if (v.type === T.ObjectExpression) object(v, '', 1);
  else if (isFunctionNode(v)) {
    // A configuration factory: what every return gives (only an object literal is read).
    for (const r of returnExpressions(v as FunctionNode, visitorKeys)) {
      let made = unwrap(r);
      // `const config = { …, jwtSecret }; return config;`
      if (made.type === T.Identifier) made = unwrap(constInitOf(made, scopeOf(made)) ?? made);
      if (made.type === T.ObjectExpression) object(made, '', 1);
    }
  } else if (v.type === T.NewExpression && v.callee.type === T.Identifier) {
    const cls = classOf(v.callee, scopeOf);
    for (const m of cls?.body ?? [])
      if (m.type === T.PropertyDefinition && !m.static && m.value) {
        const name = propertyName(m);
        if (name !== undefined && drawnField(flow, cls!, name, m.value)) out.push(name);
      }
  } else if (drawnByProgram(flow, v)) out.push('');
  return out;
}

/** The body of the class of this file a name refers to. */
function classOf(id: TSESTree.Identifier, scopeOf: (n: TSESTree.Node) => Scope): TSESTree.ClassBody | undefined {
  let s: Scope | null = scopeOf(id);
  while (s) {
    const v = s.set.get(id.name);
    if (v) {
      const d = v.defs[0]?.node;
      return d && (d.type === T.ClassDeclaration || d.type === T.ClassExpression) ? d.body : undefined;
    }
    s = s.upper;
  }
  return undefined;
}
