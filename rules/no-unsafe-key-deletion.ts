import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { fileDeletionApis, wipes, type FileDeletionApi } from '../src/catalogue/deletion.js';
import { calleeName, enclosingFunction, propertyName, unwrap, type FunctionNode } from '../src/rule-kit/ast.js';
import { firstMatchingPattern } from '../src/rule-kit/call-patterns.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { isTestFile } from '../src/rule-kit/files.js';
import { collectImports } from '../src/rule-kit/imports.js';
import { dataKeyPlaintextMembers, unwipedDataKey } from '../src/rule-kit/key-exports.js';
import {
  KeyDrops,
  derivedFromItself,
  firstWrite,
  freshReplacement,
  holderTitle,
  isNullish,
  rotatedOut,
  swappedOut,
} from '../src/rule-kit/key-drops.js';
import { trackKeyBindingRead, trackKeyFileRead, trackKeyFileWrite } from '../src/rule-kit/key-file-writes.js';
import { createKeyFileTracker, type KeyFileTracker } from '../src/rule-kit/key-files.js';
import { runsCommand } from '../src/rule-kit/key-commands.js';
import { collectionDropCall, filteredCopy, storedValue, truncatedArray } from '../src/rule-kit/key-collections.js';
import {
  declaredKeyHolder,
  declaredKeyParameter,
  declaredNotBytes,
  identityOf,
  isKeyMaterialName,
} from '../src/rule-kit/key-holders.js';
import {
  declaredKeyRecord,
  declaredKeyRecordCollection,
  keyRecordMember,
  keyRecordsOf,
} from '../src/rule-kit/key-records.js';
import { createKeySources, type KeySources } from '../src/rule-kit/key-sources.js';
import { calleePathOf } from '../src/rule-kit/sinks.js';
import { declareField } from '../src/rule-kit/field-declarations.js';
import { DeclaredMembers, releasesNoBytes } from '../src/rule-kit/non-byte-holders.js';
import { keptAfterDrop } from '../src/rule-kit/moved-values.js';
import { StoreItems } from '../src/rule-kit/store-removals.js';
import {
  isEmptyContainer,
  unwipedOwnedKey,
  wipeOf,
  wipeTarget,
  type OwnedKey,
  type Wipe,
} from '../src/rule-kit/wipes.js';

type MessageIds =
  | 'keyFileDeleted'
  | 'keyItemRemoved'
  | 'keyDropped'
  | 'keyNotWiped'
  | 'wipeMissesExits'
  | 'keyAsString'
  | 'useDestroyKeyFile'
  | 'wipeInFinally';
type Options = [{ memory?: 'drops' | 'all-exits' }];

