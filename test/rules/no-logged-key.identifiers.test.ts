/**
 * no-logged-key: a name whose word says it is the key's identifier holds no key (issue 11, session 31, lk15). App
 * Store Connect shows an API key's "Key ID" and sends it as the JWT `kid`; X.509 has subject and authority key
 * identifiers (RFC 5280 §4.2.1.1-2); a vault addresses a secret by its identifier. `identifier` is the long form of
 * `id`, which the catalogue's `nonSecretName` already knew; a message that calls the value an API key does not make
 * the identifier the key. Near misses that stay reported: the key itself beside its identifier, and a secret named
 * for what it identifies (`identitySecret`).
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-logged-key (key identifiers)', rule, {
  valid: [
    {
      code: [
        'interface AscKey { name?: string; keyIdentifier: string; keyP8: string }',
        'export function pick(key: AscKey, log: { log(m: string): void; debug(m: string): void }) {',
        '  log.log(`Using App Store Connect API Key ${key.name ?? key.keyIdentifier} from your account.`);',
        '  log.debug(`ASC API Key ${key.keyIdentifier} cannot access this app`);',
        '}',
      ].join('\n'),
      filename: 'src/publish/asc.ts',
    },
    {
      code: [
        'export function describe(cert: { subjectKeyIdentifier: string; authorityKeyIdentifier: string }) {',
        "  console.info(`signing key: ${cert.subjectKeyIdentifier}, issuer's signing key: ${cert.authorityKeyIdentifier}`);",
        '}',
        'export function rotated(secretIdentifier: string, logger: { info(m: string): void }) {',
        '  logger.info(`rotated secret key ${secretIdentifier}`);',
        '}',
      ].join('\n'),
      filename: 'src/pki/describe.ts',
    },
  ],
  invalid: [
    {
      code: [
        'interface AscKey { keyIdentifier: string; privateKey: string }',
        'export function pick(key: AscKey) {',
        '  console.log(`API key ${key.keyIdentifier}: ${key.privateKey}`);',
        '}',
        'export function bind(identitySecret: string) {',
        "  console.log('identity', identitySecret);",
        '}',
      ].join('\n'),
      filename: 'src/publish/asc.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 3,
          column: 48,
          endLine: 3,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: [
                'interface AscKey { keyIdentifier: string; privateKey: string }',
                'export function pick(key: AscKey) {',
                '  console.log(`API key ${key.keyIdentifier}: [redacted]`);',
                '}',
                'export function bind(identitySecret: string) {',
                "  console.log('identity', identitySecret);",
                '}',
              ].join('\n'),
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 6,
          column: 27,
          endLine: 6,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: [
                'interface AscKey { keyIdentifier: string; privateKey: string }',
                'export function pick(key: AscKey) {',
                '  console.log(`API key ${key.keyIdentifier}: ${key.privateKey}`);',
                '}',
                'export function bind(identitySecret: string) {',
                "  console.log('identity', '[redacted]');",
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
  ],
});
