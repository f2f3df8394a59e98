/**
 * A project's own log helper (issue 11, sessions 23 and 25): `function log(...args) { console.log('[svc]', ...args) }`,
 * `const audit = (msg, data) => logger.info(data, msg)`, `const log = console.log.bind(console)`. A call to it logs
 * the arguments it forwards, so it is a log sink for those arguments only. The helper's body is read once, and
 * only when its text mentions a sink; a parameter counts as forwarded when it reaches the inner sink call as itself:
 * directly, in a template, a `+` chain, an object, an array, a spread, a conditional or fallback, `JSON.stringify`,
 * `String`, `util.inspect`, `Object.entries`; through a binding made from it (`const rendered = typeof v === 'string'
 * ? v : inspect(v)`, `for (const [k, v] of Object.entries(context))`), an element-keeping array method
 * (`args.map((a) => inspect(a)).join(' ')`), or a same-file function that returns it so (`fmt(args)`); also inside a
 * callback the helper passes on (`Sentry.withScope((scope) => scope.setExtra(k, v))`). Not through any other call
 * (`console.log(fingerprint(k))` logs a fingerprint), nor a member of it (`console.log(user.id)` logs an id).
 *
 * The same reading serves helpers of this file (`createLogWrapperResolver`) and, through src/rule-kit/project-sinks.ts,
 * helpers exported by another module of the project (`createHelperReader`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { TSESLint as Lint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { loggerName, logMethods, safeToLog } from '../catalogue/loggers.js';
import { isSecretName, normaliseName } from '../detect/index.js';
import { calleeName, childrenOf, findVariable, isFunctionNode, propertyName, unwrap } from './ast.js';
import { localFunction, returnExpressions } from './flow/functions.js';
import { projectRefusals } from './project-sinks.js';

/** A log sink reached through a helper, with the helper's argument positions it logs. */
export interface WrappedSink {
  readonly title: string;
  readonly forwarded: (index: number) => boolean;
  /**
   * Positions the helper logs and also works with (`runCommand(cmd)` logs the command and runs it, `get(url)` logs
   * the URL and fetches it): a caller's text built from a secret there is logged (src/rule-kit/built-text.ts).
   */
  readonly built?: (index: number) => boolean;
  /** Fields of an object argument the helper logs as text (`spawn({ cmd })` logging `opts.cmd`), by position. */
  readonly fields?: (index: number) => readonly string[];
}

type Fn = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** Text a helper's body must contain before it is read: a console, logger, tracker, span or stream call. */
const MENTIONS_SINK = new RegExp(
  String.raw`\b(?:console|log|logger|debug|info|warn|error|trace|write|capture\w*|setExtras?|setContext|` +
    String.raw`addBreadcrumb|track|startActiveSpan|startSpan|setAttributes?|event|record)\b`,
);

/** Calls that keep their argument's text whole (the value is logged as itself). */
const WHOLE_TEXT = new RegExp(
  String.raw`^(?:JSON\.stringify|String|util\.format|format|util\.inspect|inspect|Object\.entries|Object\.values|` +
    String.raw`Object\.assign|structuredClone)$`,
);

/** Array and string methods whose result still holds the receiver's elements or text. */
const KEEPS_ELEMENTS = new Set([
  'join',
  'concat',
  'flat',
  'filter',
  'toString',
  'trim',
  'toUpperCase',
  'toLowerCase',
  'map',
  'flatMap',
]);
/** Of those, the ones that map each element through a callback: the callback must return its element whole. */
const MAPS = new Set(['map', 'flatMap']);

const MAX_DEPTH = 6;

/** The names a binding pattern declares. */
function patternNames(p: TSESTree.Node | null): string[] {
  if (!p) return [];
  switch (p.type) {
    case T.Identifier:
      return [p.name];
    case T.ObjectPattern:
      return p.properties.flatMap((q) => patternNames(q.type === T.RestElement ? q.argument : q.value));
    case T.ArrayPattern:
      return p.elements.flatMap((e) => patternNames(e));
    case T.AssignmentPattern:
      return patternNames(p.left);
    case T.RestElement:
      return patternNames(p.argument);
    default:
      return [];
  }
}

