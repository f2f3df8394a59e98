/**
 * The value-flow engine: one per file, computed once and cached per `SourceCode` so every rule that
 * lints the file reads the same object. It gathers what the rules used to track each in its own way:
 *
 * - the file's import map (`collectImports`);
 * - `origins(expr)`: where a value comes from through `const`/`let`, properties, destructuring, class
 *   fields, fallbacks and Buffer/TextEncoder transforms (values.ts), memoised per node;
 * - `taint`: which weak random sources make a value (taint/tracker.ts), with same-file helpers followed;
 * - `summary(fn)`: a per-function summary computed once per function: which parameters reach the return
 *   value and through which named transforms (a plain hash, a KDF, a size fit), and what kind of value
 *   it returns (weak-random, password-derived).
 *
 * Sources, transforms and sinks are catalogue data (src/catalogue); the engine names no provider.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  credentialSlotReads,
  derivedValueCall,
  digestTrimMethods,
  kdfSites,
  passwordFitMethods,
  passwordMakerVerb,
  passwordName,
  plainHashSites,
  settingAccessorName,
  textEncodingCalls,
  wordArrayTextEncoders,
} from '../../catalogue/kdf.js';
import { normaliseName } from '../../detect/names.js';
import {
  calleeName,
  findVariable,
  isFunctionNode,
  propertyName,
  unwrap,
  type FunctionNode,
  type Scope,
} from '../ast.js';
import { collectImports, type ImportMap } from '../imports.js';
import { calleePathOf, shapesMatching } from '../sinks.js';
import { matchCallPattern } from '../call-patterns.js';
import { resolveOrigins, type Origin } from '../values.js';
import { methodCallOn } from '../method-calls.js';
import { callsInFile, functionName, localFunction, returnExpressions } from './functions.js';
import { createTaintTracker, type TaintTracker } from './taint/tracker.js';

/** A named transform a value went through on its way: one plain hash, a KDF, a size fit (pad, slice). */
type Transform =
  | {
      readonly kind: 'hash';
      readonly title: string;
      /** The digest the catalogue names for a package that alone names it (`SparkMD5.hash`). */
      readonly digest?: string;
      /** The whole hashing expression (with any `.slice(0, 32)` trim), and the hashed input. */
      readonly node: TSESTree.Node;
      readonly input: TSESTree.Node;
      /** The hash is inside a same-file helper the value was returned from (its summary said so). */
      readonly inHelper?: boolean;
    }
  | { readonly kind: 'kdf'; readonly title: string }
  /** `node`: where the fit is written (the pad, slice, join or copy into a buffer), when known. */
  | { readonly kind: 'fit'; readonly node?: TSESTree.Node };

/** What flows from one parameter to the function's return value. */
interface ParamFlow {
  readonly index: number;
  /** The transforms on the way, outermost last; empty when the parameter is returned as it is. */
  readonly via: readonly Transform[];
}

export type ReturnKind = 'weak-random' | 'password-derived' | 'password';

interface FunctionSummary {
  readonly fn: FunctionNode;
  readonly name: string | undefined;
  /** Parameters that reach the return value, with the transforms on the way. */
  readonly params: readonly ParamFlow[];
  /** What kind of value the function returns when nothing is known about its arguments. */
  readonly returns: ReadonlySet<ReturnKind>;
}

/** One value's ancestry as the password rule asks about it: a password, reached through these transforms. */
interface PasswordFlow {
  readonly name: string;
  readonly via: readonly Transform[];
  /** The node where the password (or the call that carries it) is. */
  readonly node: TSESTree.Node;
}

