import rule from '../../rules/no-weak-randomness.js';
import { diskRuleTester, ruleTester } from '../helpers/rule-tester.js';

// issue 11 (session 25, branch rule9rand): a maker whose own name states the secret it makes (`makeOtp()`,
// `newTotpSecret()`, `const inviteCode = customAlphabet(…)`) is reported once, where it is made; its calls, in this
// module or another, are not reported again. A general helper (`looseString`, `shortCode`) is still reported at each
// call that keeps a secret. Four strangers' corpora label it so (blind5, blind6, dev9rand; blind2 the other way).
diskRuleTester.run('no-weak-randomness (makers named for a secret, reported where made, batch rule9rand)', rule, {
  valid: [
    {
      // calls of helpers and a generator another module names for a secret: reported in makers/secrets.ts
      code: "import { deviceClaimCode, makeOtp, newTotpSecret } from '../makers/secrets';\n\nexport async function enrol(userId: string) {\n  const secret = newTotpSecret();\n  const code = makeOtp();\n  const claimToken = deviceClaimCode();\n  return { userId, secret, code, claimToken };\n}\n",
      filename: 'app/enrol.ts',
    },
    {
      // the same through a CommonJS require of the module
      code: "const makers = require('../makers/secrets');\n\nfunction mailOtp(user) {\n  const otp = makers.makeOtp();\n  return { to: user.email, otp };\n}\n\nmodule.exports = { mailOtp };\n",
      filename: 'app/mail-otp.js',
    },
  ],
  invalid: [
    {
      // a general helper from the same module: its call that keeps a secret is where the mistake is
      code: "import { looseString, makeOtp } from '../makers/secrets';\n\nexport function issueApiKey(owner: string) {\n  const apiKey = `ak_${looseString(32)}`;\n  const pin = makeOtp();\n  return { owner, apiKey, pin };\n}\n",
      filename: 'app/keys.ts',
      errors: [{ messageId: 'weakRandom', line: 4, column: 24, endLine: 4, endColumn: 39 }],
    },
  ],
});

ruleTester.run('no-weak-randomness (generators bound under a secret name, batch rule9rand)', rule, {
  valid: [
    {
      // near misses: list keys and a replay shuffle from weak generators, recovery codes from nanoid's own
      // customAlphabet (a CSPRNG), a sticker picked by a seeded generator
      code: "import { customAlphabet } from 'nanoid/non-secure';\nimport { customAlphabet as strongAlphabet } from 'nanoid';\nimport seedrandom from 'seedrandom';\n\nconst listKey = customAlphabet('abcdef0123456789', 8);\nconst recoveryCode = strongAlphabet('0123456789abcdefghjkmnpqrstvwxyz', 10);\nconst replay = seedrandom('replay-7');\n\nexport const rows = (items: string[]) => items.map((label) => ({ key: listKey(), label }));\nexport const recoveryCodes = (): string[] => Array.from({ length: 8 }, () => recoveryCode());\nexport function stickerFor(day: string): number {\n  const pick = seedrandom(day);\n  return Math.floor(pick() * 12) + Math.floor(replay() * 2);\n}\n",
      filename: 'src/ui-ids.ts',
    },
  ],
  invalid: [
    {
      // an invite code and an SMS code from generators named for them: one report each, where the generator is made
      code: "import { customAlphabet } from 'nanoid/non-secure';\nimport seedrandom from 'seedrandom';\n\nconst inviteCode = customAlphabet('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 12);\nconst otpRng = seedrandom(String(Date.now()));\n\nexport function createInvite(teamId: string) {\n  return { teamId, code: inviteCode() };\n}\n\nexport function resendInvite(teamId: string) {\n  const invite = inviteCode();\n  return { teamId, invite };\n}\n\nexport function smsOtp(): string {\n  return String(Math.floor(otpRng() * 1e6)).padStart(6, '0');\n}\n",
      filename: 'src/invites.ts',
      errors: [
        { messageId: 'weakRandom', line: 4, column: 20, endLine: 4, endColumn: 74 },
        { messageId: 'weakRandom', line: 5, column: 16, endLine: 5, endColumn: 46 },
      ],
    },
    {
      // an exported generator named for a share-link secret (CommonJS): reported where it is made
      code: "const { customAlphabet } = require('nanoid/non-secure');\n\nconst shareSecret = customAlphabet('abcdefghijkmnpqrstuvwxyz23456789', 24);\n\nfunction shareLink(docId) {\n  return { url: `/s/${docId}#${shareSecret()}` };\n}\n\nmodule.exports = { shareSecret, shareLink };\n",
      filename: 'src/share.js',
      errors: [{ messageId: 'weakRandom', line: 3, column: 21, endLine: 3, endColumn: 75 }],
    },
  ],
});

// issue 11 (session 25, branch rule9rand): a general helper of a CommonJS workspace package whose entry point spreads
// other modules into its exports (`module.exports = { ...require('./words') }`), reached by a default import then
// destructured, by a destructuring require, or as a member of the required module. Near misses: the package's CSPRNG
// helper for an API key, the weak helper for a CSS class name.
diskRuleTester.run('no-weak-randomness (a CommonJS barrel of a workspace package, batch rule9rand)', rule, {
  valid: [],
  invalid: [
    {
      code: "import kit from '@acme/legacy-kit';\n\nconst { randomWord, secureWord } = kit;\n\nexport function issueInvite(teamId: string) {\n  const inviteToken = randomWord(20);\n  const apiKey = secureWord(32);\n  const cssClass = randomWord(6);\n  return { teamId, inviteToken, apiKey, cssClass };\n}\n",
      filename: 'ws/packages/api/src/invites.ts',
      errors: [{ messageId: 'weakRandom', line: 6, column: 23, endLine: 6, endColumn: 37 }],
    },
    {
      code: "const { randomWord } = require('@acme/legacy-kit');\nconst legacy = require('@acme/legacy-kit');\n\nfunction startMfa(user) {\n  const otp = randomWord(6);\n  const resetToken = legacy.randomWord(24);\n  return { user, otp, resetToken };\n}\n\nmodule.exports = { startMfa };\n",
      filename: 'ws/packages/api/src/mfa.js',
      errors: [
        { messageId: 'weakRandom', line: 5, column: 15, endLine: 5, endColumn: 28 },
        { messageId: 'weakRandom', line: 6, column: 22, endLine: 6, endColumn: 43 },
      ],
    },
  ],
});
