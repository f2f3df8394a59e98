/**
 * Secret by use (issue 11, session 38): whether the code treats a value as a credential, whatever it is called. A
 * writer names a token for their own domain (`claimStub`, `visitTicket`, `latch`), so a name lexicon misses the next
 * one; what carries over is what the code does with the value (catalogue secret-uses.ts):
 * - `stored`: kept in a record beside its expiry (`{ memberId, latch, expiresAt }`);
 * - `looked-up`: kept under a field that the file looks records up by from request input
 *   (`create({ data: { stub } })` and `findFirst({ where: { stub: req.params.stub } })`);
 * - `cookie`: set as an HTTP-only or signed cookie;
 * - `checked`: compared with what a request sent (`pin === req.query.pin`) or in constant time;
 * - `hashed`: hashed for storage while the plain value is returned to the caller;
 * - `expiring`: written into a key-value entry that expires, as its value or in its key (session 41: judged by
 *   its consumer, `redis.set(k, v, 'EX', 600)`, `kv.put(\`share:${id}\`, …, { expirationTtl })`), unless the
 *   entry is a lock, a rate limit, a counter or a cache.
 * Key material (a key, an IV, a salt passed to a crypto call) is the key-sink catalogue's, read by the rules already.
 *
 * One answer per file, cached on its `SourceCode` and computed on first ask, so two rules share it; the index of
 * fields and bindings compared with request input walks the scope manager's references of request bindings only.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { nonPurposeName } from '../catalogue/names.js';
import { requestName } from '../catalogue/loggers.js';
import { identifierName, publicInputName, timeQuantityName } from '../catalogue/randomness.js';
import {
  bookkeepingStoreEntry,
  constantTimeCompare,
  cookieSetterName,
  credentialCookieAttribute,
  credentialCookieOption,
  expiringStoreMethod,
  expiryFieldName,
  lookupFilterKey,
  recordDataField,
  recordLookupMethod,
  setCookieHeaderName,
  storedHashCall,
  storeExpiryOption,
} from '../catalogue/secret-uses.js';
import { normaliseName } from '../detect/names.js';
import { calleeName, findVariable, propertyName, staticString, type Scope, type Variable } from './ast.js';
import { localFunction } from './flow/functions.js';

type Node = TSESTree.Node;

type SecretUseKind = 'stored' | 'looked-up' | 'cookie' | 'checked' | 'hashed' | 'expiring';

/** A use that makes a value a secret, and how a message says it (`stored as stub beside expiresAt`). */
export interface SecretUse {
  readonly kind: SecretUseKind;
  readonly via: string;
}

/** A value written into a binding that the code uses as a secret. */
interface SecretSite {
  readonly expr: Node;
  readonly use: SecretUse;
}

export interface FileSecretUses {
  /** The use a value at this position is put to (a record field, a cookie, a comparison), or undefined. */
  at(expr: Node): SecretUse | undefined;
  /** The use that makes a binding's value a secret, from any of its reads; undefined for an id, a time or data. */
  ofBinding(v: Variable): SecretUse | undefined;
  /** The values written into the file's bindings that are used as secrets (initialisers and assignments). */
  sites(): readonly SecretSite[];
}

/** `===`, `!==`, `==`, `!=`: a comparison for equality. */
const isEquality = (op: string): boolean => op === '===' || op === '!==' || op === '==' || op === '!=';

/** A name that may hold a credential: not an id, a time, data or a non-secret sense (`requestId`, `payload`). */
function mayNameCredential(name: string): boolean {
  const n = normaliseName(name);
  return !(
    nonPurposeName.pattern.test(n) ||
    identifierName.pattern.test(n) ||
    timeQuantityName.pattern.test(n) ||
    publicInputName.pattern.test(n) ||
    recordDataField.pattern.test(n) ||
    expiryFieldName.pattern.test(n)
  );
}

