/**
 * Miss shapes (bench/miss-shapes.mjs): why keyhygiene did not report a labelled mistake, and what a false
 * positive looks like, as code-free facts.
 *
 * - `classifyMiss` and `classifyFalsePositive` walk an ordered decision list over the findings of several
 *   sensitivities (recommended, strict, the audit with everything listed).
 * - `lineShape` describes a source line by a closed vocabulary: file kind, outermost construct, callee known to
 *   the catalogue, argument kinds, value kind, value origin, and catalogue word class of the name.
 *
 * Every value these functions return comes from a fixed vocabulary (or an AST node type), never from the input's
 * text, so a counts-only report cannot show an identifier, a literal or a line of code. Pure: no I/O.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './tools.mjs';

const require = createRequire(join(ROOT, 'package.json'));

// ---- decision lists ------------------------------------------------------------------------------

/** Miss classes, in decision order (the first that holds is the item's class). */
export const MISS_CLASSES = Object.freeze([
  'reported-elsewhere',
  'other-category',
  'withheld-test-fixture',
  'withheld-example',
  'strict-only',
  'audit-only',
  'below-evidence-bar',
  'suppressed-inline',
  'suppressed-baseline',
  'not-seen',
]);

/** What each miss class means (printed by --help and in the report). */
export const MISS_CLASS_HELP = Object.freeze({
  'reported-elsewhere':
    'the recommended run reports the same category in the same file 2..8 lines from the label, at a finding no other label of that category explains (the report site differs)',
  'other-category':
    'the recommended run reports another category on the label line (or an alt line), at a finding no label of that category explains (±1 caught unrelated neighbours)',
  'strict-only': 'the strict preset reports the category within ±1 line; recommended does not',
  'audit-only':
    'the audit at its defaults reports it within ±1 line (a cross-file or audit-only pass); the lint that the bench scores for code files does not',
  'below-evidence-bar':
    'the audit with --min-evidence name --include-fixtures reports it, at an evidence level below the default floor of its category',
  'withheld-test-fixture':
    'the audit reports it only with --include-fixtures, classed test-fixture (a test file or test tooling); checked before strict-only, whose presets lint test files too',
  'withheld-example':
    'the audit reports it only with --include-fixtures, classed example (docs/examples tree, published example)',
  'suppressed-inline':
    'a finding of the category on the line is suppressed by an inline directive (eslint-disable or an audit allow comment)',
  'suppressed-baseline': 'the audit marks a finding on the line suppressed by a baseline',
  'not-seen': 'nothing of the category within ±1 line at any sensitivity; its line shape is recorded',
});

/** False-positive classes, in decision order. */
export const FP_CLASSES = Object.freeze([
  'near-missed-label',
  'on-other-category-label',
  'labelled-negative',
  'unlabelled',
]);

export const FP_CLASS_HELP = Object.freeze({
  'near-missed-label':
    'a missed label of the same category in the same file 2..8 lines away (the mirror of reported-elsewhere)',
  'on-other-category-label': 'the line (exactly, or an alt line) carries a label of another category',
  'labelled-negative': 'on a hard negative of negatives.json (its kind is counted separately)',
  unlabelled: 'on a line nobody labelled',
});

const linesOf = (l) => [l.line, ...(l.alt ?? [])];
const distance = (l, line) => Math.min(...linesOf(l).map((x) => Math.abs(x - line)));

/**
 * The class of one missed label.
 * @param {{file:string,line:number,category:string,alt?:number[]}} label
 * @param {{
 *   labels: readonly {file:string,line:number,category:string,alt?:number[]}[],
 *   recommended: readonly {file:string,line:number,category:string}[],
 *   strict: readonly {file:string,line:number,category:string}[],
 *   auditAll: readonly {file:string,line:number,category:string,fixture?:string,suppression?:string,atDefault:boolean}[],
 *   suppressed: readonly {file:string,line:number,category:string}[],
 * }} s
 */
