/**
 * A project's own log helper (issue 11, session 23): `function log(...args) { console.log('[svc]', ...args) }`,
 * `const audit = (msg, data) => logger.info(data, msg)`, `const log = console.log.bind(console)`. A call to it logs
 * the arguments it forwards, so it is a log sink for those arguments only. The helper's body is read once, and
 * only when its text mentions a logger; a parameter counts as forwarded when it reaches the inner log call as
 * itself (directly, in a template, a `+` chain, an object, an array, a spread, `JSON.stringify`/`String`), not
 * through another call (`console.log(fingerprint(k))` logs a fingerprint).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { TSESLint as Lint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { loggerName, logMethods } from '../catalogue/loggers.js';
import { normaliseName } from '../detect/index.js';
import { calleeName, findVariable, isFunctionNode, propertyName, unwrap } from './ast.js';

/** A log sink reached through a helper, with the helper's argument positions it logs. */
export interface WrappedSink {
  readonly title: string;
  readonly forwarded: (index: number) => boolean;
}

type Fn = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** Text a helper's body must contain before it is read: a console or logger call. */
const MENTIONS_LOGGER = /\b(?:console|log|logger|debug|info|warn|error|trace)\b/;

/** Calls that keep their argument's text whole (the value is logged as itself). */
const WHOLE_TEXT = /^(?:JSON\.stringify|String|util\.format|format|util\.inspect|inspect)$/;

/** Whether `arg` carries the parameter named `name` as itself. */
function carries(arg: TSESTree.Node, name: string, depth = 0): boolean {
  const u = unwrap(arg);
  if (depth > 4) return false;
  const next = (e: TSESTree.Node | null): boolean => e !== null && carries(e, name, depth + 1);
  switch (u.type) {
    case T.Identifier:
      return u.name === name;
    case T.SpreadElement:
      return next(u.argument);
    case T.TemplateLiteral:
      return u.expressions.some(next);
    case T.BinaryExpression:
      return u.operator === '+' && (next(u.left) || next(u.right));
    case T.ArrayExpression:
      return u.elements.some(next);
    case T.ObjectExpression:
      return u.properties.some((p) => (p.type === T.SpreadElement ? next(p.argument) : next(p.value)));
    case T.CallExpression: {
      const c = unwrap(u.callee);
      const text =
        c.type === T.Identifier
          ? c.name
          : c.type === T.MemberExpression && c.object.type === T.Identifier
            ? `${c.object.name}.${propertyName(c) ?? ''}`
            : '';
      return WHOLE_TEXT.test(text) && u.arguments.some(next);
    }
    default:
      return false;
  }
}

/** `console.log`, `logger.info`, either bound (`console.log.bind(console)`): a log method taken as a value. */
function logMethodValue(init: TSESTree.Node, text: (n: TSESTree.Node) => string): string | undefined {
  let u = unwrap(init);
  if (u.type === T.CallExpression && u.callee.type === T.MemberExpression && propertyName(u.callee) === 'bind')
    u = unwrap(u.callee.object);
  if (u.type !== T.MemberExpression || !logMethods.has(propertyName(u) ?? '')) return undefined;
  const holder = calleeName(unwrap(u.object));
  if (holder === undefined || (holder !== 'console' && !loggerName.pattern.test(normaliseName(holder))))
    return undefined;
  return text(u);
}

/**
 * The resolver of one file: the log sink a call to a same-file helper reaches, if any. `innerSink` is the file's
 * log-sink resolver (it judges the calls inside the helper).
 */
export function createLogWrapperResolver(
  sourceCode: TSESLint.SourceCode,
  innerSink: (call: TSESTree.CallExpression) => { readonly title: string } | undefined,
): (call: TSESTree.CallExpression) => WrappedSink | undefined {
  const byFn = new Map<Fn, WrappedSink | null>();

  const read = (fn: Fn): WrappedSink | null => {
    const cached = byFn.get(fn);
    if (cached !== undefined) return cached;
    byFn.set(fn, null); // a helper that calls itself is read once
    if (!MENTIONS_LOGGER.test(sourceCode.getText(fn.body))) return null;
    const params = fn.params.map((p) =>
      p.type === T.Identifier
        ? { name: p.name, rest: false }
        : p.type === T.RestElement && p.argument.type === T.Identifier
          ? { name: p.argument.name, rest: true }
          : p.type === T.AssignmentPattern && p.left.type === T.Identifier
            ? { name: p.left.name, rest: false }
            : undefined,
    );
    const logged = new Set<number>();
    let title: string | undefined;
    const walk = (n: TSESTree.Node): void => {
      if (n !== fn && isFunctionNode(n)) return;
      if (n.type === T.CallExpression) {
        const sink = innerSink(n);
        if (sink)
          params.forEach((p, i) => {
            if (p && n.arguments.some((a) => carries(a, p.name))) {
              logged.add(p.rest ? -1 - i : i);
              title ??= sink.title;
            }
          });
      }
      for (const key of sourceCode.visitorKeys[n.type] ?? []) {
        const child = (n as unknown as Record<string, unknown>)[key];
        for (const c of Array.isArray(child) ? child : [child])
          if (c && typeof (c as TSESTree.Node).type === 'string') walk(c as TSESTree.Node);
      }
    };
    walk(fn.body);
    if (title === undefined) return null;
    const restFrom = Math.min(...[...logged].filter((i) => i < 0).map((i) => -1 - i), Infinity);
    const found: WrappedSink = { title, forwarded: (i) => logged.has(i) || i >= restFrom };
    byFn.set(fn, found);
    return found;
  };

  return (call) => {
    const callee = unwrap(call.callee);
    if (callee.type !== T.Identifier) return undefined;
    const def = findVariable(sourceCode.getScope(callee), callee)?.defs[0];
    if (!def) return undefined;
    if (def.type === Lint.Scope.DefinitionType.FunctionName && def.node.type === T.FunctionDeclaration) {
      const w = read(def.node);
      return w ? { ...w, title: `${w.title} (through ${callee.name}())` } : undefined;
    }
    if (def.type !== Lint.Scope.DefinitionType.Variable || def.node.type !== T.VariableDeclarator) return undefined;
    if (def.node.parent.kind !== 'const' || !def.node.init) return undefined;
    const init = unwrap(def.node.init);
    if (init.type === T.ArrowFunctionExpression || init.type === T.FunctionExpression) {
      const w = read(init);
      return w ? { ...w, title: `${w.title} (through ${callee.name}())` } : undefined;
    }
    const method = logMethodValue(init, (n) => sourceCode.getText(n));
    return method === undefined ? undefined : { title: `${method} (as ${callee.name})`, forwarded: () => true };
  };
}
