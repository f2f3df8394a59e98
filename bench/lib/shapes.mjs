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
  // Secret sources by catalogue class (last method name, module and receiver not compared), in decision order.
  const deletion = await dist('catalogue/deletion.js');
  const randomness = await dist('catalogue/randomness.js');
  const algorithms = await dist('catalogue/algorithms.js');
  const transforms = await dist('catalogue/transforms.js');
  const namesOf = (...lists) => {
    const out = new Set();
    for (const list of lists)
      for (const e of list ?? []) {
        if (typeof e === 'string') out.add(lastName(e));
        else for (const c of e?.callees ?? []) out.add(lastName(c));
      }
    out.delete(undefined);
    out.delete('*');
    return out;
  };
  const sourceClasses = [
    ['kms-data-key', namesOf(deletion.kmsPlaintextResponses, [...deletion.dataKeyWrapper.names])],
    ['secret-store-read', namesOf(loggers.secretStoreReads)],
    [
      'key-generation-or-export',
      namesOf(
        deletion.keyProducers.filter((p) => p.strength === 'key'),
        deletion.heldKeyProducers,
        loggers.secretKeyCalls,
        loggers.keyPairFactories,
        loggers.encodedKeyPairGenerators,
        [...loggers.privateKeyGetters],
      ),
    ],
    ['random-bytes', namesOf(randomness.strongRandomSources, algorithms.randomBytesFunctions)],
    ['token-producer', namesOf(loggers.tokenProducers)],
  ];
  const wildcard = (set, name) =>
    set.has(name) ||
    [...set].some(
      (p) => p.includes('*') && new RegExp(`^${p.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`).test(name),
    );
  return {
    callees,
    /** The catalogue class of a secret source by its method's last name (`none` when it is not one). */
    sourceClass(name, text = '') {
      if (typeof name !== 'string' || !name) return 'none';
      for (const [cls, set] of sourceClasses) if (wildcard(set, name)) return cls;
      if (loggers.decryptedParameterRead.call.test(text)) return 'secret-store-read';
      if (randomness.decryptingCall.pattern.test(name)) return 'decrypt';
      return 'none';
    },
    /** Receiver methods that re-encode what they are called on (`toString('base64')`, `toJSON()`, `toHex()`). */
    encodings: transforms.receiverMethods,
    /** Whether a log message names a credential or a secret key (catalogue `credentialMessage`, `secretKeyPhrase`). */
    namesCredential: (text) =>
      loggers.credentialMessage.pattern.test(text) || loggers.secretKeyPhrase.pattern.test(text),
    keyHandleTypes: deletion.keyHandleTypes.names,
    keyBytesTypes: deletion.keyBytesTypes.names,
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

// ---- a log call's object argument, property by property ---------------------------------------------------

/** The dimensions of one property of a logged object, in print order. */
export const PROPERTY_DIMENSIONS = Object.freeze([
  'form',
  'origin',
  'source',
  'sourceWord',
  'word',
  'paramType',
  'paramWord',
  'fnWord',
  'paramUse',
  'callerArg',
  'paramDefault',
  'message',
  'otherFileCallerArg',
]);

const CALLS = new Set(['CallExpression', 'NewExpression']);
/** `client.send(new GetSecretValueCommand(…))` (an SDK v3 command sent): the command names the call. */
const sentCommand = (call) => {
  const a = unwrap(call.arguments?.[0]);
  return nameOf(call.callee) === 'send' && a?.type === 'NewExpression' ? a : call;
};
const isJsonParse = (call) => {
  const c = unwrap(call.callee);
  return c?.type === 'MemberExpression' && nameOf(c.object) === 'JSON' && nameOf(c.property) === 'parse';
};

/**
 * Where a logged property's value comes from, and the call it came out of (for its catalogue class): a parameter,
 * an import, a call (same file, imported, awaited), a member of a received or parsed payload, an encoding call on a
 * value, a literal, … Bindings are followed to their initialiser (six steps at most).
 */
function propertyOrigin(n, parsed, catalogue, depth = 0) {
  n = unwrap(n);
  if (!n) return { origin: 'none' };
  if (depth > 6) return { origin: 'unknown' };
  const follow = (x) => propertyOrigin(x, parsed, catalogue, depth + 1);
  switch (n.type) {
    case 'Literal':
      return { origin: 'literal' };
    case 'TemplateLiteral':
      return n.expressions.length ? follow(pickValue(n.expressions, parsed)) : { origin: 'literal' };
    case 'AwaitExpression': {
      const a = unwrap(n.argument);
      if (!a || !CALLS.has(a.type)) return follow(a);
      const inner = follow(a);
      return inner.origin === 'encoding-call' || inner.origin === 'parsed-payload'
        ? inner
        : { origin: 'await-of-call', call: sentCommand(a) };
    }
    case 'CallExpression':
    case 'NewExpression': {
      if (isJsonParse(n)) {
        const inner = follow(n.arguments[0]);
        return { origin: 'parsed-payload', call: inner.call };
      }
      const callee = unwrap(n.callee);
      if (callee?.type === 'MemberExpression' && catalogue.encodings.has(nameOf(callee.property) ?? '')) {
        const inner = follow(callee.object);
        return { origin: 'encoding-call', call: inner.call };
      }
      return { origin: calleeOrigin(n, parsed), call: sentCommand(n) };
    }
    case 'MemberExpression': {
      const root = memberRoot(n);
      if (root?.type === 'ThisExpression') return { origin: 'class-field' };
      if (root?.type === 'Identifier' && root.name === 'process') return { origin: 'env-read' };
      const inner = root && root !== n ? follow(root) : { origin: 'unknown' };
      return /call|payload|encoding/.test(inner.origin) ? { origin: 'payload-member', call: inner.call } : inner;
    }
    case 'Identifier': {
      const variable = parsed.refs.get(n)?.resolved;
      const def = variable?.defs[0];
      if (!def) return { origin: variable ? 'unknown' : 'global-or-unknown' };
      if (def.type === 'Parameter')
        return { origin: isExportedFunction(def.node) ? 'parameter-of-exported-fn' : 'parameter', param: def };
      if (def.type === 'ImportBinding') return { origin: 'import' };
      if (def.type === 'CatchClause') return { origin: 'catch-binding' };
      if (def.type !== 'Variable') return { origin: 'unknown' };
      if (isRequire(def.node.init)) return { origin: 'import' };
      if (!def.node.init) return { origin: 'local-uninitialised' };
      const inner = follow(def.node.init);
      if (def.node.id?.type === 'Identifier') return inner;
      return /call|payload|encoding/.test(inner.origin)
        ? { origin: 'payload-member', call: inner.call }
        : { origin: 'destructured', call: inner.call };
    }
    case 'ObjectExpression':
      return { origin: 'object-literal' };
    case 'ArrayExpression':
      return { origin: 'array-literal' };
    case 'LogicalExpression':
    case 'BinaryExpression':
      return follow(pickValue([n.left, n.right], parsed));
    case 'ConditionalExpression':
      return follow(pickValue([n.consequent, n.alternate], parsed));
    default:
      return { origin: 'unknown' };
  }
}

const NO_PARAMETER = Object.freeze({
  paramType: 'not-a-parameter',
  paramWord: 'not-a-parameter',
  fnWord: 'none',
  paramUse: 'not-a-parameter',
  callerArg: 'not-a-parameter',
  paramDefault: 'not-a-parameter',
  otherFileCallerArg: 'not-a-parameter',
});

/** The name a function goes by: its own, its variable's, its method's or property's. */
function functionName(fn) {
  if (fn.id?.name) return fn.id.name;
  const p = fn.parent;
  if (p?.type === 'VariableDeclarator' || p?.type === 'AssignmentExpression') return nameOf(p.id ?? p.left);
  if (p?.type === 'MethodDefinition' || p?.type === 'Property' || p?.type === 'PropertyDefinition')
    return nameOf(p.key);
  return undefined;
}

/**
 * A parameter's facts: its annotation's class by the catalogue (key-handle, key-bytes, string, other-type,
 * untyped; `destructured` for a pattern), the word class of its own name and of its function's name.
 */
function parameterFacts(def, parsed, catalogue, others) {
  const fn = def.node;
  let pattern = false;
  for (let x = def.name?.parent; x && x !== fn; x = x.parent)
    if (x.type === 'ObjectPattern' || x.type === 'ArrayPattern') pattern = true;
  const ann = def.name?.typeAnnotation?.typeAnnotation;
  const typeName = ann?.type === 'TSTypeReference' ? nameOf(ann.typeName) : undefined;
  const paramType = pattern
    ? 'destructured'
    : !ann
      ? 'untyped'
      : catalogue.keyHandleTypes.has(typeName ?? '')
        ? 'key-handle'
        : catalogue.keyBytesTypes.has(typeName ?? '')
          ? 'key-bytes'
          : ann.type === 'TSStringKeyword'
            ? 'string'
            : 'other-type';
  // where the function hands the parameter on: a catalogue key sink or source, a cipher call, another call
  let paramUse = 'not-passed';
  const refs = [...parsed.refs.values()].filter(
    (r) => r.resolved?.defs?.[0] === def || r.resolved?.defs?.includes(def),
  );
  for (const r of refs) {
    const call = r.identifier.parent;
    if (!call || !CALLS.has(call.type) || !call.arguments.includes(r.identifier)) continue;
    const name = nameOf(call.callee);
    const use =
      catalogue.callees['hardcoded-key'].has(name) || catalogue.callees['logged-key'].has(name)
        ? catalogue.callees['logged-key'].has(name)
          ? 'log-call'
          : 'key-sink'
        : catalogue.sourceClass(name) !== 'none'
          ? 'catalogue-source'
          : 'other-call';
    if (use !== 'log-call' && (paramUse === 'not-passed' || use === 'key-sink')) paramUse = use;
  }
  // what a same-file caller passes in its place (by the function's name and the parameter's index)
  const fnName = functionName(fn);
  const index = fn.params.findIndex((q) => q.range[0] <= def.name.range[0] && q.range[1] >= def.name.range[1]);
  let callerArg = 'no-same-file-caller';
  if (fnName && index >= 0)
    for (const n of parsed.nodes) {
      if (!CALLS.has(n.type) || nameOf(n.callee) !== fnName || n === fn) continue;
      const arg = n.arguments[index];
      if (!arg) continue;
      const o = propertyOrigin(arg, parsed, catalogue, 4);
      const cls = catalogue.sourceClass(o.call ? nameOf(o.call.callee) : undefined);
      callerArg = cls !== 'none' ? cls : o.origin;
      if (cls !== 'none') break;
    }
  // a default value (`priv = DEFAULT_KEY`, `key = process.env.X`): where it comes from, and its name's word class
  const assigned = def.name?.parent?.type === 'AssignmentPattern' && def.name.parent.left === def.name;
  const dflt = assigned ? def.name.parent.right : undefined;
  const paramDefault = dflt
    ? `${propertyOrigin(dflt, parsed, catalogue, 4).origin}/${catalogue.wordClass(nameOf(unwrap(dflt)))}`
    : 'no-default';
  // what a caller in another file of the project passes in its place (`others()`: the other parsed code files)
  let otherFileCallerArg = others ? 'no-other-file-caller' : 'not-looked-up';
  if (fnName && index >= 0 && others)
    for (const other of others()) {
      if (!other.parsed || !other.text.includes(fnName)) continue;
      for (const n of other.parsed.nodes) {
        if (!CALLS.has(n.type) || nameOf(n.callee) !== fnName) continue;
        const arg = n.arguments[index];
        if (!arg) continue;
        const o = propertyOrigin(arg, other.parsed, catalogue, 4);
        const cls = catalogue.sourceClass(o.call ? nameOf(o.call.callee) : undefined);
        const word = catalogue.wordClass(nameOf(unwrap(arg)));
        const found = cls !== 'none' ? cls : word !== 'none' && word !== 'no-name' ? `name-${word}` : o.origin;
        if (otherFileCallerArg.startsWith('no-') || cls !== 'none' || found.startsWith('name-'))
          otherFileCallerArg = found;
      }
    }
  return {
    paramType,
    paramDefault,
    otherFileCallerArg,
    paramWord: catalogue.wordClass(def.name?.name),
    fnWord: catalogue.wordClass(fnName),
    paramUse,
    callerArg,
  };
}

/**
 * The properties of the object arguments of the innermost call covering a line that has one (a structured log
 * call: `log.info('msg', { … })`, `log.debug({ … }, 'msg')`), nested objects included, each as code-free facts:
 * `form` (shorthand, keyed, spread), `origin` and `source` (the catalogue class of the call the value came out of:
 * kms-data-key, secret-store-read, key-generation-or-export, random-bytes, token-producer, decrypt, none),
 * `sourceWord` (the catalogue word class of that call's name) and `word` (of the property's name). Empty when the
 * line has no such call.
 * @param {{ text: string, file: string, line: number, parsed?: any }} at
 * @param {Awaited<ReturnType<typeof loadCatalogue>>} catalogue
 */
export function logObjectProperties(at, catalogue) {
  wordClassOfPick = catalogue.wordClass;
  if (!CODE_KINDS.has(fileKind(at.file))) return [];
  const parsed = at.parsed ?? parseCode(at.text, at.file);
  if (!parsed) return [];
  const objectArgs = (call) => call.arguments.map(unwrap).filter((a) => a?.type === 'ObjectExpression');
  let call;
  for (const n of parsed.nodes)
    if (CALLS.has(n.type) && n.loc.start.line <= at.line && n.loc.end.line >= at.line && objectArgs(n).length) call = n;
  if (!call) return [];
  const out = [];
  const texts = call.arguments
    .map(unwrap)
    .filter((a) => (a?.type === 'Literal' && typeof a.value === 'string') || a?.type === 'TemplateLiteral')
    .map((a) => (a.type === 'Literal' ? a.value : a.quasis.map((q) => q.value.cooked ?? '').join(' ')));
  const message = !texts.length ? 'no-message' : texts.some(catalogue.namesCredential) ? 'names-credential' : 'other';
  const visit = (obj) => {
    for (const p of obj.properties) {
      const value = p.type === 'Property' ? unwrap(p.value) : p.argument;
      if (p.type === 'Property' && value?.type === 'ObjectExpression') {
        visit(value);
        continue;
      }
      if (p.type === 'Property' && FUNCTION_TYPES.has(value?.type)) continue;
      const o = propertyOrigin(value, parsed, catalogue);
      const param = o.param ? parameterFacts(o.param, parsed, catalogue, at.others) : NO_PARAMETER;
      const name = o.call ? nameOf(o.call.callee) : undefined;
      const text = o.call ? at.text.slice(o.call.range[0], o.call.range[1]) : '';
      out.push({
        form: p.type !== 'Property' ? 'spread' : p.shorthand ? 'shorthand' : 'keyed',
        origin: o.origin,
        source: catalogue.sourceClass(name, text),
        sourceWord: o.call ? catalogue.wordClass(name) : 'no-call',
        word: p.type === 'Property' ? catalogue.wordClass(nameOf(p.key)) : catalogue.wordClass(nameOf(value)),
        ...param,
        message,
      });
    }
  };
  for (const obj of objectArgs(call)) visit(obj);
  return out;
}

// ---- weak randomness: which part of the chain source → transforms → use the line shows ----------------
// Kept apart from `lineShape` (which every category shares) so that other edits to the line shapes merge cleanly.

/** The dimensions of a weak-randomness chain shape, in print order. */
export const RANDOM_CHAIN_DIMENSIONS = Object.freeze([
  'source',
  'transform',
  'use',
  'source-use',
  'alone',
  'consumer',
  'consumer-alone',
  'caller-consumer',
]);

/** Global weak sources by dotted path (`Math.random`), with their class; member reads have no call. */
const GLOBAL_WEAK = new Map([
  ['Math.random', 'math-random'],
  ['Date.now', 'clock'],
  ['performance.now', 'clock'],
  ['process.hrtime', 'clock'],
  ['process.hrtime.bigint', 'clock'],
  ['process.uptime', 'clock'],
  ['process.pid', 'process-id'],
  ['process.ppid', 'process-id'],
]);

/** The dotted path of a callee or member (`Math.random`, `window.Math.random` → `Math.random`), else undefined. */
function dottedPath(n) {
  const parts = [];
  n = unwrap(n);
  while (n?.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier') {
    parts.unshift(n.property.name);
    n = unwrap(n.object);
  }
  if (n?.type !== 'Identifier') return undefined;
  parts.unshift(n.name);
  if (parts[0] === 'window' || parts[0] === 'globalThis' || parts[0] === 'self') parts.shift();
  return parts.join('.');
}

/** Transform classes by method name (a closed vocabulary). */
const TRANSFORM_OF = new Map([
  ['toString', 'to-string'],
  ['slice', 'cut'],
  ['substr', 'cut'],
  ['substring', 'cut'],
  ['padStart', 'cut'],
  ['padEnd', 'cut'],
  ['join', 'join'],
  ['map', 'join'],
  ['reduce', 'join'],
  ['from', 'join'],
  ['repeat', 'join'],
  ['replace', 'join'],
  ['floor', 'arith'],
  ['round', 'arith'],
  ['ceil', 'arith'],
  ['trunc', 'arith'],
  ['createHash', 'hash'],
  ['digest', 'hash'],
  ['update', 'hash'],
  ['btoa', 'encode'],
  ['encode', 'encode'],
]);

/** Every node under `root` (the parsed file's flat node list, filtered by range). */
const subtree = (parsed, root) =>
  parsed.nodes.filter((n) => n.range[0] >= root.range[0] && n.range[1] <= root.range[1]);

/** The weak-source class of one node, or undefined: a global source, or a catalogue weak source by last name. */
function weakSourceOf(n, weakNames) {
  if (n.type === 'NewExpression' && dottedPath(n.callee) === 'Date' && !n.arguments.length) return 'clock';
  if (n.type === 'MemberExpression' && n.parent?.type !== 'CallExpression') {
    const c = GLOBAL_WEAK.get(dottedPath(n) ?? '');
    if (c === 'process-id') return c;
  }
  if (n.type !== 'CallExpression') return undefined;
  const path = dottedPath(n.callee);
  if (path && GLOBAL_WEAK.has(path)) return GLOBAL_WEAK.get(path);
  const last = nameOf(unwrap(n.callee));
  return last && weakNames.has(last) && !['default', 'random', 'set', 'create', 'generate'].includes(last)
    ? 'library'
    : undefined;
}

/** Functions and methods declared in the file, by name (several may share one). */
function declaredFunctions(parsed) {
  const byName = new Map();
  for (const n of parsed.nodes) {
    let name;
    let fn;
    if (n.type === 'FunctionDeclaration' && n.id) [name, fn] = [n.id.name, n];
    else if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && FUNCTION_TYPES.has(n.init?.type))
      [name, fn] = [n.id.name, n.init];
    else if ((n.type === 'MethodDefinition' || n.type === 'Property') && FUNCTION_TYPES.has(n.value?.type))
      [name, fn] = [nameOf(n.key), n.value];
    else if (n.type === 'PropertyDefinition' && FUNCTION_TYPES.has(n.value?.type))
      [name, fn] = [nameOf(n.key), n.value];
    if (name && fn) byName.set(name, [...(byName.get(name) ?? []), fn]);
  }
  return byName;
}

