import rule from '../../rules/no-weak-randomness.js';
import { ruleTester } from '../helpers/rule-tester.js';

// issue 11 (session 30, branch mend30): wr14 made a session identifier no entropy, but through the whole catalogue
// `identifierName` (every …Id, …Name, …Path, …Label). A parameter named for another purpose (`otpId`, `csrfId`,
// `challengeId`, `seedPath`) is opaque to the tracker and keeps its verdict from before wr14: it may hold what the
// name says, so a token made from it and a clock is not reported. Only session-id names are no entropy.
ruleTester.run('no-weak-randomness (tokens made from a non-session purpose identifier)', rule, {
  valid: [
    {
      code: "import { createHash } from 'node:crypto';\n\nexport function otpToken(otpId: string): string {\n  return `${otpId}:${Date.now()}`;\n}\nexport function csrfToken(csrfId: string): string {\n  return createHash('sha256').update(`${csrfId}${Date.now()}`).digest('hex');\n}\nexport function challengeToken(challengeId: string): string {\n  return `${challengeId}-${Math.random()}`;\n}\nexport function seedToken(seedPath: string): string {\n  return `${seedPath}.${Date.now()}`;\n}\n",
      filename: 'src/tokens.ts',
    },
  ],
  invalid: [
    {
      // the session-id spellings stay no entropy
      code: 'export function csrfToken(session_id: string): string {\n  return `${session_id}:${Date.now()}`;\n}\n',
      filename: 'src/csrf.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 2,
          column: 27,
          endLine: 2,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomBytes } from 'node:crypto';\nexport function csrfToken(session_id: string): string {\n  return `${session_id}:${randomBytes(32).toString('base64url')}`;\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomToken } from 'keyhygiene/keys';\nexport function csrfToken(session_id: string): string {\n  return `${session_id}:${randomToken()}`;\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