/** A helper's parameters: name and whether it is a rest parameter (`...args`). */
function paramsOf(fn: Fn): ({ name: string; rest: boolean } | undefined)[] {
  return fn.params.map((p) =>
    p.type === T.Identifier
      ? { name: p.name, rest: false }
      : p.type === T.RestElement && p.argument.type === T.Identifier
        ? { name: p.argument.name, rest: true }
        : p.type === T.AssignmentPattern && p.left.type === T.Identifier
          ? { name: p.left.name, rest: false }
          : undefined,
  );
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
 * The reader of one file's helpers: the sink a function reaches and the parameter positions it forwards there, or
 * null. `innerSink` is the file's log-sink resolver (it judges the calls inside the helper).
 */
export function createHelperReader(
  sourceCode: TSESLint.SourceCode,
  innerSink: (call: TSESTree.CallExpression) => { readonly title: string } | undefined,
): (fn: Fn) => WrappedSink | null {
  const byFn = new Map<Fn, WrappedSink | null>();
  const keys = sourceCode.visitorKeys;
  const getScope = (n: TSESTree.Node): TSESLint.Scope.Scope => sourceCode.getScope(n);

  /** Whether a same-file function returns its parameter `index` whole (`fmt(args)` → `args.map(…).join(' ')`). */
  const returnsParam = (fn: Fn, index: number, seen: Set<Fn>): boolean => {
    if (seen.has(fn) || seen.size > 4) return false;
    seen.add(fn);
    const p = paramsOf(fn)[index];
    if (!p) return false;
    return returnExpressions(fn, keys).some((r) => carries(r, new Set([p.name]), 0, seen));
  };

  /** Whether `arg` carries one of `names` as itself. */
  const carries = (arg: TSESTree.Node, names: ReadonlySet<string>, depth = 0, seen = new Set<Fn>()): boolean => {
    const u = unwrap(arg);
    if (depth > MAX_DEPTH) return false;
    const next = (e: TSESTree.Node | null | undefined): boolean => !!e && carries(e, names, depth + 1, seen);
    switch (u.type) {
      case T.Identifier:
        return names.has(u.name);
      case T.MemberExpression:
        // `opts.cmd` of a parameter `opts`, named so among the field carriers (`fieldsRead`).
        return u.object.type === T.Identifier && !u.computed && names.has(`${u.object.name}.${propertyName(u) ?? ''}`);
      case T.SpreadElement:
      case T.AwaitExpression:
        return next(u.argument);
      case T.TemplateLiteral:
        return u.expressions.some(next);
      case T.BinaryExpression:
        return u.operator === '+' && (next(u.left) || next(u.right));
      case T.LogicalExpression:
        return (u.operator !== '&&' && next(u.left)) || next(u.right);
      case T.ConditionalExpression:
        return next(u.consequent) || next(u.alternate);
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
        if (WHOLE_TEXT.test(text)) return u.arguments.some(next);
        // `args.map((a) => inspect(a)).join(' ')`: the receiver's elements, each returned whole by the callback.
        const method = c.type === T.MemberExpression ? propertyName(c) : undefined;
        if (method !== undefined && c.type === T.MemberExpression && KEEPS_ELEMENTS.has(method)) {
          if (!next(c.object)) return false;
          if (!MAPS.has(method)) return true;
          const cb = u.arguments[0] && unwrap(u.arguments[0]);
          const el = cb && isFunctionNode(cb) ? paramsOf(cb)[0] : undefined;
          return (
            !!cb &&
            isFunctionNode(cb) &&
            el !== undefined &&
            returnExpressions(cb, keys).some((r) => carries(r, new Set([el.name]), depth + 1, seen))
          );
        }
        // A same-file formatting helper that returns the value whole: `fmt(args)`.
        const local = c.type === T.Identifier ? localFunction(c, getScope) : undefined;
        return (
          local !== undefined &&
          u.arguments.some((a, i) => a.type !== T.SpreadElement && next(a) && returnsParam(local, i, new Set(seen)))
        );
      }
      default:
        return false;
    }
  };

  /** The bindings made inside `fn` (declarators, `for … of`, plain assignments): where each is made from. */
  const bindingsOf = (fn: Fn): { from: TSESTree.Node; to: string[] }[] => {
    const made: { from: TSESTree.Node; to: string[] }[] = [];
    const stack: TSESTree.Node[] = [fn.body];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === T.VariableDeclarator && n.init) made.push({ from: n.init, to: patternNames(n.id) });
      if (n.type === T.ForOfStatement) {
        const left = n.left.type === T.VariableDeclaration ? n.left.declarations.map((d) => d.id) : [n.left];
        made.push({ from: n.right, to: left.flatMap((l) => patternNames(l)) });
      }
      if (n.type === T.AssignmentExpression && n.operator === '=' && n.left.type === T.Identifier)
        made.push({ from: n.right, to: [n.left.name] });
      stack.push(...childrenOf(n, keys));
    }
    return made;
  };

  /** The names that hold parameter `name` as itself inside `fn`: the parameter, and bindings made from it. */
  const carriersOf = (made: readonly { from: TSESTree.Node; to: string[] }[], name: string): Set<string> => {
    const names = new Set([name]);
    for (let pass = 0, grew = true; grew && pass < 4; pass++) {
      grew = false;
      for (const m of made) {
        if (m.to.every((t) => names.has(t)) || !carries(m.from, names)) continue;
        for (const t of m.to) names.add(t);
        grew = true;
      }
    }
    return names;
  };

  /**
   * Whether the helper exists to log the parameter: every read of it (and of the bindings made from it) is in a
   * sink call, in making those bindings, in a test (`if (!fields) return`), or returned as it is. A function that
   * also does its work with the value (`rotate(redis, presented)` hashes it for a lookup, `loggedFetch(url, init)`
   * sends it) is not a log helper: a log call inside it is reported there, not at each caller.
   */
  const onlyLogged = (
    fn: Fn,
    names: ReadonlySet<string>,
    allowed: readonly TSESTree.Node[],
    made: readonly { from: TSESTree.Node; to: string[] }[],
  ): boolean => {
    const ranges = [...allowed, ...made.filter((m) => m.to.some((t) => names.has(t))).map((m) => m.from)].map(
      (n) => n.range,
    );
    const inside = (n: TSESTree.Node): boolean => ranges.some(([a, b]) => n.range[0] >= a && n.range[1] <= b);
    const stack: TSESTree.Node[] = [fn.body];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === T.Identifier && names.has(n.name) && !inside(n)) {
        const p = n.parent;
        const declared =
          (p?.type === T.VariableDeclarator && p.id === n) ||
          (p?.type === T.Property && p.key === n && !p.shorthand) ||
          (p?.type === T.MemberExpression && p.property === n && !p.computed) ||
          p?.type === T.ArrayPattern ||
          (p?.type === T.Property && p.parent?.type === T.ObjectPattern) ||
          (p?.type === T.AssignmentExpression && p.left === n);
        const tested =
          ((p?.type === T.IfStatement || p?.type === T.ConditionalExpression) && p.test === n) ||
          (p?.type === T.ReturnStatement && p.argument === n);
        const inTest = !tested && testOf(n) !== undefined;
        if (!declared && !tested && !inTest && !oneWay(n)) return false;
      }
      stack.push(...childrenOf(n, keys));
    }
    return true;
  };

  const readFirst = (fn: Fn): WrappedSink | null => {
    if (!MENTIONS_SINK.test(sourceCode.getText(fn.body))) return null;
    const params = paramsOf(fn);
    const made = bindingsOf(fn);
    // What is carried: each parameter whole, and each field of one the helper reads (`opts.cmd`, `{ command }`).
    const carriers: Carrier[] = [
      ...params.flatMap((p, index) => (p ? [{ index, name: p.name, rest: p.rest }] : [])),
      ...fieldsRead(fn, keys),
    ];
    const carried = carriers.map((c) => carriersOf(made, c.name));
    const hits = carriers.map((): TSESTree.Node[] => []);
    const titles = carriers.map((): string[] => []);
    // Nested functions are read too: a callback the helper hands to a tracker or a span runs with its parameters.
    const stack: TSESTree.Node[] = [fn.body];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === T.CallExpression) {
        // Which parameters the call is handed first: the sink of a call that carries none cannot change the answer,
        // and asking for it may read and parse another module (`routes.search()` in a server's setup function).
        const carrying = carried.map((names) => n.arguments.some((a) => carries(a, names)));
        const sink = carrying.includes(true) ? innerSink(n) : undefined;
        if (sink)
          carrying.forEach((c, i) => {
            if (!c) return;
            hits[i]!.push(...n.arguments);
            if (!titles[i]!.includes(sink.title)) titles[i]!.push(sink.title);
          });
      }
      stack.push(...childrenOf(n, keys));
    }
    const logged = new Set<number>();
    const built = new Set<number>();
    const fields = new Map<number, string[]>();
    const reachedBy: number[] = [];
    carriers.forEach((c, k) => {
      if (!hits[k]!.length) return;
      if (c.field === undefined && onlyLogged(fn, carried[k]!, hits[k]!, made))
        logged.add(c.rest ? -1 - c.index : c.index);
      // Logged and also used (run, sent): the caller's text built from a secret is logged; a secret-named parameter
      // or field is reported inside the helper already.
      else if (c.rest || isSecretName(c.field ?? c.name)) return;
      else if (c.field === undefined) built.add(c.index);
      else fields.set(c.index, [...(fields.get(c.index) ?? []), c.field]);
      reachedBy.push(k);
    });
    if (reachedBy.length === 0) return null;
    // The sinks the forwarded parameters reach, each named once (`captureException` and `scope.setExtra`).
    const reached = [...new Set(reachedBy.flatMap((k) => titles[k]!))];
    const title = reached.length > 2 ? `${reached.slice(0, 2).join(', ')}, …` : reached.join(' and ');
    const restFrom = Math.min(...[...logged].filter((i) => i < 0).map((i) => -1 - i), Infinity);
    return {
      title,
      forwarded: (i) => logged.has(i) || i >= restFrom,
      ...(built.size ? { built: (i: number) => built.has(i) } : {}),
      ...(fields.size ? { fields: (i: number) => fields.get(i) ?? [] } : {}),
    };
  };
  return (fn) => {
    const cached = byFn.get(fn);
    if (cached !== undefined) return cached;
    byFn.set(fn, null); // a helper that calls itself is read once
    // Kept unless an import was left unread for the call that asked (project-sinks.ts `during`).
    const refused = projectRefusals();
    const found = readFirst(fn);
    if (projectRefusals() === refused) byFn.set(fn, found);
    else byFn.delete(fn);
    return found;
  };
}

