/**
 * Text built from parts: a command line, a URL, a connection string or a header made with a template, `+` or
 * `.join(…)` (issue 11, session 37). A project's helper that logs such a text and also runs or sends it
 * (`function sh(cmd) { log.info('$ ' + cmd); return execSync(cmd) }`, `get(url)` logging each request URL,
 * `spawn({ cmd, logger })` logging `opts.cmd`) logs whatever secret the caller built into it: `sh(\`mysqldump
 * -p${password}\`)`, `get(\`…?key=${apiKey}\`)`. Only text built at the call (or in a `const` it reads) counts there:
 * such a helper also receives plain values it uses for its work, and a secret handed over whole is a secret the
 * helper needs (`connect(password)`), not text it prints.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { textMasks } from '../catalogue/loggers.js';
import { constInitOf, propertyName, unwrap, type Scope } from './ast.js';

/** Whether `node` is text built from parts, itself or as the `const` it reads (up to three steps). */
export function isBuiltText(node: TSESTree.Node, getScope: (n: TSESTree.Node) => Scope, depth = 0): boolean {
  const u = unwrap(node);
  if (u.type === T.TemplateLiteral) return u.expressions.length > 0;
  if (u.type === T.BinaryExpression) return u.operator === '+';
  if (u.type === T.CallExpression) {
    const c = unwrap(u.callee);
    return c.type === T.MemberExpression && textMasks.joins.has(propertyName(c) ?? '');
  }
  if (u.type !== T.Identifier || depth >= 3) return false;
  const init = constInitOf(u, getScope(u));
  return init !== undefined && isBuiltText(init, getScope, depth + 1);
}

/** A log sink reached through a helper: which arguments it logs whole, which when built, which fields of objects. */
interface HelperSink {
  readonly forwarded?: (index: number) => boolean;
  readonly built?: (index: number) => boolean;
  readonly fields?: (index: number) => readonly string[];
}

/** A part of a call's arguments a sink logs. */
interface LoggedPart {
  readonly node: TSESTree.CallExpressionArgument;
  readonly whole: boolean;
}

/**
 * The parts of a call's arguments its sink logs: `whole` for an argument logged as it is (every argument when the
 * sink says nothing), and the built texts a helper logs while it runs or sends them (an argument, or a field of an
 * object literal argument).
 */
export function loggedParts(
  call: TSESTree.CallExpression,
  sink: HelperSink,
  getScope: (n: TSESTree.Node) => Scope,
): LoggedPart[] {
  return call.arguments.flatMap((a, i): LoggedPart[] => {
    if (!sink.forwarded || sink.forwarded(i)) return [{ node: a, whole: true }];
    if (a.type === T.SpreadElement) return [];
    if (sink.built?.(i) && isBuiltText(a, getScope)) return [{ node: a, whole: false }];
    const fields = sink.fields?.(i) ?? [];
    const obj = unwrap(a);
    if (!fields.length || obj.type !== T.ObjectExpression) return [];
    return obj.properties.flatMap((p) =>
      p.type === T.Property &&
      !p.computed &&
      fields.includes(propertyName(p) ?? '') &&
      p.value.type !== T.AssignmentPattern &&
      isBuiltText(p.value, getScope)
        ? [{ node: p.value as TSESTree.Expression, whole: false }]
        : [],
    );
  });
}

/**
 * Whether `part` is one of the values `text` was built from (`pw` in `cmd` made as `\`… --password=${pw}\``), compared
 * by source text: `cmd.replace(pw, '***')` masks a part of the command.
 */
export function isPartOf(
  part: TSESTree.Node,
  text: TSESTree.Node,
  getScope: (n: TSESTree.Node) => Scope,
  source: (n: TSESTree.Node) => string,
): boolean {
  const want = source(unwrap(part));
  const parts: TSESTree.Node[] = [text];
  for (let i = 0; i < parts.length && i < 40; i++) {
    const u = unwrap(parts[i]!);
    if (source(u) === want && i > 0) return true;
    if (u.type === T.TemplateLiteral) parts.push(...u.expressions);
    else if (u.type === T.BinaryExpression && u.operator === '+') parts.push(u.left, u.right);
    else if (u.type === T.Identifier && i === 0) {
      const init = constInitOf(u, getScope(u));
      if (init) parts.push(init);
    }
  }
  return false;
}
