/**
 * Structural anchors for finding ids (docs/audit.md, "Finding ids"): where a match sits, named by what encloses
 * it rather than by its line or by how many equal matches come before it, so an edit elsewhere in the file never
 * moves one finding's id onto another.
 *
 * - Code: the enclosing declarations from the outside in (functions, classes, methods, properties, variables,
 *   assigned members, the callee a callback or argument is passed to) and the kind of the matched construct.
 * - Config and other text files: the key path of the value (YAML/JSON nesting by indentation, TOML/INI
 *   sections, the `KEY=` of an env file).
 *
 * No names are taken from values: a string key or a test title is used only when it does not look like a
 * secret, and everything here is only ever hashed with the repository's salt.
 */
import type { SourceCode } from 'eslint';
import { classifyValue } from '../../detect/index.js';

interface AstNode {
  readonly type: string;
  readonly range: [number, number];
  readonly [k: string]: unknown;
}

const isNode = (v: unknown): v is AstNode =>
  typeof v === 'object' && v !== null && typeof (v as AstNode).type === 'string' && Array.isArray((v as AstNode).range);

/** The chain of nodes from the program down to the innermost one that contains `index`. */
function pathTo(root: AstNode, keys: SourceCode.VisitorKeys, index: number): AstNode[] {
  const chain = [root];
  let node = root;
  descend: for (;;) {
    for (const k of keys[node.type] ?? []) {
      const v = node[k];
      for (const c of Array.isArray(v) ? v : [v]) {
        if (isNode(c) && c.range[0] <= index && index < c.range[1]) {
          chain.push(c);
          node = c;
          continue descend;
        }
      }
    }
    return chain;
  }
}

/** A name that is safe and short enough to hash as part of an anchor, or undefined. */
function safeName(text: string): string | undefined {
  if (text.length === 0 || text.length > 80) return undefined;
  return classifyValue(text).secret ? undefined : text;
}

/** The name of a property or member key. */
function keyName(key: unknown, computed: unknown): string {
  if (!isNode(key)) return '?';
  if (key.type === 'Identifier' || key.type === 'PrivateIdentifier')
    return `${key.type === 'PrivateIdentifier' ? '#' : ''}${String(key['name'])}`;
  if (key.type === 'Literal') return safeName(String(key['value'])) ?? '?';
  return computed ? '[]' : '?';
}

/** `a.b.c` for a chain of plain member accesses on an identifier or `this`, else undefined. */
function dotted(node: unknown): string | undefined {
  if (!isNode(node)) return undefined;
  if (node.type === 'Identifier') return String(node['name']);
  if (node.type === 'ThisExpression') return 'this';
  if (node.type === 'Super') return 'super';
  if (node.type === 'MemberExpression' && !node['computed']) {
    const o = dotted(node['object']);
    return o === undefined ? undefined : `${o}.${keyName(node['property'], false)}`;
  }
  if (node.type === 'CallExpression') {
    const c = dotted(node['callee']);
    return c === undefined ? undefined : `${c}()`;
  }
  return undefined;
}

/** The segment a function adds: its own name, or the call it is an argument of (with a test title, say). */
function functionSegment(fn: AstNode, parent: AstNode | undefined): string | undefined {
  const id = fn['id'];
  if (isNode(id)) return `${String(id['name'])}()`;
  if (parent && (parent.type === 'CallExpression' || parent.type === 'NewExpression')) {
    const args = parent['arguments'] as AstNode[];
    const first = args[0];
    const title =
      first &&
      first !== fn &&
      first.type === 'Literal' &&
      typeof first['value'] === 'string' &&
      /\s/.test(first['value'])
        ? safeName(first['value'].replace(/\s+/g, ' ').trim())
        : undefined;
    const arg = title === undefined ? `#${args.indexOf(fn)}` : JSON.stringify(title);
    return `${dotted(parent['callee']) ?? '?'}(${arg})`;
  }
  return undefined;
}

/** The segment one enclosing node adds to the anchor, if it names anything. */
function segmentOf(node: AstNode, parent: AstNode | undefined, child: AstNode | undefined): string | undefined {
  switch (node.type) {
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return functionSegment(node, parent);
    case 'ClassDeclaration':
    case 'ClassExpression':
      return isNode(node['id']) ? `class ${String(node['id']['name'])}` : undefined;
    case 'MethodDefinition':
    case 'PropertyDefinition':
    case 'AccessorProperty':
    case 'TSAbstractMethodDefinition':
    case 'TSAbstractPropertyDefinition':
    case 'Property':
    case 'TSPropertySignature':
      return `.${keyName(node['key'], node['computed'])}`;
    case 'VariableDeclarator':
      return isNode(node['id']) && node['id'].type === 'Identifier' ? `${String(node['id']['name'])}=` : undefined;
    case 'AssignmentExpression':
      return child === node['right'] ? `${dotted(node['left']) ?? '?'}=` : undefined;
    case 'CallExpression':
    case 'NewExpression': {
      // An argument that is not a function (those name themselves with the call): which call, which argument.
      const args = node['arguments'] as AstNode[];
      if (!child || !args.includes(child) || /Function/.test(child.type)) return undefined;
      return `${dotted(node['callee']) ?? '?'}(#${args.indexOf(child)})`;
    }
    case 'ExportDefaultDeclaration':
      return 'default';
    case 'TSModuleDeclaration':
      return isNode(node['id']) ? `namespace ${String(node['id']['name'] ?? node['id']['value'])}` : undefined;
    default:
      return undefined;
  }
}

