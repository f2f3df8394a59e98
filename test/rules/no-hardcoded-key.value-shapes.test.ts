/**
 * no-hardcoded-key: values whose shape says they are no key under any name (issue 11, session 39, branch prec23): a
 * Windows registry path under a `regKey` name (a registry "key") and an asset file name under a password-ish table
 * entry. Near misses: a random value under the same names stays reported. Every value is FAKE.
 */
import rule from '../../rules/no-hardcoded-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-hardcoded-key (registry paths, asset names)', rule, {
  valid: [
    {
      // a registry path built for reg.exe, in a template literal and in a plain string
      code: "const appId = 'com.example.notes';\nexport const regKey = `HKEY_CURRENT_USER\\\\SOFTWARE\\\\Classes\\\\AppUserModelId\\\\${appId}`;\nexport const policyKey = 'HKLM\\\\SOFTWARE\\\\Policies\\\\ExampleVendor\\\\NotesAgentQ7mT2vR9';\n",
      filename: 'src/browser/windows-setup.js',
    },
    {
      // an icon table whose entry names end in a country code
      code: "export const FLAGS = { 'flag-pw': '1f1f5-1f1fc.png', 'flag-pt': '1f1f5-1f1f9.png' };\nexport const resetPasswordIcon = 'key-reset-3x.webp';\n",
      filename: 'src/components/flags.ts',
    },
  ],
  invalid: [
    {
      // near miss: a machine-made value under the same name
      code: "export const regKey = 'Zq8Vw3Rt6Yb1Nc4Md7Kf0Hj2Lp5Xs9Ge';\n",
      filename: 'src/browser/windows-setup.ts',
      errors: [
        {
          messageId: 'secretName',
          line: 1,
          column: 23,
          endLine: 1,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useKeystore',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nexport const regKey = (await loadSecret('reg-key')).expose().toString('utf8');\n",
            },
            { messageId: 'useEnv', output: 'export const regKey = process.env.REG_KEY!;\n' },
          ],
        },
      ],
    },
  ],
});
