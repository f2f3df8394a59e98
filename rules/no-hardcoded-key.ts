import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { secretRoles } from '../src/catalogue/sinks.js';
import { classifyValue, findCredentials, isPrivateJwk, redact } from '../src/detect/index.js';
import { bindingNameOf, propertyName, staticString } from '../src/rule-kit/ast.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { flowOf } from '../src/rule-kit/flow/engine.js';
import { collectImports, type ImportMap } from '../src/rule-kit/imports.js';
import { matchSinks } from '../src/rule-kit/sinks.js';
import { isProviderIssued, isTestFile } from '../src/rule-kit/files.js';
import { envSuggestion, keystoreSuggestion, type SuggestedValue } from '../src/rule-kit/fixes.js';
import type { Origin } from '../src/rule-kit/values.js';

type MessageIds =
  'hardcodedKey' | 'credential' | 'fallbackKey' | 'secretName' | 'privateJwk' | 'useKeystore' | 'useEnv';
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
        '{{what}} {{redacted}} is hardcoded and reaches {{sink}}. It is in version control history now: rotate it, then load it at run time.',
      credential:
        '{{what}} {{redacted}} is hardcoded. It is in version control history now: rotate it, then load it at run time.',
      fallbackKey:
        'Hardcoded fallback key {{redacted}} for {{from}} reaches {{sink}}: when the variable is unset, the committed key is used. It is in version control history now: rotate it.',
      secretName:
        "High-entropy value {{redacted}} under the secret name '{{name}}' is a hardcoded key. It is in version control history now: rotate it, then load it at run time.",
      privateJwk:
        'Private JWK (member {{member}}) is hardcoded{{sink}}. It is in version control history now: rotate the key pair.',
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

    /** Credential formats anywhere in a string. */
    const checkText = (node: TSESTree.Node, text: string): void => {
      if (text.length < 8) return;
      const name = bindingNameOf(node);
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
      },
      Literal(node) {
        if (typeof node.value === 'string') checkText(node, node.value);
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
