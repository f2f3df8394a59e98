/**
 * Matches calls against the catalogue's crypto API sinks (src/catalogue/sinks.ts).
 * A call is reduced to a canonical path relative to the module it comes from:
 * `crypto.createSign('x').update(d).sign(k)` → module `crypto`, path `createSign().sign`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keySinks } from '../catalogue/sinks.js';
import { libraryPorts } from '../catalogue/algorithm-libraries.js';
import type { KeySink, SinkArgument } from '../catalogue/types.js';
import type { ImportBinding, ImportMap } from './imports.js';
import { requireTarget } from './imports.js';
import { constInitOf, propertyName, staticString, unwrap } from './ast.js';
import type { Scope } from './ast.js';

export interface CalleePath {
  /** The local root identifier name, when there is one. */
  readonly root?: string;
  /** The module the root comes from, when it is imported or required. */
  readonly binding?: ImportBinding;
  /** Canonical path: `new SignJWT().sign`, `createSign().sign`, `subtle.importKey`, `default`. */
  readonly path: string;
  /** The same path with the root kept, for global and receiver matches. */
  readonly fullPath: string;
}

type Part = string; // a name, '()' for a call, or 'new' as the first part

/** `promisify` or `util.promisify` (by name: it is the only common way to make the promise form of a callback API). */
function isPromisify(callee: TSESTree.Node): boolean {
  const c = unwrap(callee);
  return (
    (c.type === T.Identifier && c.name === 'promisify') ||
    (c.type === T.MemberExpression && propertyName(c) === 'promisify')
  );
}

/** Where a callee path starts: its local root name, or the module a `require` names. */
interface Head {
  readonly root?: string;
  readonly binding?: ImportBinding;
}

/**
 * Appends the parts of `node`'s path to `out`, left to right, and returns where the path starts; undefined when
 * the node has no path (`out` then holds a partial path, which the caller drops). One array for the whole
 * chain: a method chain of n links costs n pushes, not n copies.
 */
/** `cond ? make() : undefined` (or `null`, either way round): the branch that makes something, else undefined. */
function madeOrNothing(c: TSESTree.ConditionalExpression): TSESTree.Node | undefined {
  const nothing = (e: TSESTree.Node): boolean => {
    const u = unwrap(e);
    return (u.type === T.Identifier && u.name === 'undefined') || (u.type === T.Literal && u.value === null);
  };
  if (nothing(c.alternate)) return unwrap(c.consequent);
  return nothing(c.consequent) ? unwrap(c.alternate) : undefined;
}

function partsInto(node: TSESTree.Node, scope: Scope | undefined, depth: number, out: Part[]): Head | undefined {
  const n = unwrap(node);
  const req = requireTarget(n);
  if (req) {
    if (req.imported !== '*') out.push(req.imported);
    return { binding: { module: req.module, imported: '*' } };
  }
  switch (n.type) {
    case T.Identifier: {
      if (depth < 3 && scope) {
        const init = constInitOf(n, scope);
        // `const scryptAsync = promisify(scrypt)`: the promisified function is the same API, same arguments.
        const p = init && unwrap(init);
        const mark = out.length;
        if (
          p?.type === T.CallExpression &&
          p.arguments.length === 1 &&
          p.arguments[0]!.type !== T.SpreadElement &&
          isPromisify(p.callee)
        ) {
          const inner = partsInto(p.arguments[0]!, scope, depth + 1, out);
          if (inner) return inner;
          out.length = mark;
        }
        // `const analytics = key ? new Analytics({ writeKey: key }) : undefined`: the client when there is one.
        const made = p?.type === T.ConditionalExpression ? madeOrNothing(p) : init && unwrap(init);
        if (made && (made.type === T.CallExpression || made.type === T.NewExpression) && !requireTarget(made)) {
          const inner = partsInto(made, scope, depth + 1, out);
          if (inner) return inner;
          out.length = mark;
        }
      }
      out.push(n.name);
      return { root: n.name };
    }
    case T.ThisExpression:
      out.push('this');
      return THIS_HEAD;
    case T.MemberExpression: {
      const name = propertyName(n);
      if (name === undefined) return undefined;
      const inner = partsInto(n.object, scope, depth, out);
      if (inner) out.push(name);
      return inner;
    }
    case T.CallExpression: {
      const inner = partsInto(n.callee, scope, depth, out);
      if (inner) out.push('()');
      return inner;
    }
    case T.NewExpression: {
      const mark = out.length;
      const inner = partsInto(n.callee, scope, depth, out);
      if (inner) {
        out.splice(mark, 0, 'new');
        out.push('()');
      }
      return inner;
    }
    default:
      return undefined;
  }
}
const THIS_HEAD: Head = Object.freeze({ root: 'this' });

