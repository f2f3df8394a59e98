/**
 * The secret options a command-line program of this file declares (issue 11, session 37): commander's
 * `.option('--vercel-token <token>', …)` or `.requiredOption('-p, --passphrase <pass>')` (catalogue `cliOptions`).
 * Its `program.opts()` holds them under the camel-case of the long flag, so the options object logged whole logs them.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { cliOptions } from '../catalogue/loggers.js';
import { childrenOf, propertyName, unwrap } from './ast.js';

/** `program.opts()`, `this.optsWithGlobals()`: a read of the parsed options, with no argument. */
export function readsCliOptions(n: TSESTree.Node): boolean {
  const u = unwrap(n);
  if (u.type !== T.CallExpression || u.arguments.length > 0) return false;
  const c = unwrap(u.callee);
  return c.type === T.MemberExpression && cliOptions.readers.has(propertyName(c) ?? '');
}

/** The identifier a chain of calls starts from: `program` of `program.option(…).option(…)`. */
function chainRoot(n: TSESTree.Node): string | undefined {
  let u = unwrap(n);
  while (u.type === T.CallExpression || u.type === T.MemberExpression)
    u = unwrap(u.type === T.CallExpression ? u.callee : u.object);
  return u.type === T.Identifier ? u.name : undefined;
}

/**
 * The secret option (its long flag, `vercel-token`) that the options read by `read` (`program.opts()`) hold: one
 * declared on the same program where the file declares options on it, else one declared anywhere in the file (a
 * hook's `cmd` or an action's `this` is the program). `isSecret` judges the camel-case option name. The file is read
 * once, and only when its text declares an option.
 */
export function createSecretOptionFinder(
  sourceCode: TSESLint.SourceCode,
  isSecret: (name: string) => boolean,
): (read: TSESTree.Node) => string | undefined {
  let declared: { root: string | undefined; flag: string; secret: boolean }[] | undefined;
  const collect = (): typeof declared => {
    const out: NonNullable<typeof declared> = [];
    if (!/\.(?:option|requiredOption)\s*\(/.test(sourceCode.text)) return out;
    const stack: TSESTree.Node[] = [sourceCode.ast];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === T.CallExpression && n.callee.type === T.MemberExpression) {
        const first = n.arguments[0];
        const flags = first?.type === T.Literal && typeof first.value === 'string' ? first.value : undefined;
        const flag = flags !== undefined ? cliOptions.longFlag.exec(flags)?.[1] : undefined;
        const name = flag?.replace(/-([a-z0-9])/gi, (_, c: string) => c.toUpperCase());
        if (cliOptions.declarers.has(propertyName(n.callee) ?? '') && flag !== undefined && name !== undefined)
          out.push({ root: chainRoot(n.callee.object), flag, secret: isSecret(name) });
      }
      stack.push(...childrenOf(n, sourceCode.visitorKeys));
    }
    return out;
  };
  return (read) => {
    declared ??= collect()!;
    const u = unwrap(read);
    const root = u.type === T.CallExpression ? chainRoot(u.callee) : undefined;
    const own = declared.filter((d) => d.root !== undefined && d.root === root);
    return (own.length ? own : declared).find((d) => d.secret)?.flag;
  };
}
