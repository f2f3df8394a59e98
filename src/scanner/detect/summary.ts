/**
 * Per-file module summaries: what crosses a module boundary, recorded in the lint pass (a hidden rule in
 * the same ESLint traversal as the plugin's rules, so each file is parsed once). A summary is plain JSON:
 * it goes through worker messages and the on-disk cache, and it never holds a secret (only the fact that an
 * export holds one). The scanner joins summaries through the module graph (src/scanner/graph.ts) to pick the
 * few files the ts-morph step must see (src/scanner/detect/cross-file.ts).
 *
 * The join point for other producers (the value-flow engine in src/rule-kit/flow/): anything that can fill
 * a `ModuleSummary` for a file can replace `summaryRule`; the join reads nothing else.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { isEcb, weakCipherOf } from '../../catalogue/algorithms.js';
import { loggerName, logMethods } from '../../catalogue/loggers.js';
import { isSecretName, normaliseName } from '../../detect/names.js';
import { iacKeyResources } from '../../catalogue/iac.js';
import { weakRandomSources } from '../../catalogue/randomness.js';
import { secretRoles } from '../../catalogue/sinks.js';
import { classifyValue, securityPurposeOf } from '../../detect/index.js';
import {
  childrenOf,
  constInitOf,
  isFunctionNode,
  isProcessEnv,
  propertyName,
  staticString,
  unwrap,
  type FunctionNode,
  type Scope,
} from '../../rule-kit/ast.js';
import { patternMatches } from '../../rule-kit/call-patterns.js';
import { flowOf } from '../../rule-kit/flow/engine.js';
import { summariseExports } from '../../rule-kit/flow/summary.js';
import { collectImports, type ImportMap } from '../../rule-kit/imports.js';
import { calleePathOf, matchSinks } from '../../rule-kit/sinks.js';
import { containsAny, matchesAny } from '../common.js';
import { needsInventory } from '../inventory.js';
import type { ExportEntry, ExportFact, ModuleSummary, ModuleUse, UseKind } from './module-summary.js';

// ---- keyword prefilters, derived from the catalogue (never hand-kept) ------------------------------------

const lastName = (callee: string): string =>
  callee
    .replace(/^new /, '')
    .split(/[.()]/)
    .filter((p) => p && p !== '*' && p !== 'default')
    .pop() ?? '';
/** Global sources by their call text (`Math.random`, `new Date`), module sources by module name (`seedrandom`). */
const weakKeywords = [
  ...new Set(
    weakRandomSources
      .flatMap((s) => (s.global ? s.callees.map((c) => c.replace(/\(\).*$/, '')) : s.modules))
      .filter((k) => k.length >= 3),
  ),
];
export const createKeyResources = iacKeyResources.filter((r) => r.companion);
export const cdkKeyResources = iacKeyResources.filter((r) => r.tool === 'aws-cdk');
/** Whether a text mentions a weak random source (`weakKeywords`). */
export const hasWeakKeyword: (text: string) => boolean = containsAny(weakKeywords);
/** Method names of create-key calls (`createKey`), for receivers that come from another module. */
const createMethods = new Set(
  createKeyResources.flatMap((r) =>
    r.match.filter((m) => !/^new [\w$.*]+$/.test(m.callee)).map((m) => lastName(m.callee)),
  ),
);
const companionKeywords = [
  ...new Set(createKeyResources.flatMap((r) => r.companion!.match.map((m) => lastName(m.callee)))),
];
/** A companion call in code (not in a comment or a string): `new EnableKeyRotationCommand(`, `.enableKeyRotation(`. */
const companionCall = new RegExp(
  createKeyResources
    .flatMap((r) =>
      r.companion!.match.map((m) =>
        /^new [A-Za-z_$][\w$]*$/.test(m.callee)
          ? `\\bnew\\s+${lastName(m.callee)}\\s*\\(`
          : `\\.${lastName(m.callee)}\\s*\\(`,
      ),
    )
    .join('|'),
);
const stripComments = (text: string): string =>
  text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/[^\n]*/g, '$1');
