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
import { developmentCheck, developmentFlags, productionFlags } from '../catalogue/index.js';

/**
 * The node runs only in development: inside the consequent of a development test, in the same function or in a
 * function made there (`if (isDev) app.post('/test-webhook', (req) => log.debug(req.headers))`: the handler exists,
 * so can run, only when the branch ran; session 33). Code textually inside the branch exists only once it ran, a
 * handler, a class or a function declared there alike; a function declared outside it is not reached by the walk.
 */
export function inDevelopmentOnly(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  for (let c: TSESTree.Node = node, p = node.parent; p; c = p, p = p.parent) {
    if (
      p.type === T.IfStatement &&
      p.consequent === c &&
      developmentCheck.pattern.test(sourceCode.getText(p.test).trim())
    )
      return true;
  }
  return false;
}

/** `'production'` or `'development'` when the test reads so (a flag, `NODE_ENV === 'x'`), with `!` and `!==` folded. */
function deploymentTest(test: TSESTree.Node): 'production' | 'development' | undefined {
  const flip = (d: 'production' | 'development' | undefined) =>
    d === 'production' ? 'development' : d === 'development' ? 'production' : undefined;
  if (test.type === T.UnaryExpression && test.operator === '!') return flip(deploymentTest(test.argument));
  const name =
    test.type === T.Identifier
      ? test.name
      : test.type === T.MemberExpression && !test.computed && test.property.type === T.Identifier
        ? test.property.name
        : undefined;
  if (name !== undefined)
    return productionFlags.names.has(name)
      ? 'production'
      : developmentFlags.names.has(name)
        ? 'development'
        : undefined;
  if (test.type !== T.BinaryExpression || !['===', '==', '!==', '!='].includes(test.operator)) return undefined;
  const env = (n: TSESTree.Node) =>
    n.type === T.MemberExpression && !n.computed && n.property.type === T.Identifier && n.property.name === 'NODE_ENV';
  const lit = env(test.left) ? test.right : env(test.right) ? test.left : undefined;
  if (lit?.type !== T.Literal || typeof lit.value !== 'string') return undefined;
  const d =
    lit.value === 'production' || lit.value === 'prod'
      ? 'production'
      : lit.value === 'development' || lit.value === 'dev'
        ? 'development'
        : undefined;
  return test.operator.startsWith('!') ? flip(d) : d;
}

/**
 * The value is chosen only outside production, in the same function: the non-production arm of a deployment test
 * (`isProduction ? randomBytes(64) : 'dev-secret'`, `if (process.env.NODE_ENV !== 'production') secret = 'dev'`).
 * A test that names no deployment (`process.env.JWT_SECRET || …`, `if (debug)`) is not one.
 */
export function outsideProduction(node: TSESTree.Node): boolean {
  for (let c: TSESTree.Node = node, p = node.parent; p; c = p, p = p.parent) {
    if (p.type === T.FunctionDeclaration || p.type === T.FunctionExpression || p.type === T.ArrowFunctionExpression)
      return false;
    if ((p.type === T.ConditionalExpression || p.type === T.IfStatement) && c !== p.test) {
      const d = deploymentTest(p.test);
      const inConsequent = c === p.consequent;
      if ((d === 'production' && !inConsequent) || (d === 'development' && inConsequent)) return true;
    }
  }
  return false;
}
