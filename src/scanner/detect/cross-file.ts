/**
 * Cross-file analysis: what one file cannot show.
 * - a literal key defined in one module reaches a key sink in another (aliases, re-exports, barrels and
 *   namespace imports followed through `symbol.isAlias() ? getAliasedSymbol()` to the initializer);
 * - a helper built on a weak random source (catalogue `weakRandomSources`) makes a token elsewhere;
 * - a KMS key is created (`iacKeyResources` with a `companion`) and no module enables its rotation;
 * - a CDK key defined in one construct is given `RemovalPolicy.DESTROY` in another.
 *
 * The join (./cross-join.ts) picks the candidates from the module summaries through the module graph; this
 * module is the second step, loaded only when there is a candidate: one ts-morph Project holding only the
 * candidates and the modules on their chains (`noResolve`, imports resolved by the same graph), walked once per
 * candidate with symbol queries on candidate nodes only, to report with the exact path. No type-checked Program
 * is built, and no other file is parsed. The AST is never edited.
 */
import path from 'node:path';
import { Node, Project, ts, type SourceFile, type Symbol as TsSymbol } from 'ts-morph';
import { isEcb, weakCipherOf } from '../../catalogue/algorithms.js';
import { keyServiceName } from '../../catalogue/iac.js';
import { loggerName, logMethods } from '../../catalogue/loggers.js';
import { isSecretEnvName, isSecretName, normaliseName } from '../../detect/names.js';
import { keySinks, secretRoles } from '../../catalogue/sinks.js';
import { weakRandomSources, type WeakKind } from '../../catalogue/randomness.js';
import { weakSourceEvidence } from '../../catalogue/evidence.js';
import type { Evidence, SinkArgument } from '../../catalogue/types.js';
import { classifyValue, redact, securityPurposeOf } from '../../detect/index.js';
import type { Finding, InventoryItem, PathStep } from '../../report/types.js';
import { patternMatches } from '../../rule-kit/call-patterns.js';
import type { CalleePath } from '../../rule-kit/sinks.js';
import { sinkMatches } from '../../rule-kit/sinks.js';
import { findingFingerprint, LineMap, matchesAny, posix, snippetOf } from '../common.js';
import { displayFingerprint, secretFingerprint } from '../fingerprints.js';
import { plainOptions, type ModuleGraph } from '../graph.js';
import { categorySeverity, scannerDetectors, type ScannerRuleId } from '../rules.js';
import { applyInlineAllows } from '../suppress.js';
import { cdkKeyResources, createKeyResources, DESTROY, hasWeakKeyword } from '../../rule-kit/flow/summary.js';

export { plainOptions } from '../graph.js';

/**
 * The ts-morph step of the join (./cross-join.ts): one Project holding only `needed` (the candidates and the
 * modules on their chains), with imports resolved by the same module graph, and the candidates analysed.
 */
export function analyseCandidates(
  root: string,
  graph: ModuleGraph,
  needed: Iterable<string>,
  candidates: readonly string[],
  options: Omit<AnalyseOptions, 'root'>,
): { findings: Finding[]; inventory: InventoryItem[] } {
  const project = new Project({
    compilerOptions: { ...plainOptions, noResolve: true },
    skipFileDependencyResolution: true,
    // The Program resolves imports exactly as the join did, and loads no file beyond the ones added.
    resolutionHost: () => ({
      resolveModuleNames: (names: string[], containingFile: string) =>
        names.map((n) => {
          const r = graph.resolve(path.resolve(containingFile), n);
          return r ? { resolvedFileName: r, extension: extensionOf(r), isExternalLibraryImport: false } : undefined;
        }),
    }),
  });
  for (const abs of needed) project.addSourceFileAtPath(abs);
  const sources = candidates.map((abs) => project.getSourceFileOrThrow(abs));
  return analyseSourceFiles(sources, { root, ...options });
}

function extensionOf(file: string): ts.Extension {
  const m = /\.(d\.ts|[cm]?[jt]sx?)$/.exec(file)?.[1] ?? 'ts';
  return `.${m}` as ts.Extension;
}

// ---- the analysis proper (testable with an in-memory Project) -----------------------------------------

