/**
 * no-logged-key: key material and secret environment variables reaching logs, error messages and
 * plaintext files. No keys here: the samples only name them.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

describe('no-logged-key without TypeScript', () => {
  it('runs on plain .js with the default parser and no type information', () => {
    const linter = new Linter({ configType: 'flat' });
    const code =
      "import pino from 'pino';\nconst log = pino({ redact: ['apiKey'] });\nexport function start(apiKey, dbPassword) {\n  log.info({ apiKey, dbPassword });\n  console.log(JSON.stringify(process.env));\n  throw new Error(`cannot connect with ${dbPassword}`);\n}\n";
    const messages = linter.verify(
      code,
      [
        {
          files: ['**/*.js'],
          plugins: { keyhygiene: { rules: { 'no-logged-key': rule as never } } },
          rules: { 'keyhygiene/no-logged-key': 'error' },
        },
      ],
      { filename: 'src/plain.js' },
    );
    expect(messages.map((m) => [m.messageId, m.line, m.column])).toEqual([
      ['loggedKey', 4, 22],
      ['envDump', 5, 30],
      ['loggedKey', 6, 42],
    ]);
  });
});

ruleTester.run('no-logged-key', rule, {
  valid: [
    {
      // a masked copy bound under a secret-sounding name is judged by its contents
      code: "export function show(secret: { host: string; password: string }) {\n  const logSecret = { ...secret, password: '*********' };\n  console.log(logSecret);\n}\n",
      filename: 'src/show.ts',
    },
    {
      // a thumbprint kid and a public JWK logged
      code: "import { exportJWK, generateKeyPair, calculateJwkThumbprint } from 'jose';\nexport async function rotate(log: { info: (...a: unknown[]) => void }) {\n  const { publicKey } = await generateKeyPair('RS256');\n  const jwk = await exportJWK(publicKey);\n  const kid = await calculateJwkThumbprint(jwk);\n  log.info({ kid }, 'new signing key');\n  log.info(`published jwk ${JSON.stringify({ ...jwk, kid })}`);\n}\n",
      filename: 'src/l42-kid-neg.ts',
    },
    {
      // key ids, ARNs and fingerprints in logs
      code: "import pino from 'pino';\nconst log = pino();\nexport function rotated(jwk: { kid: string }, keyId: string, keyArn: string, fingerprint: string) {\n  log.info({ kid: jwk.kid, keyId }, 'rotated signing key');\n  log.info(`new key ${keyId} (${keyArn}), fingerprint ${fingerprint}`);\n  console.log('kid', jwk.kid);\n}\n",
      filename: 'src/l08-kid-log.ts',
    },
    {
      // a secret copy with the password overwritten by a mask
      code: "const { SecretsManager } = require('@aws-sdk/client-secrets-manager');\nexports.handler = async () => {\n  const sm = new SecretsManager({});\n  const secret = JSON.parse((await sm.getSecretValue({ SecretId: process.env.SECRET_ARN })).SecretString);\n  console.log('connecting with', { ...secret, password: '***' });\n};\n",
      filename: 'src/l11-spread-masked.js',
    },
    {
      // an enum member named Password is not a password
      code: "import { AuthType } from './auth';\nexport function pick(flows: string[]) {\n  if (!flows.includes(AuthType.Password)) throw new Error(`unsupported flow ${AuthType.Password}`);\n  console.log('flow', AuthType.Password);\n}\n",
      filename: 'src/l12-enum-password.ts',
    },
    {
      // a public key and its fingerprint logged
      code: "import { generateKeyPairSync, createHash } from 'node:crypto';\nconst { publicKey, privateKey } = generateKeyPairSync('ed25519');\nconst pubPem = publicKey.export({ type: 'spki', format: 'pem' });\nconsole.log('public key', pubPem);\nconsole.log('fingerprint', createHash('sha256').update(pubPem).digest('hex'));\nexport { privateKey };\n",
      filename: 'src/l15-public-ok.ts',
    },
    // the test-file policy: the same code in a spec is not reported
    { code: "console.log('starting with', process.env.JWT_SECRET);", filename: 'test/no-logged-key.spec.ts' },
    {
      // generic names without a key phrase, a hex of something that is not named a key, a lexer token,
      // a token that is only decoded, random bytes under the generic name written to a non-key file
      code: "import fs from 'node:fs';\nimport { randomBytes } from 'node:crypto';\nexport function f(key: string, token: string, id: Buffer) {\n  if (!key) throw new Error(`missing key ${key}`);\n  console.log('request', id.toString('hex'));\n  throw new SyntaxError(`Unexpected token ${token}`);\n}\nexport function g() {\n  const key = randomBytes(16);\n  fs.writeFileSync('/tmp/handshake.txt', key);\n}",
      filename: 'src/valid-generic.ts',
    },
    {
      // variables that are not secrets
      code: "console.log('listening on', process.env.PORT, process.env.NODE_ENV, process.env.AWS_REGION, process.env.API_KEY_ID);",
      filename: 'src/server.js',
    },
    {
      // ids, ARNs, lengths, booleans, masked suffixes and hashes of tokens
      code: "import { createHash } from 'node:crypto';\nexport function audit(apiKey: string, token: string, keyId: string, secretArn: string) {\n  console.log('key', keyId, secretArn);\n  console.log('len', apiKey.length, !!apiKey, Boolean(token), apiKey.slice(-4));\n  console.log('hash', createHash('sha256').update(token).digest('hex'));\n  console.log('set?', apiKey ? 'yes' : 'no', typeof token, apiKey === token);\n}",
      filename: 'src/a.ts',
    },
    {
      // public keys, JWKS, fingerprints, masked forms
      code: "export function show(publicKey, jwks, keyFingerprint, tokenHash, maskedKey) {\n  logger.info({ publicKey, jwks, keyFingerprint, tokenHash, maskedKey });\n  console.log(publicKey.export({ type: 'spki', format: 'pem' }));\n}",
      filename: 'src/keys.js',
    },
    {
      // an export encrypted under a passphrase, written with mode 0600; the public half
      code: "import fs from 'node:fs';\nimport { generateKeyPairSync } from 'node:crypto';\nexport function save(passphrase: string) {\n  const { privateKey, publicKey } = generateKeyPairSync('ed25519');\n  const encrypted = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase });\n  fs.writeFileSync('signing.key.pem', encrypted, { mode: 0o600 });\n  fs.writeFileSync('signing.pub.pem', publicKey.export({ type: 'spki', format: 'pem' }));\n}",
      filename: 'src/a.ts',
    },
    {
      // fields the pino logger redacts
      code: "import pino from 'pino';\nconst log = pino({ redact: ['apiKey', 'req.headers.authorization', '*.password'] });\nexport function call(apiKey: string, password: string) {\n  log.info({ apiKey }, 'calling the API');\n  log.info({ user: { password } }, 'login');\n}",
      filename: 'src/a.ts',
    },
    {
      // fields a winston format removes
      code: "import winston from 'winston';\nconst dropSecrets = winston.format((info) => {\n  delete info.clientSecret;\n  return info;\n});\nconst logger = winston.createLogger({ format: winston.format.combine(dropSecrets(), winston.format.json()) });\nexport function call(clientSecret: string) {\n  logger.info('token request', { clientSecret });\n}",
      filename: 'src/a.ts',
    },
    {
      // 'key' alone is too generic; words in literals are not values; a check that the secret is set
      code: "for (const key of Object.keys(options)) {\n  if (!allowed.has(key)) throw new Error(`unknown option ${key}`);\n}\nconsole.log('password reset requested for', user.email);\nconsole.log(catalog.items, dialog.title);\nif (!process.env.JWT_SECRET) throw new Error('JWT_SECRET is not set');",
      filename: 'src/options.js',
    },
    {
      // random values that are not keys
      code: "import { randomBytes } from 'node:crypto';\nconst requestId = randomBytes(8).toString('hex');\nconst iv = randomBytes(12);\nlogger.info({ requestId, iv: iv.toString('hex') });",
      filename: 'src/a.ts',
    },
    {
      // names that end in "key" but name lookup keys (from eslint and dotenv): a key origin is needed
      code: "const unknownOptionKeys = Object.keys(unknownOptions);\nif (unknownOptionKeys.length) throw new Error(`unknown option(s): ${unknownOptionKeys.join(', ')}`);\nconst environmentKey = `DOTENV_VAULT_${environment.toUpperCase()}`;\nthrow new Error(`cannot locate ${environmentKey}`);",
      filename: 'src/options.js',
    },
  ],
  invalid: [
    {
      // a token after "Authorization: Bearer" in a debug message
      code: 'export async function call(log: { debug: (m: string) => void }, token: string) {\n  log.debug(`Authorization: Bearer ${token}`);\n}\n',
      filename: 'src/l51-bearer.ts',
      errors: [
        {
          messageId: 'loggedKey',
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                'export async function call(log: { debug: (m: string) => void }, token: string) {\n  log.debug(`Authorization: Bearer [redacted]`);\n}\n',
            },
          ],
          line: 2,
          column: 38,
          endLine: 2,
          endColumn: 43,
        },
      ],
    },
    {
      // the Authorization request header logged
      code: "export function mw(req, res, next) {\n  console.log('auth header', req.headers.authorization);\n  next();\n}\n",
      filename: 'src/l52-authz-header.js',
      errors: [
        {
          messageId: 'loggedKey',
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "export function mw(req, res, next) {\n  console.log('auth header', '[redacted]');\n  next();\n}\n",
            },
          ],
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 55,
        },
      ],
    },
    {
      // a TOTP secret's base32 value logged; its length is fine
      code: "import speakeasy from 'speakeasy';\nconst secret = speakeasy.generateSecret({ length: 20 });\nconsole.log('TOTP secret:', secret.base32);\nconsole.log('length', secret.base32.length);\n",
      filename: 'src/l53-totp.js',
      errors: [
        {
          messageId: 'loggedKey',
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import speakeasy from 'speakeasy';\nconst secret = speakeasy.generateSecret({ length: 20 });\nconsole.log('TOTP secret:', '[redacted]');\nconsole.log('length', secret.base32.length);\n",
            },
          ],
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 42,
        },
      ],
    },
    {
      // a private JWK export logged
      code: "import { generateKeyPairSync } from 'node:crypto';\nconst { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });\nconst privateJwk = privateKey.export({ format: 'jwk' });\nconsole.log(JSON.stringify(privateJwk, null, 2));\n",
      filename: 'src/l35-jwk-literal.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 28,
          endLine: 4,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { generateKeyPairSync } from 'node:crypto';\nconst { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });\nconst privateJwk = privateKey.export({ format: 'jwk' });\nconsole.log(JSON.stringify('[redacted]', null, 2));\n",
            },
          ],
        },
      ],
    },
    {
      // a JWK literal with its private 'd' member logged; the public JWK is fine
      code: "const signingJwk = { kty: 'EC', crv: 'P-256', x: process.env.JWK_X, y: process.env.JWK_Y, d: process.env.JWK_D };\nconst publicJwk = { kty: 'EC', crv: 'P-256', x: process.env.JWK_X, y: process.env.JWK_Y };\nconsole.log('jwk', signingJwk);\nconsole.log('public', publicJwk);\n",
      filename: 'src/l36-jwk-d.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 3,
          column: 20,
          endLine: 3,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "const signingJwk = { kty: 'EC', crv: 'P-256', x: process.env.JWK_X, y: process.env.JWK_Y, d: process.env.JWK_D };\nconst publicJwk = { kty: 'EC', crv: 'P-256', x: process.env.JWK_X, y: process.env.JWK_Y };\nconsole.log('jwk', '[redacted]');\nconsole.log('public', publicJwk);\n",
            },
          ],
        },
      ],
    },
    {
      // a tweetnacl secret key logged as hex; the public key is fine
      code: "import nacl from 'tweetnacl';\nconst pair = nacl.sign.keyPair();\nconsole.log('secret key', Buffer.from(pair.secretKey).toString('hex'));\nconsole.log('public key', Buffer.from(pair.publicKey).toString('hex'));\n",
      filename: 'src/l38-keypair-log.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import nacl from 'tweetnacl';\nconst pair = nacl.sign.keyPair();\nconsole.log('secret key', '[redacted]');\nconsole.log('public key', Buffer.from(pair.publicKey).toString('hex'));\n",
            },
          ],
        },
      ],
    },
    {
      // winston log() with a secret env value
      code: "const { createLogger, transports } = require('winston');\nconst logger = createLogger({ transports: [new transports.Console()] });\nconst apiSecret = process.env.PARTNER_API_SECRET;\nlogger.log('info', `partner secret loaded: ${apiSecret}`);\n",
      filename: 'src/l40-winston-log.cjs',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 46,
          endLine: 4,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "const { createLogger, transports } = require('winston');\nconst logger = createLogger({ transports: [new transports.Console()] });\nconst apiSecret = process.env.PARTNER_API_SECRET;\nlogger.log('info', `partner secret loaded: [redacted]`);\n",
            },
          ],
        },
      ],
    },
    {
      // a required config logged whole through JSON.stringify
      code: "const config = require('./config');\nconsole.log('Loaded configuration:', JSON.stringify(config, null, 2));\nconsole.log('port', config.port);\n",
      filename: 'src/l43-config-require.cjs',
      errors: [
        {
          messageId: 'loggedKey',
          line: 2,
          column: 53,
          endLine: 2,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "const config = require('./config');\nconsole.log('Loaded configuration:', JSON.stringify('[redacted]', null, 2));\nconsole.log('port', config.port);\n",
            },
          ],
        },
      ],
    },
    {
      // a scrypt key as hex in a template at debug level (pino)
      code: "import pino from 'pino';\nimport { scryptSync } from 'node:crypto';\nconst log = pino({ level: 'debug' });\nexport function derive(pw: string, salt: Buffer) {\n  const k = scryptSync(pw, salt, 32); log.debug(`derived ${k.toString('hex')}`);\n  return k;\n}\n",
      filename: 'src/l01-debug-template-hex.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 5,
          column: 60,
          endLine: 5,
          endColumn: 77,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import pino from 'pino';\nimport { scryptSync } from 'node:crypto';\nconst log = pino({ level: 'debug' });\nexport function derive(pw: string, salt: Buffer) {\n  const k = scryptSync(pw, salt, 32); log.debug(`derived [redacted]`);\n  return k;\n}\n",
            },
          ],
        },
      ],
    },
    {
      // JSON.stringify of a jose private JWK
      code: "import { generateKeyPair, exportJWK } from 'jose';\nexport async function makeKeys() {\n  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });\n  const jwk = await exportJWK(privateKey);\n  console.log(JSON.stringify(jwk));\n  return { jwk, pub: await exportJWK(publicKey) };\n}\n",
      filename: 'src/l02-jwk-stringify.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { generateKeyPair, exportJWK } from 'jose';\nexport async function makeKeys() {\n  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });\n  const jwk = await exportJWK(privateKey);\n  console.log('[redacted]');\n  return { jwk, pub: await exportJWK(publicKey) };\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a WebCrypto private JWK logged; the public one is fine
      code: "export async function gen() {\n  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);\n  const priv = await crypto.subtle.exportKey('jwk', pair.privateKey);\n  const pub = await crypto.subtle.exportKey('jwk', pair.publicKey);\n  console.log('public', JSON.stringify(pub));\n  console.info('private jwk', priv);\n  return priv;\n}\n",
      filename: 'src/l03-webcrypto-jwk.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 6,
          column: 31,
          endLine: 6,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "export async function gen() {\n  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);\n  const priv = await crypto.subtle.exportKey('jwk', pair.privateKey);\n  const pub = await crypto.subtle.exportKey('jwk', pair.publicKey);\n  console.log('public', JSON.stringify(pub));\n  console.info('private jwk', '[redacted]');\n  return priv;\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a config object holding secrets logged whole (winston)
      code: "import winston from 'winston';\nconst logger = winston.createLogger({ transports: [new winston.transports.Console()] });\nconst config = {\n  port: Number(process.env.PORT ?? 3000),\n  db: { host: process.env.DB_HOST, password: process.env.DB_PASSWORD },\n  jwtSecret: process.env.JWT_SECRET,\n};\nexport function boot() {\n  logger.info('starting');\n  logger.info(`port ${config.port}`);\n  logger.info('config loaded', config);\n}\n",
      filename: 'src/l04-config-whole.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 11,
          column: 32,
          endLine: 11,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import winston from 'winston';\nconst logger = winston.createLogger({ transports: [new winston.transports.Console()] });\nconst config = {\n  port: Number(process.env.PORT ?? 3000),\n  db: { host: process.env.DB_HOST, password: process.env.DB_PASSWORD },\n  jwtSecret: process.env.JWT_SECRET,\n};\nexport function boot() {\n  logger.info('starting');\n  logger.info(`port ${config.port}`);\n  logger.info('config loaded', '[redacted]');\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a config imported from another module logged whole
      code: "import { config } from './config';\nexport function start() {\n  console.log('Starting with config:', config);\n}\n",
      filename: 'src/l05-config-imported.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 3,
          column: 40,
          endLine: 3,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { config } from './config';\nexport function start() {\n  console.log('Starting with config:', '[redacted]');\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a BIP-39 mnemonic and its seed logged
      code: "import { generateMnemonic, mnemonicToSeedSync } from 'bip39';\nconst phrase = generateMnemonic(256);\nconsole.log('Backup these words:', phrase);\nconst seed = mnemonicToSeedSync(phrase);\nconsole.log(`seed ${seed.toString('hex')}`);\n",
      filename: 'src/l06-mnemonic.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 3,
          column: 36,
          endLine: 3,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { generateMnemonic, mnemonicToSeedSync } from 'bip39';\nconst phrase = generateMnemonic(256);\nconsole.log('Backup these words:', '[redacted]');\nconst seed = mnemonicToSeedSync(phrase);\nconsole.log(`seed ${seed.toString('hex')}`);\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 5,
          column: 21,
          endLine: 5,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { generateMnemonic, mnemonicToSeedSync } from 'bip39';\nconst phrase = generateMnemonic(256);\nconsole.log('Backup these words:', phrase);\nconst seed = mnemonicToSeedSync(phrase);\nconsole.log(`seed [redacted]`);\n",
            },
          ],
        },
      ],
    },
    {
      // an ethers wallet's mnemonic phrase and private key logged
      code: "const { Wallet } = require('ethers');\nconst wallet = Wallet.createRandom();\nconsole.log(`Mnemonic: ${wallet.mnemonic.phrase}`);\nconsole.log('key', wallet.privateKey);\nconsole.log('address', wallet.address);\n",
      filename: 'src/l07-ethers-wallet.cjs',
      errors: [
        {
          messageId: 'loggedKey',
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "const { Wallet } = require('ethers');\nconst wallet = Wallet.createRandom();\nconsole.log(`Mnemonic: [redacted]`);\nconsole.log('key', wallet.privateKey);\nconsole.log('address', wallet.address);\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 4,
          column: 20,
          endLine: 4,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "const { Wallet } = require('ethers');\nconst wallet = Wallet.createRandom();\nconsole.log(`Mnemonic: ${wallet.mnemonic.phrase}`);\nconsole.log('key', '[redacted]');\nconsole.log('address', wallet.address);\n",
            },
          ],
        },
      ],
    },
    {
      // Nest Logger debug with a signing key as base64
      code: "import { Injectable, Logger } from '@nestjs/common';\nimport { randomBytes } from 'node:crypto';\n@Injectable()\nexport class KeyService {\n  private readonly logger = new Logger(KeyService.name);\n  create() {\n    const signingKey = randomBytes(32); this.logger.debug(`created signing key ${signingKey.toString('base64')}`);\n    return signingKey;\n  }\n}\n",
      filename: 'src/l09-nest-logger.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 7,
          column: 82,
          endLine: 7,
          endColumn: 111,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Injectable, Logger } from '@nestjs/common';\nimport { randomBytes } from 'node:crypto';\n@Injectable()\nexport class KeyService {\n  private readonly logger = new Logger(KeyService.name);\n  create() {\n    const signingKey = randomBytes(32); this.logger.debug(`created signing key [redacted]`);\n    return signingKey;\n  }\n}\n",
            },
          ],
        },
      ],
    },
    {
      // debug() with a key as base64
      code: "const debug = require('debug')('app:crypto');\nconst crypto = require('crypto');\nfunction makeKey() {\n  const encryptionKey = crypto.randomBytes(32);\n  debug('new key %s', encryptionKey.toString('base64'));\n  return encryptionKey;\n}\nmodule.exports = { makeKey };\n",
      filename: 'src/l10-debug-module.cjs',
      errors: [
        {
          messageId: 'loggedKey',
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "const debug = require('debug')('app:crypto');\nconst crypto = require('crypto');\nfunction makeKey() {\n  const encryptionKey = crypto.randomBytes(32);\n  debug('new key %s', '[redacted]');\n  return encryptionKey;\n}\nmodule.exports = { makeKey };\n",
            },
          ],
        },
      ],
    },
    {
      // a KMS plaintext data key logged as base64 (and never wiped)
      code: "import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';\nconst kms = new KMSClient({});\nexport async function mk() {\n  const out = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/x', KeySpec: 'AES_256' }));\n  console.log('data key', Buffer.from(out.Plaintext!).toString('base64'));\n  return out.CiphertextBlob;\n}\n",
      filename: 'src/l13-kms-plaintext-log.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 5,
          column: 27,
          endLine: 5,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';\nconst kms = new KMSClient({});\nexport async function mk() {\n  const out = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/x', KeySpec: 'AES_256' }));\n  console.log('data key', '[redacted]');\n  return out.CiphertextBlob;\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a recovery phrase in a log message
      code: "import * as bip39 from 'bip39';\nexport function newWallet(log: { info: (m: string) => void }) {\n  const seedWords = bip39.generateMnemonic();\n  log.info(`created wallet, recovery phrase: ${seedWords}`);\n  return bip39.mnemonicToSeedSync(seedWords);\n}\n",
      filename: 'src/l17-seed-words-var.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 48,
          endLine: 4,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import * as bip39 from 'bip39';\nexport function newWallet(log: { info: (m: string) => void }) {\n  const seedWords = bip39.generateMnemonic();\n  log.info(`created wallet, recovery phrase: [redacted]`);\n  return bip39.mnemonicToSeedSync(seedWords);\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a secret environment variable
      code: "console.log('starting with', process.env.JWT_SECRET);",
      filename: 'src/server.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 1,
          column: 30,
          endLine: 1,
          endColumn: 52,
          suggestions: [{ messageId: 'useRedacted', output: "console.log('starting with', '[redacted]');" }],
        },
      ],
    },
    {
      // whole-environment dumps
      code: 'console.log(process.env);\nlogger.info(`env: ${JSON.stringify(process.env)}`);\nlogger.debug({ ...process.env });',
      filename: 'src/debug.js',
      errors: [
        {
          messageId: 'envDump',
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'logNamesOnly',
              output:
                'console.log(Object.keys(process.env));\nlogger.info(`env: ${JSON.stringify(process.env)}`);\nlogger.debug({ ...process.env });',
            },
          ],
        },
        {
          messageId: 'envDump',
          line: 2,
          column: 36,
          endLine: 2,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'logNamesOnly',
              output:
                'console.log(process.env);\nlogger.info(`env: ${JSON.stringify(Object.keys(process.env))}`);\nlogger.debug({ ...process.env });',
            },
          ],
        },
        {
          messageId: 'envDump',
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 30,
          suggestions: [],
        },
      ],
    },
    {
      // a field the logger does not redact
      code: "import pino from 'pino';\nconst log = pino({ redact: ['apiKey'] });\nexport function login(password: string) {\n  log.info({ password }, 'login');\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import pino from 'pino';\nconst log = pino({ redact: ['apiKey'] });\nexport function login(password: string) {\n  log.info({ password: '[redacted]' }, 'login');\n}",
            },
          ],
        },
      ],
    },
    {
      code: "import winston from 'winston';\nconst logger = winston.createLogger({ format: winston.format.json() });\nexport function call(clientSecret: string, cfg: { apiKey: string }) {\n  logger.info('token request', { clientSecret, apiKey: cfg.apiKey });\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 34,
          endLine: 4,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import winston from 'winston';\nconst logger = winston.createLogger({ format: winston.format.json() });\nexport function call(clientSecret: string, cfg: { apiKey: string }) {\n  logger.info('token request', { clientSecret: '[redacted]', apiKey: cfg.apiKey });\n}",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 4,
          column: 56,
          endLine: 4,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import winston from 'winston';\nconst logger = winston.createLogger({ format: winston.format.json() });\nexport function call(clientSecret: string, cfg: { apiKey: string }) {\n  logger.info('token request', { clientSecret, apiKey: '[redacted]' });\n}",
            },
          ],
        },
      ],
    },
    {
      code: "import bunyan from 'bunyan';\nimport log4js from 'log4js';\nconst b = bunyan.createLogger({ name: 'keys' });\nconst l = log4js.getLogger();\nb.info({ secret: process.env.SESSION_SECRET });\nl.warn('stripe key %s', process.env.STRIPE_API_KEY);",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import bunyan from 'bunyan';\nimport log4js from 'log4js';\nconst b = bunyan.createLogger({ name: 'keys' });\nconst l = log4js.getLogger();\nb.info({ secret: '[redacted]' });\nl.warn('stripe key %s', process.env.STRIPE_API_KEY);",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import bunyan from 'bunyan';\nimport log4js from 'log4js';\nconst b = bunyan.createLogger({ name: 'keys' });\nconst l = log4js.getLogger();\nb.info({ secret: process.env.SESSION_SECRET });\nl.warn('stripe key %s', '[redacted]');",
            },
          ],
        },
      ],
    },
    {
      // a key from a KDF: 'key' counts by origin
      code: "import { scryptSync } from 'node:crypto';\nexport function derive(pw, salt) {\n  const key = scryptSync(pw, salt, 32);\n  console.log('derived', key.toString('hex'));\n  console.debug(`key=${key}`);\n  return key;\n}",
      filename: 'src/derive.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 26,
          endLine: 4,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { scryptSync } from 'node:crypto';\nexport function derive(pw, salt) {\n  const key = scryptSync(pw, salt, 32);\n  console.log('derived', '[redacted]');\n  console.debug(`key=${key}`);\n  return key;\n}",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 5,
          column: 24,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { scryptSync } from 'node:crypto';\nexport function derive(pw, salt) {\n  const key = scryptSync(pw, salt, 32);\n  console.log('derived', key.toString('hex'));\n  console.debug(`key=[redacted]`);\n  return key;\n}",
            },
          ],
        },
      ],
    },
    {
      // error messages
      code: "export function check(signingSecret) {\n  if (!signingSecret) throw new Error('missing signing secret');\n  throw new TypeError(`bad signing secret ${signingSecret}`);\n}",
      filename: 'src/check.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 3,
          column: 45,
          endLine: 3,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "export function check(signingSecret) {\n  if (!signingSecret) throw new Error('missing signing secret');\n  throw new TypeError(`bad signing secret [redacted]`);\n}",
            },
          ],
        },
      ],
    },
    {
      code: "import { loadSecret } from 'keyhygiene/keys';\nconst handle = await loadSecret('jwt-secret');\nconst raw = handle.expose();\nthis.logger.warn('raw', raw);\nreq.log.error({ token: raw });",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 25,
          endLine: 4,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nconst handle = await loadSecret('jwt-secret');\nconst raw = handle.expose();\nthis.logger.warn('raw', '[redacted]');\nreq.log.error({ token: raw });",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 5,
          column: 24,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { loadSecret } from 'keyhygiene/keys';\nconst handle = await loadSecret('jwt-secret');\nconst raw = handle.expose();\nthis.logger.warn('raw', raw);\nreq.log.error({ token: '[redacted]' });",
            },
          ],
        },
      ],
    },
    {
      // the debug package; the key id next to it is fine
      code: "import createDebug from 'debug';\nconst dbg = createDebug('app:auth');\nexport function f(cfg) {\n  dbg('config %o', cfg.jwtSecret);\n  dbg('kid %s', cfg.keyId);\n}",
      filename: 'src/auth.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 4,
          column: 20,
          endLine: 4,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import createDebug from 'debug';\nconst dbg = createDebug('app:auth');\nexport function f(cfg) {\n  dbg('config %o', '[redacted]');\n  dbg('kid %s', cfg.keyId);\n}",
            },
          ],
        },
      ],
    },
    {
      // the NestJS Logger, instance and static
      code: "import { Logger } from '@nestjs/common';\nexport class Signer {\n  private readonly logger = new Logger(Signer.name);\n  sign(privateKey: string) {\n    this.logger.log(`using ${privateKey}`);\n    Logger.debug(privateKey);\n  }\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 5,
          column: 30,
          endLine: 5,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Logger } from '@nestjs/common';\nexport class Signer {\n  private readonly logger = new Logger(Signer.name);\n  sign(privateKey: string) {\n    this.logger.log(`using [redacted]`);\n    Logger.debug(privateKey);\n  }\n}",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Logger } from '@nestjs/common';\nexport class Signer {\n  private readonly logger = new Logger(Signer.name);\n  sign(privateKey: string) {\n    this.logger.log(`using ${privateKey}`);\n    Logger.debug('[redacted]');\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      // plaintext files: an unencrypted private key export, a secret appended to a log file
      code: "import fs from 'node:fs';\nimport { generateKeyPairSync } from 'node:crypto';\nconst { privateKey } = generateKeyPairSync('ed25519');\nfs.writeFileSync('signing.pem', privateKey.export({ type: 'pkcs8', format: 'pem' }));\nfs.appendFileSync('debug.log', `secret=${process.env.CLIENT_SECRET}\\n`);",
      filename: 'scripts/keygen.mjs',
      errors: [
        {
          messageId: 'keyInFile',
          line: 4,
          column: 33,
          endLine: 4,
          endColumn: 84,
          suggestions: [],
        },
        {
          messageId: 'keyInFile',
          line: 5,
          column: 42,
          endLine: 5,
          endColumn: 67,
          suggestions: [],
        },
      ],
    },
    {
      // an encrypted export written with the default mode (0o666 minus umask): readable by other users
      code: "import fs from 'node:fs';\nexport function save(privateKey, passphrase) {\n  const encrypted = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase });\n  fs.writeFileSync('signing.pem', encrypted);\n}",
      filename: 'src/save.js',
      errors: [
        {
          messageId: 'keyFileMode',
          line: 4,
          column: 35,
          endLine: 4,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'useOwnerOnlyMode',
              output:
                "import fs from 'node:fs';\nexport function save(privateKey, passphrase) {\n  const encrypted = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase });\n  fs.writeFileSync('signing.pem', encrypted, { mode: 0o600 });\n}",
            },
          ],
        },
      ],
    },
    {
      // util.debuglog and a file write stream
      code: "import { debuglog } from 'node:util';\nimport fs from 'node:fs';\nconst trace = debuglog('keys');\nconst out = fs.createWriteStream('keys.txt');\nexport function dump(masterKey: Buffer) {\n  trace('master %s', masterKey.toString('hex'));\n  out.write(masterKey);\n}",
      filename: 'src/a.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 6,
          column: 22,
          endLine: 6,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { debuglog } from 'node:util';\nimport fs from 'node:fs';\nconst trace = debuglog('keys');\nconst out = fs.createWriteStream('keys.txt');\nexport function dump(masterKey: Buffer) {\n  trace('master %s', '[redacted]');\n  out.write(masterKey);\n}",
            },
          ],
        },
        {
          messageId: 'keyInFile',
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 22,
          suggestions: [],
        },
      ],
    },
    {
      // a generic name the message text calls a signing key
      code: 'export function failOnInvalidKey(key: string): never {\n  throw new Error(`invalid signing key: ${key}`);\n}',
      filename: 'src/error-phrase.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 2,
          column: 43,
          endLine: 2,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                'export function failOnInvalidKey(key: string): never {\n  throw new Error(`invalid signing key: [redacted]`);\n}',
            },
          ],
        },
      ],
    },
    {
      // a bearer token the same function verifies, logged through the NestJS Logger
      code: "import { Logger } from '@nestjs/common';\nimport * as jwt from 'jsonwebtoken';\nexport class TokenService {\n  private readonly logger = new Logger('tokens');\n  verify(token: string, secret: string) {\n    this.logger.log(`verifying token ${token}`);\n    return jwt.verify(token, secret);\n  }\n}",
      filename: 'src/token-service.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 6,
          column: 40,
          endLine: 6,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "import { Logger } from '@nestjs/common';\nimport * as jwt from 'jsonwebtoken';\nexport class TokenService {\n  private readonly logger = new Logger('tokens');\n  verify(token: string, secret: string) {\n    this.logger.log(`verifying token [redacted]`);\n    return jwt.verify(token, secret);\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      // key bytes under the generic name: hex-encoded into a log file; random bytes written to a .key file in /tmp (a temp copy, not the key's store, whatever its mode)
      code: "import { writeFileSync } from 'node:fs';\nimport { randomBytes } from 'node:crypto';\nexport function writeKeyToDisk(key: Buffer): void {\n  writeFileSync('/var/log/gateway/last-key.txt', key.toString('hex'));\n}\nexport function cacheSessionKey(): Buffer {\n  const key = randomBytes(32);\n  writeFileSync('/tmp/gateway-session.key', key, { mode: 0o600 });\n  return key;\n}",
      filename: 'src/keystore-file.ts',
      errors: [
        { messageId: 'keyInFile', line: 4, column: 50, endLine: 4, endColumn: 69, suggestions: [] },
        { messageId: 'keyInFile', line: 8, column: 45, endLine: 8, endColumn: 48, suggestions: [] },
      ],
    },
  ],
});

