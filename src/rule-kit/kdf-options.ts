/**
 * KDF work factors written where no catalogued KDF site reads them (session 25, class PK-2):
 * - options named for the KDF they set, in any library's call that a password reaches (catalogue `kdfWorkOptions`:
 *   ethers `wallet.encrypt(password, { scrypt: { N: 1 << 10 } })`, `vault.seal(pw, data, { kdf: 'pbkdf2', c: 1000 })`);
 * - SQLCipher's `kdf_iter` pragma in a string handed to any call (catalogue `sqlcipherKdfIter`).
 * Each is judged by the catalogue's floors (`kdfShortfalls`) and reported at the number.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  kdfShortfalls,
  kdfWorkOptions,
  sqlcipherKdfIter,
  type KdfKind,
  type KdfParams,
  type KdfShortfall,
} from '../catalogue/kdf.js';
import { normaliseName } from '../detect/names.js';
import { propertyName, staticString, unwrap } from './ast.js';
import type { FileFlow } from './flow/engine.js';
import { kdfPurposeOf } from './kdf-purpose.js';
import { checkPasswordCommand, runsCommand } from './key-commands.js';
import { objectThrough, weakestNumber } from './numbers.js';
import type { CalleePath } from './sinks.js';

type Call = TSESTree.CallExpression | TSESTree.NewExpression;
type Report = (at: TSESTree.Node, messageId: 'weakKdf', data: Record<string, string | number>) => void;
type Param = (typeof kdfWorkOptions.params)[keyof typeof kdfWorkOptions.params][number]['param'];

const MAX_DEPTH = 3;
/** The shortfall name of each work factor (`kdfShortfalls` reports scrypt's cost as `N`). */
const SHORTFALL_PARAM: Readonly<Record<string, KdfShortfall['param']>> = {
  cost: 'N',
  iterations: 'iterations',
  memoryKiB: 'memory',
  passes: 'passes',
};
/** Calls named for hashing a password for storage: their output is a verifier, judged by the storage floors. */
const PASSWORD_HASH_CALL = /^(?:hash|hashSync|hashAsync|hashPassword|passwordHash)$/;

/** The KDF a name or a selector's value names (`scrypt`, `pbkdf2Sha256`, `argon2id`). */
function kdfNamed(text: string): 'scrypt' | 'pbkdf2' | 'argon2' | undefined {
  const n = normaliseName(text);
  return kdfWorkOptions.kdfOf.find((k) => k.pattern.test(n))?.kdf;
}

/** The name of a call, for messages: `encrypt` for `wallet.encrypt(…)`. */
function calleeText(call: Call): string {
  const c = unwrap(call.callee);
  return (c.type === T.Identifier ? c.name : c.type === T.MemberExpression ? propertyName(c) : undefined) ?? 'call';
}

/** The object literals of a call's arguments (inline or behind a const), with their nested objects. */
function objectsOf(call: Call, flow: FileFlow): { obj: TSESTree.ObjectExpression; kdf?: KdfKind }[] {
  const out: { obj: TSESTree.ObjectExpression; kdf?: KdfKind }[] = [];
  const walk = (obj: TSESTree.ObjectExpression, kdf: KdfKind | undefined, depth: number): void => {
    // A selector names the KDF for its siblings: `{ kdf: 'scrypt', n: 1024 }`.
    let own = kdf;
    for (const p of obj.properties) {
      if (p.type !== T.Property || p.computed) continue;
      const k = propertyName(p);
      const v = k !== undefined && kdfWorkOptions.selector.test(normaliseName(k)) ? staticString(p.value) : undefined;
      own = (v !== undefined ? kdfNamed(v) : undefined) ?? own;
    }
    out.push({ obj, ...(own ? { kdf: own } : {}) });
    if (depth >= MAX_DEPTH) return;
    for (const p of obj.properties) {
      if (p.type !== T.Property || p.computed) continue;
      const inner = objectThrough(p.value, flow);
      const k = propertyName(p);
      if (inner) walk(inner, (k !== undefined ? kdfNamed(k) : undefined) ?? own, depth + 1);
    }
  };
  for (const a of call.arguments) {
    if (a.type === T.SpreadElement) continue;
    const o = objectThrough(a, flow);
    if (o) walk(o, undefined, 0);
  }
  return out;
}

