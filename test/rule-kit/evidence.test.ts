import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createRule } from '../../src/rule-kit/create-rule.js';
import { evidenceFloor, takeEvidence } from '../../src/rule-kit/evidence.js';
import { meetsEvidence, messageEvidence } from '../../src/catalogue/evidence.js';
import { rules } from '../../rules/index.js';

// Every rule goes through createRule, which states each report's evidence level (src/rule-kit/evidence.ts): the
// level the report carries in `data.evidence`, else the catalogue's level for its message. The settings drop
// reports below a floor and record the levels for the audit. A probe rule reports one finding per string literal:
// its text says which message and which stated level.

type Ids = 'secretName' | 'hardcodedKey' | 'iv';
const probe = createRule<[], Ids>({
  name: 'no-hardcoded-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'probe',
      recommended: 'strict',
      category: 'hardcoded-key',
      messageCategories: { iv: 'static-iv' },
      cwe: [321],
    },
    messages: { secretName: 'named {{what}}', hardcodedKey: 'sunk {{what}}', iv: 'iv {{what}}' },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Literal(node) {
        if (typeof node.value !== 'string') return;
        const [messageId, stated] = node.value.split(':') as [Ids, string | undefined];
        context.report({
          node,
          messageId,
          data: { what: node.value, ...(stated ? { evidence: stated } : {}) },
        });
      },
    };
  },
});

function lint(code: string, settings?: Record<string, unknown>): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(code, [
    {
      plugins: { probe: { rules: { 'no-hardcoded-key': probe as never } } },
      rules: { 'probe/no-hardcoded-key': 'error' },
      ...(settings ? { settings: { keyhygiene: settings } } : {}),
    },
  ]);
}

describe('evidence levels (createRule)', () => {
  it('reports everything and records nothing without settings', () => {
    takeEvidence();
    const m = lint("a('secretName'); b('hardcodedKey:format');");
    expect(m.map((x) => x.message)).toEqual(['named secretName', 'sunk hardcodedKey:format']);
    expect(takeEvidence()).toEqual([]);
  });

  it("records each report's stated level, else the catalogue's for its message, at ESLint's place", () => {
    takeEvidence();
    const m = lint("x('secretName');\n  y('hardcodedKey');\nz('secretName:flow');", {
      recordEvidence: true,
      minEvidence: 'name',
    });
    expect(m).toHaveLength(3);
    const rec = takeEvidence();
    // The catalogue's levels for no-hardcoded-key: secretName rests on a name, hardcodedKey on a sink.
    expect(rec).toEqual([
      { ruleId: 'keyhygiene/no-hardcoded-key', messageId: 'secretName', line: 1, column: 3, evidence: 'name' },
      { ruleId: 'keyhygiene/no-hardcoded-key', messageId: 'hardcodedKey', line: 2, column: 5, evidence: 'sink' },
      { ruleId: 'keyhygiene/no-hardcoded-key', messageId: 'secretName', line: 3, column: 3, evidence: 'flow' },
    ]);
    expect(rec.map((r) => `${r.line}:${r.column}`)).toEqual(m.map((x) => `${x.line}:${x.column}`));
  });

  it('drops reports below a single floor and keeps those at or above it', () => {
    const code = "f('hardcodedKey:name'); f('hardcodedKey:flow'); f('hardcodedKey'); f('hardcodedKey:format');";
    expect(lint(code, { minEvidence: 'name' })).toHaveLength(4);
    expect(lint(code, { minEvidence: 'flow' }).map((m) => m.message)).toEqual([
      'sunk hardcodedKey:flow',
      'sunk hardcodedKey',
      'sunk hardcodedKey:format',
    ]);
    expect(lint(code, { minEvidence: 'sink' })).toHaveLength(2);
    expect(lint(code, { minEvidence: 'format' }).map((m) => m.message)).toEqual(['sunk hardcodedKey:format']);
  });

  it("applies a per-category floor to each message's own category", () => {
    const code = "f('hardcodedKey:name'); f('iv:name'); f('iv:sink');";
    const m = lint(code, { minEvidence: { 'static-iv': 'sink' } });
    expect(m.map((x) => x.message)).toEqual(['sunk hardcodedKey:name', 'iv iv:sink']);
    expect(lint(code, { minEvidence: { 'hardcoded-key': 'flow' } }).map((x) => x.message)).toEqual([
      'iv iv:name',
      'iv iv:sink',
    ]);
  });

  it('takes the level out of the message data, and ignores a stated value that is no level', () => {
    takeEvidence();
    const m = lint("f('secretName:loud'); f('iv');", { recordEvidence: true });
    expect(m.map((x) => x.message)).toEqual(['named secretName:loud', 'iv iv']);
    // A stated value that is no level leaves the catalogue's (`name`); `iv` has no entry: the fallback is `sink`.
    expect(takeEvidence().map((r) => r.evidence)).toEqual(['name', 'sink']);
  });

  it('reads the floor settings by category', () => {
    const s = (minEvidence: unknown) => ({ keyhygiene: { minEvidence } });
    expect(evidenceFloor(s('flow'), 'logged-key')).toBe('flow');
    expect(evidenceFloor(s({ 'logged-key': 'sink' }), 'logged-key')).toBe('sink');
    expect(evidenceFloor(s({ 'logged-key': 'sink' }), 'static-iv')).toBeUndefined();
    expect(evidenceFloor(s('loud'), 'static-iv')).toBeUndefined();
    expect(evidenceFloor(undefined, 'static-iv')).toBeUndefined();
  });

  it('orders the levels format > sink > flow > name', () => {
    expect(meetsEvidence('format', 'sink')).toBe(true);
    expect(meetsEvidence('sink', 'flow')).toBe(true);
    expect(meetsEvidence('flow', 'name')).toBe(true);
    expect(meetsEvidence('name', 'flow')).toBe(false);
    expect(meetsEvidence('flow', 'sink')).toBe(false);
    expect(meetsEvidence('sink', 'sink')).toBe(true);
  });

  it('gives every report message of every rule a catalogue level (suggestions need none)', () => {
    for (const [name, rule] of Object.entries(rules)) {
      const messages = Object.keys(rule.meta.messages);
      const levels = messageEvidence[name] ?? {};
      const suggestions = messages.filter((m) => !(m in levels));
      // What is left without a level must be a suggestion: its text tells what to do, not what is wrong.
      for (const m of suggestions)
        expect(rule.meta.messages[m as never], `${name}.${m}`).toMatch(
          /^(?:Use|Load|Read|Write|Wrap|Derive|Turn|Rotate|Set|Name|Keep|Raise|Log|Make)\b/,
        );
      for (const m of Object.keys(levels)) expect(messages, `${name}: ${m}`).toContain(m);
    }
  });
});
