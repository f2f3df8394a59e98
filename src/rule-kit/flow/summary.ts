/**
 * The per-file summary: what a module shows to other modules, computed from the same per-file caches the rules
 * use (the export table of ./exports.ts, the import map of ../imports.ts, the engine's per-function summaries
 * of ./engine.ts). There is one producer, two views of it:
 *
 * - `summariseExports(sourceCode)`: each exported binding's value as the engine sees it (a literal's kind, the
 *   weak cipher a string names, the secret-named paths of an object and where their values come from, what a
 *   function returns and how its parameters reach the return value). In memory only (it may hold a literal).
 * - `moduleSummariser(sourceCode, options)`: the `ModuleSummary`, plain JSON that never holds a secret (only
 *   the fact that an export holds one): export facts, aliases of imports, re-exports, the import bindings used
 *   where what they are matters, weak-random helpers, and the file's KMS facts. The audit records it in the lint
 *   pass (src/scanner/detect/summary.ts serialises it) and joins the summaries through its module graph
 *   (src/scanner/detect/cross-file.ts).
 *
 * Pure: it reads an ESLint `SourceCode` (any parser that gives ESTree with scopes) and does no I/O.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { isEcb, weakCipherOf } from '../../catalogue/algorithms.js';
import type { CallMatch } from '../../catalogue/iac.js';
import { iacKeyResources } from '../../catalogue/iac.js';
import { processForks, processKeyKeywords } from '../../catalogue/one-use-keys.js';
import { loggerName, logMethods } from '../../catalogue/loggers.js';
import { weakRandomSources } from '../../catalogue/randomness.js';
import { secretRoles } from '../../catalogue/sinks.js';
import { classifyValue, securityPurposeOf } from '../../detect/index.js';
import { isSecretEnvName, isSecretName, normaliseName } from '../../detect/names.js';
import {
  childrenOf,
  constInitOf,
  isFunctionNode,
  isProcessEnv,
  propertyName,
  staticNumber,
  staticString,
  unwrap,
  type FunctionNode,
  type Scope,
} from '../ast.js';
import { firstMatchingPattern } from '../call-patterns.js';
import { collectImports, type ImportMap } from '../imports.js';
import {
  calleePathKey,
  calleePathOf,
  matchSinks,
  MEMO_LIMIT,
  reachOf,
  shapeMatcher,
  type CalleePath,
} from '../sinks.js';
import { flowOf, type ReturnKind } from './engine.js';
import { declaredNames, moduleExports, type ExportBinding, type ModuleExports } from './exports.js';
import { escapeRegExp } from '../regexp.js';
import { configStores, jwtModuleSigners } from '../../catalogue/jwt-modules.js';
import { jwtSigners } from '../../catalogue/iac.js';
import { kidlessModuleKey } from '../jwt-modules.js';
import { freshMembers, importsConfigStore, signingKeyRef, type SigningKeyRef } from './process-keys.js';

// ---- the summary's shape (plain JSON: worker messages, the audit's on-disk cache) ------------------------

/** What an exported name is, as far as cross-module detection cares. */
export type ExportFact =
  /** a literal (or an object holding one) that classifies as key material in a key sink */
  | 'secret'
  /** a function (or a class with a method) whose body draws from a weak random source */
  | 'weak'
  /** a value made by a call or `new` (a client another module may call `createKey` on) */
  | 'made'
  /** a weak cipher or ECB mode name (catalogue `weakCiphers`), or an object holding one */
  | 'weak-alg'
  /** an object with a secret-named member holding a literal or an environment value (a config object) */
  | 'secret-holder';

interface ExportEntry {
  readonly facts?: readonly ExportFact[];
  /**
   * Members (dotted; `''` for the value itself) that hold a key the program draws per start and keeps to itself
   * (`export const Common = new CommonService()` with `secret = randomBytes(64)`; a factory returning `{ jwtSecret }`).
   */
  readonly fresh?: readonly string[];
  /** The export re-exposes an import binding of this file (`import { k } from './a'; export const K = k`). */
  readonly alias?: string;
  /**
   * Further import bindings an exported object holds in its members, beyond `alias` (`export const config =
   * { modern: { algorithm: MODERN }, legacy: { algorithm: LEGACY } }`): the join follows each.
   */
  readonly holds?: readonly string[];
}

