/**
 * Whether a logged "token" is a crypto-currency asset rather than a credential (issue 11, session 39): in wallet,
 * exchange and DEX code the word names an ERC-20 or SPL token, and what is logged about it (symbol, contract address,
 * decimals, the amount moved) is public on chain. The evidence is what a reviewer reads beside the value: its own name
 * or member (`token.symbol`, `baseTokenAddress`, `tokenIn`), or, for a bare `token`, the amount moved with it (a
 * sibling parameter, a name destructured with it, a member of the same record). Names are catalogue data
 * (`assetToken`); the leak finder asks only where a message, a request input or a bare name would make the value a
 * secret, so a credential name or use (an Authorization header) still decides.
 */
import { TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { assetToken } from '../catalogue/loggers.js';
import { normaliseName } from '../detect/index.js';
import { enclosingFunction, findVariable, memberPath, propertyName, unwrap } from './ast.js';
import { escapeRegExp } from './regexp.js';

export interface AssetTokenJudge {
  /** A name or member that describes or names an asset: `symbol`, `tokenAddress`, `baseToken`, `tokenOut`. */
  readonly namesAsset: (name: string) => boolean;
  /** A bare `token` moved together with an amount of it: the asset of a transfer, approval or withdrawal. */
  readonly movedWithAmount: (n: TSESTree.Node) => boolean;
}

const isQuantity = (name: string | undefined): boolean =>
  name !== undefined && assetToken.quantity.pattern.test(normaliseName(name));

/** The names a parameter list or an object pattern binds at its top level. */
function boundNames(nodes: readonly TSESTree.Node[]): string[] {
  return nodes.flatMap((p) => {
    const n = p.type === T.AssignmentPattern ? p.left : p.type === T.TSParameterProperty ? p.parameter : p;
    if (n.type === T.Identifier) return [n.name];
    if (n.type === T.AssignmentPattern && n.left.type === T.Identifier) return [n.left.name];
    if (n.type === T.Property) return [propertyName(n) ?? ''];
    if (n.type === T.ObjectPattern) return boundNames(n.properties);
    return [];
  });
}

/** The judge of one file. */
export function createAssetTokenJudge(sourceCode: TSESLint.SourceCode): AssetTokenJudge {
  const namesAsset = (name: string): boolean => {
    const n = normaliseName(name);
    return assetToken.descriptor.pattern.test(n) || assetToken.name.pattern.test(n);
  };

  /** `function approve(spender, token, amount)`, `const { token, amount } = params`: a sibling binding. */
  const siblingBinding = (id: TSESTree.Identifier): boolean => {
    const def = findVariable(sourceCode.getScope(id), id)?.defs[0];
    if (!def) return false;
    const pattern = def.name.parent?.type === T.Property ? def.name.parent.parent : undefined;
    if (pattern?.type === T.ObjectPattern) return boundNames(pattern.properties).some(isQuantity);
    if (def.type !== TSESLint.Scope.DefinitionType.Parameter) return false;
    const fn = def.node;
    return 'params' in fn && boundNames(fn.params).some(isQuantity);
  };

  /** `request.body.token` where the same function (or file) reads `request.body.amount`: a sibling member. */
  const siblingMember = (n: TSESTree.MemberExpression): boolean => {
    const holder = memberPath(n.object);
    if (holder === undefined) return false;
    const fn = enclosingFunction(n);
    const [from, to] = fn ? fn.range : [0, sourceCode.text.length];
    const head = holder
      .split('.')
      .map(escapeRegExp)
      .join(String.raw`\??\.`);
    const re = new RegExp(String.raw`(?<![\w$.])${head}\??\.([A-Za-z_$][\w$]*)`, 'g');
    const text = sourceCode.text.slice(from, to);
    for (let m = re.exec(text); m; m = re.exec(text)) if (isQuantity(m[1])) return true;
    return false;
  };

  const movedWithAmount = (node: TSESTree.Node): boolean => {
    const n = unwrap(node);
    const name = n.type === T.Identifier ? n.name : n.type === T.MemberExpression ? propertyName(n) : undefined;
    if (name === undefined || !assetToken.bare.pattern.test(normaliseName(name))) return false;
    return n.type === T.Identifier ? siblingBinding(n) : n.type === T.MemberExpression && siblingMember(n);
  };

  return { namesAsset, movedWithAmount };
}
