import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, TSESLint } from '@typescript-eslint/utils';
import {
  exposeMethods,
  fileDeletionApis,
  keyBytesTypes,
  keyFileName,
  keyFilePath,
  keyMaterialName,
  keyProducers,
  notKeyMaterialName,
  stringEncodings,
  syncCalleeNames,
  wipes,
  type FileDeletionApi,
  type KeyProducer,
} from '../src/catalogue/deletion.js';
import { loggerName, logMethods, plaintextFileWrites } from '../src/catalogue/loggers.js';
import { isHashName, isSecretName, normaliseName } from '../src/detect/index.js';
import {
  bindingNameOf,
  canAwaitAt,
  constInitOf,
  findVariable,
  propertyName,
  staticNumber,
  staticString,
  unwrap,
  calleeName,
} from '../src/rule-kit/ast.js';
import { matchCallPattern, patternMatches } from '../src/rule-kit/call-patterns.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { flowOf } from '../src/rule-kit/flow/engine.js';
import { declaredKeyHolder } from '../src/rule-kit/key-holders.js';
import { isTestFile } from '../src/rule-kit/files.js';
import { ensureNamedImport } from '../src/rule-kit/fixes.js';
import { collectImports, type ImportMap } from '../src/rule-kit/imports.js';
import { calleePathOf, type CalleePath } from '../src/rule-kit/sinks.js';
import type { Origin } from '../src/rule-kit/values.js';

type MessageIds =
  | 'keyFileDeleted'
  | 'keyDropped'
  | 'keyNotWiped'
  | 'wipeMissesExits'
  | 'keyAsString'
  | 'useDestroyKeyFile'
  | 'wipeInFinally';
type Options = [{ memory?: 'drops' | 'all-exits' }];

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** A wipe seen in the walk: `k.fill(0)`, `sodium.memzero(k)`, `secret.wipe()`. */
interface Wipe {
  readonly keys: readonly string[];
  readonly fn: FunctionNode | undefined;
  readonly start: number;
  /** The `try` whose `finally` holds the wipe. */
  readonly finallyOf?: TSESTree.TryStatement;
  readonly statement?: TSESTree.Node;
}

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

interface KeyBinding {
  readonly id: TSESTree.Identifier;
  readonly decl: TSESTree.VariableDeclaration;
  readonly fn: FunctionNode;
  readonly source: string;
}

const isFunction = (n: TSESTree.Node): n is FunctionNode =>
  n.type === T.FunctionDeclaration || n.type === T.FunctionExpression || n.type === T.ArrowFunctionExpression;

function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let p = node.parent; p; p = p.parent) if (isFunction(p)) return p;
  return undefined;
}

/** The `try` statement whose `finally` block holds `node`, within the same function. */
function finallyOf(node: TSESTree.Node): TSESTree.TryStatement | undefined {
  let child: TSESTree.Node = node;
  for (let p = node.parent; p && !isFunction(p); child = p, p = p.parent) {
    if (p.type === T.TryStatement && p.finalizer === child) return p;
  }
  return undefined;
}

/**
 * A name that says random bytes are a key (and not an id, an IV, a salt or a hash). For the strict-only
 * checks the bare `key` is too generic: `const key = randomBytes(16)` is as often a handshake nonce
 * (WebSocket) as a cipher key, and that noise is cheap to avoid there.
 */
