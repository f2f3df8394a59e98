/**
 * The checks behind no-weak-key-size, one per thing an algorithm-bearing argument can hold: a cipher
 * name, an RSA/DSA/DH modulus, a curve, a symmetric key length, random key bytes, a GCM tag, a WebCrypto
 * algorithm object. Each reads the value (through consts and the flow engine's origins) and reports with
 * a safer replacement where one is mechanical.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  curveOf,
  isEcb,
  isGcm,
  isWeakCurve,
  minGcmTagBytes,
  minSymmetricKeyBits,
  namedProtocolPolicies,
  saferCipherName,
  saferCurveName,
  oldProtocolsIn,
  weakCipherOf,
  weakCipherSuiteItems,
} from '../catalogue/algorithms.js';
import { derefConst, propertyName, staticNumber, staticString, unwrap, type Scope } from './ast.js';
import { judgedWhereWritten } from './algorithm-constants.js';
import { fixedFormatGate } from './fixed-formats.js';
import { oncePerNode } from './ranked.js';
import { flowOf } from './flow/engine.js';
import { moduleValueOf } from './module-values.js';
import { randomSizeArg } from './random-size.js';
import type { Origin } from './values.js';

/** The messages of no-weak-key-size that the checks report (the rule adds its suggestion's). */
export type AlgorithmMessageId =
  | 'weakCipher'
  | 'ecbMode'
  | 'smallModulus'
  | 'weakCurve'
  | 'pkcs1Padding'
  | 'shortTag'
  | 'shortKey'
  | 'weakDigest'
  | 'unsignedToken'
  | 'oldProtocol';

/** A safer text for the reported node (or for `node`), and how the suggestion names it. */
interface Replacement {
  readonly text: string;
  readonly node?: TSESTree.Node;
  readonly label?: string;
}

export type AlgorithmReport = (
  node: TSESTree.Node,
  messageId: AlgorithmMessageId,
  data: Record<string, string | number>,
  replacement?: Replacement,
) => void;

/** A value read from an argument: the node that holds it (a literal, possibly behind a const). */
interface Read<V> {
  readonly value: V;
  readonly node: TSESTree.Node;
  /** Read from another module (or a same-file enum): `node` is the reference here, not the literal. */
  readonly foreign?: boolean;
}

export interface AlgorithmChecks {
  readonly str: (node: TSESTree.Node | undefined | null) => Read<string> | undefined;
  /** An expression behind `const` names (up to four steps). */
  readonly deref: (node: TSESTree.Node | undefined | null) => TSESTree.Node | undefined;
  /** The one value `str` reads, or else every branch of a choice: a weak branch (`legacy ? 'sha1' : …`) still runs. */
  readonly strAll: (node: TSESTree.Node | undefined | null) => Read<string>[];
  readonly num: (node: TSESTree.Node | undefined | null) => Read<number> | undefined;
  /** The value node of property `key` of an object literal (behind consts). */
  readonly prop: (obj: TSESTree.Node | undefined | null, key: string) => TSESTree.Node | undefined;
  readonly q: (s: string) => string;
  /** A replacement for a string literal, in the literal's own quotes. */
  readonly quoted: (lit: TSESTree.Node, text: string) => string;
  readonly numberLiteral: (r: Read<number>) => boolean;
  readonly checkCipherName: (r: Read<string>, api: string) => void;
  /** A cipher name built by a template whose fixed parts name ECB or a weak cipher (`aes-${bits}-ecb`). */
  readonly checkCipherTemplate: (node: TSESTree.Node, api: string) => void;
  readonly checkModulus: (r: Read<number> | undefined, what: string, api: string) => void;
  readonly checkCurve: (r: Read<string> | undefined, api: string) => void;
  readonly checkSymmetricBits: (r: Read<number> | undefined, what: string, api: string) => void;
  /**
   * A protocol-version setting (`minVersion: 'TLSv1'`, `secureProtocol: 'TLSv1_method'`) that allows TLS 1.0/1.1 or
   * SSL: a string, or a library's named constant (`SecurityPolicyProtocol.TLS_V1_2016`) read by its member name.
   */
  readonly checkProtocol: (value: TSESTree.Node, api: string) => void;
  /** An OpenSSL cipher string or suite list (`'DES-CBC3-SHA:RC4-SHA'`): its first weak item. */
  readonly checkCipherList: (r: Read<string | number>, api: string) => void;
  /** `randomBytes(8)` (directly or behind a const) as key material. */
  readonly checkKeyBytes: (arg: TSESTree.Node, what: string, api: string) => void;
  /** The cipher name of the `createDecipheriv(…)` a `setAuthTag` call is made on. */
  readonly cipherOfReceiver: (call: TSESTree.CallExpression) => string | undefined;
  readonly tagAlgorithmApplies: (cipher: string | undefined) => boolean;
  readonly checkAuthTag: (arg: TSESTree.Node, cipher: string | undefined, api: string) => void;
  /** `keySize`: the object describes a key (generateKey, importKey, deriveKey), so `length` is its size. */
  readonly checkWebCryptoAlgorithm: (arg: TSESTree.Node, api: string, keySize: boolean) => void;
}

