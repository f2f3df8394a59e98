/**
 * A secret an interactive command prints because the operator asked to see it (session 32): `--reveal`,
 * `--show-secrets`, "Do you want to display the sensitive information?". The print is the answer to that request, as
 * `vault kv get` or a credentials download command shows the value, not a log line. Only when:
 *
 * - the printed value sits under a test that is such a request (catalogue `revealRequest`): a flag named so (`reveal`,
 *   `options.showSecrets`, `displaySensitiveInformation`), or a binding written from a confirm prompt (`const ok =
 *   await confirm(…)`), or the prompt itself; the value must be in the branch the request opens (an `if`'s
 *   consequent, a conditional's consequent, the right of `&&`), not in its `else`;
 * - a flag's name alone counts only in an interactive module: one that imports a command framework or a prompt
 *   library (catalogue `commandLineFrameworks`, `revealRequest.promptLibraries`), starts with `#!`, or writes the
 *   flag from a confirm prompt. A server's `if (showSecrets) logger.info(secret)` is a debug switch and stays
 *   reported, as does a `logSecrets` or `DEBUG_KEYS` flag anywhere, and an environment variable of any name
 *   (`process.env.SHOW_SECRETS`): it stays on for every run once set.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { revealRequest } from '../catalogue/loggers.js';
import { normaliseName } from '../detect/names.js';
import { envVarName, findVariable, isFunctionNode, propertyName, unwrap } from './ast.js';
import { isCommandLineModule } from './cli-output.js';
import type { ImportMap } from './imports.js';
import { calleeText } from './leaks.js';

/** The judge of one file: true when `printed` is shown only on the operator's request to see it. */
export function createRevealJudge(
  sourceCode: TSESLint.SourceCode,
  imports: ImportMap,
): (printed: TSESTree.Node) => boolean {
  let interactive: boolean | undefined;
  const isInteractive = (): boolean =>
    (interactive ??= isCommandLineModule(sourceCode, imports, revealRequest.promptLibraries));

  /** A confirm prompt's answer: `await confirm(…)`, `confirmAsync({ message })`. */
  const isConfirm = (node: TSESTree.Node | null | undefined): boolean => {
    if (!node) return false;
    const n = unwrap(node.type === T.AwaitExpression ? node.argument : node);
    if (n.type !== T.CallExpression) return false;
    return revealRequest.confirmCall.pattern.test(calleeText(n.callee)?.split('.').pop() ?? '');
  };

  /** A binding some write of which is a confirm prompt's answer. */
  const writtenFromConfirm = (id: TSESTree.Identifier): boolean => {
    const v = findVariable(sourceCode.getScope(id), id);
    return v !== null && v !== undefined && v.references.some((r) => r.isWrite() && isConfirm(r.writeExpr));
  };

  /** The test asks to reveal: a flag named so, a confirm prompt's answer, or either under `&&`. */
  const isRequest = (test: TSESTree.Node): boolean => {
    const t = unwrap(test);
    if (t.type === T.LogicalExpression && t.operator === '&&') return isRequest(t.left) || isRequest(t.right);
    if (isConfirm(t)) return true;
    if (t.type === T.Identifier && writtenFromConfirm(t)) return true;
    // An environment variable (`process.env.SHOW_VALUES`) is a standing switch, set once in a shell profile or a CI
    // job and then on for every run, as a server's debug switch is: not the operator's request of this run.
    if (envVarName(t) !== undefined) return false;
    const name = t.type === T.Identifier ? t.name : t.type === T.MemberExpression ? propertyName(t) : undefined;
    return name !== undefined && revealRequest.flag.pattern.test(normaliseName(name)) && isInteractive();
  };

  return (printed) => {
    let child: TSESTree.Node = printed;
    for (let p = printed.parent; p && !isFunctionNode(p); child = p, p = p.parent) {
      if ((p.type === T.IfStatement || p.type === T.ConditionalExpression) && p.consequent === child)
        if (isRequest(p.test)) return true;
      if (p.type === T.LogicalExpression && p.operator === '&&' && p.right === child && isRequest(p.left)) return true;
    }
    return false;
  };
}
