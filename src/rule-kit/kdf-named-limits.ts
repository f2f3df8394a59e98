/**
 * A password KDF's work written as the library's own minimum (libsodium `crypto_pwhash_OPSLIMIT_MIN`,
 * `…_MEMLIMIT_MIN`, catalogue `sodiumMinimumLimit`), wherever it is written: an argument of `crypto_pwhash`, a
 * header object stored for later, a settings constant. A bound check (`ops < sodium.crypto_pwhash_OPSLIMIT_MIN`,
 * `Math.max(ops, …_MIN)`) is not a choice. One report per call or object that holds both limits.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { sodiumMinimumLimit } from '../catalogue/kdf.js';
import { normaliseName } from '../detect/names.js';
import { derefConst, isFunctionNode, unwrap } from './ast.js';
import { functionName } from './flow/functions.js';
import type { FileFlow } from './flow/engine.js';
import { hashedIntoKeyHolder, type HashedKeyHolder } from './password-key-helpers.js';

const COMPARISONS = new Set(['<', '<=', '>', '>=', '===', '!==', '==', '!=']);

interface NamedLimit {
  readonly node: TSESTree.Node;
  readonly param: string;
  readonly value: string;
  readonly floor: string;
}

/** The name a member or identifier reads (`sodium.crypto_pwhash_OPSLIMIT_MIN` → `crypto_pwhash_OPSLIMIT_MIN`). */
const readName = (n: TSESTree.Node): string | undefined =>
  n.type === T.Identifier
    ? n.name
    : n.type === T.MemberExpression && !n.computed && n.property.type === T.Identifier
      ? n.property.name
      : undefined;

/** Whether `n` is compared with or clamped against, not chosen. */
function isBound(n: TSESTree.Node): boolean {
  const p = n.parent;
  if (p?.type === T.BinaryExpression && COMPARISONS.has(p.operator)) return true;
  if (p?.type !== T.CallExpression || !p.arguments.includes(n as TSESTree.CallExpressionArgument)) return false;
  const c = unwrap(p.callee);
  return (
    c.type === T.MemberExpression &&
    c.object.type === T.Identifier &&
    c.object.name === 'Math' &&
    !c.computed &&
    c.property.type === T.Identifier &&
    (c.property.name === 'max' || c.property.name === 'min')
  );
}

/**
 * A tracker: `limitAt(node)` for each member expression or identifier read returns the limit to report there,
 * or undefined (not a minimum, a bound, or its call or object already reported).
 */
function namedLimitTracker(): (n: TSESTree.MemberExpression | TSESTree.Identifier) => NamedLimit | undefined {
  const seen = new Set<TSESTree.Node>();
  return (n) => {
    const name = readName(n);
    const m = name === undefined ? null : sodiumMinimumLimit.pattern.exec(name);
    if (!m) return undefined;
    // The identifier inside `sodium.crypto_pwhash_OPSLIMIT_MIN` is read through its member expression.
    if (n.type === T.Identifier && n.parent?.type === T.MemberExpression && n.parent.property === n) return undefined;
    if (n.type === T.Identifier && (n.parent?.type === T.ImportSpecifier || n.parent?.type === T.Property))
      if (n.parent.type === T.ImportSpecifier || n.parent.key === n) return undefined;
    if (isBound(n)) return undefined;
    const holder = n.parent?.type === T.Property ? n.parent.parent : n.parent;
    if (holder && (holder.type === T.CallExpression || holder.type === T.ObjectExpression)) {
      if (seen.has(holder)) return undefined;
      seen.add(holder);
    }
    const which = m[1] as 'OPSLIMIT' | 'MEMLIMIT';
    const param = sodiumMinimumLimit.params[which];
    return { node: n, param, value: name!, floor: sodiumMinimumLimit.floors[which] };
  };
}

type LaterReport = (
  node: TSESTree.Node,
  messageId: 'weakKdf' | 'hashedPassword',
  data: Record<string, string | number>,
) => void;

/**
 * no-password-as-key's checks that need no sink: libsodium's minimum limits wherever they are read, and a
 * key-named holder given a password hashed once (`hashedIntoKeyHolder`), reported at the end of the file so
 * that a cipher call reading the holder reports the same hash first, with its own sink and suggestion.
 */
export function passwordKeyLaterChecks(flow: FileFlow, report: LaterReport, text: string) {
  const namedLimit = namedLimitTracker();
  const holders: HashedKeyHolder[] = [];
  const later = {
    'VariableDeclarator, AssignmentExpression'(n: TSESTree.VariableDeclarator | TSESTree.AssignmentExpression) {
      const h = hashedIntoKeyHolder(flow, n);
      if (h) holders.push(h);
    },
    'Program:exit'() {
      for (const h of holders)
        report(h.node, 'hashedPassword', { name: h.password, role: 'value', sink: h.name, hash: h.hash });
    },
  };
  // Every identifier and member name (about a third of a file's nodes) would be read for a name that a file can
  // hold only when its text spells it: left out of the listeners otherwise (same reports, one call fewer per name).
  if (!mayNameLimit(text)) return later;
  return {
    ...later,
    'MemberExpression, Identifier'(n: TSESTree.MemberExpression | TSESTree.Identifier) {
      const l = namedLimit(n);
      if (!l) return;
      const data = { kdf: 'crypto_pwhash', param: l.param, value: l.value, floor: l.floor, isDefault: '' };
      report(l.node, 'weakKdf', { ...data, source: "RFC 9106 §4; the name is libsodium's minimum" });
    },
  };
}

/**
 * Whether a file's text can hold a name `sodiumMinimumLimit.pattern` accepts: each starts with `crypto_pwhash`,
 * and the text spells an identifier as it is named unless it escapes a character in it (`\u005f`, `\u{5f}`).
 */
export function mayNameLimit(text: string): boolean {
  return text.includes(LIMIT_PREFIX) || text.includes('\\u');
}
const LIMIT_PREFIX = 'crypto_pwhash';

/** A function that reads what already exists (`decryptCrowdsaleJson`, `importKeystore`, `loadVault`, `fromV1`). */
const READS_EXISTING = /^(?:decrypt|import|load|read|open|restore|parse|from|unlock_legacy)(?:_|$)/;

/**
 * Whether a PBKDF2 call that no catalogue site describes (judged through `anyPbkdf2Site`) runs with parameters a
 * standard or a stored format fixes, not parameters this code chose: BIP-39's seed derivation (2048 iterations
 * of HMAC-SHA-512 over a mnemonic, salted with the literal "mnemonic"; the input is a seed phrase, not a password)
 * and a function that decrypts or imports an existing format (the count is the file's, e.g. a 2014 presale
 * wallet's 2000). The same mistake in this code's own format is reported where it encrypts.
 */
export function pbkdf2FixedByFormat(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
  getScope: (n: TSESTree.Node) => TSESLint.Scope.Scope,
): boolean {
  const [input, salt] = call.arguments;
  const saltText = salt ? sourceCode.getText(derefConst(salt, getScope) ?? salt) : '';
  if (/["'`]mnemonic/i.test(saltText)) return true;
  if (input && /(?:mnemonic|seed_?phrase|\bphrase\b)/i.test(sourceCode.getText(input))) return true;
  for (let p: TSESTree.Node | undefined = call.parent; p; p = p.parent) {
    if (!isFunctionNode(p)) continue;
    const name = functionName(p);
    if (name !== undefined && READS_EXISTING.test(normaliseName(name))) return true;
  }
  return false;
}
