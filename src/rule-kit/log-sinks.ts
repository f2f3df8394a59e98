/**
 * Which logger a call logs through: console, a logger made by a known factory (pino, winston, bunyan,
 * debug, Nest `Logger`), or a receiver named like a logger; and the fields a pino/winston logger redacts.
 * The factories and names are catalogue data (src/catalogue/loggers.ts).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  commandClassLog,
  consoleSink,
  invocationContextLog,
  loggerBindingMethods,
  loggerFactories,
  loggerName,
  logHostName,
  logMethods,
  outputChannels,
  plaintextFileWrites,
  reportingSinks,
  telemetrySinks,
  type LoggerFactory,
} from '../catalogue/loggers.js';
import { normaliseName } from '../detect/index.js';
import {
  calleeName,
  constInitOf,
  enclosingClass,
  findVariable,
  propertyName,
  unwrap,
  type FunctionNode,
} from './ast.js';
import { firstMatchingPattern, matchCallPattern, patternMatches } from './call-patterns.js';
import { flowOf } from './flow/engine.js';
import { localFunction, returnExpressions } from './flow/functions.js';
import { thisWrites } from './flow/this-writes.js';
import { collectImports, type ImportMap } from './imports.js';
import { createHelperReader, createLogWrapperResolver } from './log-wrappers.js';
import {
  createProjectSinks,
  projectRefusals,
  type Ask,
  type MadeLogger,
  type ModuleSinks,
  type ProjectWhere,
} from './project-sinks.js';
import { calleePathOf } from './sinks.js';
import type { Origin } from './values.js';

/**
 * The calls that make a file write stream, from the catalogue's stream writes (`createWriteStream().write` →
 * `createWriteStream`, with `write` among its methods): for a stream a class keeps in a field.
 */
const streamFactories = plaintextFileWrites.flatMap((w) => {
  const made = w.callees.filter((c) => /\(\)\.\w+$/.test(c));
  if (!made.length) return [];
  const callees = [...new Set(made.map((c) => c.replace(/\(\)\.\w+$/, '')))];
  const streamMethods = made.map((c) => c.replace(/^.*\(\)\./, ''));
  return [{ ...w, callees, streamMethods }];
});

/** A log call's sink: how a message names it, and the fields its logger removes before writing. */
export interface LogSink {
  readonly title: string;
  readonly kind: 'log';
  readonly redacted?: ReadonlySet<string>;
  /** Through a project's log helper: the argument positions the helper logs (every one when absent). */
  readonly forwarded?: (index: number) => boolean;
  /** Through a helper that logs and also runs or sends an argument: positions logged when built from a secret. */
  readonly built?: (index: number) => boolean;
  /** Through a helper: fields of an object argument it logs as text, by position. */
  readonly fields?: (index: number) => readonly string[];
}

/**
 * The resolver of one file: the logger a call logs through, if any. With `where` (the linted file), helpers,
 * loggers and classes of other project modules are followed too (src/rule-kit/project-sinks.ts). `ask`, when
 * given, is asked before the class of the call's receiver is looked up in another module (`qb.select(…)` on a
 * parameter typed `SelectQueryBuilder`: that module is parsed to read the method, often a large one): false when
 * the caller's answer cannot matter (the call reports nothing whatever sink it reaches), and the class is then not
 * read: the answer may be undefined where it would have been the class's sink. Never asked for the calls inside a
 * helper (their answers are kept and serve every caller).
 */
export function createLogSinkResolver(
  sourceCode: TSESLint.SourceCode,
  imports: ImportMap,
  where?: ProjectWhere,
): (call: TSESTree.CallExpression, ask?: Ask) => LogSink | undefined {
  return moduleSinks(sourceCode, imports, where).logSinkOf;
}

/** Another module's resolver, as project-sinks.ts reads it. */
const foreignSinks = (sourceCode: TSESLint.SourceCode, where: ProjectWhere): ModuleSinks =>
  moduleSinks(sourceCode, collectImports(sourceCode.ast), where);

