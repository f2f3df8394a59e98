import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { credentialClients, type CredentialClient } from '../src/catalogue/clients.js';
import { secretRoles } from '../src/catalogue/sinks.js';
import {
  classifyValue,
  findCredentials,
  isPrivateJwk,
  isSecretEnvName,
  isSecretName,
  redact,
} from '../src/detect/index.js';
import { bindingNameOf, envVarName, propertyName, staticString, unwrap } from '../src/rule-kit/ast.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { flowOf } from '../src/rule-kit/flow/engine.js';
import { collectImports, type ImportMap } from '../src/rule-kit/imports.js';
import { calleePathOf, matchSinks, shapeMatcher } from '../src/rule-kit/sinks.js';
import { isProviderIssued, isTestFile } from '../src/rule-kit/files.js';
import { envSuggestion, keystoreSuggestion, type SuggestedValue } from '../src/rule-kit/fixes.js';
import type { Origin } from '../src/rule-kit/values.js';

type MessageIds =
  | 'hardcodedKey'
  | 'credential'
  | 'fallbackKey'
  | 'fallbackSecret'
  | 'clientCredential'
  | 'secretName'
  | 'privateJwk'
  | 'useKeystore'
  | 'useEnv';
type Options = [{ testFiles?: 'formats-only' | 'all' }];

