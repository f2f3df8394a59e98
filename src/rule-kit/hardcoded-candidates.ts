import { RankedFindings } from './ranked.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { credentialClients, type CredentialClient } from '../catalogue/clients.js';
import {
  classifyValue,
  findCredentials,
  isPrivateJwk,
  isSecretEnvName,
  isSecretName,
  redact,
} from '../detect/index.js';
import { bindingNameOf, envVarName, propertyName, staticString, unwrap } from './ast.js';
import { flowOf } from './flow/engine.js';
import type { ImportMap } from './imports.js';
import { calleePathOf, shapeMatcher } from './sinks.js';
import { isDocExampleAt, isProviderIssued } from './files.js';
import type { SuggestedValue } from './fixes.js';
import type { Origin } from './values.js';

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
}

/** The best candidate per node (the shared ranked collector). */
export class Candidates extends RankedFindings<Candidate> {}

/** The catalogue's database, cache and mail clients, each with its call matcher (built once). */
const clients = credentialClients.map((client) => ({ client, matches: shapeMatcher(client, client.callees) }));

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
 * The name a literal is stored under, also through `Buffer.from('…', 'hex' | 'base64')`, which only turns the
 * text into the bytes it spells: `const secretKey = Buffer.from('3f1a…', 'hex')` names the hex `secretKey`.
 */
function storedName(node: TSESTree.Node): string | undefined {
  const direct = bindingNameOf(node);
  const call = node.parent;
  if (direct !== undefined || call?.type !== T.CallExpression || call.arguments[0] !== node) return direct;
  const callee = unwrap(call.callee);
  const isBufferFrom =
    callee.type === T.MemberExpression &&
    propertyName(callee) === 'from' &&
    callee.object.type === T.Identifier &&
    callee.object.name === 'Buffer';
  const enc = staticString(call.arguments[1]);
  return isBufferFrom && enc !== undefined && /^(?:hex|base64|base64url)$/.test(enc) ? bindingNameOf(call) : undefined;
}

/** The values at a dotted property path inside an object literal (`auth.pass`), through nested literals. */
function propertyValues(node: TSESTree.Node, path: readonly string[]): TSESTree.Node[] {
  const n = unwrap(node);
  if (path.length === 0) return [n];
  if (n.type !== T.ObjectExpression) return [];
  return n.properties.flatMap((p) =>
    p.type === T.Property && !p.computed && propertyName(p) === path[0] ? propertyValues(p.value, path.slice(1)) : [],
  );
}