export interface AnalyseOptions {
  /** Absolute root; locations are relative to it. */
  readonly root: string;
  /** Some module in the repository enables KMS key rotation (the companion call exists). */
  readonly rotationAnywhere: boolean;
  /**
   * Whether the top-level declaration `name` of the file at `abs` returns a weak-random value, from its
   * module summary (the value-flow engine's verdict); undefined when there is no summary for the file.
   * Without it, any helper whose body calls a weak random source counts.
   */
  readonly weakHelper?: (abs: string, name: string) => boolean | undefined;
}

type CallLike = import('ts-morph').CallExpression | import('ts-morph').NewExpression;

const relOf = (root: string, sf: SourceFile): string => posix(path.relative(root, sf.getFilePath()));

function stepAt(root: string, node: Node, note: string): PathStep {
  const sf = node.getSourceFile();
  const { line, column } = sf.getLineAndColumnAtPos(node.getStart());
  return { file: relOf(root, sf), line, column, note };
}

/** Follows an alias chain (import → re-export → barrel → declaration). */
function resolveSymbol(sym: TsSymbol | undefined): TsSymbol | undefined {
  let cur = sym;
  for (let i = 0; cur && cur.isAlias() && i < 16; i++) cur = cur.getAliasedSymbol();
  return cur;
}

/** Import bindings of one file, as the sink matcher wants them. */
function importsOf(sf: SourceFile): Map<string, { module: string; imported: string }> {
  const map = new Map<string, { module: string; imported: string }>();
  for (const d of sf.getImportDeclarations()) {
    const module = d.getModuleSpecifierValue();
    const def = d.getDefaultImport();
    if (def) map.set(def.getText(), { module, imported: 'default' });
    const ns = d.getNamespaceImport();
    if (ns) map.set(ns.getText(), { module, imported: '*' });
    for (const n of d.getNamedImports())
      map.set((n.getAliasNode() ?? n.getNameNode()).getText(), { module, imported: n.getName() });
  }
  for (const v of sf.getVariableDeclarations()) {
    const init = v.getInitializer();
    if (!init || !Node.isCallExpression(init) || init.getExpression().getText() !== 'require') continue;
    const arg = init.getArguments()[0];
    if (!arg || !Node.isStringLiteral(arg)) continue;
    const nameNode = v.getNameNode();
    if (Node.isIdentifier(nameNode)) map.set(nameNode.getText(), { module: arg.getLiteralValue(), imported: '*' });
    else if (Node.isObjectBindingPattern(nameNode)) {
      for (const el of nameNode.getElements())
        map.set(el.getName(), {
          module: arg.getLiteralValue(),
          imported: (el.getPropertyNameNode() ?? el.getNameNode()).getText(),
        });
    }
  }
  return map;
}