interface Candidate {
  readonly node: TSESTree.Node;
  readonly loc?: TSESTree.SourceLocation;
  readonly messageId: Exclude<MessageIds, 'useKeystore' | 'useEnv'>;
  readonly data: Record<string, string>;
  /** Higher wins when two candidates share a node. */
  readonly rank: number;
  /** A provider-issued credential (`isProviderIssued`): reported in test and example files too. */
  readonly liveFormat: boolean;
  readonly origin?: Origin;
  readonly valueType?: SuggestedValue;
  readonly sinkId?: string;
}

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

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow key material, credentials and private keys written into source code',
      recommended: 'recommended',
      strictOptions: [{ testFiles: 'all' }],
      category: 'hardcoded-key',
      cwe: [321, 798],
    },
    hasSuggestions: true,
    messages: {
      hardcodedKey:
        '{{what}} {{redacted}} is hardcoded and reaches {{sink}}. It is in version control history now: rotate ' +
        'it, then load it at run time.',
      credential:
        '{{what}} {{redacted}} is hardcoded. It is in version control history now: rotate it, then load it at ' +
        'run time.',
      fallbackKey:
        'Hardcoded fallback key {{redacted}} for {{from}} reaches {{sink}}: when the variable is unset, the ' +
        'committed key is used. It is in version control history now: rotate it.',
      fallbackSecret:
        'Hardcoded fallback {{what}} {{redacted}} for {{from}}: when the variable is unset, the committed value ' +
        'is used. It is in version control history now: rotate it.',
      clientCredential:
        '{{what}} {{redacted}} is hardcoded in the options of {{client}}. It is in version control history now: ' +
        'rotate it, then load it at run time.',
      secretName:
        "High-entropy value {{redacted}} under the secret name '{{name}}' is a hardcoded key. It is in version " +
        'control history now: rotate it, then load it at run time.',
      privateJwk:
        'Private JWK (member {{member}}) is hardcoded{{sink}}. It is in version control history now: rotate the ' +
        'key pair.',
      useKeystore: "Load the key from the keyhygiene keystore: loadSecret('{{keyName}}').",
      useEnv: 'Read the key from the environment variable {{env}}.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          testFiles: {
            type: 'string',
            enum: ['formats-only', 'all'],
            description:
              'In test, fixture and example files, report only provider-issued credentials ' +
              "('formats-only', the default), or everything ('all').",
          },
        },
      },
    ],
  },
  defaultOptions: [{ testFiles: 'formats-only' }],
  create(context, [{ testFiles }]) {
    const sourceCode = context.sourceCode;
    const getScope = (n: TSESTree.Node): TSESLint.Scope.Scope => sourceCode.getScope(n);
    const inTestFile = testFiles !== 'all' && isTestFile(context.filename, context.cwd);
    const candidates = new Map<TSESTree.Node, Candidate>();
    let imports: ImportMap = new Map();

    const offer = (c: Candidate): void => {
      const prev = candidates.get(c.node);
      if (!prev || prev.rank < c.rank) candidates.set(c.node, c);
    };

    /** Literal origins of a sink argument. */
    const checkSinkValue = (
      origin: Origin,
      sinkTitle: string,
      sinkId: string,
      valueType: 'string' | 'bytes' | 'any' | undefined,
    ): void => {
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
          offer({
            ...base,
            messageId: 'fallbackKey',
            data: { redacted, from: origin.fallbackFrom ?? 'the configured source', sink: where },
            rank: 4,
            liveFormat: issued,
          });
        } else {
          offer({
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
        offer({
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
        checkJwk(origin.node, ` and reaches ${where}`);
    };

    /** A JWK object literal with private members. */
    const checkJwk = (obj: TSESTree.ObjectExpression, sink: string): void => {
      const members: Record<string, string> = {};
      for (const p of obj.properties) {
        if (p.type !== T.Property) continue;
        const k = propertyName(p);
        const v = staticString(p.value);
        if (k !== undefined && v !== undefined) members[k] = v;
      }
      if (!isPrivateJwk(members)) return;
      const member = members.kty === 'oct' ? 'k' : (['d', 'p', 'q', 'dp', 'dq', 'qi'].find((m) => m in members) ?? 'd');
      offer({ node: obj, messageId: 'privateJwk', data: { member, sink }, rank: 3, liveFormat: false });
    };

    /**
     * A client's credential slots (catalogue `credentialClients`): a password slot is judged as a password
     * (positional too: `new Sequelize(db, user, '…')`), a URL slot by the credential formats in it.
     */
    const checkClient = (call: TSESTree.CallExpression | TSESTree.NewExpression, client: CredentialClient): void => {
      for (const slot of client.slots) {
        const arg = call.arguments[slot.index];
        if (!arg || arg.type === T.SpreadElement) continue;
        const flow = flowOf(sourceCode);
        const argValues = slot.property === undefined ? [arg] : [arg, ...flow.origins(arg).map((o) => o.node)];
        const nodes =
          slot.property === undefined
            ? argValues
            : argValues.flatMap((v) => propertyValues(v, slot.property!.split('.')));
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
            offer({
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
    };

    /**
     * `process.env.X ?? '…'` and `|| '…'` outside a key sink (a config module): the literal is judged under the
     * variable's name and the name the whole expression is stored under (`password: process.env.DB_PASS || '…'`).
     * `'localhost'`, `'3000'` and `'development'` are under no secret name; placeholders are never secrets.
     */
    const checkFallback = (node: TSESTree.LogicalExpression): void => {
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
        offer({
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
    };

    /** Credential formats anywhere in a string. */
    const checkText = (node: TSESTree.Node, text: string): void => {
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
        offer({
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
        offer({
          node,
          messageId: 'secretName',
          data: { redacted: redact(text), name },
          rank: 1,
          liveFormat: false,
          valueType: 'text',
          origin: { kind: 'string', node, replace: node, value: text, name },
        });
      }
    };

    return {
      Program(program) {
        imports = collectImports(program);
        for (const comment of sourceCode.getAllComments()) {
          const [m] = findCredentials(comment.value);
          if (m)
            offer({
              node: comment as unknown as TSESTree.Node,
              loc: comment.loc,
              messageId: 'credential',
              data: { what: m.format.title, redacted: redact(m.secret) },
              rank: 2,
              liveFormat: isProviderIssued(m.format.id),
            });
        }
      },
      'CallExpression, NewExpression'(node: TSESTree.CallExpression | TSESTree.NewExpression) {
        for (const hit of matchSinks(node, imports, getScope(node), secretRoles as ReadonlySet<string>)) {
          for (const origin of flowOf(sourceCode).origins(hit.node))
            checkSinkValue(origin, hit.sink.title, hit.sink.id, hit.sink.valueType);
        }
        const cp = node.arguments.length > 0 ? calleePathOf(node, imports, getScope(node)) : undefined;
        if (cp) for (const { client, matches } of clients) if (matches(cp)) checkClient(node, client);
      },
      'LogicalExpression[operator="??"], LogicalExpression[operator="||"]'(node: TSESTree.LogicalExpression) {
        checkFallback(node);
      },
      Literal(node) {
        if (typeof node.value === 'string') checkText(node, node.value);
      },
      // A key built by concatenation (`'<prefix>_' + '…'`) is judged whole, at the top of the `+` chain.
      'BinaryExpression[operator="+"]'(node: TSESTree.BinaryExpression) {
        if (node.parent.type === T.BinaryExpression && node.parent.operator === '+') return;
        const text = concatenatedText(node);
        if (text !== undefined) checkText(node, text);
      },
      TemplateLiteral(node) {
        if (node.expressions.length === 0) checkText(node, node.quasis[0]?.value.cooked ?? '');
        else
          for (const q of node.quasis)
            if (q.value.cooked) {
              const [m] = findCredentials(q.value.cooked);
              if (m)
                offer({
                  node: q,
                  messageId: 'credential',
                  data: { what: m.format.title, redacted: redact(m.secret) },
                  rank: 2,
                  liveFormat: isProviderIssued(m.format.id),
                });
            }
      },
      ObjectExpression(node) {
        if (node.properties.some((p) => p.type === T.Property && propertyName(p) === 'kty')) checkJwk(node, '');
      },
      'Program:exit'() {
        for (const c of candidates.values()) {
          if (inTestFile && !c.liveFormat) continue;
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
          if (
            c.origin &&
            (c.messageId === 'hardcodedKey' ||
              c.messageId === 'fallbackKey' ||
              c.messageId === 'fallbackSecret' ||
              c.messageId === 'clientCredential' ||
              c.messageId === 'secretName' ||
              c.messageId === 'credential')
          ) {
            const ks = keystoreSuggestion(context, c.origin, c.valueType, c.sinkId);
            if (ks) suggest.push({ messageId: 'useKeystore', data: { keyName: ks.keyName }, fix: ks.fix });
            const env = envSuggestion(context, c.origin, c.valueType, c.sinkId);
            if (env) suggest.push({ messageId: 'useEnv', data: { env: env.env }, fix: env.fix });
          }
          context.report({
            ...(c.loc ? { loc: c.loc } : { node: c.node }),
            messageId: c.messageId,
            data: c.data,
            ...(suggest.length ? { suggest } : {}),
          });
        }
      },
    };
  },
});
