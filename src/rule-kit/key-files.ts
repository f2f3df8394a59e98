/**
 * Key files deleted in a recoverable way: `fs.unlink`/`rm`/`rimraf`/`del` on a path that names key
 * material (`*.pem`, `id_rsa`, `private_key`) or that key material was written to earlier in the file,
 * with no overwrite (`writeFile(p, Buffer.alloc(n))`) or `destroyKeyFile(p)` before it. NIST SP 800-88
 * Rev. 1 §2.5: unlinking removes the name, not the bytes. The deletion APIs and path patterns are
 * catalogue data (src/catalogue/deletion.ts); the suggestion is `destroyKeyFile` from keyhygiene/keys.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  keyFileName,
  keyFilePath,
  secretFilePath,
  syncCalleeNames,
  type FileDeletionApi,
} from '../catalogue/deletion.js';
import { normaliseName } from '../detect/index.js';
import {
  calleeName,
  canAwaitAt,
  derefConst,
  enclosingFunction,
  propertyName,
  staticString,
  unwrap,
  type FunctionNode,
} from './ast.js';
import { ensureNamedImport } from './fixes.js';
import { isKeyMaterialName } from './key-holders.js';
import { namesKeyFilePath, pathText as staticPathText } from './path-text.js';
import { removedOperands } from './shell-removals.js';

type SourceType = 'module' | 'script' | 'commonjs' | undefined;

const isFunctionLike = (n: TSESTree.Node): boolean =>
  n.type === T.FunctionDeclaration || n.type === T.FunctionExpression || n.type === T.ArrowFunctionExpression;

/** A binding that names a directory of keys, inside a path expression: `keyDir`, `KEYS_DIR`, `keystoreRoot`. */
const keyDirName = new RegExp(
  String.raw`(?<![A-Za-z0-9])((?:keys?|keystore|secrets?|private_?keys?)` +
    String.raw`(?:Dir|Directory|Folder|Root|_dir|_directory|_root|_DIR|_ROOT))\b`,
  'i',
);

/** What the deletion check reports: the call, why its path is a key file, and an optional suggestion. */
interface KeyFileDeletion {
  readonly why: string;
  readonly fix?: TSESLint.ReportFixFunction;
}

/** Per-file state of the key-file check: paths key material was written to, and paths overwritten. */
export interface KeyFileTracker {
  /** Key material was written to this path (an unlink of it anywhere in the file is a key-file deletion). */
  readonly keyWritten: (path: TSESTree.Node, what?: 'key' | 'credential') => void;
  /** Text known in full and holding no key was written to this path: its name alone does not make it a key file. */
  readonly plainWritten: (path: TSESTree.Node) => void;
  /** A key was loaded from this path (`createPrivateKey(readFileSync(p))`): it is a key file. */
  readonly keyRead: (path: TSESTree.Node) => void;
  /** This path was overwritten or destroyed (a later unlink of it in the same function is fine). */
  readonly overwritten: (path: TSESTree.Node, at: TSESTree.Node) => void;
  /** A file was written to this path: a path that names a key file makes its directories key directories. */
  readonly fileWritten: (path: TSESTree.Node) => void;
  /** The report for a deletion call, or undefined when it deletes no key file. */
  readonly deletion: (call: TSESTree.CallExpression, api: FileDeletionApi) => KeyFileDeletion | undefined;
  /** The report for a shell `rm` run from code (`execSync(\`rm -f ${keyFile}\`)`), or undefined. */
  readonly shellDeletion: (call: TSESTree.CallExpression) => KeyFileDeletion | undefined;
}

