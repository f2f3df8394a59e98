/**
 * no-logged-key on sinks and sources enumerated from the libraries' documented APIs (issue 11, session 23; the
 * coverage table is in docs/rules/no-logged-key.md). Every case is written anew from the API, with the safe form of
 * the same API as its near miss:
 * - sinks: `console.group`, tslog (and sub-loggers), Google Cloud Logging `log.entry`, roarr/npmlog/loglevel module
 *   loggers, Sentry `captureException(err, { extra })` and `setUser`;
 * - a project's log helpers: same-file functions that forward a parameter to a log call as itself, bound log
 *   methods (`console.info.bind(console)`); not a helper that logs a fingerprint or drops the argument;
 * - sources: libsodium `crypto_*_keygen`, @noble `utils.randomPrivateKey`, forge `privateKeyToPem`, elliptic
 *   `getPrivate`, SSM `Parameter.Value` read `WithDecryption`, `req.sessionID`, `req.get('Authorization')`,
 *   `JSON.parse(SecretString)`, password prompts, inline types with a secret member, `btoa(String.fromCharCode(…))`.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-logged-key (sinks and sources from the APIs, session 23)', rule, {
  valid: [
    {
      // the same sinks given ids, counts and public values
      code: "\nimport { Logger } from 'tslog';\nimport { Logging } from '@google-cloud/logging';\nimport { Roarr } from 'roarr';\nimport npmlog from 'npmlog';\nimport * as Sentry from '@sentry/node';\n\nconst tlog = new Logger({ name: 'kms' });\nconst cloudLog = new Logging().log('key-events');\n\nexport async function rotated(keyId: string, version: number, err: Error) {\n  console.group(`rotation of ${keyId}`);\n  tlog.info('rotated', { keyId, version });\n  await cloudLog.write(cloudLog.entry({ severity: 'NOTICE' }, { keyId, version }));\n  Roarr.info({ keyId }, 'rotated');\n  npmlog.info('keys', 'rotated %s to version %d', keyId, version);\n  Sentry.captureException(err, { extra: { keyId, version } });\n  Sentry.setUser({ id: keyId });\n  console.groupEnd();\n}\n",
      filename: 'src/a6-near-sinks.ts',
    },
    {
      // a project's log helpers given what they do not log, or a fingerprint of the secret
      code: "\nimport { createHash } from 'node:crypto';\nimport pino from 'pino';\nconst base = pino();\n\nfunction logKeyUse(label: string, key: string) {\n  base.info({ fp: createHash('sha256').update(key).digest('hex').slice(0, 8) }, label);\n}\nconst note = (message: string, _secret?: string) => console.log(`[keys] ${message}`);\nfunction remember(cache: Map<string, string>, name: string, value: string) {\n  cache.set(name, value);\n}\n\nexport function use(apiKey: string, cache: Map<string, string>) {\n  logKeyUse('calling the API', apiKey);\n  note('calling the API', apiKey);\n  remember(cache, 'api', apiKey);\n}\n",
      filename: 'src/a6-near-helpers.ts',
    },
    {
      // the safe forms of the same key and secret APIs: public halves, nonces, undecrypted parameters, hashes
      code: "\nimport sodium from 'libsodium-wrappers';\nimport { secp256k1 } from '@noble/curves/secp256k1';\nimport forge from 'node-forge';\nimport { ec as EC } from 'elliptic';\nimport { createHash } from 'node:crypto';\nimport { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';\nimport inquirer from 'inquirer';\n\nconst ssm = new SSMClient({});\n\nexport async function show(priv: Uint8Array, req: any, res: Response) {\n  await sodium.ready;\n  const nonce = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES);\n  console.log('nonce', sodium.to_hex(nonce));\n  console.log('public', Buffer.from(secp256k1.getPublicKey(priv)).toString('hex'));\n  const keys = forge.pki.rsa.generateKeyPair(2048);\n  console.log(forge.pki.publicKeyToPem(keys.publicKey));\n  const pair = new EC('secp256k1').genKeyPair();\n  console.log(pair.getPublic('hex'));\n  const out = await ssm.send(new GetParameterCommand({ Name: '/app/region' }));\n  console.log('region', out.Parameter?.Value);\n  console.log('session', createHash('sha256').update(req.sessionID).digest('hex').slice(0, 12));\n  const type = req.get('content-type');\n  console.log('content type', type);\n  const body = JSON.parse(await res.text());\n  console.log('status', body);\n  const answers = await inquirer.prompt([{ type: 'input', name: 'region' }]);\n  console.log(answers);\n}\n\nexport function greet(user: { name: string; locale: string }) {\n  console.log('hello', { ...user });\n}\n",
      filename: 'src/a6-near-sources.ts',
    },
    {
      // a key a generator API just made, written owner-only: that file is the key's store; a result logged after its success branch returned
      code: "\nimport { writeFile } from 'node:fs/promises';\nimport sodium from 'libsodium-wrappers';\ndeclare function redeem(code: string): Promise<{ ok: boolean; sessionToken?: string; reason?: string }>;\n\nexport async function rekey(target: string) {\n  await sodium.ready;\n  const next = sodium.crypto_kdf_keygen();\n  await writeFile(target, Buffer.from(next), { mode: 0o600 });\n}\nexport async function use(code: string) {\n  const outcome = await redeem(code);\n  if (outcome.ok) return outcome.sessionToken;\n  console.warn('redeem refused', outcome);\n  return undefined;\n}\n",
      filename: 'src/a6-near-store.ts',
    },
  ],
  invalid: [
    {
      // the same generated key written with the default mode, and a decrypted parameter under another name
      code: "\nimport { writeFile } from 'node:fs/promises';\nimport sodium from 'libsodium-wrappers';\nimport { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';\nconst ssm = new SSMClient({});\n\nexport async function rekey(target: string) {\n  await sodium.ready;\n  const next = sodium.crypto_kdf_keygen();\n  await writeFile(target, Buffer.from(next));\n  const out = await ssm.send(new GetParameterCommand({ Name: '/svc/hmac', WithDecryption: true }));\n  const hmacValue = out.Parameter?.Value ?? '';\n  console.debug('hmac', hmacValue);\n}\n",
      filename: 'src/a6-store.ts',
      errors: [
        {
          messageId: 'keyInFile',
          line: 10,
          column: 27,
          endLine: 10,
          endColumn: 44,
        },
        {
          messageId: 'loggedKey',
          line: 13,
          column: 25,
          endLine: 13,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport { writeFile } from 'node:fs/promises';\nimport sodium from 'libsodium-wrappers';\nimport { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';\nconst ssm = new SSMClient({});\n\nexport async function rekey(target: string) {\n  await sodium.ready;\n  const next = sodium.crypto_kdf_keygen();\n  await writeFile(target, Buffer.from(next));\n  const out = await ssm.send(new GetParameterCommand({ Name: '/svc/hmac', WithDecryption: true }));\n  const hmacValue = out.Parameter?.Value ?? '';\n  console.debug('hmac', '[redacted]');\n}\n",
            },
          ],
        },
      ],
    },
    {
      // sinks from the loggers' own APIs: a group label, tslog, Cloud Logging entries, module loggers, Sentry's event context
      code: "\nimport { Logger } from 'tslog';\nimport { Logging } from '@google-cloud/logging';\nimport { Roarr } from 'roarr';\nimport npmlog from 'npmlog';\nimport log from 'loglevel';\nimport * as Sentry from '@sentry/node';\n\nconst tlog = new Logger({ name: 'billing' });\nconst sub = tlog.getSubLogger({ name: 'stripe' });\nconst cloudLog = new Logging().log('billing');\n\nexport async function charge(err: Error, stripeSecret: string, accessToken: string) {\n  console.group(`charging with ${process.env.STRIPE_SECRET_KEY}`);\n  sub.debug('stripe', { stripeSecret });\n  await cloudLog.write(cloudLog.entry({ severity: 'INFO' }, { accessToken }));\n  Roarr.debug({ stripeSecret }, 'charging');\n  npmlog.verbose('billing', 'secret %s', stripeSecret);\n  log.getLogger('billing').warn('token', accessToken);\n  Sentry.captureException(err, { extra: { accessToken } });\n  Sentry.setUser({ id: 'u1', accessToken });\n}\n",
      filename: 'src/a6-sinks.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 14,
          column: 34,
          endLine: 14,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport { Logger } from 'tslog';\nimport { Logging } from '@google-cloud/logging';\nimport { Roarr } from 'roarr';\nimport npmlog from 'npmlog';\nimport log from 'loglevel';\nimport * as Sentry from '@sentry/node';\n\nconst tlog = new Logger({ name: 'billing' });\nconst sub = tlog.getSubLogger({ name: 'stripe' });\nconst cloudLog = new Logging().log('billing');\n\nexport async function charge(err: Error, stripeSecret: string, accessToken: string) {\n  console.group(`charging with [redacted]`);\n  sub.debug('stripe', { stripeSecret });\n  await cloudLog.write(cloudLog.entry({ severity: 'INFO' }, { accessToken }));\n  Roarr.debug({ stripeSecret }, 'charging');\n  npmlog.verbose('billing', 'secret %s', stripeSecret);\n  log.getLogger('billing').warn('token', accessToken);\n  Sentry.captureException(err, { extra: { accessToken } });\n  Sentry.setUser({ id: 'u1', accessToken });\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 15,
          column: 25,
          endLine: 15,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport { Logger } from 'tslog';\nimport { Logging } from '@google-cloud/logging';\nimport { Roarr } from 'roarr';\nimport npmlog from 'npmlog';\nimport log from 'loglevel';\nimport * as Sentry from '@sentry/node';\n\nconst tlog = new Logger({ name: 'billing' });\nconst sub = tlog.getSubLogger({ name: 'stripe' });\nconst cloudLog = new Logging().log('billing');\n\nexport async function charge(err: Error, stripeSecret: string, accessToken: string) {\n  console.group(`charging with ${process.env.STRIPE_SECRET_KEY}`);\n  sub.debug('stripe', { stripeSecret: '[redacted]' });\n  await cloudLog.write(cloudLog.entry({ severity: 'INFO' }, { accessToken }));\n  Roarr.debug({ stripeSecret }, 'charging');\n  npmlog.verbose('billing', 'secret %s', stripeSecret);\n  log.getLogger('billing').warn('token', accessToken);\n  Sentry.captureException(err, { extra: { accessToken } });\n  Sentry.setUser({ id: 'u1', accessToken });\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 16,
          column: 63,
          endLine: 16,
          endColumn: 74,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport { Logger } from 'tslog';\nimport { Logging } from '@google-cloud/logging';\nimport { Roarr } from 'roarr';\nimport npmlog from 'npmlog';\nimport log from 'loglevel';\nimport * as Sentry from '@sentry/node';\n\nconst tlog = new Logger({ name: 'billing' });\nconst sub = tlog.getSubLogger({ name: 'stripe' });\nconst cloudLog = new Logging().log('billing');\n\nexport async function charge(err: Error, stripeSecret: string, accessToken: string) {\n  console.group(`charging with ${process.env.STRIPE_SECRET_KEY}`);\n  sub.debug('stripe', { stripeSecret });\n  await cloudLog.write(cloudLog.entry({ severity: 'INFO' }, { accessToken: '[redacted]' }));\n  Roarr.debug({ stripeSecret }, 'charging');\n  npmlog.verbose('billing', 'secret %s', stripeSecret);\n  log.getLogger('billing').warn('token', accessToken);\n  Sentry.captureException(err, { extra: { accessToken } });\n  Sentry.setUser({ id: 'u1', accessToken });\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 17,
          column: 17,
          endLine: 17,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport { Logger } from 'tslog';\nimport { Logging } from '@google-cloud/logging';\nimport { Roarr } from 'roarr';\nimport npmlog from 'npmlog';\nimport log from 'loglevel';\nimport * as Sentry from '@sentry/node';\n\nconst tlog = new Logger({ name: 'billing' });\nconst sub = tlog.getSubLogger({ name: 'stripe' });\nconst cloudLog = new Logging().log('billing');\n\nexport async function charge(err: Error, stripeSecret: string, accessToken: string) {\n  console.group(`charging with ${process.env.STRIPE_SECRET_KEY}`);\n  sub.debug('stripe', { stripeSecret });\n  await cloudLog.write(cloudLog.entry({ severity: 'INFO' }, { accessToken }));\n  Roarr.debug({ stripeSecret: '[redacted]' }, 'charging');\n  npmlog.verbose('billing', 'secret %s', stripeSecret);\n  log.getLogger('billing').warn('token', accessToken);\n  Sentry.captureException(err, { extra: { accessToken } });\n  Sentry.setUser({ id: 'u1', accessToken });\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 18,
          column: 42,
          endLine: 18,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport { Logger } from 'tslog';\nimport { Logging } from '@google-cloud/logging';\nimport { Roarr } from 'roarr';\nimport npmlog from 'npmlog';\nimport log from 'loglevel';\nimport * as Sentry from '@sentry/node';\n\nconst tlog = new Logger({ name: 'billing' });\nconst sub = tlog.getSubLogger({ name: 'stripe' });\nconst cloudLog = new Logging().log('billing');\n\nexport async function charge(err: Error, stripeSecret: string, accessToken: string) {\n  console.group(`charging with ${process.env.STRIPE_SECRET_KEY}`);\n  sub.debug('stripe', { stripeSecret });\n  await cloudLog.write(cloudLog.entry({ severity: 'INFO' }, { accessToken }));\n  Roarr.debug({ stripeSecret }, 'charging');\n  npmlog.verbose('billing', 'secret %s', '[redacted]');\n  log.getLogger('billing').warn('token', accessToken);\n  Sentry.captureException(err, { extra: { accessToken } });\n  Sentry.setUser({ id: 'u1', accessToken });\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 19,
          column: 42,
          endLine: 19,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport { Logger } from 'tslog';\nimport { Logging } from '@google-cloud/logging';\nimport { Roarr } from 'roarr';\nimport npmlog from 'npmlog';\nimport log from 'loglevel';\nimport * as Sentry from '@sentry/node';\n\nconst tlog = new Logger({ name: 'billing' });\nconst sub = tlog.getSubLogger({ name: 'stripe' });\nconst cloudLog = new Logging().log('billing');\n\nexport async function charge(err: Error, stripeSecret: string, accessToken: string) {\n  console.group(`charging with ${process.env.STRIPE_SECRET_KEY}`);\n  sub.debug('stripe', { stripeSecret });\n  await cloudLog.write(cloudLog.entry({ severity: 'INFO' }, { accessToken }));\n  Roarr.debug({ stripeSecret }, 'charging');\n  npmlog.verbose('billing', 'secret %s', stripeSecret);\n  log.getLogger('billing').warn('token', '[redacted]');\n  Sentry.captureException(err, { extra: { accessToken } });\n  Sentry.setUser({ id: 'u1', accessToken });\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 20,
          column: 43,
          endLine: 20,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport { Logger } from 'tslog';\nimport { Logging } from '@google-cloud/logging';\nimport { Roarr } from 'roarr';\nimport npmlog from 'npmlog';\nimport log from 'loglevel';\nimport * as Sentry from '@sentry/node';\n\nconst tlog = new Logger({ name: 'billing' });\nconst sub = tlog.getSubLogger({ name: 'stripe' });\nconst cloudLog = new Logging().log('billing');\n\nexport async function charge(err: Error, stripeSecret: string, accessToken: string) {\n  console.group(`charging with ${process.env.STRIPE_SECRET_KEY}`);\n  sub.debug('stripe', { stripeSecret });\n  await cloudLog.write(cloudLog.entry({ severity: 'INFO' }, { accessToken }));\n  Roarr.debug({ stripeSecret }, 'charging');\n  npmlog.verbose('billing', 'secret %s', stripeSecret);\n  log.getLogger('billing').warn('token', accessToken);\n  Sentry.captureException(err, { extra: { accessToken: '[redacted]' } });\n  Sentry.setUser({ id: 'u1', accessToken });\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 21,
          column: 30,
          endLine: 21,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport { Logger } from 'tslog';\nimport { Logging } from '@google-cloud/logging';\nimport { Roarr } from 'roarr';\nimport npmlog from 'npmlog';\nimport log from 'loglevel';\nimport * as Sentry from '@sentry/node';\n\nconst tlog = new Logger({ name: 'billing' });\nconst sub = tlog.getSubLogger({ name: 'stripe' });\nconst cloudLog = new Logging().log('billing');\n\nexport async function charge(err: Error, stripeSecret: string, accessToken: string) {\n  console.group(`charging with ${process.env.STRIPE_SECRET_KEY}`);\n  sub.debug('stripe', { stripeSecret });\n  await cloudLog.write(cloudLog.entry({ severity: 'INFO' }, { accessToken }));\n  Roarr.debug({ stripeSecret }, 'charging');\n  npmlog.verbose('billing', 'secret %s', stripeSecret);\n  log.getLogger('billing').warn('token', accessToken);\n  Sentry.captureException(err, { extra: { accessToken } });\n  Sentry.setUser({ id: 'u1', accessToken: '[redacted]' });\n}\n",
            },
          ],
        },
      ],
    },
    {
      // a project's own log helpers: a function forwarding its rest parameter, an arrow forwarding an object, bound log methods
      code: "\nimport winston from 'winston';\nconst logger = winston.createLogger({});\n\nfunction debugLog(...parts: unknown[]) {\n  if (process.env.VERBOSE) console.debug('[sync]', ...parts);\n}\nconst audit = (event: string, details: object) => logger.info(event, { details });\nconst info = console.info.bind(console);\nconst warn = logger.warn.bind(logger);\n\nexport function sync(clientSecret: string, refreshToken: string) {\n  debugLog('refreshing with', refreshToken);\n  audit('oauth.refresh', { clientSecret });\n  info(`client secret: ${clientSecret}`);\n  warn('refresh token', refreshToken);\n}\n",
      filename: 'src/a6-helpers.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 13,
          column: 31,
          endLine: 13,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport winston from 'winston';\nconst logger = winston.createLogger({});\n\nfunction debugLog(...parts: unknown[]) {\n  if (process.env.VERBOSE) console.debug('[sync]', ...parts);\n}\nconst audit = (event: string, details: object) => logger.info(event, { details });\nconst info = console.info.bind(console);\nconst warn = logger.warn.bind(logger);\n\nexport function sync(clientSecret: string, refreshToken: string) {\n  debugLog('refreshing with', '[redacted]');\n  audit('oauth.refresh', { clientSecret });\n  info(`client secret: ${clientSecret}`);\n  warn('refresh token', refreshToken);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 14,
          column: 28,
          endLine: 14,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport winston from 'winston';\nconst logger = winston.createLogger({});\n\nfunction debugLog(...parts: unknown[]) {\n  if (process.env.VERBOSE) console.debug('[sync]', ...parts);\n}\nconst audit = (event: string, details: object) => logger.info(event, { details });\nconst info = console.info.bind(console);\nconst warn = logger.warn.bind(logger);\n\nexport function sync(clientSecret: string, refreshToken: string) {\n  debugLog('refreshing with', refreshToken);\n  audit('oauth.refresh', { clientSecret: '[redacted]' });\n  info(`client secret: ${clientSecret}`);\n  warn('refresh token', refreshToken);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 15,
          column: 26,
          endLine: 15,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport winston from 'winston';\nconst logger = winston.createLogger({});\n\nfunction debugLog(...parts: unknown[]) {\n  if (process.env.VERBOSE) console.debug('[sync]', ...parts);\n}\nconst audit = (event: string, details: object) => logger.info(event, { details });\nconst info = console.info.bind(console);\nconst warn = logger.warn.bind(logger);\n\nexport function sync(clientSecret: string, refreshToken: string) {\n  debugLog('refreshing with', refreshToken);\n  audit('oauth.refresh', { clientSecret });\n  info(`client secret: [redacted]`);\n  warn('refresh token', refreshToken);\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 16,
          column: 25,
          endLine: 16,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport winston from 'winston';\nconst logger = winston.createLogger({});\n\nfunction debugLog(...parts: unknown[]) {\n  if (process.env.VERBOSE) console.debug('[sync]', ...parts);\n}\nconst audit = (event: string, details: object) => logger.info(event, { details });\nconst info = console.info.bind(console);\nconst warn = logger.warn.bind(logger);\n\nexport function sync(clientSecret: string, refreshToken: string) {\n  debugLog('refreshing with', refreshToken);\n  audit('oauth.refresh', { clientSecret });\n  info(`client secret: ${clientSecret}`);\n  warn('refresh token', '[redacted]');\n}\n",
            },
          ],
        },
      ],
    },
    {
      // sources by API: libsodium and @noble keys, forge and elliptic private keys, decrypted SSM parameters, session ids, credentials read by getters, parsed secrets, password prompts, inline secret types, bytes spelled out
      code: "\nimport sodium from 'libsodium-wrappers';\nimport { ed25519 } from '@noble/curves/ed25519';\nimport forge from 'node-forge';\nimport { ec as EC } from 'elliptic';\nimport { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';\nimport { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';\nimport prompts from 'prompts';\n\nconst ssm = new SSMClient({});\nconst sm = new SecretsManagerClient({});\n\nexport async function keys() {\n  await sodium.ready;\n  const k = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();\n  console.log('k', sodium.to_base64(k));\n  const sk = ed25519.utils.randomPrivateKey();\n  console.log(Buffer.from(sk).toString('hex'));\n  const pair = forge.pki.rsa.generateKeyPair(2048);\n  console.log(forge.pki.privateKeyToPem(pair.privateKey));\n  const signer = new EC('p256').genKeyPair();\n  console.log('signer', signer.getPrivate('hex'));\n}\n\nexport async function config(req: any) {\n  const out = await ssm.send(new GetParameterCommand({ Name: '/prod/db/password', WithDecryption: true }));\n  console.log('db', out.Parameter?.Value);\n  const res = await sm.send(new GetSecretValueCommand({ SecretId: 'prod/api' }));\n  const parsed = JSON.parse(res.SecretString ?? '{}');\n  console.log('loaded', parsed);\n  console.log('session', req.sessionID);\n  const bearer = req.get('Authorization');\n  console.log(bearer);\n  const answers = await prompts([{ type: 'password', name: 'passphrase', message: 'Passphrase?' }]);\n  console.log('answers', answers);\n}\n\nexport async function exportKey(k: CryptoKey, login: { user: string; password: string }) {\n  const der = await crypto.subtle.exportKey('pkcs8', k);\n  console.log(btoa(String.fromCharCode(...new Uint8Array(der))));\n  console.log('login', { ...login });\n}\n",
      filename: 'src/a6-sources.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 16,
          column: 20,
          endLine: 16,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport sodium from 'libsodium-wrappers';\nimport { ed25519 } from '@noble/curves/ed25519';\nimport forge from 'node-forge';\nimport { ec as EC } from 'elliptic';\nimport { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';\nimport { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';\nimport prompts from 'prompts';\n\nconst ssm = new SSMClient({});\nconst sm = new SecretsManagerClient({});\n\nexport async function keys() {\n  await sodium.ready;\n  const k = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();\n  console.log('k', '[redacted]');\n  const sk = ed25519.utils.randomPrivateKey();\n  console.log(Buffer.from(sk).toString('hex'));\n  const pair = forge.pki.rsa.generateKeyPair(2048);\n  console.log(forge.pki.privateKeyToPem(pair.privateKey));\n  const signer = new EC('p256').genKeyPair();\n  console.log('signer', signer.getPrivate('hex'));\n}\n\nexport async function config(req: any) {\n  const out = await ssm.send(new GetParameterCommand({ Name: '/prod/db/password', WithDecryption: true }));\n  console.log('db', out.Parameter?.Value);\n  const res = await sm.send(new GetSecretValueCommand({ SecretId: 'prod/api' }));\n  const parsed = JSON.parse(res.SecretString ?? '{}');\n  console.log('loaded', parsed);\n  console.log('session', req.sessionID);\n  const bearer = req.get('Authorization');\n  console.log(bearer);\n  const answers = await prompts([{ type: 'password', name: 'passphrase', message: 'Passphrase?' }]);\n  console.log('answers', answers);\n}\n\nexport async function exportKey(k: CryptoKey, login: { user: string; password: string }) {\n  const der = await crypto.subtle.exportKey('pkcs8', k);\n  console.log(btoa(String.fromCharCode(...new Uint8Array(der))));\n  console.log('login', { ...login });\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 18,
          column: 15,
          endLine: 18,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport sodium from 'libsodium-wrappers';\nimport { ed25519 } from '@noble/curves/ed25519';\nimport forge from 'node-forge';\nimport { ec as EC } from 'elliptic';\nimport { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';\nimport { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';\nimport prompts from 'prompts';\n\nconst ssm = new SSMClient({});\nconst sm = new SecretsManagerClient({});\n\nexport async function keys() {\n  await sodium.ready;\n  const k = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();\n  console.log('k', sodium.to_base64(k));\n  const sk = ed25519.utils.randomPrivateKey();\n  console.log('[redacted]');\n  const pair = forge.pki.rsa.generateKeyPair(2048);\n  console.log(forge.pki.privateKeyToPem(pair.privateKey));\n  const signer = new EC('p256').genKeyPair();\n  console.log('signer', signer.getPrivate('hex'));\n}\n\nexport async function config(req: any) {\n  const out = await ssm.send(new GetParameterCommand({ Name: '/prod/db/password', WithDecryption: true }));\n  console.log('db', out.Parameter?.Value);\n  const res = await sm.send(new GetSecretValueCommand({ SecretId: 'prod/api' }));\n  const parsed = JSON.parse(res.SecretString ?? '{}');\n  console.log('loaded', parsed);\n  console.log('session', req.sessionID);\n  const bearer = req.get('Authorization');\n  console.log(bearer);\n  const answers = await prompts([{ type: 'password', name: 'passphrase', message: 'Passphrase?' }]);\n  console.log('answers', answers);\n}\n\nexport async function exportKey(k: CryptoKey, login: { user: string; password: string }) {\n  const der = await crypto.subtle.exportKey('pkcs8', k);\n  console.log(btoa(String.fromCharCode(...new Uint8Array(der))));\n  console.log('login', { ...login });\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 20,
          column: 15,
          endLine: 20,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport sodium from 'libsodium-wrappers';\nimport { ed25519 } from '@noble/curves/ed25519';\nimport forge from 'node-forge';\nimport { ec as EC } from 'elliptic';\nimport { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';\nimport { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';\nimport prompts from 'prompts';\n\nconst ssm = new SSMClient({});\nconst sm = new SecretsManagerClient({});\n\nexport async function keys() {\n  await sodium.ready;\n  const k = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();\n  console.log('k', sodium.to_base64(k));\n  const sk = ed25519.utils.randomPrivateKey();\n  console.log(Buffer.from(sk).toString('hex'));\n  const pair = forge.pki.rsa.generateKeyPair(2048);\n  console.log('[redacted]');\n  const signer = new EC('p256').genKeyPair();\n  console.log('signer', signer.getPrivate('hex'));\n}\n\nexport async function config(req: any) {\n  const out = await ssm.send(new GetParameterCommand({ Name: '/prod/db/password', WithDecryption: true }));\n  console.log('db', out.Parameter?.Value);\n  const res = await sm.send(new GetSecretValueCommand({ SecretId: 'prod/api' }));\n  const parsed = JSON.parse(res.SecretString ?? '{}');\n  console.log('loaded', parsed);\n  console.log('session', req.sessionID);\n  const bearer = req.get('Authorization');\n  console.log(bearer);\n  const answers = await prompts([{ type: 'password', name: 'passphrase', message: 'Passphrase?' }]);\n  console.log('answers', answers);\n}\n\nexport async function exportKey(k: CryptoKey, login: { user: string; password: string }) {\n  const der = await crypto.subtle.exportKey('pkcs8', k);\n  console.log(btoa(String.fromCharCode(...new Uint8Array(der))));\n  console.log('login', { ...login });\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 22,
          column: 25,
          endLine: 22,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport sodium from 'libsodium-wrappers';\nimport { ed25519 } from '@noble/curves/ed25519';\nimport forge from 'node-forge';\nimport { ec as EC } from 'elliptic';\nimport { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';\nimport { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';\nimport prompts from 'prompts';\n\nconst ssm = new SSMClient({});\nconst sm = new SecretsManagerClient({});\n\nexport async function keys() {\n  await sodium.ready;\n  const k = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();\n  console.log('k', sodium.to_base64(k));\n  const sk = ed25519.utils.randomPrivateKey();\n  console.log(Buffer.from(sk).toString('hex'));\n  const pair = forge.pki.rsa.generateKeyPair(2048);\n  console.log(forge.pki.privateKeyToPem(pair.privateKey));\n  const signer = new EC('p256').genKeyPair();\n  console.log('signer', '[redacted]');\n}\n\nexport async function config(req: any) {\n  const out = await ssm.send(new GetParameterCommand({ Name: '/prod/db/password', WithDecryption: true }));\n  console.log('db', out.Parameter?.Value);\n  const res = await sm.send(new GetSecretValueCommand({ SecretId: 'prod/api' }));\n  const parsed = JSON.parse(res.SecretString ?? '{}');\n  console.log('loaded', parsed);\n  console.log('session', req.sessionID);\n  const bearer = req.get('Authorization');\n  console.log(bearer);\n  const answers = await prompts([{ type: 'password', name: 'passphrase', message: 'Passphrase?' }]);\n  console.log('answers', answers);\n}\n\nexport async function exportKey(k: CryptoKey, login: { user: string; password: string }) {\n  const der = await crypto.subtle.exportKey('pkcs8', k);\n  console.log(btoa(String.fromCharCode(...new Uint8Array(der))));\n  console.log('login', { ...login });\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 27,
          column: 21,
          endLine: 27,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport sodium from 'libsodium-wrappers';\nimport { ed25519 } from '@noble/curves/ed25519';\nimport forge from 'node-forge';\nimport { ec as EC } from 'elliptic';\nimport { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';\nimport { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';\nimport prompts from 'prompts';\n\nconst ssm = new SSMClient({});\nconst sm = new SecretsManagerClient({});\n\nexport async function keys() {\n  await sodium.ready;\n  const k = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();\n  console.log('k', sodium.to_base64(k));\n  const sk = ed25519.utils.randomPrivateKey();\n  console.log(Buffer.from(sk).toString('hex'));\n  const pair = forge.pki.rsa.generateKeyPair(2048);\n  console.log(forge.pki.privateKeyToPem(pair.privateKey));\n  const signer = new EC('p256').genKeyPair();\n  console.log('signer', signer.getPrivate('hex'));\n}\n\nexport async function config(req: any) {\n  const out = await ssm.send(new GetParameterCommand({ Name: '/prod/db/password', WithDecryption: true }));\n  console.log('db', '[redacted]');\n  const res = await sm.send(new GetSecretValueCommand({ SecretId: 'prod/api' }));\n  const parsed = JSON.parse(res.SecretString ?? '{}');\n  console.log('loaded', parsed);\n  console.log('session', req.sessionID);\n  const bearer = req.get('Authorization');\n  console.log(bearer);\n  const answers = await prompts([{ type: 'password', name: 'passphrase', message: 'Passphrase?' }]);\n  console.log('answers', answers);\n}\n\nexport async function exportKey(k: CryptoKey, login: { user: string; password: string }) {\n  const der = await crypto.subtle.exportKey('pkcs8', k);\n  console.log(btoa(String.fromCharCode(...new Uint8Array(der))));\n  console.log('login', { ...login });\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 30,
          column: 25,
          endLine: 30,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport sodium from 'libsodium-wrappers';\nimport { ed25519 } from '@noble/curves/ed25519';\nimport forge from 'node-forge';\nimport { ec as EC } from 'elliptic';\nimport { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';\nimport { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';\nimport prompts from 'prompts';\n\nconst ssm = new SSMClient({});\nconst sm = new SecretsManagerClient({});\n\nexport async function keys() {\n  await sodium.ready;\n  const k = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();\n  console.log('k', sodium.to_base64(k));\n  const sk = ed25519.utils.randomPrivateKey();\n  console.log(Buffer.from(sk).toString('hex'));\n  const pair = forge.pki.rsa.generateKeyPair(2048);\n  console.log(forge.pki.privateKeyToPem(pair.privateKey));\n  const signer = new EC('p256').genKeyPair();\n  console.log('signer', signer.getPrivate('hex'));\n}\n\nexport async function config(req: any) {\n  const out = await ssm.send(new GetParameterCommand({ Name: '/prod/db/password', WithDecryption: true }));\n  console.log('db', out.Parameter?.Value);\n  const res = await sm.send(new GetSecretValueCommand({ SecretId: 'prod/api' }));\n  const parsed = JSON.parse(res.SecretString ?? '{}');\n  console.log('loaded', '[redacted]');\n  console.log('session', req.sessionID);\n  const bearer = req.get('Authorization');\n  console.log(bearer);\n  const answers = await prompts([{ type: 'password', name: 'passphrase', message: 'Passphrase?' }]);\n  console.log('answers', answers);\n}\n\nexport async function exportKey(k: CryptoKey, login: { user: string; password: string }) {\n  const der = await crypto.subtle.exportKey('pkcs8', k);\n  console.log(btoa(String.fromCharCode(...new Uint8Array(der))));\n  console.log('login', { ...login });\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 31,
          column: 26,
          endLine: 31,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport sodium from 'libsodium-wrappers';\nimport { ed25519 } from '@noble/curves/ed25519';\nimport forge from 'node-forge';\nimport { ec as EC } from 'elliptic';\nimport { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';\nimport { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';\nimport prompts from 'prompts';\n\nconst ssm = new SSMClient({});\nconst sm = new SecretsManagerClient({});\n\nexport async function keys() {\n  await sodium.ready;\n  const k = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();\n  console.log('k', sodium.to_base64(k));\n  const sk = ed25519.utils.randomPrivateKey();\n  console.log(Buffer.from(sk).toString('hex'));\n  const pair = forge.pki.rsa.generateKeyPair(2048);\n  console.log(forge.pki.privateKeyToPem(pair.privateKey));\n  const signer = new EC('p256').genKeyPair();\n  console.log('signer', signer.getPrivate('hex'));\n}\n\nexport async function config(req: any) {\n  const out = await ssm.send(new GetParameterCommand({ Name: '/prod/db/password', WithDecryption: true }));\n  console.log('db', out.Parameter?.Value);\n  const res = await sm.send(new GetSecretValueCommand({ SecretId: 'prod/api' }));\n  const parsed = JSON.parse(res.SecretString ?? '{}');\n  console.log('loaded', parsed);\n  console.log('session', '[redacted]');\n  const bearer = req.get('Authorization');\n  console.log(bearer);\n  const answers = await prompts([{ type: 'password', name: 'passphrase', message: 'Passphrase?' }]);\n  console.log('answers', answers);\n}\n\nexport async function exportKey(k: CryptoKey, login: { user: string; password: string }) {\n  const der = await crypto.subtle.exportKey('pkcs8', k);\n  console.log(btoa(String.fromCharCode(...new Uint8Array(der))));\n  console.log('login', { ...login });\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 33,
          column: 15,
          endLine: 33,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport sodium from 'libsodium-wrappers';\nimport { ed25519 } from '@noble/curves/ed25519';\nimport forge from 'node-forge';\nimport { ec as EC } from 'elliptic';\nimport { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';\nimport { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';\nimport prompts from 'prompts';\n\nconst ssm = new SSMClient({});\nconst sm = new SecretsManagerClient({});\n\nexport async function keys() {\n  await sodium.ready;\n  const k = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();\n  console.log('k', sodium.to_base64(k));\n  const sk = ed25519.utils.randomPrivateKey();\n  console.log(Buffer.from(sk).toString('hex'));\n  const pair = forge.pki.rsa.generateKeyPair(2048);\n  console.log(forge.pki.privateKeyToPem(pair.privateKey));\n  const signer = new EC('p256').genKeyPair();\n  console.log('signer', signer.getPrivate('hex'));\n}\n\nexport async function config(req: any) {\n  const out = await ssm.send(new GetParameterCommand({ Name: '/prod/db/password', WithDecryption: true }));\n  console.log('db', out.Parameter?.Value);\n  const res = await sm.send(new GetSecretValueCommand({ SecretId: 'prod/api' }));\n  const parsed = JSON.parse(res.SecretString ?? '{}');\n  console.log('loaded', parsed);\n  console.log('session', req.sessionID);\n  const bearer = req.get('Authorization');\n  console.log('[redacted]');\n  const answers = await prompts([{ type: 'password', name: 'passphrase', message: 'Passphrase?' }]);\n  console.log('answers', answers);\n}\n\nexport async function exportKey(k: CryptoKey, login: { user: string; password: string }) {\n  const der = await crypto.subtle.exportKey('pkcs8', k);\n  console.log(btoa(String.fromCharCode(...new Uint8Array(der))));\n  console.log('login', { ...login });\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 35,
          column: 26,
          endLine: 35,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport sodium from 'libsodium-wrappers';\nimport { ed25519 } from '@noble/curves/ed25519';\nimport forge from 'node-forge';\nimport { ec as EC } from 'elliptic';\nimport { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';\nimport { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';\nimport prompts from 'prompts';\n\nconst ssm = new SSMClient({});\nconst sm = new SecretsManagerClient({});\n\nexport async function keys() {\n  await sodium.ready;\n  const k = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();\n  console.log('k', sodium.to_base64(k));\n  const sk = ed25519.utils.randomPrivateKey();\n  console.log(Buffer.from(sk).toString('hex'));\n  const pair = forge.pki.rsa.generateKeyPair(2048);\n  console.log(forge.pki.privateKeyToPem(pair.privateKey));\n  const signer = new EC('p256').genKeyPair();\n  console.log('signer', signer.getPrivate('hex'));\n}\n\nexport async function config(req: any) {\n  const out = await ssm.send(new GetParameterCommand({ Name: '/prod/db/password', WithDecryption: true }));\n  console.log('db', out.Parameter?.Value);\n  const res = await sm.send(new GetSecretValueCommand({ SecretId: 'prod/api' }));\n  const parsed = JSON.parse(res.SecretString ?? '{}');\n  console.log('loaded', parsed);\n  console.log('session', req.sessionID);\n  const bearer = req.get('Authorization');\n  console.log(bearer);\n  const answers = await prompts([{ type: 'password', name: 'passphrase', message: 'Passphrase?' }]);\n  console.log('answers', '[redacted]');\n}\n\nexport async function exportKey(k: CryptoKey, login: { user: string; password: string }) {\n  const der = await crypto.subtle.exportKey('pkcs8', k);\n  console.log(btoa(String.fromCharCode(...new Uint8Array(der))));\n  console.log('login', { ...login });\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 40,
          column: 58,
          endLine: 40,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport sodium from 'libsodium-wrappers';\nimport { ed25519 } from '@noble/curves/ed25519';\nimport forge from 'node-forge';\nimport { ec as EC } from 'elliptic';\nimport { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';\nimport { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';\nimport prompts from 'prompts';\n\nconst ssm = new SSMClient({});\nconst sm = new SecretsManagerClient({});\n\nexport async function keys() {\n  await sodium.ready;\n  const k = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();\n  console.log('k', sodium.to_base64(k));\n  const sk = ed25519.utils.randomPrivateKey();\n  console.log(Buffer.from(sk).toString('hex'));\n  const pair = forge.pki.rsa.generateKeyPair(2048);\n  console.log(forge.pki.privateKeyToPem(pair.privateKey));\n  const signer = new EC('p256').genKeyPair();\n  console.log('signer', signer.getPrivate('hex'));\n}\n\nexport async function config(req: any) {\n  const out = await ssm.send(new GetParameterCommand({ Name: '/prod/db/password', WithDecryption: true }));\n  console.log('db', out.Parameter?.Value);\n  const res = await sm.send(new GetSecretValueCommand({ SecretId: 'prod/api' }));\n  const parsed = JSON.parse(res.SecretString ?? '{}');\n  console.log('loaded', parsed);\n  console.log('session', req.sessionID);\n  const bearer = req.get('Authorization');\n  console.log(bearer);\n  const answers = await prompts([{ type: 'password', name: 'passphrase', message: 'Passphrase?' }]);\n  console.log('answers', answers);\n}\n\nexport async function exportKey(k: CryptoKey, login: { user: string; password: string }) {\n  const der = await crypto.subtle.exportKey('pkcs8', k);\n  console.log(btoa(String.fromCharCode(...new Uint8Array('[redacted]'))));\n  console.log('login', { ...login });\n}\n",
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 41,
          column: 29,
          endLine: 41,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'useRedacted',
              output:
                "\nimport sodium from 'libsodium-wrappers';\nimport { ed25519 } from '@noble/curves/ed25519';\nimport forge from 'node-forge';\nimport { ec as EC } from 'elliptic';\nimport { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';\nimport { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';\nimport prompts from 'prompts';\n\nconst ssm = new SSMClient({});\nconst sm = new SecretsManagerClient({});\n\nexport async function keys() {\n  await sodium.ready;\n  const k = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();\n  console.log('k', sodium.to_base64(k));\n  const sk = ed25519.utils.randomPrivateKey();\n  console.log(Buffer.from(sk).toString('hex'));\n  const pair = forge.pki.rsa.generateKeyPair(2048);\n  console.log(forge.pki.privateKeyToPem(pair.privateKey));\n  const signer = new EC('p256').genKeyPair();\n  console.log('signer', signer.getPrivate('hex'));\n}\n\nexport async function config(req: any) {\n  const out = await ssm.send(new GetParameterCommand({ Name: '/prod/db/password', WithDecryption: true }));\n  console.log('db', out.Parameter?.Value);\n  const res = await sm.send(new GetSecretValueCommand({ SecretId: 'prod/api' }));\n  const parsed = JSON.parse(res.SecretString ?? '{}');\n  console.log('loaded', parsed);\n  console.log('session', req.sessionID);\n  const bearer = req.get('Authorization');\n  console.log(bearer);\n  const answers = await prompts([{ type: 'password', name: 'passphrase', message: 'Passphrase?' }]);\n  console.log('answers', answers);\n}\n\nexport async function exportKey(k: CryptoKey, login: { user: string; password: string }) {\n  const der = await crypto.subtle.exportKey('pkcs8', k);\n  console.log(btoa(String.fromCharCode(...new Uint8Array(der))));\n  console.log('login', { login: '[redacted]' });\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
