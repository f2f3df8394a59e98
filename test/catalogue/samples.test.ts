/**
 * Every catalogue entry proves itself: each positive sample matches, each negative does not
 * (STYLE practice 7). Entries from later issues add their own `describe` blocks here or beside it.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { credentialFormats, publicIdentifiers } from '../../src/catalogue/credentials.js';
import { hashName, nonSecretName, publicEnvName, secretEnvName, secretName, securityPurposeName } from '../../src/catalogue/names.js';
import { keySinks } from '../../src/catalogue/sinks.js';
import { findCredentials } from '../../src/detect/classify.js';
import { normaliseName } from '../../src/detect/names.js';
import { collectImports, type ImportMap } from '../../src/rule-kit/imports.js';
import { matchSinks } from '../../src/rule-kit/sinks.js';

describe('credential formats', () => {
  for (const f of credentialFormats) {
    describe(f.id, () => {
      it.each(f.samples.positive)('matches positive %#', (s) => {
        expect(findCredentials(s).map((m) => m.format.id)).toContain(f.id);
      });
      it.each(f.samples.negative)('does not match negative %#', (s) => {
        expect(findCredentials(s).map((m) => m.format.id)).not.toContain(f.id);
      });
    });
  }
});

describe('public identifiers', () => {
  for (const p of publicIdentifiers) {
    it(`${p.id}: positives match, negatives do not`, () => {
      for (const s of p.samples.positive) expect(p.pattern.test(s), s).toBe(true);
      for (const s of p.samples.negative) expect(p.pattern.test(s), s).toBe(false);
    });
  }
});

describe('name lexicons', () => {
  for (const lex of [secretName, nonSecretName, hashName, secretEnvName, publicEnvName, securityPurposeName]) {
    it(`${lex.id}: positives match, negatives do not`, () => {
      for (const s of lex.samples.positive) expect(lex.pattern.test(normaliseName(s)), s).toBe(true);
      for (const s of lex.samples.negative) expect(lex.pattern.test(normaliseName(s)), s).toBe(false);
    });
  }
});

/** Whether `code` contains a call that the sink describes, found the way the rules find it. */
function sinkFound(sinkId: string, code: string): boolean {
  let found = false;
  const probe: TSESLint.RuleModule<'x'> = {
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    defaultOptions: [],
    create(context) {
      let imports: ImportMap = new Map();
      return {
        Program(program) {
          imports = collectImports(program);
        },
        'CallExpression, NewExpression'(node: TSESTree.CallExpression | TSESTree.NewExpression) {
          if (matchSinks(node, imports, context.sourceCode.getScope(node)).some((h) => h.sink.id === sinkId)) found = true;
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [
    { files: ['**/*.ts'], plugins: { probe: { rules: { probe: probe as never } } }, languageOptions: { parser: tsParser as Linter.Parser }, rules: { 'probe/probe': 'error' } },
  ], { filename: 'sample.ts' });
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`sample does not parse: ${fatal.message}`);
  return found;
}

describe('key sinks', () => {
  for (const s of keySinks) {
    describe(s.id, () => {
      it.each(s.samples.positive)('matches positive %#', (code) => expect(sinkFound(s.id, code)).toBe(true));
      it.each(s.samples.negative)('does not match negative %#', (code) => expect(sinkFound(s.id, code)).toBe(false));
    });
  }
});
