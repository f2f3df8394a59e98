/**
 * Command lines run from code (catalogue `keyCommands`): the command string of `exec`/`execSync` (a template's
 * variable parts become `…`) or the program and argument array of `execFile`/`spawn`/execa, split into words. When an
 * argument is a parameter of a same-file wrapper (`function run(args) { return spawn('openssl', args) }`), each call of
 * the wrapper supplies its own words (`run(['enc', '-des-ede3-cbc', …])`).
 *
 * no-weak-key-size reads key-making commands: `ssh-keygen -t dsa` (OpenSSH's DSA keys are 1024 bits), an RSA `-b`
 * under the minimum, `openssl genrsa 1024`, `-newkey rsa:1024`, `-pkeyopt rsa_keygen_bits:1024`, `openssl dhparam
 * 1024`, a weak cipher flag (`openssl genrsa -des3`) and the cipher of `openssl enc` (`-des-ede3-cbc`, `-bf-cbc`,
 * `-aes-128-ecb`). no-password-as-key reads `openssl enc` with a password (catalogue `opensslPasswordEnc`). Each is
 * reported at the string holding it.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T, TSESLint as Lint } from '@typescript-eslint/utils';
import { keyCommands } from '../catalogue/algorithm-libraries.js';
import { weakCipherOf } from '../catalogue/algorithms.js';
import { kdfShortfalls, normaliseDigest, opensslPasswordEnc, type KdfShortfall } from '../catalogue/kdf.js';
import { opensslCipherSubcommand, opensslEncOptions } from '../catalogue/index.js';
import type { AlgorithmChecks, AlgorithmReport } from './algorithm-checks.js';
import { findVariable, unwrap } from './ast.js';
import type { FileFlow } from './flow/engine.js';
import { callerArguments } from './iv-callers.js';
import { staticStringThrough } from './numbers.js';
import type { CalleePath } from './sinks.js';

interface Word {
  readonly text: string;
  readonly node: TSESTree.Node;
}

type StringRead = (n: TSESTree.Node) => { readonly value: string; readonly node: TSESTree.Node } | undefined;
type GetScope = (n: TSESTree.Node) => TSESLint.Scope.Scope;

/** At most this many wrapper calls are read for one command (a wrapper called from everywhere is a library). */
const MAX_CALLERS = 8;

/** Whether a call runs a command through child_process or execa. */
export function runsCommand(cp: CalleePath | undefined): boolean {
  const b = cp?.binding;
  if (!b) return false;
  const name = cp.path.replace(/^default\.?/, '') || b.imported;
  return keyCommands.runners.some(
    (r) => (r.modules as readonly string[]).includes(b.module) && (r.callees as readonly string[]).includes(name),
  );
}

