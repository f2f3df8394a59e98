/**
 * The seed of a seeded, non-cryptographic generator (issue 11, session 31): a simulation's, a game's or a test run's
 * seed, which fuzzers and test harnesses print so that a failing run can be replayed (`Run again with
 * --seed=${seed}`). It is named `seed`, as a wallet's or a key pair's seed is, but it fixes a sequence of draws,
 * not a key. What the file says about the binding decides (catalogue `seededGeneratorName`):
 * - it is read from such a generator (`this.prng.getSeed()`, `random.seed`) or is a number (`Date.now()`, `42`,
 *   `Number(argv.seed)`): a key's seed is bytes;
 * - the same function hands it to one (`new PRNG(seed)`, `seedrandom(seed)`, `random.setSeed(seed)`,
 *   `faker.seed(seed)`);
 * - it belongs to the generator's own class or maker (`class PRNG { constructor(seed) … }`).
 * A seed drawn from a CSPRNG for a key (`randomBytes(32)`, `getRandomValues`) or handed to a key derivation
 * (`keyPair.fromSeed(seed)`) matches none of these and stays key material.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, TSESLint } from '@typescript-eslint/utils';
import { seededGeneratorName } from '../catalogue/randomness.js';
import { normaliseName } from '../detect/index.js';
import { constInitOf, enclosingFunction, findVariable, propertyName, unwrap } from './ast.js';

/** The head name of an expression: `this.prng` → `prng`, `random` → `random`, `new Gen5RNG()` → `Gen5RNG`. */
function headName(n: TSESTree.Node): string | undefined {
  const u = unwrap(n);
  if (u.type === T.Identifier) return u.name;
  if (u.type === T.MemberExpression) return propertyName(u);
  if (u.type === T.ThisExpression) {
    for (let p: TSESTree.Node | undefined = u.parent; p; p = p.parent)
      if ((p.type === T.ClassDeclaration || p.type === T.ClassExpression) && p.id) return p.id.name;
  }
  return undefined;
}

const generatorNamed = (name: string | undefined): boolean =>
  name !== undefined && seededGeneratorName.pattern.test(normaliseName(name));

/** A number, or a value read from a seeded generator (`this.prng.getSeed()`, `rng.seed`). */
function fromGeneratorOrNumber(init: TSESTree.Node): boolean {
  const u = unwrap(init);
  if (u.type === T.Literal) return typeof u.value === 'number';
  if (u.type === T.CallExpression) {
    const c = unwrap(u.callee);
    if (c.type === T.Identifier) return ['Number', 'parseInt', 'parseFloat'].includes(c.name);
    if (c.type !== T.MemberExpression) return false;
    const receiver = unwrap(c.object);
    if (receiver.type === T.Identifier && (receiver.name === 'Date' || receiver.name === 'Math')) return true;
    return generatorNamed(headName(receiver));
  }
  if (u.type === T.MemberExpression) return generatorNamed(headName(u.object));
  return false;
}

/** A call or construction that hands the value to a seeded generator (`new PRNG(seed)`, `random.setSeed(seed)`). */
function handedToGenerator(ref: TSESTree.Node): boolean {
  const call = ref.parent;
  if ((call?.type !== T.CallExpression && call?.type !== T.NewExpression) || !call.arguments.includes(ref as never))
    return false;
  const c = unwrap(call.callee);
  if (generatorNamed(headName(c))) return true;
  return c.type === T.MemberExpression && generatorNamed(headName(c.object));
}

/** The name of the class, or else the function, that `n` is written in (`class PRNG`, `function makeRng`). */
function ownerName(n: TSESTree.Node): string | undefined {
  for (let p: TSESTree.Node | undefined = n.parent; p; p = p.parent) {
    if ((p.type === T.ClassDeclaration || p.type === T.ClassExpression) && p.id) return p.id.name;
    if (p.type === T.FunctionDeclaration && p.id) return p.id.name;
  }
  return undefined;
}

/** Whether the `seed`-named binding `n` is a seeded generator's seed (see the module comment). */
export function isGeneratorSeed(n: TSESTree.Identifier, getScope: (n: TSESTree.Node) => TSESLint.Scope.Scope): boolean {
  if (!/^(?:.*_)?seeds?$/.test(normaliseName(n.name))) return false;
  const v = findVariable(getScope(n), n);
  if (!v) return false;
  const init = constInitOf(n, getScope(n));
  if (init !== undefined && fromGeneratorOrNumber(init)) return true;
  const fn = enclosingFunction(n);
  if (v.references.some((r) => enclosingFunction(r.identifier) === fn && handedToGenerator(r.identifier))) return true;
  const def = v.defs[0];
  return def?.type === TSESLint.Scope.DefinitionType.Parameter && generatorNamed(ownerName(def.name));
}
