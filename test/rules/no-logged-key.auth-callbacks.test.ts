/**
 * no-logged-key (issue 11, session 36): the Auth.js/NextAuth Credentials provider passes the submitted sign-in form,
 * password included, to `authorize(credentials)`; logged whole (on the rejection path too: a failed sign-in is most
 * often a typo of the real password), it logs the password. A member that is not secret (`creds.email`) stays quiet.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { lintWith } from '../helpers/probe.js';

const found = (code: string, file = 'src/auth-callbacks.ts'): [string | undefined, number, number][] =>
  lintWith(rule, code, file)
    .filter((m) => m.ruleId === 'k/r')
    .map((m) => [m.messageId, m.line, m.column]);

const provider = (body: string[]): string =>
  [
    "import NextAuth from 'next-auth';",
    "import Credentials from 'next-auth/providers/credentials';",
    'declare const logger: { debug(m: string): void };',
    'export default NextAuth({',
    '  providers: [',
    '    Credentials({',
    '      credentials: { email: {}, password: {} },',
    ...body,
    '    }),',
    '  ],',
    '});',
  ].join('\n');

describe('the credentials an auth library passes to authorize', () => {
  it('logged whole, as a method or an arrow property, they are reported', () => {
    const code = provider([
      '      async authorize(creds) {',
      "        console.error('agent login failed', creds);",
      '        return null;',
      '      },',
    ]);
    expect(found(code)).toEqual([['loggedKey', 9, 45]]);
    const arrow = provider([
      '      authorize: async (credentials) => {',
      '        logger.debug(`sign-in attempt ${JSON.stringify(credentials)}`);',
      '        return null;',
      '      },',
    ]);
    expect(found(arrow)).toEqual([['loggedKey', 9, 41]]);
  });

  it('a member that is not secret, creds of another method, or an authorize given a request stay quiet', () => {
    const code = provider([
      '      async authorize(creds) {',
      "        console.warn('login rejected', { email: creds?.email });",
      '        return null;',
      '      },',
    ]);
    expect(found(code)).toEqual([]);
    const other = [
      'export const policy = {',
      '  async authorize(req) {',
      "    console.info('authorize', req.url);",
      '    return true;',
      '  },',
      '  describe(creds) {',
      "    console.info('describe', creds);",
      '  },',
      '};',
    ].join('\n');
    expect(found(other)).toEqual([]);
  });
});
