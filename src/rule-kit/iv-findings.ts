/**
 * The checks of `no-static-iv` for one cipher, KDF or hash call: an IV, nonce or salt that is a constant, derived
 * from the key, read from the clock or process id, or made once and reused. Each offers at most one finding per
 * node to the file's `IvFile`, which the rule reports at `Program:exit`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, TSESLint as Lint } from '@typescript-eslint/utils';
import {
  constantSaltKdf,
  counterParamName,
  digestCallName,
  fixedIvCipher,
  ivlessCipher,
  identifierName,
  misuseResistantNonce,
  nonceMakerName,
  randomInputName,
  stateReadingKinds,
  strongRandomSources,
} from '../catalogue/randomness.js';
import { normaliseName } from '../detect/names.js';
import type { KeySink, SinkRole } from '../catalogue/types.js';
import {
  calleeName,
  constInitOf,
  derefConst,
  enclosingFunction,
  findVariable,
  propertyName,
  staticString,
  unwrap,
  type FunctionNode,
} from './ast.js';
import { matchCallPattern } from './call-patterns.js';
import { constantValue, counterOnly, maskedOperand } from './constant-values.js';
import { cachedValue } from './cached-values.js';
import { dataBuiltIv, decrypts } from './data-ivs.js';
import { importedSetting } from './imported-settings.js';
import { kdfInputIsKeyMaterial } from './kdf-input.js';
import { kdfWorkFallsShort } from './kdf-work.js';
import { flowOf } from './flow/engine.js';
import { functionName } from './flow/functions.js';
import { freshSuggestion, ROLE_LABEL, type Role } from './fresh-iv.js';
import { callerArguments } from './iv-callers.js';
import type { ImportMap } from './imports.js';
import { optionValue } from './iv.js';
import { oneUseKey } from './one-use-keys.js';
import { earlierUnderSameKey } from './repeated-ivs.js';
import { moduleValueOf, type ModuleValue } from './module-values.js';
import {
  declaredVariable,
  derivedFrom,
  filledWithLiteral,
  helperReturns,
  literalBytesWritten,
  reusedBinding,
  writtenInPlace,
} from './reuse.js';
import { matchSinks, type SinkHit } from './sinks.js';
import type { Origin } from './values.js';
import { sizedZeroBuffer } from './zero-buffers.js';
import { encryptedAsBlock } from './zero-blocks.js';

type Node = TSESTree.Node;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;
type IvMessage = 'staticIv' | 'reusedIv' | 'repeatedIv' | 'ivFromKey' | 'clockIv' | 'staticSalt';

interface IvFinding {
  readonly messageId: IvMessage;
  readonly data: Record<string, string>;
  readonly suggest?: TSESLint.SuggestionReportDescriptor<'freshIv'>[];
  /** The decrypting call the IV was read at, for the legacy-read judgement (legacy-reads.ts). */
  readonly decrypting?: Call;
}

/** One file's state: its imports and the finding kept per node. */
export class IvFile {
  imports: ImportMap = new Map();
  readonly findings = new Map<Node, IvFinding>();
  readonly sourceCode: TSESLint.SourceCode;

  constructor(readonly context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>) {
    this.sourceCode = context.sourceCode;
  }

  readonly getScope = (n: Node): TSESLint.Scope.Scope => this.sourceCode.getScope(n);

  /** The decrypting call `checkIvCall` is judging, if it decrypts: the findings offered meanwhile are read there. */
  reading: Call | undefined;

  /**
   * IVs derived from a key at decrypting calls, with that key's path: the decrypting twin of an encrypting call
   * under the same key repeats its mistake; one under another key (a legacy key) is a mistake of its own.
   */
  private readonly decryptingFromKey: { f: Parameters<IvFile['offer']>[0]; key: string }[] = [];
  private readonly encryptingKeys = new Set<string>();

  /**
   * An IV derived from the key `key` (its binding or member path as written: `VAULT_KEY`, `this.key`,
   * `m.subarray(0, 32)`): at a decrypting call kept aside until `settle`, which reports it unless an encrypting call
   * derived its IV from the same key.
   */
  offerFromKey(f: Parameters<IvFile['offer']>[0], decrypting: boolean, key: string): void {
    if (decrypting) this.decryptingFromKey.push({ f, key });
    else {
      this.encryptingKeys.add(key);
      this.offer(f);
    }
  }

  /** Once-drawn random IVs reused by an encrypting call (reported there), and those only decrypting calls read. */
  private readonly reusedAtUse = new Set<Node>();
  private readonly reusedOnlyRead: { f: Parameters<IvFile['offer']>[0]; binding: Node }[] = [];

  /**
   * A random IV drawn once (`binding`, where it is made) and reused: an encrypting call's reuse is reported at that
   * call's IV argument (`use`); a decrypting call reads the IV back, so it is reported at the binding, and only when
   * no encrypting call in the file reuses it (`settle`).
   */
  offerReused(f: Parameters<IvFile['offer']>[0], binding: Node, use: Node | undefined): void {
    if (use === undefined) {
      this.reusedOnlyRead.push({ f, binding });
      return;
    }
    this.reusedAtUse.add(binding);
    this.offer({ ...f, node: use });
  }