/** A use of an import binding at a place where what it is matters. */
export type UseKind =
  /** reaches a key argument of a key sink */
  | 'key'
  /** reaches the algorithm argument of a key sink */
  | 'algorithm'
  /** passed whole to a logger (`console.log(config)`) */
  | 'log'
  /** a call whose value becomes a token, secret, key, IV, nonce or salt */
  | 'token'
  /** receiver of a KMS create-key call (`client.createKey()`) */
  | 'kms'
  /** receiver of `applyRemovalPolicy(RemovalPolicy.DESTROY)` */
  | 'destroy';

interface ModuleUse {
  readonly kind: UseKind;
  /** The local import binding. */
  readonly local: string;
  /** The first member read from it (`lib.material.signing` → `material`), for namespace imports. */
  readonly member?: string;
  readonly line: number;
}

/** A node's place: start line and column, end line and column (1-based columns, as findings have). */
export type SourceSpan = readonly [number, number, number, number];

export interface ModuleSummary {
  /** Import bindings this summary refers to: local name → [module specifier, imported name or `*`/`default`]. */
  readonly imports: Readonly<Record<string, readonly [string, string]>>;
  /** `export … from`: [module specifier, exported name (`*` for `export *`), imported name (`*` for a namespace)]. */
  readonly reexports: ReadonlyArray<readonly [string, string, string]>;
  /** Exported names with something to say about them. */
  readonly exports: Readonly<Record<string, ExportEntry>>;
  readonly uses: readonly ModuleUse[];
  /** The file calls a KMS create-key API itself (catalogue `iacKeyResources` with a companion). */
  readonly createsKey?: true;
  /** The file creates a CDK KMS key (another module may give it a removal policy). */
  readonly cdkKey?: true;
  /** The file enables KMS key rotation somewhere (the companion call exists). */
  readonly rotation?: true;
  /**
   * Top-level declarations (by local name) that return a weak-random value: functions, consts holding one,
   * classes with such a method. The value-flow engine's per-function summary decides (`returns` holds
   * `weak-random`), so a helper that only reads the clock for an expiry, or a random id into a field of the
   * object it returns, is not one.
   */
  readonly weakHelpers?: readonly string[];
  /**
   * JWT signing calls with no key id whose key another module holds (require-key-rotation reports within the call's
   * span, at the call or its header, when the key is static here): the join withdraws such a finding when the key
   * is drawn per start.
   */
  readonly signingKeys?: ReadonlyArray<SigningKeyRef & { readonly span: SourceSpan }>;
  /**
   * Members of imported values this file assigns (`Common.secret_key = cfg.secret`): a key another module draws per
   * start is no longer that once something else is written over it.
   */
  readonly memberWrites?: ReadonlyArray<{ readonly local: string; readonly path: readonly string[] }>;
  /** Import bindings loaded as configuration factories (`ConfigModule.forRoot({ load: [configuration] })`). */
  readonly configLoads?: readonly string[];
  /** The file forks worker processes (`cluster.fork()`): a key drawn per process would differ between them. */
  readonly forks?: true;
}

// ---- keyword prefilters and call matchers, derived from the catalogue (never hand-kept) -----------------

const lastName = (callee: string): string =>
  callee
    .replace(/^new /, '')
    .split(/[.()]/)
    .filter((p) => p && p !== '*' && p !== 'default')
    .pop() ?? '';
/** Global sources by their call text (`Math.random`, `new Date`), module sources by module name (`seedrandom`). */
const weakKeywords = new RegExp(
  [
    ...new Set(
      weakRandomSources
        .flatMap((s) => (s.global ? s.callees.map((c) => c.replace(/\(\).*$/, '')) : s.modules))
        .filter((k) => k.length >= 3),
    ),
  ]
    .map(escapeRegExp)
    .join('|'),
);
/** KMS create-key calls whose rotation is a separate call (catalogue `iacKeyResources` with a companion). */
export const createKeyResources = iacKeyResources.filter((r) => r.companion);
export const cdkKeyResources = iacKeyResources.filter((r) => r.tool === 'aws-cdk');
/**
 * The modules of the summary's own KMS matches (`createsKey`, `cdkKey`), as bare text (the literal part of a glob):
 * those matches need a binding to one of them, and a binding's module is a string literal of the file (an import
 * or a `require`), so a file whose text holds none of these words cannot make either true.
 */