/** Whether a password reaches the call: an argument, or an option's value (`{ password }`). */
function handedPassword(call: Call, objects: readonly { obj: TSESTree.ObjectExpression }[], flow: FileFlow): boolean {
  for (const a of call.arguments) if (a.type !== T.SpreadElement && flow.passwordOf(a)) return true;
  return objects.some(({ obj }) =>
    obj.properties.some(
      (p) => p.type === T.Property && p.value.type !== T.ObjectExpression && flow.passwordOf(p.value),
    ),
  );
}

function report(rep: Report, at: TSESTree.Node, kdf: string, s: KdfShortfall): void {
  rep(at, 'weakKdf', { kdf, param: s.param, value: s.value, isDefault: '', floor: s.floor, source: s.source });
}

/** Judges the work-factor options of one call that no KDF site describes (see the module comment). */
function checkKdfOptions(call: Call, flow: FileFlow, sourceCode: Readonly<TSESLint.SourceCode>, rep: Report): void {
  const objects = objectsOf(call, flow).filter((o) => o.kdf !== undefined);
  if (objects.length === 0 || !handedPassword(call, objects, flow)) return;
  const name = calleeText(call);
  // A password-hashing call (`Bun.password.hash(pw, { algorithm: 'argon2id', memoryCost })`) stores a verifier.
  const purpose = PASSWORD_HASH_CALL.test(name) ? 'storage' : kdfPurposeOf(call, {}, sourceCode);
  for (const { obj, kdf } of objects) {
    const params = kdfWorkOptions.params[kdf as keyof typeof kdfWorkOptions.params];
    // Every work factor of the object together: argon2's storage minimums pair memory with passes.
    const value: Record<string, number> = {};
    const at: Partial<Record<KdfShortfall['param'], { node: TSESTree.Node; key: string }>> = {};
    for (const p of obj.properties) {
      if (p.type !== T.Property || p.computed) continue;
      const k = propertyName(p);
      const found = k === undefined ? undefined : params.find((x) => x.pattern.test(normaliseName(k)));
      const n = found ? weakestNumber(p.value, flow) : undefined;
      if (!found || !n || k === undefined) continue;
      const param: Param = found.param;
      const key = param === 'logCost' ? 'cost' : param;
      value[key] = param === 'logCost' ? 2 ** n.value : n.value;
      at[SHORTFALL_PARAM[key]!] = { node: n.node, key: k };
    }
    for (const s of kdfShortfalls(kdf!, value as KdfParams, purpose)) {
      const w = at[s.param];
      if (w) report(rep, w.node, `${name}({ ${kdf}: { ${w.key} } })`, s);
    }
  }
}

/** SQLCipher's `kdf_iter` pragma written in a string argument of any call. */
function checkKdfPragma(call: Call, rep: Report): void {
  for (const a of call.arguments) {
    const text = a.type === T.SpreadElement ? undefined : staticString(a);
    const m = text === undefined ? undefined : sqlcipherKdfIter.pattern.exec(text);
    if (!m) continue;
    const iterations = Number(m[1]);
    for (const s of kdfShortfalls('pbkdf2', { iterations, digest: sqlcipherKdfIter.digest }))
      report(rep, a, 'SQLCipher kdf_iter', s);
  }
}

/**
 * The password derivations a call can hold besides a catalogued KDF site, for no-password-as-key: `openssl enc` run
 * from code (key-commands.ts), work-factor options named for their KDF, and SQLCipher's pragma (read only in a file
 * whose text names a KDF). `sited`: a KDF site (or a PBKDF2 by name) already judged the call.
 */
export function otherKdfForms(
  flow: FileFlow,
  sourceCode: Readonly<TSESLint.SourceCode>,
  rep: Report,
): (node: Call, cp: CalleePath | undefined, sited: boolean) => void {
  const namesKdf = /scrypt|pbkdf2|argon2|kdf_iter/i.test(sourceCode.text);
  return (node, cp, sited) => {
    if (node.type === T.CallExpression && runsCommand(cp)) checkPasswordCommand(node, flow, rep);
    if (!namesKdf) return;
    if (!sited) checkKdfOptions(node, flow, sourceCode, rep);
    checkKdfPragma(node, rep);
  };
}
