/**
 * File writes that matter to key-file deletion: a write of key material makes its path a key file (a later
 * unlink deletes a key), and a write of zeros overwrites it (then an unlink is fine).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { fileReads, keyImports, keyPairBytesName } from '../catalogue/deletion.js';
import { plaintextFileWrites } from '../catalogue/loggers.js';
import {
  byteKeepingCalls,
  byteSerialisers,
  keylikeText,
  notCredentialTokenName,
  secretishWord,
} from '../catalogue/index.js';
import { normaliseName, isSecretName } from '../detect/names.js';
import { bindingNameOf, calleeName, constInitOf, propertyName, unwrap } from './ast.js';
import { isKeyMaterialName } from './key-holders.js';
import { firstMatchingPattern, matchCallPattern, patternMatches, patternsReach } from './call-patterns.js';
import { flowOf } from './flow/engine.js';
import type { ImportMap } from './imports.js';
import type { KeyFileTracker } from './key-files.js';
import type { KeySources } from './key-sources.js';
import type { CalleePath } from './sinks.js';
import type { Origin } from './values.js';

/**
 * Tells `keyFiles` about an `fs.writeFile` call that writes key material or zeros. Returns the path and the value
 * written when neither is known yet: a value the file wipes somewhere (`root.fill(0)`) is key material, which only
 * the end of the file can tell.
 */
export function trackKeyFileWrite(
  call: TSESTree.CallExpression,
  cp: CalleePath,
  keyFiles: KeyFileTracker,
  sources: KeySources,
  sourceCode: TSESLint.SourceCode,
): { readonly path: TSESTree.Node; readonly data: TSESTree.Node } | undefined {
  if (!patternsReach(plaintextFileWrites, cp)) return undefined;
  if (!plaintextFileWrites.some((p) => p.id === 'fs.writeFile' && patternMatches(p, cp))) return undefined;
  const [p, data] = call.arguments;
  if (!p || !data || p.type === T.SpreadElement || data.type === T.SpreadElement) return undefined;
  keyFiles.fileWritten(p);
  // `identity + '\n'`, `${pem}\n`: the parts of a text built around the key are written too.
  const origins = writtenParts(data).flatMap((part) => flowOf(sourceCode).origins(part));
  if (origins.some(overwrites)) keyFiles.overwritten(p, call);
  else if (recordWithKeyField(data, sourceCode)) keyFiles.keyWritten(p);
  else if (recordWithCredentialField(data, sourceCode)) keyFiles.keyWritten(p, 'credential');
  else if (
    origins.some(
      (o) =>
        sources.originSource(o, bindingNameOf(data)) !== undefined ||
        (o.kind === 'string' && /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(o.value ?? '')),
    ) ||
    serialisedKeyName(data)
  )
    keyFiles.keyWritten(p);
  else if (knownPlainText(data)) keyFiles.plainWritten(p);
  else return { path: p, data: unwrap(data) };
  return undefined;
}

/**
 * `JSON.stringify(Array.from(keypair.secretKey))`, `bs58.encode(secretKeyBytes)`, `JSON.stringify(keypairBytes)`:
 * the value under the serialisers is named as key material or as a key pair's bytes (a key pair's secret half
 * is in them: Solana's 64-byte form, tweetnacl's `secretKey`).
 */
function serialisedKeyName(data: TSESTree.Node): boolean {
  let n = unwrap(data);
  for (let i = 0; i < 5 && n.type === T.CallExpression; i++) {
    const callee = unwrap(n.callee);
    const arg = n.arguments[0];
    if (!byteSerialisers.names.has(calleeName(callee) ?? '')) return false;
    n = unwrap(arg && arg.type !== T.SpreadElement ? arg : callee.type === T.MemberExpression ? callee.object : callee);
  }
  const name = n.type === T.Identifier ? n.name : n.type === T.MemberExpression ? propertyName(n) : undefined;
  return name !== undefined && (isKeyMaterialName(name, false) || keyPairBytesName.pattern.test(normaliseName(name)));
}

/**
 * `writeFileSync(keystore, \`library=${lib}\\nslot=-1\`)`: the whole text written is in the file, and neither its
 * literal parts nor the names of the values put in it say key material (a PKCS#11 provider config, a settings
 * file). The file's name may say "key", but what this file writes to it is not a key.
 */
function knownPlainText(data: TSESTree.Node, depth = 0): boolean {
  const n = unwrap(data);
  if (n.type === T.Literal) return typeof n.value === 'string' && !keylikeText.pattern.test(n.value);
  if (n.type === T.BinaryExpression && n.operator === '+' && depth < 4)
    return knownPlainText(n.left, depth + 1) && knownPlainText(n.right, depth + 1);
  if (n.type !== T.TemplateLiteral) return false;
  if (n.quasis.some((q) => keylikeText.pattern.test(q.value.cooked ?? q.value.raw))) return false;
  return n.expressions.every((e) => {
    const u = unwrap(e);
    const name = bindingNameOf(e) ?? (u.type === T.Identifier ? u.name : '');
    return name !== '' && !isKeyMaterialName(name) && !isSecretName(name) && !secretishWord.pattern.test(name);
  });
}