const kmsModuleWords = [
  ...new Set(
    [...createKeyResources, ...cdkKeyResources]
      .flatMap((r) => r.match.flatMap((m) => m.modules))
      .map((m) => m.split('*').reduce((a, b) => (b.length > a.length ? b : a), '')),
  ),
];
/** Whether a text mentions a weak random source. */
export const hasWeakKeyword = (text: string): boolean => weakKeywords.test(text);
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

/**
 * One matcher for a list of catalogue call matches (its globs compiled once): whether any of them describes the call.
 * The summariser asks it of every call in a file, so the list's exact prefilter (`reachOf`: false only when no match
 * can describe the path) answers most calls, and the rest once per distinct callee path (`calleePathKey` holds all a
 * matcher reads), as `firstMatchingPattern` does for pattern lists.
 */
const anyOf = (matches: readonly CallMatch[]): ((cp: CalleePath) => boolean) => {
  const shapes = matches.map((m) => ({ modules: m.modules, ...(m.receivers ? { receivers: m.receivers } : {}) }));
  const fs = matches.map((m, i) => shapeMatcher(shapes[i]!, [m.callee]));
  const reach = reachOf(matches.map((m, i) => ({ ...shapes[i]!, callee: m.callee })));
  const memo = new Map<string, boolean>();
  return (cp) => {
    if (!reach(cp)) return false;
    const key = calleePathKey(cp);
    let hit = memo.get(key);
    if (hit === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(key, (hit = fs.some((f) => f(cp))));
    }
    return hit;
  };
};
const createsKeyCall = anyOf(createKeyResources.flatMap((r) => r.match));
const configLoader = anyOf(configStores.flatMap((c) => c.loaders));
const forkCall = anyOf(processForks);
const jwtSinkIds = new Set(jwtSigners.map((s) => s.sinkId));
const moduleSignerModules = [
  ...new Set(
    jwtModuleSigners.flatMap((m) => (m.when.kind === 'call' ? m.when.match.flatMap((x) => x.modules) : m.when.modules)),
  ),
];
const configModules = [...new Set(configStores.flatMap((c) => c.modules))];
const forkModules = [...new Set(processForks.flatMap((f) => f.modules))];
const cdkKeyCall = anyOf(cdkKeyResources.flatMap((r) => r.match));

/** Sink arguments whose value a summary follows: the secret roles and the algorithm. */
const followedRoles: ReadonlySet<string> = new Set([...secretRoles, 'algorithm']);
const weakSources = weakRandomSources.filter((s) => !s.member);

// ---- the value view ---------------------------------------------------------------------------------------

type ExportedValue =
  | { readonly kind: 'string'; readonly value: string; readonly weakAlgorithm?: string }
  | { readonly kind: 'number'; readonly value: number }
  | {
      readonly kind: 'object';
      /** Property paths (`db.password`) whose names say they hold a secret, with the kind of value there. */
      readonly secrets: readonly { readonly path: string; readonly from: SecretSource }[];
      /** Property paths holding a weak algorithm name, with the catalogue's id. */
      readonly weakAlgorithms: readonly { readonly path: string; readonly id: string }[];
    }
  | {
      readonly kind: 'function';
      readonly returns: readonly ReturnKind[];
      readonly params: readonly { readonly index: number; readonly via: readonly ('hash' | 'kdf' | 'fit')[] }[];
    }
  | { readonly kind: 'other' };

/** Where a secret-named property's value comes from (never the value itself). */
type SecretSource = 'env' | 'literal' | 'call' | 'other';

export interface ExportSummary {
  /** The exported name (`default` for a default export). */
  readonly name: string;
  /** 1-based line of the declaration, for messages. */
  readonly line: number;
  readonly value: ExportedValue;
}

const MAX_OBJECT_DEPTH = 4;
const valueCache = new WeakMap<TSESTree.Program, readonly ExportSummary[]>();

/**
 * The file's exports as the engine sees them: literals, objects that hold secrets, weak algorithm names, and
 * what exported functions return. Cached per file, so a rule and the audit asking on the same `SourceCode`
 * cost one computation.
 */