/** Keeps the constructing call and the final method, in place: `a.b().c().d` → `a.b().d` (builder chains). */
function collapse(parts: Part[]): void {
  const first = parts.indexOf('()');
  if (first < 0 || first === parts.length - 1) return;
  const last = parts[parts.length - 1]!;
  parts.length = first + 1;
  if (last !== '()') parts.push(last);
}

/** `out` with one more part: `new ` before a constructor, `()` after a call, `.name` after anything but `new `. */
function step(out: string, p: Part): string {
  if (p === 'new') return `${out}new `;
  if (p === '()') return `${out}()`;
  return out === '' || out.endsWith('new ') ? out + p : `${out}.${p}`;
}

/** `prefix` (names) then `parts` from index `from`, as a path. */
function render(parts: readonly Part[], from: number, prefix?: readonly Part[]): string {
  let out = '';
  if (prefix) for (const p of prefix) out = step(out, p);
  for (let i = from; i < parts.length; i++) out = step(out, parts[i]!);
  return out;
}

interface CachedPath {
  readonly imports: ImportMap;
  readonly scope: Scope | undefined;
  readonly cp: CalleePath | undefined;
}
/**
 * Per-node cache: every rule asks for the callee path of the same calls, and the answer depends only on the
 * node, the file's import map (one object per file, see `collectImports`) and the scope passed.
 */
const pathCache = new WeakMap<TSESTree.Node, CachedPath>();

/** The canonical path of a call or `new` expression's callee. Computed once per node, import map and scope. */
export function calleePathOf(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  imports: ImportMap,
  scope?: Scope,
): CalleePath | undefined {
  const hit = pathCache.get(node);
  if (hit && hit.imports === imports && hit.scope === scope) return hit.cp;
  const cp = computeCalleePath(node, imports, scope);
  pathCache.set(node, { imports, scope, cp });
  return cp;
}

function computeCalleePath(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  imports: ImportMap,
  scope?: Scope,
): CalleePath | undefined {
  // One array, collapsed in place; a leading `new` is skipped by index, not sliced off.
  const parts: Part[] = [];
  const got = partsInto(node.callee, scope, 0, parts);
  if (!got) return undefined;
  collapse(parts);
  const lead = parts[0] === 'new' ? 1 : 0;
  const isNew = node.type === T.NewExpression || lead === 1;
  const rendered = render(parts, lead);
  const fullPath = isNew ? `new ${rendered}` : rendered;
  let binding = got.binding;
  let path = rendered;
  if (!binding && got.root !== undefined) {
    const b = imports.get(got.root);
    if (b) {
      binding = b;
      path =
        b.imported === '*' || b.imported === 'default'
          ? render(parts, lead + 1)
          : render(parts, lead + 1, b.imported.split('.'));
    }
  }
  if (path === '' || path.startsWith('()')) path = `default${path}`;
  if (isNew) path = `new ${path}`;
  const root = got.root;
  // Built without spreads, with the same keys as before: `root` and `binding` only when known.
  if (root !== undefined) return binding ? { root, binding, path, fullPath } : { root, path, fullPath };
  return binding ? { binding, path, fullPath } : { path, fullPath };
}

const globToRe = (glob: string): RegExp =>
  new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[A-Za-z0-9_@/.-]*')}$`);