/** An identifier's name (`shareId`, `inviteId`) that may still be a grant when the entry it keys expires. */
function mayNameExpiringGrant(name: string): boolean {
  const n = normaliseName(name);
  return identifierName.pattern.test(n) && !nonPurposeName.pattern.test(n) && !timeQuantityName.pattern.test(n);
}

/** Skips the wrappers between a value and its place: `x as string`, `x!`, `await x`. */
function placeOf(n: Node): Node {
  let p = n;
  while (
    p.parent &&
    (p.parent.type === T.TSAsExpression ||
      p.parent.type === T.TSNonNullExpression ||
      p.parent.type === T.AwaitExpression)
  )
    p = p.parent;
  return p;
}

/**
 * `` `sid=${v}; HttpOnly; Path=/` `` as a `Set-Cookie` header's value (`res.setHeader('Set-Cookie', …)`,
 * `headers.append('Set-Cookie', …)`, `{ 'Set-Cookie': … }`, or an element of an array there): `place` is the
 * cookie's value, and the attributes after it make the cookie HTTP-only.
 */
function httpOnlySetCookieValue(text: TSESTree.TemplateLiteral, place: Node): boolean {
  const i = text.expressions.indexOf(place as TSESTree.Expression);
  const before = text.quasis
    .slice(0, i + 1)
    .map((q) => q.value.cooked ?? '')
    .join('');
  if (i < 0 || !credentialCookieAttribute.valueStart.test(before)) return false;
  const after = text.quasis
    .slice(i + 1)
    .map((q) => q.value.cooked ?? '')
    .join('');
  if (!credentialCookieAttribute.pattern.test(after)) return false;
  let n: Node = text;
  if (n.parent?.type === T.ArrayExpression) n = n.parent;
  const p = n.parent;
  const header =
    p?.type === T.CallExpression && p.arguments[1] === n
      ? staticString(p.arguments[0])
      : p?.type === T.Property && p.value === n
        ? propertyName(p)
        : undefined;
  return header !== undefined && setCookieHeaderName.pattern.test(normaliseName(header));
}

/** The top of a member chain an identifier starts (`req` in `req.params.stub` → the whole chain). */
function chainTop(n: Node): Node {
  let p = n;
  while (p.parent?.type === T.MemberExpression && p.parent.object === p) p = p.parent;
  return p;
}

/** The call a value is an argument of, through at most two wrapping calls (`timingSafeEqual(Buffer.from(x), …)`). */
function callsAround(n: Node): TSESTree.CallExpression[] {
  const out: TSESTree.CallExpression[] = [];
  let p = placeOf(n);
  for (let i = 0; i < 3 && p.parent?.type === T.CallExpression && p.parent.arguments.includes(p as never); i++) {
    out.push(p.parent);
    p = placeOf(p.parent);
  }
  return out;
}

const nameOf = (callee: Node): string => normaliseName(calleeName(callee) ?? '');

/** `res.cookie(n, v, opts)`, `ctx.cookies.set(n, v, opts)`, `cookies().set(n, v, opts)`: the setter's name. */
function cookieSetterOf(call: TSESTree.CallExpression): string {
  const callee = call.callee;
  const method = nameOf(callee);
  if (method !== 'set' || callee.type !== T.MemberExpression) return method;
  const owner = callee.object.type === T.CallExpression ? calleeName(callee.object.callee) : calleeName(callee.object);
  return owner === undefined ? method : `${normaliseName(owner)}_${method}`;
}

/** A cookie options object with `httpOnly: true` or `signed: true`. */
function credentialOptions(n: Node | undefined): boolean {
  if (n?.type !== T.ObjectExpression) return false;
  return n.properties.some((p) => {
    if (p.type !== T.Property) return false;
    const k = propertyName(p);
    const v = p.value;
    return (
      k !== undefined &&
      credentialCookieOption.pattern.test(normaliseName(k)) &&
      v.type === T.Literal &&
      v.value === true
    );
  });
}