function moduleSinks(
  sourceCode: TSESLint.SourceCode,
  imports: ImportMap,
  where: ProjectWhere | undefined,
): ModuleSinks & { readonly logSinkOf: (call: TSESTree.CallExpression, ask?: Ask) => LogSink | undefined } {
  const getScope = (n: TSESTree.Node): TSESLint.Scope.Scope => sourceCode.getScope(n);
  const callOrigins = (expr: TSESTree.Node): Origin[] =>
    flowOf(sourceCode)
      .origins(expr)
      .filter((o) => o.kind === 'call');

  /** Field names a pino/winston logger removes, read from its options (a bounded walk of that one object). */
  const readRedacted = (
    factory: LoggerFactory,
    call: TSESTree.CallExpression | TSESTree.NewExpression,
  ): Set<string> => {
    const names = new Set<string>();
    const opts = call.arguments[0] && unwrap(call.arguments[0]);
    const obj = opts?.type === T.Identifier ? constInitOf(opts, getScope(opts)) : opts;
    if (!obj || obj.type !== T.ObjectExpression) return names;
    const prop = obj.properties.find(
      (p): p is TSESTree.Property =>
        p.type === T.Property && propertyName(p) === (factory.redact === 'pino' ? 'redact' : 'format'),
    );
    if (!prop) return names;
    const addPath = (s: string): void => {
      const last = s
        .replace(/\[["']?([^\]"']+)["']?\]/g, '.$1')
        .split('.')
        .pop();
      if (last && last !== '*') names.add(last);
    };
    const seen = new Set<TSESTree.Node>();
    const walk = (node: TSESTree.Node, depth: number): void => {
      if (seen.has(node) || depth > 40) return;
      seen.add(node);
      if (node.type === T.Literal && typeof node.value === 'string') addPath(node.value);
      if (node.type === T.UnaryExpression && node.operator === 'delete' && node.argument.type === T.MemberExpression) {
        const k = propertyName(node.argument);
        if (k) names.add(k);
      }
      if (node.type === T.AssignmentExpression && node.left.type === T.MemberExpression) {
        const k = propertyName(node.left);
        if (k) names.add(k);
      }
      if (node.type === T.Identifier && depth < 30) {
        const init = constInitOf(node, getScope(node));
        if (init) walk(init, depth + 10);
      }
      for (const key of sourceCode.visitorKeys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const c of Array.isArray(child) ? child : [child])
          if (c && typeof (c as TSESTree.Node).type === 'string') walk(c as TSESTree.Node, depth + 1);
      }
    };
    walk(prop.value, 0);
    return names;
  };
  /** Read once per factory call of the file (every `log.info(…)` of a pino logger asks). */
  const redactions = new Map<TSESTree.Node, Set<string>>();
  const redactedBy = (factory: LoggerFactory, call: TSESTree.CallExpression | TSESTree.NewExpression): Set<string> => {
    let names = redactions.get(call);
    if (!names) redactions.set(call, (names = readRedacted(factory, call)));
    return names;
  };

  /**
   * The factory call that made the logger `expr` holds, through child loggers (`logger.child({ … })`,
   * `this.log = base.child(…)`): the child logs where its parent does.
   */
  const factoryOf = (
    expr: TSESTree.Node,
    depth: number,
  ): { f: LoggerFactory; call: TSESTree.CallExpression | TSESTree.NewExpression } | undefined => {
    for (const o of callOrigins(expr)) {
      if (o.node.type !== T.CallExpression && o.node.type !== T.NewExpression) continue;
      const f = matchCallPattern(o.node, imports, getScope(o.node), loggerFactories);
      if (f) return { f, call: o.node };
      const c = o.node.type === T.CallExpression ? unwrap(o.node.callee) : undefined;
      if (depth < 2 && c?.type === T.MemberExpression && propertyName(c) === 'child') {
        const parent = factoryOf(unwrap(c.object), depth + 1);
        if (parent) return parent;
      }
    }
    return undefined;
  };

  const wrapperOf = createLogWrapperResolver(sourceCode, (c) => logSinkOf(c));
  // A helper of another module, or a class method, read for the caller that cannot see inside it: a write of its
  // argument to a file (an audit trail's `this.out.write(line)`) is kept as a log's record is.
  const readHelper = createHelperReader(sourceCode, (c) => {
    const log = logSinkOf(c);
    if (log) return log;
    const w = matchCallPattern(c, imports, getScope(c), plaintextFileWrites) ?? fieldStreamWrite(c);
    return w ? { title: w.title } : undefined;
  });

  /** `this.out.write(line)` where the class keeps `this.out = createWriteStream(path)`: a file write stream. */
  const fieldStreamWrite = (c: TSESTree.CallExpression): { title: string } | undefined => {
    const callee = unwrap(c.callee);
    const field = callee.type === T.MemberExpression ? unwrap(callee.object) : undefined;
    if (callee.type !== T.MemberExpression || field?.type !== T.MemberExpression) return undefined;
    const method = propertyName(callee);
    const name = propertyName(field);
    const cls = unwrap(field.object).type === T.ThisExpression ? enclosingClass(field) : undefined;
    if (!cls || name === undefined || method === undefined) return undefined;
    for (const made of thisWrites(cls, name, sourceCode.visitorKeys)) {
      const m = unwrap(made);
      if (m.type !== T.CallExpression && m.type !== T.NewExpression) continue;
      const f = matchCallPattern(m, imports, getScope(m), streamFactories);
      if (f?.streamMethods.includes(method)) return { title: f.title };
    }
    return undefined;
  };
  const project = where && createProjectSinks(sourceCode, imports, where, foreignSinks);
  const fromFactory = ({ f, call }: NonNullable<ReturnType<typeof factoryOf>>): MadeLogger => ({
    title: `the ${f.title}`,
    callable: f.callable === true,
    methods: f.methods ?? [],
    ...(f.redact ? { redacted: redactedBy(f, call) } : {}),
  });

  /**
   * A logger module object held under a name its reporting pattern cannot see (`export const out = log` over
   * loglevel, `const logger = npmlog`): the import binding, through const aliases, of a module whose catalogue
   * reporting pattern lists log methods on that binding (`info`, `Roarr.info`).
   */
  const moduleLoggerOf = (expr: TSESTree.Node): MadeLogger | undefined => {
    let u = unwrap(expr);
    for (let i = 0; i < 3 && u.type === T.Identifier && !imports.has(u.name); i++) {
      const init = constInitOf(u, getScope(u));
      if (!init) return undefined;
      u = unwrap(init);
    }
    const b = u.type === T.Identifier ? imports.get(u.name) : undefined;
    if (!b) return undefined;
    const prefix = b.imported === 'default' || b.imported === '*' ? '' : `${b.imported}.`;
    const p = reportingSinks.find(
      (r) =>
        r.modules.includes(b.module) &&
        r.callees.some((c) => c.startsWith(prefix) && logMethods.has(c.slice(prefix.length))),
    );
    return p ? { title: p.title, callable: false, methods: [] } : undefined;
  };

  /**
   * The logger a value holds: made by a catalogue factory (through child loggers), returned by a function of this
   * file (`ns('proxy')` where `ns` returns `createDebug(…)`), a logger module under another name, or imported from
   * another module of the project.
   */
  const loggerOf = (expr: TSESTree.Node, depth = 0): MadeLogger | undefined => {
    const made = factoryOf(expr, 0);
    if (made) return fromFactory(made);
    const held = moduleLoggerOf(expr);
    if (held) return held;
    if (depth > 2) return undefined;
    for (const o of callOrigins(expr)) {
      if (o.node.type !== T.CallExpression) continue;
      const fn = localFunction(o.node.callee, getScope);
      const local = fn && loggerReturnedBy(fn, depth + 1);
      if (local) return local;
      const imported = !fn && project?.importedLogger(o.node);
      if (imported) return imported;
    }
    const u = unwrap(expr);
    return u.type === T.Identifier || u.type === T.MemberExpression ? project?.importedLogger(u) : undefined;
  };
  /**
   * `loggerOf` and `factoryOf` of a name as the file's calls ask them (`logger.info(…)`, `log.child(…)`, `dbg(…)` two
   * hundred times in a file): the answer depends on the variable only (its writes, its name, the import it binds;
   * values.ts reads every write, wherever the name is used), so each is computed once per variable of the file.
   */
  const perVariable = <R>(
    compute: (expr: TSESTree.Node) => R | undefined,
  ): ((expr: TSESTree.Node) => R | undefined) => {
    const byVariable = new Map<TSESLint.Scope.Variable, R | null>();
    return (expr) => {
      const v = expr.type === T.Identifier ? findVariable(getScope(expr), expr) : undefined;
      if (!v) return compute(expr);
      const hit = byVariable.get(v);
      if (hit !== undefined) return hit ?? undefined;
      const refused = projectRefusals();
      const found = compute(expr);
      if (projectRefusals() === refused) byVariable.set(v, found ?? null);
      return found;
    };
  };
  const loggerOfName = perVariable((e) => loggerOf(e));
  const factoryOfName = perVariable((e) => factoryOf(e, 0));
  const returnCache = new Map<FunctionNode, MadeLogger | null>();
  const loggerReturnedBy = (fn: FunctionNode, depth = 0): MadeLogger | undefined => {
    const hit = returnCache.get(fn);
    if (hit !== undefined) return hit ?? undefined;
    returnCache.set(fn, null);
    const refused = projectRefusals();
    let found: MadeLogger | undefined;
    for (const r of returnExpressions(fn, sourceCode.visitorKeys)) if ((found = loggerOf(r, depth))) break;
    if (projectRefusals() === refused) returnCache.set(fn, found ?? null);
    else returnCache.delete(fn);
    return found;
  };
  const importedModules = new Set([...imports.values()].map((i) => i.module));
  const extraMethods = new Set(
    loggerFactories.flatMap((f) => (f.modules.some((m) => importedModules.has(m)) ? (f.methods ?? []) : [])),
  );
  const makesChannels = [...outputChannels.factories].some((f) => sourceCode.text.includes(f));
  const azureFunctions = [...invocationContextLog.modules].some((m) => importedModules.has(m));
  /**
   * An editor output channel (`channel.appendLine(…)` on what `window.createOutputChannel` made, or on a receiver
   * named like one), or a CLI command class's own print method (`this.log(…)` in `class X extends Command`).
   */
  const outputChannelOf = (callee: TSESTree.MemberExpression, method: string): LogSink | undefined => {
    const recv = unwrap(callee.object);
    if (recv.type === T.ThisExpression) {
      if (!commandClassLog.methods.has(method)) return undefined;
      const cls = enclosingClass(callee)?.parent;
      const sup = cls && 'superClass' in cls && cls.superClass ? sourceCode.getText(cls.superClass) : '';
      return commandClassLog.superClass.test(sup) ? { title: `the command's this.${method}`, kind: 'log' } : undefined;
    }
    const appends = outputChannels.methods.has(method);
    if (!appends && !logMethods.has(method)) return undefined;
    // Prefilter: the value-flow query runs only in files that make an output channel.
    const made =
      makesChannels &&
      callOrigins(recv).some((o) => {
        const c = o.node.type === T.CallExpression ? unwrap(o.node.callee) : undefined;
        const name =
          c && (c.type === T.MemberExpression ? propertyName(c) : c.type === T.Identifier ? c.name : undefined);
        return name !== undefined && outputChannels.factories.has(name);
      });
    const name = calleeName(recv);
    const named = appends && name !== undefined && outputChannels.receiver.pattern.test(normaliseName(name));
    // `const fullOutput = new WrappedBuffer()`: a receiver the file makes as another class is that class (a buffer, a
    // string builder), whatever its name; a class named as a channel or a logger (`new OutputChannelLogger()`) stays.
    const madeAsOther = (): boolean =>
      callOrigins(recv).some((o) => {
        const c = o.node.type === T.NewExpression ? calleeName(unwrap(o.node.callee)) : undefined;
        const n = c === undefined ? '' : normaliseName(c);
        return c !== undefined && !outputChannels.receiver.pattern.test(n) && !loggerName.pattern.test(n);
      });
    return made || (named && !madeAsOther())
      ? { title: `the output channel (${sourceCode.getText(recv).slice(0, 40)})`, kind: 'log' }
      : undefined;
  };

  /**
   * The logger a call logs through, if any: console, a factory-made logger, or a receiver named like one. Given an
   * `ask`, every import first resolved for the call asks it before another module is read (project-sinks.ts).
   */
  const logSinkOf = (call: TSESTree.CallExpression, ask?: Ask): LogSink | undefined =>
    ask && project ? project.during(ask, () => sinkOf(call, ask)) : sinkOf(call, ask);
  const sinkOf = (call: TSESTree.CallExpression, ask?: Ask): LogSink | undefined => {
    const callee = unwrap(call.callee);
    const cp = calleePathOf(call, imports, getScope(call));
    if (cp && patternMatches(consoleSink, cp)) return { title: cp.fullPath, kind: 'log' };
    const reporter = cp && firstMatchingPattern(reportingSinks, cp);
    if (reporter) return { title: `${reporter.title} (${cp.fullPath})`, kind: 'log' };
    if (callee.type === T.Identifier) {
      for (const o of callOrigins(callee)) {
        if (o.node.type !== T.CallExpression) continue;
        const f = matchCallPattern(o.node, imports, getScope(o.node), loggerFactories);
        if (f?.callable) return { title: `the ${f.title}`, kind: 'log' };
      }
      const wrapped = wrapperOf(call) ?? project?.callSink(call);
      if (wrapped) return { ...wrapped, kind: 'log' };
      // `const dbg = ns('proxy'); dbg(…)`: a callable logger a project function made.
      const made = loggerOfName(callee);
      return made?.callable ? { title: made.title, kind: 'log' } : undefined;
    }
    if (callee.type !== T.MemberExpression) return undefined;
    const method = propertyName(callee) ?? '';
    // `scope.setExtra('k', v)` inside Sentry.withScope, `span.setAttribute('k', v)`: kept telemetry.
    if (telemetrySinks.methods.has(method)) {
      const r = calleeName(unwrap(callee.object));
      if (r !== undefined && telemetrySinks.receiver.pattern.test(normaliseName(r)))
        return { title: `${sourceCode.getText(callee).slice(0, 40)}`, kind: 'log' };
    }
    const channel = outputChannelOf(callee, method);
    if (channel) return channel;
    const recv = unwrap(callee.object);
    const name = calleeName(recv);
    if (loggerBindingMethods.has(method)) return bindingsSink(recv, method, name);
    if (!logMethods.has(method)) {
      // `gcpLog.entry(meta, data)`: a factory's own record methods, asked only in files that import such a factory.
      const made = extraMethods.has(method) ? factoryOfName(recv) : undefined;
      if (made?.f.methods?.includes(method)) return { title: `the ${made.f.title} (${method})`, kind: 'log' };
      return projectSink(call, recv, method, ask);
    }
    const made = factoryOfName(recv);
    if (made && !made.f.callable) {
      const { f, call: c } = made;
      return { title: `the ${f.title}`, kind: 'log', ...(f.redact ? { redacted: redactedBy(f, c) } : {}) };
    }
    if (name !== undefined && loggerName.pattern.test(normaliseName(name))) {
      const title = `${sourceCode.getText(recv).slice(0, 40)}.${propertyName(callee)}`;
      if (!project || recv.type !== T.Identifier || !imports.has(recv.name)) return { title, kind: 'log' };
      // A logger made in another module of the project: the fields its factory redacts there, read only when a
      // leak asks (the module is parsed once per process).
      let redacted: ReadonlySet<string> | undefined | null = null;
      return {
        title,
        kind: 'log',
        get redacted() {
          if (redacted === null) redacted = project.importedLogger(recv)?.redacted;
          return redacted;
        },
      };
    }
    // `const out = log; out.debug(…)` over loglevel: the module's own call sites are `reportingSinks`' to match.
    const held = recv.type === T.Identifier && !imports.has(recv.name) ? moduleLoggerOf(recv) : undefined;
    if (held) return { title: `${held.title} (${sourceCode.getText(recv).slice(0, 40)}.${method})`, kind: 'log' };
    // `request.log(['error'], data)` (Hapi), `job.log(text)` (BullMQ): the receiver's own log method.
    if (name !== undefined && propertyName(callee) === 'log' && logHostName.pattern.test(normaliseName(name)))
      return { title: `${sourceCode.getText(recv).slice(0, 40)}.log`, kind: 'log' };
    // `context.error(err)` in an Azure Functions v4 handler: the invocation context's own log methods.
    if (name !== undefined && azureFunctions && invocationContextLog.receiver.pattern.test(normaliseName(name)))
      return { title: `${sourceCode.getText(recv).slice(0, 40)}.${method}`, kind: 'log' };
    return projectSink(call, recv, method, ask);
  };

  /**
   * `root.child({ tenantId, stripeKey })` on a logger: the bindings are written into every record the child logs
   * (pino, bunyan, winston), so its first argument is logged.
   */
  const bindingsSink = (recv: TSESTree.Node, method: string, name: string | undefined): LogSink | undefined => {
    const logger =
      (name !== undefined && loggerName.pattern.test(normaliseName(name))) || loggerOfName(recv) !== undefined;
    if (!logger) return undefined;
    return {
      title: `the bindings of ${sourceCode.getText(recv).slice(0, 40)}.${method}()`,
      kind: 'log',
      forwarded: (i) => i === 0,
    };
  };

  /**
   * A project's own sink behind a method call: a logger another module made (`root.debug(…)` on an imported bunyan
   * logger, `metrics.event(…)` on an imported StatsD client), a function of an imported output module
   * (`out.debug(…)`), or a method of a class that logs its argument (`audit.record(event)`).
   */
  const projectSink = (
    call: TSESTree.CallExpression,
    recv: TSESTree.Node,
    method: string,
    ask: Ask | undefined,
  ): LogSink | undefined => {
    if (!project) return undefined;
    const made = recv.type === T.Identifier && imports.has(recv.name) ? loggerOfName(recv) : undefined;
    if (made && !made.callable && (logMethods.has(method) || made.methods.includes(method)))
      return { title: `${made.title} (${sourceCode.getText(recv).slice(0, 40)}.${method})`, kind: 'log' };
    const w = project.callSink(call) ?? project.classHelper(recv, method, readHelper, ask);
    return w ? { ...w, kind: 'log' } : undefined;
  };
  return { logSinkOf, loggerOf: (e) => loggerOf(e), readHelper, loggerReturnedBy: (fn) => loggerReturnedBy(fn) };
}

/** `log.debug({ key: k.toString('hex') })`: a field of an object passed to a logger-named receiver's log method. */
export function isLogRecordField(prop: TSESTree.Property): boolean {
  const obj = prop.parent;
  const call = obj?.type === T.ObjectExpression ? obj.parent : undefined;
  if (call?.type !== T.CallExpression || !call.arguments.includes(obj as TSESTree.ObjectExpression)) return false;
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression || !logMethods.has(propertyName(callee) ?? '')) return false;
  const name = calleeName(unwrap(callee.object));
  return name !== undefined && loggerName.pattern.test(normaliseName(name));
}
