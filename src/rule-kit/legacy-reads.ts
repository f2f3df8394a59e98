/**
 * Read-only legacy paths (docs/rules/no-static-iv.md, "Legacy read paths"): a decrypting finding in a module where
 * no encrypting call has the same finding (nothing is written that way here), marked as reading an older format by
 * positive evidence: its function is named or documented for an old format or version (catalogue
 * `legacyReadMarker`), a stored-format tag selects it (`case 'legacy':`), or the module encrypts new data with
 * another cipher call that has no such finding. The finding stays reported: the stored data is as weak as the
 * format, and stranger corpora label these lines as mistakes. The rules say what it is (a legacy read path, low
 * severity in the audit) so that the fix is a migration, not a new cipher call. Without a marker (a decrypt-only
 * module whose writer may be another file) the finding keeps its own message.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { isEcb, weakCipherOf } from '../catalogue/algorithms.js';
import { decryptingCall, legacyReadMarker } from '../catalogue/randomness.js';
import { normaliseName } from '../detect/names.js';
import {
  calleeName,
  childrenOf,
  derefConst,
  isFunctionNode,
  propertyName,
  staticString,
  unwrap,
  type Scope,
} from './ast.js';
import { functionName } from './flow/functions.js';

type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** The last name of a callee (`createDecipheriv`, `decrypt`), and the receiver text before it (`CryptoJS.AES`). */
function calleeParts(call: Call, sourceCode: Readonly<TSESLint.SourceCode>): { name: string; receiver: string } {
  const c = unwrap(call.callee);
  return { name: calleeName(c) ?? '', receiver: c.type === T.MemberExpression ? sourceCode.getText(c.object) : '' };
}

interface ModuleCalls {
  /** The encrypting calls' names. */
  readonly encrypting: readonly string[];
  /** The encrypting calls that name no weak cipher (DES, RC4, ECB, …) where the name can be read. */
  readonly strong: number;
}

const cache = new WeakMap<TSESTree.Program, ModuleCalls>();

/** The text an algorithm argument holds: a literal, a const, or a member of a const object (`ALGS.roster`). */
function algorithmText(arg: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): string | undefined {
  const getScope = (n: TSESTree.Node): Scope => sourceCode.getScope(n);
  const n = derefConst(arg, getScope);
  if (n?.type !== T.MemberExpression) return staticString(n);
  const obj = derefConst(n.object, getScope);
  const key = propertyName(n);
  if (obj?.type !== T.ObjectExpression || key === undefined) return undefined;
  const prop = obj.properties.find((p) => p.type === T.Property && propertyName(p) === key);
  return prop?.type === T.Property ? staticString(prop.value) : undefined;
}

/**
 * Whether an encrypting call names a weak cipher or ECB: in its first argument (`createCipheriv(ALGS.roster, …)`) or
 * in its receiver (`CryptoJS.RC4.encrypt`, `CryptoJS.DES.encrypt`).
 */
function namesWeakCipher(call: Call, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const weak = (t: string | undefined): boolean => t !== undefined && (weakCipherOf(t) !== undefined || isEcb(t));
  const arg = call.arguments[0];
  const { receiver } = calleeParts(call, sourceCode);
  return (
    weak(receiver.split('.').pop()) || (!!arg && arg.type !== T.SpreadElement && weak(algorithmText(arg, sourceCode)))
  );
}

/** The encrypting calls' names of a module (`createCipheriv`, `encrypt`, `new Encryption`). */
export const encryptingCalls = (sourceCode: Readonly<TSESLint.SourceCode>): readonly string[] =>
  moduleCalls(sourceCode).encrypting;