/**
 * The code-free chain shape of a weak-randomness line: `source` (where the predictable value comes from, as far as
 * one file shows it), `transform` (the classes of transforms applied on the line, `+`-joined), `use` (whether a
 * name says what the value is for: the target's, the enclosing function's, or none).
 * @param {{ text: string, file: string, line: number, parsed?: any }} at
 * @param {{ weakNames: Set<string>, purposeOf(name: string): boolean }} chain from `loadRandomChain`
 */
export function randomChainShape(at, chain) {
  const out = { source: 'unparsed', transform: 'none', use: 'no-purpose-name', 'source-use': 'unparsed' };
  if (!CODE_KINDS.has(fileKind(at.file))) return { ...out, source: 'config-line', 'source-use': 'config-line' };
  const parsed = at.parsed ?? parseCode(at.text, at.file);
  if (!parsed) return out;
  const node = lineNode(parsed, at.line);
  if (!node) return { ...out, source: 'blank', 'source-use': 'blank' };
  const nodes = subtree(parsed, node);
  const functions = declaredFunctions(parsed);
  // every weak-source class in `list`, `+`-joined (`clock+math-random`), or undefined
  const weakIn = (list, depth) => {
    const found = new Set(list.map((n) => weakSourceOf(n, chain.weakNames)).filter(Boolean));
    return found.size ? (depth ? 'helper' : [...found].sort().join('+')) : undefined;
  };
  // 1. a weak source on the line; 2. a same-file helper or method whose body has one; 3. a variable written with one
  let source = weakIn(nodes, 0);
  const calls = nodes.filter((n) => n.type === 'CallExpression' || n.type === 'NewExpression');
  if (!source)
    for (const call of calls) {
      const fns = functions.get(nameOf(unwrap(call.callee)) ?? '') ?? [];
      if (fns.some((fn) => weakIn(subtree(parsed, fn), 1))) source = 'same-file-helper-weak';
      else if (fns.length && !source) source = 'same-file-helper-unknown';
      if (source === 'same-file-helper-weak') break;
    }
  if (!source || source === 'same-file-helper-unknown')
    for (const id of nodes.filter((n) => n.type === 'Identifier')) {
      const v = parsed.refs.get(id)?.resolved;
      if (!v) continue;
      const writes = [
        ...v.defs.map((d) => d.node?.init).filter(Boolean),
        ...v.references.map((r) => r.writeExpr).filter(Boolean),
      ];
      if (writes.some((w) => weakIn(subtree(parsed, w), 0) ?? weakIn(subtree(parsed, w), 1))) source = 'variable-weak';
      else if (
        writes.some((w) =>
          subtree(parsed, w).some(
            (c) =>
              c.type === 'CallExpression' &&
              (functions.get(nameOf(unwrap(c.callee)) ?? '') ?? []).some((fn) => weakIn(subtree(parsed, fn), 1)),
          ),
        )
      )
        source = 'variable-weak';
      if (source === 'variable-weak') break;
    }
  if (!source) {
    const origins = new Set(calls.map((c) => calleeOrigin(c, parsed)));
    source = origins.has('call-of-imported-fn')
      ? 'imported-call'
      : nodes.some((n) => n.type === 'Identifier' && parsed.refs.get(n)?.resolved?.defs?.[0]?.type === 'Parameter')
        ? 'parameter'
        : calls.length
          ? 'other-call'
          : 'no-call';
  }
  out.source = source;
  const transforms = new Set();
  for (const n of nodes) {
    if (n.type === 'CallExpression') {
      const t = TRANSFORM_OF.get(nameOf(unwrap(n.callee)) ?? '');
      if (t) transforms.add(t);
    }
    if (n.type === 'BinaryExpression' && ['*', '%', '|', '>>>', '&'].includes(n.operator)) transforms.add('arith');
    if (n.type === 'TemplateLiteral' && n.expressions.length) transforms.add('template');
    // `+` joins strings or adds numbers: one class, the shapes carry no types
    if (n.type === 'BinaryExpression' && n.operator === '+') transforms.add('plus');
    if (n.type === 'AssignmentExpression' && n.operator === '+=') transforms.add('plus');
  }
  if (transforms.size) out.transform = [...transforms].sort().join('+');
  // the use: a name on the line (target or value), else the enclosing function's or method's name
  const c = constructOf(node);
  const lineNames = [c.target, c.value, ...nodes.filter((n) => n.type === 'Property').map((p) => p.key)]
    .map((n) => nameOf(unwrap(n)))
    .filter(Boolean);
  const { name: fnName } = enclosingNamedFunction(node);
  if (lineNames.some((n) => chain.purposeOf(n))) out.use = 'line-purpose-name';
  else if (fnName && chain.purposeOf(fnName)) out.use = 'function-purpose-name';
  else if (c.construct === 'return') out.use = 'return-unnamed';
  out['source-use'] = `${out.source} / ${out.use}`;
  if (chain.lintAlone) out.alone = chain.lintAlone(at.text, at.file, at.line);
  const consumed = randomConsumerShape({ ...at, parsed }, chain);
  out.consumer = consumed.consumer;
  if (consumed['caller-consumer']) out['caller-consumer'] = consumed['caller-consumer'];
  out['consumer-alone'] = `${out.consumer} / ${out.alone ?? 'not-linted'}`;
  return out;
}

