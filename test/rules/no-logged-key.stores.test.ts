/**
 * no-logged-key on secrets that come out of a secret store or a connection URL (issue 11, branch rlog2): a
 * Vault/Azure/Google secret read logged whole or through its values member, a database URL from the
 * environment (its password rides in it), also imported from the module that reads it; and their near misses
 * (lease ids, secret names and versions, a database host, an imported port).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

/** The code with one exact piece of text replaced (the redaction suggestion's output). */
const swap = (code: string, from: string, to: string): string => {
  if (code.split(from).length !== 2) throw new Error(`not unique: ${from}`);
  return code.replace(from, to);
};

// A project on disk where src/db.ts imports the settings module that reads DATABASE_URL.
const project = mkdtempSync(join(tmpdir(), 'keyhygiene-logged-url-'));
mkdirSync(join(project, 'src'));
writeFileSync(join(project, 'package.json'), '{ "name": "logged-url-demo", "private": true }\n');
writeFileSync(
  join(project, 'src', 'settings.ts'),
  "export const DATABASE_URL = process.env.DATABASE_URL ?? '';\nexport const PORT = Number(process.env.PORT ?? 8080);\n" +
    'export const settings = { dbUrl: process.env.DATABASE_URL, region: process.env.AWS_REGION };\n',
);
afterAll(() => rmSync(project, { recursive: true, force: true }));
const dbCode =
  "import pino from 'pino';\nimport { DATABASE_URL, PORT, settings } from './settings';\nconst log = pino();\n" +
  'export function connect(): void {\n  log.info(`listening on ${PORT}`);\n  log.info(`connecting to ${DATABASE_URL}`);\n' +
  '  log.info(`db ${settings.dbUrl} in ${settings.region}`);\n}\n';
const dbValid =
  "import pino from 'pino';\nimport { PORT } from './settings';\nconst log = pino();\n" +
  'export function listen(): void {\n  log.info(`listening on ${PORT}`);\n}\n';

const materialCode =
  "const crypto = require('crypto');\nfunction newMaterial() {\n  const material = crypto.randomBytes(32);\n" +
  "  console.log('material length', material.length);\n  console.log('new material', material.toString('base64'));\n" +
  '  return material;\n}\nmodule.exports = { newMaterial };\n';
const vaultCode =
  "import vault from 'node-vault';\nimport pino from 'pino';\nconst log = pino();\nconst client = vault({ endpoint: process.env.VAULT_ADDR, token: process.env.VAULT_TOKEN });\nexport async function load(path: string) {\n  const { data } = await client.read(path);\n  log.debug(`secrets: ${JSON.stringify(data.data)}`);\n  const res = await client.read(path);\n  log.info({ res }, 'read');\n  log.info({ lease: res.lease_id, ttl: res.lease_duration }, 'lease');\n  return data.data;\n}\n";
const azureCode =
  "const { SecretClient } = require('@azure/keyvault-secrets');\nconst client = new SecretClient(process.env.VAULT_URL, credential);\nasync function main() {\n  const secret = await client.getSecret('db-password');\n  console.log('secret', secret.value);\n  console.log('secret name', secret.name, secret.properties.version);\n  console.log('db', process.env.DATABASE_URL);\n  console.log('db host', process.env.DATABASE_HOST);\n  const mongoUri = process.env.MONGODB_URI;\n  console.log(`connecting to ${mongoUri}`);\n}\nmodule.exports = { main };\n";

ruleTester.run('no-logged-key (secret stores, connection URLs)', rule, {
  valid: [
    {
      // a Vault lease id and duration, a secret's name and version, a database host
      code:
        "import vault from 'node-vault';\nconst client = vault({ endpoint: process.env.VAULT_ADDR });\n" +
        'export async function renew(path: string) {\n  const res = await client.read(path);\n' +
        "  console.log('lease', res.lease_id, res.lease_duration);\n  console.log('host', process.env.DATABASE_HOST);\n" +
        "  await client.write(path, { value: 'x' });\n}\n",
      filename: 'src/renew.ts',
    },
    {
      code: "const { SecretClient } = require('@azure/keyvault-secrets');\nasync function show(client) {\n  const secret = await client.getSecret('db');\n  console.log(secret.name, secret.properties.version);\n}\nmodule.exports = { show };\n",
      filename: 'src/show.js',
    },
    { code: dbValid, filename: join(project, 'src', 'listen.ts') },
  ],
  invalid: [
    {
      // random bytes named key material (the length beside it is not reported)
      code: materialCode,
      filename: 'src/material.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 5,
          column: 31,
          endLine: 5,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: swap(materialCode, "material.toString('base64')", "'[redacted]'"),
            },
          ],
        },
      ],
    },
    {
      code: vaultCode,
      filename: 'src/vault.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 50,
          suggestions: [
            { messageId: 'useRedacted', output: swap(vaultCode, '${JSON.stringify(data.data)}', '[redacted]') },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 9,
          column: 14,
          endLine: 9,
          endColumn: 17,
          suggestions: [{ messageId: 'useRedacted', output: swap(vaultCode, '{ res }', "{ res: '[redacted]' }") }],
        },
      ],
    },
    {
      code: azureCode,
      filename: 'src/azure.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 5,
          column: 25,
          endLine: 5,
          endColumn: 37,
          suggestions: [{ messageId: 'useRedacted', output: swap(azureCode, 'secret.value', "'[redacted]'") }],
        },
        {
          messageId: 'loggedKey',
          line: 7,
          column: 21,
          endLine: 7,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: swap(azureCode, "'db', process.env.DATABASE_URL", "'db', '[redacted]'"),
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 10,
          column: 32,
          endLine: 10,
          endColumn: 40,
          suggestions: [{ messageId: 'useRedacted', output: swap(azureCode, '${mongoUri}', '[redacted]') }],
        },
      ],
    },
    {
      code: dbCode,
      filename: join(project, 'src', 'db.ts'),
      errors: [
        {
          messageId: 'loggedKey',
          line: 6,
          column: 29,
          endLine: 6,
          endColumn: 41,
          suggestions: [{ messageId: 'useRedacted', output: swap(dbCode, '${DATABASE_URL}', '[redacted]') }],
        },
        {
          messageId: 'loggedKey',
          line: 7,
          column: 18,
          endLine: 7,
          endColumn: 32,
          suggestions: [{ messageId: 'useRedacted', output: swap(dbCode, '${settings.dbUrl}', '[redacted]') }],
        },
      ],
    },
  ],
});
