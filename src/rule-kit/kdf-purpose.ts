/**
 * What a password KDF call's output is for: a key, or a stored password verifier. The two have their
 * own floors (src/catalogue/kdf.ts): OWASP's password-storage minimums for verifiers, RFC 9106 and
 * NIST SP 800-132 for keys. Read from the API (`argon2.hash` only stores), from how the output is used
 * (compared with `timingSafeEqual` or `===`, stored under a hash or verifier name) and from the name of
 * the function that returns it. Anything else counts as a key, the stricter reading.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { KdfPurpose, KdfSite } from '../catalogue/kdf.js';
import { bindingNameOf, calleeName, enclosingFunction, propertyName, unwrap } from './ast.js';
import { functionName } from './flow/functions.js';

const COMPARE_CALLS = /^(?:timingSafeEqual|compare|equals|safeCompare|constantTimeEqual)$/;
const STORAGE_NAME = /(?:hash|verif|digest|stored|check|compare)/i;
const KEY_NAME = /(?:key|kek|dek|derive|encrypt|decrypt|cipher|seal|wrap)/i;

/** Climbs from a value through `await`, casts and `.toString(enc)` to the expression that uses it. */
function usedAs(node: TSESTree.Node): TSESTree.Node {
  let n = node;
  for (;;) {
    const p = n.parent;
    if (!p) return n;
    if (
      p.type === T.AwaitExpression ||
      p.type === T.TSAsExpression ||
      p.type === T.TSNonNullExpression ||
      p.type === T.ChainExpression
    ) {
      n = p;
      continue;
    }
    if (p.type === T.MemberExpression && p.object === n && p.parent?.type === T.CallExpression) {
      const m = calleeName(p);
      if (m === 'toString' || m === 'toJSON') {
        n = p.parent;
        continue;
      }
    }
    return n;
  }
}

function purposeOfUse(
  expr: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  depth = 0,
): KdfPurpose | undefined {
  const top = usedAs(expr);
  const p = top.parent;
  if (!p) return undefined;
  if (p.type === T.BinaryExpression && ['===', '!==', '==', '!='].includes(p.operator)) return 'storage';
  if (p.type === T.CallExpression && p.arguments.includes(top as TSESTree.CallExpressionArgument)) {
    const name = calleeName(p.callee);
    if (name !== undefined && COMPARE_CALLS.test(name)) return 'storage';
  }
  const bound = bindingNameOf(top);
  if (bound !== undefined) {
    if (STORAGE_NAME.test(bound)) return 'storage';
    if (KEY_NAME.test(bound)) return 'key';
    if (depth === 0 && p.type === T.VariableDeclarator && p.id.type === T.Identifier) {
      for (const v of sourceCode.scopeManager?.getDeclaredVariables(p) ?? [])
        for (const ref of v.references) {
          if (ref.init) continue;
          const u = purposeOfUse(ref.identifier, sourceCode, depth + 1);
          if (u) return u;
        }
    }
  }
  if (p.type === T.ReturnStatement || (p.type === T.ArrowFunctionExpression && p.body === top)) {
    const fn = p.type === T.ArrowFunctionExpression ? p : enclosingFunction(top);
    const name = fn && functionName(fn);
    if (name !== undefined && STORAGE_NAME.test(name)) return 'storage';
    if (name !== undefined && KEY_NAME.test(name)) return 'key';
  }
  return undefined;
}

/**
 * Options asking for the encoded output (hash-wasm's `outputType: 'encoded'`): a PHC string such as
 * `$argon2id$v=19$m=…$salt$hash` that carries its own parameters and salt. That is a stored verifier by
 * format; a key is raw bytes, never a PHC string, whatever the enclosing function is called.
 */
function asksForEncodedHash(arg: TSESTree.Node): boolean {
  const o = unwrap(arg);
  return (
    o.type === T.ObjectExpression &&
    o.properties.some(
      (p) =>
        p.type === T.Property &&
        propertyName(p) === 'outputType' &&
        p.value.type === T.Literal &&
        p.value.value === 'encoded',
    )
  );
}

/** `storage` when the KDF's output is a stored or compared password verifier, else `key`. */
export function kdfPurposeOf(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  site: Pick<KdfSite, 'purpose'>,
  sourceCode: Readonly<TSESLint.SourceCode>,
): KdfPurpose {
  if (site.purpose === 'storage') return 'storage';
  if (call.arguments.some(asksForEncodedHash)) return 'storage';
  // The callback form: scrypt(pw, salt, 64, (err, derived) => …) — read the callback's name for the value.
  const last = call.arguments[call.arguments.length - 1];
  const cb = last && unwrap(last);
  if (cb && (cb.type === T.ArrowFunctionExpression || cb.type === T.FunctionExpression)) {
    const derived = cb.params[1];
    if (derived?.type === T.Identifier) {
      if (STORAGE_NAME.test(derived.name)) return 'storage';
      if (KEY_NAME.test(derived.name)) return 'key';
    }
  }
  return purposeOfUse(call, sourceCode) ?? 'key';
}
