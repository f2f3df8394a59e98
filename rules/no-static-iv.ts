import type { TSESTree } from '@typescript-eslint/utils';
import type { KeySink, SinkRole } from '../src/catalogue/types.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { isTestFile } from '../src/rule-kit/files.js';
import { collectImports } from '../src/rule-kit/imports.js';
import { checkIvCall, checkIvMaker, IvFile } from '../src/rule-kit/iv-findings.js';
import { enclosingFunction } from '../src/rule-kit/ast.js';
import { legacyReadMessage, legacyReadPath, renderMessage } from '../src/rule-kit/legacy-reads.js';
import { matchSinks, type SinkHit } from '../src/rule-kit/sinks.js';

type MessageIds =
  'staticIv' | 'reusedIv' | 'repeatedIv' | 'ivFromKey' | 'clockIv' | 'staticSalt' | 'freshIv' | 'legacyRead';
type Options = [];
type Call = TSESTree.CallExpression | TSESTree.NewExpression;

const IV_ROLES: ReadonlySet<SinkRole> = new Set(['iv', 'nonce', 'salt', 'algorithm', 'key', 'private-key']);

const rule = createRule<Options, MessageIds>({
  name: 'no-static-iv',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow IVs, nonces and salts that are constant, made once and reused, or derived from the key',
      recommended: 'recommended',
      category: 'static-iv',
      cwe: [329, 1204, 760],
      // A decrypting call of a construction the module never encrypts with (src/rule-kit/legacy-reads.ts).
      messageSeverity: { legacyRead: 'low' },
    },
    hasSuggestions: true,
    messages: {
      staticIv:
        '{{what}} is the {{role}} of {{sink}}: the same {{role}} for every message under one key shows ' +
        'which messages are equal or share a prefix, and with GCM or ChaCha20-Poly1305 lets an attacker ' +
        'forge messages.',
      reusedIv:
        'The {{role}} {{name}} is made once and reused by every call of {{fn}} to {{sink}}: the same ' +
        '{{role}} for every message under one key shows which messages are equal or share a prefix, and ' +
        'with GCM or ChaCha20-Poly1305 lets an attacker forge messages.',
      repeatedIv:
        'The {{role}} {{name}} was already given to {{sink}} on line {{line}} under the same key: this message ' +
        "repeats that one's {{role}}, which shows where the two are equal and, with GCM or ChaCha20-Poly1305, lets " +
        'an attacker forge messages. Make a fresh random {{role}} for each message.',
      clockIv:
        '{{source}} makes the {{role}} of {{sink}}: a clock reading or process id repeats (two calls in ' +
        'one tick, two hosts) and can be guessed, so the {{role}} is not unique. Use a fresh random ' +
        '{{role}}.',
      ivFromKey:
        'The {{role}} of {{sink}} is derived from the key, so it is the same for every message under that ' +
        'key. Use a fresh random {{role}} per message.',
      staticSalt:
        '{{what}} is the salt of {{sink}}: with one salt for every password, equal passwords give equal ' +
        'keys and one precomputed table attacks them all. Use a random 16-byte salt per password.',
      legacyRead: legacyReadMessage,
      freshIv:
        'Make a fresh random {{role}} for each {{unit}} with {{call}}, and store it beside the {{output}}: ' +
        '{{reverse}} needs it.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    // Test files use fixed test vectors on purpose (the documented test-file policy).
    if (isTestFile(context.filename, context.cwd)) return {};
    const file = new IvFile(context);

    return {
      Program(program) {
        file.imports = collectImports(program);
      },
      'CallExpression, NewExpression'(node: Call) {
        const hits = matchSinks(node, file.imports, file.getScope(node), IV_ROLES);
        if (hits.length === 0) return;
        const bySink = new Map<KeySink, SinkHit[]>();
        for (const h of hits) bySink.set(h.sink, [...(bySink.get(h.sink) ?? []), h]);
        for (const [sink, group] of bySink)
          if (group.some((h) => h.arg.role === 'iv' || h.arg.role === 'nonce' || h.arg.role === 'salt'))
            checkIvCall(file, node, sink, group);
      },
      ReturnStatement(node) {
        const fn = node.argument && enclosingFunction(node);
        if (fn && node.argument) checkIvMaker(file, fn, node.argument);
      },
      'ArrowFunctionExpression[expression=true]'(node: TSESTree.ArrowFunctionExpression) {
        checkIvMaker(file, node, node.body);
      },
      'Program:exit'() {
        file.settle();
        const messages = rule.meta.messages as Record<MessageIds, string>;
        // Read-only legacy paths: decrypting findings where no other finding of the rule is in the file.
        const written = [...file.findings.values()].some((f) => !f.decrypting);
        for (const [node, f] of file.findings) {
          const why = !written && f.decrypting && legacyReadPath(f.decrypting, context.sourceCode);
          context.report({
            node,
            ...(why
              ? { messageId: 'legacyRead', data: { why, detail: renderMessage(messages[f.messageId], f.data) } }
              : { messageId: f.messageId, data: f.data }),
            ...(f.suggest?.length ? { suggest: f.suggest } : {}),
          });
        }
      },
    };
  },
});

export default rule;