export interface AlgorithmCheckOptions {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly report: AlgorithmReport;
  /** Smallest RSA, DSA and DH modulus accepted, in bits. */
  readonly minBits: number;
  /** Smallest EC curve strength accepted, in bits. */
  readonly minCurveStrength: number;
  /** The modulus a suggestion writes. */
  readonly saferBits: number;
  /** The linted file and the working directory: where imported settings are looked up. */
  readonly filename: string;
  readonly cwd: string;
  /** ESLint's shared settings (whether imported modules may be read from disk). */
  readonly settings: Readonly<Record<string, unknown>> | undefined;
}

const TLS_LIST_WHY =
  'turned on in a TLS cipher list; RFC 9325 §4.2 asks for ECDHE suites with AES-GCM or ChaCha20-Poly1305';

/** `fallback` is the parameter default that `o` also reads (the same literal, not marked as a fallback). */
const isDefault = (fallback: Origin, o: Origin): boolean =>
  fallback !== o && fallback.fallback === true && !o.fallback && fallback.node === o.node;

export function createAlgorithmChecks(options: AlgorithmCheckOptions): AlgorithmChecks {
  const { sourceCode, report, minBits, minCurveStrength, saferBits } = options;
  const getScope = (n: TSESTree.Node): Scope => sourceCode.getScope(n);
  const flow = flowOf(sourceCode);
  const deref = (node: TSESTree.Node | undefined | null): TSESTree.Node | undefined => derefConst(node, getScope);
  /** A setting exported by another module, or a same-file enum member, read where it is used. */
  const fromModule = (n: TSESTree.Node) => moduleValueOf(n, { ...options, imports: flow.imports, getScope });
  const str = (node: TSESTree.Node | undefined | null): Read<string> | undefined => {
    const n = deref(node);
    const v = staticString(n);
    if (v !== undefined && n) return { value: v, node: n };
    if (!n || n.type === T.Literal) return undefined;
    // Held in data: a property of a const object (`FORMAT.cipher`), a destructured or class-field value.
    const origins = flow.origins(n);
    const only = origins.length === 1 ? origins[0] : undefined;
    if (only?.kind === 'string' && only.value !== undefined && !only.fallback)
      return { value: only.value, node: only.node };
    // The default of a setting: `process.env.CIPHER_ALGORITHM || 'des-ede3-cbc'` runs whenever it is unset.
    // A parameter's default is also the parameter's write (scope analysis): one value, read as the fallback.
    const strings = origins.filter((o) => o.kind === 'string' && (o.fallback || !origins.some((f) => isDefault(f, o))));
    const dflt = strings.length === 1 ? strings[0] : undefined;
    // A parameter's default (`function enc(d, key, algorithm = 'des-ede3-cbc')`) runs whenever a caller leaves it out.
    const unset = (o: (typeof origins)[number]): boolean =>
      o.kind === 'env' ||
      (o.kind === 'param' && dflt?.fallbackFrom === `parameter ${o.name}`) ||
      (dflt !== undefined && isDefault(dflt, o));
    if (dflt?.fallback && dflt.value !== undefined && origins.every((o) => o === dflt || unset(o)))
      return { value: dflt.value, node: dflt.node };
    const m = fromModule(n);
    // A choice its own module judges where it is written (an enum member here, a named setting exported by
    // another module) is reported there, once, and not again where it is read.
    if (m && judgedWhereWritten(m.node)) return undefined;
    const s = m?.origins.length === 1 ? m.origins[0] : undefined;
    return s?.kind === 'string' && s.value !== undefined && !s.fallback
      ? { value: s.value, node: n, foreign: true }
      : undefined;
  };
  const num = (node: TSESTree.Node | undefined | null): Read<number> | undefined => {
    const n = deref(node);
    const v = staticNumber(n);
    if (v !== undefined && n) return { value: v, node: n };
    const m = n && n.type !== T.Literal ? fromModule(n) : undefined;
    const w = m && !judgedWhereWritten(m.node) ? staticNumber(m.node) : undefined;
    return w === undefined || !n ? undefined : { value: w, node: n, foreign: true };
  };
  /** Every value a string can take when each branch is a literal (`legacy ? 'des-ede3-cbc' : 'aes-256-gcm'`). */
  const strChoices = (node: TSESTree.Node | undefined | null): Read<string>[] => {
    const n = deref(node);
    if (!n || n.type === T.Literal) return [];
    const origins = flow.origins(n);
    if (origins.length < 2 || !origins.every((o) => o.kind === 'string' && o.value !== undefined && !o.fallback))
      return [];
    return origins.map((o) => ({ value: o.value!, node: o.node }));
  };
  const strAll = (node: TSESTree.Node | undefined | null): Read<string>[] => {
    const one = str(node);
    return one ? [one] : strChoices(node);
  };
  /** The value node of property `key` of an object literal (behind consts; also inside `...spread` consts). */
  const prop = (obj: TSESTree.Node | undefined | null, key: string, depth = 0): TSESTree.Node | undefined => {
    const o = deref(obj);
    if (o?.type !== T.ObjectExpression) return undefined;
    let found: TSESTree.Node | undefined;
    for (const p of o.properties)
      if (p.type === T.Property && propertyName(p) === key) found = p.value;
      else if (p.type === T.SpreadElement && depth < 3) found = prop(p.argument, key, depth + 1) ?? found;
    return found;
  };
  const q = (s: string): string => `'${s}'`;
  /** A replacement for a string literal, in the literal's own quotes. */
  const quoted = (lit: TSESTree.Node, text: string): string => {
    const raw = sourceCode.getText(lit);
    const quote = raw.startsWith('"') ? '"' : raw.startsWith('`') ? '`' : "'";
    return `${quote}${text}${quote}`;
  };
  const numberLiteral = (r: Read<number>): boolean => unwrap(r.node).type === T.Literal;
  /** A number in place of a literal: quoted when the literal is a string default (`parseInt(env || '1024')`). */
  const numberText = (lit: TSESTree.Node, n: number): string =>
    lit.type === T.Literal && typeof lit.value === 'string' ? quoted(lit, String(n)) : String(n);

  /** A safer literal in place of the one read; none for a setting read from elsewhere (change it there). */
  const saferLiteral = (r: Read<string>, text: string): Replacement | undefined =>
    r.foreign ? undefined : { text: quoted(r.node, text), label: q(text) };

  const checkCipherName = (r: Read<string>, api: string): void => {
    const weak = weakCipherOf(r.value);
    if (weak) {
      const data = { cipher: weak.title, algorithm: r.value, api, why: weak.why };
      report(r.node, 'weakCipher', data, saferLiteral(r, saferCipherName(r.value)));
      return;
    }
    if (isEcb(r.value))
      report(r.node, 'ecbMode', { algorithm: r.value, api }, saferLiteral(r, saferCipherName(r.value)));
  };

  const checkCipherTemplate = (node: TSESTree.Node, api: string): void => {
    const t = deref(node);
    if (t?.type !== T.TemplateLiteral || t.expressions.length === 0) return;
    // The variable parts become a token separator (`…`): only the fixed text is judged.
    const value = t.quasis.map((q) => q.value.cooked ?? '').join('…');
    checkCipherName({ value, node: t, foreign: true }, api);
  };

  const checkModulus = (r: Read<number> | undefined, what: string, api: string): void => {
    if (!r || r.value >= minBits) return;
    report(
      r.node,
      'smallModulus',
      { what, bits: r.value, min: minBits, api },
      numberLiteral(r) ? { text: numberText(r.node, saferBits) } : undefined,
    );
  };

  const checkCurve = (r: Read<string> | undefined, api: string): void => {
    if (!r) return;
    const curve = curveOf(r.value);
    if (!curve || !isWeakCurve(curve, minCurveStrength)) return;
    const safer = saferCurveName(r.value);
    report(r.node, 'weakCurve', { curve: r.value, api, why: curve.note }, saferLiteral(r, safer));
  };

  const checkSymmetricBits = (r: Read<number> | undefined, what: string, api: string): void => {
    if (!r || r.value >= minSymmetricKeyBits) return;
    report(
      r.node,
      'shortKey',
      { bits: r.value, what, min: minSymmetricKeyBits, api },
      numberLiteral(r) ? { text: '256' } : undefined,
    );
  };

  const checkProtocol = (value: TSESTree.Node, api: string): void => {
    const v = unwrap(value);
    const named = v.type === T.MemberExpression ? propertyName(v) : undefined;
    const policy = named !== undefined ? namedProtocolPolicies[named] : undefined;
    if (policy) return report(v, 'oldProtocol', { protocol: policy, value: named!, api });
    const r = named === undefined ? str(v) : { value: named, node: v };
    const old = r ? oldProtocolsIn(r.value)[0] : undefined;
    if (r && old) report(r.node, 'oldProtocol', { protocol: old.protocol, value: old.item, api });
  };

  const checkCipherList = (r: Read<string | number>, api: string): void => {
    const weak = typeof r.value === 'string' ? weakCipherSuiteItems(r.value)[0] : undefined;
    if (weak) report(r.node, 'weakCipher', { cipher: weak.title, algorithm: weak.item, api, why: TLS_LIST_WHY });
  };

  /** `randomBytes(8)` (directly or behind a const) as key material. */
  const checkKeyBytes = (arg: TSESTree.Node, what: string, api: string): void => {
    for (const o of flowOf(sourceCode).origins(arg)) {
      if (o.kind !== 'call' || o.node.type !== T.CallExpression) continue;
      const n = num(randomSizeArg(o.node));
      if (!n || n.value * 8 >= minSymmetricKeyBits) continue;
      report(
        n.node,
        'shortKey',
        { bits: n.value * 8, what, min: minSymmetricKeyBits, api },
        numberLiteral(n) ? { text: '32', label: '32 bytes' } : undefined,
      );
    }
  };

  /** The cipher name of the `createDecipheriv(…)` a `setAuthTag` call is made on. */
  const cipherOfReceiver = (call: TSESTree.CallExpression): string | undefined => {
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression) return undefined;
    const recv = deref(callee.object);
    return recv?.type === T.CallExpression ? str(recv.arguments[0])?.value : undefined;
  };
  const tagAlgorithmApplies = (cipher: string | undefined): boolean => cipher === undefined || isGcm(cipher);

  const checkAuthTag = (arg: TSESTree.Node, cipher: string | undefined, api: string): void => {
    if (!tagAlgorithmApplies(cipher)) return;
    const a = unwrap(arg);
    // tag.subarray(0, 8) / tag.slice(0, 8)
    if (
      a.type === T.CallExpression &&
      a.callee.type === T.MemberExpression &&
      ['slice', 'subarray'].includes(propertyName(a.callee) ?? '')
    ) {
      const end = num(a.arguments[1]);
      const start = num(a.arguments[0]);
      if (end && (start?.value ?? 0) === 0 && end.value < minGcmTagBytes)
        report(a, 'shortTag', { api, bits: end.value * 8 });
      return;
    }
    for (const o of flowOf(sourceCode).origins(arg)) {
      if ((o.kind === 'bytes' || o.kind === 'zeros') && o.length !== undefined && o.length < minGcmTagBytes)
        report(o.node, 'shortTag', { api, bits: o.length * 8 });
    }
  };

  /** `keySize`: the object describes a key (generateKey, importKey, deriveKey), so `length` is its size. */
  const checkWebCryptoAlgorithm = (arg: TSESTree.Node, api: string, keySize: boolean): void => {
    const name = str(arg)?.value ?? str(prop(arg, 'name'))?.value;
    checkModulus(num(prop(arg, 'modulusLength')), `${name ?? 'RSA'} modulus`, api);
    checkCurve(str(prop(arg, 'namedCurve')), api);
    const upper = name?.toUpperCase() ?? '';
    if (keySize && (upper === 'HMAC' || upper.startsWith('AES-')))
      checkSymmetricBits(num(prop(arg, 'length')), upper === 'HMAC' ? 'HMAC' : upper, api);
    if (upper === 'AES-GCM' || name === undefined) {
      const tag = num(prop(arg, 'tagLength'));
      if (tag && tag.value < minGcmTagBytes * 8)
        report(tag.node, 'shortTag', { api, bits: tag.value }, numberLiteral(tag) ? { text: '128' } : undefined);
    }
  };

  return {
    deref,
    str,
    strAll,
    num,
    prop,
    q,
    quoted,
    numberLiteral,
    checkCipherName,
    checkCipherTemplate,
    checkModulus,
    checkCurve,
    checkSymmetricBits,
    checkProtocol,
    checkCipherList,
    checkKeyBytes,
    cipherOfReceiver,
    tagAlgorithmApplies,
    checkAuthTag,
    checkWebCryptoAlgorithm,
  };
}