const reCache = new Map<string, RegExp>();
const globRe = (g: string): RegExp => {
  let r = reCache.get(g);
  if (!r) reCache.set(g, (r = globToRe(g)));
  return r;
};

/** Memo tables keyed by `calleePathKey`; cleared when they grow past this many entries (distinct paths). */
export const MEMO_LIMIT = 20_000;

/** A CDN that serves npm packages by URL (`https://esm.sh/jose@5`), or Deno's third-party registry. */
const PACKAGE_URL =
  /^https?:\/\/(?:deno\.land\/x\/|esm\.sh\/|cdn\.skypack\.dev\/|cdn\.jsdelivr\.net\/npm\/|unpkg\.com\/)(.+)$/;

/**
 * The package a module specifier names: `node:crypto` → `crypto`; Deno and CDN forms name the same package
 * (`npm:jose@5` → `jose`, `jsr:@std/encoding/base64` → `@std/encoding/base64`,
 * `https://deno.land/x/jose@v4.14.4/index.ts` → `jose`), version and entry file dropped.
 */
/** Normalised module names by specifier: a file imports few modules, and every matcher asks about each call's. */
const normalisedModules = new Map<string, string>();
const normaliseModule = (m: string): string => {
  let n = normalisedModules.get(m);
  if (n === undefined) {
    if (normalisedModules.size >= MEMO_LIMIT) normalisedModules.clear();
    normalisedModules.set(m, (n = normaliseUncached(m)));
  }
  return n;
};
/** A port of another package (catalogue `libraryPorts`: crypto-es for crypto-js) is read as that package. */
const portOf = (m: string): string => libraryPorts.ports.find((p) => p.module.test(m))?.as ?? m;
const normaliseUncached = (m: string): string => portOf(normaliseSpecifier(m));
const normaliseSpecifier = (m: string): string => {
  if (m.startsWith('node:')) return m.slice(5);
  if (!/^(?:npm:|jsr:|https?:)/.test(m)) return m;
  const url = PACKAGE_URL.exec(m);
  if (/^https?:/.test(m) && !url) return m;
  const spec = url ? url[1]! : m.replace(/^(?:npm|jsr):/, '');
  const parts = /^((?:@[^/@]+\/)?[^/@]+)(?:@[^/]*)?(\/.*)?$/.exec(spec);
  if (!parts) return m;
  const sub = (parts[2] ?? '').replace(/\/(?:index|mod)\.[cm]?[jt]s$/, '').replace(/\.[cm]?[jt]s$/, '');
  return parts[1]! + sub;
};

type SinkShape = Pick<KeySink, 'modules' | 'callee' | 'global' | 'receivers'>;
interface CompiledShape {
  /** The callee glob as a regex, or the callee itself when it has no `*` (compared as a string). */
  readonly calleeRe: RegExp | undefined;
  readonly callee: string;
  readonly dotCallee: string;
  /** Module names without `*` (normalised: no `node:`), and the glob ones as regexes. */
  readonly exactModules: ReadonlySet<string>;
  readonly moduleRes: readonly RegExp[];
  readonly global: boolean;
  readonly receivers: readonly string[] | undefined;
}
/** Each sink's matcher, built once per sink object (catalogue entries live for the whole process). */
const compiledShapes = new WeakMap<SinkShape, CompiledShape>();
function compiledOf(sink: SinkShape): CompiledShape {
  let c = compiledShapes.get(sink);
  if (!c) {
    const mods = sink.modules.map(normaliseModule);
    c = {
      calleeRe: sink.callee.includes('*') ? globRe(sink.callee) : undefined,
      callee: sink.callee,
      dotCallee: `.${sink.callee}`,
      exactModules: new Set(mods.filter((m) => !m.includes('*'))),
      moduleRes: mods.filter((m) => m.includes('*')).map(globRe),
      global: sink.global === true,
      receivers: sink.receivers,
    };
    compiledShapes.set(sink, c);
  }
  return c;
}

const calleeTest = (c: CompiledShape, path: string): boolean =>
  c.calleeRe ? c.calleeRe.test(path) : c.callee === path;

