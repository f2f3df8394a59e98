/**
 * `rm` run from code through a shell or a process runner (catalogue `keyCommands.runners`: child_process, execa):
 * `execSync(\`rm -f ${keyFile}\`)`, `exec('rm -rf ' + dir)`, `execFileSync('rm', ['-f', keyPath])`. The operands
 * are what the command removes; like `fs.unlink`, `rm` removes names, not blocks (NIST SP 800-88 Rev. 1 §2.5).
 * Read by no-unsafe-key-deletion, which judges each operand as it judges a deletion API's path.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { commandLineRunners } from '../catalogue/index.js';
import { calleeName, staticString, unwrap } from './ast.js';

/** Shell syntax, not catalogue data: the words that end one command of a shell line and start the next. */
const SEPARATORS = new Set([';', '&&', '||', '|']);

/** One word of a command: static text, one expression, or text with `*` where expressions were. */
type Word = { readonly text: string; readonly node?: TSESTree.Node };

/** The words of a command line written as a string, a template or a `+` concatenation. */
function commandWords(arg: TSESTree.Node): Word[] | undefined {
  const parts: (string | TSESTree.Node)[] = [];
  const collect = (n: TSESTree.Node, depth: number): boolean => {
    const u = unwrap(n);
    const s = staticString(u);
    if (s !== undefined) return parts.push(s) > 0;
    if (u.type === T.TemplateLiteral) {
      u.quasis.forEach((q, i) => {
        parts.push(q.value.cooked ?? '');
        if (u.expressions[i]) parts.push(u.expressions[i]!);
      });
      return true;
    }
    if (u.type === T.BinaryExpression && u.operator === '+' && depth < 6)
      return collect(u.left, depth + 1) && collect(u.right, depth + 1);
    parts.push(u);
    return depth > 0;
  };
  if (!collect(arg, 0)) return undefined;
  const words: Word[] = [];
  let text = '';
  let nodes: TSESTree.Node[] = [];
  const flush = (): void => {
    if (text === '' && nodes.length === 0) return;
    const only = nodes.length === 1 && text === '*' ? nodes[0] : undefined;
    words.push(only ? { text, node: only } : { text });
    text = '';
    nodes = [];
  };
  for (const p of parts) {
    if (typeof p !== 'string') {
      text += '*';
      nodes.push(p);
      continue;
    }
    const pieces = p.split(/(\s+)/);
    pieces.forEach((piece, i) => {
      if (i % 2 === 1) flush();
      else text += piece.replace(/^["']|["']$/g, '');
    });
  }
  flush();
  return words;
}

/** The words of `execFile('rm', ['-f', p])`: the program, then each array element. */
function programWords(program: TSESTree.Node, args: TSESTree.Node | undefined): Word[] | undefined {
  const name = staticString(unwrap(program));
  if (name === undefined) return undefined;
  const list = args && unwrap(args);
  const elements = list?.type === T.ArrayExpression ? list.elements : [];
  return [
    { text: name },
    ...elements.flatMap((e): Word[] => {
      if (!e || e.type === T.SpreadElement) return [];
      const s = staticString(unwrap(e));
      return [s !== undefined ? { text: s } : { text: '*', node: e }];
    }),
  ];
}

/**
 * What an `rm` run by this call removes: an expression (`keyFile`), or the static text of an operand (`/tmp/x.key`,
 * `*` where an expression stands inside it). Empty when the call runs no `rm`.
 */
export function removedOperands(call: TSESTree.CallExpression): (TSESTree.Node | string)[] {
  const [first, second] = call.arguments;
  if (!first || first.type === T.SpreadElement) return [];
  const words = commandLineRunners.names.has(calleeName(unwrap(call.callee)) ?? '')
    ? commandWords(first)
    : programWords(first, second && second.type !== T.SpreadElement ? second : undefined);
  const out: (TSESTree.Node | string)[] = [];
  let inRm = false;
  let start = true;
  for (const w of words ?? []) {
    if (SEPARATORS.has(w.text)) {
      inRm = false;
      start = true;
      continue;
    }
    if (start) {
      if (w.text === 'sudo') continue;
      inRm = !w.node && /(?:^|\/)rm$/.test(w.text);
      start = false;
      continue;
    }
    if (inRm && !(w.node === undefined && w.text.startsWith('-'))) out.push(w.node ?? w.text);
  }
  return out;
}