/** What `randomChainShape` reads from the build: the catalogue's weak sources (last names) and the rule's names. */
export async function loadRandomChain() {
  const dist = (p) => import(pathToFileURL(join(ROOT, 'dist', 'src', p)).href);
  const { weakRandomSources } = await dist('catalogue/randomness.js');
  const { Purposes } = await dist('rule-kit/random-purposes.js');
  const weakNames = new Set();
  for (const s of weakRandomSources) for (const c of s.callees) weakNames.add(lastName(c));
  weakNames.delete(undefined);
  weakNames.delete('*');
  const purposes = new Purposes(() => undefined, 'shapes.ts');
  const rule = (await import(pathToFileURL(join(ROOT, 'dist', 'rules', 'no-weak-randomness.js')).href)).default;
  const parser = require('@typescript-eslint/parser');
  const { Linter } = require('eslint');
  const linter = new Linter({ configType: 'flat' });
  const near = (text, filename, line) =>
    linter
      .verify(
        text,
        [
          {
            files: ['**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}'],
            plugins: { k: { rules: { r: rule } } },
            languageOptions: { parser, sourceType: 'module', ecmaVersion: 'latest' },
            rules: { 'k/r': 'error' },
          },
        ],
        { filename },
      )
      .some((m) => m.ruleId === 'k/r' && Math.abs(m.line - line) <= 1);
  return {
    weakNames,
    purposeOf: (name) => purposes.namePurpose(name) !== undefined,
    /**
     * The rule on the file's text alone, without its project (no types, no other modules): at the file's own
     * relative path, else at a neutral path (`src/module.ts`), within ±1 line. Tells an in-file gap from a
     * project or path one.
     */
    lintAlone(text, file, line) {
      const ext = /\.[cm]?[jt]sx?$/.exec(file)?.[0] ?? '.ts';
      if (near(text, `zz-alone/${file}`, line)) return 'reported-alone';
      if (near(text, `zz-alone/src/module${ext}`, line)) return 'reported-alone-neutral-path';
      return 'quiet-alone';
    },
  };
}

