/* eslint-disable keyhygiene/no-hardcoded-key -- every token below is fake, made up for these tests */
/**
 * no-hardcoded-key: a provider prefix whose body is another format (issue 11, session 34, branch fp18). Vercel's
 * prefixed tokens (`vcp_`, `vci_`, `vca_`, `vcr_`, `vck_`) are drawn from the 62-symbol alphabet, so their bodies mix
 * cases; a lower-case hex body under the same prefix is another vendor's OAuth client id or a digest (catalogue
 * `mixedCaseBody`). Near misses that stay reported: a mixed-case body, also under a name that says client id.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-hardcoded-key.js';
import { lintWith } from '../helpers/probe.js';

function lint(code: string): [string | undefined, number, number][] {
  return lintWith(rule, code, 'src/integrations/ids.ts').map((m) => [m.messageId, m.line, m.column]);
}

describe('no-hardcoded-key (prefixed token bodies)', () => {
  it('stays quiet on lower-case hex client ids that share a token prefix', () => {
    const code =
      'export const COMPLIANCE_CLIENT_ID =\n' +
      "  process.env.NODE_ENV === 'development'\n" +
      "    ? 'vci_fa50e85bfc9bf3ed67e30d468342b640722a2e122ca17119'\n" +
      "    : 'vci_1b67feb1a368dde98dcd796bb9ca1aad9e606fa68ef0167e';\n" +
      "export const appRef = 'vca_56e15b4ff6ee9f323c0df1eb89aa98970af6f930';\n";
    expect(lint(code)).toEqual([]);
  });

  it('reports a Vercel token whose body mixes cases', () => {
    const code = "export const deployToken = 'vci_Qm7ZrT2xKp9LwN4bVc8HdJ3sYf6GaE1uRt5nWq0o';\n";
    expect(lint(code)).toEqual([['credential', 1, 28]]);
  });

  it('still reports a mixed-case body under a name that says client id', () => {
    const code = "export const CLIENT_ID = 'vca_hT4sXq9LmZ2bRk7VwN1cJ8yPf3GdE6uA0oKi5rSe';\n";
    expect(lint(code)).toEqual([['credential', 1, 26]]);
  });
});