export default createRule<Options, MessageIds>({
  name: 'no-unsafe-key-deletion',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow deleting keys in ways that leave them recoverable: unlinked key files, and key buffers dropped ' +
        'without a wipe',
      recommended: 'recommended',
      category: 'unsafe-deletion',
      cwe: [459, 226, 244, 212],
      strictOptions: [{ memory: 'all-exits' }],
    },
    hasSuggestions: true,
    messages: {
      keyFileDeleted:
        '{{api}} deletes a key file ({{why}}) without overwriting it: the key bytes stay on disk until the blocks ' +
        'are reused. Destroy the file instead.',
      keyItemRemoved:
        "{{api}} removes '{{item}}', key material kept in a plaintext store: the store's file keeps the bytes " +
        'until they are overwritten. Keep keys in the OS keychain (expo-secure-store, react-native-keychain).',
      keyDropped:
        'Key material from {{source}} is dropped ({{how}}) without being wiped: the bytes stay in memory until the ' +
        'garbage collector reuses them. Call {{wipe}} first.',
      keyNotWiped:
        "Key material '{{name}}' from {{source}} is never wiped: clear it with {{name}}.fill(0) in a finally block " +
        'when done.',
      wipeMissesExits:
        "Key material '{{name}}' from {{source}} is wiped only at the end: an earlier return or throw skips the " +
        'wipe. Wipe it in a finally block.',
      keyAsString:
        'Key material from {{source}} is turned into a {{encoding}} string for storage: strings cannot be wiped. ' +
        'Keep it in a Buffer and fill(0) it when done.',
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
              "'drops' (the default) reports key buffers explicitly released (set to null, deleted) without a " +
              "wipe. 'all-exits' (strict) also requires every key buffer from " +
              'randomBytes/scryptSync/pbkdf2Sync/hkdfSync/export() to be wiped on every exit path, and reports ' +
              'keys turned into strings.',
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
    const sources = createKeySources(sourceCode, imports);
    const wipesSeen: Wipe[] = [];
    const drops = new KeyDrops(identity, normText);
    const records = keyRecordsOf(sourceCode.ast);
    const members = new DeclaredMembers();
    const storeItems = new StoreItems();
    const dropAt = (node: TSESTree.Node, target: TSESTree.Node, how: string): void => {
      const member = keyRecordMember(target, records, getScope(node)); // `conn.key` where `conn: Conn`
      if (member) keyHolders.set(identity(target), member);
      drops.add(node, target, how);
    };
    /** Members and maps that held key material somewhere in the file (`this.key = …`, `map.set(id, key)`). */
    const keyHolders = new Map<string, string>();
    /** Fields and bindings declared with a type that holds no bytes (`privateKey: string`): nothing to wipe. */
    const notBytes = new Set<string>();
    const ownedKeys: OwnedKey[] = [];
    /** KMS GenerateDataKey/Decrypt responses bound in a function: their plaintext must be wiped there. */
    const dataKeyResponses: DataKeyResponse[] = [];
    const exits = new Map<FunctionNode, number[]>();
    /** Deletions of paths not (yet) known as key files: `rm(p)` before `writeFile(p, newKey)`. */
    const later: [TSESTree.CallExpression, FileDeletionApi | undefined][] = [];
    /** Writes of values not yet known as key material (a value the file wipes later is one). */
    const unknownWrites: { readonly path: TSESTree.Node; readonly data: TSESTree.Node }[] = [];
    const field = { sources, keyHolders, notBytes, drops, records };

    return {
      CallExpression(call) {
        const target = wipeTarget(call);
        if (target) return void wipesSeen.push(wipeOf(call, target, identity, normText, getScope(call)));
        const callee = unwrap(call.callee);
        const fnName = calleeName(callee);
        const first = call.arguments[0];
        if (fnName !== undefined && wipes.fileDestroyers.has(fnName) && first && first.type !== T.SpreadElement)
          return keyFiles.overwritten(first, call);
        // One canonical callee path per call, matched against each table.
        const cp = calleePathOf(call, imports, getScope(call));
        const del = cp && firstMatchingPattern(fileDeletionApis, cp);
        // A path judged at the end of the file too: key material may be written to it after the delete.
        if (del) {
          if (!reportDeletion(context, call, keyFiles.deletion(call, del), del.title)) later.push([call, del]);
          return;
        }
        if (storeItems.see(call, cp, getScope)) return; // a key item removed from a plaintext store: judged at the end
        const unknownWrite = cp && trackKeyFileWrite(call, cp, keyFiles, sources, sourceCode);
        if (unknownWrite) unknownWrites.push(unknownWrite);
        // `execSync(\`rm -f ${keyFile}\`)`: judged at the end, with every key file of the file known.
        if (runsCommand(cp)) later.push([call, undefined]);
        if (cp) trackKeyFileRead(call, cp, keyFiles, imports, sourceCode);
        const stored = storedValue(call, isKeyMaterialName, (v) => declaredKeyParameter(v, sourceCode) !== undefined);
        // `keys.set(id, randomBytes(32))`: the collection's name says whether the stored bytes are a key.
        const held =
          stored &&
          (sources.heldKeySource(stored.value, calleeName(unwrap(stored.holder))) ??
            (calleeName(unwrap(call.callee)) === 'set' ? undefined : declaredKeyParameter(stored.value, sourceCode)));
        const source = stored && (held ?? keyHolders.get(identity(stored.value)));
        if (stored && source) keyHolders.set(identity(stored.holder), source);
        const emptied = collectionDropCall(call, (n) => sourceCode.getText(n), getScope(call));
        if (emptied) drops.add(call, emptied.holder, emptied.how, identity(emptied.holder)); // judged at the end
        const asString = allExits ? sources.keyAsString(call) : undefined;
        if (asString) context.report({ node: call, messageId: 'keyAsString', data: { ...asString, evidence: 'flow' } });
      },
      AssignmentExpression(node) {
        // A binding's first value (`let k;` … `k = Buffer.alloc(0)`): nothing was held, so nothing is dropped.
        if (node.operator !== '=' || firstWrite(node, getScope(node))) return;
        const right = unwrap(node.right);
        if (!isNullish(right)) {
          const left = node.left;
          // `cache[id] = randomBytes(32)`: the collection's name says whether the bytes are a key.
          const name =
            left.type !== T.MemberExpression ? undefined : left.computed ? calleeName(left.object) : propertyName(left);
          const source = left.type === T.MemberExpression ? sources.heldKeySource(node.right, name) : undefined;
          if (source) keyHolders.set(identity(left), source);
          // `cache[id] = key` makes `cache` a key holder; `cache = {}` later drops every key in it.
          if (source && left.type === T.MemberExpression && left.computed)
            keyHolders.set(identity(left.object), source);
          recordReassignment(node, drops, (n) => keyHolders.has(identity(n)), { identity, normText, sourceCode });
          if (keyHolders.has(identity(left)) && derivedFromItself(node, normText, getScope))
            drops.add(node, node.left, 'replaced by a key derived from it');
          const fresh = freshReplacement(node, sourceCode.getText(right)) ?? rotatedOut(node, sources, sourceCode);
          if (fresh && (left.type === T.Identifier || left.type === T.MemberExpression)) dropAt(node, left, fresh);
          else drops.overwrite(node);
          return;
        }
        // A field initialised to null in a constructor holds nothing yet.
        if (inConstructor(node)) return;
        if (node.left.type === T.MemberExpression && keptAfterDrop(node, node.left, normText)) return;
        if (node.left.type === T.Identifier || node.left.type === T.MemberExpression)
          dropAt(node, node.left, `set to ${sourceCode.getText(right)}`);
      },
      UnaryExpression(node) {
        const target = node.operator === 'delete' ? unwrap(node.argument) : undefined;
        if (target?.type === T.MemberExpression && !keptAfterDrop(node, target, normText))
          dropAt(node, target, 'deleted');
      },
      PropertyDefinition(node) {
        const name = node.key.type === T.PrivateIdentifier ? undefined : propertyName(node);
        const annotation = node.typeAnnotation?.typeAnnotation;
        if (name !== undefined) declareField(name, annotation, node.value, field);
      },
      // `constructor(private key: Buffer)`: a field declared in the parameter list.
      TSParameterProperty(node) {
        const p = node.parameter.type === T.AssignmentPattern ? node.parameter.left : node.parameter;
        if (p.type === T.Identifier) declareField(p.name, p.typeAnnotation?.typeAnnotation, undefined, field);
      },
      VariableDeclarator(node) {
        const members = dataKeyPlaintextMembers(node.init ?? undefined, imports, getScope(node));
        if (members) dataKeyResponses.push({ d: node, members });
        trackKeyBindingRead(node, keyFiles, imports, sourceCode);
        if (node.id.type !== T.Identifier) return;
        const annotation = node.id.typeAnnotation?.typeAnnotation;
        const held =
          declaredKeyHolder(node.id.name, annotation, node.init) ??
          (declaredKeyRecordCollection(annotation, node.init, records) ? 'collection' : undefined);
        const record = held ? undefined : declaredKeyRecord(node.id.name, annotation, records);
        if (held || record) keyHolders.set(identity(node.id), record ?? holderTitle(node.id.name, held!, 'binding'));
        if (declaredNotBytes(annotation)) notBytes.add(identity(node.id));
        drops.declare(identity(node.id), annotation, node.init);
        const fn = enclosingFunction(node);
        const decl = node.parent;
        if (!allExits || !fn || decl.type !== T.VariableDeclaration || decl.parent.type !== T.BlockStatement) return;
        const source = sources.ownedKeyBuffer(node);
        if (source) ownedKeys.push({ id: node.id, decl, fn, source });
      },
      'ReturnStatement, ThrowStatement'(node: TSESTree.ReturnStatement | TSESTree.ThrowStatement) {
        const fn = enclosingFunction(node);
        if (fn) exits.set(fn, [...(exits.get(fn) ?? []), node.range[0]]);
      },
      'Program:exit'() {
        reportLateDeletions(context, { later, unknownWrites, wipesSeen, keyFiles, storeItems }, identity);
        for (const d of drops.unwiped(keyHolders, wipesSeen, sources, sourceCode, notBytes, members.typeHoldsNoBytes))
          if (!releasesNoBytes(d, members, sourceCode, normText))
            context.report({ node: d.node, messageId: 'keyDropped', data: dropData(d.data, sources) });
        reportUnwipedKeys(context, { ownedKeys, exits, dataKeyResponses }, wipesSeen, identity);
      },
      ...members.visitors,
    };
  },
});

