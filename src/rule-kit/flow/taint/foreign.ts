/**
 * Across files, with type information: a call to a function imported from another file of the program is
 * followed into that file (one hop), parsed with the same parser and tracked with the same tracker.
 */
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { parseForESLint } from '@typescript-eslint/parser';
import type { ParserServices, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, TSESLint as Lint } from '@typescript-eslint/utils';
import type * as TS from 'typescript';
import { childrenOf, unwrap, type FunctionNode, type Scope } from '../../ast.js';
import { collectImports } from '../../imports.js';
import { alt, type ForeignOrigin, type Taint, type WeakHit } from './lattice.js';
import { createTaintTracker, type TaintTracker } from './tracker.js';

// ---- Across files, with type information ----------------------------------------------------------

interface ForeignFile {
  readonly tracker: TaintTracker;
  /** Functions by the start offset of their name. */
  readonly functions: ReadonlyMap<number, FunctionNode>;
}

/** ESLint's `sourceCode.getScope`, for a file parsed outside ESLint. */
export function scopeGetter(sm: Lint.Scope.ScopeManager): (node: TSESTree.Node) => Scope {
  return (node) => {
    const inner = node.type !== T.Program;
    for (let n: TSESTree.Node | undefined = node; n; n = n.parent) {
      const s = sm.acquire(n, inner);
      if (s) return (s.type === Lint.Scope.ScopeType.functionExpressionName ? s.childScopes[0] : s) as Scope;
    }
    return sm.scopes[0] as Scope;
  };
}

/** Another file's text parsed into ESTree with scopes, as ESLint's parser would (no parents set). */
export function parseOtherFile(text: string, fileName: string): ReturnType<typeof parseForESLint> {
  return parseForESLint(text, {
    filePath: fileName,
    range: true,
    loc: true,
    comment: false,
    tokens: false,
    sourceType: 'module',
    ecmaVersion: 'latest',
    ecmaFeatures: { jsx: /\.[cm]?[jt]sx$/.test(fileName) },
  });
}

/** Parses another file of the program into ESTree with parents and scopes, and indexes its functions. */
function loadForeign(sf: TS.SourceFile): ForeignFile {
  const { ast, scopeManager, visitorKeys } = parseOtherFile(sf.text, sf.fileName);
  const functions = new Map<number, FunctionNode>();
  const stack: { node: TSESTree.Node; parent: TSESTree.Node | undefined }[] = [
    { node: ast as TSESTree.Node, parent: undefined },
  ];
  while (stack.length) {
    const { node, parent } = stack.pop()!;
    (node as { parent?: TSESTree.Node }).parent = parent;
    if (node.type === T.FunctionDeclaration && node.id) functions.set(node.id.range[0], node);
    if (
      node.type === T.VariableDeclarator &&
      node.init &&
      (node.init.type === T.ArrowFunctionExpression || node.init.type === T.FunctionExpression)
    )
      functions.set(node.id.range[0], node.init);
    for (const c of childrenOf(node, visitorKeys as TSESLint.SourceCode.VisitorKeys))
      stack.push({ node: c, parent: node });
  }
  const tracker = createTaintTracker({
    getScope: scopeGetter(scopeManager),
    imports: collectImports(ast as TSESTree.Program),
    visitorKeys: visitorKeys as TSESLint.SourceCode.VisitorKeys,
  });
  return { tracker, functions };
}

const foreignFiles = new WeakMap<TS.SourceFile, ForeignFile>();
let tsModule: typeof TS | undefined;

/**
 * With type information, a call to a function imported from another file of the program: its return
 * values, tracked in that file (one hop; calls there into further files stay opaque). The checker is
 * asked only about the calls the tracker meets on its way back from a purpose. Any failure (a
 * declaration file, a package, an unusual declaration) leaves the call opaque.
 */
export function createForeignFollower(
  services: Partial<ParserServices> | undefined,
  cwd: string,
): ((call: TSESTree.CallExpression) => Taint | undefined) | undefined {
  const program = services?.program;
  const map = services?.esTreeNodeToTSNodeMap;
  if (!program || !map) return undefined;
  tsModule ??= createRequire(import.meta.url)('typescript') as typeof TS;
  const ts = tsModule;
  const checker = program.getTypeChecker();
  return (call) => {
    try {
      const callee = unwrap(call.callee);
      if (callee.type !== T.Identifier && callee.type !== T.MemberExpression) return undefined;
      const tsNode = map.get(callee) as TS.Node;
      const at = ts.isPropertyAccessExpression(tsNode) ? tsNode.name : tsNode;
      let symbol = checker.getSymbolAtLocation(at);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
      if (!decl) return undefined;
      const sf = decl.getSourceFile();
      if (sf.isDeclarationFile || /[\\/]node_modules[\\/]/.test(sf.fileName) || sf === tsNode.getSourceFile())
        return undefined;
      const nameNode = ts.isFunctionDeclaration(decl) || ts.isVariableDeclaration(decl) ? decl.name : undefined;
      if (!nameNode) return undefined;
      let file = foreignFiles.get(sf);
      if (!file) foreignFiles.set(sf, (file = loadForeign(sf)));
      const fn = file.functions.get(nameNode.getStart(sf));
      if (!fn) return undefined;
      const t = alt(file.tracker.returnsOf(fn).map((r) => file.tracker.taintOf(r)));
      const foreign: ForeignOrigin = {
        fn: `${nameNode.getText(sf)}()`,
        file: relative(cwd, sf.fileName).replace(/\\/g, '/'),
      };
      const weak: WeakHit[] = [];
      for (const h of t.weak)
        if (h.kind === 'source' && !weak.some((w) => w.kind === 'source' && w.source === h.source))
          weak.push({ kind: 'source', node: call, source: h.source, foreign });
      return { weak, entropy: t.entropy };
    } catch {
      return undefined;
    }
  };
}
