import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/require-key-rotation.js';
import { jwtModuleSigners } from '../../src/catalogue/jwt-modules.js';

/** The rule's messages for `code`, linted as a module in src/ (not a test file). */
function lint(code: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        plugins: { k: { rules: { r: rule as never } } },
        languageOptions: { parser: tsParser as Linter.Parser },
        rules: { 'k/r': 'error' },
      },
    ],
    { filename: 'src/auth/sample.ts' },
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`sample does not parse: ${fatal.message}`);
  return messages;
}

describe('JWT module signers', () => {
  for (const s of jwtModuleSigners) {
    describe(s.id, () => {
      it.each(s.samples.positive)('reports positive %#', (code) =>
        expect(lint(code).map((m) => [m.messageId, m.message.includes(s.title)])).toEqual([['jwtNoKid', true]]),
      );
      it.each(s.samples.negative)('stays silent on negative %#', (code) => expect(lint(code)).toEqual([]));
    });
  }
});
