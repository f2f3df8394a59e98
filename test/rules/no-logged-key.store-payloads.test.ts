/**
 * no-logged-key on secret-store payloads judged by where they came from (issue 11, session 40, branch logorigin24):
 * an AWS Secrets Manager read (SDK v3 command, v2 `.promise()`), a Google Secret Manager version, followed through
 * the response's value members, a tuple's first element, destructuring, `JSON.parse`, `Buffer.from` and
 * `.toString()`, and logged in a structured log call's object whatever the field is called (`payload`, `result`,
 * `data`, a nested `body`). Near misses: the response's ARN, version id and name, a length, a boolean, a hash, the
 * parsed payload's host and username, a masked form, a DescribeSecret response, a batch response's count.
 */
import rule from '../../rules/no-logged-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

/** The code with one exact piece of text replaced (the redaction suggestion's output). */
const swap = (code: string, from: string, to: string): string => {
  if (code.split(from).length !== 2) throw new Error(`not unique: ${from}`);
  return code.replace(from, to);
};

const awsV3 =
  "import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';\nimport pino from 'pino';\n\nconst log = pino();\nconst sm = new SecretsManagerClient({});\n\nexport async function loadSettings(id: string) {\n  const res = await sm.send(new GetSecretValueCommand({ SecretId: id }));\n  const payload = JSON.parse(res.SecretString ?? '{}');\n  log.info({ payload }, 'settings loaded');\n  log.debug('raw response', { res });\n  log.info('loaded', { arn: res.ARN, version: res.VersionId, name: res.Name, host: payload.host });\n  return payload;\n}\n";
const awsV2 =
  "const AWS = require('aws-sdk');\n\nconst manager = new AWS.SecretsManager({ region: 'eu-west-1' });\n\nasync function material(logger, id) {\n  const out = await manager.getSecretValue({ SecretId: id }).promise();\n  const result = Buffer.from(out.SecretBinary).toString('base64');\n  logger.info('fetched', { result, size: result.length });\n  return result;\n}\nmodule.exports = { material };\n";
const google =
  "import { SecretManagerServiceClient } from '@google-cloud/secret-manager';\n\nconst client = new SecretManagerServiceClient();\n\nexport async function readToken(logger: { info(...a: unknown[]): void }, name: string) {\n  const [version] = await client.accessSecretVersion({ name });\n  const data = version.payload?.data?.toString('utf8');\n  logger.info('secret version read', { name, created: version.createTime, data });\n  return data;\n}\n";
const nested =
  "import { SecretsManagerClient, BatchGetSecretValueCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';\n\nconst sm = new SecretsManagerClient({});\n\nexport async function warm(log: { debug(...a: unknown[]): void }, id: string) {\n  const { SecretString: body, Name } = await sm.send(new GetSecretValueCommand({ SecretId: id }));\n  log.debug('cache warmed', { secret: { name: Name, body } });\n  const batch = await sm.send(new BatchGetSecretValueCommand({ SecretIdList: [id] }));\n  log.debug('batch', { count: batch.SecretValues?.length });\n}\n";

ruleTester.run('no-logged-key (secret-store payloads)', rule, {
  valid: [
    {
      // metadata, a length, a boolean, a hash, the parsed payload's non-secret fields, a mask, DescribeSecret
      code: "import { SecretsManagerClient, GetSecretValueCommand, DescribeSecretCommand } from '@aws-sdk/client-secrets-manager';\nimport { createHash } from 'node:crypto';\n\nconst sm = new SecretsManagerClient({});\n\nexport async function check(log: { info(...a: unknown[]): void }, id: string) {\n  const res = await sm.send(new GetSecretValueCommand({ SecretId: id }));\n  const value = res.SecretString ?? '';\n  const conf = JSON.parse(value);\n  log.info('secret read', { arn: res.ARN, versionId: res.VersionId, length: value.length, hasValue: Boolean(value) });\n  log.info('secret fingerprint', { sha: createHash('sha256').update(value).digest('hex') });\n  log.info('db', { host: conf.host, username: conf.username, region: conf.region });\n  log.info('masked', { tail: value.replace(/.(?=.{4})/g, '*') });\n  const meta = await sm.send(new DescribeSecretCommand({ SecretId: id }));\n  log.info('described', { meta });\n}\n",
      filename: 'src/check.ts',
    },
  ],
  invalid: [
    {
      code: awsV3,
      filename: 'src/settings.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 10,
          column: 14,
          endLine: 10,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: swap(awsV3, 'log.info({ payload }', "log.info({ payload: '[redacted]' }"),
            },
          ],
        },
        {
          messageId: 'loggedKey',
          line: 11,
          column: 31,
          endLine: 11,
          endColumn: 34,
          suggestions: [{ messageId: 'useRedacted', output: swap(awsV3, '{ res }', "{ res: '[redacted]' }") }],
        },
      ],
    },
    {
      code: awsV2,
      filename: 'src/material.js',
      errors: [
        {
          messageId: 'loggedKey',
          line: 8,
          column: 28,
          endLine: 8,
          endColumn: 34,
          suggestions: [
            { messageId: 'useRedacted', output: swap(awsV2, '{ result, size', "{ result: '[redacted]', size") },
          ],
        },
      ],
    },
    {
      code: google,
      filename: 'src/token.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 8,
          column: 75,
          endLine: 8,
          endColumn: 79,
          suggestions: [
            {
              messageId: 'useRedacted',
              output: swap(google, 'createTime, data }', "createTime, data: '[redacted]' }"),
            },
          ],
        },
      ],
    },
    {
      code: nested,
      filename: 'src/warm.ts',
      errors: [
        {
          messageId: 'loggedKey',
          line: 7,
          column: 53,
          endLine: 7,
          endColumn: 57,
          suggestions: [
            { messageId: 'useRedacted', output: swap(nested, 'Name, body }', "Name, body: '[redacted]' }") },
          ],
        },
      ],
    },
  ],
});