// ---- weak randomness: where the weak value goes (its consumer) ------------------------------------------
// A closed, code-free vocabulary of consumers (session 41): what the value on or near the labelled line flows into,
// followed through transforms, bindings, object fields, returns to same-file callers and awaits, three steps deep.

/** Consumer classes in priority order: the first one a value reaches names the miss. */
export const RANDOM_CONSUMERS = Object.freeze([
  'key-material',
  'cookie-or-header',
  'response-body',
  'link-url',
  'message',
  'store-write',
  'compared',
  'credential-field',
  'returned-exported',
  'returned',
  'harmless-timer',
  'harmless-log',
  'harmless-ui',
  'harmless-pick',
  'other-field',
  'other-call',
  'no-consumer',
]);

/** Callee last names by consumer class (normalised: lower case, no `_`). Bench-local, measured before building. */
const CONSUMER_CALLEES = [
  [
    'key-material',
    /^(?:createcipheriv|createdecipheriv|createhmac|pbkdf2|pbkdf2sync|scrypt|scryptsync|hkdf|hkdfsync|encrypt|decrypt|sign|importkey|derivekey|derivebits|hash|hashsync|gensalt|getpublickey|fromseed|keypair|keyfromseed|generatekey|setiv|setkey|seed)$/i,
  ],
  ['cookie-or-header', /^(?:cookie|setcookie|setheader|header|append|writehead)$/],
  ['response-body', /^(?:json|send|end|write|reply|respond|ok|created|redirect)$/],
  [
    'message',
    /^(?:sendmail|sendemail|sendsms|sendmessage|sendtext|mail|notify|email|sms|sendverification|sendcode|sendotp|sendinvite|sendreset|sendlink|publish|push|render|compile)$/,
  ],
  [
    'store-write',
    /^(?:create|insert|insertone|insertmany|save|update|updateone|upsert|put|setex|hset|hmset|setitem|add|persist|store|set|putitem|execute|query|run|exec|createmany|findoneandupdate|updatemany|values)$/,
  ],
  ['compared', /^(?:timingsafeequal|safecompare|securecompare|compare|equals|verify|tsscmp)$/],
  ['harmless-timer', /^(?:settimeout|setinterval|sleep|delay|wait|backoff|retry|jitter)$/],
  ['harmless-log', /^(?:log|info|debug|warn|error|trace|fatal|print|printf)$/],
  ['harmless-ui', /^(?:createelement|setstate|usestate|fillstyle|rgb|hsl|setattribute|style)$/],
  ['harmless-pick', /^(?:sort|shuffle|splice|pick|sample|choice|at)$/],
];
const CREDENTIAL_FIELD =
  /(?:token|secret|key|code|otp|pin|pass|password|nonce|salt|iv|session|sid|slug|invite|reset|verif|confirm|magic|ticket|grant|auth|api|csrf|xsrf|hash|signature|credential|challenge|state)/i;