/**
 * A string that identifies everything `sinkMatches` reads from a callee path, so a match result can be
 * shared by every call with the same path (`crypto.createHash`, ...), in every file.
 */
const keys = new WeakMap<CalleePath, string>();
export function calleePathKey(cp: CalleePath): string {
  let k = keys.get(cp);
  if (k === undefined)
    keys.set(
      cp,
      (k =
        `${cp.binding ? `m:${cp.binding.module}` : '-'}\u0000${cp.path}\u0000` +
        `${cp.fullPath}\u0000${cp.root ?? '\u0001'}`),
    );
  return k;
}

/** A call description as the catalogue writes it: a sink (`callee`) or a call pattern (`callees`). */
interface CallShape {
  readonly modules: readonly string[];
  readonly callee?: string;
  readonly callees?: readonly string[];
  readonly global?: boolean;
  readonly receivers?: readonly string[];
}

/**
 * An exact prefilter for a list of call shapes: false only when no shape in the list can describe the call with
 * path `cp`, whatever its callee globs say. A shape describes a call in one of three ways (`compiledMatches`,
 * `shapeMatcher`): (a) the call comes from one of its modules; (b) it is global and the call's full path is one of
 * its callees or ends in `.<callee>`; (c) the call is not imported and its root is one of its receivers. Most calls
 * are none of these (`this.repo.save()`, `items.map(…)`, a helper from `./utils`), and are answered here without a
 * memo key or a memo entry.
 */
export function reachOf(shapes: readonly CallShape[]): (cp: CalleePath) => boolean {
  const modules = new Set<string>();
  const moduleRes: RegExp[] = [];
  /** The global callees by their last segment (the text after their last dot): see `globalHit`. */
  const globalByLast = new Map<string, string[]>();
  const receivers = new Set<string>();
  for (const shape of shapes) {
    for (const m of shape.modules.map(normaliseModule)) {
      if (m.includes('*')) moduleRes.push(globRe(m));
      else modules.add(m);
    }
    if (shape.global)
      for (const c of shape.callees ?? [shape.callee ?? '']) {
        const last = lastSegment(c);
        const list = globalByLast.get(last);
        if (!list) globalByLast.set(last, [c]);
        else if (!list.includes(c)) list.push(c);
      }
    for (const r of shape.receivers ?? []) receivers.add(r);
  }
  /**
   * `fullPath` is a global callee, or ends in `.<callee>`. Either way the two share their last segment, so only
   * the callees with the path's last segment are compared, and no substring is built per dot.
   */
  const globalHit = (cp: CalleePath): boolean => {
    const list = globalByLast.get(lastSegmentOf(cp));
    if (!list) return false;
    const full = cp.fullPath;
    for (const c of list) {
      if (full === c) return true;
      const at = full.length - c.length - 1;
      if (at >= 0 && full.charCodeAt(at) === 46 && full.endsWith(c)) return true;
    }
    return false;
  };
  return (cp) => {
    if (cp.binding) {
      const mod = normaliseModule(cp.binding.module);
      if (modules.has(mod) || (moduleRes.length > 0 && moduleRes.some((re) => re.test(mod)))) return true;
    } else if (cp.root !== undefined && receivers.has(cp.root)) return true;
    return globalByLast.size > 0 && globalHit(cp);
  };
}

/** The text after the last dot (all of it when there is none). */
const lastSegment = (path: string): string => {
  const i = path.lastIndexOf('.');
  return i < 0 ? path : path.slice(i + 1);
};
/** `lastSegment` of a call's full path, kept for the last path asked (the matchers ask about one call in turn). */
let segmentFor: CalleePath | undefined;
let segment = '';
const lastSegmentOf = (cp: CalleePath): string => {
  if (cp !== segmentFor) {
    segment = lastSegment(cp.fullPath);
    segmentFor = cp;
  }
  return segment;
};