  /** Call once all calls are seen: a decrypting call whose key no encrypting call used is still reported. */
  settle(): void {
    for (const { f, key } of this.decryptingFromKey) if (!this.encryptingKeys.has(key)) this.offer(f);
    for (const { f, binding } of this.reusedOnlyRead) if (!this.reusedAtUse.has(binding)) this.offer(f);
  }

  offer(f: {
    node: Node;
    messageId: IvMessage;
    data: Record<string, string>;
    suggest?: TSESLint.SuggestionReportDescriptor<'freshIv'>[] | undefined;
    decrypting?: Call | undefined;
  }): void {
    const prev = this.findings.get(f.node);
    // Read only while every call that saw it decrypts (an IV the cipher also uses is written too).
    const decrypting = prev && !prev.decrypting ? undefined : (f.decrypting ?? this.reading);
    // Two checks on one node (a shared IV seen by the cipher and the decipher): keep the one with a fix.
    if (!prev || (!prev.suggest?.length && f.suggest?.length))
      this.findings.set(f.node, {
        messageId: f.messageId,
        data: f.data,
        ...(f.suggest ? { suggest: f.suggest } : {}),
        ...(decrypting ? { decrypting } : {}),
      });
    else if (prev.decrypting && !decrypting) this.findings.set(f.node, { ...prev, decrypting: undefined });
  }
}

/** `[0x1234, 0x5678, 0x9abc]` (sjcl's 32-bit words): the array of number literals an origin is an element of. */
function literalWords(o: Origin): Node | undefined {
  const p = o.node.parent;
  if (o.kind !== 'unknown' || o.node.type !== T.Literal || p?.type !== T.ArrayExpression) return undefined;
  return p.elements.every((e) => e?.type === T.Literal && typeof e.value === 'number') ? p : undefined;
}

/** How a constant origin reads in a message, or undefined when it is not a constant. */
function constantWhat(file: IvFile, o: Origin): string | undefined {
  if (literalWords(o)) return 'A literal word array';
  // `new Uint8Array(sodium.crypto_secretbox_NONCEBYTES)`, `Buffer.alloc(IV_LENGTH)`: zeros of a named size.
  const zero = sizedZeroBuffer(o);
  if (zero) {
    const v = declaredVariable(zero, file.sourceCode);
    if (v && writtenInPlace(v)) return undefined;
    return v && literalBytesWritten(v)
      ? 'A zero buffer with literal bytes set (the same every time)'
      : 'An all-zero buffer';
  }
  switch (o.kind) {
    case 'string':
      return 'A string literal';
    case 'bytes':
      return o.length === undefined ? 'A literal buffer' : `A literal ${o.length}-byte buffer`;
    case 'zeros': {
      const v = declaredVariable(o.replace, file.sourceCode);
      if (v && writtenInPlace(v)) return undefined;
      if (v && literalBytesWritten(v)) return 'A zero buffer with literal bytes set (the same every time)';
      return o.length === undefined ? 'An all-zero buffer' : `An all-zero ${o.length}-byte buffer`;
    }
    case 'env':
      return `The configured value process.env.${o.ref ?? ''}`.replace(/\.$/, '');
    case 'call':
      return constantValue(flowOf(file.sourceCode), o, (n) => heldValue(file, n))
        ? 'A value made only from literals'
        : undefined;
    default:
      return undefined;
  }
}

/**
 * An IV that is a parameter of a same-file wrapper, given a constant at a call of that wrapper
 * (`encryptWith(key, Buffer.alloc(16), data)`): reported at the constant, where the caller wrote it.
 */
function offerFromCallers(file: IvFile, origins: readonly Origin[], role: Role, base: Record<string, string>): boolean {
  let found = false;
  for (const o of origins)
    for (const a of callerArguments(o, file.getScope)) {
      const made = flowOf(file.sourceCode).origins(a);
      const what = made.length > 0 ? made.map((m) => constantWhat(file, m)) : [];
      if (what.length === 0 || what.some((w) => w === undefined)) continue;
      const at = sizedZeroBuffer(made[0]!) ?? made[0]!.node;
      const data = { ...base, what: `${what[0]!}, passed for the parameter ${o.name ?? ''},` };
      file.offer({ node: at, messageId: role === 'salt' ? 'staticSalt' : 'staticIv', data });
      found = true;
    }
  return found;
}

/** HKDF, by sink or by the WebCrypto algorithm name: a constant salt is allowed (RFC 5869 §3.1). */
function allowsConstantSalt(file: IvFile, sink: KeySink, call: Call): boolean {
  if (constantSaltKdf.sinkIds.includes(sink.id)) return true;
  const name = staticString(optionValue(call.arguments[0], 'name', file.getScope));
  return name !== undefined && constantSaltKdf.algorithmNames.includes(name.toUpperCase());
}

/**
 * A password KDF over key material the code declares (the salt policy for key inputs, docs/rules/no-static-iv.md):
 * a salt keeps one precomputed table from covering every guessable input (NIST SP 800-132 §5.1); CSPRNG bytes, an
 * issued API key or token and a parameter declared as a key (`encrypt(text, secretKey, salt)`) are not guessable, so
 * a fixed salt there is as harmless as HKDF's optional one (RFC 5869 §3.1). A configured secret (an env var) stays
 * judged: an operator may have set a word (kdf-input.ts, `kdfInputIsKeyMaterial`).
 */