/** Whether a file's text enables KMS key rotation (a companion call outside comments). */
export const enablesRotation = (text: string): boolean =>
  companionKeywords.some((k) => text.includes(k)) && companionCall.test(stripComments(text));
export const DESTROY = 'RemovalPolicy.DESTROY';

/** Sink arguments whose value a summary follows: the secret roles and the algorithm. */
const followedRoles: ReadonlySet<string> = new Set([...secretRoles, 'algorithm']);
const weakSources = weakRandomSources.filter((s) => !s.member);

// ---- the hidden rule --------------------------------------------------------------------------------------

type CallLike = TSESTree.CallExpression | TSESTree.NewExpression;

/** What the rule recorded for one file: its summary, and its calls when the inventory wants them. */
export interface Recorded {
  readonly summary: ModuleSummary;
  readonly calls: ReadonlyArray<CallLike>;
}

/** What the rule recorded on the file it last ran on; read (and cleared) by `takeRecorded` right after `verify`. */
let last: Recorded | undefined;

/** What the rule recorded during the last `Linter.verify`, once. */
export function takeRecorded(): Recorded | undefined {
  const s = last;
  last = undefined;
  return s;
}

/** The top-level statement that holds `node` (its direct child of `Program`, export wrappers removed). */
function topLevelOf(node: TSESTree.Node): TSESTree.Node | undefined {
  let cur: TSESTree.Node = node;
  while (cur.parent && cur.parent.type !== T.Program) cur = cur.parent;
  if (!cur.parent) return undefined;
  if ((cur.type === T.ExportNamedDeclaration || cur.type === T.ExportDefaultDeclaration) && cur.declaration)
    return cur.declaration;
  return cur;
}

/** The names a top-level declaration binds. */
function declaredNames(d: TSESTree.Node): string[] {
  if ((d.type === T.FunctionDeclaration || d.type === T.ClassDeclaration) && d.id) return [d.id.name];
  if (d.type === T.VariableDeclaration)
    return d.declarations.flatMap((v) => (v.id.type === T.Identifier ? [v.id.name] : []));
  if (d.type === T.TSEnumDeclaration) return [d.id.name];
  return [];
}

/** The root identifier of `a.b.c` and the first member read from it. */
function rootOf(n: TSESTree.Node): { id: TSESTree.Identifier; member?: string } | undefined {
  let cur = unwrap(n);
  let member: string | undefined;
  while (cur.type === T.MemberExpression) {
    member = propertyName(cur) ?? member;
    cur = unwrap(cur.object);
  }
  if (cur.type !== T.Identifier) return undefined;
  return member === undefined ? { id: cur } : { id: cur, member };
}

/**
 * The security purpose of where a call's value goes (`const resetToken = f()`, `{ token: f() }`, `return` in
 * `makeToken`).
 */
function purposeOfUse(call: TSESTree.Node): string | undefined {
  let cur: TSESTree.Node = call;
  for (let i = 0; i < 6; i++) {
    const p = cur.parent;
    if (!p) return undefined;
    if (
      p.type === T.AwaitExpression ||
      p.type === T.TSAsExpression ||
      p.type === T.TSNonNullExpression ||
      p.type === T.TemplateLiteral ||
      p.type === T.ChainExpression ||
      (p.type === T.BinaryExpression && p.operator === '+')
    ) {
      cur = p;
      continue;
    }
    let name: string | undefined;
    if (p.type === T.VariableDeclarator && p.id.type === T.Identifier) name = p.id.name;
    else if ((p.type === T.Property || p.type === T.PropertyDefinition) && p.value === cur) name = propertyName(p);
    else if (p.type === T.AssignmentExpression && p.operator === '=')
      name =
        p.left.type === T.Identifier
          ? p.left.name
          : p.left.type === T.MemberExpression
            ? propertyName(p.left)
            : undefined;
    else if (p.type === T.ReturnStatement || (p.type === T.ArrowFunctionExpression && p.body === cur)) {
      // Any enclosing named function or const: the ts-morph step decides which one.
      for (let a: TSESTree.Node | undefined = p; a; a = a.parent) {
        const n =
          a.type === T.FunctionDeclaration && a.id
            ? a.id.name
            : a.type === T.MethodDefinition
              ? propertyName(a)
              : a.type === T.VariableDeclarator && a.id.type === T.Identifier
                ? a.id.name
                : undefined;
        if (n) {
          name = n;
          break;
        }
      }
    }
    return name ? securityPurposeOf(name) : undefined;
  }
  return undefined;
}

