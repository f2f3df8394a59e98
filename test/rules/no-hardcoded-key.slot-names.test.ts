/**
 * no-hardcoded-key: a constant used only as the name of a slot (issue 11, session 26, branch rfp10). Every read of it
 * is a computed member or property name, or the item name handed to a key-value store: it names where something is
 * kept, like a cache key, however its binding is called and however random a versioned name looks. Near misses that
 * stay reported: the same constant also sent as a value, and one that the file never reads.
 */
import rule from '../../rules/no-hardcoded-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

// Versioned slot names with a date and a counter: the classifier calls them high-entropy under a `…_KEY` name.
const slot = (word: string): string => `${word}Exposure_${20250611 + word.length}_${word.length % 7}`;

const partnerCode =
  `const PARTNER_API_KEY = '${slot('partnerFeed')}';\n` +
  'export const cache: Record<string, string> = {};\n' +
  'export async function load(url: string) {\n  cache[PARTNER_API_KEY] = url;\n' +
  "  return fetch(url, { headers: { 'x-api-key': PARTNER_API_KEY } });\n}\n";
const ledgerCode = `export const LEDGER_SIGNING_KEY = '${slot('ledgerSigning')}';\n`;
/** The two suggestions of a named value: the keystore (under the kebab-case name) and the environment. */
const suggestions = (code: string, name: string, keyName: string) => {
  const literal = `'${code.split("'")[1]}'`;
  return [
    {
      messageId: 'useKeystore' as const,
      output:
        "import { loadSecret } from 'keyhygiene/keys';\n" +
        code.replace(literal, `(await loadSecret('${keyName}')).expose().toString('utf8')`),
    },
    { messageId: 'useEnv' as const, output: code.replace(literal, `process.env.${name}!`) },
  ];
};

ruleTester.run('no-hardcoded-key (slot names)', rule, {
  valid: [
    {
      // a computed member of a type and of an object, and an index into a record
      code:
        `export const PROMO_VERSIONED_KEY = '${slot('promoBanner')}' as const;\n` +
        'export type PromoState = { [PROMO_VERSIONED_KEY]?: { shown: number } };\n' +
        'export type Promo = PromoState[typeof PROMO_VERSIONED_KEY];\n' +
        'export function bump(s: PromoState): PromoState {\n' +
        '  return { [PROMO_VERSIONED_KEY]: { shown: (s[PROMO_VERSIONED_KEY]?.shown ?? 0) + 1 } };\n}\n',
      filename: 'src/promo.ts',
    },
    {
      // the item name of a store, read and written
      code:
        `const ONBOARDING_SEEN_KEY = '${slot('onboardingSeen')}';\n` +
        "export const seen = (): boolean => localStorage.getItem(ONBOARDING_SEEN_KEY) === '1';\n" +
        "export const markSeen = (): void => localStorage.setItem(ONBOARDING_SEEN_KEY, '1');\n",
      filename: 'src/onboarding.ts',
    },
  ],
  invalid: [
    {
      // the same shape of constant, also sent as a header value
      code: partnerCode,
      filename: 'src/partner.ts',
      errors: [
        {
          messageId: 'secretName',
          line: 1,
          column: 25,
          endLine: 1,
          endColumn: 57,
          suggestions: suggestions(partnerCode, 'PARTNER_API_KEY', 'partner-api-key'),
        },
      ],
    },
    {
      // exported and never read here: nothing says it is a slot
      code: ledgerCode,
      filename: 'src/ledger.ts',
      errors: [
        {
          messageId: 'secretName',
          line: 1,
          column: 35,
          endLine: 1,
          endColumn: 69,
          suggestions: suggestions(ledgerCode, 'LEDGER_SIGNING_KEY', 'ledger-signing-key'),
        },
      ],
    },
  ],
});
