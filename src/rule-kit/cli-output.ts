/**
 * A command-line program's own output: `mytool keys create` prints the key it has just made, `mytool share` the
 * link with the key in it, for the person who ran it to copy. Standard output is how that value reaches its owner
 * (it is the command's result, like a function's return value), not a log. Only when all of these hold:
 *
 * - the module is a command-line program: it imports an argument parser or command framework (catalogue
 *   `commandLineFrameworks`) or starts with a `#!` line;
 * - the call prints to standard output (`console.log`, `console.info`, `process.stdout.write`), not to a logger or
 *   standard error;
 * - every value in the printed expression is made inside the command: by a call (a generator, the command's
 *   action), or from such values; not a parameter (argv, options: what the user typed, echoed back), an import,
 *   a module-level binding, a global (`process.env`) or a file read;
 * - the same function does not also keep the value (a file write, or a call whose verb stores: `saveProfile`,
 *   `keytar.setPassword`): then the print is a second copy of a key that has its own store (`--print` after
 *   writing the key file), and stays reported.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, TSESLint as Lint } from '@typescript-eslint/utils';
import { commandLine, commandLineFrameworks, passThrough, plaintextFileWrites } from '../catalogue/loggers.js';
import {
  enclosingFunction,
  envVarName,
  findVariable,
  isFunctionNode,
  isProcessEnv,
  propertyName,
  unwrap,
  type FunctionNode,
} from './ast.js';
import { matchCallPattern } from './call-patterns.js';
import type { ImportMap } from './imports.js';
import { calleeText } from './leaks.js';

const DefinitionType = Lint.Scope.DefinitionType;
const MAX_DEPTH = 6;

/**
 * A module a person runs at a terminal: it starts with `#!` or imports a command framework (catalogue
 * `commandLineFrameworks`) or one of `also` (a prompt library). A type-only import (`import type { Argv } from
 * 'yargs'`) says so as well as a value import or a `require`.
 */
export function isCommandLineModule(
  sourceCode: TSESLint.SourceCode,
  imports: ImportMap,
  also: ReadonlySet<string> = new Set(),
): boolean {
  const known = (module: string): boolean => commandLineFrameworks.has(module) || also.has(module);
  return (
    sourceCode.text.startsWith('#!') ||
    [...imports.values()].some((i) => known(i.module)) ||
    sourceCode.ast.body.some((s) => s.type === T.ImportDeclaration && known(s.source.value))
  );
}