/**
 * Builds the summary of one file during the lint traversal. Reports nothing. Registered by the scanner's
 * lint config only (src/scanner/detect/lint.ts), never by the plugin's presets.
 */
export const summaryRule: TSESLint.RuleModule<'none', []> = {
  meta: {
    type: 'problem',
    docs: { description: 'Records what crosses module boundaries, for the audit (internal, reports nothing)' },
    messages: { none: 'never reported' },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sc = context.sourceCode;
    const text = sc.text;
    const program = sc.ast;
    const imports: ImportMap = collectImports(program);
    const hasImports = imports.size > 0;
    const weakText = hasWeakKeyword(text);
    const destroyText = text.includes(DESTROY);
    // The key inventory (src/scanner/inventory.ts) reads the same calls: collected here, not walked again.
    const sinkText = needsInventory(text);
    const calls: CallLike[] | undefined = sinkText ? [] : undefined;
    const uses: ModuleUse[] = [];
    const usedLocals = new Set<string>();
    const weakDecls = new Set<TSESTree.Node>();
    let createsKey = false;
    let cdkKey = false;
    const scopeOf = (n: TSESTree.Node): Scope => sc.getScope(n) as Scope;

    const addUse = (kind: UseKind, local: string, member: string | undefined, at: TSESTree.Node): void => {
      usedLocals.add(local);
      uses.push({ kind, local, ...(member === undefined ? {} : { member }), line: at.loc.start.line });
    };
    /** Import bindings an expression reads, also through local consts (bounded). */
    const importedRefs = (expr: TSESTree.Node, scope: Scope, kind: UseKind, at: TSESTree.Node): void => {
      let budget = 64;
      const visit = (n: TSESTree.Node, depth: number): void => {
        if (budget-- <= 0 || depth > 4) return;
        const u = unwrap(n);
        if (u.type === T.Identifier || u.type === T.MemberExpression) {
          const r = rootOf(u);
          if (r && imports.has(r.id.name)) return addUse(kind, r.id.name, r.member, at);
          if (r) {
            const init = constInitOf(r.id, scope);
            if (init) visit(init, depth + 1);
          }
          if (u.type === T.MemberExpression && u.computed) visit(u.property, depth);
          return;
        }
        if (u.type === T.ArrowFunctionExpression || u.type === T.FunctionExpression) return;
        for (const c of childrenOf(u, sc.visitorKeys)) visit(c, depth);
      };
      visit(expr, 0);
    };

    const onCall = (node: CallLike): void => {
      calls?.push(node);
      let known: Scope | undefined;
      const scope = (): Scope => (known ??= scopeOf(node));
      // Key sinks and KMS resources are all named by a module (or a global root) in the text, the same
      // keywords as the inventory's (`sinkText`); weak random sources by `weakText`. Without either, no
      // callee path can match anything below, so none is computed.
      const cp = (hasImports || weakText) && (sinkText || weakText) ? calleePathOf(node, imports, scope()) : undefined;
      if (hasImports) {
        // Key sinks whose key argument reads an import binding.
        if (sinkText)
          for (const hit of matchSinks(node, imports, scope(), followedRoles, cp))
            importedRefs(hit.node, scope(), hit.arg.role === 'algorithm' ? 'algorithm' : 'key', node);
        // Calls of imported helpers whose value becomes a token.
        if (node.type === T.CallExpression) {
          const r = rootOf(node.callee);
          if (r && imports.has(r.id.name) && purposeOfUse(node)) addUse('token', r.id.name, r.member, node);
          // A value from another module logged whole: `console.log(config)`.
          if (isLoggerCall(node))
            for (const a of node.arguments) {
              const u = unwrap(a);
              const r = u.type === T.Identifier || u.type === T.MemberExpression ? rootOf(u) : undefined;
              if (r && imports.has(r.id.name)) addUse('log', r.id.name, r.member, node);
            }
          // `client.createKey()` on a client from another module.
          const callee = unwrap(node.callee);
          if (callee.type === T.MemberExpression && createMethods.has(propertyName(callee) ?? ''))
            importedRefs(callee.object, scope(), 'kms', node);
          // `x.applyRemovalPolicy(RemovalPolicy.DESTROY)` on a key from another construct.
          if (
            destroyText &&
            callee.type === T.MemberExpression &&
            propertyName(callee) === 'applyRemovalPolicy' &&
            node.arguments[0] &&
            sc.getText(node.arguments[0]) === DESTROY
          )
            importedRefs(callee.object, scope(), 'destroy', node);
        }
      }
      if (cp) {
        if (createKeyResources.some((r) => matchesAny(r.match, cp))) createsKey = true;
        if (node.type === T.NewExpression && cdkKeyResources.some((r) => matchesAny(r.match, cp))) cdkKey = true;
        if (weakText && weakSources.some((s) => patternMatches(s, cp))) {
          const top = topLevelOf(node);
          if (top) weakDecls.add(top);
        }
      }
    };

    return {
      CallExpression: onCall,
      NewExpression: onCall,
      'Program:exit'() {
        last = {
          summary: finish(sc, imports, scopeOf, uses, usedLocals, weakDecls, {
            createsKey,
            cdkKey,
            rotation: enablesRotation(text),
          }),
          calls: calls ?? [],
        };
      },
    };
  },
};