/**
 * Deletions judged at the end of the file, when every key file is known: a file written with a value the file wipes
 * (`writeFileSync(rootFile, root)` … `root.fill(0)`) held key material; `rm` run from code is judged here too.
 */
function reportLateDeletions(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  found: {
    readonly later: readonly (readonly [TSESTree.CallExpression, FileDeletionApi | undefined])[];
    readonly unknownWrites: readonly { readonly path: TSESTree.Node; readonly data: TSESTree.Node }[];
    readonly wipesSeen: readonly Wipe[];
    readonly keyFiles: KeyFileTracker;
    readonly storeItems: StoreItems;
  },
  identity: (expr: TSESTree.Node) => string,
): void {
  const { keyFiles } = found;
  found.storeItems.flush((node, data) => context.report({ node, messageId: 'keyItemRemoved', data }));
  for (const w of found.unknownWrites)
    if (found.wipesSeen.some((x) => x.bytes && x.keys.includes(identity(w.data)))) keyFiles.keyWritten(w.path);
  for (const [call, del] of found.later)
    if (del) reportDeletion(context, call, keyFiles.deletion(call, del), del.title);
    else reportDeletion(context, call, keyFiles.shellDeletion(call), 'rm run from code');
}

/** A dropped key's message data, `flow` evidence when the value-flow engine traced its source (evidence.ts). */
function dropData<D extends { readonly source: string }>(data: D, sources: Pick<KeySources, 'traced'>) {
  return sources.traced(data.source) ? { ...data, evidence: 'flow' as const } : data;
}