export interface FileFlow {
  readonly imports: ImportMap;
  readonly getScope: (n: TSESTree.Node) => Scope;
  readonly taint: TaintTracker;
  /** Every origin the value of `expr` can have (values.ts), memoised per node. */
  origins(expr: TSESTree.Node): readonly Origin[];
  /** The same-file function a call runs, when it is in this file and never re-bound. */
  callTarget(call: TSESTree.CallExpression | TSESTree.NewExpression): FunctionNode | undefined;
  /** The function's summary, computed once. */
  summary(fn: FunctionNode): FunctionSummary;
  /**
   * Whether the function returns a weak random value: `summary(fn).returns.has('weak-random')`, read from the
   * summary when one is made, else from the taint of its return values alone (the summary's password walks, over
   * every parameter and every return, are not made for a question that does not read them).
   */
  returnsWeakRandom(fn: FunctionNode): boolean;
  /**
   * A password that makes the value of `expr`, and the transforms on the way; undefined when none. A parameter is
   * bound to what the file's own calls pass (`fromCallers`) unless `callers` is false: a helper judged by what it
   * does itself, whoever calls it.
   */
  passwordOf(expr: TSESTree.Node, callers?: boolean): PasswordFlow | undefined;
  /**
   * The hash a reference is the whole input of (`createHash('sha256').update(t).digest()`, `sha256(t)`, a same-file
   * helper that returns only its hash), or undefined: the code stores or compares a digest of the value instead of
   * the value, as it does for tokens and codes. Not a value hashed as part of a template or concatenation.
   */
  hashedAlone(ref: TSESTree.Node): string | undefined;
  /** The plain hash a call is (the outermost call of its chain, trims included), with its hashed input. */
  plainHashOf(
    call: TSESTree.Node,
  ): { readonly title: string; readonly input: TSESTree.Node; readonly digest?: string } | undefined;
}

const perFile = new WeakMap<TSESTree.Program, FileFlow>();

/** The file's flow engine, built once per parsed file and shared by every rule. */
export function flowOf(sourceCode: Readonly<TSESLint.SourceCode>): FileFlow {
  const program = sourceCode.ast;
  let f = perFile.get(program);
  if (!f) perFile.set(program, (f = createFlow(sourceCode)));
  return f;
}

const isPasswordName = (name: string | undefined): name is string =>
  name !== undefined && passwordName.pattern.test(normaliseName(name));

const MAX_DEPTH = 6;
/** Words that put the head noun of a function's name before them: `keyFromPin`, `hashForPassword`. */
const PREPOSITIONS = new Set(['from', 'of', 'for', 'by', 'with', 'to', 'via', 'using', 'into']);

/** The hash and KDF sites a call's path matches (tested once per distinct path). */
const plainHashSitesOf = shapesMatching(plainHashSites);
const kdfSitesOf = shapesMatching(kdfSites);

