import { RankedFindings } from './ranked.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  classifyValue,
  findCredentials,
  isPrivateJwk,
  isSecretEnvName,
  isSecretName,
  keyHolderSecret,
  normaliseName,
  redact,
} from '../detect/index.js';
import { bindingNameOf, constInitOf, envVarName, isProcessEnv, propertyName, staticString, unwrap } from './ast.js';
import { flowOf } from './flow/engine.js';
import { isDocExampleAt, isProviderIssued } from './files.js';
import type { SuggestedValue } from './fixes.js';
import type { Origin } from './values.js';
import { formatEvidence } from '../catalogue/evidence.js';
import { envMapName } from '../catalogue/names.js';
import { isConstantCaseName } from '../detect/names.js';
import type { Evidence } from '../catalogue/types.js';

/**
 * Hardcoded key candidates: the checks of `no-hardcoded-key`, each judging one kind of literal (a key sink's
 * argument, a JWK, a client's credential slot, an env fallback, a string or comment) and offering a ranked
 * candidate per node. The rule reports the winners at `Program:exit`.
 */

/** The messages a candidate can carry (the rule's report messages, not its suggestions). */
type CandidateMessage =
  'hardcodedKey' | 'credential' | 'fallbackKey' | 'fallbackSecret' | 'clientCredential' | 'secretName' | 'privateJwk';

interface Candidate {
  readonly node: TSESTree.Node;
  readonly loc?: TSESTree.SourceLocation;
  readonly messageId: CandidateMessage;
  readonly data: Record<string, string>;
  /** Higher wins when two candidates share a node. */
  readonly rank: number;
  /** A provider-issued credential (`isProviderIssued`): reported in test and example files too. */
  readonly liveFormat: boolean;
  readonly origin?: Origin;
  readonly valueType?: SuggestedValue;
  readonly sinkId?: string;
  /** What the finding rests on (src/rule-kit/evidence.ts), when it is not the catalogue's level for the message. */
  readonly evidence?: Evidence;
}

/** The rank of a value judged by the name it is stored under (`secretName`): never a provider-issued credential. */
export const NAMED_RANK = 1;

/**
 * The best candidate per node (the shared ranked collector). `liveOnly`: only provider-issued (live) candidates
 * can be reported, as in a test file under `testFiles: 'formats-only'`. Every live candidate ranks above
 * `NAMED_RANK`, and `offer` replaces only with a higher rank, so a non-live candidate of that rank can neither be
 * reported nor keep a live one off its node: it is dropped, and the checks that offer only those skip their work.
 */
export class Candidates extends RankedFindings<Candidate> {
  constructor(readonly liveOnly = false) {
    super();
  }

  override offer(finding: Candidate): void {
    if (this.liveOnly && finding.rank <= NAMED_RANK && !finding.liveFormat) return;
    super.offer(finding);
  }
}

/** The text of `'<prefix>' + '<rest>' + '…'`: a `+` chain of string literals only (else undefined). */
function concatenatedText(node: TSESTree.Node): string | undefined {
  const n = unwrap(node);
  if (n.type === T.BinaryExpression && n.operator === '+') {
    const left = concatenatedText(n.left);
    const right = left === undefined ? undefined : concatenatedText(n.right);
    return right === undefined ? undefined : left! + right;
  }
  return n.type === T.Literal || n.type === T.TemplateLiteral ? staticString(n) : undefined;
}

/**
 * The name a literal is stored under, also through `Buffer.from('…'[, enc])` or `new TextEncoder().encode('…')`,
 * which only turn the text into the bytes it spells: `const secretKey = Buffer.from('3f1a…', 'hex')` names the hex
 * `secretKey`, and jose's `const secret = new TextEncoder().encode('…')` names the text `secret`.
 */
