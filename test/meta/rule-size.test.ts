/**
 * The shape issue 15 asks of the rules: one hazard each, so no rule file over 400 lines and no rule's `create`
 * function over 150 lines (line length is test/meta/line-length.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true })
    .map(String)
    .filter((f) => /\.[cm]?ts$/.test(f))
    .map((f) => path.join(dir, f));
}

/** Lines of `create` in a rule module: the `create` method or property of the object given to createRule. */
function createLengths(file: string, text: string): Array<{ name: string; lines: number }> {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Array<{ name: string; lines: number }> = [];
  const lines = (node: ts.Node): number =>
    sf.getLineAndCharacterOfPosition(node.getEnd()).line - sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isMethodDeclaration(node) && node.name.getText() === 'create') out.push({ name: file, lines: lines(node) });
    if (ts.isPropertyAssignment(node) && node.name.getText() === 'create')
      out.push({ name: file, lines: lines(node.initializer) });
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('code shape (issue 15)', () => {
  it('has no rule file over 400 lines and no create() over 150 lines', () => {
    const rules = sources('rules').filter((f) => !f.endsWith('index.ts'));
    expect(rules.length).toBeGreaterThan(5);
    const big: string[] = [];
    let creates = 0;
    for (const f of rules) {
      const text = readFileSync(path.join(root, f), 'utf8');
      const n = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
      if (n > 400) big.push(`${f}: ${n} lines`);
      for (const c of createLengths(f, text)) {
        creates++;
        if (c.lines > 150) big.push(`${f}: create() ${c.lines} lines`);
      }
    }
    expect(creates).toBeGreaterThanOrEqual(rules.length);
    expect(big).toEqual([]);
  });
});