export function summariseExports(sourceCode: Readonly<TSESLint.SourceCode>): readonly ExportSummary[] {
  const cached = valueCache.get(sourceCode.ast);
  if (cached) return cached;
  const flow = flowOf(sourceCode);

  const sourceOf = (v: TSESTree.Node): SecretSource => {
    const kinds = new Set(flow.origins(v).map((o) => o.kind));
    if (kinds.has('env')) return 'env';
    if (kinds.has('string') || kinds.has('bytes')) return 'literal';
    if (kinds.has('call')) return 'call';
    return 'other';
  };
  const walkObject = (
    o: TSESTree.ObjectExpression,
    prefix: string,
    depth: number,
    secrets: { path: string; from: SecretSource }[],
    weak: { path: string; id: string }[],
  ): void => {
    for (const p of o.properties) {
      if (p.type !== T.Property) continue;
      const key = propertyName(p);
      if (key === undefined) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      const v = unwrap(p.value);
      if (v.type === T.ObjectExpression && depth < MAX_OBJECT_DEPTH) {
        walkObject(v, path, depth + 1, secrets, weak);
        continue;
      }
      const s = staticString(v);
      const w = s === undefined ? undefined : weakCipherOf(s);
      if (w) weak.push({ path, id: w.id });
      if (isSecretName(key)) secrets.push({ path, from: sourceOf(v) });
    }
  };
  const describe = (node: TSESTree.Node): ExportedValue => {
    const n = unwrap(node);
    if (isFunctionNode(n)) {
      const s = flow.summary(n as FunctionNode);
      return {
        kind: 'function',
        returns: [...s.returns].sort(),
        params: s.params.map((p) => ({ index: p.index, via: p.via.map((t) => t.kind) })),
      };
    }
    const str = staticString(n);
    if (str !== undefined) {
      const weak = weakCipherOf(str);
      return { kind: 'string', value: str, ...(weak ? { weakAlgorithm: weak.id } : {}) };
    }
    const num = staticNumber(n);
    if (num !== undefined) return { kind: 'number', value: num };
    if (n.type === T.ObjectExpression) {
      const secrets: { path: string; from: SecretSource }[] = [];
      const weakAlgorithms: { path: string; id: string }[] = [];
      walkObject(n, '', 0, secrets, weakAlgorithms);
      return { kind: 'object', secrets, weakAlgorithms };
    }
    return { kind: 'other' };
  };
  const out = moduleExports(sourceCode.ast).bindings.flatMap((b) =>
    b.value ? [{ name: b.name, line: b.at.loc.start.line, value: describe(b.value) }] : [],
  );
  valueCache.set(sourceCode.ast, out);
  return out;
}

// ---- the summary the audit joins ---------------------------------------------------------------------------

type CallLike = TSESTree.CallExpression | TSESTree.NewExpression;

