import { parseForESLint } from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { parseOtherFile } from '../../src/rule-kit/module-files.js';

// Another module of the project is parsed without tokens, comments or node maps (session 26, branch `speed10`):
// the tree and the scopes must be the parser's own, or a helper, logger or constant read there would change.

/** Everything about a tree but its parents and the token and comment arrays the other parse leaves out. */
const treeOf = (ast: unknown): string =>
  JSON.stringify(ast, (k, v: unknown) => (k === 'parent' || k === 'tokens' || k === 'comments' ? undefined : v));

/** Each scope: its kind, block, variables (with their definitions and references) and unresolved references. */
const scopesOf = (sm: TSESLint.Scope.ScopeManager): string[] =>
  sm.scopes.map((s) =>
    [
      s.type,
      s.block.range.join('-'),
      s.variables.map((v) => `${v.name}/${v.defs.map((d) => d.type).join('+')}/${v.references.length}`).join(','),
      s.through.map((r) => r.identifier.name).join(','),
    ].join(' '),
  );

const asESLintParses = (text: string, file: string) =>
  parseForESLint(text, {
    filePath: file,
    range: true,
    loc: true,
    sourceType: 'module',
    ecmaVersion: 'latest',
    ecmaFeatures: { jsx: /\.[cm]?[jt]sx$/.test(file) },
  });

const SOURCES: Record<string, string> = {
  'lib/log.ts': [
    "import pino from 'pino';",
    "import type { Level } from './levels';",
    "export const root = pino({ redact: ['password'] });",
    'export function trace(label: string, value: unknown, level: Level = "info"): void {',
    '  // the record keeps the value whole',
    '  root[level]({ value }, label);',
    '}',
    'export enum Kind { A = 1, B = A << 1 }',
    'export default class Audit<T> { private out = process.stderr; record(e: T) { this.out.write(`${e}`); } }',
  ].join('\n'),
  'ui/panel.tsx': [
    "import React from 'react';",
    '/* a component */',
    'export const Panel = <P extends object>(props: P) => <div title="t">{JSON.stringify(props)}</div>;',
    'export function useThing() { const [x, setX] = React.useState(0); return { x, setX }; }',
  ].join('\n'),
  'cli/out.js': [
    "const debug = require('debug')('app:out');",
    'exports.debug = (...args) => debug(...args);',
    'module.exports.info = function info(msg) { console.error(msg); };',
    'for (const k of Object.keys(exports)) { var seen = k; }',
  ].join('\n'),
  'cli/legacy.cjs':
    "'use strict';\nfunction helper(a, b = a) { return arguments.length + b; }\nmodule.exports = { helper };",
  'web/cast.mts':
    'declare const v: unknown;\nexport const n = <number>v;\nlet { a, ...rest } = { a: 1, b: 2 };\nexport { a };',
};

describe('parseOtherFile', () => {
  for (const [file, text] of Object.entries(SOURCES)) {
    it(`gives the tree and scopes parseForESLint gives for ${file}`, () => {
      const ours = parseOtherFile(text, file);
      const eslint = asESLintParses(text, file);
      expect(treeOf(ours.ast)).toBe(treeOf(eslint.ast));
      expect(ours.ast.sourceType).toBe('module');
      expect(scopesOf(ours.scopeManager as TSESLint.Scope.ScopeManager)).toEqual(
        scopesOf(eslint.scopeManager as TSESLint.Scope.ScopeManager),
      );
      expect(ours.visitorKeys).toBe(eslint.visitorKeys);
      expect(ours.services.program).toBeNull();
    });
  }

  it('leaves out tokens and comments, and throws where the parser throws', () => {
    const p = parseOtherFile(SOURCES['lib/log.ts']!, 'lib/log.ts');
    expect((p.ast as { tokens?: unknown }).tokens).toBeUndefined();
    expect((p.ast as { comments?: unknown }).comments).toBeUndefined();
    expect(() => parseOtherFile('export const = 1;', 'broken.ts')).toThrow();
    expect(() => asESLintParses('export const = 1;', 'broken.ts')).toThrow();
  });
});