/**
 * What a finding's tie-breaking context is the text of: its statement or declaration, or the object literal it
 * sits in when that is nearer (one record of a list: `{ user: 'a', password: … }`).
 */
const isContext = (type: string): boolean =>
  type === 'ObjectExpression' || (/(?:Statement|Declaration)$/.test(type) && type !== 'BlockStatement');

/**
 * The anchor of the match at `[start, end)` of a linted file: its enclosing declarations and its kind, and its
 * enclosing statement's text (with `secrets` taken out) as the context that separates equal matches of one anchor.
 */
export function codeAnchor(
  source: SourceCode,
  start: number,
  end: number,
  secrets: readonly string[],
): { anchor: string; context: () => string } {
  const chain = pathTo(source.ast as unknown as AstNode, source.visitorKeys, start);
  // The matched construct: the outermost node that lies wholly inside the match (else the innermost one).
  let at = chain.findIndex((n) => n.range[0] >= start && n.range[1] <= Math.max(end, start + 1));
  if (at < 0) at = chain.length - 1;
  const segments: string[] = [];
  for (let i = 1; i < at; i++) {
    const s = segmentOf(chain[i]!, chain[i - 1], chain[i + 1]);
    if (s !== undefined) segments.push(s);
  }
  const kind = chain[at]?.type ?? 'Program';
  return {
    anchor: `${segments.join(' ')} :${kind}`,
    context: () => {
      let i = at;
      while (i > 0 && !isContext(chain[i]!.type)) i--;
      const n = chain[i]!;
      let text = source.text.slice(n.range[0], Math.min(n.range[1], n.range[0] + 4000));
      for (const s of secrets) if (s.length > 0) text = text.split(s).join('\u0000secret\u0000');
      return text;
    },
  };
}

const KEY_BEFORE_VALUE = /(?:^|[\s{,[])["']?([\w$.@/-]{1,80})["']?\s*([:=])\s*["'`]?$/;
const PARENT_KEY = /^\s*(?:-\s+)?["']?([^"'\s:=#]{1,80})["']?\s*[:=]\s*(?:[{[|>][-+]?\s*)?(?:#.*)?$/;
const SECTION = /^\s*\[\[?\s*([^\]]{1,80}?)\s*\]\]?\s*$/;
const COMMENT = /^\s*(?:#|\/\/|;)/;
/** How far up a key path is looked for. */
const PARENT_LINES = 5000;

/**
 * The key path of the value at `line`:`column` (1-based) of a config or other text file: the key just before the
 * value, and above it each less-indented `key:` (YAML, indented JSON) up to the left margin or a `[section]`
 * (TOML, INI). Empty when the value has no key (free text).
 */
export function configKeyPath(lineAt: (n: number) => string, line: number, column: number): string {
  const own = lineAt(line);
  const keyed = KEY_BEFORE_VALUE.exec(own.slice(0, Math.max(0, column - 1)));
  const segments = keyed ? [keyed[1]!] : [];
  let indent = /^\s*(?:-\s+)?/.exec(own)![0].length;
  for (let n = line - 1; n >= 1 && n >= line - PARENT_LINES && indent > 0; n--) {
    const text = lineAt(n);
    if (text.trim() === '' || COMMENT.test(text)) continue;
    const section = SECTION.exec(text);
    if (section) {
      segments.unshift(`[${section[1]}]`);
      break;
    }
    const ind = /^\s*/.exec(text)![0].length;
    if (ind >= indent) continue;
    indent = ind;
    const parent = PARENT_KEY.exec(text)?.[1];
    if (parent !== undefined) segments.unshift(parent);
  }
  if (indent === 0 && keyed?.[2] === '=' && segments.length === 1) {
    // A section header above a `key = value` at the margin (TOML, INI).
    for (let n = line - 1; n >= 1 && n >= line - PARENT_LINES; n--) {
      const section = SECTION.exec(lineAt(n));
      if (section) {
        segments.unshift(`[${section[1]}]`);
        break;
      }
    }
  }
  return segments.join('/');
}
