/**
 * The text a log call writes right before each of its arguments: the printf-style format before the argument's
 * placeholder (`debug('jwt %s for %s', token, user)`, Node's util.format, the `debug` module, pino's message
 * interpolation), or a string argument just before it (`console.log('password:', pw)`). The leak finder reads
 * it as the label a writer gave the value, as it reads a template literal's text (issue 11: strangers label
 * their secrets in the message more often than they name the variable for them).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { staticString } from './ast.js';

/** util.format's placeholders; `%%` is a literal percent sign and `%c` (CSS) takes an argument it does not print. */
const PLACEHOLDER = /%[sdifjoOc%]/g;

/** Each argument's label: the text written right before it. Arguments with no text before them have none. */
export function messageLabels(args: readonly TSESTree.CallExpressionArgument[]): Map<TSESTree.Node, string> {
  const labels = new Map<TSESTree.Node, string>();
  const first = args[0] && staticString(args[0]);
  let next = 1;
  if (first !== undefined && first.includes('%')) {
    let from = 0;
    for (const m of first.matchAll(PLACEHOLDER)) {
      if (m[0] === '%%') continue;
      const arg = args[next++];
      if (!arg) break;
      if (m[0] !== '%c') labels.set(arg, first.slice(from, m.index));
      from = m.index + 2;
    }
  }
  // `console.log('password:', pw, 'user:', u)`: a string argument labels the one after it.
  for (let i = Math.max(next, 1); i < args.length; i++) {
    const prev = args[i - 1]!;
    const text = prev.type === T.Literal || prev.type === T.TemplateLiteral ? staticString(prev) : undefined;
    if (text !== undefined && !labels.has(args[i]!)) labels.set(args[i]!, text);
  }
  return labels;
}

/** The text a log call writes of its own: its string arguments (a template's fixed parts), joined. */
export function messageText(args: readonly TSESTree.CallExpressionArgument[]): string | undefined {
  const parts = args.flatMap((a) =>
    a.type === T.Literal && typeof a.value === 'string'
      ? [a.value]
      : a.type === T.TemplateLiteral
        ? [a.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' ')]
        : [],
  );
  return parts.length ? parts.join(' ') : undefined;
}
