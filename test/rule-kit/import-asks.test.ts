/**
 * no-logged-key resolves an import of the project (reads and parses its module) for a call only when that call could
 * report something: every import first resolved under one call asks it (src/rule-kit/project-sinks.ts `during`),
 * whether through a helper (`trace(label, value)`), a logger made there (`dbg(…)`), or a same-file helper that calls
 * one. A call that cannot leak leaves the module unread; the answers the resolver keeps (per variable, per helper,
 * per function) keep nothing computed while such an ask was refused, so a later call that can leak resolves it as
 * before. The figures here are counts of parses of other modules and of refused asks, not times.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRefusals } from '../../src/rule-kit/project-sinks.js';
import { lintCountingParses } from '../helpers/parse-count.js';

const dir = mkdtempSync(join(tmpdir(), 'kh-import-asks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A module of the project of its own (the parse cache is the process's): `trace(label, value)` logs its value. */
function traceModule(name: string): string {
  const lines = ['export function trace(label: string, value: unknown) {', '  console.log(label, value);', '}', ''];
  writeFileSync(join(dir, `${name}.ts`), lines.join('\n'));
  return `import { trace } from './${name}';`;
}

function lint(
  code: string[],
  fileName: string,
): { found: [string, number, number][]; parses: number; refused: number } {
  const before = projectRefusals();
  const r = lintCountingParses(dir, code.join('\n'), fileName);
  return {
    found: r.messages.map((m) => [m.messageId!, m.line, m.column]),
    parses: r.parses,
    refused: projectRefusals() - before,
  };
}

describe("an imported helper's module is read only for a call that could report", () => {
  it('calls that pass a count and a label: nothing parsed', () => {
    const r = lint(
      [
        traceModule('trace-a'),
        'export function step(count: number, label: string) {',
        "  trace('count', count);",
        '  trace(label, 3);',
        '}',
        '',
      ],
      'quiet.ts',
    );
    // Each call asks twice, both refused: for a helper the name stands for, then for a logger made there.
    expect(r).toEqual({ found: [], parses: 0, refused: 4 });
  });

  it('quiet calls first, then one with the key: one parse, the key reported through the helper', () => {
    const r = lint(
      [
        traceModule('trace-b'),
        'export function settle(apiKey: string, count: number) {',
        "  trace('count', count);",
        "  trace('again', count);",
        "  trace('key', apiKey);",
        '}',
        '',
      ],
      'settle.ts',
    );
    expect(r).toEqual({ found: [['loggedKey', 5, 16]], parses: 1, refused: 4 });
  });

  it('the key first: the answer is kept and the quiet calls after it ask nothing', () => {
    const r = lint(
      [
        traceModule('trace-c'),
        'export function settle(apiKey: string, count: number) {',
        "  trace('key', apiKey);",
        "  trace('count', count);",
        '}',
        '',
      ],
      'first.ts',
    );
    expect(r).toEqual({ found: [['loggedKey', 3, 16]], parses: 1, refused: 0 });
  });
});

describe('an answer computed while an ask was refused is not kept', () => {
  it('a pino logger made in another module, first called with a count: the key logged after it reports', () => {
    writeFileSync(join(dir, 'out.ts'), ["import pino from 'pino';", 'export const out = pino();', ''].join('\n'));
    const r = lint(
      [
        "import { out } from './out';",
        'export function open(apiKey: string, count: number) {',
        '  out.info(count);',
        '  out.info({ apiKey });',
        '}',
        '',
      ],
      'pino-late.ts',
    );
    // The logger `out` holds is looked up per variable (log-sinks.ts `perVariable`): kept after a refusal, the
    // first call's empty answer would hide the second call's sink.
    expect(r).toEqual({ found: [['loggedKey', 4, 14]], parses: 1, refused: 2 });
  });

  it('a same-file helper over the imported one, called first with a count: the key call through it reports', () => {
    const r = lint(
      [
        traceModule('trace-d'),
        'function note(value: unknown) {',
        "  trace('note', value);",
        '}',
        'export function open(apiKey: string, count: number) {',
        '  note(count);',
        '  note(apiKey);',
        '}',
        '',
      ],
      'wrapper-late.ts',
    );
    expect(r).toEqual({ found: [['loggedKey', 7, 8]], parses: 1, refused: 4 });
  });
});