/** The functions a top-level declaration defines: itself, a const's function value, a class's methods. */
function functionsOf(decl: TSESTree.Node): FunctionNode[] {
  if (decl.type === T.FunctionDeclaration) return [decl];
  if (decl.type === T.VariableDeclaration)
    return decl.declarations.flatMap((v) => {
      const init = v.init && unwrap(v.init);
      return init && isFunctionNode(init) ? [init as FunctionNode] : [];
    });
  if (decl.type === T.ClassDeclaration || decl.type === T.ClassExpression)
    return decl.body.body.flatMap((m) =>
      (m.type === T.MethodDefinition || m.type === T.PropertyDefinition) && m.value && isFunctionNode(m.value)
        ? [m.value as FunctionNode]
        : [],
    );
  if (isFunctionNode(decl)) return [decl as FunctionNode];
  return [];
}

/**
 * Whether a top-level declaration that calls a weak random source returns its value: the engine's
 * per-function summaries (the same ones `summariseExports` reports for exported functions).
 */
const returnsWeak = (sc: Readonly<TSESLint.SourceCode>, decl: TSESTree.Node): boolean =>
  functionsOf(decl).some((fn) => flowOf(sc).summary(fn).returns.has('weak-random'));

/** A member value that holds a secret at run time: a string literal or an environment read. */
function holdsValue(v: TSESTree.Node): boolean {
  const n = unwrap(v);
  if (staticString(n) !== undefined) return (staticString(n) ?? '') !== '';
  if (n.type === T.LogicalExpression) return holdsValue(n.left) || holdsValue(n.right);
  return n.type === T.MemberExpression && isProcessEnv(n.object);
}

/**
 * Whether a call writes a log record: `console.log`, `logger.info`, `this.log.warn` (catalogue `logMethods`,
 * `loggerName`).
 */
function isLoggerCall(node: TSESTree.CallExpression): boolean {
  const c = unwrap(node.callee);
  if (c.type !== T.MemberExpression || !logMethods.has(propertyName(c) ?? '')) return false;
  const o = unwrap(c.object);
  const name = o.type === T.Identifier ? o.name : o.type === T.MemberExpression ? propertyName(o) : undefined;
  return name !== undefined && loggerName.pattern.test(normaliseName(name));
}