/** The canonical callee path of a call, in the shape `src/rule-kit/sinks.ts` matches against. */
function calleePath(
  node: CallLike,
  imports: ReadonlyMap<string, { module: string; imported: string }>,
  trace?: Node[],
): CalleePath | undefined {
  const parts: string[] = [];
  let root: string | undefined;
  let rootImports = imports;
  const visit = (n: Node, depth: number): boolean => {
    if (
      Node.isParenthesizedExpression(n) ||
      Node.isAsExpression(n) ||
      Node.isNonNullExpression(n) ||
      Node.isAwaitExpression(n)
    )
      return visit(n.getExpression(), depth);
    if (Node.isIdentifier(n)) {
      // `const kms = new KMS(); kms.createKey()`: the receiver's constructing call is part of the path,
      // also when the receiver is imported from another module of the repository.
      const local = rootImports.get(n.getText());
      if (depth < 3 && (!local || local.module.startsWith('.'))) {
        const decl = (local ? resolveSymbol(n.getSymbol()) : n.getSymbol())?.getDeclarations()[0];
        const init = decl && Node.isVariableDeclaration(decl) ? decl.getInitializer() : undefined;
        if (
          init &&
          (Node.isNewExpression(init) || (Node.isCallExpression(init) && init.getExpression().getText() !== 'require'))
        ) {
          if (!local && decl!.getSourceFile() === n.getSourceFile()) return visit(init, depth + 1);
          if (local) {
            rootImports = importsOf(decl!.getSourceFile());
            trace?.push(decl!);
            return visit(init, depth + 1);
          }
        }
      }
      root = n.getText();
      parts.push(root);
      return true;
    }
    if (Node.isThisExpression(n)) {
      root = 'this';
      parts.push('this');
      return true;
    }
    if (Node.isPropertyAccessExpression(n)) {
      if (!visit(n.getExpression(), depth)) return false;
      parts.push(n.getName());
      return true;
    }
    if (Node.isCallExpression(n)) {
      if (!visit(n.getExpression(), depth)) return false;
      parts.push('()');
      return true;
    }
    if (Node.isNewExpression(n)) {
      const start = parts.length;
      if (!visit(n.getExpression(), depth)) return false;
      parts.splice(start, 0, 'new');
      parts.push('()');
      return true;
    }
    return false;
  };
  if (!visit(node.getExpression(), 0)) return undefined;
  if (Node.isNewExpression(node)) parts.unshift('new');
  let p = parts;
  const isNew = p[0] === 'new';
  if (isNew) p = p.slice(1);
  // Builder chains keep the constructing call and the final method: `a.b().c().d` → `a.b().d`.
  const firstCall = p.indexOf('()');
  if (firstCall >= 0 && firstCall < p.length - 1) {
    const last = p[p.length - 1]!;
    p = last === '()' ? p.slice(0, firstCall + 1) : [...p.slice(0, firstCall + 1), last];
  }
  p = p.filter((x) => x !== 'new');
  const render = (xs: readonly string[]): string =>
    xs.reduce((out, x) => (x === '()' ? `${out}()` : out === '' ? x : `${out}.${x}`), '');
  const fullPath = `${isNew ? 'new ' : ''}${render(p)}`;
  const binding = root === undefined ? undefined : rootImports.get(root);
  let rel = p;
  if (binding)
    rel =
      binding.imported === '*' || binding.imported === 'default'
        ? p.slice(1)
        : [...binding.imported.split('.'), ...p.slice(1)];
  let out = render(rel);
  if (out === '' || out.startsWith('()')) out = `default${out}`;
  if (isNew) out = `new ${out}`;
  return { ...(root === undefined ? {} : { root }), ...(binding ? { binding } : {}), path: out, fullPath };
}

function unwrapExpr(n: Node): Node {
  let cur = n;
  for (let i = 0; i < 20; i++) {
    if (
      Node.isParenthesizedExpression(cur) ||
      Node.isAsExpression(cur) ||
      Node.isNonNullExpression(cur) ||
      Node.isSatisfiesExpression(cur) ||
      Node.isAwaitExpression(cur) ||
      Node.isTypeAssertion(cur)
    )
      cur = cur.getExpression();
    else break;
  }
  return cur;
}

interface Resolved {
  readonly value: string;
  readonly literal: Node;
  readonly steps: PathStep[];
  readonly name?: string;
}

/**
 * Where a sink argument's value comes from across modules: string literals reached through identifiers,
 * imports (aliases, re-exports, barrels), namespace members, object properties, `Buffer.from(x, enc)`
 * and `??`/`||` fallbacks. Returns only literals declared in another file than `home`.
 */
function resolveLiterals(
  root: string,
  expr: Node,
  home: SourceFile,
  depth = 0,
  steps: PathStep[] = [],
  name?: string,
): Resolved[] {
  if (depth > 12) return [];
  const n = unwrapExpr(expr);
  if (Node.isStringLiteral(n) || Node.isNoSubstitutionTemplateLiteral(n)) {
    return n.getSourceFile() === home
      ? []
      : [{ value: n.getLiteralValue(), literal: n, steps, ...(name ? { name } : {}) }];
  }
  if (Node.isBinaryExpression(n)) {
    const op = n.getOperatorToken().getKind();
    if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken)
      return resolveLiterals(root, n.getRight(), home, depth + 1, steps, name);
    return [];
  }
  if (Node.isCallExpression(n)) {
    // Buffer.from(x, 'hex'), new TextEncoder().encode(x), String(x)
    const callee = n.getExpression().getText();
    const a = n.getArguments()[0];
    if (a && /^(?:Buffer\.from|String|.*\.encode)$/.test(callee))
      return resolveLiterals(root, a, home, depth + 1, steps, name);
    return [];
  }
  if (Node.isIdentifier(n) || Node.isPropertyAccessExpression(n)) {
    const nameNode = Node.isPropertyAccessExpression(n) ? n.getNameNode() : n;
    const sym = resolveSymbol(nameNode.getSymbol());
    const decl = sym?.getDeclarations()[0];
    if (!decl) return [];
    let init: Node | undefined;
    if (Node.isVariableDeclaration(decl)) {
      // Only consts: a `let` can be reassigned anywhere.
      const list = decl.getVariableStatement();
      if (list && String(list.getDeclarationKind()) !== 'const') return [];
      init = decl.getInitializer();
    } else if (Node.isPropertyAssignment(decl)) init = decl.getInitializer();
    else if (Node.isShorthandPropertyAssignment(decl)) init = decl.getNameNode();
    else if (Node.isEnumMember(decl)) init = decl.getInitializer();
    if (!init || init === n) return [];
    const declName =
      Node.isVariableDeclaration(decl) || Node.isPropertyAssignment(decl) || Node.isEnumMember(decl)
        ? decl.getName()
        : undefined;
    const crossed = decl.getSourceFile() !== n.getSourceFile();
    const next = crossed
      ? [...steps, stepAt(root, decl, `${declName ?? 'value'} is defined in ${relOf(root, decl.getSourceFile())}`)]
      : steps;
    return resolveLiterals(root, init, home, depth + 1, next, declName ?? name);
  }
  return [];
}

