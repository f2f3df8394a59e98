/**
 * no-logged-key: secrets named by their form (issue 11, session 28, rec12a). Key-generation scripts and wallets log
 * a private key under the name of its encoding (`privateKeyPem`, `signingKeyDer`, `seedB58`, `privKeyParsed`), or
 * under a format's own name that is always secret: a BIP32 extended private key (`xprv`/`xpriv`), a wallet import
 * format key (`wif`), a Nostr secret key (`nsec`), a Lightning macaroon (catalogue `secretName`). Near misses: the
 * public forms (`xpub`, `npub`, `publicKeyPem`) and a macaroon's path.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

const redacted = (code: string, from: string, to: string) => [
  { messageId: 'useRedacted' as const, output: code.replace(from, to) },
];

const WALLET = [
  'export function show(xprv: string, wif: string, nsec: string) {',
  "  console.log('extended key', xprv);",
  '  console.info(`import this key: ${wif}`);',
  "  console.debug('nostr', { nsec });",
  '}',
].join('\n');

const FORMS = [
  "import pino from 'pino';",
  'const log = pino();',
  'export function dump(privateKeyPem: string, signingKeyDer: Buffer, adminMacaroon: string) {',
  "  log.info({ privateKeyPem }, 'generated');",
  "  log.debug('der', signingKeyDer.toString('base64'));",
  "  log.debug({ adminMacaroon }, 'calling lnd');",
  '}',
].join('\n');

ruleTester.run('no-logged-key (secrets named by their form)', rule, {
  valid: [
    {
      code: [
        "import pino from 'pino';",
        'const log = pino();',
        'export function show(xpub: string, npub: string, publicKeyPem: string, macaroonPath: string) {',
        "  log.info({ xpub, npub, publicKeyPem, macaroonPath }, 'wallet ready');",
        '}',
      ].join('\n'),
      filename: 'src/wallet/show-ok.ts',
    },
  ],
  invalid: [
    {
      code: WALLET,
      filename: 'src/wallet/show.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 2,
          column: 31,
          endLine: 2,
          endColumn: 35,
          suggestions: redacted(WALLET, "key', xprv", "key', '[redacted]'"),
        },
        {
          messageId: 'loggedKey',
          line: 3,
          column: 36,
          endLine: 3,
          endColumn: 39,
          suggestions: redacted(WALLET, '${wif}', '[redacted]'),
        },
        {
          messageId: 'loggedKey',
          line: 4,
          column: 28,
          endLine: 4,
          endColumn: 32,
          suggestions: redacted(WALLET, '{ nsec }', "{ nsec: '[redacted]' }"),
        },
      ],
    },
    {
      code: FORMS,
      filename: 'scripts/keys/dump.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 27,
          suggestions: redacted(FORMS, '{ privateKeyPem }', "{ privateKeyPem: '[redacted]' }"),
        },
        {
          messageId: 'loggedKey',
          line: 5,
          column: 20,
          endLine: 5,
          endColumn: 52,
          suggestions: redacted(FORMS, "signingKeyDer.toString('base64')", "'[redacted]'"),
        },
        {
          messageId: 'loggedKey',
          line: 6,
          column: 15,
          endLine: 6,
          endColumn: 28,
          suggestions: redacted(FORMS, '{ adminMacaroon }', "{ adminMacaroon: '[redacted]' }"),
        },
      ],
    },
  ],
});