/** Facts about an expression an export holds (literal key material, a made value), following local consts. */
function factsOf(
  expr: TSESTree.Node,
  name: string,
  scopeOf: (n: TSESTree.Node) => Scope,
  imports: ImportMap,
  depth: number,
): { facts: Set<ExportFact>; alias?: string } {
  const out: { facts: Set<ExportFact>; alias?: string } = { facts: new Set() };
  if (depth > 6) return out;
  const n = unwrap(expr);
  const str = staticString(n);
  if (str !== undefined) {
    if (classifyValue(str, { inKeySink: true, name }).secret) out.facts.add('secret');
    if (str.length <= 64 && (weakCipherOf(str) || isEcb(str))) out.facts.add('weak-alg');
    return out;
  }
  const merge = (o: { facts: Set<ExportFact>; alias?: string }): void => {
    for (const f of o.facts) out.facts.add(f);
    if (o.alias !== undefined) out.alias ??= o.alias;
  };
  switch (n.type) {
    case T.ObjectExpression:
      for (const p of n.properties) {
        if (p.type !== T.Property) continue;
        const key = propertyName(p);
        merge(factsOf(p.value, key ?? name, scopeOf, imports, depth + 1));
        if (key && isSecretName(key) && holdsValue(p.value)) out.facts.add('secret-holder');
      }
      out.facts.delete('made');
      return out;
    case T.LogicalExpression:
      if (n.operator === '??' || n.operator === '||') merge(factsOf(n.right, name, scopeOf, imports, depth + 1));
      return out;
    case T.CallExpression:
    case T.NewExpression: {
      const a = n.arguments[0];
      // Buffer.from(x, 'hex'), new TextEncoder().encode(x), String(x): the same value (as the ts-morph step reads it).
      const callee = unwrap(n.callee);
      const wraps =
        n.type === T.CallExpression &&
        ((callee.type === T.Identifier && callee.name === 'String') ||
          (callee.type === T.MemberExpression &&
            (propertyName(callee) === 'encode' ||
              (propertyName(callee) === 'from' &&
                callee.object.type === T.Identifier &&
                callee.object.name === 'Buffer'))));
      if (wraps && a && a.type !== T.SpreadElement) {
        const inner = factsOf(a, name, scopeOf, imports, depth + 1);
        if (inner.facts.has('secret')) out.facts.add('secret');
        if (inner.alias !== undefined) out.alias = inner.alias;
      }
      out.facts.add('made');
      return out;
    }
    case T.Identifier:
    case T.MemberExpression: {
      const r = rootOf(n);
      if (!r) return out;
      if (imports.has(r.id.name)) {
        out.alias = r.id.name;
        return out;
      }
      const init = constInitOf(r.id, scopeOf(r.id));
      if (init) merge(factsOf(init, name, scopeOf, imports, depth + 1));
      return out;
    }
    default:
      return out;
  }
}

/**
 * What the value-flow engine's export summary (`summariseExports`, shared with the rules) says about each
 * exported name: a function returning a weak-random value, a weak cipher named by a literal or inside an
 * object. The scanner adds what that summary does not describe (aliases of imports, values made by calls,
 * literal key material, objects holding secrets, literals reached through local consts or wrappers).
 */
function engineFacts(sc: Readonly<TSESLint.SourceCode>): Map<string, ExportFact[]> {
  const out = new Map<string, ExportFact[]>();
  for (const e of summariseExports(sc)) {
    const v = e.value;
    const facts: ExportFact[] = [];
    if (v.kind === 'function' && v.returns.includes('weak-random')) facts.push('weak');
    if ((v.kind === 'string' && v.weakAlgorithm) || (v.kind === 'object' && v.weakAlgorithms.length > 0))
      facts.push('weak-alg');
    if (facts.length > 0) out.set(e.name, facts);
  }
  return out;
}

