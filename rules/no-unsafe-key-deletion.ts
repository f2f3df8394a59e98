import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, TSESLint } from '@typescript-eslint/utils';
import {
  exposeMethods,
  fileDeletionApis,
  keyBytesTypes,
  keyProducers,
  kmsPlaintextMember,
  stringEncodings,
  wipes,
  type KeyProducer,
} from '../src/catalogue/deletion.js';
import { loggerName, logMethods, plaintextFileWrites } from '../src/catalogue/loggers.js';
import { isHashName, normaliseName } from '../src/detect/index.js';
import {
  bindingNameOf,
  calleeName,
  constInitOf,
  enclosingFunction,
  findVariable,
  propertyName,
  staticString,
  unwrap,
  type FunctionNode,
} from '../src/rule-kit/ast.js';
import { matchCallPattern, patternMatches } from '../src/rule-kit/call-patterns.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { flowOf } from '../src/rule-kit/flow/engine.js';
import { isTestFile } from '../src/rule-kit/files.js';
import { collectImports } from '../src/rule-kit/imports.js';
import {
  exportsPublicKey,
  isDataKeyPlaintext,
  isDataKeyResponse,
  isPrivateExport,
} from '../src/rule-kit/key-exports.js';
import { createKeyFileTracker } from '../src/rule-kit/key-files.js';
import { declaredKeyHolder, identityOf, isKeyMaterialName as isKeyName } from '../src/rule-kit/key-holders.js';
import { calleePathOf, type CalleePath } from '../src/rule-kit/sinks.js';
import type { Origin } from '../src/rule-kit/values.js';
import { finallyOf, handOff, wipeStatement, wipeTarget, wrapInFinally, type Wipe } from '../src/rule-kit/wipes.js';

type MessageIds =
  | 'keyFileDeleted'
  | 'keyDropped'
  | 'keyNotWiped'
  | 'wipeMissesExits'
  | 'keyAsString'
  | 'useDestroyKeyFile'
  | 'wipeInFinally';
type Options = [{ memory?: 'drops' | 'all-exits' }];

/** `x = null`, `delete x.k`, `map.delete(id)`: key material released, decided at the end of the file. */
interface Drop {
  readonly node: TSESTree.Node;
  readonly target: TSESTree.Node;
  readonly key: string;
  /** For `map.delete(id)`: the map's identity, and its text (whose `get(…)` results count as wiped aliases). */
  readonly mapKey?: string;
  readonly mapText?: string;
  readonly fn: FunctionNode | undefined;
  readonly how: string;
}

/** A local binding that owns key bytes and must be wiped on every exit (strict), or a KMS data key response. */
interface KeyBinding {
  readonly id: TSESTree.Identifier;
  readonly decl: TSESTree.VariableDeclaration;
  readonly fn: FunctionNode;
  readonly source: string;
}

