import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, ASTUtils } from '@typescript-eslint/utils';
import { constantSaltKdf, decryptSinkPattern, fixedIvCipher, stateReadingKinds } from '../src/catalogue/randomness.js';
import type { KeySink, SinkRole } from '../src/catalogue/types.js';
import {
  constInitOf,
  enclosingFunction,
  findVariable,
  isFunctionNode,
  staticString,
  unwrap,
} from '../src/rule-kit/ast.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { flowOf } from '../src/rule-kit/flow/engine.js';
import { isTestFile } from '../src/rule-kit/files.js';
import { ensureBinding } from '../src/rule-kit/fixes.js';
import { collectImports, type ImportMap } from '../src/rule-kit/imports.js';
import { functionName } from '../src/rule-kit/flow/functions.js';
import { freeName, ivSizeOf, nodeCryptoRef, optionValue } from '../src/rule-kit/iv.js';
import { declaredVariable, derivedFrom, reusedBinding, writtenInPlace } from '../src/rule-kit/reuse.js';
import { matchSinks, type SinkHit } from '../src/rule-kit/sinks.js';
import type { Origin } from '../src/rule-kit/values.js';

type MessageIds = 'staticIv' | 'reusedIv' | 'ivFromKey' | 'clockIv' | 'staticSalt' | 'freshIv';
type Options = [];
type Node = TSESTree.Node;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;
type Role = 'iv' | 'nonce' | 'salt';

const ROLE_LABEL: Record<Role, string> = { iv: 'IV', nonce: 'nonce', salt: 'salt' };
const IV_ROLES: ReadonlySet<SinkRole> = new Set(['iv', 'nonce', 'salt', 'algorithm', 'key']);

