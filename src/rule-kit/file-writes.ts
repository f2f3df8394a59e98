/**
 * How a plaintext file write is judged by no-logged-key: whether its path names a key file, whether its
 * mode is owner-only (then a key file is the key's store, whatever key it holds, unless it sits in the temp dir, and a
 * credential store file, `credentials.json` or `.netrc`, is the credential's).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { fileDeletionApis, wipes } from '../catalogue/deletion.js';
import { credentialCacheDir, credentialStoreFile, fileModeCalls, ownerOnlyModes } from '../catalogue/loggers.js';
import {
  calleeName,
  constInitOf,
  enclosingFunction,
  findVariable,
  propertyName,
  staticNumber,
  staticString,
  unwrap,
} from './ast.js';
import { matchCallPattern } from './call-patterns.js';
import type { ImportMap } from './imports.js';
import { namesKeyFilePath, pathText } from './path-text.js';

export interface FileWriteJudge {
  /** The written path, when known in the file, names a key file (`/tmp/session.key`, `id_rsa`). */
  readonly namesKeyFile: (arg: TSESTree.Node | undefined) => boolean;
  /** The written path's last segment names a credential store (`credentials.json`, `.netrc`, `credentials-<n>`). */
  readonly namesCredentialStore: (arg: TSESTree.Node | undefined) => boolean;
  /** The options argument (or the mode itself) gives a mode only the owner can read. */
  readonly ownerOnly: (opt: TSESTree.Node | undefined) => boolean;
  /**
   * The write's options give an owner-only mode, or the statement right after it sets the same path to one
   * (`chmodSync`).
   */
  readonly writtenOwnerOnly: (write: TSESTree.CallExpression, opt: TSESTree.Node | undefined) => boolean;
  /** The path is in the system temp directory (`/tmp/…`, `os.tmpdir()`): a scratch copy, not a key store. */
  readonly inTempDir: (arg: TSESTree.Node | undefined) => boolean;
  /** The path is held in a const that a file deletion call also removes (`finally { unlinkSync(keyPath) }`). */
  readonly removedAfterUse: (arg: TSESTree.Node | undefined) => boolean;
}

export function createFileWriteJudge(sourceCode: TSESLint.SourceCode, imports: ImportMap): FileWriteJudge {
  const getScope = (n: TSESTree.Node): TSESLint.Scope.Scope => sourceCode.getScope(n);
  /** The written path, when known in the file, names a key file (`/tmp/session.key`, `id_rsa`). */
  const namesKeyFile = (arg: TSESTree.Node | undefined): boolean =>
    arg !== undefined && arg.type !== T.SpreadElement && namesKeyFilePath(pathText(arg, getScope));
  /** The written path's last segment names a credential store (`credentials.json`, `.netrc`, `credentials-<n>`). */
  const namesCredentialStore = (arg: TSESTree.Node | undefined): boolean => {
    if (arg === undefined || arg.type === T.SpreadElement) return false;
    const text = pathText(arg, getScope);
    const last = text.split(/[\\/]/).pop() ?? '';
    return (last !== '*' && credentialStoreFile.pattern.test(last)) || credentialCacheDir.pattern.test(text);
  };

  const ownerOnly = (opt: TSESTree.Node | undefined): boolean => {
    if (!opt) return false;
    const o = unwrap(opt);
    const direct = staticNumber(o);
    if (direct !== undefined) return ownerOnlyModes.has(direct);
    if (o.type !== T.ObjectExpression) return false;
    const mode = o.properties.find((p): p is TSESTree.Property => p.type === T.Property && propertyName(p) === 'mode');
    const m = mode
      ? (staticNumber(mode.value) ?? (staticString(mode.value) ? parseInt(staticString(mode.value)!, 8) : undefined))
      : undefined;
    return m !== undefined && ownerOnlyModes.has(m);
  };
  /**
   * `fs.writeFileSync(file, data); fs.chmodSync(file, 0o600)`: the next statement of the same block restricts the same
   * path (the same text) to an owner-only mode, as many tools write a token cache.
   */
  const writtenOwnerOnly = (write: TSESTree.CallExpression, opt: TSESTree.Node | undefined): boolean => {
    if (ownerOnly(opt)) return true;
    const path = write.arguments[0];
    let stmt: TSESTree.Node = write;
    while (stmt.parent && (stmt.parent.type === T.AwaitExpression || stmt.parent.type === T.ExpressionStatement))
      stmt = stmt.parent;
    const block = stmt.parent;
    if (!path || (block?.type !== T.BlockStatement && block?.type !== T.Program)) return false;
    const next = block.body[block.body.indexOf(stmt as TSESTree.Statement) + 1];
    if (next?.type !== T.ExpressionStatement) return false;
    const e = unwrap(next.expression);
    const call = e.type === T.AwaitExpression ? unwrap(e.argument) : e;
    if (call.type !== T.CallExpression || !fileModeCalls.has(calleeName(unwrap(call.callee)) ?? '')) return false;
    const [target, mode] = call.arguments;
    const same = (a: TSESTree.Node, b: TSESTree.Node) =>
      sourceCode.getText(a).replace(/\s+/g, '') === sourceCode.getText(b).replace(/\s+/g, '');
    return target !== undefined && mode !== undefined && same(target, path) && ownerOnly(mode);
  };
  /** The path is in the system temp directory (`/tmp/…`, `os.tmpdir()`): a scratch copy, not a key store. */
  const inTempDir = (arg: TSESTree.Node | undefined): boolean => {
    if (arg === undefined || arg.type === T.SpreadElement) return false;
    if (/^(?:\/tmp|\/var\/tmp|\/dev\/shm)\//.test(pathText(arg, getScope))) return true;
    let n: TSESTree.Node | undefined = unwrap(arg);
    for (let i = 0; i < 3 && n?.type === T.Identifier; i++) n = constInitOf(n, getScope(n));
    return n !== undefined && /\btmpdir\s*\(/.test(sourceCode.getText(n));
  };
  /**
   * A scratch copy handed to another program and removed in the same code (`writeFileSync(keyPath, pem, { mode:
   * 0o600 }); try { execFileSync('cosign', ['--key', keyPath]) } finally { unlinkSync(keyPath) }`): the copy lives
   * as long as the call that needs it, and its removal is no-unsafe-key-deletion's to judge.
   */
  const removedAfterUse = (arg: TSESTree.Node | undefined): boolean => {
    const id = arg && arg.type !== T.SpreadElement ? unwrap(arg) : undefined;
    if (id?.type !== T.Identifier) return false;
    const v = findVariable(getScope(id), id);
    if (!v || v.defs[0]?.parent?.type !== T.VariableDeclaration || v.defs[0].parent.kind !== 'const') return false;
    // Removed by the same function that writes it: a module-level cache path removed elsewhere outlives the call.
    const writer = enclosingFunction(id);
    return v.references.some((r) => {
      const call = (r.identifier as TSESTree.Node).parent;
      if (writer === undefined || enclosingFunction(r.identifier as TSESTree.Node) !== writer) return false;
      if (call?.type !== T.CallExpression || !call.arguments.includes(r.identifier as TSESTree.Identifier))
        return false;
      // The file deletion APIs as no-unsafe-key-deletion matches them (by module), or a key-file destroyer.
      const name = calleeName(unwrap(call.callee));
      return (
        (name !== undefined && wipes.fileDestroyers.has(name)) ||
        matchCallPattern(call, imports, getScope(call), fileDeletionApis) !== undefined
      );
    });
  };
  return { namesKeyFile, namesCredentialStore, ownerOnly, writtenOwnerOnly, inTempDir, removedAfterUse };
}