/** Whether the compiled sink describes the call with canonical path `cp`. Cheap rejects first: most calls are local. */
function compiledMatches(c: CompiledShape, cp: CalleePath): boolean {
  if (cp.binding) {
    const mod = normaliseModule(cp.binding.module);
    if (c.exactModules.has(mod) || (c.moduleRes.length > 0 && c.moduleRes.some((re) => re.test(mod)))) {
      // `import { sign } from 'jsonwebtoken'` and `jwt.sign` both give `sign`; a CommonJS default is the module.
      if (calleeTest(c, cp.path) || calleeTest(c, cp.path.replace(/^(new )?default\./, '$1'))) return true;
    }
  }
  if (c.global && (cp.fullPath === c.callee || cp.fullPath.endsWith(c.dotCallee))) return true;
  if (!cp.binding && cp.root !== undefined && c.receivers?.includes(cp.root)) {
    const isNew = cp.fullPath.startsWith('new ');
    const rest = cp.fullPath.replace(/^new /, '').slice(cp.root.length).replace(/^\./, '');
    const rel = (isNew ? 'new ' : '') + (rest === '' || rest.startsWith('()') ? `default${rest}` : rest);
    if (calleeTest(c, rel)) return true;
  }
  return false;
}

/** Distinct callee paths one matcher remembers before it starts over. */
const MATCH_MEMO_LIMIT = 20_000;

/**
 * One matcher for several callee globs that share `modules`, `global` and `receivers` (a catalogue call
 * pattern): the same answer as `callees.some((callee) => sinkMatches({ ...shape, callee }, cp))`, with the
 * module test done once and exact callees looked up in a set.
 */
export function shapeMatcher(
  shape: Omit<SinkShape, 'callee'>,
  callees: readonly string[],
): (cp: CalleePath) => boolean {
  const mods = shape.modules.map(normaliseModule);
  const exactModules = new Set(mods.filter((m) => !m.includes('*')));
  const moduleRes = mods.filter((m) => m.includes('*')).map(globRe);
  const exactCallees = new Set(callees.filter((c) => !c.includes('*')));
  const calleeRes = callees.filter((c) => c.includes('*')).map(globRe);
  const dotCallees = callees.map((c) => `.${c}`);
  const global = shape.global === true;
  const receivers = shape.receivers;
  const test = (path: string): boolean =>
    exactCallees.has(path) || (calleeRes.length > 0 && calleeRes.some((re) => re.test(path)));
  // The answer depends only on what `calleePathKey` records, so calls written alike share it, in every file
  // (matchers live as long as the catalogue); bounded so that a huge tree cannot grow it without end.
  const memo = new Map<string, boolean>();
  const reach = reachOf([{ ...shape, callees }]);
  return (cp) => {
    if (!reach(cp)) return false;
    const key = calleePathKey(cp);
    let hit = memo.get(key);
    if (hit === undefined) {
      if (memo.size >= MATCH_MEMO_LIMIT) memo.clear();
      memo.set(key, (hit = matches(cp)));
    }
    return hit;
  };
  function matches(cp: CalleePath): boolean {
    if (cp.binding) {
      const mod = normaliseModule(cp.binding.module);
      if (
        (exactModules.has(mod) || (moduleRes.length > 0 && moduleRes.some((re) => re.test(mod)))) &&
        (test(cp.path) || test(cp.path.replace(/^(new )?default\./, '$1')))
      )
        return true;
    }
    if (global) {
      if (exactCallees.has(cp.fullPath) || callees.includes(cp.fullPath)) return true;
      for (const d of dotCallees) if (cp.fullPath.endsWith(d)) return true;
    }
    if (!cp.binding && cp.root !== undefined && receivers?.includes(cp.root)) {
      const isNew = cp.fullPath.startsWith('new ');
      const rest = cp.fullPath.replace(/^new /, '').slice(cp.root.length).replace(/^\./, '');
      if (test((isNew ? 'new ' : '') + (rest === '' || rest.startsWith('()') ? `default${rest}` : rest))) return true;
    }
    return false;
  }
}

/**
 * Whether `sink` (a key sink, or any call description with the same fields) describes the call with canonical path
 * `cp`.
 */
export function sinkMatches(sink: SinkShape, cp: CalleePath): boolean {
  return compiledMatches(compiledOf(sink), cp);
}