function storedName(node: TSESTree.Node): string | undefined {
  // An element of a literal list is stored under the list's name (`accounts: ['0x…']` in a Hardhat network).
  if (node.parent?.type === T.ArrayExpression) return bindingNameOf(node.parent);
  const direct = bindingNameOf(node);
  const call = node.parent;
  if (direct !== undefined || call?.type !== T.CallExpression || call.arguments[0] !== node) return direct;
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return undefined;
  const recv = unwrap(callee.object);
  const isBufferFrom = propertyName(callee) === 'from' && recv.type === T.Identifier && recv.name === 'Buffer';
  const isEncode =
    propertyName(callee) === 'encode' &&
    recv.type === T.NewExpression &&
    recv.callee.type === T.Identifier &&
    recv.callee.name === 'TextEncoder';
  const enc = call.arguments.length === 1 ? 'utf8' : staticString(call.arguments[1]);
  const spells = isEncode || (isBufferFrom && enc !== undefined && /^(?:hex|base64|base64url|utf-?8)$/i.test(enc));
  return spells ? bindingNameOf(call) : undefined;
}

/** Literal origins of a sink argument. */
export function checkSinkValue(
  found: Candidates,
  origin: Origin,
  sinkTitle: string,
  sinkId: string,
  valueType: 'string' | 'bytes' | 'any' | undefined,
  /** The sink's slot says a value of this shape is a secret (`secretShape`: an HSM PIN of digits). */
  shapedSecret = false,
): void {
  const where = sinkTitle;
  if (origin.kind === 'string') {
    const c = classifyValue(origin.value ?? '', {
      inKeySink: true,
      ...(origin.name === undefined ? {} : { name: origin.name }),
    });
    if (!c.secret && !shapedSecret) return;
    const base = { node: origin.node, origin, sinkId, ...(valueType ? { valueType } : {}) } as const;
    const formatId = c.secret ? c.formatId : undefined;
    const live = formatId !== undefined;
    const issued = isProviderIssued(formatId);
    const redacted = redact(origin.value ?? '');
    if (origin.fallback) {
      found.offer({
        ...base,
        messageId: 'fallbackKey',
        data: { redacted, from: origin.fallbackFrom ?? 'the configured source', sink: where },
        rank: 4,
        liveFormat: issued,
      });
    } else {
      found.offer({
        ...base,
        messageId: 'hardcodedKey',
        data: { what: c.secret && live ? c.reason : 'Key material', redacted, sink: where },
        ...(formatId !== undefined && formatEvidence(formatId) === 'format' ? { evidence: 'format' as const } : {}),
        rank: 4,
        liveFormat: issued,
      });
    }
    return;
  }
  if (origin.kind === 'bytes' || origin.kind === 'zeros') {
    const what =
      origin.kind === 'zeros'
        ? `An all-zero ${origin.length ?? ''}-byte key`.replace(' -byte', '')
        : `A literal ${origin.length ?? ''}-byte key`.replace(' -byte', '');
    found.offer({
      node: origin.node,
      origin,
      sinkId,
      ...(valueType ? { valueType } : {}),
      messageId: origin.fallback ? 'fallbackKey' : 'hardcodedKey',
      data: { what, redacted: '(bytes)', sink: where, from: origin.fallbackFrom ?? 'the configured source' },
      rank: 4,
      liveFormat: false,
    });
    return;
  }
  if (origin.kind === 'object' && origin.node.type === T.ObjectExpression)
    checkJwk(found, origin.node, ` and reaches ${where}`);
}

/** A JWK object literal with private members. */
export function checkJwk(found: Candidates, obj: TSESTree.ObjectExpression, sink: string): void {
  const members: Record<string, string> = {};
  for (const p of obj.properties) {
    if (p.type !== T.Property) continue;
    const k = propertyName(p);
    const v = staticString(p.value);
    if (k !== undefined && v !== undefined) members[k] = v;
  }
  if (!isPrivateJwk(members)) return;
  const member = members.kty === 'oct' ? 'k' : (['d', 'p', 'q', 'dp', 'dq', 'qi'].find((m) => m in members) ?? 'd');
  // Reported where the private member is written: that line holds the key (the object may span many lines).
  const at = obj.properties.find((p) => p.type === T.Property && propertyName(p) === member) ?? obj;
  found.offer({ node: at, messageId: 'privateJwk', data: { member, sink }, rank: 3, liveFormat: false });
}

/**
 * `process.env.X ?? '…'` and `|| '…'` outside a key sink (a config module): the literal is judged under the
 * variable's name and the name the whole expression is stored under (`password: process.env.DB_PASS || '…'`).
 * `'localhost'`, `'3000'` and `'development'` are under no secret name; placeholders are never secrets.
 */
