/**
 * no-weak-key-size's reading of key-making command lines run from code (catalogue `keyCommands`): the command
 * string of `exec`/`execSync` (a template's variable parts become `…`) or the program and argument array of
 * `execFile`/`spawn`/execa, split into words. `ssh-keygen -t dsa` (OpenSSH's DSA keys are 1024 bits), an RSA
 * `-b` under the minimum, `openssl genrsa 1024`, `-newkey rsa:1024`, `-pkeyopt rsa_keygen_bits:1024`,
 * `openssl dhparam 1024`, and a weak cipher flag (`openssl genrsa -des3`) are reported at the string holding them.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyCommands } from '../catalogue/algorithm-libraries.js';
import { weakCipherOf } from '../catalogue/algorithms.js';
import type { AlgorithmChecks, AlgorithmReport } from './algorithm-checks.js';
import { unwrap } from './ast.js';
import type { CalleePath } from './sinks.js';

interface Word {
  readonly text: string;
  readonly node: TSESTree.Node;
}

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
function wordsOf(n: TSESTree.Node | undefined, check: AlgorithmChecks): Word[] {
  if (!n || n.type === T.SpreadElement) return [];
  const v = unwrap(n);
  if (v.type === T.ArrayExpression)
    return v.elements.flatMap((e) => {
      const s = e && e.type !== T.SpreadElement ? check.str(e) : undefined;
      return s ? [{ text: s.value, node: e! }] : [];
    });
  const s = check.str(v);
  const text = s?.value ?? (v.type === T.TemplateLiteral ? v.quasis.map((q) => q.value.cooked ?? '').join('…') : '');
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => ({ text: w.replace(/^["']|["']$/g, ''), node: v }));
}

/** Judges one command run from code. */
export function checkKeyCommand(
  node: TSESTree.CallExpression,
  check: AlgorithmChecks,
  report: AlgorithmReport,
  minBits: number,
): void {
  const words = [...wordsOf(node.arguments[0], check), ...wordsOf(node.arguments[1], check)];
  const small = (w: Word, bits: number, what: string, api: string): void => {
    if (bits < minBits) report(w.node, 'smallModulus', { what, bits, min: minBits, api });
  };
  for (let i = 0; i < words.length; i++) {
    const program = words[i]!.text.split('/').pop()!;
    if (!(keyCommands.programs as readonly string[]).includes(program)) continue;
    const rest = words.slice(i + 1);
    const end = rest.findIndex((w) => /^(?:&&|\|\|?|;)$/.test(w.text));
    const args = end < 0 ? rest : rest.slice(0, end);
    const opt = (flag: string): Word | undefined => args[args.findIndex((w) => w.text === flag) + 1];
    if (program === 'ssh-keygen') {
      const type = opt('-t')?.text.toLowerCase() ?? 'rsa';
      const b = opt('-b');
      if (type === 'dsa') small(opt('-t')!, 1024, 'DSA modulus', 'ssh-keygen -t dsa');
      else if ((type === 'rsa' || type === 'rsa1') && b && /^\d+$/.test(b.text))
        small(b, Number(b.text), 'RSA modulus', 'ssh-keygen -b');
      continue;
    }
    const sub = args[0]?.text ?? '';
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
