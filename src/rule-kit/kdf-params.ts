/**
 * Reads one password KDF call's work factors and digest (catalogue `KdfSite` locations), through the
 * file's flow engine: literals, constants, config objects, class fields, parameter and destructuring
 * defaults, env fallbacks (rule-kit/numbers.ts). A parameter the call leaves out takes the library default
 * when the catalogue knows it; one that cannot be read is not judged.
 */
import { TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { normaliseDigest, type KdfParams, type KdfShortfall, type KdfSite, type ParamLoc } from '../catalogue/kdf.js';
import { derefConst, findVariable, propertyName, staticNumber, staticString, unwrap } from './ast.js';
import type { FileFlow } from './flow/engine.js';
import type { ModuleValue } from './module-values.js';
import { objectThrough, staticStringThrough, weakestNumber, type NumberAt } from './numbers.js';

type KdfCall = TSESTree.CallExpression | TSESTree.NewExpression;

/** What a parameter location holds: a node, nothing (the library default applies), or something unreadable. */
export type Located =
  | {
      readonly state: 'value';
      readonly node: TSESTree.Node;
      /** Other values the option can have: options chosen among several consts (`...(fast ? FAST : NORMAL)`). */
      readonly alternatives?: readonly TSESTree.Node[];
    }
  | { readonly state: 'missing' }
  | { readonly state: 'unknown' };

/** The argument or options-object property at `loc`. */
export function locateParam(call: KdfCall, loc: ParamLoc | undefined, flow: FileFlow): Located {
  if (!loc) return { state: 'unknown' };
  const from = loc.ofReceiver ? receiverCall(call) : call;
  if (!from) return { state: 'unknown' };
  const arg = from.arguments[loc.index];
  if (!arg) return { state: 'missing' };
  if (arg.type === T.SpreadElement) return { state: 'unknown' };
  if (!loc.property) return { state: 'value', node: arg };
  const obj = objectThrough(arg, flow);
  if (!obj) return { state: 'unknown' };
  return propertyIn(obj, loc.property, flow, 0);
}

/** The call that made a method call's receiver: `X.create(cfg)` for `X.create(cfg).compute(pw, salt)`. */
function receiverCall(call: KdfCall): KdfCall | undefined {
  const c = unwrap(call.callee);
  const r = c.type === T.MemberExpression ? unwrap(c.object) : undefined;
  return r?.type === T.CallExpression || r?.type === T.NewExpression ? r : undefined;
}

/** Whether option `property` of argument `index` is written `true` (`legacy: true`), as a site's `whenFlag` asks. */
function flagSet(call: KdfCall, flag: NonNullable<KdfSite['whenFlag']>, flow: FileFlow): boolean {
  const l = locateParam(call, { index: flag.index, property: [flag.property] }, flow);
  if (l.state !== 'value') return false;
  const v = unwrap(derefConst(l.node, flow.getScope) ?? l.node);
  return v.type === T.Literal && v.value === true;
}

/** One of `keys` in an object, also inside consts it spreads (`{ ...PBKDF2_PARAMS, salt }`). */
function propertyIn(obj: TSESTree.ObjectExpression, keys: readonly string[], flow: FileFlow, depth: number): Located {
  for (const key of keys) {
    for (const p of obj.properties)
      if (p.type === T.Property && propertyName(p) === key) return { state: 'value', node: p.value };
  }
  let unknown = false;
  for (const p of obj.properties) {
    if (p.type !== T.SpreadElement) continue;
    const inner = depth < 2 ? objectsThrough(p.argument, flow) : [];
    const found = inner.filter((o) => o !== obj).map((o) => propertyIn(o, keys, flow, depth + 1));
    const values = found.flatMap((f) => (f.state === 'value' ? [f.node, ...(f.alternatives ?? [])] : []));
    if (values.length > 0) return { state: 'value', node: values[0]!, alternatives: values.slice(1) };
    if (found.length === 0 || found.some((f) => f.state !== 'missing')) unknown = true;
  }
  return unknown ? { state: 'unknown' } : { state: 'missing' };
}

/**
 * The object literals a spread can hold: one const, or each branch of a choice between consts (`const params =
 * mode === 'fast' ? FAST : NORMAL`); none when any origin is not an object literal.
 */
function objectsThrough(expr: TSESTree.Node, flow: FileFlow): TSESTree.ObjectExpression[] {
  const one = objectThrough(expr, flow);
  if (one) return [one];
  const objs = flow.origins(unwrap(expr));
  const all = objs.every((o) => o.kind === 'object' && o.node.type === T.ObjectExpression);
  return all && objs.length > 1 ? objs.map((o) => o.node as TSESTree.ObjectExpression) : [];
}

/** The `name` of an algorithm argument: `'PBKDF2'` or `{ name: 'PBKDF2', … }`. */
export function algorithmName(a: TSESTree.Node | undefined, flow: FileFlow): string | undefined {
  if (!a || a.type === T.SpreadElement) return undefined;
  const direct = staticString(derefConst(a, flow.getScope));
  if (direct !== undefined) return direct;
  const o = objectThrough(a, flow);
  const p = o ? propertyIn(o, ['name'], flow, 0) : undefined;
  return p?.state === 'value' ? staticString(derefConst(p.node, flow.getScope)) : undefined;
}

export interface ReadKdf {
  readonly params: KdfParams;
  /** Where each judged parameter is written (absent: the library default applied). */
  readonly nodes: Partial<Record<KdfShortfall['param'], TSESTree.Node>>;
  /** Parameters read from a setting of another module (`nodes` then holds the reference here). */
  readonly held: ReadonlySet<KdfShortfall['param']>;
}

/** The default value of the parameter an identifier names (`rounds` in `function f(rounds = DEFAULTS.rounds)`). */
function paramDefault(x: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Node | undefined {
  const id = unwrap(x);
  if (id.type !== T.Identifier) return undefined;
  const def = findVariable(sourceCode.getScope(id), id)?.defs[0];
  const p = def?.type === TSESLint.Scope.DefinitionType.Parameter ? def.name.parent : undefined;
  return p?.type === T.AssignmentPattern && p.left === def?.name ? p.right : undefined;
}

/**
 * The work factors of a KDF call, or undefined when the call is not this KDF (WebCrypto's `name`).
 * `heldValue` reads a setting exported by another module (module-values.ts) when the file cannot.
 */
export function readKdfParams(
  site: KdfSite,
  call: KdfCall,
  flow: FileFlow,
  sourceCode: Readonly<TSESLint.SourceCode>,
  heldValue?: (n: TSESTree.Node) => ModuleValue | undefined,
): ReadKdf | undefined {
  if (site.whenName) {
    const name = algorithmName(call.arguments[site.whenName.index], flow);
    if (name === undefined || !site.whenName.oneOf.includes(name.toUpperCase())) return undefined;
  }
  if (site.whenFlag && flagSet(call, site.whenFlag, flow) !== (site.whenFlag.is === 'set')) return undefined;
  const params: { -readonly [K in keyof KdfParams]: KdfParams[K] } = {};
  const nodes: Partial<Record<KdfShortfall['param'], TSESTree.Node>> = {};
  const held = new Set<KdfShortfall['param']>();
  const read = (
    loc: ParamLoc | undefined,
    key: 'iterations' | 'cost' | 'memoryKiB' | 'passes' | 'rounds',
    param: KdfShortfall['param'],
  ): void => {
    const l = locateParam(call, loc, flow);
    const weakestOf = (nodes: readonly TSESTree.Node[]): NumberAt | undefined =>
      nodes.reduce<NumberAt | undefined>((best, x) => {
        const w = weakestNumber(x, flow);
        return w && (!best || w.value < best.value) ? w : best;
      }, undefined);
    const n = l.state === 'value' ? weakestOf([l.node, ...(l.alternatives ?? [])]) : undefined;
    // Another module's setting, read here or as a parameter's default (`iterations = DEFAULTS.rounds`).
    const elsewhere = (x: TSESTree.Node): ModuleValue | undefined => {
      const d = paramDefault(x, sourceCode);
      return heldValue?.(x) ?? (d && heldValue?.(d));
    };
    const other = !n && l.state === 'value' ? elsewhere(l.node) : undefined;
    const v = other && staticNumber(other.node);
    if (n) {
      params[key] = key === 'memoryKiB' && site.memoryInBytes ? n.value / 1024 : n.value;
      nodes[param] = n.node;
    } else if (v !== undefined && l.state === 'value') {
      params[key] = key === 'memoryKiB' && site.memoryInBytes ? v / 1024 : v;
      nodes[param] = l.node;
      held.add(param);
    } else if (l.state === 'missing' && site.defaults?.[key] !== undefined) params[key] = site.defaults[key];
  };
  read(site.iterations, 'iterations', 'iterations');
  read(site.cost, 'cost', 'N');
  read(site.memoryKiB, 'memoryKiB', 'memory');
  read(site.passes, 'passes', 'passes');
  read(site.rounds, 'rounds', 'rounds');
  const d = locateParam(call, site.digest, flow);
  if (d.state === 'value') {
    // A digest exported by another module is read there, as the count beside it is: judging a SHA-512 count
    // read from a shared module against the SHA-256 floor would report a count that meets its own floor.
    const elsewhere = (): string | undefined => {
      const o = heldValue?.(d.node);
      return o ? staticString(unwrap(o.node)) : undefined;
    };
    const text =
      staticStringThrough(d.node, flow) ?? algorithmName(d.node, flow) ?? elsewhere() ?? sourceCode.getText(d.node);
    const digest = normaliseDigest(text);
    if (digest) params.digest = digest;
  } else if ((d.state === 'missing' || site.digest === undefined) && site.defaults?.digest)
    params.digest = site.defaults.digest;
  return { params, nodes, held };
}
