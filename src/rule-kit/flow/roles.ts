/**
 * A value's role from where it goes (issue 11, session 24). The rules mostly know that a value is a key, a secret or
 * a password from its name (`privateKey`, `secret`, `password`) or from the call that made it. Strangers' code
 * holds key material under generic names (`k`, `buf`, `material`, `out`, a parameter `x`) whose role is known only
 * from where the file passes it: the key argument of `createCipheriv`, the secret of `jwt.sign`, the password of a
 * KDF, the credentials of an SDK client. This module answers, for one binding, which such strong uses the file
 * makes of it, with the evidence (the sink and the line), so a message can say "used as the key of
 * crypto.createCipheriv at line 12".
 *
 * - Sinks are the catalogue's key sinks (src/catalogue/sinks.ts) and their argument roles; no second list.
 * - Only a strong use counts: the exact argument (or options-object property) the catalogue gives a secret role
 *   (`secretRoles`), never "any argument"; sinks that also take a public key (JWT verification, JWK import) are
 *   left out (`publicKeyAcceptingSink`).
 * - The value may be wrapped on its way (`Buffer.from(x, 'hex')`, `new Uint8Array(x)`, `x.subarray(0, 32)`,
 *   `enc.encode(x)`, `x!`, `await x`) or copied once into another binding (`const k = Buffer.from(x)`).
 * - It may also be handed on whole (session 41): to a parameter of a function of this file (`stretch(entered, salt)`
 *   whose `phrase` is a KDF's password; the sink is named through the helper), or into a class field (`this.m = m`,
 *   a TypeScript parameter property) whose reads in the class have a strong use. Within the same copy budget.
 * - A key handle (a `CryptoKey`, a `KeyObject`: made by a catalogue key import, or so annotated) is not material:
 *   printing it prints no bytes and it cannot be wiped, so it gets no role here.
 *
 * Asked per binding, lazily, by rules that already hold a candidate (a logged or dropped value); answers are
 * memoised per variable, and only the variable's own references are read (no tree walk).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyHandleTypes, keyImports } from '../../catalogue/deletion.js';
import { publicKeyAcceptingSink, secretRoles } from '../../catalogue/sinks.js';
import type { SinkRole } from '../../catalogue/types.js';
import { calleeName, childrenOf, findVariable, propertyName, unwrap, type Scope } from '../ast.js';
import { matchCallPattern } from '../call-patterns.js';
import type { ImportMap } from '../imports.js';
import { matchSinks } from '../sinks.js';
import { clientCredentialAt } from '../client-credentials.js';
import { thisWrites } from './this-writes.js';
import { localFunction } from './functions.js';

type Variable = TSESLint.Scope.Variable;

/** One strong use of a value: the catalogue sink, the argument's role, where. */
export interface RoleUse {
  readonly role: SinkRole;
  /** The sink's title (`crypto.createCipheriv`) and catalogue id. */
  readonly sink: string;
  readonly sinkId: string;
  /** The argument expression at the sink (the value, or its wrapper). */
  readonly node: TSESTree.Node;
  readonly line: number;
  /** The value is an options object that holds the secret at this path (`auth.pass`), not the secret itself. */
  readonly within?: string;
}

export interface ValueRoles {
  /**
   * The first use the file makes of the binding `id` reads as secret material (a key, a secret, a private key, a
   * password, HKDF input keying material), or undefined. Handles (CryptoKey, KeyObject) have none.
   */
  readonly secretUseOf: (id: TSESTree.Identifier) => RoleUse | undefined;
  /** The same, for a variable already resolved. */
  readonly secretUseOfVariable: (v: Variable) => RoleUse | undefined;
  /**
   * The same for a class field read as `this.name` (or `this.#name`): the first strong use of `this.name` anywhere
   * in the class, unless the class declares or fills the field with a key handle.
   */
  readonly secretUseOfField: (member: TSESTree.MemberExpression) => RoleUse | undefined;
  /**
   * The strong use of an expression itself (`keys.get(id)!` passed as the key of `createCipheriv`, through the same
   * wrappers), or of the binding it initialises (`const k = keys.get(id)`), or undefined.
   */
  readonly secretUseAt: (value: TSESTree.Node) => RoleUse | undefined;
}