/** What a helper may log of its parameters: parameter `index` whole, or its `field` under the local `name`. */
interface Carrier {
  readonly index: number;
  readonly name: string;
  readonly rest: boolean;
  readonly field?: string;
}

/**
 * The fields of its parameters a helper reads by name: `{ command, env }` destructured in the parameter list, and
 * `opts.cmd` read from a parameter `opts` (named `opts.cmd`, which `carries` matches as a member of that parameter).
 */
function fieldsRead(fn: Fn, keys: TSESLint.SourceCode.VisitorKeys): Carrier[] {
  const out: Carrier[] = [];
  const named = new Map<string, number>();
  fn.params.forEach((p, index) => {
    const q = p.type === T.AssignmentPattern ? p.left : p;
    if (q.type === T.Identifier) named.set(q.name, index);
    if (q.type !== T.ObjectPattern) return;
    for (const prop of q.properties) {
      if (prop.type !== T.Property || prop.computed) continue;
      const field = propertyName(prop);
      const v = prop.value.type === T.AssignmentPattern ? prop.value.left : prop.value;
      if (field !== undefined && v.type === T.Identifier) out.push({ index, name: v.name, rest: false, field });
    }
  });
  if (named.size === 0) return out;
  const seen = new Set<string>();
  const stack: TSESTree.Node[] = [fn.body];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === T.MemberExpression && !n.computed && n.object.type === T.Identifier && named.has(n.object.name)) {
      const field = propertyName(n);
      const name = `${n.object.name}.${field ?? ''}`;
      const called = n.parent?.type === T.CallExpression && n.parent.callee === n;
      if (field !== undefined && !called && !seen.has(name)) {
        seen.add(name);
        out.push({ index: named.get(n.object.name)!, name, rest: false, field });
      }
    }
    stack.push(...childrenOf(n, keys));
  }
  return out;
}