export function classifyMiss(label, s) {
  return explainMiss(label, s).cls;
}

/**
 * `classifyMiss` with the finding that decided it (`detail`: an offset, a category, a rule id, an evidence level;
 * never code), for --explain.
 * @param {Parameters<typeof classifyMiss>[0]} label
 * @param {Parameters<typeof classifyMiss>[1]} s
 * @returns {{ cls: string, detail?: string }}
 */
export function explainMiss(label, s) {
  const same = (f) => f.file === label.file && f.category === label.category;
  const near = (f) => same(f) && distance(label, f.line) <= 1;
  const explained = (f) =>
    s.labels.some((o) => o !== label && o.file === f.file && o.category === f.category && distance(o, f.line) <= 1);
  const rule = (f) => (f.ruleId ?? '').replace(/^keyhygiene\//, '');
  const elsewhere = s.recommended.find(
    (f) => same(f) && distance(label, f.line) >= 2 && distance(label, f.line) <= 8 && !explained(f),
  );
  if (elsewhere)
    return {
      cls: 'reported-elsewhere',
      detail: `${elsewhere.line - label.line > 0 ? '+' : ''}${elsewhere.line - label.line} ${rule(elsewhere)}`,
    };
  const other = s.recommended.find(
    (f) => f.file === label.file && f.category !== label.category && distance(label, f.line) === 0 && !explained(f),
  );
  if (other) return { cls: 'other-category', detail: `${other.category} ${rule(other)}` };
  const audited = s.auditAll.filter(near);
  const listed = audited.filter((f) => !f.suppression);
  const pick = (cls, test) => {
    const f = listed.find(test);
    return f && { cls, detail: `${rule(f)} ${f.evidence ?? ''}`.trim() };
  };
  const strict = s.strict.find(near);
  const hit =
    pick('withheld-test-fixture', (f) => f.fixture === 'test-fixture') ??
    pick('withheld-example', (f) => f.fixture === 'example') ??
    (strict && { cls: 'strict-only', detail: rule(strict) }) ??
    pick('audit-only', (f) => f.atDefault && !f.fixture) ??
    pick('below-evidence-bar', (f) => !f.atDefault && !f.fixture);
  if (hit) return hit;
  if (s.suppressed.some(near) || audited.some((f) => f.suppression === 'inline')) return { cls: 'suppressed-inline' };
  if (audited.some((f) => f.suppression === 'baseline')) return { cls: 'suppressed-baseline' };
  return { cls: 'not-seen' };
}

/**
 * The class of one false positive of the recommended run.
 * @param {{file:string,line:number,category:string}} f
 * @param {{ labels: readonly any[], missed: readonly any[], negatives: readonly {file:string,line:number,kind:string}[] }} s
 */
export function classifyFalsePositive(f, s) {
  if (
    s.missed.some(
      (l) => l.file === f.file && l.category === f.category && distance(l, f.line) >= 2 && distance(l, f.line) <= 8,
    )
  )
    return 'near-missed-label';
  if (s.labels.some((l) => l.file === f.file && l.category !== f.category && distance(l, f.line) === 0))
    return 'on-other-category-label';
  if (s.negatives.some((n) => n.file === f.file && n.line === f.line)) return 'labelled-negative';
  return 'unlabelled';
}

// ---- the catalogue, as the shapes read it -----------------------------------------------------------

/** Which catalogue modules hold the sinks and sources of each category (dist/src/catalogue/<module>.js). */
const CATEGORY_MODULES = {
  'hardcoded-key': ['sinks', 'clients'],
  'weak-randomness': ['randomness'],
  'static-iv': ['sinks', 'randomness'],
  'password-as-key': ['kdf', 'sinks'],
  'weak-algorithm': ['algorithms', 'algorithm-libraries'],
  'missing-rotation': ['sinks', 'iac', 'clients'],
  'unsafe-deletion': ['deletion'],
  'logged-key': ['loggers'],
};

/** Exports that list what is safe or strong, not a sink or source of the hazard. */
const NOT_A_HAZARD_LIST = /^(?:strong|not|safe|neutral|passThrough)/;

/** The last name of a catalogue callee spelling: `new SignJWT().sign` → `sign`, `crypto.subtle.importKey` → `importKey`. */
const lastName = (callee) =>
  callee
    .replace(/\(\)/g, '')
    .replace(/^new\s+/, '')
    .split('.')
    .filter(Boolean)
    .pop();

/**
 * Loads the built catalogue (needs `npm run build`): per category, the method names of its sinks and sources
 * (by last name: module and receiver are not compared), the name lexicons of the word classes, and the evidence
 * floor per category.
 */
export async function loadCatalogue() {
  const dist = (p) => import(pathToFileURL(join(ROOT, 'dist', 'src', p)).href);
  const callees = {};
  for (const [category, modules] of Object.entries(CATEGORY_MODULES)) {
    const names = new Set();
    for (const m of modules) {
      const mod = await dist(`catalogue/${m}.js`);
      for (const [key, value] of Object.entries(mod)) {
        if (NOT_A_HAZARD_LIST.test(key)) continue;
        if (value instanceof Set && /Methods$|Getters$/.test(key)) {
          for (const n of value) if (typeof n === 'string') names.add(n);
          continue;
        }
        for (const e of Array.isArray(value) ? value : [value]) {
          if (!e || typeof e !== 'object') continue;
          if (typeof e.callee === 'string') names.add(lastName(e.callee));
          if (Array.isArray(e.callees)) for (const c of e.callees) if (typeof c === 'string') names.add(lastName(c));
        }
      }
    }
    names.delete(undefined);
    names.delete('*');
    callees[category] = names;
  }
  const cat = await dist('catalogue/index.js');
  const loggers = await dist('catalogue/loggers.js');
  const { normaliseName } = await dist('detect/names.js');
  const evidence = await dist('catalogue/evidence.js');
  /** Word classes in decision order: the first lexicon that matches the normalised name. */
  const words = [
    ['password', [cat.passwordName, cat.humanChosenSecretName]],
    ['seed', [cat.seedPhraseName]],
    ['token', [cat.issuedCredentialName]],
    ['non-secret', [cat.nonSecretName, cat.nonSecretKeyName, cat.nonSecretTokenName, loggers.publicKeyName]],
    ['key-secret', [cat.secretName]],
    ['holder', [cat.keyHolderName, cat.tokenHolderName, cat.envMapName, loggers.configObjectName]],
  ].map(([word, lexicons]) => [word, lexicons.filter((l) => l?.pattern instanceof RegExp)]);
  return {
    callees,
    wordClass(name) {
      if (typeof name !== 'string' || !name) return 'no-name';
      const n = normaliseName(name);
      for (const [word, lexicons] of words) if (lexicons.some((l) => l.pattern.test(n))) return word;
      return 'none';
    },
    atDefaultFloor(category, level) {
      const floor = evidence.auditMinEvidence[category];
      return floor === undefined || evidence.meetsEvidence(level ?? 'name', floor);
    },
  };
}

// ---- line shapes -----------------------------------------------------------------------------------

/** File kinds by name; anything else is `other` (never the raw extension, which could be anything). */
export function fileKind(file) {
  const base = file.split('/').pop() ?? '';
  if (/^\.env(?:\.|$)/.test(base)) return 'env';
  if (/^Dockerfile/i.test(base)) return 'dockerfile';
  const ext = /\.([A-Za-z0-9]+)$/.exec(base)?.[1]?.toLowerCase();
  if (ext === 'yml' || ext === 'yaml') return 'yaml';
  const known = [
    'ts',
    'tsx',
    'js',
    'jsx',
    'mjs',
    'cjs',
    'mts',
    'cts',
    'json',
    'tf',
    'template',
    'properties',
    'ini',
    'conf',
  ];
  return ext && known.includes(ext) ? ext : 'other';
}

const CODE_KINDS = new Set(['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'mts', 'cts']);

/** One parsed code file: AST with parents, and identifier → resolved variable. */
export function parseCode(text, file) {
  const { parseForESLint } = require('@typescript-eslint/parser');
  const kind = fileKind(file);
  let parsed;
  try {
    parsed = parseForESLint(text, {
      range: true,
      loc: true,
      sourceType: 'module',
      ecmaVersion: 'latest',
      ecmaFeatures: { jsx: kind !== 'ts' && kind !== 'mts' && kind !== 'cts' },
      ...(kind === 'ts' || kind === 'tsx' || kind === 'mts' || kind === 'cts' ? {} : { filePath: 'x.jsx' }),
    });
  } catch {
    return undefined;
  }
  const { ast, scopeManager, visitorKeys } = parsed;
  const nodes = [];
  const visit = (node, parent) => {
    node.parent = parent;
    nodes.push(node);
    for (const key of visitorKeys[node.type] ?? []) {
      const child = node[key];
      if (Array.isArray(child)) for (const c of child) c && typeof c.type === 'string' && visit(c, node);
      else if (child && typeof child.type === 'string') visit(child, node);
    }
  };
  visit(ast, undefined);
  const refs = new Map();
  for (const scope of scopeManager.scopes) for (const r of scope.references) refs.set(r.identifier, r);
  return { ast, nodes, refs };
}

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
/** Parents an export passes through on its way from a function to `export`/`module.exports`. */
const EXPORT_PATH = new Set([
  'VariableDeclarator',
  'VariableDeclaration',
  'MethodDefinition',
  'PropertyDefinition',
  'ClassBody',
  'ClassDeclaration',
  'ClassExpression',
  'Property',
  'ObjectExpression',
  'AssignmentExpression',
  'ExpressionStatement',
  'CallExpression',
  'TSAsExpression',
  'TSSatisfiesExpression',
]);

const memberRoot = (n) => {
  while (n && (n.type === 'MemberExpression' || n.type === 'TSNonNullExpression'))
    n = n.type === 'MemberExpression' ? n.object : n.expression;
  return n;
};
/** `require('m')`, `require('m').x`, `await import('m')`: a binding made this way is an import. */
const isRequire = (n) => {
  n = memberRoot(unwrap(n?.type === 'AwaitExpression' ? n.argument : n));
  return (
    (n?.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'require') ||
    n?.type === 'ImportExpression'
  );
};

const isModuleExports = (n) => {
  const root = memberRoot(n);
  if (root?.type !== 'Identifier') return false;
  if (root.name === 'exports') return true;
  return root.name === 'module' && n.type === 'MemberExpression';
};

function isExportedFunction(fn) {
  for (let n = fn.parent; n; n = n.parent) {
    if (n.type === 'ExportNamedDeclaration' || n.type === 'ExportDefaultDeclaration') return true;
    if (n.type === 'AssignmentExpression' && isModuleExports(n.left)) return true;
    if (n.type === 'Program' || !EXPORT_PATH.has(n.type)) return false;
  }
  return false;
}

/** The name a value expression goes by: identifier, the last member name, a called function's name. */
function nameOf(n) {
  if (!n) return undefined;
  if (n.type === 'Identifier' || n.type === 'PrivateIdentifier' || n.type === 'JSXIdentifier') return n.name;
  if (n.type === 'Literal' && typeof n.value === 'string' && n.parent?.type === 'Property') return n.value;
  if (n.type === 'MemberExpression')
    return n.computed ? nameOf(n.property.type === 'Literal' ? n.property : undefined) : nameOf(n.property);
  if (n.type === 'CallExpression' || n.type === 'NewExpression') return nameOf(n.callee);
  if (n.type === 'AwaitExpression' || n.type === 'TSNonNullExpression' || n.type === 'TSAsExpression')
    return nameOf(n.argument ?? n.expression);
  if (n.type === 'ChainExpression') return nameOf(n.expression);
  return undefined;
}

/** Kind of an argument or value expression. */
function valueKind(n) {
  if (!n) return 'none';
  switch (n.type) {
    case 'Identifier':
      return 'identifier';
    case 'MemberExpression':
    case 'ChainExpression':
      return 'member';
    case 'TemplateLiteral':
      return n.expressions.length ? 'template' : 'literal';
    case 'Literal':
      return 'literal';
    case 'CallExpression':
    case 'NewExpression':
      return 'call';
    case 'AwaitExpression':
      return 'await';
    case 'SpreadElement':
      return 'spread';
    case 'ObjectExpression':
      return 'object';
    case 'ArrayExpression':
      return 'array';
    case 'BinaryExpression':
      return 'concatenation';
    case 'LogicalExpression':
      return n.operator === '&&' ? 'other' : 'fallback';
    case 'ConditionalExpression':
      return 'conditional';
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return 'function';
    case 'TSAsExpression':
    case 'TSNonNullExpression':
    case 'TSSatisfiesExpression':
      return valueKind(n.expression);
    default:
      return 'other';
  }
}

const unwrap = (n) => {
  while (
    n &&
    (n.type === 'TSAsExpression' ||
      n.type === 'TSNonNullExpression' ||
      n.type === 'TSSatisfiesExpression' ||
      n.type === 'ChainExpression')
  )
    n = n.expression;
  return n;
};

/** Where a call's callee comes from. */
function calleeOrigin(call, parsed) {
  const root = memberRoot(unwrap(call.callee));
  if (root?.type !== 'Identifier') return 'call';
  const def = parsed.refs.get(root)?.resolved?.defs?.[0];
  if (!def) return 'call';
  if (def.type === 'ImportBinding' || (def.type === 'Variable' && isRequire(def.node?.init)))
    return 'call-of-imported-fn';
  if (
    root === unwrap(call.callee) &&
    (def.type === 'FunctionName' || (def.type === 'Variable' && FUNCTION_TYPES.has(def.node?.init?.type)))
  )
    return 'call-of-same-file-fn';
  if (
    def.type === 'Variable' &&
    def.node?.init?.type === 'CallExpression' &&
    parsed.refs.get(memberRoot(def.node.init.callee))?.resolved?.defs?.[0]?.type === 'ImportBinding'
  )
    return 'call-of-imported-fn';
  return 'call';
}

/** Where a value comes from (a closed vocabulary). */
export function valueOrigin(n, parsed, depth = 0) {
  n = unwrap(n);
  if (!n) return 'none';
  switch (n.type) {
    case 'Literal':
      return 'literal';
    case 'TemplateLiteral':
      return n.expressions.length ? valueOrigin(pickValue(n.expressions, parsed), parsed, depth) : 'literal';
    case 'AwaitExpression':
      return unwrap(n.argument)?.type === 'CallExpression' ? 'await-of-call' : 'await';
    case 'CallExpression':
    case 'NewExpression':
      return calleeOrigin(n, parsed);
    case 'ThisExpression':
      return 'class-field';
    case 'MemberExpression': {
      const root = memberRoot(n);
      if (root?.type === 'ThisExpression') return 'class-field';
      if (root?.type === 'Identifier' && root.name === 'process' && n.object?.type === 'MemberExpression')
        return 'env-read';
      if (root?.type === 'MetaProperty') return 'env-read';
      return root && root !== n ? valueOrigin(root, parsed, depth) : 'unknown';
    }
    case 'Identifier': {
      const ref = parsed.refs.get(n);
      const variable = ref?.resolved;
      if (!variable) return 'global-or-unknown';
      const def = variable.defs[0];
      if (!def) return 'unknown';
      switch (def.type) {
        case 'Parameter':
          return isExportedFunction(def.node) ? 'parameter-of-exported-fn' : 'parameter';
        case 'ImportBinding':
          return 'import';
        case 'FunctionName':
        case 'ClassName':
          return 'function-or-class';
        case 'CatchClause':
          return 'catch-binding';
        case 'Variable': {
          if (isRequire(def.node.init)) return 'import';
          if (def.node.id?.type !== 'Identifier') return 'destructured';
          const scopeType = variable.scope?.type;
          if (scopeType === 'module' || scopeType === 'global') return 'module-binding';
          const init = unwrap(def.node.init);
          if (!init) return 'local-uninitialised';
          if (depth < 2 && init.type !== 'Identifier') {
            const o = valueOrigin(init, parsed, depth + 1);
            return o === 'literal' ? 'local-literal' : o;
          }
          return 'local-variable';
        }
        default:
          return 'unknown';
      }
    }
    case 'ObjectExpression':
      return 'object-literal';
    case 'ArrayExpression':
      return 'array-literal';
    case 'LogicalExpression':
      if (n.operator !== '&&' && valueKind(n.right) === 'literal') return 'fallback-literal';
      return valueOrigin(pickValue([n.left, n.right], parsed), parsed, depth);
    case 'BinaryExpression':
      return valueOrigin(pickValue([n.left, n.right], parsed), parsed, depth);
    case 'ConditionalExpression':
      return valueOrigin(pickValue([n.consequent, n.alternate], parsed), parsed, depth);
    default:
      return 'unknown';
  }
}

/** Flattened candidate values of an argument list: template parts, object property values, spread arguments. */
function candidates(list) {
  const out = [];
  for (const a of list) {
    const n = unwrap(a);
    if (!n) continue;
    if (n.type === 'TemplateLiteral') out.push(...n.expressions);
    else if (n.type === 'ObjectExpression')
      for (const p of n.properties) out.push(p.type === 'Property' ? p.value : p.argument);
    else if (n.type === 'SpreadElement') out.push(n.argument);
    else if (n.type === 'BinaryExpression') out.push(...candidates([n.left, n.right]));
    else out.push(n);
  }
  return out.filter(Boolean);
}

let wordClassOfPick = () => 'none';
/**
 * The main value among candidates: the first with a secret-ish name, else the first non-literal whose name the
 * catalogue does not class non-secret, else the first non-literal (functions, callbacks, never count as values).
 */
function pickValue(list, _parsed) {
  const c = candidates(list);
  const word = (n) => wordClassOfPick(nameOf(n));
  const plain = (n) => n.type !== 'Literal' && !FUNCTION_TYPES.has(n.type);
  return (
    c.find((n) => !['none', 'no-name', 'non-secret'].includes(word(n))) ??
    c.find((n) => plain(n) && word(n) !== 'non-secret') ??
    c.find(plain) ??
    c[0]
  );
}

/** The construct a node stands for, and the parts a shape reads. */
function constructOf(node) {
  let n = node;
  if (n.type === 'ExportNamedDeclaration' || n.type === 'ExportDefaultDeclaration') n = n.declaration ?? n;
  if (n.type === 'ExpressionStatement') n = n.expression;
  n = unwrap(n);
  if (n.type === 'AwaitExpression' && ['CallExpression', 'NewExpression'].includes(unwrap(n.argument)?.type))
    n = unwrap(n.argument);
  // a line of a call chain (`.option(…)` on its own line): the call whose method the line names
  if (n.type === 'Identifier' && n.parent?.type === 'MemberExpression' && n.parent.property === n) {
    const call = n.parent.parent;
    if (call && (call.type === 'CallExpression' || call.type === 'NewExpression') && call.callee === n.parent)
      return { construct: 'call', call };
  }
  // a line inside a multi-line call: the argument's call is the construct, the argument the value
  if (
    n.parent &&
    (n.parent.type === 'CallExpression' || n.parent.type === 'NewExpression') &&
    n.parent.arguments.includes(n)
  )
    return { construct: 'call-argument-line', call: n.parent, value: n };
  // `if (…) call(…)` on one line: the statement the condition guards
  if (n.type === 'IfStatement' && n.consequent.loc.start.line === n.loc.start.line) return constructOf(n.consequent);
  switch (n.type) {
    case 'CallExpression':
    case 'NewExpression':
      return { construct: 'call', call: n };
    case 'AssignmentExpression':
      return { construct: 'assignment', target: n.left, value: n.right };
    case 'VariableDeclaration': {
      const d = n.declarations[0];
      return { construct: 'variable-declaration', target: d?.id, value: d?.init };
    }
    case 'VariableDeclarator':
      return { construct: 'variable-declaration', target: n.id, value: n.init };
    case 'Property':
      return { construct: 'object-property', target: n.key, value: n.value };
    case 'PropertyDefinition':
      return { construct: 'class-field', target: n.key, value: n.value };
    case 'ReturnStatement':
      return { construct: 'return', value: n.argument };
    case 'TemplateLiteral':
      return { construct: 'template', value: n };
    case 'JSXAttribute':
      return { construct: 'jsx-attribute', target: n.name, value: n.value?.expression ?? n.value };
    case 'JSXElement':
    case 'JSXExpressionContainer':
    case 'JSXText':
      return { construct: 'jsx' };
    case 'Decorator':
      return { construct: 'decorator', call: n.expression.type === 'CallExpression' ? n.expression : undefined };
    case 'ForStatement':
    case 'ForOfStatement':
    case 'ForInStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
      return n.body.loc.start.line === n.loc.start.line && n.body.type !== 'BlockStatement'
        ? constructOf(n.body)
        : { construct: 'loop' };
    case 'IfStatement':
    case 'ConditionalExpression':
    case 'LogicalExpression':
    case 'SwitchStatement':
    case 'SwitchCase':
      return { construct: 'condition' };
    case 'ThrowStatement':
      return { construct: 'throw', value: n.argument };
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
    case 'MethodDefinition':
    case 'TSAbstractMethodDefinition':
      return { construct: 'function-definition' };
    case 'ImportDeclaration':
      return { construct: 'import' };
    case 'UnaryExpression':
      return { construct: n.operator === 'delete' ? 'delete-expression' : 'expression', value: n.argument };
    case 'TemplateElement':
      return { construct: 'template-text' };
    case 'ArrayExpression':
      return { construct: 'array', value: n };
    case 'ClassDeclaration':
      return { construct: 'class-definition' };
    case 'Literal':
    case 'Identifier':
    case 'MemberExpression':
      return n.parent?.type === 'ArrayExpression'
        ? { construct: 'array-element', value: n }
        : { construct: 'expression', value: n };
    default:
      return { construct: n.type.startsWith('TS') ? 'type-declaration' : `node:${n.type}` };
  }
}

/** The node a line is about: the outermost node starting on it, else the innermost node covering it. */
function lineNode(parsed, line) {
  let starting;
  let covering;
  for (const n of parsed.nodes) {
    if (n.type === 'Program') continue;
    if (n.loc.start.line === line && !starting) starting = n;
    if (n.loc.start.line <= line && n.loc.end.line >= line) covering = n;
  }
  return starting ?? covering;
}

/** A config line's shape (env, YAML, JSON, Terraform, properties, …), by its form only. */
function configShape(text, line, kind, catalogue) {
  const src = text.split('\n')[line - 1] ?? '';
  const m =
    /^\s*(?:export\s+)?-?\s*["']?([A-Za-z_][\w.-]*)["']?\s*[:=]\s*(.*)$/.exec(src) ??
    /^\s*-\s+["']?([A-Za-z_][\w.-]*)["']?\s*$/.exec(src);
  if (!m) return { construct: src.trim() ? 'config-text' : 'blank', value: 'none', origin: 'none', word: 'no-name' };
  const value = (m[2] ?? '').trim();
  const origin = !value
    ? 'empty-or-block'
    : /\$\{\{?|\$\(|^\$[A-Z_]|!Ref|!Sub|var\./.test(value)
      ? 'interpolation'
      : 'literal';
  return {
    construct: m[2] === undefined ? 'config-list-item' : 'config-key-value',
    value: origin === 'literal' ? 'literal' : origin,
    origin,
    word: catalogue.wordClass(m[1]),
  };
}

/**
 * The code-free shape of one line of one file for one category.
 * @param {{ text: string, file: string, line: number, category: string, parsed?: any }} at
 * @param {Awaited<ReturnType<typeof loadCatalogue>>} catalogue
 * @returns {{ kind: string, construct: string, callee: string, args: string, value: string, origin: string, word: string }}
 */
export function lineShape(at, catalogue) {
  wordClassOfPick = catalogue.wordClass;
  const kind = fileKind(at.file);
  const base = {
    kind,
    construct: 'other',
    callee: 'no-call',
    args: 'no-call',
    value: 'none',
    origin: 'none',
    word: 'no-name',
  };
  if (!CODE_KINDS.has(kind)) return { ...base, ...configShape(at.text, at.line, kind, catalogue) };
  const parsed = at.parsed ?? parseCode(at.text, at.file);
  if (!parsed) return { ...base, construct: 'unparsed' };
  const node = lineNode(parsed, at.line);
  if (!node) return { ...base, construct: 'blank' };
  const c = constructOf(node);
  const out = { ...base, construct: c.construct };
  let value = c.value;
  // a declaration, assignment or return of a call: the callee and arguments are that call's
  const valueCall = (() => {
    const v = unwrap(c.value);
    const inner = v?.type === 'AwaitExpression' ? unwrap(v.argument) : v;
    return inner && (inner.type === 'CallExpression' || inner.type === 'NewExpression') ? inner : undefined;
  })();
  const call = c.call ?? valueCall;
  if (call) {
    // a chain (`createHmac(…).update(…).digest()`, `Math.random().toString(36)`): any call of it may be the one
    const known = catalogue.callees[at.category];
    let inChain = false;
    for (let k = call; k && !inChain;) {
      const name = nameOf(k.callee);
      inChain = Boolean(name && known?.has(name));
      const object = unwrap(k.callee)?.type === 'MemberExpression' ? unwrap(unwrap(k.callee).object) : undefined;
      k = object && (object.type === 'CallExpression' || object.type === 'NewExpression') ? object : undefined;
    }
    out.callee = inChain ? 'catalogue' : 'not-in-catalogue';
    const args = call.arguments.map(valueKind);
    out.args = args.length ? [...new Set(args)].sort().join('+') : 'no-args';
  }
  if (c.call) value = pickValue(c.value ? [c.value] : c.call.arguments, parsed);
  else if (c.value) value = pickValue([c.value], parsed);
  if (value) {
    // the kind is the line's own value (a template, a fallback) where it has one; the origin is its main part's
    out.value = valueKind(!c.call && c.value ? c.value : value);
    out.origin = valueOrigin(!c.call && unwrap(c.value)?.type === 'LogicalExpression' ? c.value : value, parsed);
  }
  const target = c.target ? unwrap(c.target) : undefined;
  out.word = catalogue.wordClass(
    target && target.type !== 'ObjectPattern' && target.type !== 'ArrayPattern'
      ? nameOf(target)
      : nameOf(unwrap(value)),
  );
  return out;
}

/** The dimensions of a shape, in print order. */
export const SHAPE_DIMENSIONS = Object.freeze(['kind', 'construct', 'callee', 'args', 'value', 'origin', 'word']);
