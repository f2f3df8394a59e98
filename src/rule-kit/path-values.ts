/**
 * A binding that holds a file path where it is printed (session 32): the same function hands it to the file system
 * as a path (catalogue `pathArguments`: `existsSync`, `pathExists`, `stat`, `readFile`, `path.resolve`) before the
 * print, and does not assign it again in between. `if (!existsSync(secretFile)) throw new Error(\`${secretFile} not
 * found\`)` names the file whose content is the secret; a CLI's secret value that is still the path the user typed
 * (`path.resolve(secretValue)`, read into the same binding only afterwards) is the same. What the binding holds after
 * a later read is judged as usual, and a member (`opts.secretFile`) is not followed. A value that the code uses as
 * the secret itself after the print (`if (existsSync(token)) return readFileSync(token); log(token); return token`:
 * "a key or the path of its file") is no path there, and stays reported.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { pathArguments } from '../catalogue/loggers.js';
import { enclosingFunction, findVariable, unwrap } from './ast.js';
import { matchCallPattern } from './call-patterns.js';
import type { ImportMap } from './imports.js';

/** The judge of one file: true when `node`, printed, is a binding that holds a path there. */
export function createPathValueJudge(
  sourceCode: TSESLint.SourceCode,
  imports: ImportMap,
): (node: TSESTree.Node) => boolean {
  const getScope = (n: TSESTree.Node): TSESLint.Scope.Scope => sourceCode.getScope(n);
  /** `ref` is an argument of a call that takes a path (the first one of a file-system call, any one of `path.*`). */
  const usedAsPath = (ref: TSESTree.Identifier): boolean => {
    let arg: TSESTree.Node = ref;
    while (arg.parent && unwrap(arg.parent) === unwrap(arg) && arg.parent.type !== T.CallExpression) arg = arg.parent;
    const call = arg.parent;
    if (call?.type !== T.CallExpression || call.callee === arg) return false;
    const index = call.arguments.indexOf(arg as TSESTree.CallExpressionArgument);
    if (index < 0) return false;
    const p = matchCallPattern(call, imports, getScope(call), pathArguments);
    return p !== undefined && (index === 0 || p.id === 'path.resolve');
  };
  return (node) => {
    const n = unwrap(node);
    if (n.type !== T.Identifier) return false;
    const v = findVariable(getScope(n), n);
    if (!v || v.defs.length === 0) return false;
    const fn = enclosingFunction(n);
    const at = n.range[0];
    // The last path use before the print, in the print's own function.
    let lastUse = -1;
    for (const r of v.references) {
      const id = r.identifier as TSESTree.Identifier;
      if (id === n || !r.isRead() || id.range[0] >= at || enclosingFunction(id) !== fn) continue;
      if (usedAsPath(id)) lastUse = Math.max(lastUse, id.range[0]);
    }
    if (lastUse < 0) return false;
    // A write takes effect where its assignment ends, after a path use inside it (`secret = readFileSync(secret)`).
    const writes = v.references.filter((r) => r.isWrite()).map((r) => (r.identifier.parent ?? r.identifier).range[1]);
    // No write between that use and the print: the binding then holds the content.
    if (writes.some((end) => end > lastUse && end < at)) return false;
    // Until the next write, the same value is only used as a path again: a value tried as a path and then used as
    // the secret itself (`if (existsSync(token)) return readFileSync(token); log(token); return token`) may be
    // the secret, and is printed when it was none.
    const next = Math.min(...writes.filter((end) => end > at), Infinity);
    return v.references.every((r) => {
      const id = r.identifier as TSESTree.Identifier;
      return !r.isRead() || id.range[0] <= n.range[1] || id.range[0] > next || usedAsPath(id);
    });
  };
}