function createFlow(sourceCode: Readonly<TSESLint.SourceCode>): FileFlow {
  const getScope = (n: TSESTree.Node): Scope => sourceCode.getScope(n);
  const imports = collectImports(sourceCode.ast);
  const taint = createTaintTracker({ getScope, imports, visitorKeys: sourceCode.visitorKeys });
  const originMemo = new Map<TSESTree.Node, readonly Origin[]>();
  const summaries = new Map<FunctionNode, FunctionSummary>();
  const inProgress = new Set<FunctionNode>();

  const origins = (expr: TSESTree.Node): readonly Origin[] => {
    const n = unwrap(expr);
    let o = originMemo.get(n);
    if (!o) originMemo.set(n, (o = resolveOrigins(n, getScope)));
    return o;
  };

  const callTarget = (call: TSESTree.CallExpression | TSESTree.NewExpression): FunctionNode | undefined =>
    call.type === T.CallExpression ? localFunction(call.callee, getScope) : undefined;

  /** A call that is a named transform: a plain hash or a KDF, with its input argument. */
  const transformOf = (call: TSESTree.Node): { t: Transform; input: TSESTree.Node } | undefined => {
    const outer = unwrap(call);
    let c = outer;
    while (
      c.type === T.CallExpression &&
      c.callee.type === T.MemberExpression &&
      (digestTrimMethods as readonly string[]).includes(propertyName(c.callee) ?? '')
    )
      c = unwrap(c.callee.object);
    if (c.type !== T.CallExpression) return undefined;
    const cp = calleePathOf(c, imports, getScope(c));
    if (!cp) return undefined;
    for (const site of plainHashSitesOf(cp)) {
      if ('index' in site.input) {
        const a = c.arguments[site.input.index];
        return a && a.type !== T.SpreadElement
          ? { t: { kind: 'hash', title: site.title, digest: site.digest, node: outer, input: a }, input: a }
          : undefined;
      }
      for (let n: TSESTree.Node = c.callee; ;) {
        n = unwrap(n);
        // const h = createHash('sha256'); h.update(pw); h.digest(): the update is a statement of its own.
        const viaVariable = n.type === T.Identifier ? methodCallOn(findVariable(getScope(n), n), 'update') : undefined;
        if (viaVariable) n = viaVariable;
        if (n.type === T.MemberExpression) n = n.object;
        else if (n.type === T.CallExpression) {
          if (calleeName(n.callee) === 'update' && n.callee.type === T.MemberExpression) {
            const a = n.arguments[0];
            return a && a.type !== T.SpreadElement
              ? { t: { kind: 'hash', title: site.title, digest: site.digest, node: outer, input: a }, input: a }
              : undefined;
          }
          n = n.callee;
        } else return undefined;
      }
    }
    for (const site of kdfSitesOf(cp)) {
      const a = c.arguments[site.password ?? 0];
      return a && a.type !== T.SpreadElement ? { t: { kind: 'kdf', title: site.title }, input: a } : undefined;
    }
    return undefined;
  };

  /**
   * Walks back from a value to a password, through origins, same-file helpers (their summaries),
   * named transforms, size fits and buffers a password was copied into.
   */
  type ParamBinding = (fn: FunctionNode, index: number) => PasswordFlow | undefined;

  /**
   * A call that hands over a password by what it is called or asked for: an accessor given the setting's name
   * (`config.get('backup.passphrase')`, `requireEnv('VAULT_PASSWORD')`, `getSecret('smtp-pass')`), or a getter named
   * for the password (`masterPassword()`, `await readPassphrase()`), not one that makes something from a password
   * (`hashPassword(pw)`, `generatePassword()`).
   */
  const accessedPassword = (call: TSESTree.CallExpression | TSESTree.NewExpression): PasswordFlow | undefined => {
    if (call.type !== T.CallExpression) return undefined;
    const called = calleeName(unwrap(call.callee));
    if (called === undefined) return undefined;
    const words = normaliseName(called);
    const arg0 = call.arguments[0];
    const setting = arg0?.type === T.Literal && typeof arg0.value === 'string' ? arg0.value : undefined;
    if (setting !== undefined && !/\s/.test(setting) && settingAccessorName.pattern.test(words)) {
      const last = setting.split(/[.:/]/).pop();
      return isPasswordName(last) ? { name: last, via: [], node: call } : undefined;
    }
    // The password is the head noun: not `keyFromPin()`, `hashPassword()`, nor a call given a password (`stretch(pw)`).
    const parts = words.split('_');
    if (!isPasswordName(called) || passwordMakerVerb.pattern.test(parts[0] ?? '')) return undefined;
    if (parts.some((w) => PREPOSITIONS.has(w))) return undefined;
    if (call.arguments.some((a) => a.type === T.Identifier && isPasswordName(a.name))) return undefined;
    return { name: called, via: [], node: call };
  };

  const passwordWalk = (expr: TSESTree.Node, depth: number, params?: ParamBinding): PasswordFlow | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    for (const o of origins(expr)) {
      const hit = passwordOfOrigin(o, depth, params);
      if (hit) return hit;
    }
    return undefined;
  };

  const passwordOfOrigin = (o: Origin, depth: number, params?: ParamBinding): PasswordFlow | undefined => {
    if (o.kind === 'env') return isPasswordName(o.ref) ? { name: o.ref, via: [], node: o.node } : undefined;
    if (o.kind === 'param' && params && o.node.type === T.Identifier) {
      const def = findVariable(getScope(o.node), o.node)?.defs[0];
      const fn = def?.node as FunctionNode | undefined;
      const index = fn && isFunctionNode(fn) ? paramIndex(fn, o.node.name) : -1;
      if (fn && index >= 0) {
        const p = params(fn, index);
        if (p) return p;
      }
    }
    if (o.kind === 'zeros' && (o.node.type === T.CallExpression || o.node.type === T.NewExpression))
      return copiedInto(o, depth, params);
    const joined = joinedParts(o.node) ?? pushedParts(o.node);
    if (joined) {
      // `password + salt`, `${pin}:${pepper}`, Buffer.concat([Buffer.from(pw), salt]): still the password, extended.
      for (const part of joined) {
        const inner = passwordWalk(part, depth + 1, params);
        if (inner) return { ...inner, via: [...inner.via, { kind: 'fit', node: o.node }] };
      }
      return undefined;
    }
    if (o.kind === 'call' && (o.node.type === T.CallExpression || o.node.type === T.NewExpression)) {
      const call = o.node;
      const tr = transformOf(call);
      if (tr) {
        const inner = passwordWalk(tr.input, depth + 1, params);
        return inner && { ...inner, via: [...inner.via, tr.t] };
      }
      const callee = unwrap(call.callee);
      const arg0 = call.arguments[0];
      if ((textEncodingCalls as readonly string[]).includes(calleeName(callee) ?? '') && arg0) {
        if (arg0.type !== T.SpreadElement) return passwordWalk(arg0, depth + 1, params);
      }
      if (isWordArrayTextParse(callee) && arg0 && arg0.type !== T.SpreadElement)
        return passwordWalk(arg0, depth + 1, params);
      // `pw.padEnd(32, '0')`, `Buffer.from(pw).subarray(0, 32)`: fitted to size, still the password.
      if (
        callee.type === T.MemberExpression &&
        (passwordFitMethods as readonly string[]).includes(calleeName(callee) ?? '')
      ) {
        const inner = passwordWalk(callee.object, depth + 1, params);
        if (inner) return { ...inner, via: [...inner.via, { kind: 'fit', node: call }] };
      }
      if (callee.type === T.MemberExpression && calleeName(callee) === 'subarray') {
        const inner = passwordWalk(callee.object, depth + 1, params);
        if (inner) return { ...inner, via: [...inner.via, { kind: 'fit', node: call }] };
      }
      // A same-file helper: its summary says which parameters reach its return value, and how.
      const fn = callTarget(call);
      if (fn) {
        const s = summary(fn);
        for (const pf of s.params) {
          const arg = call.arguments[pf.index];
          if (!arg || arg.type === T.SpreadElement) continue;
          const inner = passwordWalk(arg, depth + 1, params);
          if (inner)
            return {
              ...inner,
              via: [...inner.via, ...pf.via.map((t): Transform => (t.kind === 'hash' ? { ...t, inHelper: true } : t))],
            };
        }
        // A helper that reads the password itself (`this.options.password`, a module constant): the
        // password becomes the key inside it, so its transforms stay where they are written.
        if (s.returns.has('password') || s.returns.has('password-derived'))
          for (const r of returnExpressions(fn, sourceCode.visitorKeys)) {
            const inner = passwordWalk(r, depth + 1, params);
            if (inner) return inner;
          }
        // A helper whose body tells nothing (it reads a file, a keychain, a prompt): its name and arguments may.
        if (s.returns.size > 0 || s.params.length > 0) return undefined;
        // `keyFromPin(pin)`: a helper given a password makes something from it by means the walk cannot read.
        if (fn.params.some((p) => p.type === T.Identifier && isPasswordName(p.name))) return undefined;
      }
      if (derivedValueCall.test(sourceCode.getText(call.callee))) return undefined;
      const accessed = accessedPassword(call);
      if (accessed) return accessed;
    }
    if (o.kind === 'object' || o.kind === 'zeros' || o.kind === 'bytes' || o.kind === 'string') return undefined;
    if (o.kind === 'unknown' && o.name !== undefined && o.node.type === T.CallExpression) {
      // `(await Keychain.getGenericPassword()).password`: the store's slot name, not what the app keeps there.
      if (matchCallPattern(o.node, imports, getScope(o.node), credentialSlotReads)) return undefined;
      const hit = helperProperty(o.node, o.name, depth, params);
      if (hit) return hit;
    }
    // A binding values.ts leaves unnamed (`const [, , file, passphrase] = process.argv`): its own name.
    const name = o.name ?? (o.kind === 'unknown' && o.node.type === T.Identifier ? o.node.name : undefined);
    return isPasswordName(name) ? { name, via: [], node: o.node } : undefined;
  };

  /**
   * `Buffer.concat(blocks)` over an array the function fills with `blocks.push(x)` (OpenSSL's EVP_BytesToKey written
   * by hand: `prev = md5(prev + password + salt); blocks.push(prev)`): the pushed values and the initial elements.
   */
  const pushedParts = (n: TSESTree.Node): readonly TSESTree.Node[] | undefined => {
    if (n.type !== T.CallExpression || n.callee.type !== T.MemberExpression) return undefined;
    const o = unwrap(n.callee.object);
    const list = n.arguments[0];
    if (o.type !== T.Identifier || o.name !== 'Buffer' || propertyName(n.callee) !== 'concat') return undefined;
    if (list?.type !== T.Identifier) return undefined;
    const v = findVariable(getScope(list), list);
    const parts: TSESTree.Node[] = [];
    for (const d of v?.defs ?? []) {
      const init = d.node.type === T.VariableDeclarator && d.node.init ? unwrap(d.node.init) : undefined;
      if (init?.type === T.ArrayExpression)
        for (const e of init.elements) if (e && e.type !== T.SpreadElement) parts.push(e);
    }
    for (const ref of v?.references ?? []) {
      const m = ref.identifier.parent;
      if (m?.type !== T.MemberExpression || m.object !== ref.identifier || propertyName(m) !== 'push') continue;
      if (m.parent?.type === T.CallExpression && m.parent.callee === m)
        for (const a of m.parent.arguments) if (a.type !== T.SpreadElement) parts.push(a);
    }
    return parts.length > 0 ? parts : undefined;
  };

  /**
   * `const { key, iv } = bytesToKey(password)`, `derive(pw).key`: the property of the object literal a same-file
   * helper returns, its parameters bound to the call's arguments. A hash inside the helper is reported at the use.
   */
  const helperProperty = (
    call: TSESTree.CallExpression,
    key: string,
    depth: number,
    params?: ParamBinding,
  ): PasswordFlow | undefined => {
    const fn = callTarget(call);
    if (!fn || depth >= MAX_DEPTH) return undefined;
    const bind: ParamBinding = (f, index) => {
      if (f !== fn) return params?.(f, index);
      const arg = call.arguments[index];
      return arg && arg.type !== T.SpreadElement ? passwordWalk(arg, depth + 1, params) : undefined;
    };
    for (const r of returnExpressions(fn, sourceCode.visitorKeys)) {
      const obj = unwrap(r);
      if (obj.type !== T.ObjectExpression) continue;
      for (const p of obj.properties) {
        if (p.type !== T.Property || propertyName(p) !== key) continue;
        const inner = passwordWalk(p.value, depth + 1, bind);
        if (inner) return { ...inner, via: inner.via.map((t) => (t.kind === 'hash' ? { ...t, inHelper: true } : t)) };
      }
    }
    return undefined;
  };

  /**
   * `const key = Buffer.alloc(32); Buffer.from(pw).copy(key)` (or `key.write(pw)`, `key.set(…)`): the password,
   * fitted.
   */
  const copiedInto = (o: Origin, depth: number, params?: ParamBinding): PasswordFlow | undefined => {
    const decl = o.replace.parent;
    if (decl?.type !== T.VariableDeclarator || decl.id.type !== T.Identifier) return undefined;
    const v = sourceCode.scopeManager?.getDeclaredVariables(decl)[0];
    if (!v) return undefined;
    for (const ref of v.references) {
      const id = ref.identifier;
      const p = id.parent;
      // src.copy(key)
      if (p?.type === T.CallExpression && p.arguments[0] === id && p.callee.type === T.MemberExpression) {
        if (calleeName(p.callee) !== 'copy') continue;
        const inner = passwordWalk(p.callee.object, depth + 1, params);
        if (inner) return { ...inner, via: [...inner.via, { kind: 'fit', node: p }] };
      }
      // key.write(pw) / key.set(Buffer.from(pw))
      if (p?.type === T.MemberExpression && p.object === id && p.parent?.type === T.CallExpression) {
        const m = calleeName(p);
        const a = p.parent.arguments[0];
        if ((m === 'write' || m === 'set') && a && a.type !== T.SpreadElement) {
          const inner = passwordWalk(a, depth + 1, params);
          if (inner) return { ...inner, via: [...inner.via, { kind: 'fit', node: p.parent }] };
        }
      }
    }
    return undefined;
  };

  /**
   * A parameter bound by the file's own calls of its function (`function seal(notes, secret)` and, in the same
   * file, `seal(notes, masterPassword)`): the first call whose argument at that position walks back to a password.
   * Asked only from the top of a walk (`passwordOf`), never inside a summary, so a helper's summary stays what the
   * helper does with any argument. Chains through callers that are themselves called with a password.
   */
  const callerWalks = new Set<FunctionNode>();
  const fromCallers: ParamBinding = (fn, index) => {
    if (callerWalks.has(fn) || callerWalks.size >= 3) return undefined;
    callerWalks.add(fn);
    try {
      for (const call of callsInFile(fn, sourceCode) ?? []) {
        const a = call.arguments[index];
        if (!a || a.type === T.SpreadElement) continue;
        const hit = passwordWalk(a, 1, fromCallers);
        if (hit) return hit;
      }
      return undefined;
    } finally {
      callerWalks.delete(fn);
    }
  };

  /**
   * The `weak-random` part of a summary, alone. The same answer as the summary's: the taint tracker is the summary's
   * only source for it, the password walks never query the tracker (so the tracker sees the same queries in the
   * same order, every return's, not stopped at the first weak one), and a function whose summary is being made
   * answers `false` as its summary then does (`inProgress`). Kept apart from `summaries`: it is not a summary.
   */
  const weakReturns = new Map<FunctionNode, boolean>();
  function returnsWeakRandom(fn: FunctionNode): boolean {
    const known = summaries.get(fn);
    if (known) return known.returns.has('weak-random');
    if (inProgress.has(fn)) return false;
    let weak = weakReturns.get(fn);
    if (weak === undefined) {
      weak = false;
      for (const r of returnExpressions(fn, sourceCode.visitorKeys)) {
        const t = taint.taintOf(r);
        if (!t.entropy && t.weak.some((h) => h.kind === 'source')) weak = true;
      }
      weakReturns.set(fn, weak);
    }
    return weak;
  }

  function summary(fn: FunctionNode): FunctionSummary {
    const known = summaries.get(fn);
    if (known) return known;
    const name = functionName(fn);
    if (inProgress.has(fn)) return { fn, name, params: [], returns: new Set() };
    inProgress.add(fn);
    try {
      const rets = returnExpressions(fn, sourceCode.visitorKeys);
      const params: ParamFlow[] = [];
      const returns = new Set<ReturnKind>();
      fn.params.forEach((_, index) => {
        // Mark parameter `index` as a password and see whether (and how) it reaches a return value.
        const marker: PasswordFlow = { name: '\u0000param', via: [], node: fn };
        for (const r of rets) {
          const hit = passwordWalk(r, 0, (f, i) => (f === fn && i === index ? marker : undefined));
          if (hit && hit.name === marker.name) {
            params.push({ index, via: hit.via });
            break;
          }
        }
      });
      for (const r of rets) {
        const pw = passwordWalk(r, 0);
        if (pw) returns.add(pw.via.length ? 'password-derived' : 'password');
        const t = taint.taintOf(r);
        if (!t.entropy && t.weak.some((h) => h.kind === 'source')) returns.add('weak-random');
      }
      const s: FunctionSummary = { fn, name, params, returns };
      summaries.set(fn, s);
      return s;
    } finally {
      inProgress.delete(fn);
    }
  }

  return {
    imports,
    getScope,
    taint,
    origins,
    callTarget,
    summary,
    returnsWeakRandom,
    passwordOf: (expr, callers = true) => passwordWalk(expr, 0, callers ? fromCallers : undefined),
    plainHashOf: (call) => {
      const tr = transformOf(call);
      if (tr?.t.kind !== 'hash') return undefined;
      return tr.t.digest
        ? { title: tr.t.title, input: tr.input, digest: tr.t.digest }
        : { title: tr.t.title, input: tr.input };
    },
    hashedAlone: (ref) => {
      const call = ref.parent;
      if (call?.type !== T.CallExpression || !call.arguments.includes(ref as TSESTree.CallExpressionArgument))
        return undefined;
      // `h(t)`: a same-file helper whose summary hashes that parameter straight into its return value.
      const fn = callTarget(call);
      if (fn) {
        const pf = summary(fn).params.find((p) => call.arguments[p.index] === ref);
        const t = pf?.via.length === 1 ? pf.via[0] : undefined;
        return t?.kind === 'hash' ? t.title : undefined;
      }
      // `createHash(…).update(t).digest(…)`: the outermost call of the chain is the hash.
      let outer: TSESTree.Node = call;
      while (
        outer.parent?.type === T.MemberExpression &&
        outer.parent.object === outer &&
        outer.parent.parent?.type === T.CallExpression
      )
        outer = outer.parent.parent;
      const tr = transformOf(outer);
      return tr?.t.kind === 'hash' && unwrap(tr.input) === ref ? tr.t.title : undefined;
    },
  };
}

