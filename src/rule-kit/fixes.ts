/**
 * Suggestion builders shared by the rules. Every edit that changes security behaviour is a suggestion,
 * never an autofix (STYLE practice 4). The code they write imports exactly the `keyhygiene/keys` API;
 * test/rules/suggestions-compile.test.ts type-checks each suggested output against that API.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { defaultKeyNames, fallbackKeyName } from '../catalogue/sinks.js';
import { canAwaitAt, constantCase, kebabCase } from './ast.js';
import { isTypeScriptFile } from './files.js';
import type { Origin } from './values.js';

export const KEYS_MODULE = 'keyhygiene/keys';

/**
 * What the replaced expression must evaluate to: `bytes` (a Buffer), `string` (a library that wants a
 * string secret; generated secrets are base64), `text` (a provider-issued credential imported as-is).
 */
export type SuggestedValue = 'string' | 'bytes' | 'any' | 'text';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A default key name from the sink, when the value has no name of its own (catalogue: `defaultKeyNames`). */
export function defaultKeyName(sinkId: string | undefined): string {
  if (!sinkId) return fallbackKeyName.none;
  return defaultKeyNames.find((d) => d.sink.test(sinkId))?.name ?? fallbackKeyName.other;
}

/**
 * The name a suggestion gives the key: the binding's own name when it says something (`jwtSecret`,
 * `PAYMENTS_KEY`), else the sink's default (`k`, `key` and `secret` say nothing).
 */
export function keyNameFor(name: string | undefined, sinkId: string | undefined): string {
  const words = name === undefined ? [] : kebabCase(name).split('-').filter(Boolean);
  return words.length >= 2 ? words.join('-') : defaultKeyName(sinkId);
}

/**
 * Adds `import { name } from 'keyhygiene/keys'` (or from `from`) unless the file already imports it:
 * into an existing named import from that module, or as a new line after the last import (or at the top).
 * `name` may list several names; they go into one edit.
 */
export function ensureNamedImport(
  fixer: TSESLint.RuleFixer,
  context: Context,
  name: string | readonly string[],
  from: string = KEYS_MODULE,
): TSESLint.RuleFix | undefined {
  const program = context.sourceCode.ast;
  const imports = program.body.filter((s): s is TSESTree.ImportDeclaration => s.type === T.ImportDeclaration);
  const existing = imports.find((i) => i.source.value === from && i.importKind !== 'type');
  let names = typeof name === 'string' ? [name] : [...name];
  if (existing) {
    const named = existing.specifiers.filter((s): s is TSESTree.ImportSpecifier => s.type === T.ImportSpecifier);
    names = names.filter((n) => !named.some((s) => s.local.name === n));
    if (names.length === 0) return undefined;
    const last = named[named.length - 1];
    if (last) return fixer.insertTextAfter(last, `, ${names.join(', ')}`);
  }
  return insertLine(fixer, program, imports[imports.length - 1], `import { ${names.join(', ')} } from '${from}';`);
}

/** Adds a line after `after`, or at the top of the file after its directives ('use strict', 'use client'). */
function insertLine(
  fixer: TSESLint.RuleFixer,
  program: TSESTree.Program,
  after: TSESTree.Node | undefined,
  line: string,
): TSESLint.RuleFix {
  if (after) return fixer.insertTextAfter(after, `\n${line}`);
  const first = program.body[0];
  if (!first) return fixer.insertTextAfterRange([0, 0], `${line}\n`);
  const directives = program.body.filter((s) => s.type === T.ExpressionStatement && 'directive' in s && s.directive);
  const lastDirective = directives[directives.length - 1];
  if (lastDirective) return fixer.insertTextAfter(lastDirective, `\n${line}`);
  return fixer.insertTextBefore(first, `${line}\n`);
}

/** Whether a file is CommonJS: `.cjs`/`.cts`, a `commonjs` or `script` source type, or `require` with no `import`. */
function isCommonJs(context: Context): boolean {
  const sourceType = (context.languageOptions as { sourceType?: 'module' | 'script' | 'commonjs' }).sourceType;
  if (sourceType === 'commonjs' || sourceType === 'script' || /\.c[jt]s$/.test(context.filename)) return true;
  const body = context.sourceCode.ast.body;
  if (
    body.some(
      (s) =>
        s.type === T.ImportDeclaration ||
        s.type === T.ExportNamedDeclaration ||
        s.type === T.ExportDefaultDeclaration ||
        s.type === T.ExportAllDeclaration,
    )
  )
    return false;
  return body.some(isRequireDeclaration);
}

