/**
 * Credentials in the options of API, database, cache and mail clients (catalogue `credentialClients`): each
 * slot's literal is judged as what the slot holds, and offered as a `no-hardcoded-key` candidate.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { credentialClients, type CredentialClient } from '../catalogue/clients.js';
import { isPasswordLike } from '../catalogue/credentials.js';
import { hexKeyText, randomUuid, secretSlotKinds } from '../catalogue/index.js';
import { classifyValue, findCredentials, redact } from '../detect/index.js';
import { looksRandom } from '../detect/entropy.js';
import { propertyName, staticString, unwrap } from './ast.js';
import { flowOf } from './flow/engine.js';
import type { Candidates } from './hardcoded-candidates.js';
import type { ImportMap } from './imports.js';
import { calleePathKey, calleePathOf, MEMO_LIMIT, reachOf, shapeMatcher } from './sinks.js';
import { isProviderIssued } from './files.js';
import { keyOrigins } from './key-origins.js';
import { filledAfterAlloc } from './filled-buffers.js';
import type { Origin } from './values.js';

type Call = TSESTree.CallExpression | TSESTree.NewExpression;
type Slot = CredentialClient['slots'][number];

/** The catalogue's clients, each with its call matcher (built once). */
const clients = credentialClients.map((client) => ({ client, matches: shapeMatcher(client, client.callees) }));
/** The clients whose matcher accepts a callee path, in catalogue order, by `calleePathKey` (one lookup per call). */
const clientsByPath = new Map<string, readonly CredentialClient[]>();
/** Whether any client can describe a callee path at all (exact; most calls are no client's). */
const clientReach = reachOf(credentialClients);

/** The values at a dotted property path inside an object literal (`auth.pass`), through nested literals and arrays. */
function propertyValues(node: TSESTree.Node, path: readonly string[]): TSESTree.Node[] {
  const n = unwrap(node);
  if (path.length === 0) return n.type === T.ArrayExpression ? n.elements.flatMap((e) => (e ? [e] : [])) : [n];
  if (n.type !== T.ObjectExpression) return [];
  // `users.*`: every property's value (a map of user names to passwords).
  return n.properties.flatMap((p) =>
    p.type === T.Property && !p.computed && (path[0] === '*' || propertyName(p) === path[0])
      ? propertyValues(p.value, path.slice(1))
      : [],
  );
}

/** The nodes a slot's value is written at: the argument, or the property path inside it (through `const`s). */
function slotNodes(flow: ReturnType<typeof flowOf>, call: Call, index: number, property?: string): TSESTree.Node[] {
  const arg = call.arguments[index];
  if (!arg || arg.type === T.SpreadElement) return [];
  if (property === undefined) return [arg];
  const objects = [arg, ...flow.origins(arg).map((o) => o.node)];
  return objects.flatMap((v) => propertyValues(v, property.split('.')));
}

/**
 * The client's own words about where it connects (`service: 'gmail'`, `host: 'smtp.gmail.com'`): context for a
 * password slot, so that a provider's password format (a Google app password) is recognised there.
 */
function connectionHint(call: Call, index: number): string {
  const opts = call.arguments[index];
  if (!opts || unwrap(opts).type !== T.ObjectExpression) return '';
  const words = (unwrap(opts) as TSESTree.ObjectExpression).properties.flatMap((p) =>
    p.type === T.Property && /^(?:service|host)$/.test(propertyName(p) ?? '') ? [staticString(p.value) ?? ''] : [],
  );
  return words.join(' ').trim();
}

interface Verdict {
  readonly what: string;
  readonly secret: string;
  readonly live: boolean;
}

/**
 * A literal in a `secret` slot: a credential format, or a value someone generated or chose (random-looking,
 * password-like, or a mnemonic); never a placeholder, dummy or public identifier (`classifyValue` decides
 * those), nor a plain word such as a local server's `'ollama'`.
 */
function secretVerdict(value: string, name: string | undefined): Verdict | undefined {
  const c = classifyValue(value, { inKeySink: true, ...(name === undefined ? {} : { name }) });
  if (!c.secret) return undefined;
  if (!c.formatId && !isPasswordLike(value) && !looksRandom(value)) return undefined;
  return { what: c.formatId ? c.reason : 'Secret', secret: value, live: isProviderIssued(c.formatId) };
}

function judge(o: Origin, slot: Slot, call: Call, sourceCode: TSESLint.SourceCode): Verdict | undefined {
  if (o.kind === 'bytes' || o.kind === 'zeros') {
    if (slot.holds !== 'secret' && slot.holds !== 'bytes') return undefined;
    if (o.kind === 'zeros' && filledAfterAlloc(o.node, sourceCode)) return undefined;
    return { what: `A literal ${o.length ?? ''}-byte key`.replace(' -byte', ''), secret: '', live: false };
  }
  if (o.kind !== 'string' || o.value === undefined) return undefined;
  const value = o.value;
  switch (slot.holds) {
    case 'bytes':
      return o.encoding !== undefined || hexKeyText.pattern.test(value) ? secretVerdict(value, 'key') : undefined;
    case 'token':
      return randomUuid.pattern.test(value) && new Set(value.replace(/-/g, '')).size > 4
        ? { what: 'Secret', secret: value, live: false }
        : secretVerdict(value, 'token');
    case 'url': {
      const [m] = findCredentials(value);
      return m && { what: m.format.title, secret: m.secret, live: isProviderIssued(m.format.id) };
    }
    case 'password': {
      const c = classifyValue(value, { name: `${connectionHint(call, slot.index)} password`.trim() });
      return c.secret
        ? { what: c.formatId ? c.reason : 'Password', secret: value, live: isProviderIssued(c.formatId) }
        : undefined;
    }
    case 'secret':
      return secretVerdict(value, slot.property?.split('.').pop() ?? slot.name);
    case 'named':
      for (const where of slot.names ?? []) {
        const nameNode = slotNodes(flowOf(sourceCode), call, where.index, where.property)[0];
        const name = nameNode && staticString(nameNode);
        const c = name === undefined ? undefined : classifyValue(value, { name });
        if (c?.secret)
          return { what: c.formatId ? c.reason : 'Secret', secret: value, live: isProviderIssued(c.formatId) };
      }
      return undefined;
  }
}

