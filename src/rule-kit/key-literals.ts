/**
 * no-hardcoded-key's checks for key literals that no sink reads and no secret name announces on its own:
 * - key bytes spelled in hex or base64 under a name that says key, secret or seed
 *   (`const REPORT_KEY = Buffer.from('a096…', 'hex')`, `privateKey: Uint8Array.from(Buffer.from('…', 'hex'))`,
 *   `key: process.env.EXPORT_KEY ?? Buffer.from('…', 'hex')`): decoding text to bytes is what a key is for;
 * - a fallback after a configuration read other than the environment (`Config.API_KEY ?? '…'`,
 *   `config.get<string>('jwt.secret') ?? '…'`, `cfg.get('dbPassword') ?? '…'`): the literal is what runs when
 *   the setting is missing, judged under the setting's name;
 * - a key list (`app.keys = ['…', '…']`, `secrets: ['…']`): Koa, Keygrip and cookie signers rotate through it.
 * A value under a secret name that only looks like an identifier (`'billing-dev-9dd1c0f2e5b84a7fa3c6'`) counts
 * when it carries a long random run: a name plus 16 or more random characters is a typed secret, not an id.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { configGetters, keyBytesWord, keyRingListName, notKeyBytesWord } from '../catalogue/index.js';
import { classifyValue, isSecretName, normaliseName, redact } from '../detect/index.js';
import { looksRandom, shannonEntropy } from '../detect/entropy.js';
import { bindingNameOf, envVarName, propertyName, staticString, unwrap } from './ast.js';
import { NAMED_RANK, offerFallback, type Candidates } from './hardcoded-candidates.js';

const MIN_KEY_BYTES = 16;

/**
 * A run of 16 or more letters and digits in `value` that looks generated: lower-case hex with digits and letters
 * mixed and Shannon entropy of at least 3 bits per character (hex's own threshold in `detect/entropy.ts`, which
 * asks 32 characters of a whole value; here the run sits beside a name a person typed, so 16 are enough), or a
 * longer run `looksRandom` accepts that holds three digits or more.
 */
function randomRun(value: string): string | undefined {
  const runs = value.match(/[A-Za-z0-9]{16,}/g) ?? [];
  const count = (r: string, re: RegExp): number => r.match(re)?.length ?? 0;
  // Hex: digits and letters both well mixed. Other alphabets: random by `looksRandom` and with several digits, so a
  // camelCase identifier with one digit (`web3WalletChallenge`) is no run.
  const hex = (r: string): boolean =>
    /^[0-9a-f]+$/.test(r) && count(r, /[0-9]/g) >= 4 && count(r, /[a-f]/g) >= 4 && shannonEntropy(r) >= 3.0;
  return runs.find((r) => hex(r) || (looksRandom(r) && count(r, /[0-9]/g) >= 3));
}

/** `'a096…'` in `Buffer.from('a096…', 'hex')` or `hexToBytes('a096…')`: the call that decodes it, and its bytes. */
function decodingCall(
  lit: TSESTree.Literal,
  text: string,
): { call: TSESTree.CallExpression; bytes: number } | undefined {
  const call = lit.parent;
  if (call?.type !== T.CallExpression || call.arguments[0] !== lit) return undefined;
  const callee = unwrap(call.callee);
  const fn =
    callee.type === T.MemberExpression ? propertyName(callee) : callee.type === T.Identifier ? callee.name : '';
  let enc: string | undefined;
  if (fn === 'from' && callee.type === T.MemberExpression) {
    const recv = unwrap(callee.object);
    if (recv.type !== T.Identifier || recv.name !== 'Buffer') return undefined;
    enc = staticString(call.arguments[1]);
  } else if (fn && /^(?:hexToBytes|fromHex|decodeHex)$/.test(fn)) enc = 'hex';
  else if (fn && /^(?:decodeBase64|fromBase64|base64ToBytes)$/.test(fn)) enc = 'base64';
  if (enc === undefined) return undefined;
  if (/^hex$/i.test(enc) && /^(?:0x)?[0-9a-f]+$/i.test(text))
    return { call, bytes: text.replace(/^0x/i, '').length / 2 };
  if (/^base64(?:url)?$/i.test(enc) && /^[A-Za-z0-9+/_-]+={0,2}$/.test(text))
    return { call, bytes: Math.floor((text.replace(/=+$/, '').length * 3) / 4) };
  return undefined;
}

