/**
 * The suggestion of no-logged-key: replace the leaking expression with '[redacted]' (inside a template, the
 * text itself; a shorthand field keeps its name; a spread is replaced whole, since spreading the string would
 * write its characters: `{ ...creds }` becomes `{ creds: '[redacted]' }`, `[...pw]` becomes `['[redacted]']`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

/** The fix that writes '[redacted]' in place of `node`. */
export const redactFix =
  (sourceCode: TSESLint.SourceCode, node: TSESTree.Node): TSESLint.ReportFixFunction =>
  (fixer) => {
    const p = node.parent;
    const outer =
      p && (p.type === T.TSAsExpression || p.type === T.TSNonNullExpression || p.type === T.ChainExpression) ? p : node;
    const host = outer.parent;
    if (host?.type === T.TemplateLiteral) {
      const i = host.expressions.indexOf(outer as TSESTree.Expression);
      const before = host.quasis[i]!;
      const after = host.quasis[i + 1]!;
      return fixer.replaceTextRange([before.range[1] - 2, after.range[0] + 1], '[redacted]');
    }
    if (host?.type === T.SpreadElement) {
      const name =
        outer.type === T.Identifier
          ? outer.name
          : outer.type === T.MemberExpression && !outer.computed && outer.property.type === T.Identifier
            ? outer.property.name
            : 'redacted';
      const inObject = host.parent.type === T.ObjectExpression;
      return fixer.replaceText(host, inObject ? `${name}: '[redacted]'` : "'[redacted]'");
    }
    if (host?.type === T.Property && host.shorthand)
      return fixer.replaceText(host, `${sourceCode.getText(host.key)}: '[redacted]'`);
    return fixer.replaceText(outer, "'[redacted]'");
  };
