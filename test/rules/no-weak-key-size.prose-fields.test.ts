import rule from '../../rules/no-weak-key-size.js';
import { ruleTester } from '../helpers/rule-tester.js';

// session 27 (lead): a field that holds prose about a choice (`title`, `label`, `description`, `help`) names an
// algorithm for people to read; nothing selects it. The choice itself, beside it or in the same object, stays reported.
const valid = [
  "export const legacyCipher = { title: 'ciphers with no IV (ECB modes, RC4)', id: 'ivless' };",
  "export const CIPHER_OPTIONS = [{ value: 'aes-256-gcm', label: 'AES-GCM (not DES or ECB)' }];",
  "export const cipherHelp = { description: 'Never pick des-ede3-cbc here', tooltip: 'RC4 is refused' };",
];
const invalid: readonly (readonly [string, string])[] = [
  [
    "export const CIPHERS = { field: 'aes-256-gcm', legacyExport: 'des-ede3-cbc', title: 'Ciphers (des-ede3-cbc)' };",
    "'des-ede3-cbc'",
  ],
  ["export const CIPHERS = { fast: 'rc4', label: 'RC4 (fast)', description: 'rc4 for old peers' } as const;", "'rc4'"],
];

ruleTester.run('no-weak-key-size (prose fields are not choices)', rule, {
  valid: valid.map((code) => ({ code, filename: 'src/settings.ts' })),
  invalid: invalid.map(([code, choice]) => ({
    code,
    filename: 'src/settings.ts',
    errors: [
      {
        messageId: 'weakCipher' as const,
        line: 1,
        column: code.indexOf(choice) + 1,
        endLine: 1,
        endColumn: code.indexOf(choice) + 1 + choice.length,
        suggestions: [{ messageId: 'useSafer' as const, output: code.replace(choice, "'aes-256-gcm'") }],
      },
    ],
  })),
});