/** The top-level statement that holds `node` (its direct child of `Program`, export wrappers removed). */
function topLevelOf(node: TSESTree.Node): TSESTree.Node | undefined {
  let cur: TSESTree.Node = node;
  while (cur.parent && cur.parent.type !== T.Program) cur = cur.parent;
  if (!cur.parent) return undefined;
  if ((cur.type === T.ExportNamedDeclaration || cur.type === T.ExportDefaultDeclaration) && cur.declaration)
    return cur.declaration;
  return cur;
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

/** A member value that holds a secret at run time: a string literal or an environment read. */
function holdsValue(v: TSESTree.Node): boolean {
  const n = unwrap(v);
  if (staticString(n) !== undefined) return (staticString(n) ?? '') !== '';
  if (n.type === T.LogicalExpression) return holdsValue(n.left) || holdsValue(n.right);
  return n.type === T.MemberExpression && isProcessEnv(n.object);
}

/**
 * A member value that is a secret whatever the member is called: `process.env.X` (through `??`/`||`) where X names a
 * secret, or a literal that classifies as key material under the member's name.
 */
function secretByContent(v: TSESTree.Node, key: string | undefined): boolean {
  const n = unwrap(v);
  if (n.type === T.LogicalExpression) return secretByContent(n.left, key) || secretByContent(n.right, key);
  const env = n.type === T.MemberExpression && isProcessEnv(n.object) ? propertyName(n) : undefined;
  if (env !== undefined) return isSecretEnvName(env);
  const str = staticString(n);
  return str !== undefined && str.length >= 16 && classifyValue(str, key === undefined ? {} : { name: key }).secret;
}

interface Facts {
  readonly facts: Set<ExportFact>;
  fresh?: string[];
  alias?: string;
  /** Import bindings held besides `alias` (members of an object). */
  holds?: Set<string>;
}

/** Facts about an expression an export holds (literal key material, a made value), following local consts. */
function factsOf(
  expr: TSESTree.Node,
  name: string,
  scopeOf: (n: TSESTree.Node) => Scope,
  imports: ImportMap,
  depth: number,
): Facts {
  const out: Facts = { facts: new Set() };
  if (depth > 6) return out;
  const n = unwrap(expr);
  const str = staticString(n);
  if (str !== undefined) {
    if (classifyValue(str, { inKeySink: true, name }).secret) out.facts.add('secret');
    if (str.length <= 64 && (weakCipherOf(str) || isEcb(str))) out.facts.add('weak-alg');
    return out;
  }
  const merge = (o: Facts): void => {
    for (const f of o.facts) out.facts.add(f);
    for (const a of [o.alias, ...(o.holds ?? [])]) {
      if (a === undefined || a === out.alias) continue;
      if (out.alias === undefined) out.alias = a;
      else (out.holds ??= new Set()).add(a);
    }
  };
  switch (n.type) {
    case T.ObjectExpression:
      for (const p of n.properties) {
        if (p.type !== T.Property) continue;
        const key = propertyName(p);
        merge(factsOf(p.value, key ?? name, scopeOf, imports, depth + 1));
        if (key && isSecretName(key) && holdsValue(p.value)) out.facts.add('secret-holder');
        // ...or by content under any name: a secret environment variable, literal key material (secret-holders.ts).
        if (secretByContent(p.value, key)) out.facts.add('secret-holder');
      }
      // `{ ...transport, from }`: a spread object's members are this object's.
      for (const p of n.properties)
        if (
          p.type === T.SpreadElement &&
          factsOf(p.argument, name, scopeOf, imports, depth + 1).facts.has('secret-holder')
        )
          out.facts.add('secret-holder');
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
 * Where a weak-source call can change a file's summary (see `finish`): `'all'` when some export of the file's own
 * holds a function value that cannot be reassigned (the engine is asked of it once the file has any weak-source
 * call), else the top-level declarations its exports name (a set, maybe empty: then no call matters).
 */
function weakScopeOf(table: ModuleExports): 'all' | ReadonlySet<TSESTree.Node> {
  const decls = new Set<TSESTree.Node>();
  for (const b of table.bindings) {
    if (b.imported) continue;
    if (b.decl) decls.add(b.decl);
    if (b.value && !b.reassignable && isFunctionNode(unwrap(b.value))) return 'all';
  }
  return decls;
}

/** What a file-level summariser watches, fed by the caller's traversal (the audit's lint pass). */
export interface ModuleSummariser {
  /** Called for every call and `new` in the file, in traversal order. */
  onCall(node: CallLike): void;
  /** Called for every assignment to a member (`a.b = c`). */
  onMemberWrite(node: TSESTree.MemberExpression): void;
  /** The summary, once the traversal is over. */
  finish(): ModuleSummary;
}

export interface SummariserOptions {
  /**
   * The file may hold a key sink (the caller's keyword prefilter said so): only then are sink arguments
   * matched for import bindings that reach them.
   */
  readonly sinks: boolean;
}

/**
 * Builds the `ModuleSummary` of one file from calls the caller's traversal hands in (`onCall`) and, at the end,
 * the file's export table and the engine's per-function summaries (`finish`). Reports nothing, copies no value.
 */
export function moduleSummariser(sc: Readonly<TSESLint.SourceCode>, options: SummariserOptions): ModuleSummariser {
  const text = sc.text;
  const imports: ImportMap = collectImports(sc.ast);
  const hasImports = imports.size > 0;
  const weakText = hasWeakKeyword(text);
  // The weak-random part of the summary is read at `finish` for exported bindings only: a declaration an export
  // names is weak when one of its weak-source calls is in it (`weakDecls`), and an exported function value is asked
  // of the engine when the file has any weak-source call. So the calls worth matching against the weak sources are
  // every call when some export holds a function value, else the calls inside declarations an export names, else
  // none (the export table is the same pure, per-program one `finish` reads).
  const weakScope = weakText ? weakScopeOf(moduleExports(sc.ast)) : undefined;
  // A callee path is also read by the KMS matches below, which need a KMS module named in the text.
  const kmsText = weakText && kmsModuleWords.some((w) => text.includes(w));
  const destroyText = text.includes(DESTROY);
  const sinkText = options.sinks;
  const uses: ModuleUse[] = [];
  const usedLocals = new Set<string>();
  const weakDecls = new Set<TSESTree.Node>();
  let createsKey = false;
  let cdkKey = false;
  let forks = false;
  const signingKeys: Array<SigningKeyRef & { span: SourceSpan }> = [];
  const configLoads = new Set<string>();
  const memberWrites: Array<{ local: string; path: readonly string[] }> = [];
  const moduleSignText = moduleSignerModules.some((m) => text.includes(m));
  const configText = configModules.some((m) => text.includes(m));
  const forkText = forkModules.some((m) => text.includes(m));
  const configStore = configText && importsConfigStore(imports);
  /** A kid-less signing call whose key another module holds: recorded where the rule reports it. */
  const signingKey = (at: TSESTree.Node, key: TSESTree.Node): void => {
    const ref = signingKeyRef(key, imports, scopeOf, configStore);
    if (!ref) return;
    const { start, end } = at.loc;
    signingKeys.push({ ...ref, span: [start.line, start.column + 1, end.line, end.column + 1] });
    if ('local' in ref) usedLocals.add(ref.local);
  };
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
    let known: Scope | undefined;
    const scope = (): Scope => (known ??= scopeOf(node));
    // Key sinks and KMS resources are all named by a module (or a global root) in the text (`sinkText`, `kmsText`),
    // weak random sources by `weakText`, and a weak-source call matters only where `weakScope` says. Without any
    // of them, no callee path can match anything the summary keeps, so none is computed.
    const weakHere =
      weakScope === 'all' || (weakScope !== undefined && weakScope.size > 0 && weakScope.has(topLevelOf(node) ?? node));
    const cp =
      (hasImports || weakText) && (sinkText || weakHere || kmsText || configText || forkText)
        ? calleePathOf(node, imports, scope())
        : undefined;
    if (hasImports) {
      // Key sinks whose key argument reads an import binding.
      if (sinkText)
        for (const hit of matchSinks(node, imports, scope(), followedRoles, cp)) {
          importedRefs(hit.node, scope(), hit.arg.role === 'algorithm' ? 'algorithm' : 'key', node);
          if (hit.arg.role !== 'algorithm' && jwtSinkIds.has(hit.sink.id)) signingKey(node, hit.node);
        }
      if (moduleSignText)
        for (const m of jwtModuleSigners) {
          const found = kidlessModuleKey(node, m, imports, scope(), sc);
          if (found) signingKey(found.at, found.key);
        }
      if (cp && configText && configLoader(cp)) {
        const opts = node.arguments[0] && unwrap(node.arguments[0]);
        const load =
          opts?.type === T.ObjectExpression
            ? opts.properties.find(
                (p) => p.type === T.Property && configStores.some((c) => propertyName(p) === c.loadProperty),
              )
            : undefined;
        const list = load?.type === T.Property ? unwrap(load.value) : undefined;
        if (list?.type === T.ArrayExpression)
          for (const e of list.elements)
            if (e?.type === T.Identifier && imports.has(e.name)) {
              configLoads.add(e.name);
              usedLocals.add(e.name);
            }
      }
      if (cp && forkText && forkCall(cp)) forks = true;
      if (node.type === T.CallExpression) {
        // Calls of imported helpers whose value becomes a token.
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
      if (createsKeyCall(cp)) createsKey = true;
      if (node.type === T.NewExpression && cdkKeyCall(cp)) cdkKey = true;
      // One answer per callee path for the whole list (its prefilter, then a memo): the same as asking each source.
      if (weakHere && firstMatchingPattern(weakSources, cp) !== undefined) {
        const top = topLevelOf(node);
        if (top) weakDecls.add(top);
      }
    }
  };

  const onMemberWrite = (left: TSESTree.MemberExpression): void => {
    if (!hasImports) return;
    const ref = signingKeyRef(left, imports, scopeOf, false);
    if (ref && 'local' in ref && ref.path.length > 0) {
      memberWrites.push(ref);
      usedLocals.add(ref.local);
    }
  };

  const finish = (): ModuleSummary => {
    const flow = flowOf(sc);
    // Exports that hold a key drawn per start: looked for only where the text draws one.
    const signingKeysAnywhere = processKeyKeywords.test(text);
    // The engine's per-function summaries decide whether a declaration that calls a weak random source returns
    // its value; asked of exported declarations only (a helper must be exported to be used elsewhere), once each.
    const weakVerdicts = new Map<TSESTree.Node, boolean>();
    const isWeak = (decl: TSESTree.Node): boolean => {
      if (!weakDecls.has(decl)) return false;
      let v = weakVerdicts.get(decl);
      if (v === undefined) weakVerdicts.set(decl, (v = functionsOf(decl).some((fn) => flow.returnsWeakRandom(fn))));
      return v;
    };
    const describe = (b: ExportBinding): Facts => {
      if (b.imported) return { facts: new Set(), alias: b.local! };
      const out: Facts = { facts: new Set() };
      if (b.decl && isWeak(b.decl)) out.facts.add('weak');
      const v = b.value && unwrap(b.value);
      // A `let` or `var` can be reassigned anywhere: nothing more is said about it.
      if (!v || b.reassignable) return out;
      if (isFunctionNode(v)) {
        // Also a function that reaches a weak source through a same-file helper (the engine follows it).
        if (weakDecls.size > 0 && flow.returnsWeakRandom(v as FunctionNode)) out.facts.add('weak');
        // A configuration factory returning a key drawn per start (`export default () => ({ jwtSecret })`).
        if (signingKeysAnywhere) {
          const fresh = freshMembers(flow, v, scopeOf, sc.visitorKeys);
          if (fresh.length > 0) out.fresh = fresh;
        }
        return out;
      }
      if (v.type === T.TSEnumDeclaration) {
        for (const m of v.body.members) {
          const s = staticString(m.initializer);
          const id = m.id.type === T.Identifier ? m.id.name : String(m.id.value);
          if (s !== undefined && classifyValue(s, { inKeySink: true, name: id }).secret) out.facts.add('secret');
        }
        return out;
      }
      if (v.type === T.ClassDeclaration) return out;
      if (signingKeysAnywhere) {
        const fresh = freshMembers(flow, v, scopeOf, sc.visitorKeys);
        if (fresh.length > 0) out.fresh = fresh;
      }
      const f = factsOf(v, b.local ?? b.name, scopeOf, imports, 0);
      for (const x of f.facts) out.facts.add(x);
      if (f.alias !== undefined) out.alias = f.alias;
      if (f.holds) out.holds = f.holds;
      return out;
    };
    const table = moduleExports(sc.ast);
    const exports: Record<string, ExportEntry> = {};
    for (const b of table.bindings) {
      const f = describe(b);
      if (f.facts.size === 0 && f.alias === undefined && !f.fresh) continue;
      exports[b.name] = {
        ...(f.facts.size > 0 ? { facts: [...f.facts].sort() } : {}),
        ...(f.fresh ? { fresh: f.fresh } : {}),
        ...(f.alias === undefined ? {} : { alias: f.alias }),
        ...(f.holds ? { holds: [...f.holds].sort() } : {}),
      };
      if (f.alias !== undefined) usedLocals.add(f.alias);
      for (const h of f.holds ?? []) usedLocals.add(h);
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
      reexports: table.reexports,
      exports,
      uses,
      ...(weakHelpers.length > 0 ? { weakHelpers } : {}),
      ...(createsKey ? { createsKey: true as const } : {}),
      ...(cdkKey ? { cdkKey: true as const } : {}),
      ...(enablesRotation(text) ? { rotation: true as const } : {}),
      ...(signingKeys.length > 0 ? { signingKeys } : {}),
      ...(memberWrites.length > 0 ? { memberWrites } : {}),
      ...(configLoads.size > 0 ? { configLoads: [...configLoads].sort() } : {}),
      ...(forks ? { forks: true as const } : {}),
    };
  };
  return { onCall, onMemberWrite, finish };
}
