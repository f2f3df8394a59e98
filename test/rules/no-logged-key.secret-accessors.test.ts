/**
 * no-logged-key: a project's own secret accessor hands over the server's own secret (issue 11, session 28, rec12a).
 * Real projects wrap their secret store or settings in a function of their own and import it everywhere: an AWS
 * Secrets Manager wrapper (`getSecret(name)`, `getSecretValue(name)`, `getAwsSecret(name)`), a GCP Secret Manager
 * wrapper given a resource path (`accessSecretVersion('projects/…/secrets/NAME/versions/latest')`, often through a
 * constant), an environment requirer (`requireEnv('…')`, `mustGetEnv('…')`), or a getter with no argument named for
 * the secret (`getJwtSecret()`, `loadWebhookSecret()`). What they return is the server's own secret: sent in a
 * response or logged, it leaks (src/rule-kit/leaks.ts `accessorSecretRead`, catalogue `secretAccessorName`).
 * Near misses: the same accessors asked for a setting that is no secret (a region, a mode), getters of a secret's
 * name, ARN or id, or of a public key, a maker (`generateSecret()`), DOM and file readers given a secret-sounding
 * argument.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

const redacted = (code: string, from: string, to: string) => [
  { messageId: 'useRedacted' as const, output: code.replace(from, to) },
];

const LOGGED = [
  "import pino from 'pino';",
  "import { getJwtSecret, requireEnv, getAwsSecret } from '../lib/secrets';",
  'const log = pino();',
  'export async function boot() {',
  "  log.info({ secret: getJwtSecret() }, 'jwt ready');",
  "  console.log('stripe', requireEnv('STRIPE_SECRET_KEY'));",
  "  const value = await getAwsSecret('prod/smtp-password');",
  '  log.debug(`smtp ${value}`);',
  '}',
].join('\n');

ruleTester.run('no-logged-key (a project secret accessor)', rule, {
  valid: [
    {
      // near misses: settings that are no secret, through the same accessors; getters of a secret's name, ARN and id
      code: [
        "import express from 'express';",
        "import { requireEnv, getSecret, getSecretArn, getSecretName, getApiKeyId, getPublicKey } from './secrets';",
        'const app = express();',
        "app.get('/health', async (_req, res) => {",
        "  const region = requireEnv('AWS_REGION');",
        "  res.json({ region, mode: await getSecret('payments/mode'), arn: getSecretArn(), name: getSecretName() });",
        '});',
        "app.get('/jwks', (_req, res) => res.json({ kid: getApiKeyId(), pub: getPublicKey() }));",
        // an environment variable that holds the secret's id in the store, bound under a reference name
        "export function load() { const SecretId = requireEnv('GITHUB_APP_SECRET'); throw new Error(`no ${SecretId}`); }",
      ].join('\n'),
      filename: 'src/server/health.ts',
    },
    {
      // near misses: a maker of a new secret returned to its caller (that is the endpoint's job), a DOM lookup and a
      // file read given a secret-sounding argument, `require` of a module
      code: [
        "import { readFile } from 'node:fs/promises';",
        "import { generateSecret } from './totp';",
        'export async function enrol(res: { json(v: unknown): void }) {',
        '  res.json({ secret: generateSecret() });',
        "  console.log(document.getElementById('password'));",
        "  console.log((await readFile('certs/server-key.pem')).length);",
        "  console.log(require('./api-key'));",
        '}',
      ].join('\n'),
      filename: 'src/web/enrol.ts',
    },
  ],
  invalid: [
    {
      // a Functions handler that answers with a password read from Secret Manager through the project's wrapper
      code: [
        "import * as ff from '@google-cloud/functions-framework';",
        "import { accessSecret } from './secrets';",
        "ff.http('debugConfig', async (_req, res) => {",
        "  const dbPassword = await accessSecret('reports-db-password');",
        '  res.json({ project: process.env.GCP_PROJECT, dbPassword });',
        '});',
      ].join('\n'),
      filename: 'functions/src/index.ts',
      errors: [{ messageId: 'keyInResponse', line: 5, column: 48, endLine: 5, endColumn: 58 }],
    },
    {
      // a GCP resource path held in a constant, a Next.js route, an Express route with a zero-argument getter
      code: [
        "import { NextResponse } from 'next/server';",
        "import { accessSecretVersion, loadWebhookSecret } from '@/lib/secret-manager';",
        "const DB_SECRET = 'projects/acme/secrets/mysql_password/versions/latest';",
        'export async function GET() {',
        '  const payload = await accessSecretVersion(DB_SECRET);',
        '  return NextResponse.json({ ok: true, payload });',
        '}',
        'export async function POST() {',
        '  const whsec = await loadWebhookSecret();',
        '  return NextResponse.json({ whsec });',
        '}',
      ].join('\n'),
      filename: 'app/api/debug/route.ts',
      errors: [
        { messageId: 'keyInResponse', line: 6, column: 40, endLine: 6, endColumn: 47 },
        { messageId: 'keyInResponse', line: 10, column: 30, endLine: 10, endColumn: 35 },
      ],
    },
    {
      // Fastify reply with an environment requirer, Koa body with a Secrets Manager wrapper
      code: [
        "import { mustGetEnv, getSecretValue } from './config';",
        'export async function routes(app: any) {',
        "  app.get('/cfg', async (_req: unknown, reply: any) => reply.send({ key: mustGetEnv('SENDGRID_API_KEY') }));",
        '}',
        'export async function koa(ctx: any) {',
        "  ctx.body = { token: await getSecretValue('github/app-token') };",
        '}',
      ].join('\n'),
      filename: 'src/server/cfg.ts',
      errors: [
        { messageId: 'keyInResponse', line: 3, column: 74, endLine: 3, endColumn: 104 },
        { messageId: 'keyInResponse', line: 6, column: 29, endLine: 6, endColumn: 63 },
      ],
    },
    {
      // logged: a zero-argument getter, an environment requirer, a wrapper's result under a generic name
      code: LOGGED,
      filename: 'src/boot.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 5,
          column: 22,
          endLine: 5,
          endColumn: 36,
          suggestions: redacted(LOGGED, '{ secret: getJwtSecret() }', "{ secret: '[redacted]' }"),
        },
        {
          messageId: 'loggedKey',
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 56,
          suggestions: redacted(LOGGED, "requireEnv('STRIPE_SECRET_KEY'))", "'[redacted]')"),
        },
        {
          messageId: 'loggedKey',
          line: 8,
          column: 21,
          endLine: 8,
          endColumn: 26,
          suggestions: redacted(LOGGED, '${value}', '[redacted]'),
        },
      ],
    },
  ],
});