/** How many bindings a value may be copied through (`const k = Buffer.from(x)`), and wrappers climbed per use. */
const MAX_COPIES = 2;
const MAX_CLIMB = 6;
/** Methods that return (part of) the same bytes: `x.subarray(0, 32)`, `x.slice(0, 16)`. */
const SAME_BYTES = new Set(['subarray', 'slice']);
/** `Buffer.from(x, 'hex')`, `enc.encode(x)`, `utf8ToBytes(x)`, `hexToBytes(x)`: the value re-encoded. */
const ENCODERS = new Set(['from', 'encode', 'utf8ToBytes', 'hexToBytes', 'toUtf8Bytes', 'decodeUTF8', 'decodeBase64']);
const BYTE_VIEWS = new Set(['Uint8Array', 'Buffer']);
/** A type that names a key handle (catalogue `keyHandleTypes`): what it holds prints no bytes and cannot be wiped. */
const isHandleType = (name: string): boolean => keyHandleTypes.names.has(name);

const perProgram = new WeakMap<TSESTree.Program, ValueRoles>();

/** The class body a node is in, if any. */
function classOf(n: TSESTree.Node): TSESTree.ClassBody | undefined {
  let c: TSESTree.Node | undefined = n.parent;
  while (c && c.type !== T.ClassBody) c = c.parent;
  return c;
}

/** The file's value roles, built once per parsed file. */
export function valueRolesOf(sourceCode: Readonly<TSESLint.SourceCode>, imports: ImportMap): ValueRoles {
  let r = perProgram.get(sourceCode.ast);
  if (!r) perProgram.set(sourceCode.ast, (r = createValueRoles(sourceCode, imports)));
  return r;
}

