/**
 * no-logged-key on the sink and source families of the session-29 breadth study (issue 11, branch breadth13a; the
 * coverage table is in docs/benchmarks.md): families found in real projects that the catalogue did not name.
 * Sinks: electron-log (named and renamed imports, scoped loggers), consola instances under any name, Lambda
 * Powertools `appendKeys`, Firebase Analytics and Crashlytics, Application Insights, `process.emitWarning`,
 * `core.setFailed`, the OpenTelemetry logs API, Honeybadger `setContext`. Sources: Solana and web3.js key pairs
 * logged whole, viem and nostr-tools private keys, BIP-32 roots, Polkadot mnemonics. Each near miss is the same API
 * given what it may carry (ids, lengths, public halves, addresses). Second round: Azure Functions v4 context log
 * methods, firebase-functions/logger named imports, @clack/prompts boxes and lines, and the
 * secret names services give their credentials (GitLab private/deploy tokens, a Supabase service-role key, an Azure
 * storage account key, `<service>_pass`).
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { lintWith } from '../helpers/probe.js';

const lines = (code: string, filename = 'src/app/feature.ts'): number[] =>
  lintWith(rule, code, filename).map((m) => (m.fatal ? -1 : m.line));

describe('no-logged-key: log and telemetry sinks from the breadth study', () => {
  it('reports a secret written through each new sink', () => {
    const cases: [string, number[]][] = [
      [
        "import { info as writeInfo } from 'electron-log';\n" +
          "export function f(apiSecret: string) {\n  writeInfo('secret', apiSecret);\n}\n",
        [3],
      ],
      [
        "import elog from 'electron-log/main';\n" +
          "export function f(privateKey: string) {\n  elog.scope('ipc').warn(privateKey);\n}\n",
        [3],
      ],
      [
        "import consola from 'consola';\nconst cli = consola.withTag('cli');\n" +
          "export function f(clientSecret: string) {\n  cli.info('got', clientSecret);\n}\n",
        [4],
      ],
      [
        "import { createConsola } from 'consola';\nconst out = createConsola({ level: 4 });\n" +
          'export function f(signingKey: string) {\n  out.debug(`signing with ${signingKey}`);\n}\n',
        [4],
      ],
      [
        "import { Logger } from '@aws-lambda-powertools/logger';\nconst out = new Logger({ serviceName: 'billing' });\n" +
          "export function f() {\n  out.appendKeys({ partnerKey: process.env.PARTNER_API_KEY });\n  out.info('start');\n}\n",
        [4],
      ],
      [
        "import { getAnalytics, logEvent } from 'firebase/analytics';\n" +
          "export function f(accessToken: string) {\n  logEvent(getAnalytics(), 'login', { accessToken });\n}\n",
        [3],
      ],
      [
        "import crashlytics from '@react-native-firebase/crashlytics';\n" +
          "export function f(refreshToken: string) {\n  crashlytics().setAttribute('refresh', refreshToken);\n" +
          '  crashlytics().log(`renewing with ${refreshToken}`);\n}\n',
        [3, 4],
      ],
      [
        "import appInsights from 'applicationinsights';\n" +
          'export function f() {\n  appInsights.defaultClient.trackTrace({ message: `db ${process.env.DB_PASSWORD}` });\n}\n',
        [3],
      ],
      [
        "import { ApplicationInsights } from '@microsoft/applicationinsights-web';\n" +
          'const ai = new ApplicationInsights({ config: {} });\n' +
          "export function f(apiSecret: string) {\n  ai.trackEvent({ name: 'saved' }, { apiSecret });\n}\n",
        [4],
      ],
      ['export function f() {\n  process.emitWarning(`using ${process.env.SIGNING_KEY}`);\n}\n', [2]],
      [
        "import * as core from '@actions/core';\n" +
          'export function f() {\n  core.setFailed(`rejected: ${process.env.GITHUB_TOKEN}`);\n}\n',
        [3],
      ],
      [
        "import { logs } from '@opentelemetry/api-logs';\nconst otl = logs.getLogger('app');\n" +
          'export function f(jwtSecret: string) {\n  otl.emit({ body: `secret ${jwtSecret}` });\n}\n',
        [4],
      ],
      [
        "import Honeybadger from '@honeybadger-io/js';\n" +
          'export function f(id: string, sessionToken: string) {\n  Honeybadger.setContext({ user_id: id, sessionToken });\n}\n',
        [3],
      ],
    ];
    for (const [code, want] of cases) expect({ code, got: lines(code) }).toEqual({ code, got: want });
  });

  it('stays quiet on the same sinks given ids, lengths and configuration', () => {
    const cases = [
      "import { getAnalytics, logEvent } from 'firebase/analytics';\n" +
        "export function f(userId: string, plan: string) {\n  logEvent(getAnalytics(), 'upgrade', { userId, plan });\n}\n",
      "export function f(keyId: string) {\n  process.emitWarning(`key ${keyId} is deprecated`, 'DeprecationWarning');\n}\n",
      "import { createConsola } from 'consola';\nconst out = createConsola({});\n" +
        "export function f(apiKey: string) {\n  out.info('key length', apiKey.length);\n}\n",
      "import { Logger } from '@aws-lambda-powertools/logger';\nconst out = new Logger();\n" +
        "export function f(tenantId: string) {\n  out.appendKeys({ tenantId });\n  out.info('start');\n}\n",
      "import { logs } from '@opentelemetry/api-logs';\n" +
        "export function f(userId: string) {\n  logs.getLogger('app').emit({ body: `login ${userId}` });\n}\n",
      "import elog from 'electron-log';\nelog.transports.file.level = 'info';\nelog.info('started');\n",
    ];
    for (const code of cases) expect({ code, got: lines(code) }).toEqual({ code, got: [] });
  });
});

describe('no-logged-key: key pairs and generated keys from the breadth study', () => {
  it('reports a key pair or generated key logged whole', () => {
    const cases: [string, number[]][] = [
      ["import { Keypair } from '@solana/web3.js';\nconst kp = Keypair.generate();\nconsole.log('made', kp);\n", [3]],
      [
        "import Web3 from 'web3';\nconst web3 = new Web3('http://localhost:8545');\n" +
          'const account = web3.eth.accounts.create();\nconsole.log(account);\n',
        [4],
      ],
      [
        "import { HDKey } from '@scure/bip32';\nexport function f(seed: Uint8Array) {\n" +
          '  const root = HDKey.fromMasterSeed(seed);\n  console.log(root.privateExtendedKey);\n}\n',
        [4],
      ],
      [
        "import { ECPairFactory } from 'ecpair';\nimport * as ecc from 'tiny-secp256k1';\n" +
          'const ECPair = ECPairFactory(ecc);\nconst pair = ECPair.makeRandom();\nconsole.log(pair);\n',
        [5],
      ],
      [
        "import { mnemonicGenerate } from '@polkadot/util-crypto';\nconst phrase = mnemonicGenerate(12);\nconsole.log(phrase);\n",
        [3],
      ],
      [
        "import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';\nconst sk = generateSecretKey();\n" +
          'console.log(getPublicKey(sk));\nconsole.log(sk);\n',
        [4],
      ],
    ];
    for (const [code, want] of cases) expect({ code, got: lines(code) }).toEqual({ code, got: want });
  });

  it('stays quiet on their public halves and addresses', () => {
    const cases = [
      "import { Keypair } from '@solana/web3.js';\nconst kp = Keypair.generate();\nconsole.log('made', kp.publicKey.toBase58());\n",
      "import Web3 from 'web3';\nconst web3 = new Web3('http://localhost:8545');\n" +
        'const acct = web3.eth.accounts.create();\nconsole.log(acct.address);\n',
      "import { HDKey } from '@scure/bip32';\nexport function f(seed: Uint8Array) {\n" +
        '  console.log(HDKey.fromMasterSeed(seed).publicExtendedKey);\n}\n',
    ];
    for (const code of cases) expect({ code, got: lines(code) }).toEqual({ code, got: [] });
  });
});

describe('no-logged-key: second round of the breadth study', () => {
  it('reports a secret written through the context, module and CLI sinks', () => {
    const cases: [string, number[]][] = [
      [
        "import { app, InvocationContext } from '@azure/functions';\n" +
          'export async function run(req: unknown, context: InvocationContext) {\n' +
          '  context.info(`calling with ${process.env.PARTNER_API_KEY}`);\n}\n' +
          "app.http('run', { handler: run });\n",
        [3],
      ],
      [
        "import { error as logError } from 'firebase-functions/logger';\n" +
          "export function f(clientSecret: string) {\n  logError('exchange failed', { clientSecret });\n}\n",
        [3],
      ],
      [
        "import { note, outro } from '@clack/prompts';\n" +
          "export function f() {\n  note(`key: ${process.env.SIGNING_KEY}`, 'Settings');\n  outro('done');\n}\n",
        [3],
      ],
    ];
    for (const [code, want] of cases) expect({ code, got: lines(code) }).toEqual({ code, got: want });
  });

  it('reports the secret names services give their credentials', () => {
    for (const name of [
      'gitlabPrivateToken',
      'deployToken',
      'stsSecurityToken',
      'supabaseServiceRoleKey',
      'storageAccountKey',
      'vaultUnsealKey',
      'secretKeyBase',
      'smtpPass',
      'dbPass',
      'passwordPepper',
      'serviceAccountJson',
    ]) {
      const code = `export function f(${name}: string) {\n  console.log('value', ${name});\n}\n`;
      expect({ name, got: lines(code) }).toEqual({ name, got: [2] });
    }
  });

  it('stays quiet on near misses of the same sinks and names', () => {
    const cases = [
      // a v4 context outside an Azure Functions module is some other context
      'export function f(context: { info(m: string): void }) {\n  context.info(`using ${process.env.PARTNER_API_KEY}`);\n}\n',
      "import { app, InvocationContext } from '@azure/functions';\n" +
        'export async function run(req: unknown, context: InvocationContext) {\n  context.info(`invocation ${context.invocationId}`);\n}\n' +
        "app.http('run', { handler: run });\n",
      "import { note } from '@clack/prompts';\nexport function f(keyId: string) {\n  note(`key ${keyId} saved`, 'Done');\n}\n",
      'export function f(accountKey: string, registrationToken: string, firstPass: boolean) {\n' +
        "  console.log('row', accountKey, registrationToken, firstPass);\n}\n",
    ];
    for (const code of cases) expect({ code, got: lines(code) }).toEqual({ code, got: [] });
  });
});
