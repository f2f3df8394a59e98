/**
 * A value read from a settings object another module of the project exports (`config.telemetry.iv` where `config`
 * is imported from `./config`, `settings.lan.iv` from `require('../settings')`), through the conversions that decode
 * it (`Buffer.from(…, 'hex')`, `CryptoJS.enc.Hex.parse(…)`). Whatever that module does, an environment variable, a
 * literal fallback, a YAML document it loads, or a random value it draws on import, the value is one per deployment
 * or per process: an IV, nonce or salt read so is the same for every message. Syntactic (no file is read), so it
 * holds under the audit too; only relative imports count, a package's export is not a setting of this project.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, TSESLint as Lint } from '@typescript-eslint/utils';
import { literalDecoders } from '../catalogue/transforms.js';
import { constInitOf, findVariable, unwrap, type Scope } from './ast.js';
import { dotted } from './flow/functions.js';
import type { ImportMap } from './imports.js';

type Node = TSESTree.Node;

/** The setting as the source writes it (`config.lan.iv`) and the module it comes from, or undefined. */
export function importedSetting(
  expr: Node,
  imports: ImportMap,
  getScope: (n: Node) => Scope,
): { readonly node: Node; readonly text: string; readonly module: string } | undefined {
  let n = unwrap(expr);
  for (let i = 0; i < 4; i++) {
    if (n.type === T.Identifier) {
      const init = constInitOf(n, getScope(n));
      if (!init) return undefined;
      n = unwrap(init);
    } else if (n.type === T.CallExpression && n.arguments[0]) {
      const name = dotted(unwrap(n.callee));
      if (name === undefined || (name !== 'Buffer.from' && !literalDecoders.pattern.test(name))) break;
      n = unwrap(n.arguments[0]);
    } else break;
  }
  if (n.type !== T.MemberExpression) return undefined;
  const keys: string[] = [];
  let root: Node = n;
  while (root.type === T.MemberExpression) {
    if (root.computed || root.property.type !== T.Identifier) return undefined;
    keys.unshift(root.property.name);
    root = unwrap(root.object);
  }
  if (root.type !== T.Identifier) return undefined;
  const binding = imports.get(root.name);
  if (!binding || !/^\.\.?\//.test(binding.module)) return undefined;
  // The name must be the module-level import, not a parameter or local that shadows it.
  const def = findVariable(getScope(root), root)?.defs[0];
  if (!def || (def.type !== Lint.Scope.DefinitionType.ImportBinding && def.type !== Lint.Scope.DefinitionType.Variable))
    return undefined;
  if (def.type === Lint.Scope.DefinitionType.Variable && def.node.parent?.parent?.type !== T.Program) return undefined;
  return { node: n, text: [root.name, ...keys].join('.'), module: binding.module };
}