export default createRule<Options, MessageIds>({
  name: 'no-unsafe-key-deletion',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow deleting keys in ways that leave them recoverable: unlinked key files, and key buffers dropped without a wipe',
      recommended: 'recommended',
      category: 'unsafe-deletion',
      cwe: [459, 226, 244, 212],
      strictOptions: [{ memory: 'all-exits' }],
    },
    hasSuggestions: true,
    messages: {
      keyFileDeleted:
        '{{api}} deletes a key file ({{why}}) without overwriting it: the key bytes stay on disk until the blocks are reused. Destroy the file instead.',
      keyDropped:
        'Key material from {{source}} is dropped ({{how}}) without being wiped: the bytes stay in memory until the garbage collector reuses them. Call {{wipe}} first.',
      keyNotWiped:
        "Key material '{{name}}' from {{source}} is never wiped: clear it with {{name}}.fill(0) in a finally block when done.",
      wipeMissesExits:
        "Key material '{{name}}' from {{source}} is wiped only at the end: an earlier return or throw skips the wipe. Wipe it in a finally block.",
      keyAsString:
        'Key material from {{source}} is turned into a {{encoding}} string for storage: strings cannot be wiped. Keep it in a Buffer and fill(0) it when done.',
      useDestroyKeyFile: 'Use destroyKeyFile() from keyhygiene/keys (overwrites, syncs, unlinks and verifies).',
      wipeInFinally: "Wrap the code that uses '{{name}}' in try/finally and wipe it in finally.",
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          memory: {
            type: 'string',
            enum: ['drops', 'all-exits'],
            description:
              "'drops' (the default) reports key buffers explicitly released (set to null, deleted) without a wipe. 'all-exits' (strict) also requires every key buffer from randomBytes/scryptSync/pbkdf2Sync/hkdfSync/export() to be wiped on every exit path, and reports keys turned into strings.",
          },
        },
      },
    ],
  },
  defaultOptions: [{ memory: 'drops' }],
  create(context, [options]) {
    // The documented test-file policy (see no-hardcoded-key): tests make weak keys, log them and drop them on purpose.
    if (isTestFile(context.filename, context.cwd)) return {};

    const allExits = options.memory === 'all-exits';
    const sourceCode = context.sourceCode;
    const getScope = (n: TSESTree.Node): TSESLint.Scope.Scope => sourceCode.getScope(n);
    const imports = collectImports(sourceCode.ast);
    const { identity, normText } = identityOf(sourceCode);
    const keyFiles = createKeyFileTracker(context, identity);
    const wipesSeen: Wipe[] = [];
    const drops: Drop[] = [];
    /** Members and maps that held key material somewhere in the file (`this.key = …`, `map.set(id, key)`). */
    const keyHolders = new Map<string, string>();
    const keyBindings: KeyBinding[] = [];
    /** KMS GenerateDataKey/Decrypt responses bound in a function: their plaintext must be wiped there. */
    const dataKeyResponses: TSESTree.VariableDeclarator[] = [];
    const exits = new Map<FunctionNode, number[]>();

    const producerOf = (call: TSESTree.CallExpression | TSESTree.NewExpression): KeyProducer | undefined =>
      matchCallPattern(call, imports, getScope(call), keyProducers);

    /** Where key material in `expr` comes from, in words, or undefined when it is not key material. */
    const keySource = (expr: TSESTree.Node, name?: string, allowGeneric = true): string | undefined => {
      for (const o of flowOf(sourceCode).origins(expr)) {
        const s = originSource(o, name, allowGeneric);
        if (s) return s;
      }
      return undefined;
    };
    const originSource = (o: Origin, name?: string, allowGeneric = true): string | undefined => {
      if (o.kind !== 'call' || (o.node.type !== T.CallExpression && o.node.type !== T.NewExpression)) return undefined;
      const call = o.node;
      if (
        call.type === T.CallExpression &&
        call.callee.type === T.MemberExpression &&
        call.arguments.length === 0 &&
        exposeMethods.has(propertyName(call.callee) ?? '')
      ) {
        return `${sourceCode.getText(call.callee.object).slice(0, 40)}.${propertyName(call.callee)}()`;
      }
      if (call.type === T.CallExpression && isPrivateExport(call, imports, getScope(call)))
        return 'a private key export';
      const p = producerOf(call);
      if (!p) return undefined;
      if (p.strength === 'random' && !isKeyName(o.name ?? name, allowGeneric)) return undefined;
      if (exportsPublicKey(p, call)) return undefined;
      return p.title;
    };

    /**
     * What a holder (a Map value, a field) receives: key material by origin, or a binding handed in
     * (a parameter) whose specific key name says it is key bytes (`dek`, `dataKey`; not the bare
     * `key`) and whose annotation, if any, is a byte type (`dek: Buffer`, not `sessionKey: string`).
     */
    const heldKeySource = (expr: TSESTree.Node, name?: string): string | undefined => {
      const s = keySource(expr, name);
      if (s) return s;
      if (isDataKeyPlaintext(expr, imports, getScope(expr))) return 'the KMS plaintext data key';
      const n = unwrap(expr);
      if (n.type !== T.Identifier || !isKeyName(n.name, false)) return undefined;
      const def = findVariable(getScope(n), n)?.defs[0];
      if (def?.type !== TSESLint.Scope.DefinitionType.Parameter || def.name.type !== T.Identifier) return undefined;
      const ann = def.name.typeAnnotation?.typeAnnotation;
      if (
        ann &&
        !(
          ann.type === T.TSTypeReference &&
          ann.typeName.type === T.Identifier &&
          keyBytesTypes.names.has(ann.typeName.name)
        )
      )
        return undefined;
      return `the '${n.name}' parameter`;
    };

    const recordWipe = (call: TSESTree.CallExpression): boolean => {
      const target = wipeTarget(call);
      if (!target) return false;
      const keys = [identity(target)];
      const n = unwrap(target);
      const init = n.type === T.Identifier ? constInitOf(n, getScope(n)) : undefined;
      if (init) keys.push(identity(init));
      const fin = finallyOf(call);
      const statement = wipeStatement(call);
      wipesSeen.push({
        keys,
        fn: enclosingFunction(call),
        start: call.range[0],
        ...(fin ? { finallyOf: fin } : {}),
        ...(statement ? { statement } : {}),
      });
      return true;
    };

    const wipedBefore = (d: Drop): boolean =>
      wipesSeen.some(
        (w) =>
          w.start < d.node.range[0] &&
          w.fn === d.fn &&
          w.keys.some((k) => k === d.key || (d.mapText !== undefined && k.startsWith(`text:${d.mapText}.get(`))),
      );

    /** Writes of key material (a later unlink of that path deletes a key file) and overwrites (then it is fine). */
    const checkWrite = (call: TSESTree.CallExpression, cp: CalleePath): void => {
      const w = plaintextFileWrites.find((p) => p.id === 'fs.writeFile' && patternMatches(p, cp));
      if (!w) return;
      const [p, data] = call.arguments;
      if (!p || !data || p.type === T.SpreadElement || data.type === T.SpreadElement) return;
      const origins = flowOf(sourceCode).origins(data);
      if (origins.some((o) => o.kind === 'zeros')) keyFiles.overwritten(p, call);
      else if (
        origins.some(
          (o) =>
            originSource(o, bindingNameOf(data)) !== undefined ||
            (o.kind === 'string' && /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(o.value ?? '')),
        )
      )
        keyFiles.keyWritten(p);
    };

    /** `scryptSync(…).toString('hex')` stored: a key that can never be wiped (strict). */
    const checkToString = (call: TSESTree.CallExpression): void => {
      const callee = unwrap(call.callee);
      if (callee.type !== T.MemberExpression || propertyName(callee) !== 'toString') return;
      const enc = staticString(call.arguments[0]);
      if (enc === undefined || !stringEncodings.has(enc)) return;
      const stored = bindingNameOf(call);
      const p = call.parent;
      if (stored === undefined && p?.type !== T.ReturnStatement && p?.type !== T.ArrowFunctionExpression) return;
      if (stored !== undefined && isHashName(stored)) return;
      if (p?.type === T.Property && passedToLogger(p)) return;
      const source = keySource(callee.object, stored, false);
      if (!source) return;
      const recv = unwrap(callee.object);
      const recvName = recv.type === T.Identifier ? recv.name : undefined;
      if (recvName !== undefined && isHashName(recvName)) return;
      context.report({ node: call, messageId: 'keyAsString', data: { source, encoding: enc } });
    };

    /** `log.debug({ key: k.toString('hex') })`: a field of a log record is logged, not stored (no-logged-key reports it). */
    const passedToLogger = (prop: TSESTree.Property): boolean => {
      const obj = prop.parent;
      const call = obj?.type === T.ObjectExpression ? obj.parent : undefined;
      if (call?.type !== T.CallExpression || !call.arguments.includes(obj as TSESTree.ObjectExpression)) return false;
      const callee = unwrap(call.callee);
      if (callee.type !== T.MemberExpression || !logMethods.has(propertyName(callee) ?? '')) return false;
      const recv = unwrap(callee.object);
      const name = calleeName(recv);
      return name !== undefined && loggerName.pattern.test(normaliseName(name));
    };

    const addDrop = (node: TSESTree.Node, target: TSESTree.Node, how: string, mapKey?: string): void => {
      const mapText = mapKey === undefined ? undefined : normText(target);
      drops.push({
        node,
        target,
        key: identity(target),
        fn: enclosingFunction(node),
        how,
        ...(mapKey === undefined ? {} : { mapKey, mapText }),
      });
    };

    return {
      CallExpression(call) {
        if (recordWipe(call)) return;
        const callee = unwrap(call.callee);
        const fnName = calleeName(callee);
        if (
          fnName !== undefined &&
          wipes.fileDestroyers.has(fnName) &&
          call.arguments[0] &&
          call.arguments[0].type !== T.SpreadElement
        ) {
          keyFiles.overwritten(call.arguments[0], call);
          return;
        }
        // One canonical callee path per call, matched against each table.
        const cp = calleePathOf(call, imports, getScope(call));
        if (cp) {
          const del = fileDeletionApis.find((p) => patternMatches(p, cp));
          if (del) return reportDeletion(call, keyFiles.deletion(call, del), del.title);
          checkWrite(call, cp);
        }
        if (
          callee.type === T.MemberExpression &&
          fnName === 'set' &&
          call.arguments.length === 2 &&
          call.arguments[1]!.type !== T.SpreadElement
        ) {
          const source = heldKeySource(call.arguments[1]!);
          if (source) keyHolders.set(identity(callee.object), source);
        }
        if (callee.type === T.MemberExpression && fnName === 'delete' && call.arguments.length === 1) {
          const mapKey = identity(callee.object);
          if (keyHolders.has(mapKey))
            addDrop(call, callee.object, `${sourceCode.getText(callee.object)}.delete()`, mapKey);
        }
        if (allExits) checkToString(call);
      },
      AssignmentExpression(node) {
        if (node.operator !== '=') return;
        const right = unwrap(node.right);
        const isNullish =
          (right.type === T.Literal && right.value === null) ||
          (right.type === T.Identifier && right.name === 'undefined') ||
          (right.type === T.UnaryExpression && right.operator === 'void');
        if (!isNullish) {
          if (node.left.type === T.MemberExpression) {
            const source = heldKeySource(node.right, propertyName(node.left));
            if (source) keyHolders.set(identity(node.left), source);
          }
          return;
        }
        // A field initialised to null in a constructor holds nothing yet.
        const fn = enclosingFunction(node);
        if (fn?.parent?.type === T.MethodDefinition && fn.parent.kind === 'constructor') return;
        if (node.left.type === T.Identifier || node.left.type === T.MemberExpression)
          addDrop(node, node.left, `set to ${sourceCode.getText(right)}`);
      },
      UnaryExpression(node) {
        if (node.operator === 'delete' && unwrap(node.argument).type === T.MemberExpression)
          addDrop(node, unwrap(node.argument), 'deleted');
      },
      PropertyDefinition(node) {
        const name = node.key.type === T.PrivateIdentifier ? undefined : propertyName(node);
        if (name === undefined) return;
        const source = node.value ? keySource(node.value, name) : undefined;
        if (source) keyHolders.set(`text:this.${name}`, source);
        else {
          const held = declaredKeyHolder(name, node.typeAnnotation?.typeAnnotation, node.value);
          if (held) keyHolders.set(`text:this.${name}`, `the '${name}' ${held === 'collection' ? 'key map' : 'field'}`);
        }
      },
      VariableDeclarator(node) {
        if (isDataKeyResponse(node.init ?? undefined, imports, getScope(node))) dataKeyResponses.push(node);
        if (node.id.type === T.Identifier) {
          const held = declaredKeyHolder(node.id.name, node.id.typeAnnotation?.typeAnnotation, node.init);
          if (held)
            keyHolders.set(identity(node.id), `the '${node.id.name}' ${held === 'collection' ? 'key map' : 'binding'}`);
        }
        if (!allExits || node.id.type !== T.Identifier || !node.init || node.parent.type !== T.VariableDeclaration)
          return;
        let init = unwrap(node.init.type === T.AwaitExpression ? node.init.argument : node.init);
        if (init.type !== T.CallExpression) return;
        // `Buffer.from(hkdfSync(…))` is a view over the same ArrayBuffer: wiping it wipes the key.
        const inner = init.arguments[0];
        if (
          init.callee.type === T.MemberExpression &&
          sourceCode.getText(init.callee) === 'Buffer.from' &&
          inner &&
          unwrap(inner).type === T.CallExpression
        )
          init = unwrap(inner);
        if (init.type !== T.CallExpression) return;
        const p = producerOf(init);
        if (!p || p.returns !== 'buffer' || (p.strength === 'random' && !isKeyName(node.id.name, false))) return;
        if (isHashName(node.id.name)) return;
        const fn = enclosingFunction(node);
        if (!fn || node.parent.parent?.type !== T.BlockStatement) return;
        keyBindings.push({ id: node.id, decl: node.parent, fn, source: p.title });
      },
      'ReturnStatement, ThrowStatement'(node: TSESTree.ReturnStatement | TSESTree.ThrowStatement) {
        const fn = enclosingFunction(node);
        if (!fn) return;
        const list = exits.get(fn) ?? [];
        list.push(node.range[0]);
        exits.set(fn, list);
      },
      'Program:exit'() {
        for (const d of drops) {
          let source = keyHolders.get(d.mapKey ?? d.key);
          if (!source && d.mapKey === undefined) {
            const t = unwrap(d.target);
            if (
              t.type === T.Identifier ||
              (t.type === T.MemberExpression && unwrap(t.object).type !== T.ThisExpression)
            ) {
              source = flowOf(sourceCode)
                .origins(t)
                .map((o) => originSource(o, t.type === T.Identifier ? t.name : propertyName(t)))
                .find((s) => s !== undefined);
            } else if (t.type === T.MemberExpression) {
              source = flowOf(sourceCode)
                .origins(t)
                .map((o) => originSource(o, propertyName(t)))
                .find((s) => s !== undefined);
            }
          }
          if (!source || wipedBefore(d)) continue;
          const wipe =
            d.mapKey !== undefined
              ? `${sourceCode.getText(d.target)}.get(…).fill(0)`
              : `${sourceCode.getText(d.target)}.fill(0)`;
          context.report({
            node: d.node,
            messageId: 'keyDropped',
            data: { source, how: d.how, wipe: /expose|loadSecret/.test(source) ? 'wipe() on the handle' : wipe },
          });
        }
        for (const b of keyBindings) report(b);
        for (const d of dataKeyResponses) checkDataKey(d);
      },
    };

    function reportDeletion(
      call: TSESTree.CallExpression,
      found: { readonly why: string; readonly fix?: TSESLint.ReportFixFunction } | undefined,
      api: string,
    ): void {
      if (!found) return;
      context.report({
        node: call,
        messageId: 'keyFileDeleted',
        data: { api, why: found.why },
        ...(found.fix ? { suggest: [{ messageId: 'useDestroyKeyFile' as const, fix: found.fix }] } : {}),
      });
    }

    function report(b: KeyBinding): void {
      const v = findVariable(getScope(b.id), b.id);
      if (!v) return;
      const key = identity(b.id);
      // Ownership moves when the buffer is returned, stored, aliased or handed to a constructor: the new owner wipes it.
      for (const r of v.references) {
        if (r.init) continue;
        if (r.isWrite() || handOff(r.identifier, sourceCode)) return;
      }
      const mine = wipesSeen.filter((w) => w.fn === b.fn && w.keys.includes(key) && w.start > b.decl.range[1]);
      if (mine.some((w) => w.finallyOf && w.finallyOf.range[0] > b.decl.range[0])) return;
      const data = { name: b.id.name, source: b.source };
      if (mine.length > 0) {
        const lastWipe = Math.max(...mine.map((w) => w.start));
        const early = (exits.get(b.fn) ?? []).some((e) => e > b.decl.range[1] && e < lastWipe);
        if (!early) return;
      }
      const fix = wrapInFinally(b.decl, b.id.name, mine, sourceCode);
      context.report({
        node: b.id,
        messageId: mine.length > 0 ? 'wipeMissesExits' : 'keyNotWiped',
        data,
        ...(fix ? { suggest: [{ messageId: 'wipeInFinally' as const, data: { name: b.id.name }, fix }] } : {}),
      });
    }

    /**
     * A KMS GenerateDataKey/Decrypt response bound in a function (`const res = await kms.send(…)`,
     * `const { Plaintext } = …`): its plaintext data key, or a copy of it, must be wiped in that function
     * unless the bytes are handed on (returned, stored) to an owner that wipes them.
     */
    function checkDataKey(d: TSESTree.VariableDeclarator): void {
      const fn = enclosingFunction(d);
      const uses: TSESTree.Node[] = [];
      let at: TSESTree.Node = d.id;
      let name = '';
      if (d.id.type === T.Identifier) {
        name = `${d.id.name}.${kmsPlaintextMember}`;
        for (const r of findVariable(getScope(d.id), d.id)?.references ?? []) {
          const m = r.identifier.parent;
          if (m?.type === T.MemberExpression && m.object === r.identifier && propertyName(m) === kmsPlaintextMember)
            uses.push(m);
        }
      } else if (d.id.type === T.ObjectPattern) {
        const prop = d.id.properties.find(
          (p): p is TSESTree.Property => p.type === T.Property && propertyName(p) === kmsPlaintextMember,
        );
        if (prop?.value.type !== T.Identifier) return;
        at = prop;
        name = prop.value.name;
        for (const r of findVariable(getScope(prop.value), prop.value)?.references ?? [])
          if (!r.init) uses.push(r.identifier);
      }
      if (!fn || uses.length === 0) return;
      const keys = new Set<string>();
      for (const u of uses) {
        keys.add(identity(u));
        const h = handOff(u, sourceCode);
        if (h?.kind === 'moved') return;
        if (h?.kind !== 'alias') continue;
        keys.add(identity(h.id));
        for (const r of findVariable(getScope(h.id), h.id)?.references ?? [])
          if (!r.init && handOff(r.identifier, sourceCode)) return;
      }
      if (wipesSeen.some((w) => w.fn === fn && w.keys.some((k) => keys.has(k)))) return;
      context.report({
        node: at,
        messageId: 'keyNotWiped',
        data: { name, source: 'a KMS data key response (GenerateDataKey/Decrypt)' },
      });
    }
  },
});
