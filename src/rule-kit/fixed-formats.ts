/**
 * Primitives an external format or protocol fixes (catalogue `fixedFormats`; docs/rules/no-weak-key-size.md, "Fixed
 * formats and legacy reads"). A finding is the format's when the module implements that format (one of its magic
 * strings, or a function or class named for it), the weak primitive is one the format fixes, and, for a key file,
 * the module only reads it (no encrypting call: a writer of the old format chose it, and stays reported). The rules
 * leave such findings out by default (`recommended`) and report them at low severity under `legacyPaths: 'all'`
 * (`strict`), saying which format fixes them. One walk per module, made only when a rule asks (rare).
 */
import type { JSONSchema, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { fixedFormats, type FixedFormat } from '../catalogue/fixed-formats.js';
import { normaliseName } from '../detect/names.js';
import { childrenOf, isFunctionNode } from './ast.js';
import { encryptingCalls, renderMessage } from './legacy-reads.js';
import { oncePerNode } from './ranked.js';

/** What `legacyPaths` selects: the default leaves read-only legacy paths and fixed formats out; `all` reports them. */
export type LegacyPaths = 'actionable' | 'all';

/** The option's schema entry, shared by the rules that take it. */
export const legacyPathsSchema: JSONSchema.JSONSchema4 = {
  type: 'string',
  enum: ['actionable', 'all'],
  description:
    'Read-only legacy paths beside a current writer, and primitives a named external format or protocol ' +
    "fixes: left out ('actionable', the default) or reported at low severity ('all', the strict preset).",
};

interface ModuleFacts {
  readonly strings: readonly string[];
  readonly names: readonly string[];
}

const cache = new WeakMap<TSESTree.Program, ModuleFacts>();

/** The name a function or class is declared or held under, if any. */
function declaredName(n: TSESTree.Node): string | undefined {
  if ((isFunctionNode(n) || n.type === T.ClassDeclaration || n.type === T.ClassExpression) && n.id) return n.id.name;
  const p = n.parent;
  if (!p || !(isFunctionNode(n) || n.type === T.ClassExpression)) return undefined;
  if (p.type === T.VariableDeclarator && p.id.type === T.Identifier) return p.id.name;
  if ((p.type === T.Property || p.type === T.MethodDefinition) && p.key.type === T.Identifier) return p.key.name;
  return undefined;
}

function moduleFacts(sourceCode: Readonly<TSESLint.SourceCode>): ModuleFacts {
  const hit = cache.get(sourceCode.ast);
  if (hit) return hit;
  const strings: string[] = [];
  const names: string[] = [];
  const visit = (n: TSESTree.Node): void => {
    if (n.type === T.Literal && typeof n.value === 'string') strings.push(n.value);
    else if (n.type === T.TemplateElement && n.value.cooked) strings.push(n.value.cooked);
    const name = declaredName(n);
    if (name !== undefined) names.push(name);
    for (const c of childrenOf(n, sourceCode.visitorKeys)) visit(c);
  };
  visit(sourceCode.ast);
  const out = { strings, names };
  cache.set(sourceCode.ast, out);
  return out;
}

const namedFor = (f: FixedFormat, name: string): boolean =>
  f.name.test(normaliseName(name)) || f.name.test(name.toLowerCase());

/** How the module shows it implements `f`, in words for the message, or undefined. */
function evidenceOf(f: FixedFormat, facts: ModuleFacts): string | undefined {
  const s = facts.strings.find((x) => f.literal.test(x));
  if (s !== undefined) return `the module holds its string '${s.slice(0, 40)}'`;
  const n = facts.names.find((x) => namedFor(f, x));
  return n !== undefined ? `${n}() is named for it` : undefined;
}

type Data = Record<string, string | number>;
/**
 * What a finding asks of the catalogue: the weak algorithm and digest it names (lower case: `des-ecb`, `hmac-md5`),
 * or a passphrase's key.
 */
export type FixedFormatQuery = { readonly primitives: readonly string[] } | { readonly passwordKey: true };

interface FixedFormatUse {
  readonly format: FixedFormat;
  /** The evidence in words (`the module holds its string 'DEK-Info'`). */
  readonly why: string;
}

/**
 * The external format that fixes a finding in this module, or undefined: `primitives` are the weak algorithm and
 * digest a no-weak-key-size finding names, or `passwordKey` asks for a format that fixes the passphrase's key.
 */
function fixedFormatOf(sourceCode: Readonly<TSESLint.SourceCode>, want: FixedFormatQuery): FixedFormatUse | undefined {
  const candidates = fixedFormats.filter((f) =>
    'primitives' in want ? want.primitives.some((p) => f.primitives.includes(p)) : f.passwordKey,
  );
  if (candidates.length === 0) return undefined;
  const facts = moduleFacts(sourceCode);
  for (const format of candidates) {
    const why = evidenceOf(format, facts);
    if (why === undefined) continue;
    if (format.kind === 'key-file' && encryptingCalls(sourceCode).length > 0) continue;
    return { format, why: format.kind === 'key-file' ? `${why}; the module only reads it` : why };
  }
  return undefined;
}

/** The fixed-format message both rules share, around the finding's own message (`{{detail}}`). */
export const fixedFormatMessage =
  "Fixed by {{format}} ({{why}}): {{detail}} The primitive is the format's, not a choice made here; it goes " +
  'when the format does (move to a current version of the format or protocol where the other side allows it).';

/**
 * The gate a rule's report goes through: `undefined` reports the finding as it is, `null` leaves it out (the
 * default, `actionable`), else the `fixedFormat` message quoting the finding's own (`legacyPaths: 'all'`).
 */
export function fixedFormatGate<M extends string>(
  sourceCode: Readonly<TSESLint.SourceCode>,
  messages: Readonly<Record<M, string>>,
  all: boolean,
  query: (messageId: M, data: Data) => FixedFormatQuery | undefined,
): (messageId: M, data: Data) => { messageId: M; data: Data } | null | undefined {
  return (messageId, data) => {
    const q = query(messageId, data);
    const use = q && fixedFormatOf(sourceCode, q);
    if (!use) return undefined;
    if (!all) return null;
    const detail = renderMessage(messages[messageId], data);
    return { messageId: 'fixedFormat' as M, data: { format: use.format.title, why: use.why, detail } };
  };
}

type Report<M extends string, S> = (node: TSESTree.Node, messageId: M, data: Data, suggest?: S[]) => void;

/**
 * A rule's report, once per node, through the fixed-format gate; `made()` counts the findings reported so far (the
 * legacy-read judgement asks whether the rule found anything else in the module), and `claim` marks a place judged
 * without a report (a withheld legacy read), so that no later check reports it.
 */
export function gatedReport<M extends string, S>(
  context: Readonly<TSESLint.RuleContext<M, readonly unknown[]>>,
  messages: Readonly<Record<M, string>>,
  all: boolean,
  query: (messageId: M, data: Data) => FixedFormatQuery | undefined,
): { readonly report: Report<M, S>; readonly made: () => number; readonly claim: (node: TSESTree.Node) => void } {
  const firstReport = oncePerNode();
  const gate = fixedFormatGate(context.sourceCode, messages, all, query);
  let made = 0;
  const report: Report<M, S> = (node, messageId, data, suggest = []) => {
    const gated = firstReport(node) ? gate(messageId, data) : null;
    if (gated === null) return;
    made++;
    const fix = suggest.length && !gated ? { suggest } : {};
    context.report({ node, ...(gated ?? { messageId, data }), ...fix } as TSESLint.ReportDescriptor<M>);
  };
  return { report, made: () => made, claim: (node) => void firstReport(node) };
}