export default createRule<Options, MessageIds>({
  name: 'no-static-iv',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow IVs, nonces and salts that are constant, made once and reused, or derived from the key',
      recommended: 'recommended',
      category: 'static-iv',
      cwe: [329, 1204, 760],
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
    const sourceCode = context.sourceCode;
    const getScope = (n: Node): TSESLint.Scope.Scope => sourceCode.getScope(n);
    let imports: ImportMap = new Map();
    const findings = new Map<
      Node,
      {
        messageId: MessageIds;
        data: Record<string, string>;
        suggest?: TSESLint.SuggestionReportDescriptor<MessageIds>[];
      }
    >();
    const offer = (f: {
      node: Node;
      messageId: MessageIds;
      data: Record<string, string>;
      suggest?: TSESLint.SuggestionReportDescriptor<MessageIds>[] | undefined;
    }): void => {
      const prev = findings.get(f.node);
      // Two checks on one node (a shared IV seen by the cipher and the decipher): keep the one with a fix.
      if (!prev || (!prev.suggest?.length && f.suggest?.length))
        findings.set(f.node, { messageId: f.messageId, data: f.data, ...(f.suggest ? { suggest: f.suggest } : {}) });
    };

    /** How a constant origin reads in a message, or undefined when it is not a constant. */
    const constantWhat = (o: Origin): string | undefined => {
      switch (o.kind) {
        case 'string':
          return 'A string literal';
        case 'bytes':
          return o.length === undefined ? 'A literal buffer' : `A literal ${o.length}-byte buffer`;
        case 'zeros': {
          const v = declaredVariable(o.replace, sourceCode);
          if (v && writtenInPlace(v)) return undefined;
          return o.length === undefined ? 'An all-zero buffer' : `An all-zero ${o.length}-byte buffer`;
        }
        case 'env':
          return `The configured value process.env.${o.ref ?? ''}`.replace(/\.$/, '');
        default:
          return undefined;
      }
    };

    /** HKDF, by sink or by the WebCrypto algorithm name: a constant salt is allowed (RFC 5869 §3.1). */
    const allowsConstantSalt = (sink: KeySink, call: Call): boolean => {
      if (constantSaltKdf.sinkIds.includes(sink.id)) return true;
      const name = staticString(optionValue(call.arguments[0], 'name', getScope));
      return name !== undefined && constantSaltKdf.algorithmNames.includes(name.toUpperCase());
    };

    /** An IV, nonce or salt made from the clock or the process id (and nothing random): reported at each reading. */
    const offerClockReading = (
      expr: Node,
      base: { sink: string; role: string },
      role: Role,
      call: Call,
      sink: KeySink,
      hits: readonly SinkHit[],
    ): boolean => {
      const t = flowOf(sourceCode).taint.taintOf(expr);
      if (t.entropy) return false;
      // A fresh value replaces the expression (or its initialiser); not a reading written in afterwards.
      const e = unwrap(expr);
      const made = e.type === T.Identifier ? (constInitOf(e, getScope(e)) ?? e) : e;
      const within = (n: Node): boolean => n.range[0] >= made.range[0] && n.range[1] <= made.range[1];
      let found = false;
      for (const w of t.weak) {
        if (w.kind !== 'source' || !stateReadingKinds.has(w.source.kind)) continue;
        found = true;
        offer({
          node: w.node,
          messageId: 'clockIv',
          data: { ...base, source: w.source.title },
          suggest: within(w.node) ? freshSuggestion(expr, call, sink, role, hits) : undefined,
        });
      }
      return found;
    };

    const checkCall = (call: Call, sink: KeySink, hits: readonly SinkHit[]): void => {
      {
        const algorithm = staticString(hits.find((h) => h.arg.role === 'algorithm')?.node);
        if (algorithm !== undefined && fixedIvCipher.pattern.test(algorithm)) return;
        const keyArg = hits.find((h) => h.arg.role === 'key')?.node;
        for (const h of hits) {
          const role = h.arg.role;
          if (role !== 'iv' && role !== 'nonce' && role !== 'salt') continue;
          if (role === 'salt' && allowsConstantSalt(sink, call)) continue;
          const label = ROLE_LABEL[role];
          const base = { sink: sink.title, role: label };
          if (role !== 'salt' && keyArg && derivedFrom(h.node, keyArg, sourceCode)) {
            offer({
              node: h.node,
              messageId: 'ivFromKey',
              data: base,
              suggest: freshSuggestion(h.node, call, sink, role, hits),
            });
            continue;
          }
          const origins = flowOf(sourceCode).origins(h.node);
          const constant = origins.map((o) => ({ o, what: constantWhat(o) }));
          const hit = constant.every((c) => c.what !== undefined)
            ? constant[0]
            : constant.find((c) => c.what !== undefined && c.o.fallback);
          if (hit?.what !== undefined) {
            offer({
              node: hit.o.node,
              messageId: role === 'salt' ? 'staticSalt' : 'staticIv',
              data: { ...base, what: hit.what },
              suggest: freshSuggestion(h.node, call, sink, role, hits),
            });
            continue;
          }
          if (offerClockReading(h.node, base, role, call, sink, hits)) continue;
          const reused = reusedBinding(h.node, call, sourceCode);
          if (reused) {
            const fn = `${functionName(reused.fn) ?? 'the function'}()`;
            if (role === 'salt')
              offer({
                node: reused.node,
                messageId: 'staticSalt',
                data: { ...base, what: `The module-level salt ${reused.name}, shared by every call of ${fn},` },
                suggest: freshSuggestion(h.node, call, sink, role, hits),
              });
            else
              offer({
                node: reused.node,
                messageId: 'reusedIv',
                data: { ...base, name: reused.name, fn },
                suggest: freshSuggestion(h.node, call, sink, role, hits),
              });
          }
        }
      }
    };

    /** A fresh random IV (or salt) per call, declared just before the statement that makes the cipher. */
    function freshSuggestion(
      ivExpr: Node,
      call: Call,
      sink: KeySink,
      role: 'iv' | 'nonce' | 'salt',
      hits: readonly SinkHit[],
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] | undefined {
      if (
        decryptSinkPattern.test(sink.id) ||
        !/^(?:node-crypto|webcrypto|tweetnacl|noble|noble-ciphers)\./.test(sink.id)
      )
        return undefined;
      let stmt: Node = call;
      while (
        stmt.parent &&
        stmt.parent.type !== T.BlockStatement &&
        stmt.parent.type !== T.Program &&
        stmt.parent.type !== T.SwitchCase
      ) {
        if (isFunctionNode(stmt.parent)) return undefined;
        stmt = stmt.parent;
      }
      if (!stmt.parent || !enclosingFunction(call)) return undefined;
      const size = role === 'salt' ? 16 : ivSizeOf(sink, hits, getScope);
      const web = sink.id.startsWith('webcrypto.');
      const ref = web ? undefined : nodeCryptoRef(imports, 'randomBytes');
      const fresh = web ? `crypto.getRandomValues(new Uint8Array(${size}))` : `${ref!.text}(${size})`;
      if (ref?.add && !freeName('randomBytes', getScope(call), imports)) return undefined;
      const indent = ' '.repeat(stmt.loc.start.column);
      const e = unwrap(ivExpr);
      const label = ROLE_LABEL[role];
      const data =
        role === 'salt'
          ? { role: label, unit: 'password', call: fresh, output: 'hash', reverse: 'verification' }
          : { role: label, unit: 'message', call: fresh, output: 'ciphertext', reverse: 'decryption' };
      const withImport = (fixer: TSESLint.RuleFixer, fixes: TSESLint.RuleFix[]): TSESLint.RuleFix[] => {
        const imp = ref?.add ? ensureBinding(fixer, context, ['randomBytes'], 'node:crypto') : undefined;
        return imp ? [...fixes, imp] : fixes;
      };
      const statement = stmt;
      if (e.type === T.Identifier) {
        const v = findVariable(getScope(e), e);
        const def = v?.defs[0];
        if (!v || def?.node.type !== T.VariableDeclarator || !def.node.init) return undefined;
        const init = def.node.init;
        const fn = enclosingFunction(call);
        if (fn && def.node.range[0] >= fn.range[0] && def.node.range[1] <= fn.range[1]) {
          return [{ messageId: 'freshIv', data, fix: (fixer) => withImport(fixer, [fixer.replaceText(init, fresh)]) }];
        }
        // Shadow the shared binding with a fresh one; not when the name is read earlier in the same block.
        const block = statement.parent!;
        if (
          v.references.some(
            (r) => r.identifier.range[0] >= block.range[0] && r.identifier.range[0] < statement.range[0],
          )
        )
          return undefined;
        return [
          {
            messageId: 'freshIv',
            data,
            fix: (fixer) =>
              withImport(fixer, [fixer.insertTextBefore(statement, `const ${e.name} = ${fresh};\n${indent}`)]),
          },
        ];
      }
      const name = [role, `fresh${label}`].find((n) => !ASTUtils.findVariable(getScope(call), n));
      if (name === undefined || (e.parent?.type === T.Property && e.parent.shorthand)) return undefined;
      return [
        {
          messageId: 'freshIv',
          data,
          fix: (fixer) =>
            withImport(fixer, [
              fixer.insertTextBefore(statement, `const ${name} = ${fresh};\n${indent}`),
              fixer.replaceText(ivExpr, name),
            ]),
        },
      ];
    }

    return {
      Program(program) {
        imports = collectImports(program);
      },
      'CallExpression, NewExpression'(node: Call) {
        const hits = matchSinks(node, imports, getScope(node), IV_ROLES);
        const bySink = new Map<KeySink, SinkHit[]>();
        for (const h of hits) bySink.set(h.sink, [...(bySink.get(h.sink) ?? []), h]);
        for (const [sink, group] of bySink)
          if (group.some((h) => h.arg.role === 'iv' || h.arg.role === 'nonce' || h.arg.role === 'salt'))
            checkCall(node, sink, group);
      },
      'Program:exit'() {
        for (const [node, f] of findings)
          context.report({
            node,
            messageId: f.messageId,
            data: f.data,
            ...(f.suggest?.length ? { suggest: f.suggest } : {}),
          });
      },
    };
  },
});