/** Literal origins of a sink argument. */
export function checkSinkValue(
  found: Candidates,
  origin: Origin,
  sinkTitle: string,
  sinkId: string,
  valueType: 'string' | 'bytes' | 'any' | undefined,
): void {
  const where = sinkTitle;
  if (origin.kind === 'string') {
    const c = classifyValue(origin.value ?? '', {
      inKeySink: true,
      ...(origin.name === undefined ? {} : { name: origin.name }),
    });
    if (!c.secret) return;
    const base = { node: origin.node, origin, sinkId, ...(valueType ? { valueType } : {}) } as const;
    const live = c.formatId !== undefined;
    const issued = isProviderIssued(c.formatId);
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
        data: { what: live ? c.reason : 'Key material', redacted, sink: where },
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
  found.offer({ node: obj, messageId: 'privateJwk', data: { member, sink }, rank: 3, liveFormat: false });
}

/**
 * A client's credential slots (catalogue `credentialClients`): a password slot is judged as a password
 * (positional too: `new Sequelize(db, user, '…')`), a URL slot by the credential formats in it.
 */
function checkClient(
  found: Candidates,
  sourceCode: TSESLint.SourceCode,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  client: CredentialClient,
): void {
  for (const slot of client.slots) {
    const arg = call.arguments[slot.index];
    if (!arg || arg.type === T.SpreadElement) continue;
    const flow = flowOf(sourceCode);
    const argValues = slot.property === undefined ? [arg] : [arg, ...flow.origins(arg).map((o) => o.node)];
    const nodes =
      slot.property === undefined ? argValues : argValues.flatMap((v) => propertyValues(v, slot.property!.split('.')));
    for (const valueNode of nodes)
      for (const origin of flow.origins(valueNode)) {
        if (origin.kind !== 'string' || origin.value === undefined) continue;
        let what: string;
        let secret: string;
        let live: boolean;
        if (slot.holds === 'url') {
          const [m] = findCredentials(origin.value);
          if (!m) continue;
          [what, secret, live] = [m.format.title, m.secret, isProviderIssued(m.format.id)];
        } else {
          const c = classifyValue(origin.value, { name: 'password' });
          if (!c.secret) continue;
          [what, secret, live] = [c.formatId ? c.reason : 'Password', origin.value, isProviderIssued(c.formatId)];
        }
        found.offer({
          node: origin.node,
          messageId: 'clientCredential',
          data: { what, redacted: redact(secret), client: client.title },
          rank: 3,
          liveFormat: live,
          valueType: 'text',
          origin,
        });
      }
  }
}

/**
 * `process.env.X ?? '…'` and `|| '…'` outside a key sink (a config module): the literal is judged under the
 * variable's name and the name the whole expression is stored under (`password: process.env.DB_PASS || '…'`).
 * `'localhost'`, `'3000'` and `'development'` are under no secret name; placeholders are never secrets.
 */
export function checkFallback(found: Candidates, node: TSESTree.LogicalExpression): void {
  const from = envVarName(node.left);
  const right = unwrap(node.right);
  const value = staticString(right);
  if (from === undefined || value === undefined || (right.type !== T.Literal && right.type !== T.TemplateLiteral))
    return;
  const host = bindingNameOf(node);
  for (const name of [from, ...(host === undefined ? [] : [host])]) {
    if (name === '*') continue;
    let c = classifyValue(value, { name });
    // Under a key or secret name the fallback IS the key wherever the variable is unset: a short secret a
    // person typed (`'supersecret123'`) counts as a password would, not only a random-looking one.
    if (!c.secret && (isSecretName(name) || isSecretEnvName(name))) c = classifyValue(value, { name: 'password' });
    if (!c.secret) continue;
    found.offer({
      node: right,
      messageId: 'fallbackSecret',
      data: { what: c.formatId ? c.reason : 'secret', redacted: redact(value), from },
      rank: 1.5,
      liveFormat: isProviderIssued(c.formatId),
      valueType: 'text',
      origin: { kind: 'string', node: right, replace: right, value, name, fallback: true, fallbackFrom: from },
    });
    return;
  }
}

/** Credential formats anywhere in a string. */
export function checkText(found: Candidates, node: TSESTree.Node, text: string): void {
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
      rank: 2,
      liveFormat: isProviderIssued(m.format.id),
      valueType: 'text',
      origin: { kind: 'string', node, replace: node, value: text, ...(name === undefined ? {} : { name }) },
    });
    return;
  }
  if (name === undefined) return;
  const c = classifyValue(text, siblings ? { name, siblings } : { name });
  if (c.secret) {
    found.offer({
      node,
      messageId: 'secretName',
      data: { redacted: redact(text), name },
      rank: 1,
      liveFormat: false,
      valueType: 'text',
      origin: { kind: 'string', node, replace: node, value: text, name },
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
        rank: 2,
        liveFormat: isProviderIssued(m.format.id),
      });
  }
}

/** A template literal: judged whole without expressions, else each static part by the credential formats in it. */
export function checkTemplate(found: Candidates, node: TSESTree.TemplateLiteral): void {
  if (node.expressions.length === 0) checkText(found, node, node.quasis[0]?.value.cooked ?? '');
  else
    for (const q of node.quasis)
      if (q.value.cooked) {
        const [m] = findCredentials(q.value.cooked);
        if (m)
          found.offer({
            node: q,
            messageId: 'credential',
            data: { what: m.format.title, redacted: redact(m.secret) },
            rank: 2,
            liveFormat: isProviderIssued(m.format.id),
          });
      }
}

/** A key built by concatenation (`'<prefix>_' + '…'`) is judged whole, at the top of the `+` chain. */
export function checkConcatenation(found: Candidates, node: TSESTree.BinaryExpression): void {
  if (node.parent.type === T.BinaryExpression && node.parent.operator === '+') return;
  const text = concatenatedText(node);
  if (text !== undefined) checkText(found, node, text);
}

/** The catalogue's credential clients whose call matcher accepts this call, each checked for its slots. */
export function checkClientCall(
  found: Candidates,
  sourceCode: TSESLint.SourceCode,
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  imports: ImportMap,
): void {
  const cp = node.arguments.length > 0 ? calleePathOf(node, imports, sourceCode.getScope(node)) : undefined;
  if (cp) for (const { client, matches } of clients) if (matches(cp)) checkClient(found, sourceCode, node, client);
}