const HARMLESS_FIELD = /^(?:key|color|colour|style|delay|timeout|jitter|x|y|width|height|left|top|opacity|duration)$/i;

/**
 * The consumer of the weak value on a weak-randomness line: the first class of `RANDOM_CONSUMERS` that the value
 * reaches. `chain.weakNames` as for `randomChainShape`.
 * @param {{ text: string, file: string, line: number, parsed?: any }} at
 */
export function randomConsumerShape(at, chain) {
  if (!CODE_KINDS.has(fileKind(at.file))) return { consumer: 'config-line' };
  const parsed = at.parsed ?? parseCode(at.text, at.file);
  if (!parsed) return { consumer: 'unparsed' };
  const node = lineNode(parsed, at.line);
  if (!node) return { consumer: 'blank' };
  const nodes = subtree(parsed, node);
  // start at the weak source on the line, else at the line's value (or the node itself)
  let start = nodes.find((n) => weakSourceOf(n, chain.weakNames));
  if (!start) {
    const c = constructOf(node);
    start = c.value ?? (c.target ? undefined : node);
    if (c.construct === 'variable-declaration' || c.construct === 'assignment') start = c.value;
  }
  let found = new Set();
  const seen = new Set();
  let P = parsed; // the file being followed: the line's, or a caller's in another module
  const linkText = /(?:\?|&|=|:\/\/|^\/|\/$)/;
  const follow = (n, depth) => {
    if (!n || depth > 3 || seen.has(n)) return;
    seen.add(n);
    let cur = n;
    for (let guard = 0; guard < 30 && cur.parent; guard++) {
      const p = cur.parent;
      if (p.type === 'TemplateLiteral') {
        if (p.quasis.some((q) => linkText.test(q.value.cooked ?? ''))) found.add('link-url');
      } else if (p.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(p.operator)) {
        const other = p.left === cur ? p.right : p.left;
        if (other.type !== 'Literal') found.add('compared');
        return;
      } else if (p.type === 'VariableDeclarator' && p.init === cur) {
        if (p.id.type === 'Identifier') {
          if (CREDENTIAL_FIELD.test(p.id.name) && !HARMLESS_FIELD.test(p.id.name)) found.add('credential-field');
          followBinding(p.id, depth + 1);
        }
        return;
      } else if (p.type === 'AssignmentExpression' && p.right === cur) {
        if (p.left.type === 'Identifier') followBinding(p.left, depth + 1);
        else fieldName(nameOf(p.left));
        return;
      } else if (p.type === 'Property' && p.value === cur) {
        fieldName(nameOf(p.key));
        cur = p.parent; // the object: where does it go?
        continue;
      } else if (p.type === 'PropertyDefinition' && p.value === cur) {
        fieldName(nameOf(p.key));
        return;
      } else if (p.type === 'JSXExpressionContainer' || p.type === 'JSXAttribute' || p.type === 'JSXElement') {
        found.add('harmless-ui');
        return;
      } else if (p.type === 'MemberExpression' && p.computed && p.property === cur) {
        found.add('harmless-pick');
        return;
      } else if (p.type === 'ReturnStatement' || (p.type === 'ArrowFunctionExpression' && p.body === cur)) {
        returned(p, depth);
        return;
      } else if ((p.type === 'CallExpression' || p.type === 'NewExpression') && p.arguments.includes(cur)) {
        const name = (nameOf(unwrap(p.callee)) ?? '').toLowerCase().replace(/_/g, '');
        // `createHash('sha1').update(v)`: a digest stream's update transforms, a store's update writes
        const digestUpdate =
          name === 'update' &&
          p.callee.type === 'MemberExpression' &&
          unwrap(p.callee.object)?.type === 'CallExpression';
        const hit = digestUpdate ? undefined : CONSUMER_CALLEES.find(([, re]) => re.test(name));
        if (hit) {
          found.add(hit[0]);
          return;
        }
        if (
          [
            'floor',
            'round',
            'ceil',
            'trunc',
            'abs',
            'string',
            'number',
            'from',
            'btoa',
            'encodeuricomponent',
            'parseint',
            'tostring',
            'padstart',
            'sha256',
            'sha1',
            'md5',
            'createhash',
            'update',
            'digest',
            'utf8tobytes',
            'bytestohex',
            'buffer',
            'concat',
            'join',
          ].includes(name)
        ) {
          cur = p;
          continue;
        }
        found.add('other-call');
        return;
      } else if (p.type === 'ExpressionStatement' || p.type === 'BlockStatement' || p.type === 'Program') {
        return;
      }
      cur = p;
    }
  };
  const fieldName = (name) => {
    if (!name) return;
    if (HARMLESS_FIELD.test(name)) found.add(/^key$/i.test(name) ? 'harmless-ui' : 'harmless-timer');
    else found.add(CREDENTIAL_FIELD.test(name) ? 'credential-field' : 'other-field');
  };
  const followBinding = (id, depth) => {
    const v = P.refs.get(id)?.resolved ?? findVariable(P, id);
    for (const r of v?.references ?? []) if (r.identifier !== id && !r.writeExpr) follow(r.identifier, depth);
  };
  const returned = (p, depth) => {
    const { fn, name: fnName } = enclosingNamedFunction(p);
    const callers = fnName
      ? P.nodes.filter(
          (c) => (c.type === 'CallExpression' || c.type === 'NewExpression') && nameOf(unwrap(c.callee)) === fnName,
        )
      : [];
    for (const c of callers) follow(c, depth + 1);
    const exported = fn && isExportedFunction(fn);
    found.add(exported ? 'returned-exported' : 'returned');
    if (exported && fnName && P === parsed) exportedNames.add(fnName);
  };
  const exportedNames = new Set();
  if (start) follow(start, 0);
  const consumer = RANDOM_CONSUMERS.find((k) => found.has(k)) ?? 'no-consumer';
  if (consumer !== 'returned-exported' || !at.others) return { consumer };
  // A value returned by an exported helper: what the modules that call it do with it (their calls by name).
  found = new Set();
  let callers = 0;
  for (const other of at.others()) {
    if (!other.parsed) continue;
    P = other.parsed;
    for (const c of P.nodes)
      if ((c.type === 'CallExpression' || c.type === 'NewExpression') && exportedNames.has(nameOf(unwrap(c.callee)))) {
        callers++;
        follow(c, 1);
      }
  }
  found.delete('returned');
  const viaCaller = callers
    ? `caller:${RANDOM_CONSUMERS.find((k) => found.has(k)) ?? 'no-consumer'}`
    : 'caller:none-found';
  return { consumer, 'caller-consumer': viaCaller };
}

