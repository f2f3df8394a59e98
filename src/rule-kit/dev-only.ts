/**
 * Development-only server code: the consequent of `if (env.isDevelopment)`, `if (isDev)`,
 * `if (process.env.NODE_ENV === 'development')`. A one-time code or link logged there is printed for the developer
 * who runs the server locally with no mail server (outline logs its sign-in code so); it never runs in production.
 * Not development-only: a debug FLAG (`if (process.env.DEBUG)`: production turns it on to chase a bug), and client
 * build flags (`import.meta.env.DEV`, React Native `__DEV__`): development builds run on testers' devices and
 * browsers, and two of the blind-corpus writers label header logs under them as leaks.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

const DEV_TEST = new RegExp(
  String.raw`^(?:[\w$.]+\.)?(?:isDevelopment|isDev|IS_DEV)$|` +
    String.raw`NODE_ENV\s*===?\s*['"](?:development|dev)['"]|['"](?:development|dev)['"]\s*===?\s*[\w$.]*NODE_ENV$`,
);

/**
 * The node runs only in development: inside the consequent of a development test, in the same function or in a
 * function made there (`if (isDev) app.post('/test-webhook', (req) => log.debug(req.headers))`: the handler exists,
 * so can run, only when the branch ran; session 33). Code textually inside the branch exists only once it ran, a
 * handler, a class or a function declared there alike; a function declared outside it is not reached by the walk.
 */
export function inDevelopmentOnly(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  for (let c: TSESTree.Node = node, p = node.parent; p; c = p, p = p.parent) {
    if (p.type === T.IfStatement && p.consequent === c && DEV_TEST.test(sourceCode.getText(p.test).trim())) return true;
  }
  return false;
}