/**
 * Data that overwrites a file's old bytes: zeros (`Buffer.alloc(size)`, also of a size read at run time:
 * `Buffer.alloc(statSync(p).size)`) or random bytes of its size (`randomBytes(size)`), SP 800-88's "clear".
 */
function overwrites(o: Origin): boolean {
  if (o.kind === 'zeros') return true;
  const c = o.node;
  if (c.type !== T.CallExpression || c.callee.type !== T.MemberExpression) return false;
  const method = propertyName(c.callee);
  if (calleeName(c.callee.object) === 'Buffer') return method === 'alloc' && c.arguments.length === 1;
  return method === 'randomBytes' && calleeName(c.callee.object) === 'crypto';
}

/** Tells `keyFiles` about a key import whose key bytes were read from a file (`createPrivateKey(readFileSync(p))`). */
export function trackKeyFileRead(
  call: TSESTree.CallExpression,
  cp: CalleePath,
  keyFiles: KeyFileTracker,
  imports: ImportMap,
  sourceCode: TSESLint.SourceCode,
): void {
  const imp = firstMatchingPattern(keyImports, cp);
  const arg = imp && call.arguments[imp.keyArg];
  if (!arg || arg.type === T.SpreadElement) return;
  for (const o of flowOf(sourceCode).origins(arg)) {
    const read = o.node;
    if (read.type !== T.CallExpression || !matchCallPattern(read, imports, sourceCode.getScope(read), [fileReads]))
      continue;
    const p = read.arguments[0];
    if (p && p.type !== T.SpreadElement) keyFiles.keyRead(p);
  }
}

/** `JSON.stringify({ address, privateKey })`: a record with a key-material field (not the bare `key`). */
function recordWithKeyField(data: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  const rec = writtenRecord(data, sourceCode);
  return rec?.properties.some((q) => q.type === T.Property && isKeyMaterialName(propertyName(q), false)) ?? false;
}

/** The pieces a written text is built from (`a + b`, a template's expressions), or the value itself. */
function writtenParts(data: TSESTree.Node, depth = 0): TSESTree.Node[] {
  const n = unwrap(data);
  if (depth < 4 && n.type === T.BinaryExpression && n.operator === '+')
    return [...writtenParts(n.left, depth + 1), ...writtenParts(n.right, depth + 1)];
  if (n.type === T.TemplateLiteral && n.expressions.length > 0) return n.expressions;
  return [n];
}

/** The record a write serialises (`JSON.stringify({ … })`, or a const bound to one), if any. */
function writtenRecord(data: TSESTree.Node, sourceCode: TSESLint.SourceCode): TSESTree.ObjectExpression | undefined {
  let n = unwrap(data);
  if (n.type === T.CallExpression && calleeName(unwrap(n.callee)) === 'stringify' && n.arguments[0])
    n = unwrap(n.arguments[0]);
  if (n.type === T.Identifier) n = constInitOf(n, sourceCode.getScope(n)) ?? n;
  return n.type === T.ObjectExpression ? n : undefined;
}

/**
 * `JSON.stringify({ token: argv.token })`, `{ refreshToken, apiKey }` written to a CLI's config file: a record
 * with a credential field, so the file is a credential file and unlinking it leaves the credential on disk.
 */
function recordWithCredentialField(data: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  const rec = writtenRecord(data, sourceCode);
  return (
    rec?.properties.some((q) => {
      const name = q.type === T.Property ? propertyName(q) : undefined;
      if (name === undefined) return false;
      const n = normaliseName(name);
      return isSecretName(name) || (/(?:^|_)token$/.test(n) && !notCredentialTokenName.pattern.test(n));
    }) ?? false
  );
}

/**
 * `const key = Buffer.from(readFileSync(p, 'utf8').trim(), 'base64')`: a binding named as key material,
 * read from a file (through encoders and string methods), makes that file a key file.
 */
export function trackKeyBindingRead(
  decl: TSESTree.VariableDeclarator,
  keyFiles: KeyFileTracker,
  imports: ImportMap,
  sourceCode: TSESLint.SourceCode,
): void {
  if (decl.id.type !== T.Identifier || !decl.init || !isKeyMaterialName(decl.id.name)) return;
  let n: TSESTree.Node | undefined = unwrap(decl.init);
  for (let i = 0; i < 6 && n; i++) {
    if (n.type === T.AwaitExpression) n = unwrap(n.argument);
    if (n.type !== T.CallExpression) return;
    if (matchCallPattern(n, imports, sourceCode.getScope(n), [fileReads])) {
      const p = n.arguments[0];
      if (p && p.type !== T.SpreadElement) keyFiles.keyRead(p);
      return;
    }
    const callee = unwrap(n.callee);
    // Only through encoders and string methods: `createPublicKey(readFileSync(p))` is not key material.
    if (!byteKeepingCalls.names.has(calleeName(callee) ?? '')) return;
    const first: TSESTree.CallExpressionArgument | undefined = n.arguments[0];
    n =
      callee.type === T.MemberExpression && unwrap(callee.object).type === T.CallExpression
        ? unwrap(callee.object)
        : first && first.type !== T.SpreadElement
          ? unwrap(first)
          : undefined;
  }
}
