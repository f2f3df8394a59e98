/**
 * Where key bytes leave a key object or a cloud response: a private key export in the clear, and the
 * plaintext data key of an AWS KMS response. Read by no-logged-key (which must not log them) and
 * no-unsafe-key-deletion (which must see them wiped).
 */
import { TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  dataKeyWrapper,
  keyOwnerSetter,
  kmsPlaintextMember,
  kmsPlaintextResponses,
  projectModulePath,
  type KeyProducer,
} from '../catalogue/deletion.js';
import { publicKeyName } from '../catalogue/loggers.js';
import { normaliseName } from '../detect/names.js';
import {
  calleeName,
  constInitOf,
  enclosingFunction,
  findVariable,
  propertyName,
  rootIdentifier,
  unwrap,
  type Scope,
} from './ast.js';
import { matchCallPattern } from './call-patterns.js';
import type { ImportMap } from './imports.js';
import { calleePathOf } from './sinks.js';
import { handOff, type Wipe } from './wipes.js';

/** An export with a `cipher` and a `passphrase`: encrypted under a passphrase. */
export function encryptedExport(call: TSESTree.CallExpression): boolean {
  const opts = call.arguments[0] && unwrap(call.arguments[0]);
  if (!opts || opts.type !== T.ObjectExpression) return false;
  const names = new Set(opts.properties.map((p) => (p.type === T.Property ? propertyName(p) : undefined)));
  return names.has('cipher') && names.has('passphrase');
}

/**
 * `privateKey.export({ type: 'pkcs8', format: 'pem' })` with no cipher: the key in the clear. The receiver
 * says it is private by its name, or is made by a call that makes secret or private keys.
 */
export function isPrivateExport(call: TSESTree.CallExpression, imports: ImportMap, scope: Scope): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression || propertyName(callee) !== 'export' || encryptedExport(call)) return false;
  const recv = unwrap(callee.object);
  const name = calleeName(recv);
  if (name !== undefined && publicKeyName.pattern.test(normaliseName(name))) return false;
  if (name !== undefined && /private|secret/i.test(name)) return true;
  const cp = recv.type === T.CallExpression ? calleePathOf(recv, imports, scope) : undefined;
  return cp !== undefined && /(?:generateKeySync|createSecretKey|createPrivateKey)\(\)$/.test(cp.path);
}

/** A producer that exports the key it is handed, handed a public key (`exportJWK(publicKey)`). */
export function exportsPublicKey(p: KeyProducer, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (p.exportsArg === undefined) return false;
  const arg = call.arguments[p.exportsArg];
  const name = arg && arg.type !== T.SpreadElement ? calleeName(unwrap(arg)) : undefined;
  return name !== undefined && publicKeyName.pattern.test(normaliseName(name));
}

/**
 * `await x`, `x.promise()` (aws-sdk v2), `client.send(new Command(…))` (v3) → the call that names the
 * operation.
 */
export function operationCall(
  expr: TSESTree.Node | undefined,
): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
  if (!expr) return undefined;
  let n = unwrap(expr);
  if (n.type === T.AwaitExpression) n = unwrap(n.argument);
  if (n.type !== T.CallExpression) return undefined;
  const callee = unwrap(n.callee);
  if (callee.type === T.MemberExpression && propertyName(callee) === 'promise' && n.arguments.length === 0)
    return operationCall(callee.object);
  const first = n.arguments[0] && unwrap(n.arguments[0]);
  if (callee.type === T.MemberExpression && propertyName(callee) === 'send' && first?.type === T.NewExpression)
    return first;
  return n;
}

const kmsModules = new Set(kmsPlaintextResponses.flatMap((p) => p.modules));
const importsKmsCache = new WeakMap<ImportMap, boolean>();

/** The file imports an AWS KMS client: the cheap prefilter before any data-key query (computed once per file). */
function importsKms(imports: ImportMap): boolean {
  let v = importsKmsCache.get(imports);
  if (v === undefined) {
    v = [...imports.values()].some((i) => kmsModules.has(i.module));
    importsKmsCache.set(imports, v);
  }
  return v;
}

/** The expression is (or awaits) a KMS call whose response holds a plaintext data key. */
export function isDataKeyResponse(expr: TSESTree.Node | undefined, imports: ImportMap, scope: Scope): boolean {
  if (!expr || !importsKms(imports)) return false;
  const op = operationCall(expr);
  return op !== undefined && matchCallPattern(op, imports, scope, kmsPlaintextResponses) !== undefined;
}

/**
 * The members that hold the plaintext data key of what `expr` evaluates to: `Plaintext` for an AWS KMS
 * GenerateDataKey/Decrypt response, the catalogue's `dataKeyWrapper.plaintextMembers` for a project's own
 * data-key helper imported from its own module (`const { plaintext } = await generateDataKey()` with
 * `generateDataKey` from `./kms`); undefined for anything else.
 */
export function dataKeyPlaintextMembers(
  expr: TSESTree.Node | undefined,
  imports: ImportMap,
  scope: Scope,
): ReadonlySet<string> | undefined {
  if (isDataKeyResponse(expr, imports, scope)) return sdkPlaintextMembers;
  const op = operationCall(expr);
  if (op?.type !== T.CallExpression) return undefined;
  const callee = unwrap(op.callee);
  const root = rootIdentifier(callee);
  const name = calleeName(callee);
  if (!root || name === undefined || !dataKeyWrapper.names.has(name)) return undefined;
  const binding = imports.get(root.name);
  // The import must be the binding in scope, not a local of the same name that shadows it: an `import`, or a
  // module-scope `require()` binding (a local initialised with anything else inside a function is not the import).
  const variable = findVariable(scope, root);
  const def = variable?.defs[0];
  const Def = TSESLint.Scope.DefinitionType;
  const moduleScope = variable?.scope.block.type === T.Program;
  const imported =
    def?.type === Def.ImportBinding || (def?.type === Def.Variable && def.node.init !== null && moduleScope);
  return binding && imported && projectModulePath.pattern.test(binding.module)
    ? dataKeyWrapper.plaintextMembers
    : undefined;
}
const sdkPlaintextMembers: ReadonlySet<string> = new Set([kmsPlaintextMember]);