/** The expiry field an object literal has (`expiresAt`, `ttl`), if any. */
function expiryOf(obj: TSESTree.ObjectExpression): string | undefined {
  for (const p of obj.properties) {
    const k = p.type === T.Property ? propertyName(p) : undefined;
    if (k !== undefined && expiryFieldName.pattern.test(normaliseName(k))) return k;
  }
  return undefined;
}

/**
 * A record handed to a call (`insert({ … })`, `create({ data: { … } })`, `cache.set(k, { … })`) or written into a
 * member (`this.grants[id] = { … }`): kept somewhere, not a reply built to return (`return { credential, ttl }`).
 */
function handedOn(obj: TSESTree.ObjectExpression): boolean {
  let n: Node = obj;
  for (let depth = 0; depth < 4; depth++) {
    const p: Node | undefined = placeOf(n).parent;
    if (!p) return false;
    if (p.type === T.CallExpression || p.type === T.NewExpression) return p.arguments.includes(placeOf(n) as never);
    if (p.type === T.AssignmentExpression) return p.right === placeOf(n) && p.left.type === T.MemberExpression;
    if (p.type !== T.Property || p.value !== placeOf(n) || p.parent.type !== T.ObjectExpression) return false;
    n = p.parent;
  }
  return false;
}

/** `where: { … }` or the argument of a lookup call (`findOne({ stub })`): an object that matches records. */
function isLookupFilter(obj: TSESTree.ObjectExpression): boolean {
  const p = obj.parent;
  if (p.type === T.Property && p.value === obj) {
    const k = propertyName(p);
    return k !== undefined && lookupFilterKey.pattern.test(normaliseName(k));
  }
  return p.type === T.CallExpression && p.arguments.includes(obj) && recordLookupMethod.pattern.test(nameOf(p.callee));
}

/** `Date.now()`, `new Date()`, `performance.now()`, alone or plus or minus an amount: a time. */
function clockValue(n: Node): boolean {
  const u = n.type === T.TSAsExpression || n.type === T.TSNonNullExpression ? n.expression : n;
  if (u.type === T.NewExpression) return calleeName(u.callee) === 'Date';
  if (u.type === T.CallExpression && u.callee.type === T.MemberExpression)
    return calleeName(u.callee) === 'now' && /^(?:Date|performance)$/.test(calleeName(u.callee.object) ?? '');
  return u.type === T.BinaryExpression && (u.operator === '+' || u.operator === '-') && clockValue(u.left);
}

/** A declarator whose initialiser is a clock reading. */
const clockInit = (n: Node): boolean => n.type === T.VariableDeclarator && !!n.init && clockValue(n.init);

/** Whether an argument list gives a key-value write an expiry (an ioredis flag or an options object). */
function givesExpiry(args: readonly Node[]): boolean {
  return args.some((a) => {
    const flag = staticString(a);
    if (flag !== undefined) return storeExpiryOption.flag.test(normaliseName(flag));
    if (a.type !== T.ObjectExpression) return false;
    return a.properties.some((p) => {
      const k = p.type === T.Property ? propertyName(p) : undefined;
      return k !== undefined && storeExpiryOption.pattern.test(normaliseName(k));
    });
  });
}

/** Whether an argument list marks a lock (`'NX'`, `{ NX: true }`). */
function marksLock(args: readonly Node[]): boolean {
  return args.some((a) => {
    const flag = staticString(a);
    if (flag !== undefined) return bookkeepingStoreEntry.lockFlag.test(normaliseName(flag));
    return (
      a.type === T.ObjectExpression &&
      a.properties.some((p) => {
        const k = p.type === T.Property ? propertyName(p) : undefined;
        return k !== undefined && bookkeepingStoreEntry.lockFlag.test(normaliseName(k));
      })
    );
  });
}

/**
 * The method of the expiring key-value write that `place` is the value of, or a part of the key of
 * (`redis.set(k, place, 'EX', 600)`, `redis.setex(k, 600, place)`, `kv.put(\`share:${place}\`, v, { expirationTtl })`),
 * when the entry is not a lock, a rate limit, a counter or a cache (catalogue `bookkeepingStoreEntry`).
 */