function saltOverMachineSecret(file: IvFile, sink: KeySink, call: Call): boolean {
  const at = sink.args.find((a) => a.role === 'password' && a.property === undefined)?.index;
  return at !== undefined && kdfInputIsKeyMaterial(call.arguments[at], flowOf(file.sourceCode));
}

/** One IV, nonce or salt argument of one call, as the checks below read it. */
interface IvArg {
  readonly file: IvFile;
  readonly expr: Node;
  readonly base: { sink: string; role: string };
  readonly role: Role;
  readonly call: Call;
  readonly sink: KeySink;
  readonly hits: readonly SinkHit[];
}

/** An IV, nonce or salt made from the clock or the process id (and nothing random): reported at each reading. */
function offerClockReading({ file, expr, base, role, call, sink, hits }: IvArg): boolean {
  const t = flowOf(file.sourceCode).taint.taintOf(expr);
  if (t.entropy) return false;
  // A clock mixed with a generator (`Math.random().toString(16) + Date.now()`) changes per call: a weak random
  // value, no-weak-randomness's to report, not a repeating one.
  // (A seeded generator may repeat its sequence on every start: it stays reported.)
  if (t.weak.some((w) => w.kind === 'source' && w.source.kind === 'prng')) return false;
  // A fresh value replaces the expression (or its initialiser); not a reading written in afterwards.
  const e = unwrap(expr);
  const made = e.type === T.Identifier ? (constInitOf(e, file.getScope(e)) ?? e) : e;
  const within = (n: Node): boolean => n.range[0] >= made.range[0] && n.range[1] <= made.range[1];
  let found = false;
  for (const w of t.weak) {
    if (w.kind !== 'source' || !stateReadingKinds.has(w.source.kind)) continue;
    found = true;
    file.offer({
      node: w.node,
      messageId: 'clockIv',
      data: { ...base, source: w.source.title },
      suggest: within(w.node) ? freshSuggestion(file, expr, call, sink, role, hits) : undefined,
    });
  }
  return found;
}

/**
 * A constant held where this file's own tracking does not reach: exported by another module, an enum
 * member or a static class field (module-values.ts); a counter written into a zero buffer with no random
 * part; a value derived from a password (the same for every message under that password).
 */
function offerHeldElsewhere({ file, expr, base, role, call, sink, hits }: IvArg): boolean {
  const flow = flowOf(file.sourceCode);
  const messageId = role === 'salt' ? 'staticSalt' : 'staticIv';
  const suggest = (): TSESLint.SuggestionReportDescriptor<'freshIv'>[] | undefined =>
    freshSuggestion(file, expr, call, sink, role, hits);
  const held = heldValue(file, expr);
  if (held?.origins.length && held.origins.every((o) => CONSTANT_KINDS.has(o.kind) && !o.fallback)) {
    const what = `The constant ${held.name}${held.file === undefined ? '' : ` (from ${held.file})`}`;
    file.offer({ node: expr, messageId, data: { ...base, what }, suggest: suggest() });
    return true;
  }
  // `config.lan.iv` from `./config`: a setting of the deployment, one value for every message.
  // (A decrypting call reads the same setting: the encrypting one is reported.)
  const setting = decrypts(sink, call) ? undefined : importedSetting(expr, file.imports, file.getScope);
  // A salt argument may take a cost instead (`bcrypt.hash(pw, config.bcryptRounds)`): only a setting named a salt.
  if (setting && (role !== 'salt' || /(?:^|_)salt(?:_|$)/.test(normaliseName(setting.text.replace(/^.*\./, ''))))) {
    const every = role === 'salt' ? 'password' : 'message';
    const what = `The setting ${setting.text} (from ${setting.module}), one value for every ${every},`;
    const e = unwrap(expr);
    const node = (e.type === T.Identifier ? constInitOf(e, file.getScope(e)) : undefined) ?? expr;
    file.offer({ node, messageId, data: { ...base, what }, suggest: suggest() });
    return true;
  }
  // A static field made once (`private static iv = randomBytes(16)`) and read by every call: reused.
  const fn = enclosingFunction(call);
  if (held && fn && held.file === undefined && onceMadeStatic(file, held)) {
    const name = `${functionName(fn) ?? 'the function'}()`;
    if (role === 'salt') {
      const what = `The static field ${held.name}, shared by every call of ${name},`;
      file.offer({ node: expr, messageId: 'staticSalt', data: { ...base, what }, suggest: suggest() });
    } else
      file.offer({
        node: expr,
        messageId: 'reusedIv',
        data: { ...base, name: held.name, fn: name },
        suggest: suggest(),
      });
    return true;
  }
  for (const o of originsThroughHelpers(file, expr)) {
    const zero = o.kind === 'zeros' ? o.replace : sizedZeroBuffer(o);
    const v = zero ? declaredVariable(zero, file.sourceCode) : undefined;
    const counter = v && counterOnly(flow, v);
    // `new DataView(iv.buffer).setUint32(8, noteId)`, `iv.write(deviceId)`, `view.setUint32(8, counter)` in a
    // helper handed the counter: a record id or a counter parameter is as fixed as a counter.
    const moduleKey = moduleLevelKey(file, keyOfCall(file, call, sink, hits));
    const fixed = v && !counter ? counterOnly(flow, v, (w) => fixedWrite(file, w, moduleKey)) : undefined;
    if (!counter && !fixed) continue;
    const what = counter
      ? 'A counter or clock reading written into a zero buffer (no random part; it repeats across restarts and hosts)'
      : 'A record id or a counter handed in, written into a zero buffer ' +
        '(no random part; the same for that record or count)';
    file.offer({ node: (counter ?? fixed)!, messageId, data: { ...base, what }, suggest: suggest() });
    return true;
  }
  const pw = flow.passwordOf(expr);
  // Key and IV derived together from the password and a fresh random salt (OpenSSL's EVP_BytesToKey with a random
  // salt, also through a helper handed `randomBytes(8)`): the IV differs for each message; the derivation's missing
  // work factor is no-password-as-key's finding.
  if (pw && !randomInput(file, expr, 0, true)) {
    const what = `A value derived from the password '${pw.name}'`;
    file.offer({ node: expr, messageId, data: { ...base, what }, suggest: suggest() });
    return true;
  }
  const id = flow.taint.taintOf(expr).entropy ? undefined : identifierOf(file, expr, 0);
  if (id !== undefined) {
    const what = `A value derived from the identifier '${id}' (the same each time that record is handled)`;
    file.offer({ node: madeAt(file, expr, call), messageId, data: { ...base, what }, suggest: suggest() });
    return true;
  }
  // A digest reads as opaque to the taint lattice (an unknown call), so its inputs are judged here instead.
  const digest = role === 'salt' ? undefined : digestOf(file, expr, 0);
  if (digest) {
    const what = `A digest of non-random data (${digest}), the same whenever that input is,`;
    // Cut from a same-file helper's return (`nonceFor(model, version)`): reported at the use, which picks the input.
    const node = digestOf(file, expr, 0, false) === undefined ? expr : madeAt(file, expr, call);
    file.offer({ node, messageId, data: { ...base, what }, suggest: suggest() });
    return true;
  }
  const data = role === 'salt' ? undefined : dataBuiltIv(flow, expr, call, sink, file.getScope, file.sourceCode);
  if (data !== undefined) {
    const what = `A value built from ${data} with no random part (the same for every message about it)`;
    // Where it is built: `const iv = Buffer.from(img.version…)` above the call, or a helper's return.
    const e = unwrap(expr);
    const init = e.type === T.Identifier ? constInitOf(e, file.getScope(e)) : undefined;
    const node = init ?? madeAt(file, expr, call);
    file.offer({ node, messageId, data: { ...base, what }, suggest: suggest() });
    return true;
  }
  return false;
}