/** Through wrappers that keep the bytes (`Uint8Array.from(…)`, `new Uint8Array(…)`, `env ?? …`): the outer node. */
function bytesHolder(call: TSESTree.Node): { top: TSESTree.Node; env?: string } {
  let top = call;
  for (let i = 0; i < 3; i++) {
    const p = top.parent;
    if (!p) break;
    const isWrap =
      (p.type === T.CallExpression || p.type === T.NewExpression) &&
      p.arguments[0] === top &&
      (p.type === T.NewExpression
        ? p.callee.type === T.Identifier && /^(?:Uint8Array|Buffer)$/.test(p.callee.name)
        : p.callee.type === T.MemberExpression && propertyName(p.callee) === 'from');
    if (isWrap) top = p;
    else if (p.type === T.LogicalExpression && p.right === top && (p.operator === '??' || p.operator === '||')) {
      const env = envVarName(p.left) ?? configReadName(p.left);
      return env === undefined ? { top: p } : { top: p, env };
    } else if (p.type === T.TSAsExpression || p.type === T.TSNonNullExpression) top = p;
    else break;
  }
  return { top };
}

const isKeyName = (name: string): boolean => {
  const n = normaliseName(name);
  return keyBytesWord.pattern.test(n) && !notKeyBytesWord.pattern.test(n);
};

/** Key bytes spelled in hex or base64 under a key's name (see the module comment). */
export function checkKeyBytes(found: Candidates, lit: TSESTree.Literal, text: string): void {
  if (found.liveOnly) return; // it offers only `secretName` (see `Candidates`)
  const decoded = decodingCall(lit, text);
  if (!decoded || decoded.bytes < MIN_KEY_BYTES || !looksRandom(text.replace(/^0x/i, ''))) return;
  const { top, env } = bytesHolder(decoded.call);
  const name = [env, bindingNameOf(top)].find((n): n is string => n !== undefined && isKeyName(n));
  if (name === undefined) return;
  offerNamedSecret(found, lit, text, name, 'bytes');
}

/** The setting a configuration read names: `Config.API_KEY` → `API_KEY`, `cfg.get('db.password')` → `password`. */
function configReadName(node: TSESTree.Node): string | undefined {
  const n = unwrap(node.type === T.ChainExpression ? node.expression : node);
  if (n.type === T.MemberExpression) return propertyName(n);
  if (n.type === T.CallExpression && n.callee.type === T.MemberExpression) {
    if (!configGetters.names.has(propertyName(n.callee) ?? '')) return undefined;
    const key = staticString(n.arguments[0]);
    return key?.split(/[.:/]/).pop();
  }
  return undefined;
}

/** `X ?? '…'` after a configuration read (the environment's plain fallbacks are `checkFallback`'s). */
export function checkConfigFallback(found: Candidates, node: TSESTree.LogicalExpression): void {
  const env = envVarName(node.left);
  const from = env ?? configReadName(node.left);
  if (from === undefined) return;
  const right = unwrap(node.right);
  if (env === undefined) offerFallback(found, right, from, bindingNameOf(node));
  offerTypedSecret(found, right, [from, bindingNameOf(node)]);
}

/**
 * A literal under a secret name that `classifyValue` takes for an identifier (`'<app>-dev-<32 hex>'`): a secret
 * when it carries a long random run. Used for fallbacks and key lists, where the name is the setting's own.
 */
function offerTypedSecret(found: Candidates, right: TSESTree.Node, names: readonly (string | undefined)[]): void {
  const value = right.type === T.Literal || right.type === T.TemplateLiteral ? staticString(right) : undefined;
  if (value === undefined || found.liveOnly) return;
  const name = names.find((n): n is string => n !== undefined && (isSecretName(n) || isKeyName(n)));
  if (name === undefined || classifyValue(value, { name }).reason !== 'identifier' || !randomRun(value)) return;
  offerNamedSecret(found, right, value, name, 'text');
}

/** An element of a key list (`app.keys = ['…']`, `secrets: ['…']`) with a random run: a signing key. */
export function checkKeyList(found: Candidates, lit: TSESTree.Literal, text: string): void {
  const list = lit.parent;
  if (list?.type !== T.ArrayExpression || found.liveOnly) return;
  const name = bindingNameOf(list);
  if (name === undefined || !keyRingListName.pattern.test(normaliseName(name)) || !randomRun(text)) return;
  const c = classifyValue(text, { name: 'secret' });
  if (c.reason === 'placeholder') return;
  offerNamedSecret(found, lit, text, name, 'text');
}

/** One `secretName` candidate; a text value carries its origin, so the keystore and env suggestions apply. */
function offerNamedSecret(
  found: Candidates,
  node: TSESTree.Node,
  value: string,
  name: string,
  valueType: 'text' | 'bytes',
): void {
  found.offer({
    node,
    messageId: 'secretName',
    data: { redacted: redact(value), name },
    rank: NAMED_RANK,
    liveFormat: false,
    valueType,
    ...(valueType === 'text' ? { origin: { kind: 'string', node, replace: node, value, name } } : {}),
  });
}