function expiringEntryOf(place: Node): string | undefined {
  let arg = place;
  const inKey = place.parent?.type === T.TemplateLiteral;
  if (inKey) arg = place.parent!;
  const call = arg.parent;
  if (call?.type !== T.CallExpression || call.callee.type !== T.MemberExpression) return undefined;
  const method = normaliseName(calleeName(call.callee) ?? '');
  if (!expiringStoreMethod.pattern.test(method)) return undefined;
  const i = call.arguments.indexOf(arg as TSESTree.CallExpressionArgument);
  const expiryFirst = expiringStoreMethod.expiryFirst.test(method);
  const valueIndex = expiryFirst ? 2 : 1;
  if (inKey ? i !== 0 : i !== valueIndex) return undefined;
  if (clockValue(place)) return undefined;
  const rest = call.arguments.slice(valueIndex + 1);
  if (!expiryFirst && !givesExpiry(rest)) return undefined;
  if (marksLock(rest)) return undefined;
  const key = call.arguments[0];
  const keyText =
    key?.type === T.TemplateLiteral ? key.quasis.map((q) => q.value.cooked ?? '').join(' ') : staticString(key);
  if (keyText !== undefined && bookkeepingStoreEntry.pattern.test(keyText)) return undefined;
  return calleeName(call.callee);
}

class SecretUses implements FileSecretUses {
  private readonly byBinding = new Map<Variable, SecretUse | undefined>();
  private index: { fields: Set<string>; bindings: Set<Variable> } | undefined;
  private siteList: SecretSite[] | undefined;

  constructor(private readonly sourceCode: Readonly<TSESLint.SourceCode>) {}

  at(expr: Node): SecretUse | undefined {
    const place = placeOf(expr);
    const parent = place.parent;
    if (!parent) return undefined;
    if (parent.type === T.Property && parent.value === place && parent.parent.type === T.ObjectExpression) {
      const field = propertyName(parent);
      const obj = parent.parent;
      if (field === undefined || !mayNameCredential(field) || isLookupFilter(obj)) return undefined;
      const expiry = handedOn(obj) ? expiryOf(obj) : undefined;
      if (expiry !== undefined) return { kind: 'stored', via: `stored as ${field} beside ${expiry}` };
      if (this.checked().fields.has(field))
        return { kind: 'looked-up', via: `stored as ${field}, the field requests look records up by` };
      return undefined;
    }
    if (parent.type === T.CallExpression && parent.arguments[1] === place) {
      const setter = cookieSetterName.pattern.test(cookieSetterOf(parent));
      if (setter && credentialOptions(parent.arguments[2]))
        return { kind: 'cookie', via: 'set as an HTTP-only or signed cookie' };
    }
    const entry = expiringEntryOf(place);
    if (entry !== undefined) return { kind: 'expiring', via: `kept in an expiring store entry (${entry}())` };
    if (parent.type === T.TemplateLiteral && httpOnlySetCookieValue(parent, place))
      return { kind: 'cookie', via: 'set as an HTTP-only cookie in a Set-Cookie header' };
    if (callsAround(place).some((c) => constantTimeCompare.pattern.test(nameOf(c.callee))))
      return { kind: 'checked', via: 'compared in constant time' };
    if (parent.type === T.BinaryExpression && isEquality(parent.operator)) {
      const other = parent.left === place ? parent.right : parent.left;
      if (this.isInput(other)) return { kind: 'checked', via: 'compared with request input' };
    }
    return undefined;
  }