/** The rule's own messages beside the checks': the suggestion's and a format-fixed finding's. */
type RuleMessageId = AlgorithmMessageId | 'useSafer' | 'fixedFormat';
/** The messages that name the weak algorithm a format may fix (`data.algorithm`). */
const FORMAT_FIXABLE: ReadonlySet<RuleMessageId> = new Set<RuleMessageId>(['weakCipher', 'ecbMode', 'weakDigest']);

/**
 * no-weak-key-size's report: once per node, through the fixed-format gate (./fixed-formats.ts: a primitive a named
 * format or protocol fixes is left out by default and reported under `fixedFormat` with `legacyPaths: 'all'`), with
 * the safer text, when there is one, as a suggestion (never an autofix: it changes what the data needs).
 */
export function algorithmReporter(
  context: Readonly<TSESLint.RuleContext<RuleMessageId, readonly unknown[]>>,
  messages: Readonly<Record<RuleMessageId, string>>,
  all: boolean,
): AlgorithmReport {
  const firstReport = oncePerNode();
  const gate = fixedFormatGate<RuleMessageId>(context.sourceCode, messages, all, (id, data) =>
    FORMAT_FIXABLE.has(id)
      ? { primitives: [data.algorithm, data.digest].map((v) => String(v).toLowerCase()) }
      : undefined,
  );
  return (node, messageId, data, replacement) => {
    const gated = firstReport(node) ? gate(messageId, data) : null;
    if (gated === null) return;
    if (gated) return context.report({ node, ...gated });
    const target = replacement?.node ?? node;
    const suggest = replacement && [
      {
        messageId: 'useSafer' as const,
        data: { replacement: replacement.label ?? replacement.text },
        fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(target, replacement.text),
      },
    ];
    context.report({ node, messageId, data, ...(suggest ? { suggest } : {}) });
  };
}