/** `CryptoJS.enc.Utf8.parse`, `enc.Latin1.parse`: text to a crypto-js WordArray. */
function isWordArrayTextParse(callee: TSESTree.Node): boolean {
  if (callee.type !== T.MemberExpression || propertyName(callee) !== 'parse') return false;
  const codec = unwrap(callee.object);
  if (codec.type !== T.MemberExpression) return false;
  const enc = unwrap(codec.object);
  return (
    (wordArrayTextEncoders as readonly string[]).includes(propertyName(codec) ?? '') &&
    ((enc.type === T.MemberExpression && propertyName(enc) === 'enc') ||
      (enc.type === T.Identifier && enc.name === 'enc'))
  );
}

/** The parts a value is joined from: `a + b`, a template's expressions, `Buffer.concat([a, b])`. */
function joinedParts(n: TSESTree.Node): readonly TSESTree.Node[] | undefined {
  if (n.type === T.BinaryExpression && n.operator === '+') return [n.left, n.right];
  if (n.type === T.TemplateLiteral && n.expressions.length) return n.expressions;
  if (n.type !== T.CallExpression || n.callee.type !== T.MemberExpression) return undefined;
  const o = unwrap(n.callee.object);
  const list = n.arguments[0];
  if (o.type !== T.Identifier || o.name !== 'Buffer' || propertyName(n.callee) !== 'concat') return undefined;
  return list?.type === T.ArrayExpression
    ? list.elements.filter((e): e is TSESTree.Expression => e !== null && e.type !== T.SpreadElement)
    : undefined;
}

function paramIndex(fn: FunctionNode, name: string | undefined): number {
  if (name === undefined) return -1;
  return fn.params.findIndex(
    (p) =>
      (p.type === T.Identifier && p.name === name) ||
      (p.type === T.AssignmentPattern && p.left.type === T.Identifier && p.left.name === name) ||
      (p.type === T.TSParameterProperty && p.parameter.type === T.Identifier && p.parameter.name === name),
  );
}