function isKeyName(name: string | undefined, allowGeneric = true): boolean {
  if (name === undefined) return false;
  const n = normaliseName(name);
  if (!allowGeneric && (n === 'key' || n === 'keys')) return false;
  if (notKeyMaterialName.pattern.test(n) || isHashName(name)) return false;
  return (
    keyMaterialName.pattern.test(n) ||
    (isSecretName(name) && !/(?:^|_)(?:api|password|passwd|pwd|token|credentials?)(?:_|$)/.test(n))
  );
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
    const sourceType = (context.languageOptions as { sourceType?: 'module' | 'script' | 'commonjs' }).sourceType;
    const esm = sourceType !== 'commonjs' && sourceType !== 'script' && !/\.c[jt]s$/.test(context.filename);
    let imports: ImportMap = new Map();

    /** Paths key material was written to, and paths overwritten or destroyed, by identity key. */
    const keyWrites = new Set<string>();
    const overwrites: { key: string; start: number; fn: FunctionNode | undefined }[] = [];
    const wipesSeen: Wipe[] = [];
    const drops: Drop[] = [];
    /** Members and maps that held key material somewhere in the file (`this.key = …`, `map.set(id, key)`). */
    const keyHolders = new Map<string, string>();
    const keyBindings: KeyBinding[] = [];
    const exits = new Map<FunctionNode, number[]>();

    /** A stable identity for what an expression names: a variable (by declaration) or its normalised text. */
    const identity = (expr: TSESTree.Node): string => {
      const n = unwrap(expr);
      if (n.type === T.Identifier) {
        const v = findVariable(getScope(n), n);
        const def = v?.defs[0];
        return def ? `var:${n.name}@${def.name.range[0]}` : `id:${n.name}`;
      }
      return `text:${normText(n)}`;
    };
    function normText(n: TSESTree.Node): string {
      return sourceCode.getText(n).replace(/\s+/g, '').replace(/\?\./g, '.').replace(/!/g, '');
    }

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
      const p = producerOf(call);
      if (!p) return undefined;
      if (p.strength === 'random' && !isKeyName(o.name ?? name, allowGeneric)) return undefined;
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

    const wipeKeysOf = (target: TSESTree.Node): string[] => {
      const keys = [identity(target)];
      const n = unwrap(target);
      if (n.type === T.Identifier) {
        const init = constInitOf(n, getScope(n));
        if (init) keys.push(identity(init));
      }
      return keys;
    };

    const recordWipe = (call: TSESTree.CallExpression, target: TSESTree.Node): void => {
      const stmt =
        call.parent?.type === T.ExpressionStatement
          ? call.parent
          : call.parent?.type === T.ChainExpression && call.parent.parent?.type === T.ExpressionStatement
            ? call.parent.parent
            : undefined;
      const fin = finallyOf(call);
      wipesSeen.push({
        keys: wipeKeysOf(target),
        fn: enclosingFunction(call),
        start: call.range[0],
        ...(fin ? { finallyOf: fin } : {}),
        ...(stmt ? { statement: stmt } : {}),
      });
    };

    /** `k.fill(0)`, `memzero(k)`, `randomFillSync(k)`, `secret.wipe()`; returns whether the call is a wipe. */
    const checkWipe = (call: TSESTree.CallExpression): boolean => {
      const callee = unwrap(call.callee);
      const method = callee.type === T.MemberExpression ? propertyName(callee) : undefined;
      const fnName = callee.type === T.Identifier ? callee.name : method;
      if (callee.type === T.MemberExpression && method === wipes.fillMethod && staticNumber(call.arguments[0]) === 0) {
        recordWipe(call, callee.object);
        return true;
      }
      if (
        fnName !== undefined &&
        wipes.functions.has(fnName) &&
        call.arguments[0] &&
        call.arguments[0].type !== T.SpreadElement
      ) {
        recordWipe(call, call.arguments[0]);
        return true;
      }
      if (
        callee.type === T.MemberExpression &&
        method !== undefined &&
        wipes.methods.has(method) &&
        call.arguments.length === 0
      ) {
        recordWipe(call, callee.object);
        return true;
      }
      return false;
    };

    const wipedBefore = (d: Drop): boolean =>
      wipesSeen.some(
        (w) =>
          w.start < d.node.range[0] &&
          w.fn === d.fn &&
          w.keys.some((k) => k === d.key || (d.mapText !== undefined && k.startsWith(`text:${d.mapText}.get(`))),
      );

    /** A static text for a path expression (unknown parts become `*`), for the key-file pattern. */
    const pathText = (node: TSESTree.Node, depth = 0): string => {
      const n = unwrap(node);
      if (depth > 4) return '*';
      const s = staticString(n);
      if (s !== undefined) return s;
      if (n.type === T.TemplateLiteral)
        return n.quasis
          .map((q, i) => (q.value.cooked ?? '') + (n.expressions[i] ? pathText(n.expressions[i]!, depth + 1) : ''))
          .join('');
      if (n.type === T.BinaryExpression && n.operator === '+')
        return pathText(n.left, depth + 1) + pathText(n.right, depth + 1);
      if (n.type === T.CallExpression) {
        const c = unwrap(n.callee);
        const fn = calleeName(c);
        if (fn === 'join' || fn === 'resolve') return n.arguments.map((a) => pathText(a, depth + 1)).join('/');
      }
      if (n.type === T.Identifier) {
        const init = constInitOf(n, getScope(n));
        if (init) return pathText(init, depth + 1);
      }
      return '*';
    };

    /** Why a deleted path is a key file, or undefined. */
    const keyFileReason = (pathNode: TSESTree.Node): string | undefined => {
      const n = unwrap(pathNode);
      if (keyWrites.has(identity(n))) return 'key material was written to it earlier in this file';
      const text = pathText(n);
      const last = text.split(/[\\/]/).pop() ?? text;
      if (keyFilePath.pattern.test(text) && !keyFilePath.exclude.test(text) && !keyFilePath.exclude.test(last))
        return `its path ${keyFilePath.pattern.test(last) ? last : text} names key material`;
      const name = calleeName(n);
      if (name !== undefined && keyFileName.pattern.test(normaliseName(name))) return `'${name}' names a key file`;
      return undefined;
    };

    const calleeNameOf = (call: TSESTree.CallExpression): string => {
      const c = unwrap(call.callee);
      return c.type === T.Identifier ? c.name : c.type === T.MemberExpression ? (propertyName(c) ?? '') : '';
    };

    const checkDeletion = (call: TSESTree.CallExpression, api: FileDeletionApi): void => {
      const pathArg = call.arguments[api.pathArg];
      if (!pathArg || pathArg.type === T.SpreadElement) return;
      // `del(['a.pem'])` takes a list: one literal entry is that path; a longer list is judged by its entries.
      const outer = unwrap(pathArg);
      const entries =
        outer.type === T.ArrayExpression
          ? outer.elements.filter((e): e is TSESTree.Expression => e !== null && e.type !== T.SpreadElement)
          : [outer];
      const fn = enclosingFunction(call);
      const found = entries
        .map((e) => ({
          e,
          why: overwrites.some((o) => o.key === identity(e) && o.fn === fn && o.start < call.range[0])
            ? undefined
            : keyFileReason(e),
        }))
        .find((x) => x.why);
      if (!found?.why) return;
      const why = found.why;
      const pathSrc = sourceCode.getText(found.e);
      // destroyKeyFile takes one file: no suggestion for a list, a recursive delete, or a path that reads as a directory.
      const last = pathText(found.e).split(/[\\/]/).pop() ?? '';
      const recursive = call.arguments.some(
        (a) =>
          a.type === T.ObjectExpression &&
          a.properties.some((p) => p.type === T.Property && propertyName(p) === 'recursive'),
      );
      const fileOnly = /^(?:unlink|unlinkSync)$/.test(calleeNameOf(call));
      const oneFile = entries.length === 1 && !recursive && (fileOnly || /\.[A-Za-z0-9]{1,10}$|^id_/.test(last));
      const callee = unwrap(call.callee);
      const calleeName =
        callee.type === T.Identifier
          ? callee.name
          : callee.type === T.MemberExpression
            ? (propertyName(callee) ?? '')
            : '';
      const style = api.style === 'promise' && syncCalleeNames.has(calleeName) ? 'sync' : api.style;
      let replacement: string | undefined;
      let replaceNode: TSESTree.Node = call;
      if (style === 'promise') replacement = `destroyKeyFile(${pathSrc})`;
      else if (style === 'sync') {
        if (call.parent?.type === T.ExpressionStatement && canAwaitAt(call, sourceType))
          replacement = `await destroyKeyFile(${pathSrc})`;
      } else {
        const cb = call.arguments[call.arguments.length - 1];
        if (call.arguments.length >= 2 && cb && cb.type === T.Identifier)
          replacement = `destroyKeyFile(${pathSrc}).then(() => ${cb.name}(null), ${cb.name})`;
      }
      if (replacement && call.parent?.type === T.AwaitExpression && style === 'sync') replaceNode = call.parent;
      const text = oneFile ? replacement : undefined;
      context.report({
        node: call,
        messageId: 'keyFileDeleted',
        data: { api: api.title, why },
        ...(text && esm
          ? {
              suggest: [
                {
                  messageId: 'useDestroyKeyFile' as const,
                  fix: (fixer: TSESLint.RuleFixer) => {
                    const fixes = [fixer.replaceText(replaceNode, text)];
                    const imp = ensureNamedImport(fixer, context, 'destroyKeyFile');
                    if (imp) fixes.push(imp);
                    return fixes;
                  },
                },
              ],
            }
          : {}),
      });
    };

    /** Writes of key material (a later unlink of that path is a key-file deletion) and overwrites (a later unlink is fine). */
    const checkWrite = (call: TSESTree.CallExpression, cp: CalleePath): void => {
      const w = plaintextFileWrites.find((p) => p.id === 'fs.writeFile' && patternMatches(p, cp));
      if (!w) return;
      const [p, data] = call.arguments;
      if (!p || !data || p.type === T.SpreadElement || data.type === T.SpreadElement) return;
      const origins = flowOf(sourceCode).origins(data);
      if (origins.some((o) => o.kind === 'zeros'))
        overwrites.push({ key: identity(p), start: call.range[0], fn: enclosingFunction(call) });
      else if (
        origins.some(
          (o) =>
            originSource(o, bindingNameOf(data)) !== undefined ||
            (o.kind === 'string' && /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(o.value ?? '')),
        )
      )
        keyWrites.add(identity(p));
      else {
        // A private key export: `privateKey.export({ type: 'pkcs8', format: 'pem' })` with no cipher.
        const d = unwrap(data);
        const exp = d.type === T.Identifier ? constInitOf(d, getScope(d)) : d;
        if (
          exp &&
          exp.type === T.CallExpression &&
          exp.callee.type === T.MemberExpression &&
          propertyName(exp.callee) === 'export'
        ) {
          const recv = unwrap(exp.callee.object);
          const recvName = calleeName(recv);
          if (recvName !== undefined && /private|secret/i.test(recvName)) keyWrites.add(identity(p));
        }
      }
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
      Program(program) {
        imports = collectImports(program);
      },
      CallExpression(call) {
        if (checkWipe(call)) return;
        const callee = unwrap(call.callee);
        const fnName = calleeName(callee);
        if (
          fnName !== undefined &&
          wipes.fileDestroyers.has(fnName) &&
          call.arguments[0] &&
          call.arguments[0].type !== T.SpreadElement
        ) {
          overwrites.push({ key: identity(call.arguments[0]), start: call.range[0], fn: enclosingFunction(call) });
          return;
        }
        // One canonical callee path per call, matched against each table.
        const cp = calleePathOf(call, imports, getScope(call));
        if (cp) {
          const del = fileDeletionApis.find((p) => patternMatches(p, cp));
          if (del) return checkDeletion(call, del);
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
      },
    };

    function report(b: KeyBinding): void {
      const v = findVariable(getScope(b.id), b.id);
      if (!v) return;
      const key = identity(b.id);
      // Ownership moves when the buffer is returned, stored or handed to a constructor: the new owner wipes it.
      for (const r of v.references) {
        if (r.init) continue;
        if (r.isWrite()) return;
        // `Buffer.from(ab)` and `new Uint8Array(ab)` are views over the same bytes: follow them out.
        let id = r.identifier as TSESTree.Node;
        while (
          id.parent &&
          ((id.parent.type === T.CallExpression &&
            id.parent.arguments[0] === id &&
            /^(?:Buffer|Uint8Array)\.from$/.test(sourceCode.getText(id.parent.callee))) ||
            id.parent.type === T.TSAsExpression ||
            id.parent.type === T.TSNonNullExpression)
        ) {
          id = id.parent;
        }
        const p = id.parent;
        if (!p) continue;
        if (
          p.type === T.ReturnStatement ||
          p.type === T.ArrowFunctionExpression ||
          p.type === T.Property ||
          p.type === T.ArrayExpression ||
          p.type === T.YieldExpression ||
          p.type === T.NewExpression ||
          p.type === T.SpreadElement
        )
          return;
        if (p.type === T.AssignmentExpression && p.right === id) return;
        if (p.type === T.VariableDeclarator && p.init === id) return;
        if (
          p.type === T.CallExpression &&
          p.callee.type === T.MemberExpression &&
          ['set', 'push', 'unshift', 'resolve'].includes(propertyName(p.callee) ?? '')
        )
          return;
        if (p.type === T.CallExpression && p.callee.type === T.Identifier && p.callee.name === 'resolve') return;
      }
      const mine = wipesSeen.filter((w) => w.fn === b.fn && w.keys.includes(key) && w.start > b.decl.range[1]);
      if (mine.some((w) => w.finallyOf && w.finallyOf.range[0] > b.decl.range[0])) return;
      const data = { name: b.id.name, source: b.source };
      if (mine.length > 0) {
        const lastWipe = Math.max(...mine.map((w) => w.start));
        const early = (exits.get(b.fn) ?? []).some((e) => e > b.decl.range[1] && e < lastWipe);
        if (!early) return;
      }
      const fix = wrapInFinally(b, mine);
      context.report({
        node: b.id,
        messageId: mine.length > 0 ? 'wipeMissesExits' : 'keyNotWiped',
        data,
        ...(fix ? { suggest: [{ messageId: 'wipeInFinally' as const, data: { name: b.id.name }, fix }] } : {}),
      });
    }

    /** `const k = …; rest` → `const k = …; try { rest } finally { k.fill(0); }`, dropping wipes the finally replaces. */
    function wrapInFinally(b: KeyBinding, oldWipes: readonly Wipe[]): TSESLint.ReportFixFunction | undefined {
      const block = b.decl.parent;
      if (block?.type !== T.BlockStatement) return undefined;
      const i = block.body.indexOf(b.decl as TSESTree.Statement);
      const rest = block.body.slice(i + 1);
      const drop = new Set(oldWipes.map((w) => w.statement).filter((s): s is TSESTree.Node => s !== undefined));
      const kept = rest.filter((s) => !drop.has(s));
      if (kept.length === 0) return undefined;
      const text = sourceCode.text;
      const lineStart = text.lastIndexOf('\n', b.decl.range[0] - 1) + 1;
      const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
      const parts = kept.map((s) => {
        const start = text.lastIndexOf('\n', s.range[0] - 1) + 1;
        return text.slice(start, s.range[1]).replace(/^(?=[ \t]*\S)/gm, '  ');
      });
      const last = rest[rest.length - 1]!;
      const body = parts.join('\n');
      return (fixer) =>
        fixer.replaceTextRange(
          [b.decl.range[1], last.range[1]],
          `\n${indent}try {\n${body}\n${indent}} finally {\n${indent}  ${b.id.name}.fill(0);\n${indent}}`,
        );
    }
  },
});