function finish(
  sc: Readonly<TSESLint.SourceCode>,
  imports: ImportMap,
  scopeOf: (n: TSESTree.Node) => Scope,
  uses: ModuleUse[],
  usedLocals: Set<string>,
  weakDecls: ReadonlySet<TSESTree.Node>,
  flags: { createsKey: boolean; cdkKey: boolean; rotation: boolean },
): ModuleSummary {
  const program = sc.ast;
  const exports: Record<string, ExportEntry> = {};
  // Asked of exported declarations only (a helper must be exported to be used elsewhere), once each.
  const weakVerdicts = new Map<TSESTree.Node, boolean>();
  const isWeak = (decl: TSESTree.Node): boolean => {
    if (!weakDecls.has(decl)) return false;
    let v = weakVerdicts.get(decl);
    if (v === undefined) weakVerdicts.set(decl, (v = returnsWeak(sc, decl)));
    return v;
  };
  const reexports: Array<readonly [string, string, string]> = [];
  /** Top-level declarations by name, for `export { x }` and `export default x`. */
  const locals = new Map<string, TSESTree.Node>();
  for (const st of program.body) {
    const d =
      (st.type === T.ExportNamedDeclaration || st.type === T.ExportDefaultDeclaration) && st.declaration
        ? st.declaration
        : st;
    for (const n of declaredNames(d)) locals.set(n, d);
  }
  const describe = (decl: TSESTree.Node, name: string): ExportEntry | undefined => {
    const facts = new Set<ExportFact>();
    let alias: string | undefined;
    if (isWeak(decl)) facts.add('weak');
    if (decl.type === T.VariableDeclaration) {
      for (const v of decl.declarations) {
        if (v.id.type !== T.Identifier || v.id.name !== name || !v.init) continue;
        if (decl.kind !== 'const') continue; // a `let` can be reassigned anywhere
        const f = factsOf(v.init, name, scopeOf, imports, 0);
        for (const x of f.facts) facts.add(x);
        alias = f.alias;
      }
    } else if (decl.type === T.TSEnumDeclaration) {
      for (const m of decl.body.members) {
        const v = staticString(m.initializer);
        if (v !== undefined && classifyValue(v, { inKeySink: true, name: sourceName(m.id) }).secret)
          facts.add('secret');
      }
    }
    if (facts.size === 0 && alias === undefined) return undefined;
    return { ...(facts.size > 0 ? { facts: [...facts].sort() } : {}), ...(alias === undefined ? {} : { alias }) };
  };
  // A `let` or `var` export can be reassigned anywhere: nothing is said about it.
  const reassignable = new Set(
    program.body.flatMap((st) => {
      const d = st.type === T.ExportNamedDeclaration ? st.declaration : st;
      return d?.type === T.VariableDeclaration && d.kind !== 'const' ? declaredNames(d) : [];
    }),
  );
  // The engine's export summary, where it can add something: a file with weak random calls, or an
  // export the scanner already saw naming a weak algorithm.
  let engine: Map<string, ExportFact[]> | undefined;
  const put = (exported: string, found: ExportEntry | undefined): void => {
    const ask = !reassignable.has(exported) && (weakDecls.size > 0 || !!found?.facts?.includes('weak-alg'));
    const more = ask ? (engine ??= engineFacts(sc)).get(exported) : undefined;
    const facts = [...new Set([...(found?.facts ?? []), ...(more ?? [])])].sort();
    const entry: ExportEntry | undefined =
      facts.length === 0 && found?.alias === undefined
        ? undefined
        : { ...(facts.length > 0 ? { facts } : {}), ...(found?.alias === undefined ? {} : { alias: found.alias }) };
    if (!entry) return;
    exports[exported] = entry;
    if (entry.alias !== undefined) usedLocals.add(entry.alias);
  };
  for (const st of program.body) {
    if (st.type === T.ExportNamedDeclaration) {
      if (st.source) {
        for (const s of st.specifiers)
          reexports.push([st.source.value, sourceName(s.exported), sourceName(s.local)] as const);
      } else if (st.declaration) {
        for (const n of declaredNames(st.declaration)) put(n, describe(st.declaration, n));
      } else {
        for (const s of st.specifiers) {
          const local = sourceName(s.local);
          const exported = sourceName(s.exported);
          if (imports.has(local)) put(exported, { alias: local });
          else {
            const d = locals.get(local);
            if (d) put(exported, describe(d, local));
          }
        }
      }
    } else if (st.type === T.ExportAllDeclaration) {
      reexports.push([st.source.value, st.exported ? sourceName(st.exported) : '*', '*'] as const);
    } else if (st.type === T.ExportDefaultDeclaration) {
      const d = st.declaration;
      if (d.type === T.Identifier) {
        if (imports.has(d.name)) put('default', { alias: d.name });
        else {
          const decl = locals.get(d.name);
          if (decl) put('default', describe(decl, d.name));
        }
      } else if (d.type === T.FunctionDeclaration || d.type === T.ClassDeclaration) {
        if (isWeak(d)) put('default', { facts: ['weak'] });
      } else {
        const f = factsOf(d, 'default', scopeOf, imports, 0);
        if (f.facts.size > 0 || f.alias !== undefined)
          put('default', {
            ...(f.facts.size > 0 ? { facts: [...f.facts].sort() } : {}),
            ...(f.alias === undefined ? {} : { alias: f.alias }),
          });
      }
    } else if (st.type === T.ExpressionStatement && st.expression.type === T.AssignmentExpression) {
      // CommonJS: `module.exports = { … }`, `exports.k = …`, `module.exports.k = …`.
      const left = st.expression.left;
      const target = left.type === T.MemberExpression ? sourceText(left) : '';
      if (target === 'module.exports') {
        const right = unwrap(st.expression.right);
        if (right.type === T.ObjectExpression) {
          for (const p of right.properties) {
            if (p.type !== T.Property) continue;
            const n = propertyName(p);
            if (!n) continue;
            const v = unwrap(p.value);
            const localName = v.type === T.Identifier ? v.name : undefined;
            const decl = localName === undefined ? undefined : locals.get(localName);
            put(n, decl && localName ? describe(decl, localName) : entryOf(factsOf(p.value, n, scopeOf, imports, 0)));
          }
        } else put('default', entryOf(factsOf(right, 'default', scopeOf, imports, 0)));
      } else if (/^(?:module\.)?exports\.[\w$]+$/.test(target) && left.type === T.MemberExpression) {
        const n = propertyName(left);
        if (n) put(n, entryOf(factsOf(st.expression.right, n, scopeOf, imports, 0)));
      }
    }
  }
  const usedImports: Record<string, readonly [string, string]> = {};
  for (const l of usedLocals) {
    const b = imports.get(l);
    if (b) usedImports[l] = [b.module, b.imported.split('.')[0] ?? b.imported] as const;
  }
  const weakHelpers = [
    ...new Set(
      [...weakVerdicts]
        .filter(([, weak]) => weak)
        .flatMap(([d]) => (declaredNames(d).length > 0 ? declaredNames(d) : ['default'])),
    ),
  ].sort();
  return {
    imports: usedImports,
    reexports,
    exports,
    uses,
    ...(weakHelpers.length > 0 ? { weakHelpers } : {}),
    ...(flags.createsKey ? { createsKey: true as const } : {}),
    ...(flags.cdkKey ? { cdkKey: true as const } : {}),
    ...(flags.rotation ? { rotation: true as const } : {}),
  };
}

const entryOf = (f: { facts: Set<ExportFact>; alias?: string }): ExportEntry | undefined =>
  f.facts.size === 0 && f.alias === undefined
    ? undefined
    : {
        ...(f.facts.size > 0 ? { facts: [...f.facts].sort() } : {}),
        ...(f.alias === undefined ? {} : { alias: f.alias }),
      };

const sourceName = (n: TSESTree.Identifier | TSESTree.StringLiteral): string =>
  n.type === T.Identifier ? n.name : n.value;

function sourceText(m: TSESTree.MemberExpression): string {
  const parts: string[] = [];
  let cur: TSESTree.Node = m;
  while (cur.type === T.MemberExpression) {
    const n = propertyName(cur);
    if (n === undefined) return '';
    parts.unshift(n);
    cur = cur.object;
  }
  if (cur.type !== T.Identifier) return '';
  parts.unshift(cur.name);
  return parts.join('.');
}