/** One walk of the module, made only when a rule asks about a decrypting finding (rare). */
function moduleCalls(sourceCode: Readonly<TSESLint.SourceCode>): ModuleCalls {
  const hit = cache.get(sourceCode.ast);
  if (hit) return hit;
  const encrypting: string[] = [];
  let strong = 0;
  const visit = (n: TSESTree.Node): void => {
    if (n.type === T.CallExpression || n.type === T.NewExpression) {
      const { name } = calleeParts(n, sourceCode);
      if (legacyReadMarker.encrypting.test(name)) {
        encrypting.push(name);
        if (!namesWeakCipher(n, sourceCode)) strong++;
      }
    }
    for (const c of childrenOf(n, sourceCode.visitorKeys)) visit(c);
  };
  visit(sourceCode.ast);
  const out = { encrypting, strong };
  cache.set(sourceCode.ast, out);
  return out;
}

/** Words of a comment, as `normaliseName` writes a name (`kept_for_backward_compatibility`). */
const commentWords = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

/** The comments right before a function or the statement that holds it. */
function commentsOf(fn: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): string {
  let at: TSESTree.Node = fn;
  for (let p = fn.parent; p; p = p.parent) {
    if (
      p.type === T.VariableDeclarator ||
      p.type === T.VariableDeclaration ||
      p.type === T.ExportNamedDeclaration ||
      p.type === T.ExportDefaultDeclaration ||
      p.type === T.MethodDefinition ||
      p.type === T.Property ||
      p.type === T.PropertyDefinition
    )
      at = p;
    else break;
  }
  return sourceCode
    .getCommentsBefore(at)
    .map((c) => commentWords(c.value))
    .join('_');
}

const WRITER = 'the module writes new data with another cipher';

/**
 * Why a decrypting call is a read-only legacy path, or undefined when it is not one (or not a decrypting call): the
 * evidence in words for the message.
 */
export function legacyReadPath(call: Call, sourceCode: Readonly<TSESLint.SourceCode>): string | undefined {
  const { name } = calleeParts(call, sourceCode);
  if (!decryptingCall.pattern.test(name)) return undefined;
  for (let p: TSESTree.Node | undefined = call.parent; p; p = p.parent) {
    if (p.type === T.SwitchCase && p.test && p.parent.type === T.SwitchStatement) {
      const tag = staticString(p.test);
      const by = calleeName(p.parent.discriminant);
      const named = by !== undefined && legacyReadMarker.tagName.test(normaliseName(by));
      if (tag !== undefined && (named || legacyReadMarker.pattern.test(normaliseName(tag))))
        return `the stored format tag '${tag}' selects it`;
    }
    if (p.type !== T.FunctionDeclaration && p.type !== T.FunctionExpression && p.type !== T.ArrowFunctionExpression)
      continue;
    const fnName = functionName(p);
    if (fnName !== undefined && legacyReadMarker.pattern.test(normaliseName(fnName)))
      return `${fnName}() is named for an old format`;
    if (legacyReadMarker.pattern.test(commentsOf(p, sourceCode))) return 'its comment says it reads an old format';
  }
  return moduleCalls(sourceCode).encrypting.length > 0 ? WRITER : undefined;
}

/** Words of the names and strings of an `if` test (`isOldKey(encKeys)` → `is_old_key_enc_keys`). */
function testWords(test: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): string[] {
  const out: string[] = [];
  const visit = (n: TSESTree.Node): void => {
    if (n.type === T.Identifier) out.push(normaliseName(n.name));
    else if (n.type === T.Literal && typeof n.value === 'string') out.push(normaliseName(n.value));
    for (const c of childrenOf(n, sourceCode.visitorKeys)) visit(c);
  };
  visit(test);
  return out;
}

/** `stored.version === 1`, `header.format == 'v1'`: a stored format or version compared with a literal. */
function comparesTag(test: TSESTree.Node): boolean {
  if (test.type !== T.BinaryExpression || !['===', '=='].includes(test.operator)) return false;
  const [a, b] = [unwrap(test.left), unwrap(test.right)];
  const member = a.type === T.Literal ? b : a;
  const literal = a.type === T.Literal ? a : b;
  const name = member.type === T.MemberExpression ? calleeName(member) : undefined;
  return literal.type === T.Literal && name !== undefined && legacyReadMarker.tagName.test(normaliseName(name));
}