  ofBinding(v: Variable, depth = 0): SecretUse | undefined {
    if (this.byBinding.has(v)) return this.byBinding.get(v);
    this.byBinding.set(v, undefined);
    let use: SecretUse | undefined;
    if (mayNameExpiringGrant(v.name)) {
      // An id the code keeps an expiring entry under (`share:${shareId}`) is what a link hands out: its consumer says
      // it grants something, whatever its name says.
      for (const id of v.references) if (id.isRead() && (use = this.at(id.identifier))?.kind === 'expiring') break;
      if (use?.kind !== 'expiring') use = undefined;
      if (use && v.defs.some((d) => clockInit(d.node))) use = undefined;
    } else if (mayNameCredential(v.name)) {
      const reads = v.references.filter((r) => r.isRead()).map((r) => r.identifier);
      for (const id of reads) if ((use = this.at(id) ?? (depth < 2 ? this.helperUse(id, depth) : undefined))) break;
      // `const stamp = Date.now()` kept with an expiry is when something happened, not a grant.
      if (use?.kind === 'expiring' && v.defs.some((d) => clockInit(d.node))) use = undefined;
      if (!use && this.checked().bindings.has(v)) use = { kind: 'checked', via: 'compared with request input' };
      if (!use && reads.some((id) => this.hashedAt(id)) && reads.some((id) => returnedAt(id)))
        use = { kind: 'hashed', via: 'hashed for storage and returned in plain' };
    }
    this.byBinding.set(v, use);
    return use;
  }

  sites(): readonly SecretSite[] {
    if (this.siteList) return this.siteList;
    const out: SecretSite[] = [];
    for (const scope of this.sourceCode.scopeManager?.scopes ?? [])
      for (const v of scope.variables) {
        if (v.defs.length === 0 || v.references.length < 2) continue;
        const use = this.ofBinding(v);
        if (!use) continue;
        for (const d of v.defs)
          if (d.node.type === T.VariableDeclarator && d.node.id.type === T.Identifier && d.node.init)
            out.push({ expr: d.node.init, use });
        for (const r of v.references) if (r.writeExpr && r.isWrite() && !r.init) out.push({ expr: r.writeExpr, use });
      }
    return (this.siteList = out);
  }

  /**
   * `setSession(res, grant)`: a value handed whole to a parameter of a function of this file, which puts it to a
   * secret use (a cookie, a check); the use is named through the helper.
   */
  private helperUse(id: Node, depth: number): SecretUse | undefined {
    const place = placeOf(id);
    const call = place.parent;
    if (call?.type !== T.CallExpression || !call.arguments.includes(place as never)) return undefined;
    const getScope = (n: Node): Scope => this.sourceCode.getScope(n);
    const fn = localFunction(call.callee, getScope);
    const param = fn?.params[call.arguments.indexOf(place as never)];
    const pid = param?.type === T.AssignmentPattern ? param.left : param;
    if (!fn || pid?.type !== T.Identifier) return undefined;
    const pv = findVariable(getScope(fn), pid);
    const inner = pv ? this.ofBinding(pv, depth + 1) : undefined;
    return inner && { kind: inner.kind, via: `${inner.via} (through ${calleeName(call.callee) ?? 'a helper'}())` };
  }

  /** A value hashed for storage (`createHash('sha256').update(x)`, `bcrypt.hash(x, 10)`, `sha256(x)`). */
  private hashedAt(id: Node): boolean {
    return callsAround(id).some((c) => {
      const name = nameOf(c.callee);
      if (storedHashCall.pattern.test(name)) return true;
      if (name !== 'update' || c.callee.type !== T.MemberExpression) return false;
      const recv = c.callee.object;
      return recv.type === T.CallExpression && storedHashCall.streamFactory.test(nameOf(recv.callee));
    });
  }

  /** What a request sent: a member chain off a request binding (`req.body.pin`), or a binding read from one. */
  private isInput(n: Node): boolean {
    let e = n;
    while (e.type === T.TSAsExpression || e.type === T.TSNonNullExpression) e = e.expression;
    if (e.type === T.MemberExpression) {
      let root: Node = e;
      let depth = 0;
      while (root.type === T.MemberExpression) {
        root = root.object;
        depth++;
      }
      return depth >= 2 && root.type === T.Identifier && requestName.pattern.test(normaliseName(root.name));
    }
    if (e.type !== T.Identifier) return false;
    const def = findDef(this.sourceCode, e)?.defs[0];
    if (def?.node.type !== T.VariableDeclarator || !def.node.init) return false;
    const init = def.node.init;
    if (def.node.id.type === T.ObjectPattern) return this.isRequestPart(init);
    return init.type === T.MemberExpression && this.isInput(init);
  }