/** The judge of one file: `(call, printed)` is true when `call` prints `printed` as the command's own output. */
export function createCliOutputJudge(
  sourceCode: TSESLint.SourceCode,
  imports: ImportMap,
): (call: TSESTree.CallExpression, printed: TSESTree.Node) => boolean {
  if (!isCommandLineModule(sourceCode, imports)) return () => false;
  const getScope = (n: TSESTree.Node): TSESLint.Scope.Scope => sourceCode.getScope(n);

  /** The identifiers whose values the expression prints (not callees, not property names). */
  const valueIds = (node: TSESTree.Node, out: TSESTree.Identifier[] = []): TSESTree.Identifier[] => {
    const n = unwrap(node);
    switch (n.type) {
      case T.AwaitExpression:
        valueIds(n.argument, out);
        break;
      case T.Identifier:
        out.push(n);
        break;
      case T.MemberExpression:
        valueIds(n.object, out);
        if (n.computed) valueIds(n.property, out);
        break;
      case T.CallExpression:
      case T.NewExpression: {
        // A pass-through method prints its receiver (`key.toString('hex')`); a styling or other namespace's method
        // (`chalk.bold(token)`) and a plain callee are functions: only their arguments are printed.
        const callee = unwrap(n.callee);
        if (callee.type === T.MemberExpression && passThrough.methods.has(propertyName(callee) ?? ''))
          valueIds(callee, out);
        for (const a of n.arguments) valueIds(a.type === T.SpreadElement ? a.argument : a, out);
        break;
      }
      case T.TemplateLiteral:
        for (const e of n.expressions) valueIds(e, out);
        break;
      case T.BinaryExpression:
      case T.LogicalExpression:
        valueIds(n.left, out);
        valueIds(n.right, out);
        break;
      case T.ConditionalExpression:
        valueIds(n.consequent, out);
        valueIds(n.alternate, out);
        break;
      case T.ArrayExpression:
        for (const e of n.elements) if (e) valueIds(e.type === T.SpreadElement ? e.argument : e, out);
        break;
      case T.ObjectExpression:
        for (const p of n.properties) valueIds(p.type === T.SpreadElement ? p.argument : p.value, out);
        break;
      default:
        break;
    }
    return out;
  };

  /**
   * The expression reads a kept secret somewhere inside it, through any call's arguments and the bindings it names:
   * an environment variable, a file, a config store (`HDKey.fromMasterSeed(seed(process.env.MNEMONIC))` re-derives
   * a kept key; it was not made by the command).
   */
  const readsKept = (node: TSESTree.Node, seen: Set<TSESTree.Node>, depth: number): boolean => {
    if (seen.has(node) || depth > MAX_DEPTH) return false;
    seen.add(node);
    if (envVarName(node) !== undefined || isProcessEnv(node)) return true;
    if (isFunctionNode(node)) return false;
    if (node.type === T.CallExpression || node.type === T.NewExpression) {
      // `readFileSync(…)`, `conf.get(…)`, `new GetSecretValueCommand(…)`: a value kept elsewhere.
      const text = calleeText(node.callee) ?? '';
      if (commandLine.readCall.pattern.test(text.split('.').pop() ?? '')) return true;
    }
    if (node.type === T.Identifier) {
      const def = findVariable(getScope(node), node)?.defs[0];
      if (def?.type === DefinitionType.Variable && def.node.type === T.VariableDeclarator && def.node.init)
        return readsKept(def.node.init, seen, depth + 1);
      return false;
    }
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      if (node.type === T.MemberExpression && key === 'property' && !node.computed) continue;
      if (node.type === T.Property && key === 'key' && !node.computed) continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const c of Array.isArray(child) ? child : [child])
        if (c && typeof (c as TSESTree.Node).type === 'string' && readsKept(c as TSESTree.Node, seen, depth))
          return true;
    }
    return false;
  };

  /** The value of `init` is made inside `fn` (or the module's top level when `fn` is undefined). */
  const madeHere = (init: TSESTree.Node, fn: FunctionNode | undefined, depth: number): boolean => {
    const n = unwrap(init);
    const all = (xs: readonly (TSESTree.Node | null)[]): boolean =>
      xs.every((x) => x === null || madeHere(x.type === T.SpreadElement ? x.argument : x, fn, depth));
    switch (n.type) {
      case T.AwaitExpression:
        return madeHere(n.argument, fn, depth);
      case T.Literal:
        return true;
      case T.Identifier:
        return idMadeHere(n, fn, depth + 1);
      case T.MemberExpression:
        return madeHere(n.object, fn, depth);
      case T.TemplateLiteral:
        return all(n.expressions);
      case T.BinaryExpression:
      case T.LogicalExpression:
        return all([n.left, n.right]);
      case T.ConditionalExpression:
        return all([n.consequent, n.alternate]);
      case T.ArrayExpression:
        return all(n.elements);
      case T.CallExpression:
      case T.NewExpression: {
        // A file read or a getter hands back a value kept elsewhere; a pass-through keeps its input's origin.
        const callee = unwrap(n.callee);
        const text = calleeText(callee) ?? '';
        if (commandLine.readCall.pattern.test(text.split('.').pop() ?? '')) return false;
        const method = callee.type === T.MemberExpression ? propertyName(callee) : undefined;
        if (method !== undefined && passThrough.methods.has(method))
          return all([(callee as TSESTree.MemberExpression).object, ...n.arguments]);
        return passThrough.functions.has(text) ? all(n.arguments) : !readsKept(n, new Set(), 0);
      }
      default:
        return false;
    }
  };

  const idMadeHere = (id: TSESTree.Identifier, fn: FunctionNode | undefined, depth: number): boolean => {
    if (depth > MAX_DEPTH) return false;
    const v = findVariable(getScope(id), id);
    const def = v?.defs[0];
    if (!v || !def || def.type !== DefinitionType.Variable || def.node.type !== T.VariableDeclarator) return false;
    // Declared in the command itself, not in a module-level binding or an outer function.
    if (enclosingFunction(def.node) !== fn) return false;
    if (!def.node.init || !madeHere(def.node.init, fn, depth)) return false;
    // Every later assignment too: `apiSecret = process.env.API_SECRET` makes the print a copy of a kept value.
    return v.references.every((r) => !r.isWrite() || r.init || (r.writeExpr && madeHere(r.writeExpr, fn, depth + 1)));
  };

  /** A call of the function other than the print keeps a value that `ids` hold: a file write, a storing verb. */
  const keptIn = (fn: TSESTree.Node, ids: ReadonlySet<string>, print: TSESTree.CallExpression): boolean => {
    let kept = false;
    const visit = (node: TSESTree.Node): void => {
      if (kept) return;
      if (node.type === T.CallExpression && node !== print && node.arguments.some((a) => mentions(a, ids))) {
        const verb = calleeText(node.callee)?.split('.').pop() ?? '';
        const scope = getScope(node);
        if (commandLine.storeVerb.pattern.test(verb) || matchCallPattern(node, imports, scope, plaintextFileWrites))
          kept = true;
      }
      for (const key of sourceCode.visitorKeys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const c of Array.isArray(child) ? child : [child])
          if (c && typeof (c as TSESTree.Node).type === 'string') visit(c as TSESTree.Node);
      }
    };
    visit(fn);
    return kept;
  };
  /** The value of `node` carries one of `ids` as it is (not encrypted or hashed by a call on the way). */
  const mentions = (node: TSESTree.Node, ids: ReadonlySet<string>): boolean => {
    const n = unwrap(node);
    const any = (xs: readonly (TSESTree.Node | null)[]): boolean =>
      xs.some((x) => x !== null && mentions(x.type === T.SpreadElement ? x.argument : x, ids));
    switch (n.type) {
      case T.Identifier:
        return ids.has(n.name);
      case T.AwaitExpression:
        return mentions(n.argument, ids);
      case T.MemberExpression:
        return mentions(n.object, ids);
      case T.TemplateLiteral:
        return any(n.expressions);
      case T.BinaryExpression:
      case T.LogicalExpression:
        return any([n.left, n.right]);
      case T.ConditionalExpression:
        return any([n.consequent, n.alternate]);
      case T.ArrayExpression:
        return any(n.elements);
      case T.ObjectExpression:
        return n.properties.some((p) => mentions(p.type === T.SpreadElement ? p.argument : p.value, ids));
      case T.CallExpression: {
        const callee = unwrap(n.callee);
        const method = callee.type === T.MemberExpression ? propertyName(callee) : undefined;
        if (method !== undefined && passThrough.methods.has(method))
          return any([(callee as TSESTree.MemberExpression).object, ...n.arguments]);
        return passThrough.functions.has(calleeText(callee) ?? '') && any(n.arguments);
      }
      default:
        return false;
    }
  };

  return (call, printed) => {
    if (!commandLine.stdout.has(calleeText(call.callee) ?? '')) return false;
    const fn = enclosingFunction(call);
    const ids = valueIds(printed);
    if (ids.length === 0 || !ids.every((id) => idMadeHere(id, fn, 0))) return false;
    // The names of the printed values and of the values they are made from, for the "kept elsewhere" check.
    const names = new Set<string>();
    const collect = (id: TSESTree.Identifier, depth: number): void => {
      if (names.has(id.name) || depth > MAX_DEPTH) return;
      names.add(id.name);
      const init = findVariable(getScope(id), id)?.defs[0]?.node;
      if (init?.type === T.VariableDeclarator && init.init) for (const i of valueIds(init.init)) collect(i, depth + 1);
    };
    for (const id of ids) collect(id, 0);
    return !keptIn(fn ?? sourceCode.ast, names, call);
  };
}