export function createKeyFileTracker(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  identity: (expr: TSESTree.Node) => string,
): KeyFileTracker {
  const sourceCode = context.sourceCode;
  const getScope = (n: TSESTree.Node): TSESLint.Scope.Scope => sourceCode.getScope(n);
  const sourceType = (context.languageOptions as { sourceType?: SourceType }).sourceType;
  const esm = sourceType !== 'commonjs' && sourceType !== 'script' && !/\.c[jt]s$/.test(context.filename);
  /** Paths key material (or a credential record) is written to, with where and what. */
  const keyWrites = new Map<string, { start: number; what: 'key' | 'credential' }>();
  const keyReads = new Set<string>();
  const plainWrites = new Set<string>();
  const overwrites: { key: string; start: number; fn: FunctionNode | undefined }[] = [];

  /** Directories that hold a key file this file writes or reads (`dir` of `writeFile(join(dir, 'key.pem'), pem)`). */
  const keyDirs = new Set<string>();
  const normText = (n: TSESTree.Node): string =>
    sourceCode.getText(n).replace(/\s+/g, '').replace(/\?\./g, '.').replace(/!/g, '');

  const pathText = (node: TSESTree.Node): string => staticPathText(node, getScope);

  /**
   * The directories of a file path, as identities: `dir` and `join(dir, 'sub')` for `join(dir, 'sub', name)` (or
   * `path.resolve`), `dir` for `\`${dir}/name\`` and `dir + '/name'`, through `const` bindings.
   */
  const parentsOf = (pathNode: TSESTree.Node): string[] => {
    const n = derefConst(pathNode, getScope);
    if (!n) return [];
    if (n.type === T.CallExpression && /^(?:join|resolve)$/.test(calleeName(unwrap(n.callee)) ?? '')) {
      const args = n.arguments.filter((a): a is TSESTree.Expression => a.type !== T.SpreadElement);
      const callee = normText(n.callee);
      return args.slice(0, -1).map((a, i) =>
        i === 0
          ? identity(a)
          : `text:${callee}(${args
              .slice(0, i + 1)
              .map(normText)
              .join(',')})`,
      );
    }
    if (n.type === T.TemplateLiteral && n.quasis[0]?.value.raw === '' && n.expressions[0])
      return /^[\\/]/.test(n.quasis[1]?.value.raw ?? '') ? [identity(n.expressions[0])] : [];
    if (n.type === T.BinaryExpression && n.operator === '+')
      return /^[\\/]/.test(staticString(n.right) ?? '') ? [identity(n.left)] : [];
    return [];
  };
  const addKeyDirs = (pathNode: TSESTree.Node): void => {
    for (const d of parentsOf(pathNode)) keyDirs.add(d);
  };

  /** Why a path, known by its static text only (a shell command's operand), is a key file; or undefined. */
  const keyTextReason = (text: string): string | undefined => {
    const last = text.split(/[\\/]/).pop() ?? text;
    if (namesKeyFilePath(text)) return `its path ${keyFilePath.pattern.test(last) ? last : text} names key material`;
    if (secretFilePath.pattern.test(text)) return `its path ${last} names a credential or seed phrase file`;
    return undefined;
  };

  /** Why a deleted path is a key file, or undefined. */
  const keyFileReason = (pathNode: TSESTree.Node, at: number): string | undefined => {
    const n = unwrap(pathNode);
    if (keyDirs.has(identity(n))) return 'a key file this file writes or reads lies inside it';
    const written = keyWrites.get(identity(n));
    // Written after the delete too: `rm(p)` then `writeFile(p, newKey)` (a rotation) leaves the old key's blocks.
    if (written)
      return `${written.what === 'key' ? 'key material' : 'a credential'} ${
        written.start < at ? 'was written to it earlier' : 'is written to it'
      } in this file`;
    if (keyReads.has(identity(n))) return 'a key was loaded from it earlier in this file';
    if (plainWrites.has(identity(n))) return undefined;
    const text = pathText(n);
    const last = text.split(/[\\/]/).pop() ?? text;
    const byText = keyTextReason(text);
    if (byText) return byText;
    if (keyFilePath.exclude.test(text) || keyFilePath.exclude.test(last)) return undefined;
    const name = calleeName(n);
    if (name !== undefined && keyFileName.pattern.test(normaliseName(name))) return `'${name}' names a key file`;
    // `unlinkSync(opts.key)`, `rm(privateKey)`: a path held under a key-material name is the key's file.
    if (name !== undefined && isKeyMaterialName(name)) return `'${name}' names key material`;
    const ext = keyExtensionTested(n);
    if (ext) return `its name was selected by a test for '${ext}', a key file`;
    // `rimraf(\`${keyDir}/archive\`)`: a path under a directory of keys.
    const dir = keyDirName.exec(sourceCode.getText(n));
    if (dir) return `it lies under '${dir[1]}', a directory of keys`;
    return undefined;
  };

  /**
   * A file name picked by a test for a key extension (`for (const f of files.filter((f) => f.endsWith('.key')))`,
   * `if (f.endsWith('.pem')) unlink(join(dir, f))`): the deleted path's last part is that name. Returns the extension.
   */
  const keyExtensionTested = (pathNode: TSESTree.Node): string | undefined => {
    const p = derefConst(pathNode, getScope) ?? pathNode;
    const last =
      p.type === T.CallExpression && /^(?:join|resolve)$/.test(calleeName(unwrap(p.callee)) ?? '')
        ? p.arguments.at(-1)
        : p.type === T.TemplateLiteral
          ? p.expressions.at(-1)
          : undefined;
    const name = last && unwrap(last).type === T.Identifier ? (unwrap(last) as TSESTree.Identifier).name : undefined;
    if (name === undefined) return undefined;
    const tested = (text: string): string | undefined => {
      for (const m of text.matchAll(/\.endsWith\(\s*['"`]([^'"`]{1,20})['"`]\s*\)/g))
        if (namesKeyFilePath(`f${m[1]!.startsWith('.') ? '' : '.'}${m[1]}`)) return m[1];
      return undefined;
    };
    for (let a: TSESTree.Node | undefined = pathNode.parent; a && !isFunctionLike(a); a = a.parent) {
      // `if (f.endsWith('.pem'))` around the deletion.
      if ((a.type === T.IfStatement || a.type === T.ConditionalExpression) && a.test.range[1] <= pathNode.range[0]) {
        const ext = sourceCode.getText(a.test).includes(`${name}.endsWith`)
          ? tested(sourceCode.getText(a.test))
          : undefined;
        if (ext) return ext;
      }
      // `for (const f of files)` over a list filtered by extension (written there or in the const it reads).
      if (a.type === T.ForOfStatement && a.left.type === T.VariableDeclaration) {
        const id = a.left.declarations[0]?.id;
        if (id?.type !== T.Identifier || id.name !== name) continue;
        const list = derefConst(a.right, getScope) ?? a.right;
        const text = sourceCode.getText(list);
        const ext = /\.filter\(/.test(text) ? tested(text) : undefined;
        if (ext) return ext;
      }
    }
    return undefined;
  };

  const deletion = (call: TSESTree.CallExpression, api: FileDeletionApi): KeyFileDeletion | undefined => {
    const flags = api.flagsFirst ? call.arguments.findIndex((a) => !/^-/.test(staticString(a) ?? '')) : api.pathArg;
    const pathArg = call.arguments[flags < 0 ? api.pathArg : flags];
    if (!pathArg || pathArg.type === T.SpreadElement) return undefined;
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
          : keyFileReason(e, call.range[0]),
      }))
      .find((x) => x.why);
    if (!found?.why) return undefined;
    const why = found.why;
    const pathSrc = sourceCode.getText(found.e);
    // destroyKeyFile takes one file: no suggestion for a list, a recursive delete, or a path that reads as a directory.
    const last = pathText(found.e).split(/[\\/]/).pop() ?? '';
    const recursive = call.arguments.some(
      (a) =>
        a.type === T.ObjectExpression &&
        a.properties.some((p) => p.type === T.Property && propertyName(p) === 'recursive'),
    );
    const method = calleeName(call.callee) ?? '';
    const fileOnly = /^(?:unlink|unlinkSync)$/.test(method);
    const oneFile = entries.length === 1 && !recursive && (fileOnly || /\.[A-Za-z0-9]{1,10}$|^id_/.test(last));
    const style = api.style === 'promise' && syncCalleeNames.has(method) ? 'sync' : api.style;
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
    if (!text || !esm || api.outsideNode) return { why };
    const fix: TSESLint.ReportFixFunction = (fixer) => {
      const fixes = [fixer.replaceText(replaceNode, text)];
      const imp = ensureNamedImport(fixer, context, 'destroyKeyFile');
      if (imp) fixes.push(imp);
      return fixes;
    };
    return { why, fix };
  };

  const shellDeletion = (call: TSESTree.CallExpression): KeyFileDeletion | undefined => {
    for (const operand of removedOperands(call)) {
      const why = typeof operand === 'string' ? keyTextReason(operand) : keyFileReason(operand, call.range[0]);
      if (why) return { why };
    }
    return undefined;
  };

  return {
    keyWritten: (p, what = 'key') => {
      if (keyWrites.get(identity(p))?.what !== 'key') keyWrites.set(identity(p), { start: p.range[0], what });
      addKeyDirs(p);
    },
    keyRead: (p) => {
      keyReads.add(identity(p));
      addKeyDirs(p);
    },
    fileWritten: (p) => {
      if (keyTextReason(pathText(p))) addKeyDirs(p);
    },
    shellDeletion,
    plainWritten: (p) => plainWrites.add(identity(p)),
    overwritten: (p, at) => overwrites.push({ key: identity(p), start: at.range[0], fn: enclosingFunction(at) }),
    deletion,
  };
}
