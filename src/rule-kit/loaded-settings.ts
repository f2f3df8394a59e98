/**
 * Settings loaded whole at start-up (issue 11, session 38, log22): a binding that holds the parsed `.env` file
 * (`dotenv.config().parsed`, `dotenv.parse(…)`), a convict or rc configuration read whole, node-config's whole
 * module (`import config from 'config'`), or a settings document parsed from a file read at the module's top level
 * (`const settings = yaml.load(fs.readFileSync('settings.yml', 'utf8'))`, `JSON.parse(readFileSync(p))`). Such an
 * object holds every secret the deployment set, under whatever keys the operator chose: logged whole, it leaks
 * them. Found by the loader API family (catalogue data, src/catalogue/loggers.ts), never by the file's name. Not a
 * single value read from it (`settings.port`), which the leak finder judges as any other member.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { fileReads } from '../catalogue/deletion.js';
import { settingsLoaders, settingsModules, settingsParsers } from '../catalogue/loggers.js';
import { constInitOf, findVariable, propertyName, unwrap, type Scope } from './ast.js';
import { matchCallPattern } from './call-patterns.js';
import type { ImportMap } from './imports.js';

type Node = TSESTree.Node;

/** `await x`, `x!`, `x as T` → `x`. */
const bare = (n: Node): Node => {
  const u = unwrap(n);
  return u.type === T.AwaitExpression ? unwrap(u.argument) : u;
};

/** A declarator at the module's top level (`const s = …;`, `export const s = …;`): run once, at start-up. */
function topLevel(id: TSESTree.Identifier, scope: Scope): boolean {
  const def = findVariable(scope, id)?.defs[0];
  const decl = def?.node.type === T.VariableDeclarator ? def.node.parent : undefined;
  const at = decl?.parent;
  return at?.type === T.Program || (at?.type === T.ExportNamedDeclaration && at.parent?.type === T.Program);
}

/** The file read a parser's argument is, directly or through a top-level const (`const text = readFileSync(p)`). */
function readsFile(arg: Node | undefined, imports: ImportMap, getScope: (n: Node) => Scope): boolean {
  if (!arg) return false;
  let a = bare(arg);
  if (a.type === T.Identifier) a = bare(constInitOf(a, getScope(a)) ?? a);
  // `readFileSync(p).toString()`, `readFileSync(p, 'utf8').trim()`
  if (a.type === T.CallExpression && a.callee.type === T.MemberExpression && a.arguments.length === 0)
    a = bare(a.callee.object);
  return a.type === T.CallExpression && matchCallPattern(a, imports, getScope(a), [fileReads]) !== undefined;
}

/** What loaded the whole settings `n` holds (a title), or undefined. */
export function loadedSettings(
  n: TSESTree.Identifier,
  imports: ImportMap,
  getScope: (n: Node) => Scope,
): string | undefined {
  const binding = imports.get(n.name);
  if (binding)
    return settingsModules.has(binding.module) && (binding.imported === 'default' || binding.imported === '*')
      ? binding.module
      : undefined;
  const init = constInitOf(n, getScope(n));
  if (!init) return undefined;
  let v = bare(init);
  // `dotenv.config().parsed`
  if (v.type === T.MemberExpression && propertyName(v) === 'parsed') v = bare(v.object);
  if (v.type !== T.CallExpression) return undefined;
  const loader = matchCallPattern(v, imports, getScope(v), settingsLoaders);
  if (loader) return loader.title;
  if (!topLevel(n, getScope(n))) return undefined;
  const parser = matchCallPattern(v, imports, getScope(v), settingsParsers);
  return parser && readsFile(v.arguments[0], imports, getScope) ? parser.title : undefined;
}