/**
 * A client's credential slots: a password slot is judged as a password (positional too:
 * `new Sequelize(db, user, '…')`), a URL slot by the credential formats in it, a secret slot as a secret.
 */
function checkClient(found: Candidates, sourceCode: TSESLint.SourceCode, call: Call, client: CredentialClient): void {
  const flow = flowOf(sourceCode);
  for (const slot of client.slots)
    for (const valueNode of slotNodes(flow, call, slot.index, slot.property))
      for (const origin of keyOrigins(sourceCode, valueNode)) {
        const v = judge(origin, slot, call, sourceCode);
        if (!v) continue;
        found.offer({
          node: origin.node,
          messageId: 'clientCredential',
          data: { what: v.what, redacted: v.secret ? redact(v.secret) : '(bytes)', client: client.title },
          rank: 3,
          liveFormat: v.live,
          valueType: origin.kind === 'string' ? 'text' : 'bytes',
          origin,
        });
      }
}

/** The catalogue's credential clients whose call matcher accepts this call, each checked for its slots. */
export function checkClientCall(
  found: Candidates,
  sourceCode: TSESLint.SourceCode,
  node: Call,
  imports: ImportMap,
): void {
  for (const client of clientsOf(node, imports, sourceCode.getScope(node)))
    checkClient(found, sourceCode, node, client);
}

/** The catalogue clients a call makes (memoised by callee path), or none. */
function clientsOf(node: Call, imports: ImportMap, scope: TSESLint.Scope.Scope): readonly CredentialClient[] {
  const cp = node.arguments.length > 0 ? calleePathOf(node, imports, scope) : undefined;
  if (!cp || !clientReach(cp)) return [];
  const key = calleePathKey(cp);
  let matching = clientsByPath.get(key);
  if (!matching) {
    if (clientsByPath.size >= MEMO_LIMIT) clientsByPath.clear();
    matching = clients.filter(({ matches }) => matches(cp)).map(({ client }) => client);
    clientsByPath.set(key, matching);
  }
  return matching;
}

/**
 * The client and credential slot `value` is written at, in `call`: `new Stripe(stripeKey)`, `createTransport({ auth:
 * { pass } })`, or the options binding that holds the slot (`createTransport(smtpOptions)`, `within: 'auth.pass'`).
 * For flow/roles.ts: a value the file hands to a client as its credential is a secret, whatever its name.
 */
export function clientCredentialAt(
  value: TSESTree.Node,
  call: Call,
  imports: ImportMap,
  scope: TSESLint.Scope.Scope,
): { readonly client: CredentialClient; readonly holds: Slot['holds']; readonly within?: string } | undefined {
  // The argument holding `value`, and the property path from it down to `value`.
  const path: string[] = [];
  let n: TSESTree.Node = value;
  while (n.parent && n.parent !== call) {
    const p: TSESTree.Node = n.parent;
    if (p.type === T.Property && p.value === n && !p.computed && p.parent.type === T.ObjectExpression) {
      const k = propertyName(p);
      if (k === undefined) return undefined;
      path.unshift(k);
      n = p.parent;
      continue;
    }
    return undefined;
  }
  const index = call.arguments.indexOf(n as TSESTree.CallExpressionArgument);
  if (index < 0) return undefined;
  for (const client of clientsOf(call, imports, scope))
    for (const slot of client.slots) {
      if (slot.index !== index || !secretSlotKinds.names.has(slot.holds)) continue;
      const want = slot.property?.split('.') ?? [];
      const same = path.every((p, i) => want[i] === '*' || want[i] === p);
      if (same && want.length === path.length) return { client, holds: slot.holds };
      // `createTransport(smtpOptions)`: a binding holding the options, the credential inside it (`auth.pass`).
      if (same && want.length > path.length && unwrap(value).type === T.Identifier)
        return { client, holds: slot.holds, within: want.slice(path.length).join('.') };
    }
  return undefined;
}

/**
 * The credential a client call is given in its own arguments (`createTransport({ auth: { pass: '…' } })`,
 * `new Stripe(key)`): the slot's title (`password (auth.pass) of nodemailer SMTP transport`), or undefined.
 * Empty strings and `undefined` are no credential.
 */
export function clientCredentialWritten(
  call: Call,
  imports: ImportMap,
  scope: TSESLint.Scope.Scope,
): string | undefined {
  for (const client of clientsOf(call, imports, scope))
    for (const slot of client.slots) {
      if (!secretSlotKinds.names.has(slot.holds)) continue;
      const arg = call.arguments[slot.index];
      if (!arg || arg.type === T.SpreadElement) continue;
      const values = slot.property === undefined ? [arg] : propertyValues(arg, slot.property.split('.'));
      const given = values.some((v) => {
        const u = unwrap(v);
        return (
          !(u.type === T.Literal && (u.value === '' || u.value === null)) &&
          !(u.type === T.Identifier && u.name === 'undefined')
        );
      });
      const where = slot.property ?? `argument ${slot.index + 1}`;
      if (given) return `${slot.holds === 'password' ? 'password' : 'secret'} (${where}) of ${client.title}`;
    }
  return undefined;
}