const keySinksOf = shapesMatching(keySinks);
/**
 * The catalogue key sinks whose module and callee describe `cp` (before their `when` conditions), in catalogue
 * order.
 */
export function keySinksMatching(cp: CalleePath): readonly KeySink[] {
  return keySinksOf(cp);
}

/**
 * A matcher for a list of catalogue entries shaped like sinks (algorithm sites, KDF and hash sites): the entries
 * whose module and callee describe `cp`, in list order. The same answer as `list.filter((s) => sinkMatches(s, cp))`;
 * a call that no entry can describe is turned away by `reachOf`, and the answer for each distinct callee path is
 * remembered (bounded, as in `keySinksMatching`), so a call is not tested against every entry of the list.
 */
export function shapesMatching<S extends SinkShape>(list: readonly S[]): (cp: CalleePath) => readonly S[] {
  const reach = reachOf(list);
  const memo = new Map<string, readonly S[]>();
  const none: readonly S[] = Object.freeze([]);
  return (cp) => {
    if (!reach(cp)) return none;
    const k = calleePathKey(cp);
    let got = memo.get(k);
    if (!got) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      const all = list.filter((s) => sinkMatches(s, cp));
      got = all.length > 0 ? all : none;
      memo.set(k, got);
    }
    return got;
  };
}

const reachByList = new WeakMap<readonly SinkShape[], (cp: CalleePath) => boolean>();
/** `list.some((s) => sinkMatches(s, cp))`, with `reachOf`'s prefilter built once per list. */
export function anyShapeMatches(list: readonly SinkShape[], cp: CalleePath): boolean {
  let reach = reachByList.get(list);
  if (!reach) reachByList.set(list, (reach = reachOf(list)));
  return reach(cp) && list.some((s) => sinkMatches(s, cp));
}

export interface SinkHit {
  readonly sink: KeySink;
  readonly arg: SinkArgument;
  /** The expression passed for that argument (after following an options-object property path). */
  readonly node: TSESTree.Node;
}

/** Follows `credentials.secretAccessKey` through object literals (and consts that hold them). */
function followProperty(
  node: TSESTree.Node,
  path: readonly string[],
  scope: Scope | undefined,
): TSESTree.Node | undefined {
  let cur: TSESTree.Node | undefined = node;
  for (const key of path) {
    cur = cur && unwrap(cur);
    if (cur?.type === T.Identifier && scope) cur = constInitOf(cur, scope) ?? cur;
    if (cur?.type !== T.ObjectExpression) return undefined;
    let found: TSESTree.Node | undefined;
    for (const p of cur.properties) {
      if (p.type === T.Property && propertyName(p) === key) found = p.value;
      if (p.type === T.Property && p.shorthand && propertyName(p) === key) found = p.value;
    }
    cur = found;
  }
  return cur;
}

/**
 * Every catalogue sink that `node` calls, with the argument expressions for each role.
 * @param roles only arguments with these roles are returned.
 */
export function matchSinks(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  imports: ImportMap,
  scope: Scope | undefined,
  roles?: ReadonlySet<string>,
  /** The call's canonical path, when the caller has it already (it is the costly part). */
  known?: CalleePath,
): SinkHit[] {
  const cp = known ?? calleePathOf(node, imports, scope);
  if (!cp) return [];
  const hits: SinkHit[] = [];
  for (const sink of keySinksMatching(cp)) {
    if (sink.when) {
      const v = staticString(node.arguments[sink.when.index]);
      if (v !== undefined && sink.when.noneOf?.includes(v)) continue;
      if (sink.when.oneOf && (v === undefined || !sink.when.oneOf.includes(v))) continue;
    }
    for (const arg of sink.args) {
      if (roles && !roles.has(arg.role)) continue;
      const a = node.arguments[arg.index];
      if (!a || a.type === T.SpreadElement) continue;
      const target = arg.property ? followProperty(a, arg.property.split('.'), scope) : a;
      if (target) hits.push({ sink, arg, node: target });
    }
  }
  return hits;
}