interface WeakSource {
  readonly text: string;
  readonly kind: WeakKind;
  readonly step: PathStep;
}

/**
 * Whether a function's body draws from a weak random source. Cached by position (not by node), so the
 * cache survives `forget()` of the files already analysed.
 */
function weakSourceIn(root: string, fn: Node, cache: Map<string, WeakSource | null>): WeakSource | undefined {
  const key = `${fn.getSourceFile().getFilePath()}:${fn.getPos()}`;
  if (cache.has(key)) return cache.get(key) ?? undefined;
  let found: WeakSource | undefined;
  const text = fn.getText();
  if (hasWeakKeyword(text)) {
    const imports = importsOf(fn.getSourceFile());
    fn.forEachDescendant((d, traversal) => {
      if (found) return traversal.stop();
      if (!Node.isCallExpression(d)) return undefined;
      const cp = calleePath(d, imports);
      const src = cp && weakRandomSources.find((s) => !s.member && patternMatches(s, cp));
      if (src)
        found = {
          text: src.title,
          kind: src.kind,
          step: stepAt(root, d, `${src.title} (non-cryptographic) in ${relOf(root, d.getSourceFile())}`),
        };
      return undefined;
    });
  }
  cache.set(key, found ?? null);
  return found;
}

/** The declaration a called helper resolves to: a function declaration or a const holding a function. */
function helperOf(call: import('ts-morph').CallExpression): Node | undefined {
  const callee = unwrapExpr(call.getExpression());
  const nameNode = Node.isPropertyAccessExpression(callee)
    ? callee.getNameNode()
    : Node.isIdentifier(callee)
      ? callee
      : undefined;
  if (!nameNode) return undefined;
  const decl = resolveSymbol(nameNode.getSymbol())?.getDeclarations()[0];
  if (!decl) return undefined;
  if (Node.isFunctionDeclaration(decl) || Node.isMethodDeclaration(decl)) return decl;
  if (Node.isVariableDeclaration(decl)) {
    const init = decl.getInitializer();
    if (init && (Node.isArrowFunction(init) || Node.isFunctionExpression(init))) return init;
  }
  return undefined;
}

/** The name of the top-level declaration that holds `node` (`default` for an anonymous default export). */
function topName(node: Node): string {
  let cur: Node = node;
  for (let p = cur.getParent(); p && !Node.isSourceFile(p); p = cur.getParent()) cur = p;
  if (Node.isVariableStatement(cur)) {
    const decl = node.getFirstAncestorByKind(ts.SyntaxKind.VariableDeclaration) ?? cur.getDeclarations()[0];
    return decl?.getName() ?? 'default';
  }
  if (Node.isFunctionDeclaration(cur) || Node.isClassDeclaration(cur)) return cur.getName() ?? 'default';
  return 'default';
}

/**
 * The security purpose of where a call's value goes: `const resetToken = f()`, `{ token: f() }`, `return` in
 * `makeToken`.
 */