/**
 * The plaintext data key of a KMS response: `res.Plaintext`, `(await kms.send(…)).Plaintext`, or a
 * binding destructured from the response (`const { Plaintext } = await kms.send(…)`).
 */
export function isDataKeyPlaintext(node: TSESTree.Node, imports: ImportMap, scope: Scope): boolean {
  if (!importsKms(imports)) return false;
  const n = unwrap(node);
  if (n.type === T.MemberExpression) {
    if (propertyName(n) !== kmsPlaintextMember) return false;
    const obj = unwrap(n.object);
    const init = obj.type === T.Identifier ? constInitOf(obj, scope) : obj;
    return isDataKeyResponse(init, imports, scope);
  }
  if (n.type !== T.Identifier) return false;
  const def = findVariable(scope, n)?.defs[0];
  const decl = def?.node;
  if (decl?.type !== T.VariableDeclarator || decl.id.type !== T.ObjectPattern) return false;
  const prop = decl.id.properties.find(
    (p): p is TSESTree.Property =>
      p.type === T.Property && propertyName(p) === kmsPlaintextMember && unwrap(p.value) === def?.name,
  );
  return prop !== undefined && isDataKeyResponse(decl.init ?? undefined, imports, scope);
}

/**
 * A KMS GenerateDataKey/Decrypt response bound in a function (`const res = await kms.send(…)`,
 * `const { Plaintext } = …`) whose plaintext data key, or a copy of it, is never wiped in that function
 * and never handed on (returned, stored) to an owner that would wipe it. Returns the node to report and
 * how to name the key, or undefined.
 */
export function unwipedDataKey(
  d: TSESTree.VariableDeclarator,
  members: ReadonlySet<string>,
  wipesSeen: readonly Wipe[],
  identity: (expr: TSESTree.Node) => string,
  sourceCode: TSESLint.SourceCode,
): { readonly node: TSESTree.Node; readonly name: string } | undefined {
  const fn = enclosingFunction(d);
  const refsOf = (id: TSESTree.Identifier) => findVariable(sourceCode.getScope(id), id)?.references ?? [];
  const uses: TSESTree.Node[] = [];
  let node: TSESTree.Node = d.id;
  let name: string;
  if (d.id.type === T.Identifier) {
    const seen = new Set<string>();
    for (const r of refsOf(d.id)) {
      const m = r.identifier.parent;
      if (m?.type !== T.MemberExpression || m.object !== r.identifier) continue;
      const member = propertyName(m);
      if (member === undefined || !members.has(member)) continue;
      uses.push(m);
      seen.add(member);
    }
    name = `${d.id.name}.${[...seen][0] ?? kmsPlaintextMember}`;
  } else if (d.id.type === T.ObjectPattern) {
    const prop = d.id.properties.find(
      (p): p is TSESTree.Property => p.type === T.Property && members.has(propertyName(p) ?? ''),
    );
    if (prop?.value.type !== T.Identifier) return undefined;
    node = prop;
    name = prop.value.name;
    for (const r of refsOf(prop.value)) if (!r.init) uses.push(r.identifier);
  } else return undefined;
  if (!fn || uses.length === 0) return undefined;
  const keys = new Set<string>();
  const aliases: TSESTree.Identifier[] = [];
  for (const u of uses) {
    keys.add(identity(u));
    const h = handOff(u, sourceCode);
    if (h?.kind === 'moved' || handedToSetter(u)) return undefined;
    if (h?.kind !== 'alias') continue;
    keys.add(identity(h.id));
    aliases.push(h.id);
    // Handed on, or re-assigned (`dek = null` is a drop, which no-unsafe-key-deletion reports by itself).
    if (refsOf(h.id).some((r) => !r.init && (r.isWrite() || handOff(r.identifier, sourceCode)))) return undefined;
  }
  if (wipesSeen.some((w) => w.fn === fn && w.keys.some((k) => keys.has(k)))) return undefined;
  // `const dek = Buffer.from(Plaintext!)`: the one copy the function works with is the key left unwiped.
  const [copy] = aliases;
  return copy && aliases.length === 1 ? { node: copy, name: copy.name } : { node, name };
}

/**
 * `material.setUnencryptedDataKey(res.Plaintext, trace)`, `session.setKey(plaintext)`: a key setter (catalogue
 * `keyOwnerSetter`) stores its argument on the receiver, which owns (and wipes) the key from then on.
 */
function handedToSetter(ref: TSESTree.Node): boolean {
  let n = ref;
  while (n.parent?.type === T.TSNonNullExpression || n.parent?.type === T.TSAsExpression) n = n.parent;
  const p = n.parent;
  if (p?.type !== T.CallExpression || !p.arguments.includes(n as TSESTree.CallExpressionArgument)) return false;
  const callee = unwrap(p.callee);
  return callee.type === T.MemberExpression && keyOwnerSetter.pattern.test(propertyName(callee) ?? '');
}