/**
 * A read inside a one-way or checking call (`createHmac(k).update(body).digest()`, `fingerprint(v)`, `Boolean(v)`):
 * it makes a digest or a verdict of the value, no work with the value itself.
 */
function oneWay(n: TSESTree.Node): boolean {
  for (let c: TSESTree.Node = n, p = n.parent; p; c = p, p = p.parent) {
    if (p.type === T.CallExpression) {
      if (c === p.callee) return false;
      // Up the chain: `createHmac(…).update(body).digest('hex')` is one-way as a whole.
      let k: TSESTree.CallExpression | undefined = p;
      while (k) {
        const name = calleeName(unwrap(k.callee));
        if (name !== undefined && safeToLog.functions.has(name)) return true;
        const up: TSESTree.Node | undefined = k.parent;
        k =
          up?.type === T.MemberExpression && up.object === k && up.parent?.type === T.CallExpression
            ? up.parent
            : undefined;
      }
      continue;
    }
    if (p.type.endsWith('Statement') || p.type === T.VariableDeclarator || isFunctionNode(p)) return false;
  }
  return false;
}

/** The test expression a node sits in (an `if`, a conditional's or a loop's test), if any, below its statement. */
function testOf(n: TSESTree.Node): TSESTree.Node | undefined {
  for (let c: TSESTree.Node = n, p = n.parent; p; c = p, p = p.parent) {
    if ((p.type === T.IfStatement || p.type === T.ConditionalExpression || p.type === T.WhileStatement) && p.test === c)
      return c;
    if (p.type.endsWith('Statement') || isFunctionNode(p)) return undefined;
  }
  return undefined;
}

/**
 * The resolver of one file: the log sink a call to a same-file helper reaches, if any. `innerSink` is the file's
 * log-sink resolver (it judges the calls inside the helper).
 */
export function createLogWrapperResolver(
  sourceCode: TSESLint.SourceCode,
  innerSink: (call: TSESTree.CallExpression) => { readonly title: string } | undefined,
): (call: TSESTree.CallExpression) => WrappedSink | undefined {
  const read = createHelperReader(sourceCode, innerSink);
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