function purposeOfUse(call: Node): { purpose: string; name: string } | undefined {
  let cur: Node = call;
  for (let i = 0; i < 6; i++) {
    const parent = cur.getParent();
    if (!parent) return undefined;
    if (
      Node.isParenthesizedExpression(parent) ||
      Node.isAwaitExpression(parent) ||
      Node.isAsExpression(parent) ||
      Node.isTemplateSpan(parent) ||
      Node.isTemplateExpression(parent)
    ) {
      cur = parent;
      continue;
    }
    if (Node.isBinaryExpression(parent) && parent.getOperatorToken().getKind() === ts.SyntaxKind.PlusToken) {
      cur = parent;
      continue;
    }
    let name: string | undefined;
    if (Node.isVariableDeclaration(parent) || Node.isPropertyAssignment(parent) || Node.isPropertyDeclaration(parent))
      name = parent.getName();
    else if (Node.isBinaryExpression(parent) && parent.getOperatorToken().getKind() === ts.SyntaxKind.EqualsToken)
      name = parent.getLeft().getText().split('.').pop();
    else if (Node.isReturnStatement(parent) || Node.isArrowFunction(parent)) {
      const fn = parent.getFirstAncestor(
        (a) => Node.isFunctionDeclaration(a) || Node.isMethodDeclaration(a) || Node.isVariableDeclaration(a),
      );
      name =
        fn && (Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn) || Node.isVariableDeclaration(fn))
          ? fn.getName()
          : undefined;
    }
    if (!name) return undefined;
    const purpose = securityPurposeOf(name);
    return purpose ? { purpose, name } : undefined;
  }
  return undefined;
}

/** A member value that holds a secret at run time: a non-empty string literal or a `process.env` read. */
function holdsValue(v: Node | undefined): boolean {
  const n = v && unwrapExpr(v);
  if (!n) return false;
  if (Node.isStringLiteral(n) || Node.isNoSubstitutionTemplateLiteral(n)) return n.getLiteralValue() !== '';
  if (Node.isBinaryExpression(n)) return holdsValue(n.getLeft()) || holdsValue(n.getRight());
  const target =
    Node.isPropertyAccessExpression(n) || Node.isElementAccessExpression(n) ? n.getExpression() : undefined;
  return !!target && target.getText().replace(/\s+/g, '') === 'process.env';
}