function createValueRoles(sourceCode: Readonly<TSESLint.SourceCode>, imports: ImportMap): ValueRoles {
  const getScope = (n: TSESTree.Node): Scope => sourceCode.getScope(n);
  const memo = new Map<Variable, RoleUse | null>();

  /** `x` wrapped on its way to an argument: the outermost expression that still carries the same material. */
  const climb = (from: TSESTree.Node): TSESTree.Node => {
    let n = from;
    for (let i = 0; i < MAX_CLIMB; i++) {
      const p = n.parent;
      if (!p) return n;
      if (
        p.type === T.TSNonNullExpression ||
        p.type === T.TSAsExpression ||
        p.type === T.TSSatisfiesExpression ||
        p.type === T.AwaitExpression
      ) {
        n = p;
        continue;
      }
      // x.subarray(0, 32)
      if (p.type === T.MemberExpression && p.object === n && SAME_BYTES.has(propertyName(p) ?? '')) {
        const call = p.parent;
        if (call?.type === T.CallExpression && call.callee === p) {
          n = call;
          continue;
        }
        return n;
      }
      // Buffer.from(x, 'hex'), enc.encode(x), new Uint8Array(x)
      if ((p.type === T.CallExpression || p.type === T.NewExpression) && p.arguments[0] === n) {
        const name = calleeName(p.callee);
        const encoder = p.type === T.CallExpression && name !== undefined && ENCODERS.has(name);
        const view = p.type === T.NewExpression && name !== undefined && BYTE_VIEWS.has(name);
        if (encoder || view) {
          n = p;
          continue;
        }
      }
      return n;
    }
    return n;
  };

  /** The call whose argument (possibly through nested option objects) `value` is, and that argument. */
  const enclosingCall = (value: TSESTree.Node): TSESTree.CallExpression | TSESTree.NewExpression | undefined => {
    let n: TSESTree.Node = value;
    for (let i = 0; i < 4; i++) {
      const p = n.parent;
      if (!p) return undefined;
      if ((p.type === T.CallExpression || p.type === T.NewExpression) && p.arguments.includes(n as never)) return p;
      if (p.type === T.Property && p.value === n && p.parent?.type === T.ObjectExpression) {
        n = p.parent;
        continue;
      }
      return undefined;
    }
    return undefined;
  };

  /** The strong use at `value`'s call, if the catalogue gives that argument a secret role. */
  const useAt = (value: TSESTree.Node): RoleUse | undefined => {
    const call = enclosingCall(value);
    if (!call) return undefined;
    for (const hit of matchSinks(call, imports, getScope(call), secretRoles)) {
      if (hit.node !== value || publicKeyAcceptingSink.test(hit.sink.id)) continue;
      return { role: hit.arg.role, sink: hit.sink.title, sinkId: hit.sink.id, node: value, line: value.loc.start.line };
    }
    // `new Stripe(stripeKey)`, `createTransport({ auth: { pass } })`: a client's credential slot (catalogue clients).
    const slot = clientCredentialAt(value, call, imports, getScope(call));
    if (slot)
      return {
        role: slot.holds === 'password' ? 'password' : 'secret',
        sink: slot.client.title,
        sinkId: slot.client.id,
        node: value,
        line: value.loc.start.line,
        ...(slot.within === undefined ? {} : { within: slot.within }),
      };
    return undefined;
  };

  /** The binding holds a key handle: annotated as one, or made by a catalogue key import. */
  const isHandle = (v: Variable): boolean =>
    v.defs.some((d) => {
      const id = d.name;
      const ann = id.type === T.Identifier ? id.typeAnnotation?.typeAnnotation : undefined;
      if (ann?.type === T.TSTypeReference && ann.typeName.type === T.Identifier && isHandleType(ann.typeName.name))
        return true;
      const init = d.node.type === T.VariableDeclarator && d.node.init ? unwrap(d.node.init) : undefined;
      const made = init?.type === T.AwaitExpression ? unwrap(init.argument) : init;
      return (
        (made?.type === T.CallExpression || made?.type === T.NewExpression) &&
        matchCallPattern(made, imports, getScope(made), keyImports) !== undefined
      );
    });

  const secretUseOfVariable = (v: Variable, copies = 0): RoleUse | undefined => {
    const known = memo.get(v);
    if (known !== undefined) return known ?? undefined;
    memo.set(v, null);
    let found: RoleUse | undefined;
    if (!isHandle(v))
      for (const ref of v.references) {
        if (!ref.isRead()) continue;
        const value = climb(ref.identifier);
        found = useAt(value) ?? (copies < MAX_COPIES ? handedOnUse(value, copies) : undefined);
        if (found) break;
        // const k = Buffer.from(x, 'hex'): the same material under one more name.
        const decl = value.parent;
        if (copies < MAX_COPIES && decl?.type === T.VariableDeclarator && decl.init === value) {
          const next = decl.id.type === T.Identifier ? findVariable(getScope(decl), decl.id) : undefined;
          found = next && next !== v ? secretUseOfVariable(next, copies + 1) : undefined;
          if (found) break;
        }
      }
    // `constructor(private readonly m: Buffer)`: a parameter property is the field `this.m` too.
    if (!found && v.defs[0]?.name.parent?.type === T.TSParameterProperty)
      found = fieldUse(classOf(v.defs[0].name), v.name);
    memo.set(v, found ?? null);
    return found;
  };

  /**
   * A value handed on whole to where a secret role is known: a parameter of a function of this file
   * (`derive(code, salt)` whose `code` is a KDF's password), or a class field (`this.m = m` in a constructor,
   * `this.m` the key of `createCipheriv` in a method). The use found there, named through the helper.
   */
  const handedOnUse = (value: TSESTree.Node, copies: number): RoleUse | undefined => {
    const p = value.parent;
    if (p?.type === T.AssignmentExpression && p.right === value && p.operator === '=') {
      const left = p.left;
      if (left.type !== T.MemberExpression || unwrap(left.object).type !== T.ThisExpression) return undefined;
      const name = propertyName(left);
      return name === undefined ? undefined : fieldUse(classOf(left), name);
    }
    if (p?.type !== T.CallExpression || !p.arguments.includes(value as never)) return undefined;
    const fn = localFunction(p.callee, getScope);
    const param = fn?.params[p.arguments.indexOf(value as never)];
    const id = param?.type === T.AssignmentPattern ? param.left : param;
    if (!fn || id?.type !== T.Identifier) return undefined;
    const v = findVariable(getScope(fn), id);
    const inner = v ? secretUseOfVariable(v, copies + 1) : undefined;
    const helper = calleeName(p.callee);
    return inner && helper !== undefined ? { ...inner, sink: `${inner.sink} (through ${helper}())` } : inner;
  };

  /** Every `this.name` read in a class, by name: one walk of the class, the first time one of its fields is asked. */
  const fieldReads = new Map<TSESTree.ClassBody, Map<string, TSESTree.MemberExpression[]>>();
  const readsIn = (cls: TSESTree.ClassBody): Map<string, TSESTree.MemberExpression[]> => {
    let byName = fieldReads.get(cls);
    if (byName) return byName;
    fieldReads.set(cls, (byName = new Map<string, TSESTree.MemberExpression[]>()));
    const stack: TSESTree.Node[] = [...cls.body];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === T.ClassBody) continue;
      if (n.type === T.MemberExpression && unwrap(n.object).type === T.ThisExpression) {
        const name = propertyName(n);
        const written = n.parent?.type === T.AssignmentExpression && n.parent.left === n;
        if (name !== undefined && !written) byName.set(name, [...(byName.get(name) ?? []), n]);
      }
      stack.push(...childrenOf(n, sourceCode.visitorKeys));
    }
    return byName;
  };
  const fieldMemo = new Map<string, RoleUse | null>();

  /** The field holds a key handle: declared with a handle type, or filled by a catalogue key import. */
  const fieldIsHandle = (cls: TSESTree.ClassBody, name: string): boolean => {
    const decl = cls.body.find((m) => m.type === T.PropertyDefinition && propertyName(m) === name);
    const ann = decl?.type === T.PropertyDefinition ? decl.typeAnnotation?.typeAnnotation : undefined;
    const types = ann?.type === T.TSUnionType ? ann.types : ann ? [ann] : [];
    if (
      types.some(
        (t) => t.type === T.TSTypeReference && t.typeName.type === T.Identifier && isHandleType(t.typeName.name),
      )
    )
      return true;
    return thisWrites(cls, name, sourceCode.visitorKeys).some((w) => {
      const v = unwrap(w);
      const made = v.type === T.AwaitExpression ? unwrap(v.argument) : v;
      return (
        (made.type === T.CallExpression || made.type === T.NewExpression) &&
        matchCallPattern(made, imports, getScope(made), keyImports) !== undefined
      );
    });
  };

  /** The strong use of `from` itself, else of the binding it initialises (`const k = keys.get(id)`). */
  const secretUseAt = (from: TSESTree.Node): RoleUse | undefined => {
    const value = climb(from);
    const found = useAt(value);
    if (found) return found;
    const decl = value.parent;
    if (decl?.type !== T.VariableDeclarator || decl.init !== value || decl.id.type !== T.Identifier) return undefined;
    const next = findVariable(getScope(decl), decl.id);
    return next ? secretUseOfVariable(next, 1) : undefined;
  };

  const secretUseOfField = (member: TSESTree.MemberExpression): RoleUse | undefined => {
    const name = propertyName(member);
    if (name === undefined || unwrap(member.object).type !== T.ThisExpression) return undefined;
    return fieldUse(classOf(member), name);
  };

  /** The first strong use of `this.name` in a class, unless the class fills the field with a key handle. */
  function fieldUse(cls: TSESTree.ClassBody | undefined, name: string): RoleUse | undefined {
    if (!cls) return undefined;
    const key = `${cls.range[0]}:${name}`;
    const known = fieldMemo.get(key);
    if (known !== undefined) return known ?? undefined;
    let found: RoleUse | undefined;
    if (!fieldIsHandle(cls, name))
      for (const read of readsIn(cls).get(name) ?? []) {
        found = secretUseAt(read);
        if (found) break;
      }
    fieldMemo.set(key, found ?? null);
    return found;
  }

  return {
    secretUseOfField,
    secretUseOf: (id) => {
      const v = findVariable(getScope(id), id);
      return v ? secretUseOfVariable(v) : undefined;
    },
    secretUseOfVariable: (v) => secretUseOfVariable(v),
    secretUseAt,
  };
}
