/**
 * Defaults in configuration schemas, the other way config modules write `process.env.X ?? '…'`: a zod, Joi or
 * yup env schema (`JWT_SECRET: z.string().default('…')`) and a convict option (`{ env: 'JWT_SECRET',
 * default: '…' }`). The literal is what the service runs with whenever the variable is unset, so it is judged as
 * that variable's fallback.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { bindingNameOf, propertyName, staticString } from './ast.js';
import { offerFallback, type Candidates } from './hardcoded-candidates.js';

/** `…default('…')` / `…catch('…')` at the end of a schema chain: the name the whole chain is stored under. */
function schemaChainName(call: TSESTree.CallExpression): string | undefined {
  let top: TSESTree.Node = call;
  // `.default('…').describe('…')`: climb to the outermost call of the chain.
  while (top.parent?.type === T.MemberExpression && top.parent.parent?.type === T.CallExpression)
    top = top.parent.parent;
  return bindingNameOf(top);
}

/** The `env` sibling of a convict option's `default`, and the option's own key. */
function convictNames(prop: TSESTree.Property): { env: string; key?: string } | undefined {
  const obj = prop.parent;
  if (obj.type !== T.ObjectExpression) return undefined;
  const envProp = obj.properties.find((p) => p.type === T.Property && propertyName(p) === 'env');
  const env = envProp?.type === T.Property ? staticString(envProp.value) : undefined;
  if (env === undefined) return undefined;
  const key = obj.parent.type === T.Property ? propertyName(obj.parent) : undefined;
  return key === undefined ? { env } : { env, key };
}

/** A string literal that is a schema default (zod/Joi/yup chain, or convict `default` beside `env`). */
export function checkSchemaDefault(found: Candidates, node: TSESTree.Literal | TSESTree.TemplateLiteral): void {
  const p = node.parent;
  if (p?.type === T.CallExpression && p.arguments[0] === node && p.callee.type === T.MemberExpression) {
    if (!/^(?:default|catch)$/.test(propertyName(p.callee) ?? '')) return;
    const name = schemaChainName(p);
    if (name !== undefined) offerFallback(found, node, name, undefined);
    return;
  }
  if (p?.type === T.Property && p.value === node && propertyName(p) === 'default') {
    const names = convictNames(p);
    if (names) offerFallback(found, node, names.env, names.key);
  }
}
