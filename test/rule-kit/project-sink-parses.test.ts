/**
 * no-logged-key reads a method of another module's class for a call on a receiver typed with it
 * (`ledger.append(entry)` on a `ledger: Ledger` parameter): that module is parsed (src/rule-kit/project-sinks.ts
 * `classHelper`). It is parsed only when the call could report something: an argument that leaks under some sink.
 * On typeorm this kept its largest modules (query builders, the MongoDB typings) from being parsed for calls such as
 * `qb.select(alias)`. The figures here are counts of parses of other modules, not times.
 */
import type { Linter } from 'eslint';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectSinkAsks } from '../../src/rule-kit/project-sinks.js';
import { lintCountingParses } from '../helpers/parse-count.js';

const dir = mkdtempSync(join(tmpdir(), 'kh-class-helper-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A module of the project whose class has a method that logs its argument and one that does not. */
function ledgerModule(name: string): void {
  writeFileSync(
    join(dir, `${name}.ts`),
    [
      'export class Ledger {',
      '  private rows: unknown[] = [];',
      '  append(entry: unknown) {',
      '    console.log("ledger", entry);',
      '  }',
      '  size(limit: number) {',
      '    return Math.min(this.rows.length, limit);',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
}

/** Lints `body` (inside a function of `ledger: Ledger`, `apiKey`, `count`) with no-logged-key alone. */
function lint(module: string, body: string): { messages: Linter.LintMessage[]; parses: number; asks: number } {
  const before = projectSinkAsks();
  const code = [
    `import { Ledger } from '${module.startsWith('@') ? module : `./${module}`}';`,
    '',
    'export function settle(ledger: Ledger, apiKey: string, count: number) {',
    ...body.split('\n').map((l) => `  ${l}`),
    '}',
    '',
  ].join('\n');
  const r = lintCountingParses(dir, code, `use-${module.replace(/\W/g, '-')}.ts`);
  return { ...r, asks: projectSinkAsks() - before };
}

describe("a receiver's class in another module is parsed only for a call that could report", () => {
  it('calls whose arguments cannot leak (a number, a literal, a count): the module is not parsed', () => {
    ledgerModule('ledger-a');
    const r = lint('ledger-a', "ledger.size(3);\nledger.size(count);\nledger.append('settled');");
    expect(r.messages).toEqual([]);
    expect(r.parses).toBe(0);
  });

  it('a call with the key: the module is parsed once and the call reported through the class', () => {
    ledgerModule('ledger-b');
    const r = lint('ledger-b', 'ledger.size(count);\nledger.append({ apiKey });\nledger.append({ apiKey, count });');
    expect(r.parses).toBe(1);
    expect(r.messages.map((m) => [m.messageId, m.line])).toEqual([
      ['loggedKey', 5],
      ['loggedKey', 6],
    ]);
    expect(r.messages[0]!.message).toContain('Ledger.append()');
  });

  it('the same file with the key removed: nothing reported, and nothing parsed', () => {
    ledgerModule('ledger-c');
    const r = lint('ledger-c', 'ledger.size(count);\nledger.append({ count });');
    expect(r.messages).toEqual([]);
    expect(r.parses).toBe(0);
  });

  it('each call that cannot leak asks once whether it could report; the first that could parses the module', () => {
    ledgerModule('ledger-d');
    const r = lint('ledger-d', 'ledger.size(3);\nledger.size(count);\nledger.append({ apiKey });\nledger.size(4);');
    expect(r.asks).toBe(3);
    expect(r.parses).toBe(1);
    expect(r.messages.map((m) => [m.messageId, m.line])).toEqual([['loggedKey', 6]]);
  });

  it('a class of an installed package (no project file): nothing asked, parsed or reported', () => {
    const r = lint('@vendor/ledger', 'ledger.size(3);\nledger.size(count);\nledger.append({ apiKey });');
    expect(r.messages).toEqual([]);
    expect(r.asks).toBe(0);
    expect(r.parses).toBe(0);
  });
});