export function checkFallback(found: Candidates, node: TSESTree.LogicalExpression): void {
  const from = envVarName(node.left);
  if (from !== undefined) offerFallback(found, unwrap(node.right), from, bindingNameOf(node));
}

/**
 * `const { SESSION_SECRET = '…' } = process.env`: a destructuring default from the environment is the same
 * fallback as `process.env.SESSION_SECRET ?? '…'`, judged the same way.
 */
export function checkEnvDefault(found: Candidates, node: TSESTree.AssignmentPattern): void {
  const prop = node.parent;
  if (prop?.type !== T.Property || prop.value !== node || prop.parent.type !== T.ObjectPattern) return;
  const decl = prop.parent.parent;
  const source = decl?.type === T.VariableDeclarator ? decl.init : undefined;
  const from = propertyName(prop);
  if (!source || from === undefined || !isProcessEnv(source)) return;
  offerFallback(found, unwrap(node.right), from, node.left.type === T.Identifier ? node.left.name : undefined);
}

/**
 * `token || '…'` where `const token = process.env.DISCORD_TOKEN` (or a configuration read): the environment read
 * is one step away, held in a `const`, and the literal is the same fallback as `process.env.X || '…'`.
 */
export function checkHeldFallback(
  found: Candidates,
  node: TSESTree.LogicalExpression,
  getScope: (n: TSESTree.Node) => TSESLint.Scope.Scope,
): void {
  const left = unwrap(node.left);
  if (left.type !== T.Identifier) return;
  const init = constInitOf(left, getScope(left));
  const from = init && envVarName(init);
  if (from !== undefined) offerFallback(found, unwrap(node.right), from, bindingNameOf(node) ?? left.name);
}

export function offerFallback(found: Candidates, right: TSESTree.Node, from: string, host: string | undefined): void {
  // A literal, or literals joined by `+` (a 24-word phrase split over two lines).
  const value = right.type === T.BinaryExpression ? concatenatedText(right) : staticString(right);
  const literal = right.type === T.Literal || right.type === T.TemplateLiteral || right.type === T.BinaryExpression;
  if (value === undefined || !literal) return;
  for (const name of [from, ...(host === undefined ? [] : [host])]) {
    if (name === '*') continue;
    let c = classifyValue(value, { name });
    // Under a key or secret name the fallback IS the key wherever the variable is unset: a short secret a
    // person typed (`'supersecret123'`) counts as a password would, not only a random-looking one.
    if (!c.secret && (isSecretName(name) || isSecretEnvName(name))) c = classifyValue(value, { name: 'password' });
    // `APP_KEY`, `ALCHEMY_KEY`: a `<word> key` setting whose fallback looks machine-made (`keyHolderSecret`).
    if (!c.secret && !(c.reason === 'no evidence' && keyHolderSecret(value, name))) continue;
    found.offer({
      node: right,
      messageId: 'fallbackSecret',
      data: { what: c.secret && c.formatId ? c.reason : 'secret', redacted: redact(value), from },
      ...(c.secret && c.formatId ? { evidence: formatEvidence(c.formatId) } : {}),
      rank: 1.5,
      liveFormat: c.secret && isProviderIssued(c.formatId),
      valueType: 'text',
      origin: { kind: 'string', node: right, replace: right, value, name, fallback: true, fallbackFrom: from },
    });
    return;
  }
}

/**
 * Credential formats anywhere in a string, and high-entropy values under secret names. `replaceable` false: the
 * node is more than the secret (a composed header), so no suggestion may replace it with the key alone.
 */
/** An object literal stored under an environment key (`environment: { … }`, catalogue `envMapName`). */
function isEnvMap(obj: TSESTree.ObjectExpression): boolean {
  const p = obj.parent;
  const key = p?.type === T.Property && p.value === obj ? propertyName(p) : undefined;
  return key !== undefined && envMapName.pattern.test(normaliseName(key));
}