/**
 * Makes `names` from module `from` available: a named import in an ES module (`ensureNamedImport`), or
 * `const { names } = require('from');` after the last top-level `require` in a CommonJS file.
 */
export function ensureBinding(
  fixer: TSESLint.RuleFixer,
  context: Context,
  names: readonly string[],
  from: string,
): TSESLint.RuleFix | undefined {
  if (!isCommonJs(context)) return ensureNamedImport(fixer, context, names, from);
  const program = context.sourceCode.ast;
  const requires = program.body.filter(isRequireDeclaration);
  return insertLine(
    fixer,
    program,
    requires[requires.length - 1],
    `const { ${names.join(', ')} } = require('${from}');`,
  );
}

const isRequireDeclaration = (s: TSESTree.ProgramStatement): boolean =>
  s.type === T.VariableDeclaration &&
  s.declarations.some(
    (d) => d.init?.type === T.CallExpression && d.init.callee.type === T.Identifier && d.init.callee.name === 'require',
  );

/** What a suggestion replaces: for a fallback, the whole `a || 'lit'` (or default parameter) goes. */
function fallbackHost(origin: Origin): TSESTree.Node | undefined {
  const p = origin.replace.parent;
  if (!origin.fallback || !p) return undefined;
  if (p.type === T.LogicalExpression && p.right === origin.replace) return p;
  if (p.type === T.AssignmentPattern && p.right === origin.replace) return p;
  return undefined;
}

/**
 * Replace the literal with `(await loadSecret('name')).expose()` and import `loadSecret`.
 * Offered only where `await` is legal.
 */
export function keystoreSuggestion(
  context: Context,
  origin: Origin,
  valueType: SuggestedValue | undefined,
  sinkId: string | undefined,
): { keyName: string; fix: TSESLint.ReportFixFunction } | undefined {
  if (origin.replace.parent?.type === T.TemplateLiteral || origin.replace.type === T.TemplateElement) return undefined;
  const sourceType = (context.languageOptions as { sourceType?: 'module' | 'script' | 'commonjs' }).sourceType;
  if (!canAwaitAt(origin.replace, sourceType) || /\.cjs$/.test(context.filename)) return undefined;
  const keyName = keyNameFor(origin.name, sinkId);
  const convert = valueType === 'string' ? ".toString('base64')" : valueType === 'text' ? ".toString('utf8')" : '';
  const expr = `(await loadSecret('${keyName}')).expose()${convert}`;
  const host = fallbackHost(origin);
  const target = host?.type === T.AssignmentPattern ? origin.replace : (host ?? origin.replace);
  return {
    keyName,
    fix: (fixer) => {
      const fixes = [fixer.replaceText(target, expr)];
      const imp = ensureNamedImport(fixer, context, 'loadSecret');
      if (imp) fixes.push(imp);
      return fixes;
    },
  };
}

/** Replace the literal with a read of an environment variable (or drop the literal fallback). */
export function envSuggestion(
  context: Context,
  origin: Origin,
  valueType: SuggestedValue | undefined,
  sinkId: string | undefined,
): { env: string; fix: TSESLint.ReportFixFunction } | undefined {
  if (origin.replace.parent?.type === T.TemplateLiteral || origin.replace.type === T.TemplateElement) return undefined;
  const host = fallbackHost(origin);
  const bang = isTypeScriptFile(context.filename) ? '!' : '';
  if (host?.type === T.LogicalExpression) {
    const left = context.sourceCode.getText(host.left);
    const env = /process\.env\.([A-Za-z_][A-Za-z0-9_]*)/.exec(left)?.[1] ?? origin.fallbackFrom ?? 'the variable';
    return { env, fix: (fixer) => fixer.replaceText(host, left) };
  }
  const env = constantCase(keyNameFor(origin.name, sinkId));
  if (!env) return undefined;
  const read = `process.env.${env}${bang}`;
  const bytes =
    origin.kind === 'bytes' || origin.kind === 'zeros' || origin.encoding !== undefined || valueType === 'bytes';
  const expr = bytes ? `Buffer.from(${read}, '${origin.encoding === 'hex' ? 'hex' : 'base64'}')` : read;
  if (host?.type === T.AssignmentPattern) return { env, fix: (fixer) => fixer.replaceText(origin.replace, expr) };
  return { env, fix: (fixer) => fixer.replaceText(origin.replace, expr) };
}