/**
 * `keys = []`, `pool = pool.filter(…)`, `keys.length = 0`: a collection's elements dropped by a reassignment, judged
 * at the end of the file by the holders known where it happens and by the file's wipes of its elements.
 */
function recordReassignment(
  node: TSESTree.AssignmentExpression,
  drops: KeyDrops,
  isHolder: (n: TSESTree.Node) => boolean,
  file: {
    readonly identity: (n: TSESTree.Node) => string;
    readonly normText: (n: TSESTree.Node) => string;
    readonly sourceCode: Readonly<TSESLint.SourceCode>;
  },
): void {
  const { left, right } = node;
  const emptied = isEmptyContainer(right) ? `replaced by ${file.sourceCode.getText(right)}` : filteredCopy(node);
  if (emptied && !swappedOut(node, file.normText) && !inConstructor(node))
    drops.add(node, left, emptied, file.identity(left), { holderKnown: isHolder(left) });
  const truncated = truncatedArray(node);
  if (truncated)
    drops.add(node, truncated, 'emptied with length = 0', file.identity(truncated), {
      holderKnown: isHolder(truncated),
    });
}

/** Inside a class constructor: a field set there is being initialised, not released. */
function inConstructor(node: TSESTree.Node): boolean {
  const fn = enclosingFunction(node);
  return fn?.parent?.type === T.MethodDefinition && fn.parent.kind === 'constructor';
}

/** A binding of a data-key response and the members that hold its plaintext. */
interface DataKeyResponse {
  readonly d: TSESTree.VariableDeclarator;
  readonly members: ReadonlySet<string>;
}

/** Key buffers owned by a function (strict) and KMS data keys whose plaintext is never wiped. */
function reportUnwipedKeys(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  found: {
    readonly ownedKeys: readonly OwnedKey[];
    readonly exits: ReadonlyMap<FunctionNode, number[]>;
    readonly dataKeyResponses: readonly DataKeyResponse[];
  },
  wipesSeen: readonly Wipe[],
  identity: (expr: TSESTree.Node) => string,
): void {
  const sourceCode = context.sourceCode;
  for (const b of found.ownedKeys) {
    const unwiped = unwipedOwnedKey(b, wipesSeen, found.exits.get(b.fn) ?? [], identity, sourceCode);
    if (!unwiped) continue;
    const data = { name: b.id.name, source: b.source, evidence: 'flow' };
    const suggest = unwiped.fix ? [{ messageId: 'wipeInFinally' as const, data, fix: unwiped.fix }] : [];
    context.report({ node: b.id, messageId: unwiped.messageId, data, ...(unwiped.fix ? { suggest } : {}) });
  }
  for (const d of found.dataKeyResponses) {
    const unwiped = unwipedDataKey(d.d, d.members, wipesSeen, identity, sourceCode);
    const source = 'a KMS data key response (GenerateDataKey/Decrypt)';
    if (unwiped)
      context.report({
        node: unwiped.node,
        messageId: 'keyNotWiped',
        data: { name: unwiped.name, source, evidence: 'flow' },
      });
  }
}

/** A key file deleted without a destroy, with the `destroyKeyFile` suggestion when the call can take it. */
function reportDeletion(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  call: TSESTree.CallExpression,
  found: { readonly why: string; readonly fix?: TSESLint.ReportFixFunction } | undefined,
  api: string,
): boolean {
  if (!found) return false;
  const suggest = found.fix ? [{ messageId: 'useDestroyKeyFile' as const, fix: found.fix }] : [];
  context.report({
    node: call,
    messageId: 'keyFileDeleted',
    data: { api, why: found.why },
    ...(found.fix ? { suggest } : {}),
  });
  return true;
}