export function checkText(found: Candidates, node: TSESTree.Node, text: string, replaceable = true): void {
  if (text.length < 8) return;
  const name = storedName(node);
  // An object literal's other keys: context that can make a credential shape public (a Firebase web config).
  const obj =
    node.parent?.type === T.Property && node.parent.value === node && node.parent.parent.type === T.ObjectExpression
      ? node.parent.parent
      : undefined;
  const siblings = obj?.properties.flatMap((p) =>
    p.type === T.Property && p !== node.parent ? [propertyName(p) ?? ''] : [],
  );
  const [m] = findCredentials(text, name === undefined ? {} : siblings ? { name, siblings } : { name });
  if (m) {
    found.offer({
      node,
      messageId: 'credential',
      data: { what: m.format.title, redacted: redact(m.secret) },
      evidence: formatEvidence(m.format.id),
      rank: 2,
      liveFormat: isProviderIssued(m.format.id),
      valueType: 'text',
      ...(replaceable
        ? { origin: { kind: 'string', node, replace: node, value: text, ...(name === undefined ? {} : { name }) } }
        : {}),
    });
    return;
  }
  // Only a `secretName` candidate (NAMED_RANK, never live) follows.
  if (name === undefined || found.liveOnly) return;
  // `VAPID_PRIVATE`, `signerPrivate`: the private half of a named key pair (`isPrivate` is a flag, not a key).
  const judged = /^(?!(?:is|has|make|set|get|use)_)[a-z0-9]+(?:_[a-z0-9]+)*_private$/.test(normaliseName(name))
    ? `${name}_key`
    : name;
  const c = classifyValue(text, siblings ? { name: judged, siblings } : { name: judged });
  // A `<word> key` name judges the value itself (`APP_KEY = '…'`); decoded bytes are `checkKeyBytes`'s.
  const held = c.reason === 'no evidence' && bindingNameOf(node) === name && keyHolderSecret(text, name);
  // `environment: { RELEASE_TOKEN: '…' }` (a CDK function's, a container's, next.config's `env`): a secret variable
  // set in code, judged as a `.env` line's fallback is (a password or a generated value, never a placeholder).
  const envSet =
    !c.secret && !held && obj !== undefined && isEnvMap(obj) && isConstantCaseName(name) && isSecretEnvName(name)
      ? classifyValue(text, { name: 'password' }).secret
      : false;
  if (c.secret || held || envSet) {
    found.offer({
      node,
      messageId: 'secretName',
      data: { redacted: redact(text), name },
      rank: NAMED_RANK,
      liveFormat: false,
      valueType: 'text',
      ...(replaceable ? { origin: { kind: 'string', node, replace: node, value: text, name } } : {}),
    });
  }
}

/**
 * Credential formats in the comments of a file. Inside a JSDoc `@example` or a code fence only a
 * provider-issued credential counts: the rest is documentation (the fixture policy, docs/audit.md).
 */
export function checkComments(found: Candidates, sourceCode: TSESLint.SourceCode): void {
  for (const comment of sourceCode.getAllComments()) {
    const [m] = findCredentials(comment.value);
    if (m && (isProviderIssued(m.format.id) || !isDocExampleAt(comment.value, m.index)))
      found.offer({
        node: comment as unknown as TSESTree.Node,
        loc: comment.loc,
        messageId: 'credential',
        data: { what: m.format.title, redacted: redact(m.secret) },
        evidence: formatEvidence(m.format.id),
        rank: 2,
        liveFormat: isProviderIssued(m.format.id),
      });
  }
}

/** A template literal: judged whole without expressions, else each static part by the credential formats in it. */
export function checkTemplate(
  found: Candidates,
  node: TSESTree.TemplateLiteral,
  sourceCode: TSESLint.SourceCode,
): void {
  if (node.expressions.length === 0) return checkText(found, node, node.quasis[0]?.value.cooked ?? '');
  let inParts = false;
  for (const q of node.quasis)
    if (q.value.cooked) {
      // `postgres://app:pw@${host}`: the host is an expression, the userinfo before it is still literal.
      const [m] = findCredentials(q.value.cooked + (!q.tail && q.value.cooked.endsWith('@') ? 'host' : ''));
      if (!m) continue;
      inParts = true;
      found.offer({
        node: q,
        messageId: 'credential',
        data: { what: m.format.title, redacted: redact(m.secret) },
        evidence: formatEvidence(m.format.id),
        rank: 2,
        liveFormat: isProviderIssued(m.format.id),
      });
    }
  if (!inParts && node.quasis.some((q) => q.value.cooked)) checkComposed(found, node, node.expressions, sourceCode);
}