/**
 * Whether a decrypting call reads an old format by the code's own marks, the stricter evidence `replacedRead` asks
 * for: its function is named or documented for an old format, a stored-format tag selects it (a `case`, or an `if`
 * that compares a stored format or version, or whose test names an old format: `if (isOldKey(stored))`), or a
 * comment right before a statement that holds it says so (`// v2 encryption`, `// legacy values`).
 */
function markedAsOld(call: Call, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const why = legacyReadPath(call, sourceCode);
  if (why !== undefined && why !== WRITER) return true;
  for (let p: TSESTree.Node | undefined = call.parent; p && !isFunctionNode(p); p = p.parent) {
    if (p.type === T.IfStatement && within(call, p.consequent)) {
      if (comparesTag(unwrap(p.test)) || testWords(p.test, sourceCode).some((w) => legacyReadMarker.pattern.test(w)))
        return true;
    }
    const comments = sourceCode.getCommentsBefore(p).map((c) => commentWords(c.value));
    if (comments.some((c) => legacyReadMarker.pattern.test(c))) return true;
  }
  return false;
}

const within = (n: TSESTree.Node, outer: TSESTree.Node): boolean =>
  n.range[0] >= outer.range[0] && n.range[1] <= outer.range[1];

/**
 * A read-only legacy path the module has replaced (the `legacyPaths: 'actionable'` default leaves it out): the call
 * is marked as reading an old format (`markedAsOld`) and the module writes new data with another cipher call that
 * names no weak cipher (a DES or ECB writer is no replacement). The
 * caller adds the rest of the principle: no other finding of its rule in the module (the writer is not weak too).
 */
const replacedRead = (call: Call, sourceCode: Readonly<TSESLint.SourceCode>): boolean =>
  moduleCalls(sourceCode).strong > 0 && markedAsOld(call, sourceCode);

/** A rule message with its data filled in, to quote inside the legacy-read message. */
export const renderMessage = (template: string, data: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, k: string) => String(data[k] ?? ''));

/** The legacy-read message every rule shares, around the finding's own message (`{{detail}}`). */
export const legacyReadMessage =
  'Legacy read path ({{why}}): {{detail}} Data stored this way stays as weak as the format: re-encrypt it under ' +
  'the current scheme when it is read, then remove this path.';

type Report<M extends string, S> = (
  node: TSESTree.Node,
  messageId: M,
  data: Record<string, string | number>,
  suggest?: S[],
) => void;

/**
 * The decrypting findings of one file, held until its end (`flush`): reported as `legacyRead`, quoting the
 * finding's own message, when no encrypting call had a finding of the rule and `legacyReadPath` finds a marker; else
 * as they are. With `withhold`, a read the module has replaced (`replacedRead`) is left out when the rule made no
 * other finding in the module (`flush(othersMade)`); `withhold` is told its place, which the rule's later checks
 * then leave alone (one mistake, one judgement).
 */
export function legacyReads<M extends string, S>(
  sourceCode: Readonly<TSESLint.SourceCode>,
  messages: Readonly<Record<M, string>>,
  withhold?: (node: TSESTree.Node) => void,
) {
  const held: { call: Call; report: Report<M, S>; args: Parameters<Report<M, S>> }[] = [];
  let written = false;
  return {
    /** A report at a decrypting call (held) or at any other (made now, and it counts as a write). */
    at: (call: Call, decrypting: boolean, report: Report<M, S>): Report<M, S> =>
      decrypting
        ? (...args) => void held.push({ call, report, args })
        : (...args) => {
            written = true;
            report(...args);
          },
    flush: (othersMade = 0): void => {
      for (const { call, report, args } of held) {
        const why = written ? undefined : legacyReadPath(call, sourceCode);
        const [node, id, data, suggest] = args;
        if (why && withhold && othersMade === 0 && replacedRead(call, sourceCode)) {
          withhold(node);
          continue;
        }
        if (why) report(node, 'legacyRead' as M, { why, detail: renderMessage(messages[id], data) }, suggest);
        else report(...args);
      }
    },
  };
}
