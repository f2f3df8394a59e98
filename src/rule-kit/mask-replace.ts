/**
 * A secret masked by `replace` before it is shown (issue 11, safe forms of `no-logged-key`):
 * `apiKey.replace(/.(?=.{4})/g, '*')`, `token.replaceAll(/\w/g, '•')`, `secret.replace(/^.+$/, '[redacted]')`.
 * Support consoles and CLIs print keys this way (every character but the last few turned into a mask character);
 * what reaches the log is a mask of fixed characters, not the key.
 *
 * Decided from the call alone, and only when both hold:
 * - the replacement is a string literal made of mask characters only (`*`, `•`, `x`, `#`, `…`, `[redacted]`), with
 *   no `$1`/`$&` reference that would put back part of the match;
 * - the pattern is a regex literal whose first unit matches any character (`.`, `\w`, `\S`, `[\s\S]`), either with
 *   the `g` flag (each character replaced, a lookahead may keep the last few) or as a run (`.+`, `.*`) that
 *   covers the rest of the text.
 * `key.replace(/-/g, '*')` (dashes only), `key.replace(/\d/g, '*')` (digits only), `key.replace(/\s+/g, '')` and a
 * replacement that keeps a group (`'$1****'`) are not masks: the key, or most of it, is still in the text.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { textMasks } from '../catalogue/loggers.js';
import { propertyName, unwrap } from './ast.js';

/** Mask characters only: a run of `*`, `•`, `x`, `#`, `…`, dots, or a redaction word in brackets. */
const MASK_TEXT = /^(?:[*•●·xX#…._ -]|\[(?:redacted|hidden|masked)\]|<(?:redacted|hidden|masked)>)+$/i;

/** A unit that matches any character of a key: `.`, `\w`, `\S`, `[\s\S]`, `[^]`, `[\w-]`, `[A-Za-z0-9]`. */
const ANY_UNIT =
  String.raw`(?:\.|\\[wS]|\[\\s\\S\]|\[\\S\\s\]|\[\^\]|\[\\w[^\]]*\]|` +
  String.raw`\[(?=[^\]]*a-z)(?=[^\]]*0-9)[^\]^]*\])`;
/** An optional anchor and lookbehind before the unit (`(?<=^.{4})`, `(?<!^.{0,3})`). */
const LEAD = String.raw`^\^?(?:\(\?<[=!][^)]*\))?`;
/** Each character replaced (with `g`), or a run to the end. */
const EACH = new RegExp(`${LEAD}${ANY_UNIT}(?:\\(\\?[=!][^)]*\\))?$`);
const RUN = new RegExp(`${LEAD}${ANY_UNIT}(?:[*+]|\\{\\d+,\\})\\$?$`);

/** Whether `call` is `x.replace(re, '*')` / `x.replaceAll(re, '*')` that masks every character but a few. */
export function isMaskingReplace(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return false;
  const method = propertyName(callee);
  if (method !== 'replace' && method !== 'replaceAll') return false;
  const [pattern, replacement] = call.arguments.map((a) => (a.type === T.SpreadElement ? a : unwrap(a)));
  if (!pattern || !replacement) return false;
  const text =
    replacement.type === T.Literal && typeof replacement.value === 'string'
      ? replacement.value
      : replacement.type === T.TemplateLiteral && replacement.expressions.length === 0
        ? replacement.quasis[0]!.value.cooked
        : undefined;
  if (text === undefined || text === null || !MASK_TEXT.test(text)) return false;
  if (pattern.type !== T.Literal || !('regex' in pattern) || !pattern.regex) return false;
  const { pattern: source, flags } = pattern.regex;
  return (flags.includes('g') && EACH.test(source)) || RUN.test(source);
}

/** The text of a string literal or a template without expressions. */
function literalText(n: TSESTree.Node | undefined): string | undefined {
  if (!n) return undefined;
  if (n.type === T.Literal && typeof n.value === 'string') return n.value;
  if (n.type === T.TemplateLiteral && n.expressions.length === 0) return n.quasis[0]!.value.cooked ?? undefined;
  return undefined;
}

/**
 * A secret masked inside the text that holds it (issue 11, session 37): `cmd.replace(password, '***')`,
 * `cmd.split(token).join('***')`, `url.replace(/(token=)[^&]+/, '$1***')`, `dsn.replace(/:[^:@]+@/, ':****@')`. The
 * command or URL is logged with a mask where the secret was. A value as the pattern counts only when `isSecret` says
 * it is one (`cmd.replace(host, '***')` masks the host, and the password is still there); a regex counts when it
 * matches a run of characters and the replacement writes a mask in its place without `$&` (the whole match back).
 */
export function isEmbeddedMask(call: TSESTree.CallExpression, isSecret: (n: TSESTree.Node) => boolean): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return false;
  const method = propertyName(callee);
  const [first, second] = call.arguments.map((a) => (a.type === T.SpreadElement ? a : unwrap(a)));
  if (method === 'join') {
    // `text.split(secret).join('***')`
    const recv = unwrap(callee.object);
    const mask = literalText(first);
    if (recv.type !== T.CallExpression || mask === undefined || !textMasks.maskRun.test(mask)) return false;
    const split = unwrap(recv.callee);
    const part = recv.arguments[0];
    return (
      split.type === T.MemberExpression &&
      propertyName(split) === 'split' &&
      !!part &&
      part.type !== T.SpreadElement &&
      isSecret(part)
    );
  }
  if (method !== 'replace' && method !== 'replaceAll') return false;
  const text = literalText(second);
  if (
    !first ||
    first.type === T.SpreadElement ||
    text === undefined ||
    !textMasks.maskRun.test(text) ||
    text.includes('$&')
  )
    return false;
  if (first.type === T.Literal && 'regex' in first && first.regex) return textMasks.valueRun.test(first.regex.pattern);
  return first.type !== T.Literal && isSecret(first);
}
