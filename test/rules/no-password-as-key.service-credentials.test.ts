/**
 * A service's own credential slot (catalogue `SinkArgument.issued`: the AWS SDK's secret access key) is no key a
 * KDF could stand in front of: the service checks the secret as it is. A sync target's settings form that keeps the
 * S3 secret key in its `password` field (the form's generic user/password pair) is not a password used as a key.
 * Near misses: the same `password()` value given to a JWT signer or a cipher stays reported.
 */
import rule from '../../rules/no-password-as-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-password-as-key (service credentials)', rule, {
  valid: [
    {
      code:
        "import { S3Client } from '@aws-sdk/client-s3';\n" +
        'export function clientFor(options) {\n' +
        '  return new S3Client({\n    region: options.region(),\n' +
        '    credentials: { accessKeyId: options.username(), secretAccessKey: options.password() },\n  });\n}\n',
      filename: 'src/sync/s3-target.js',
    },
    {
      code:
        "const AWS = require('aws-sdk');\n" +
        'function connect(settings) {\n' +
        '  AWS.config.update({ accessKeyId: settings.user, secretAccessKey: settings.password });\n}\n' +
        'module.exports = { connect };\n',
      filename: 'lib/aws-v2.js',
    },
    {
      code:
        "import AWS from 'aws-sdk';\n" +
        'export const creds = (form: { login: string; password: string }) => new AWS.Credentials(form.login, form.password);\n',
      filename: 'src/backup/creds.ts',
    },
  ],
  invalid: [
    {
      code:
        "import jwt from 'jsonwebtoken';\n" +
        'export function token(options) {\n  return jwt.sign({ sub: 1 }, options.password());\n}\n',
      filename: 'src/sync/token.js',
      errors: [{ messageId: 'passwordAsKey', line: 3, column: 31, endLine: 3, endColumn: 49 }],
    },
    {
      code:
        "import { createCipheriv, randomBytes } from 'node:crypto';\n" +
        'export function seal(settings, data) {\n' +
        "  return createCipheriv('aes-256-gcm', Buffer.from(settings.password), randomBytes(12)).update(data);\n}\n",
      filename: 'src/sync/seal.js',
      errors: [{ messageId: 'passwordAsKey', line: 3, column: 40, endLine: 3, endColumn: 70 }],
    },
  ],
});