/** The words of a command argument: a string (split on spaces) or an array of strings. */
function wordsOf(n: TSESTree.Node | undefined, str: StringRead): Word[] {
  if (!n || n.type === T.SpreadElement) return [];
  const v = unwrap(n);
  if (v.type === T.ArrayExpression)
    return v.elements.flatMap((e) => {
      const s = e && e.type !== T.SpreadElement ? str(e) : undefined;
      if (s) return [{ text: s.value, node: e! }];
      // `-p${password}`, `${out}.zip`: the written parts, the variable parts as `…`.
      return e?.type === T.TemplateLiteral
        ? [{ text: e.quasis.map((q) => q.value.cooked ?? '').join('…'), node: e }]
        : [];
    });
  const s = str(v);
  const text = s?.value ?? (v.type === T.TemplateLiteral ? v.quasis.map((q) => q.value.cooked ?? '').join('…') : '');
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => ({ text: w.replace(/^["']|["']$/g, ''), node: v }));
}

/** The words one argument position can hold: its own, or each wrapper call's when it is the wrapper's parameter. */
function argumentWords(n: TSESTree.Node | undefined, str: StringRead, getScope: GetScope): Word[][] {
  const u = n && n.type !== T.SpreadElement ? unwrap(n) : undefined;
  const param =
    u?.type === T.Identifier && findVariable(getScope(u), u)?.defs[0]?.type === Lint.Scope.DefinitionType.Parameter;
  if (!param) return [wordsOf(n, str)];
  const passed = callerArguments({ kind: 'param', node: u, replace: u, name: u.name }, getScope);
  return passed.length === 0 ? [[]] : passed.slice(0, MAX_CALLERS).map((a) => wordsOf(a, str));
}

/** One program's arguments in a command line, up to a shell separator. */
interface Invocation {
  readonly program: string;
  readonly args: readonly Word[];
}

/** Every invocation of a known program in the command lines a runner call can run. */
function invocations(node: TSESTree.CallExpression, str: StringRead, getScope: GetScope): Invocation[] {
  const out: Invocation[] = [];
  for (const first of argumentWords(node.arguments[0], str, getScope))
    for (const second of argumentWords(node.arguments[1], str, getScope)) {
      const words = [...first, ...second];
      for (let i = 0; i < words.length; i++) {
        const program = words[i]!.text.split('/').pop()!;
        if (!(keyCommands.programs as readonly string[]).includes(program)) continue;
        const rest = words.slice(i + 1);
        const end = rest.findIndex((w) => /^(?:&&|\|\|?|;)$/.test(w.text));
        out.push({ program, args: end < 0 ? rest : rest.slice(0, end) });
      }
    }
  return out;
}

/** `openssl enc …` or `openssl aes-256-cbc …`. */
const isEnc = (inv: Invocation): boolean => {
  const sub = inv.args[0]?.text ?? '';
  return (
    inv.program === 'openssl' && (sub === opensslPasswordEnc.subcommand || opensslCipherSubcommand.pattern.test(sub))
  );
};

/**
 * The word that makes an archiver encrypt with ZipCrypto (catalogue `keyCommands.zipCrypto`): Info-ZIP's password
 * flag; 7-Zip's `-mem=ZipCrypto`, or its password flag when the archive is a ZIP (`-tzip`, or an `.zip` name with no
 * `-t`) and no method is named.
 */
function zipCryptoWord(program: string, args: readonly Word[]): Word | undefined {
  const zc = keyCommands.zipCrypto;
  if (program === 'zip') return args.find((w) => (zc.zipPassword as readonly string[]).includes(w.text));
  const method = args.find((w) => zc.sevenZipMethod.test(w.text));
  if (method) return /^-mem=zipcrypto$/i.test(method.text) ? method : undefined;
  const type = args.find((w) => w.text.startsWith('-t'));
  const zip = type ? type.text.toLowerCase() === '-tzip' : args.some((w) => /\.zip$/i.test(w.text));
  return zip ? args.find((w) => zc.sevenZipPassword.test(w.text)) : undefined;
}

/** Judges one command run from code. */
export function checkKeyCommand(
  node: TSESTree.CallExpression,
  check: AlgorithmChecks,
  report: AlgorithmReport,
  minBits: number,
  getScope: GetScope,
): void {
  const small = (w: Word, bits: number, what: string, api: string): void => {
    if (bits < minBits) report(w.node, 'smallModulus', { what, bits, min: minBits, api });
  };
  for (const inv of invocations(node, check.str, getScope)) {
    const { program, args } = inv;
    const opt = (flag: string): Word | undefined => args[args.findIndex((w) => w.text === flag) + 1];
    if (program === 'ssh-keygen') {
      const type = opt('-t')?.text.toLowerCase() ?? 'rsa';
      const b = opt('-b');
      if (type === 'dsa') small(opt('-t')!, 1024, 'DSA modulus', 'ssh-keygen -t dsa');
      else if ((type === 'rsa' || type === 'rsa1') && b && /^\d+$/.test(b.text))
        small(b, Number(b.text), 'RSA modulus', 'ssh-keygen -b');
      continue;
    }
    const zc = keyCommands.zipCrypto;
    if (program === 'zip' || (zc.sevenZip as readonly string[]).includes(program)) {
      const at = zipCryptoWord(program, args);
      const cipher = weakCipherOf('zipcrypto');
      // 7-Zip's password flag carries the password itself (`-pWORD`): the message names the flag only.
      if (at && cipher) {
        const word = zc.sevenZipPassword.test(at.text) ? '-p' : at.text;
        report(at.node, 'weakCipher', { cipher: cipher.title, algorithm: word, api: program, why: cipher.why });
      }
      continue;
    }
    const sub = args[0]?.text ?? '';
    if (isEnc(inv)) {
      // The cipher: `enc -des-ede3-cbc`, or the subcommand itself (`openssl des3`). Judged as a cipher name.
      const named = sub === opensslPasswordEnc.subcommand ? undefined : args[0];
      for (const w of [...(named ? [named] : []), ...args.slice(1)]) {
        if (w !== named && (!w.text.startsWith('-') || opensslEncOptions.names.has(w.text))) continue;
        check.checkCipherName({ value: w.text.replace(/^-/, ''), node: w.node, foreign: true }, `openssl ${sub}`);
      }
      continue;
    }
    for (const w of args) {
      const sized = keyCommands.sizedOption.exec(w.text);
      if (sized) small(w, Number(sized[1] ?? sized[2]), 'A modulus', `openssl ${sub}`);
      else if (/^\d{3,5}$/.test(w.text) && (keyCommands.sizedSubcommands as readonly string[]).includes(sub))
        small(w, Number(w.text), sub === 'dhparam' ? 'DH prime' : 'A modulus', `openssl ${sub}`);
      else if (/^-(?:des|des3|rc2|rc4|bf|cast|idea|des-ede3-cbc|des-cbc|bf-cbc|rc4-40)$/.test(w.text)) {
        const weak = weakCipherOf(w.text.slice(1));
        if (weak)
          report(w.node, 'weakCipher', { cipher: weak.title, algorithm: w.text, api: `openssl ${sub}`, why: weak.why });
      }
    }
  }
}

/** A password `openssl enc` whose key derivation falls short: where to report, and what. */
interface PasswordCommandShortfall {
  readonly node: TSESTree.Node;
  readonly kdf: string;
  readonly shortfall: KdfShortfall;
  /** The count is OpenSSL's default (nothing written for it). */
  readonly isDefault: boolean;
}

/**
 * `openssl enc` with a password (catalogue `opensslPasswordEnc`): EVP_BytesToKey (one round) without `-pbkdf2`/
 * `-iter`, else PBKDF2 at `-iter` rounds, judged against the PBKDF2 floors for `-md`'s digest.
 */
function passwordCommandShortfalls(
  node: TSESTree.CallExpression,
  str: StringRead,
  getScope: GetScope,
): PasswordCommandShortfall[] {
  const out: PasswordCommandShortfall[] = [];
  const e = opensslPasswordEnc;
  for (const inv of invocations(node, str, getScope)) {
    if (!isEnc(inv)) continue;
    const has = (flags: readonly string[]): Word | undefined => inv.args.find((w) => flags.includes(w.text));
    if (!has(e.passwordOptions)) continue;
    const after = (flag: string): Word | undefined => inv.args[inv.args.findIndex((w) => w.text === flag) + 1];
    const md = has([e.digestOption]) ? after(e.digestOption) : undefined;
    const digest = (md && normaliseDigest(md.text)) ?? e.defaultDigest;
    const pbkdf2 = has(e.pbkdf2Options);
    const iter = has([e.iterationsOption]) ? after(e.iterationsOption) : undefined;
    const count = !pbkdf2 ? 1 : iter && /^\d+$/.test(iter.text) ? Number(iter.text) : e.pbkdf2DefaultIterations;
    const at = pbkdf2 ? (iter ?? pbkdf2) : (md ?? inv.args[0]!);
    const kdf = pbkdf2 ? 'openssl enc -pbkdf2' : 'openssl enc (EVP_BytesToKey)';
    for (const shortfall of kdfShortfalls('pbkdf2', { iterations: count, digest }))
      out.push({ node: at.node, kdf, shortfall, isDefault: !iter });
  }
  return out;
}

/** Reports (as no-password-as-key's `weakKdf`) each password `openssl enc` of a command run from code. */
export function checkPasswordCommand(
  node: TSESTree.CallExpression,
  flow: FileFlow,
  report: (at: TSESTree.Node, messageId: 'weakKdf', data: Record<string, string | number>) => void,
): void {
  const str: StringRead = (n) => {
    const value = staticStringThrough(n, flow);
    return value === undefined ? undefined : { value, node: n };
  };
  for (const c of passwordCommandShortfalls(node, str, flow.getScope)) {
    const { param, value, floor, source } = c.shortfall;
    const isDefault = c.isDefault ? ' (the library default)' : '';
    report(c.node, 'weakKdf', { kdf: c.kdf, param, value, isDefault, floor, source });
  }
}