/**
 * Where a derived IV is made, to report the mistake where it is written (as a constant is reported at its
 * literal): a value made in another function of this file (`this.nonce = utf8ToBytes(roomId…)` in a
 * constructor) is reported there, and one returned by a same-file helper (`const iv = await ivFor(docId)`) at the
 * helper's single return. One report then covers every call that reads it (encrypt and decrypt). Otherwise, and
 * when the value has several origins, at the use.
 */
function madeAt(file: IvFile, expr: Node, call: Call): Node {
  const origins = flowOf(file.sourceCode).origins(expr);
  const o = origins.length === 1 ? origins[0] : undefined;
  if (o?.kind !== 'call') return expr;
  const at = o.node.type === T.AwaitExpression ? unwrap(o.node.argument) : o.node;
  if (enclosingFunction(at) !== enclosingFunction(call)) return at;
  if (at.type !== T.CallExpression) return expr;
  const returns = helperReturns(at, file.getScope, file.sourceCode.visitorKeys);
  return returns.length === 1 ? returns[0]! : expr;
}

/** The value's origins, and for a call of a same-file helper (`ivFor(counter)`), the origins of what it returns. */
function originsThroughHelpers(file: IvFile, expr: Node): Origin[] {
  const flow = flowOf(file.sourceCode);
  return flow
    .origins(expr)
    .flatMap((o) =>
      o.kind === 'call' && o.node.type === T.CallExpression
        ? [o, ...helperReturns(o.node, file.getScope, file.sourceCode.visitorKeys).flatMap((r) => flow.origins(r))]
        : [o],
    );
}

/**
 * A key held at module level (`const fleetKey = Buffer.from(process.env.FLEET_KEY…)`): one key for every call of every
 * function, so a nonce that only counts within a call's data (a part index) repeats across calls.
 */
function moduleLevelKey(file: IvFile, key: Node | undefined): boolean {
  const k = key && unwrap(key);
  if (k?.type !== T.Identifier) return false;
  const v = findVariable(file.getScope(k), k);
  return (
    v !== undefined &&
    v.defs.length > 0 &&
    (v.scope.type === Lint.Scope.ScopeType.module || v.scope.type === Lint.Scope.ScopeType.global)
  );
}

/**
 * A value written into a zero IV that is fixed for its record or count: an identifier, or a counter parameter. Under
 * a module-level key (`moduleKey`), also any number parameter written in (`nonce.writeUInt32BE(partIndex, 8)`): the
 * part index restarts at 0 for every stream under that one key. (Under a key handed in, a per-stream key with a
 * chunk-index nonce is the STREAM construction, and stays quiet.)
 */