/** Secret-named members (`db.password`) of an object literal that hold a value, up to three levels down. */
function secretMembers(obj: Node, prefix = '', depth = 0): string[] {
  const o = unwrapExpr(obj);
  if (depth > 3 || !Node.isObjectLiteralExpression(o)) return [];
  const out: string[] = [];
  for (const p of o.getProperties()) {
    if (!Node.isPropertyAssignment(p)) continue;
    const name = p.getName().replace(/^['"]|['"]$/g, '');
    const init = p.getInitializer();
    if ((isSecretName(name) && holdsValue(init)) || secretByContent(init, name)) out.push(`${prefix}${name}`);
    else if (init) out.push(...secretMembers(init, `${prefix}${name}.`, depth + 1));
  }
  // `{ ...transport, from }`: the members of a spread object of the same module.
  for (const p of o.getProperties()) {
    const e = Node.isSpreadAssignment(p) ? unwrapExpr(p.getExpression()) : undefined;
    const decl = e && Node.isIdentifier(e) ? e.getSymbol()?.getDeclarations()[0] : undefined;
    const init = decl && Node.isVariableDeclaration(decl) ? decl.getInitializer() : undefined;
    if (init) out.push(...secretMembers(init, prefix, depth + 1));
  }
  return out;
}

/**
 * A member value that is a secret whatever the member is called (as src/rule-kit/flow/summary.ts reads it): a
 * `process.env` read of a secret-named variable (through `??`/`||`), or a literal that classifies as key material.
 */
function secretByContent(v: Node | undefined, name: string): boolean {
  const n = v && unwrapExpr(v);
  if (!n) return false;
  if (Node.isBinaryExpression(n)) return secretByContent(n.getLeft(), name) || secretByContent(n.getRight(), name);
  if (Node.isStringLiteral(n) || Node.isNoSubstitutionTemplateLiteral(n)) {
    const s = n.getLiteralValue();
    return s.length >= 16 && classifyValue(s, { name }).secret;
  }
  if (!Node.isPropertyAccessExpression(n)) return false;
  return n.getExpression().getText().replace(/\s+/g, '') === 'process.env' && isSecretEnvName(n.getName());
}

/** The object a logged expression denotes when it is declared in another module: its declaration and secret members. */
function loggedObject(expr: Node, home: SourceFile): { decl: Node; name: string; members: string[] } | undefined {
  const n = unwrapExpr(expr);
  const nameNode = Node.isPropertyAccessExpression(n) ? n.getNameNode() : Node.isIdentifier(n) ? n : undefined;
  const decl = nameNode && resolveSymbol(nameNode.getSymbol())?.getDeclarations()[0];
  if (!decl || decl.getSourceFile() === home) return undefined;
  let init: Node | undefined;
  if (Node.isVariableDeclaration(decl)) {
    const list = decl.getVariableStatement();
    if (list && String(list.getDeclarationKind()) !== 'const') return undefined;
    init = decl.getInitializer();
  } else if (Node.isPropertyAssignment(decl)) init = decl.getInitializer();
  if (!init) return undefined;
  const members = secretMembers(init);
  return members.length > 0 ? { decl, name: nameNode.getText(), members } : undefined;
}

const isLoggerCallee = (callee: Node): boolean => {
  const c = unwrapExpr(callee);
  if (!Node.isPropertyAccessExpression(c) || !logMethods.has(c.getName())) return false;
  const o = unwrapExpr(c.getExpression());
  const name = Node.isIdentifier(o) ? o.getText() : Node.isPropertyAccessExpression(o) ? o.getName() : undefined;
  return name !== undefined && loggerName.pattern.test(normaliseName(name));
};

/** Whether a node's expression denotes a KMS key created with a CDK construct, possibly in another file. */
function cdkKeyOrigin(root: string, expr: Node): { decl: Node; note: string } | undefined {
  const n = unwrapExpr(expr);
  const nameNode = Node.isPropertyAccessExpression(n) ? n.getNameNode() : Node.isIdentifier(n) ? n : undefined;
  if (!nameNode) return undefined;
  const decl = resolveSymbol(nameNode.getSymbol())?.getDeclarations()[0];
  if (!decl) return undefined;
  const isKeyCreation = (init: Node | undefined): boolean => {
    if (!init) return false;
    const i = unwrapExpr(init);
    if (!Node.isNewExpression(i)) return false;
    const cp = calleePath(i, importsOf(i.getSourceFile()));
    return !!cp && cdkKeyResources.some((r) => matchesAny(r.match, cp));
  };
  if (Node.isVariableDeclaration(decl) && isKeyCreation(decl.getInitializer()))
    return { decl, note: `KMS key created in ${relOf(root, decl.getSourceFile())}` };
  if (Node.isPropertyDeclaration(decl)) {
    if (isKeyCreation(decl.getInitializer()))
      return { decl, note: `KMS key created in ${relOf(root, decl.getSourceFile())}` };
    // `this.key = new kms.Key(...)` in the class's constructor.
    const cls = decl.getParent();
    const name = decl.getName();
    if (Node.isClassDeclaration(cls)) {
      for (const ctor of cls.getConstructors()) {
        for (const st of ctor.getDescendantsOfKind(ts.SyntaxKind.BinaryExpression)) {
          if (st.getLeft().getText() === `this.${name}` && isKeyCreation(st.getRight()))
            return { decl: st, note: `KMS key created in ${relOf(root, decl.getSourceFile())}` };
        }
      }
    }
  }
  return undefined;
}

const secretRoleSet = secretRoles as ReadonlySet<string>;

function argFor(call: CallLike, arg: SinkArgument): Node | undefined {
  let a: Node | undefined = call.getArguments()[arg.index];
  if (!a || !arg.property) return a;
  for (const key of arg.property.split('.')) {
    a = a && unwrapExpr(a);
    if (!a || !Node.isObjectLiteralExpression(a)) return undefined;
    const p: Node | undefined = a.getProperty(key);
    a =
      p && Node.isPropertyAssignment(p)
        ? p.getInitializer()
        : p && Node.isShorthandPropertyAssignment(p)
          ? p.getNameNode()
          : undefined;
  }
  return a;
}

/**
 * Analyses source files already in a Project (real or in-memory). Each file is walked once.
 * @param sources the candidate files; their imports must be resolvable in the same Project.
 */
export function analyseSourceFiles(
  sources: readonly SourceFile[],
  options: AnalyseOptions,
): { findings: Finding[]; inventory: InventoryItem[] } {
  const { root } = options;
  const findings: Finding[] = [];
  const inventory: InventoryItem[] = [];
  const helperCache = new Map<string, WeakSource | null>();
  for (const sf of sources) {
    const rel = relOf(root, sf);
    const text = sf.getFullText();
    const map = new LineMap(text);
    const fileFindings: Finding[] = [];
    const imports = importsOf(sf);
    const report = (
      ruleId: ScannerRuleId,
      at: Node,
      message: string,
      match: string,
      steps: PathStep[],
      secret?: { value: string },
      evidence?: Evidence,
    ): void => {
      const { line, column } = sf.getLineAndColumnAtPos(at.getStart());
      const end = sf.getLineAndColumnAtPos(at.getEnd());
      const category = scannerDetectors[ruleId].category;
      const secrets = secret ? [secret.value] : [];
      fileFindings.push({
        ruleId,
        category,
        severity: categorySeverity[category],
        message,
        location: { file: rel, line, column, endLine: end.line, endColumn: end.column },
        fingerprint: findingFingerprint(ruleId, rel, match),
        origin: 'cross-file',
        ...(evidence ? { evidence } : {}),
        ...(secret
          ? {
              secret: {
                redacted: redact(secret.value),
                fingerprint: displayFingerprint(secretFingerprint(secret.value)),
              },
            }
          : {}),
        path: [...steps, stepAt(root, at, 'used here')],
        snippet: snippetOf(map, line, secrets),
      });
    };
    const walkCalls = text.includes('(');
    if (!walkCalls) continue;
    sf.forEachDescendant((node) => {
      // RemovalPolicy.DESTROY applied to a key from another construct.
      if (Node.isPropertyAccessExpression(node) && node.getText() === DESTROY) {
        const call = node.getParentIfKind(ts.SyntaxKind.CallExpression);
        const callee = call ? unwrapExpr(call.getExpression()) : undefined;
        if (call && callee && Node.isPropertyAccessExpression(callee) && callee.getName() === 'applyRemovalPolicy') {
          const origin = cdkKeyOrigin(root, callee.getExpression());
          if (origin && origin.decl.getSourceFile() !== sf) {
            report(
              'keyhygiene/cross-file-unsafe-deletion',
              call,
              `A KMS key created in ${relOf(root, origin.decl.getSourceFile())} is given RemovalPolicy.DESTROY here: ` +
                `deleting the stack schedules the key for deletion and every ciphertext under it becomes unreadable. ` +
                `Use RemovalPolicy.RETAIN for keys.`,
              `destroy:${callee.getExpression().getText()}`,
              [stepAt(root, origin.decl, origin.note)],
            );
          }
        }
        return;
      }
      if (!Node.isCallExpression(node) && !Node.isNewExpression(node)) return;
      const receivers: Node[] = [];
      const cp = calleePath(node, imports, receivers);
      // 1. literal keys from other modules reaching key sinks
      if (cp) {
        for (const sink of keySinks) {
          if (!sinkMatches(sink, cp)) continue;
          for (const arg of sink.args) {
            if (arg.role === 'algorithm') {
              // 1b. a weak cipher or ECB named in another module's constant or config object
              const a = argFor(node, arg);
              if (!a) continue;
              for (const r of resolveLiterals(root, a, sf)) {
                const weak = weakCipherOf(r.value);
                const why = weak
                  ? `${weak.title}: ${weak.why}`
                  : isEcb(r.value)
                    ? 'ECB mode leaks patterns of the plaintext'
                    : undefined;
                if (!why) continue;
                report(
                  'keyhygiene/cross-file-weak-algorithm',
                  a,
                  `The algorithm '${r.value.slice(0, 40)}' defined in ${r.steps[0]?.file ?? 'another module'}` +
                    ` reaches ` +
                    `${sink.title} here (${why}). Use aes-256-gcm with a fresh IV.`,
                  `alg:${r.value}:${sink.id}`,
                  r.steps,
                );
              }
              continue;
            }
            if (!secretRoleSet.has(arg.role)) continue;
            const a = argFor(node, arg);
            if (!a) continue;
            for (const r of resolveLiterals(root, a, sf)) {
              const c = classifyValue(r.value, { inKeySink: true, ...(r.name ? { name: r.name } : {}) });
              if (!c.secret) continue;
              const from = r.steps[0]?.file ?? 'another module';
              report(
                'keyhygiene/cross-file-hardcoded-key',
                a,
                `${c.formatId ? c.reason : 'Key material'} ${redact(r.value)} hardcoded in ${from} reaches ` +
                  `${sink.title}` +
                  ` as its ${arg.role} here. It is in version control history: rotate it, then load it at run time ` +
                  `(keyhygiene/keys loadSecret).`,
                `secret:${secretFingerprint(r.value)}:${sink.id}`,
                r.steps,
                { value: r.value },
              );
            }
          }
        }
        // 3. KMS keys created with no rotation anywhere in the repository
        for (const res of createKeyResources) {
          if (!matchesAny(res.match, cp)) continue;
          const props = node.getArguments()[res.propsIndex];
          const exempt = res.exemptions.find((ex) => {
            const p =
              props && Node.isObjectLiteralExpression(unwrapExpr(props))
                ? (unwrapExpr(props) as import('ts-morph').ObjectLiteralExpression).getProperty(ex.property)
                : undefined;
            if (!p) return false;
            if (!ex.values) return true;
            const v = Node.isPropertyAssignment(p)
              ? p
                  .getInitializer()
                  ?.getText()
                  .replace(/^['"`]|['"`]$/g, '')
                  .split('.')
                  .pop()
              : undefined;
            return v !== undefined && ex.values.includes(v);
          });
          const rotation = exempt
            ? `exempt (${exempt.reason})`
            : options.rotationAnywhere
              ? `${res.companion!.title} in the repository`
              : 'not enabled anywhere';
          inventory.push({
            kind: 'key',
            name: `${keyServiceName[res.provider]} (${res.title})`,
            keySource: 'kms',
            rotation,
            locations: [stepAt(root, node, '')].map(({ note: _n, ...l }) => l),
          });
          if (exempt || options.rotationAnywhere) continue;
          report(
            'keyhygiene/cross-file-missing-rotation',
            node,
            `${res.title} creates a KMS key, and no module in the repository calls ${res.companion!.title}: the ` +
              `key is never rotated. Enable rotation after creating it (NIST SP 800-57 Part 1 §5.3 cryptoperiods).`,
            `create:${res.id}:${node.getText().replace(/\s+/g, ' ').slice(0, 200)}`,
            receivers.map((d) => stepAt(root, d, `the client is created in ${relOf(root, d.getSourceFile())}`)),
          );
        }
      }
      // 4. an object holding secrets from another module, logged whole
      if (Node.isCallExpression(node) && isLoggerCallee(node.getExpression())) {
        for (const a of node.getArguments()) {
          const o = loggedObject(a, sf);
          if (!o) continue;
          const shown = o.members.slice(0, 4).join(', ') + (o.members.length > 4 ? ', …' : '');
          report(
            'keyhygiene/cross-file-logged-key',
            a,
            `'${o.name}' from ${relOf(root, o.decl.getSourceFile())} holds secrets (${shown}) and is logged whole ` +
              `here: every log reader and log store gets them. Log the fields you need, without the secrets.`,
            `log:${o.name}:${o.members.join(',')}`,
            [stepAt(root, o.decl, `${o.name} is defined in ${relOf(root, o.decl.getSourceFile())}`)],
          );
        }
      }
      // 2. weak random helpers from other modules making tokens
      if (Node.isCallExpression(node)) {
        const fn = helperOf(node);
        if (
          fn &&
          fn.getSourceFile() !== sf &&
          options.weakHelper?.(fn.getSourceFile().getFilePath(), topName(fn)) !== false
        ) {
          const weak = weakSourceIn(root, fn, helperCache);
          const use = weak ? purposeOfUse(node) : undefined;
          if (weak && use) {
            report(
              'keyhygiene/cross-file-weak-randomness',
              node,
              `${node.getExpression().getText().slice(0, 60)}() from ${relOf(root, fn.getSourceFile())} draws from ` +
                `${weak.text}, which is predictable, and its value becomes the ${use.purpose} '${use.name}' ` +
                `here. Use ` +
                `randomToken() or randomBytes() from keyhygiene/keys.`,
              `weak:${node.getExpression().getText()}:${use.name}`,
              [weak.step],
              undefined,
              weakSourceEvidence(weak.kind),
            );
          }
        }
      }
      return undefined;
    });
    findings.push(...applyInlineAllows(fileFindings, map));
    sf.forget();
  }
  return { findings, inventory };
}
