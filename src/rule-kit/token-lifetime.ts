/**
 * A token that lives at most five minutes (jose `setExpirationTime(now + 120)` or `'2m'`, jsonwebtoken
 * `expiresIn: 120` or `'5m'`). Rotating the one key of such tokens without a `kid` costs at most their lifetime:
 * switch the key, and tokens minted before it fail for a few minutes and are re-minted (the issuer mints one per
 * request anyway). A `kid` exists so that long-lived tokens survive a key change (RFC 7515 §4.1.4); a proxy's
 * 120-second token has nothing to survive. Longer lifetimes, or one that is not written as a constant, are not
 * judged short.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { JwtSigner } from '../catalogue/iac.js';
import { staticNumber, staticString, unwrap, type Scope } from './ast.js';
import { builderCall } from './method-calls.js';
import { lookup, valueOf } from './option-objects.js';

/** Five minutes, in seconds: at most this long a token outlives a key change. */
const MAX_SHORT_SECONDS = 300;
/** jose's and vercel/ms's time spans: `120s`, `2 min`, `5m`, `2 minutes`. */
const SPAN = /^(\d+(?:\.\d+)?)\s*(s|sec|secs|second|seconds|m|min|mins|minute|minutes)?$/i;

/** Seconds in a constant span (`'2m'`, `120`), or undefined. */
function spanSeconds(n: TSESTree.Node): number | undefined {
  const num = staticNumber(n);
  if (num !== undefined) return num;
  const m = SPAN.exec(staticString(n)?.trim() ?? '');
  if (!m) return undefined;
  return Number(m[1]) * (m[2] && /^m/i.test(m[2]) ? 60 : 1);
}

/** Seconds after now that a `setExpirationTime` argument means: `'2m'`, or `now + 120` (epoch seconds). */
function expirySeconds(n: TSESTree.Node): number | undefined {
  const e = unwrap(n);
  if (e.type === T.BinaryExpression && e.operator === '+' && staticNumber(e.left) === undefined)
    return staticNumber(e.right);
  return e.type === T.Literal && typeof e.value === 'string' ? spanSeconds(e) : undefined;
}

/** True when the signing call's token expires within five minutes (see the module comment). */
export function shortLivedToken(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  signer: JwtSigner,
  scope: Scope,
): boolean {
  let seconds: number | undefined;
  if (signer.headerMethod) {
    const set = builderCall(node, 'setExpirationTime', scope);
    const a = set?.arguments[0];
    if (a && a.type !== T.SpreadElement) seconds = expirySeconds(a);
  } else if (signer.options) {
    const a = node.arguments[signer.options.index];
    const obj = a && a.type !== T.SpreadElement ? valueOf(a, scope) : undefined;
    const found = obj?.type === T.ObjectExpression ? lookup(obj, 'expiresIn', scope) : undefined;
    seconds = found?.kind === 'found' ? spanSeconds(valueOf(found.value, scope)) : undefined;
  }
  return seconds !== undefined && seconds > 0 && seconds <= MAX_SHORT_SECONDS;
}
