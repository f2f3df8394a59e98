/**
 * no-logged-key looks up the log sink of every call with arguments (src/rule-kit/log-sinks.ts `logSinkOf`). The
 * lookups a file repeats are answered once per file: the declaration an imported name stands for, with the resolver
 * of the module it is in (no look at that module on disk per call: src/rule-kit/project-sinks.ts `sinksAt`), and the
 * logger a variable holds (`perVariable`: per variable, not per name, so a parameter that shadows a logger's name is
 * not taken for it). The figures here are counts (parses of other modules, looks at their modification time).
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { moduleDiskLooks } from '../../src/rule-kit/module-files.js';
import { lintCountingParses } from '../helpers/parse-count.js';

const dir = mkdtempSync(join(tmpdir(), 'kh-log-sink-lookups-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A project module with `trace(label, value)`: logs its value, or (`logs` false) only counts it. */
function traceModule(name: string, logs: boolean, mtime: number): void {
  const file = join(dir, `${name}.ts`);
  writeFileSync(
    file,
    [
      'let seen = 0;',
      'export function trace(label: string, value: unknown) {',
      logs ? '  console.log(label, value);' : '  seen += label.length;',
      '}',
      '',
    ].join('\n'),
  );
  utimesSync(file, mtime, mtime);
}

/** A file that calls the imported `trace` `quiet` times with a count, then once with the key (on line 4 + quiet). */
function caller(module: string, quiet: number): string {
  return [
    `import { trace } from './${module}';`,
    '',
    'export function settle(apiKey: string, count: number) {',
    ...Array.from({ length: quiet }, (_, i) => `  trace('step ${i}', count);`),
    "  trace('key', apiKey);",
    '}',
    '',
  ].join('\n');
}

function lint(code: string, fileName: string): { messages: Linter.LintMessage[]; parses: number; looks: number } {
  const before = moduleDiskLooks();
  const r = lintCountingParses(dir, code, fileName);
  return { ...r, looks: moduleDiskLooks() - before };
}

describe("an imported helper's declaration is looked up once per file", () => {
  it('twenty calls of the same helper: one parse, and the disk looked at a fixed number of times', () => {
    traceModule('trace-a', true, 1_700_000_000);
    const r = lint(caller('trace-a', 20), 'use-a.ts');
    expect(r.messages.map((m) => [m.messageId, m.line, m.column])).toEqual([['loggedKey', 24, 16]]);
    expect(r.messages[0]!.message).toContain('through trace() in trace-a.ts');
    expect(r.parses).toBe(1);
    // The first call resolves `trace` (module-values.ts reads the module: two looks), its parse is noted (one), checked
    // once more when the module's resolver is bound to the answer (one), and that resolver reads the module (two); the
    // other twenty calls look at nothing. When the answer kept no resolver, each later call looked three times.
    expect(r.looks).toBe(6);
  });

  it('one call, then forty: the same six looks (none per call)', () => {
    traceModule('trace-b', true, 1_700_000_000);
    expect(lint(caller('trace-b', 0), 'use-b1.ts').looks).toBe(6);
    const r = lint(caller('trace-b', 40), 'use-b2.ts');
    expect(r.messages.map((m) => [m.messageId, m.line])).toEqual([['loggedKey', 44]]);
    expect(r.looks).toBe(6);
  });

  it('the helper changed on disk between two lints: the next file reads the new helper', () => {
    traceModule('trace-c', true, 1_700_000_000);
    expect(lint(caller('trace-c', 3), 'use-c.ts').messages.map((m) => m.line)).toEqual([7]);
    traceModule('trace-c', false, 1_700_000_100);
    const r = lint(caller('trace-c', 3), 'use-c.ts');
    expect(r.messages).toEqual([]);
    expect(r.parses).toBe(1);
    traceModule('trace-c', true, 1_700_000_200);
    expect(lint(caller('trace-c', 3), 'use-c.ts').messages.map((m) => m.line)).toEqual([7]);
  });
});

/** Lints a file with no imports of the project (no other module is read) with no-logged-key alone. */
function lintOwn(code: string): Linter.LintMessage[] {
  return new Linter({ configType: 'flat' }).verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { kh: { rules: { 'no-logged-key': rule as unknown as import('eslint').Rule.RuleModule } } },
        rules: { 'kh/no-logged-key': 'error' },
      },
    ],
    'own.ts',
  );
}

const made = [
  'function fromPino(apiKey: string) {',
  '  const sink = pino();',
  '  sink.info({ apiKey });',
  '  sink.warn({ apiKey });',
  '}',
];
const param = [
  'function fromParam(sink: { info(x: unknown): void }, apiKey: string) {',
  '  sink.info({ apiKey });',
  '}',
];

describe('the logger a name holds is kept per variable, not per name', () => {
  it('a pino logger first, then a parameter of the same name: only the logger reports', () => {
    const messages = lintOwn(["import pino from 'pino';", ...made, ...param, ''].join('\n'));
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([
      ['loggedKey', 4, 15],
      ['loggedKey', 5, 15],
    ]);
    expect(messages[0]!.message).toContain('pino');
  });

  it('the parameter first, then the logger: the same two, at the logger', () => {
    const messages = lintOwn(["import pino from 'pino';", ...param, ...made, ''].join('\n'));
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([
      ['loggedKey', 7, 15],
      ['loggedKey', 8, 15],
    ]);
  });

  it('two functions each making their own logger under one name: both report', () => {
    const messages = lintOwn(["import pino from 'pino';", ...made, ...made, ''].join('\n'));
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([
      ['loggedKey', 4],
      ['loggedKey', 5],
      ['loggedKey', 9],
      ['loggedKey', 10],
    ]);
  });
});