// Value flow into logs: a whole object holding secrets, hex-encoded key bytes in a template, a private
// JWK, seed phrases; and key ids, which are not key material.
ruleTester.run('no-logged-key (value flow)', rule, {
  valid: [
    {
      code: "import pino from 'pino';\nconst log = pino();\nexport function rotated(kid: string, keyId: string, signingKeyId: string) {\n  log.info(`rotated key ${kid} (${keyId}) ${signingKeyId}`);\n  const settings = { port: 8080, region: 'eu-west-1' };\n  log.info(settings, 'starting');\n}",
      filename: 'src/rotate.ts',
    },
  ],
  invalid: [
    {
      code: "import { generateKeyPairSync, randomBytes } from 'node:crypto';\nimport pino from 'pino';\nconst log = pino();\nconst config = { port: 8080, jwtSecret: process.env.JWT_SECRET, db: { password: process.env.DB_PASSWORD } };\nlog.info(config, 'starting');\nconsole.log('config', config);\nexport function rotate(kid: string, keyId: string, signingKeyId: string) {\n  log.info(`rotated key ${kid} (${keyId}) ${signingKeyId}`);\n  const dataKey = randomBytes(32);\n  log.debug(`data key ${dataKey.toString('hex')}`);\n  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });\n  const jwk = privateKey.export({ format: 'jwk' });\n  console.log(JSON.stringify(jwk));\n  const mnemonic = 'x';\n  console.debug('wallet phrase', mnemonic);\n  const seedPhrase = makePhrase();\n  log.warn({ seedPhrase });\n}\ndeclare function makePhrase(): string;\n",
      filename: 'src/startup.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'useRedacted',
              data: { what: "'config', an object holding process.env.JWT_SECRET" },
              output:
                "import { generateKeyPairSync, randomBytes } from 'node:crypto';\nimport pino from 'pino';\nconst log = pino();\nconst config = { port: 8080, jwtSecret: process.env.JWT_SECRET, db: { password: process.env.DB_PASSWORD } };\nlog.info('[redacted]', 'starting');\nconsole.log('config', config);\nexport function rotate(kid: string, keyId: string, signingKeyId: string) {\n  log.info(`rotated key ${kid} (${keyId}) ${signingKeyId}`);\n  const dataKey = randomBytes(32);\n  log.debug(`data key ${dataKey.toString('hex')}`);\n  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });\n  const jwk = privateKey.export({ format: 'jwk' });\n  console.log(JSON.stringify(jwk));\n  const mnemonic = 'x';\n  console.debug('wallet phrase', mnemonic);\n  const seedPhrase = makePhrase();\n  log.warn({ seedPhrase });\n}\ndeclare function makePhrase(): string;\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 6,
          column: 23,
          endLine: 6,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useRedacted',
              data: { what: "'config', an object holding process.env.JWT_SECRET" },
              output:
                "import { generateKeyPairSync, randomBytes } from 'node:crypto';\nimport pino from 'pino';\nconst log = pino();\nconst config = { port: 8080, jwtSecret: process.env.JWT_SECRET, db: { password: process.env.DB_PASSWORD } };\nlog.info(config, 'starting');\nconsole.log('config', '[redacted]');\nexport function rotate(kid: string, keyId: string, signingKeyId: string) {\n  log.info(`rotated key ${kid} (${keyId}) ${signingKeyId}`);\n  const dataKey = randomBytes(32);\n  log.debug(`data key ${dataKey.toString('hex')}`);\n  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });\n  const jwk = privateKey.export({ format: 'jwk' });\n  console.log(JSON.stringify(jwk));\n  const mnemonic = 'x';\n  console.debug('wallet phrase', mnemonic);\n  const seedPhrase = makePhrase();\n  log.warn({ seedPhrase });\n}\ndeclare function makePhrase(): string;\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 10,
          column: 25,
          endLine: 10,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'useRedacted',
              data: { what: "'dataKey' as hex" },
              output:
                "import { generateKeyPairSync, randomBytes } from 'node:crypto';\nimport pino from 'pino';\nconst log = pino();\nconst config = { port: 8080, jwtSecret: process.env.JWT_SECRET, db: { password: process.env.DB_PASSWORD } };\nlog.info(config, 'starting');\nconsole.log('config', config);\nexport function rotate(kid: string, keyId: string, signingKeyId: string) {\n  log.info(`rotated key ${kid} (${keyId}) ${signingKeyId}`);\n  const dataKey = randomBytes(32);\n  log.debug(`data key [redacted]`);\n  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });\n  const jwk = privateKey.export({ format: 'jwk' });\n  console.log(JSON.stringify(jwk));\n  const mnemonic = 'x';\n  console.debug('wallet phrase', mnemonic);\n  const seedPhrase = makePhrase();\n  log.warn({ seedPhrase });\n}\ndeclare function makePhrase(): string;\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 13,
          column: 15,
          endLine: 13,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'useRedacted',
              data: { what: "'jwk', from a private key export" },
              output:
                "import { generateKeyPairSync, randomBytes } from 'node:crypto';\nimport pino from 'pino';\nconst log = pino();\nconst config = { port: 8080, jwtSecret: process.env.JWT_SECRET, db: { password: process.env.DB_PASSWORD } };\nlog.info(config, 'starting');\nconsole.log('config', config);\nexport function rotate(kid: string, keyId: string, signingKeyId: string) {\n  log.info(`rotated key ${kid} (${keyId}) ${signingKeyId}`);\n  const dataKey = randomBytes(32);\n  log.debug(`data key ${dataKey.toString('hex')}`);\n  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });\n  const jwk = privateKey.export({ format: 'jwk' });\n  console.log('[redacted]');\n  const mnemonic = 'x';\n  console.debug('wallet phrase', mnemonic);\n  const seedPhrase = makePhrase();\n  log.warn({ seedPhrase });\n}\ndeclare function makePhrase(): string;\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 15,
          column: 34,
          endLine: 15,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'useRedacted',
              data: { what: "'mnemonic'" },
              output:
                "import { generateKeyPairSync, randomBytes } from 'node:crypto';\nimport pino from 'pino';\nconst log = pino();\nconst config = { port: 8080, jwtSecret: process.env.JWT_SECRET, db: { password: process.env.DB_PASSWORD } };\nlog.info(config, 'starting');\nconsole.log('config', config);\nexport function rotate(kid: string, keyId: string, signingKeyId: string) {\n  log.info(`rotated key ${kid} (${keyId}) ${signingKeyId}`);\n  const dataKey = randomBytes(32);\n  log.debug(`data key ${dataKey.toString('hex')}`);\n  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });\n  const jwk = privateKey.export({ format: 'jwk' });\n  console.log(JSON.stringify(jwk));\n  const mnemonic = 'x';\n  console.debug('wallet phrase', '[redacted]');\n  const seedPhrase = makePhrase();\n  log.warn({ seedPhrase });\n}\ndeclare function makePhrase(): string;\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 17,
          column: 14,
          endLine: 17,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'useRedacted',
              data: { what: "'seedPhrase'" },
              output:
                "import { generateKeyPairSync, randomBytes } from 'node:crypto';\nimport pino from 'pino';\nconst log = pino();\nconst config = { port: 8080, jwtSecret: process.env.JWT_SECRET, db: { password: process.env.DB_PASSWORD } };\nlog.info(config, 'starting');\nconsole.log('config', config);\nexport function rotate(kid: string, keyId: string, signingKeyId: string) {\n  log.info(`rotated key ${kid} (${keyId}) ${signingKeyId}`);\n  const dataKey = randomBytes(32);\n  log.debug(`data key ${dataKey.toString('hex')}`);\n  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });\n  const jwk = privateKey.export({ format: 'jwk' });\n  console.log(JSON.stringify(jwk));\n  const mnemonic = 'x';\n  console.debug('wallet phrase', mnemonic);\n  const seedPhrase = makePhrase();\n  log.warn({ seedPhrase: '[redacted]' });\n}\ndeclare function makePhrase(): string;\n",
            },
          ],
        },
      ],
    },
  ],
});