/** The operands of a `+` chain, left to right. */
function plusLeaves(node: TSESTree.Node): TSESTree.Node[] {
  const n = unwrap(node);
  return n.type === T.BinaryExpression && n.operator === '+' ? [...plusLeaves(n.left), ...plusLeaves(n.right)] : [n];
}

/**
 * A key built by concatenation (`'<prefix>_' + '…'`, or `PREFIX + '…' + '…'` through `const`s) is judged whole,
 * at the top of the `+` chain. A chain with a part that is a finding on its own (`'Bearer ' + API_TOKEN`) is left
 * to that part, which is reported where it is written.
 */
export function checkConcatenation(
  found: Candidates,
  node: TSESTree.BinaryExpression,
  sourceCode: TSESLint.SourceCode,
): void {
  if (node.parent.type === T.BinaryExpression && node.parent.operator === '+') return;
  const literal = concatenatedText(node);
  if (literal !== undefined) return checkText(found, node, literal);
  const leaves = plusLeaves(node);
  if (leaves.some((l) => l.type === T.Literal || l.type === T.TemplateLiteral))
    checkComposed(found, node, leaves, sourceCode);
}

/**
 * A string composed of literal text and `const`s (`PREFIX + '…'`, `` `Bearer ${TOKEN}` ``), resolved by the
 * value-flow engine and judged whole, unless one of its named parts is a finding on its own (reported there).
 */
function checkComposed(
  found: Candidates,
  node: TSESTree.Node,
  parts: readonly TSESTree.Node[],
  sourceCode: TSESLint.SourceCode,
): void {
  const flow = flowOf(sourceCode);
  const [whole, ...more] = flow.origins(node);
  if (more.length > 0 || whole?.kind !== 'string' || whole.value === undefined) return;
  for (const part of parts) {
    if (part.type !== T.Identifier) continue;
    const [o] = flow.origins(part);
    const text = o?.kind === 'string' ? (o.value ?? '') : '';
    if (findCredentials(text).length > 0 || classifyValue(text, { name: part.name }).secret) return;
  }
  checkText(found, node, whole.value, false);
}

/**
 * `'Basic ' + Buffer.from('user:password').toString('base64')` (or `btoa`, or a template): the literal pair is
 * the credential, before it is encoded. Judged by its password part.
 */
export function checkBasicAuthPair(found: Candidates, node: TSESTree.Literal, text: string): void {
  const call = node.parent;
  if (call?.type !== T.CallExpression || call.arguments[0] !== node) return;
  const m = /^([^\s:]{1,128}):(\S{4,256})$/.exec(text);
  if (!m || !/^(?:Buffer\.from|btoa)$/.test(calleeText(call.callee))) return;
  let p: TSESTree.Node | undefined = call.parent;
  for (let i = 0; p && i < 4 && !isBasicPrefixed(p); i++) p = p.parent;
  if (!p || !isBasicPrefixed(p)) return;
  const c = classifyValue(m[2]!, { name: 'password' });
  if (!c.secret) return;
  found.offer({
    node,
    messageId: 'credential',
    data: { what: 'Basic auth credentials', redacted: redact(m[2]!) },
    rank: 2,
    liveFormat: false,
    valueType: 'text',
    origin: { kind: 'string', node, replace: node, value: text },
  });
}

function calleeText(n: TSESTree.Node): string {
  if (n.type === T.Identifier) return n.name;
  return n.type === T.MemberExpression && n.object.type === T.Identifier ? `${n.object.name}.${propertyName(n)}` : '';
}

/** A `+` chain or template whose static text ends a part with `Basic `: an HTTP Basic Authorization value. */
function isBasicPrefixed(n: TSESTree.Node): boolean {
  if (n.type === T.TemplateLiteral) return n.quasis.some((q) => /\bBasic\s$/.test(q.value.cooked ?? ''));
  if (n.type !== T.BinaryExpression || n.operator !== '+') return false;
  return plusLeaves(n).some((l) => /\bBasic\s$/.test(staticString(l) ?? ''));
}