function fixedWrite(file: IvFile, written: Node, moduleKey: boolean): boolean {
  let w = maskedOperand(written);
  // `BigInt(seq)`, `Number(id)`: the conversion writes the same value.
  if (w.type === T.CallExpression && /^(?:BigInt|Number)$/.test(calleeName(w.callee) ?? '') && w.arguments[0])
    w = unwrap(w.arguments[0]);
  if (identifierOf(file, w, 0) !== undefined) return true;
  // `nonce.writeUInt32BE(partIndex, 8)`: a number written into a zero nonce is a position or a count whatever it is
  // named (at most 64 bits vary).
  const at = written.parent;
  const numeric = moduleKey && at?.type === T.CallExpression && NUMERIC_WRITE.test(calleeName(unwrap(at.callee)) ?? '');
  return flowOf(file.sourceCode)
    .origins(w)
    .some(
      (o) =>
        o.kind === 'param' && o.name !== undefined && (numeric || counterParamName.pattern.test(normaliseName(o.name))),
    );
}

/** Buffer and DataView methods that write a number (`writeUInt32BE`, `setBigUint64`, `writeInt16LE`). */
const NUMERIC_WRITE = /^(?:write|set)(?:Big)?U?Int(?:8|16|32|64)(?:BE|LE)?$/i;

/**
 * `sha256(enc.encode(name)).subarray(0, 12)`, `sodium.crypto_generichash(24, message)`: the digest call (catalogue
 * `digestCallName`) an IV or nonce is cut from, through cuts, copies and encoders written as calls on it, when no
 * input of that digest is random or named as randomness (EVP_BytesToKey hashes a salt in). How a message names
 * it, or undefined.
 */