/** The function around a node and the name it goes by: its own, its variable's, or its method's or property's key. */
function enclosingNamedFunction(node) {
  let fn = node;
  while (fn && !FUNCTION_TYPES.has(fn.type)) fn = fn.parent;
  const name =
    fn &&
    (fn.id?.name ??
      (fn.parent?.type === 'VariableDeclarator' ? nameOf(fn.parent.id) : undefined) ??
      (['MethodDefinition', 'Property', 'PropertyDefinition'].includes(fn.parent?.type)
        ? nameOf(fn.parent.key)
        : undefined));
  return { fn, name };
}

/** The variable an identifier declares (a declaration's id has no reference of its own). */
function findVariable(parsed, id) {
  for (const r of parsed.refs.values()) if (r.resolved?.identifiers?.includes(id)) return r.resolved;
  return undefined;
}

// ---- missing rotation: what kind of key or secret a missed label is about ----------------------------
// Read from the labelled line and the two lines either side (a call or resource spans lines), code-free: only the
// class name is printed. Kept apart from `lineShape` for the same reason as the random chain.

/** The dimensions of a missing-rotation shape, in print order. */
export const ROTATION_DIMENSIONS = Object.freeze(['rotation', 'rotation-file']);

/** Classes in the order they are tried; the first whose pattern the window matches names the label. */
const ROTATION_CLASSES = [
  ['jwe-no-kid', /\b(?:EncryptJWT|CompactEncrypt|FlattenedEncrypt|GeneralEncrypt)\b|\bjwe\b/i],
  [
    'token-signing-no-kid',
    /\b(?:SignJWT|CompactSign|FlattenedSign|GeneralSign)\b|\bjwt\b|\bjws\b|\bjsonwebtoken\b|\bsign(?:Token|Jwt|Async)?\s*\(|\bsetProtectedHeader\b|JwtModule|signOptions/i,
  ],
  ['access-key', /AccessKey|ServiceAccountKey|serviceaccount\.Key|google_service_account_key|aws_iam_access_key/],
  [
    'kms-or-iac-key',
    /\bkms\b|KmsKey|CryptoKey|aws_kms_key|AWS::KMS|key_?vault_?key|KeyVaultKey|transit|enableKeyRotation|rotation_?period|CreateKeyCommand|key_rotation/i,
  ],
  [
    'secret-no-schedule',
    /secretsmanager|SecretsManager|\bCfnSecret\b|new\s+(?:\w+\.)*Secret\s*\(|kind:\s*Secret|AWS::SecretsManager|aws_secretsmanager|RotationSchedule/,
  ],
  ['certificate', /certificat|\bx509\b|validity|notAfter|selfsigned|\bdays\s*[:=]/i],
  [
    'data-key-made-once',
    /GenerateDataKey|data_?key|generateKey(?:Pair)?(?:Sync)?\s*\(|randomBytes\s*\(|getRandomValues/i,
  ],
  ['keyring-or-period', /keyring|key_?ring|cryptoperiod|rotat/i],
  [
    'no-expiry',
    /expir\w*["'`]?\s*[:=,]\s*(?:null|undefined|false|0|Infinity)\b|\bnever_?expires?\b|\bno_?expir|expires_at\)|\bnull\)/i,
  ],
  ['session-or-cookie-secret', /session|cookie|\bkeys\s*[:=]\s*\[|keygrip|iron/i],
  ['long-lifetime', /expiresIn|expires_?in|\bttl\b|maxAge|lifetime|\d+\s*\*\s*365|\b\d+y\b|years?/i],
  ['hmac-or-webhook-secret', /hmac|webhook|signature/i],
  ['key-version-or-id', /\bversion\b|\bkid\b|key_?id|key_?version/i],
  ['api-key-or-token-issued', /api_?key|access_?token|personal_?token|client_?secret|\btoken\b/i],
  ['encrypt-with-one-key', /createCipheriv|createDecipheriv|\bencrypt\w*\s*\(|subtle\.(?:en|de)crypt|importKey/i],
  ['key-loaded-once', /readFileSync|readFile\s*\(|process\.env|getenv|config\.\w+/i],
];

/** The rotation class of a missed label: `{ rotation, 'rotation-file' }`. */
export function rotationShape(at) {
  const lines = at.text.split('\n');
  const window = lines.slice(Math.max(0, at.line - 3), at.line + 2).join('\n');
  const hit = ROTATION_CLASSES.find(([, re]) => re.test(window));
  const kind = fileKind(at.file);
  return {
    rotation: hit ? hit[0] : 'other',
    'rotation-file': CODE_KINDS.has(kind) ? 'code' : kind,
  };
}