  /** `req.body`, `ctx.request.query`: an object of request input, destructured (`const { pin } = req.body`). */
  private isRequestPart(n: Node): boolean {
    let root: Node = n;
    let depth = 0;
    while (root.type === T.MemberExpression) {
      root = root.object;
      depth++;
    }
    return depth >= 1 && root.type === T.Identifier && requestName.pattern.test(normaliseName(root.name));
  }

  /**
   * The fields and bindings the file compares with request input: `rec.stub === req.body.stub` (field `stub`),
   * `where: { stub: req.params.stub }` (field), `pin !== req.query.pin` (binding `pin`). Computed once, from the
   * references of request bindings only.
   */
  private checked(): { fields: Set<string>; bindings: Set<Variable> } {
    if (this.index) return this.index;
    const fields = new Set<string>();
    const bindings = new Set<Variable>();
    const note = (other: Node): void => {
      if (other.type === T.MemberExpression) {
        const f = propertyName(other);
        if (f !== undefined) fields.add(f);
      } else if (other.type === T.Identifier) {
        const v = findDef(this.sourceCode, other);
        if (v) bindings.add(v);
      }
    };
    const inputs: Node[] = [];
    for (const scope of this.sourceCode.scopeManager?.scopes ?? [])
      for (const v of scope.variables) {
        if (!requestName.pattern.test(normaliseName(v.name))) continue;
        for (const r of v.references) {
          const top = chainTop(r.identifier);
          if (top === r.identifier) continue;
          inputs.push(top);
          // `const { pin } = req.body`, `const pin = req.query.pin`: the bindings that hold request input.
          const decl = placeOf(top).parent;
          if (decl?.type !== T.VariableDeclarator || decl.init !== placeOf(top)) continue;
          const held = this.sourceCode.getDeclaredVariables(decl);
          for (const h of held) for (const hr of h.references) if (hr.isRead()) inputs.push(hr.identifier);
        }
      }
    for (const input of inputs) {
      const place = placeOf(input);
      const parent = place.parent;
      if (parent?.type === T.BinaryExpression && isEquality(parent.operator))
        note(parent.left === place ? parent.right : parent.left);
      else if (parent?.type === T.Property && parent.value === place && parent.parent.type === T.ObjectExpression) {
        const f = propertyName(parent);
        if (f !== undefined && isLookupFilter(parent.parent)) fields.add(f);
      }
    }
    return (this.index = { fields, bindings });
  }
}

/** The binding an identifier reads, from its scope outwards. */
function findDef(sourceCode: Readonly<TSESLint.SourceCode>, id: TSESTree.Identifier): Variable | undefined {
  for (let s: TSESLint.Scope.Scope | null = sourceCode.getScope(id); s; s = s.upper) {
    const v = s.set.get(id.name);
    if (v) return v;
  }
  return undefined;
}

/** A value returned by its function, alone or as a field of the returned object (`return { id, stub }`). */
function returnedAt(id: Node): boolean {
  const place = placeOf(id);
  const p = place.parent;
  if (p?.type === T.ReturnStatement) return true;
  if (p?.type === T.ArrowFunctionExpression && p.body === place) return true;
  return (
    p?.type === T.Property &&
    p.value === place &&
    p.parent.type === T.ObjectExpression &&
    placeOf(p.parent).parent?.type === T.ReturnStatement
  );
}

const cache = new WeakMap<object, SecretUses>();

/** The file's secret uses, computed once per `SourceCode` and shared by the rules that ask. */
export function secretUsesOf(sourceCode: Readonly<TSESLint.SourceCode>): FileSecretUses {
  let uses = cache.get(sourceCode);
  if (!uses) cache.set(sourceCode, (uses = new SecretUses(sourceCode)));
  return uses;
}