function digestOf(file: IvFile, expr: Node, depth: number, helpers = true): string | undefined {
  if (depth > 4) return undefined;
  const flow = flowOf(file.sourceCode);
  for (const o of flow.origins(expr)) {
    if (
      (o.kind !== 'call' && o.kind !== 'unknown') ||
      (o.node.type !== T.CallExpression && o.node.type !== T.NewExpression)
    )
      continue;
    const call = o.node;
    // `nonceFor(model, version)`, `this.deriveIv()`: a same-file helper returning the digest, given no random input.
    const returns =
      helpers && call.type === T.CallExpression ? helperReturns(call, file.getScope, file.sourceCode.visitorKeys) : [];
    if (returns.length > 0 && !call.arguments.some((a) => a.type !== T.SpreadElement && randomInput(file, a, 0))) {
      const hit = returns.map((r) => digestOf(file, r, depth + 1, helpers));
      if (hit.every((h) => h !== undefined)) return hit[0];
    }
    const name = calleeName(unwrap(call.callee));
    const inputs: Node[] = call.arguments.filter((a) => a.type !== T.SpreadElement);
    const callee = unwrap(call.callee);
    if (callee.type === T.MemberExpression) inputs.unshift(callee.object);
    if (name !== undefined && digestCallName.pattern.test(normaliseName(name))) {
      const fed = inputs.filter((a) => !isLiteralLike(a));
      if (fed.some((a) => randomInput(file, a, 0))) return undefined;
      return `${name}()`;
    }
    // Through the value's own methods (`.subarray(0, 12)`) and through conversions (`Buffer.from`, `fromHex…`),
    // not through any call: a request that sends a digest answers with other data (a server's stored nonce).
    const through = CONVERSION.test(name ?? '') ? inputs : callee.type === T.MemberExpression ? [callee.object] : [];
    for (const p of through) {
      const hit = digestOf(file, p, depth + 1, helpers);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

/** Calls that re-encode or copy the bytes they are given (`Buffer.from`, `new Uint8Array`, `hexToBytes`). */
const CONVERSION =
  /^(?:from|of|alloc|concat|copy|encode|decode|Buffer|Uint8Array)$|hex|base(?:32|58|64)|bytes|array|buffer|utf-?8/i;

/** A literal argument of a digest call: its size (`24`), its algorithm name (`'sha256'`). */
function isLiteralLike(n: Node): boolean {
  const u = unwrap(n);
  return u.type === T.Literal || (u.type === T.MemberExpression && /^[A-Z0-9_]+$/.test(propertyName(u) ?? ''));
}

/**
 * An input made from a CSPRNG call (catalogue `strongRandomSources`), or named as randomness (`salt`, `nonce`),
 * through the calls that build it (`Buffer.concat([prev, salt])`, `enc.encode(seed)`): not a fixed input.
 */
function randomInput(file: IvFile, n: Node, depth: number, byName = false): boolean {
  const u = unwrap(n);
  if (u.type === T.Identifier && !(byName && depth === 0) && randomInputName.pattern.test(normaliseName(u.name)))
    return true;
  if (depth > 4) return false;
  for (const o of flowOf(file.sourceCode).origins(n)) {
    // The IV's own binding name (`const iv = …`) says nothing about what it is made from.
    const name =
      byName && depth === 0 ? undefined : (o.name ?? (o.node.type === T.Identifier ? o.node.name : undefined));
    if (name !== undefined && randomInputName.pattern.test(normaliseName(name))) return true;
    const call = o.node;
    if (call.type !== T.CallExpression && call.type !== T.NewExpression) {
      if (call.type === T.ArrayExpression && call.elements.some((e) => e && randomInput(file, e, depth + 1, byName)))
        return true;
      continue;
    }
    // `byName`: only inputs named as randomness count (the key itself may be random: `fileKey.subarray(0, 16)`).
    if (!byName && matchCallPattern(call, file.imports, file.getScope(call), strongRandomSources)) return true;
    const callee = unwrap(call.callee);
    const parts: Node[] = call.arguments.filter((a) => a.type !== T.SpreadElement);
    if (callee.type === T.MemberExpression) parts.push(callee.object);
    if (parts.some((p) => randomInput(file, p, depth + 1, byName))) return true;
  }
  return false;
}

/**
 * The identifier (catalogue `identifierName`) a value is made from, through hashes, encoders and cuts written as
 * calls on it (`createHash('md5').update(userId).digest()`, `enc.encode(shareId).slice(0, 12)`, `user.email`).
 */
function identifierOf(file: IvFile, expr: Node, depth: number, joined = false): string | undefined {
  if (depth > 4) return undefined;
  // `'cfg-iv:' + deviceId`, `` `${tenantId}:iv` ``: text joined around an identifier (asked by IV makers only; a
  // salt joined from a user id is the salt convention's question, left to the call's own checks).
  const u = unwrap(expr);
  const joinedParts = !joined
    ? []
    : u.type === T.BinaryExpression && u.operator === '+'
      ? [u.left, u.right]
      : u.type === T.TemplateLiteral
        ? u.expressions
        : [];
  for (const part of joinedParts) {
    const hit = identifierOf(file, part, depth + 1, joined);
    if (hit !== undefined) return hit;
  }
  for (const o of flowOf(file.sourceCode).origins(expr)) {
    const name = o.name ?? (o.node.type === T.Identifier ? o.node.name : undefined);
    if ((o.kind === 'param' || o.kind === 'unknown') && name !== undefined)
      if (identifierName.pattern.test(normaliseName(name))) return name;
    if (o.kind !== 'call' || o.node.type !== T.CallExpression) continue;
    const call = o.node;
    const parts: Node[] = call.arguments.filter((a) => a.type !== T.SpreadElement);
    if (call.callee.type === T.MemberExpression) parts.unshift(call.callee.object);
    for (const p of parts) {
      const hit = identifierOf(file, p, depth + 1, joined);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

const CONSTANT_KINDS: ReadonlySet<string> = new Set(['string', 'bytes', 'zeros']);

/** A static field initialised by a call (made once) and never assigned again in this file. */
function onceMadeStatic(file: IvFile, held: ModuleValue): boolean {
  const field = held.node.parent;
  if (field?.type !== T.PropertyDefinition || !field.static || field.value !== held.node) return false;
  if (!held.origins.every((o) => o.kind === 'call')) return false;
  const [cls, key] = held.name.split('.').map((p) => p.replace(/\$/g, '\\$'));
  if (!cls || !key) return false;
  return !new RegExp(`\\b(?:${cls}|this)\\.${key}\\s*=(?!=)`).test(file.sourceCode.text);
}

/** A value held in another module, an enum member or a static field (module-values.ts). */
function heldValue(file: IvFile, expr: Node): ModuleValue | undefined {
  const { filename, cwd, settings } = file.context;
  return moduleValueOf(expr, { filename, cwd, settings, imports: file.imports, getScope: file.getScope });
}

const KEY_ROLE: ReadonlySet<SinkRole> = new Set(['key']);

/**
 * `cipher.start({ iv })` after `const cipher = forge.cipher.createCipher('AES-CBC', key)`: the key went to the call
 * that made the receiver, so an IV derived from it is checked against that key.
 */
function receiverKey(file: IvFile, call: Call): Node | undefined {
  const callee = unwrap(call.callee);
  const recv = callee.type === T.MemberExpression ? unwrap(callee.object) : undefined;
  const init = recv?.type === T.Identifier ? constInitOf(recv, file.getScope(recv)) : undefined;
  const made = init && unwrap(init);
  if (made?.type !== T.CallExpression && made?.type !== T.NewExpression) return undefined;
  return matchSinks(made, file.imports, file.getScope(made), KEY_ROLE).find((h) => h.arg.role === 'key')?.node;
}

/**
 * The key an IV is derived from, as written (`VAULT_KEY`, `this.key`, `m.subarray(0, 32)`), through `const`
 * bindings (`const key = m.subarray(0, 32)` is the key written inline elsewhere): one binding or member path reads
 * the same in the encrypting and the decrypting function, and parameters named alike (`seal(key)`, `open(key)`)
 * pair a twin as their caller does.
 */
function keyPath(file: IvFile, key: Node): string {
  return file.sourceCode.getText(derefConst(key, file.getScope) ?? unwrap(key)).replace(/\s+/g, '');
}

/** How a message names a function: `seal()`, or an unnamed callback by the function it is written in. */
function functionTitle(fn: FunctionNode): string {
  const name = functionName(fn);
  if (name !== undefined) return `${name}()`;
  const outer = enclosingFunction(fn);
  const outerName = outer && functionName(outer);
  return outerName === undefined ? 'the function()' : `the callback in ${outerName}()`;
}

/** The key a sink call encrypts under: its key argument, the key its receiver was made with, a CryptoKey handle. */
function keyOfCall(file: IvFile, call: Call, sink: KeySink, hits: readonly SinkHit[]): Node | undefined {
  // SubtleCrypto.encrypt(params, key, data) takes a CryptoKey handle (no hardcoded-key sink role): read it here.
  const subtleKey = sink.id === 'webcrypto.encrypt' ? call.arguments[1] : undefined;
  // A box's own private key (`nacl.box(m, n, theirPk, eph.secretKey)`): the shared key is as fresh as it is.
  return (
    hits.find((h) => h.arg.role === 'key')?.node ??
    receiverKey(file, call) ??
    subtleKey ??
    hits.find((h) => h.arg.role === 'private-key')?.node
  );
}

/** One IV binding given to an earlier encrypting call under the same key in the same function (repeated-ivs.ts). */
function offerRepeated(file: IvFile, expr: Node, call: Call, sink: KeySink, hits: readonly SinkHit[]): boolean {
  const ctx = {
    imports: file.imports,
    getScope: file.getScope,
    keyText: (c: Call, s: KeySink, h: readonly SinkHit[]) => {
      const k = keyOfCall(file, c, s, h);
      return k && keyPath(file, k);
    },
  };
  const earlier = earlierUnderSameKey(ctx, expr, call, sink, hits);
  if (!earlier) return false;
  const role = hits.find((h) => h.node === expr)?.arg.role === 'nonce' ? 'nonce' : 'IV';
  const name = file.sourceCode.getText(unwrap(expr));
  const data = { sink: sink.title, role, name, line: String(earlier.loc.start.line) };
  file.offer({ node: expr, messageId: 'repeatedIv', data });
  return true;
}

export function checkIvCall(file: IvFile, call: Call, sink: KeySink, hits: readonly SinkHit[]): void {
  file.reading = decrypts(sink, call) ? call : undefined;
  try {
    checkIvArgs(file, call, sink, hits);
  } finally {
    file.reading = undefined;
  }
}

function checkIvArgs(file: IvFile, call: Call, sink: KeySink, hits: readonly SinkHit[]): void {
  {
    const algorithm = staticString(hits.find((h) => h.arg.role === 'algorithm')?.node);
    if (algorithm !== undefined && fixedIvCipher.pattern.test(algorithm)) return;
    // ECB and RC4 take no IV: the value given is ignored (the cipher is the finding, of no-weak-key-size).
    if (algorithm !== undefined && ivlessCipher.pattern.test(algorithm)) return;
    // SIV modes take a fixed nonce by design (RFC 5297, RFC 8452).
    if (misuseResistantNonce.sinkIds.includes(sink.id)) return;
    if (algorithm !== undefined && misuseResistantNonce.pattern.test(algorithm)) return;
    const keyArg = keyOfCall(file, call, sink, hits);
    for (const h of hits) {
      const role = h.arg.role;
      if (role !== 'iv' && role !== 'nonce' && role !== 'salt') continue;
      if (role === 'salt' && (allowsConstantSalt(file, sink, call) || saltOverMachineSecret(file, sink, call)))
        continue;
      // A KDF with too little work is no-password-as-key's finding, whose fix (a slow KDF, a random salt) covers
      // the salt: one line, one finding (the salt policy, docs/rules/no-static-iv.md).
      if (
        role === 'salt' &&
        kdfWorkFallsShort(call, file.imports, file.getScope, flowOf(file.sourceCode), file.sourceCode)
      )
        continue;
      // A fixed nonce under a key made fresh for this call encrypts one message per key (one-use-keys.ts).
      if (role !== 'salt' && keyArg && oneUseKey(flowOf(file.sourceCode), keyArg, call)) continue;
      const label = ROLE_LABEL[role];
      const base = { sink: sink.title, role: label };
      // Mixed with a random salt (EVP_BytesToKey over `key + salt`), the IV changes with every salt.
      if (
        role !== 'salt' &&
        keyArg &&
        derivedFrom(h.node, keyArg, file.sourceCode) &&
        !randomInput(file, h.node, 0, true)
      ) {
        // Reported where it is made (`const iv = key.subarray(0, 16)`, a helper's return), once for every call.
        const e = unwrap(h.node);
        const init = e.type === T.Identifier ? constInitOf(e, file.getScope(e)) : undefined;
        file.offerFromKey(
          {
            node: init ?? madeAt(file, h.node, call),
            messageId: 'ivFromKey',
            data: base,
            suggest: freshSuggestion(file, h.node, call, sink, role, hits),
            decrypting: decrypts(sink, call) ? call : undefined,
          },
          decrypts(sink, call),
          keyPath(file, keyArg),
        );
        continue;
      }
      const origins = flowOf(file.sourceCode).origins(h.node);
      const constant = origins.map((o) => ({ o, what: constantWhat(file, o) }));
      const hit = constant.every((c) => c.what !== undefined)
        ? constant[0]
        : constant.find((c) => c.what !== undefined && c.o.fallback);
      if (hit?.what !== undefined) {
        const made = declaredVariable(hit.o.replace, file.sourceCode);
        // CMAC, OCB, GCM subkeys encrypt the zero IV as a block (E_K(0^n)): a construction's IV (zero-blocks.ts).
        const zero = sizedZeroBuffer(hit.o) ?? (hit.o.kind === 'zeros' ? hit.o.replace : undefined);
        const zeroVar = zero && declaredVariable(zero, file.sourceCode);
        if (role !== 'salt' && zeroVar && encryptedAsBlock(zeroVar, file.sourceCode)) continue;
        file.offer({
          node: sizedZeroBuffer(hit.o) ?? literalWords(hit.o) ?? hit.o.node,
          messageId: role === 'salt' ? 'staticSalt' : 'staticIv',
          data: { ...base, what: hit.what },
          // No fresh value where a later `fill(0)` would zero it again.
          suggest: made && filledWithLiteral(made) ? undefined : freshSuggestion(file, h.node, call, sink, role, hits),
        });
        continue;
      }
      if (offerFromCallers(file, origins, role, base)) continue;
      const arg: IvArg = { file, expr: h.node, base, role, call, sink, hits };
      if (offerClockReading(arg) || offerHeldElsewhere(arg)) continue;
      const encrypting = !decrypts(sink, call);
      // Kept in a store and read back (get-or-create): made once per device or install, then reused.
      const cached = encrypting && role !== 'salt' ? cachedValue(h.node, file.getScope, file.sourceCode) : undefined;
      if (cached) {
        const around = enclosingFunction(call);
        const fn = around ? functionTitle(around) : 'the module';
        const name = `${cached.name} (kept in ${cached.store})`;
        file.offer({
          node: cached.node,
          messageId: 'reusedIv',
          data: { ...base, name, fn },
          suggest: freshSuggestion(file, h.node, call, sink, role, hits),
        });
        continue;
      }
      const reused = reusedBinding(h.node, call, file.sourceCode, encrypting);
      if (!reused && role !== 'salt' && offerRepeated(file, h.node, call, sink, hits)) continue;
      if (reused) {
        const fn = functionTitle(reused.fn);
        if (role === 'salt')
          file.offer({
            node: reused.node,
            messageId: 'staticSalt',
            data: {
              ...base,
              what: enclosingFunction(reused.node)
                ? `The salt ${reused.name}, made once and shared by every call of ${fn},`
                : `The module-level salt ${reused.name}, shared by every call of ${fn},`,
            },
            suggest: freshSuggestion(file, h.node, call, sink, role, hits),
          });
        else {
          const f = {
            node: reused.node,
            messageId: 'reusedIv' as const,
            data: { ...base, name: reused.name, fn },
            suggest: freshSuggestion(file, h.node, call, sink, role, hits),
          };
          // A fresh random IV drawn once: the value is sound, its reuse is the mistake, reported at each
          // encrypting call that reuses it (the report-site principle, docs/rules/no-static-iv.md).
          if (!freshDraw(file, reused.node)) file.offer(f);
          else file.offerReused(f, reused.node, encrypting ? h.node : undefined);
        }
      }
    }
  }
}

/**
 * The IV a reused binding holds is a fresh draw from a CSPRNG (`const IV = randomBytes(16)`, a field set to
 * `crypto.getRandomValues(new Uint8Array(12))`): sound as a value, wrong only in being drawn once.
 */
function freshDraw(file: IvFile, binding: Node): boolean {
  const p = binding.parent;
  const value =
    p?.type === T.VariableDeclarator && p.id === binding && p.init
      ? p.init
      : binding.type === T.AssignmentExpression
        ? binding.right
        : binding;
  const made = unwrap(value);
  return (
    (made.type === T.CallExpression || made.type === T.NewExpression) &&
    matchCallPattern(made, file.imports, file.getScope(made), strongRandomSources) !== undefined
  );
}

/** The name that says a function makes IVs or nonces: its own, or its class's (`CounterNonce.next()`). */
function ivMakerName(fn: FunctionNode): string | undefined {
  const own = functionName(fn);
  if (own !== undefined && nonceMakerName.pattern.test(normaliseName(own))) return own;
  const member = fn.parent;
  const cls = member?.type === T.MethodDefinition ? member.parent.parent : undefined;
  const owner = cls?.type === T.ClassDeclaration || cls?.type === T.ClassExpression ? cls.id?.name : undefined;
  return owner !== undefined && nonceMakerName.pattern.test(normaliseName(owner))
    ? `${owner}.${own ?? 'method'}`
    : undefined;
}

/**
 * A function named for making nonces or IVs (`nextNonce()`, `deviceIv(id)`, `CounterNonce.next()`) whose return value
 * has no random part: a counter written into a zero buffer, or a digest of an identifier. Its callers, often in other
 * modules, encrypt with it; it is reported here, where the value is made, once for all of them.
 */
export function checkIvMaker(file: IvFile, fn: FunctionNode, expr: Node): void {
  const name = ivMakerName(fn);
  if (name === undefined) return;
  const flow = flowOf(file.sourceCode);
  if (flow.taint.taintOf(expr).entropy) return;
  const role = /(?:^|_)iv(?:_|$)/.test(normaliseName(name)) ? 'IV' : 'nonce';
  const base = { sink: `${name}() (returned to its callers)`, role };
  for (const o of flow.origins(expr)) {
    const zero = o.kind === 'zeros' ? o.replace : sizedZeroBuffer(o);
    const v = zero ? declaredVariable(zero, file.sourceCode) : undefined;
    const counter = v && counterOnly(flow, v);
    if (!counter) continue;
    const what = 'A counter or clock reading written into a zero buffer (no random part; it repeats across restarts)';
    file.offer({ node: counter, messageId: 'staticIv', data: { ...base, what } });
    return;
  }
  const id = identifierOf(file, expr, 0, true);
  if (id !== undefined && digestOf(file, expr, 0) !== undefined) {
    const what = `A digest of the identifier '${id}' (the same each time that record is handled)`;
    file.offer({ node: expr, messageId: 'staticIv', data: { ...base, what } });
  }
}
