/**
 * require-key-rotation (session 38, branch rot22): a framework JWT configuration that signs with one static key and
 * no key id is reported at the property that holds the key (`secret: …`, `privateKey: …`), inside a registerAsync
 * factory too, rather than at the call. Near misses: the key id present (`signOptions.keyid`, `sign.kid`), a Cloud
 * KMS key with a rotation period.
 */
import rule from '../../rules/require-key-rotation.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('require-key-rotation (report sites)', rule, {
  valid: [
    {
      code: "import { JwtModule } from '@nestjs/jwt';\nexport const m = JwtModule.registerAsync({\n  useFactory: () => ({\n    privateKey: process.env.SIGNING_PEM,\n    signOptions: {\n      algorithm: 'RS256',\n      keyid: process.env.SIGNING_KID,\n    },\n  }),\n});\n",
      filename: 'src/auth/module.ts',
    },
    {
      code: "const app = require('fastify')();\napp.register(require('@fastify/jwt'), {\n  secret: process.env.SESSION_KEY,\n  sign: {\n    expiresIn: '10m',\n    kid: 'k-2026-11',\n  },\n});\n",
      filename: 'src/server.js',
    },
    {
      code: "import { KeyManagementServiceClient } from '@google-cloud/kms';\nconst kms = new KeyManagementServiceClient();\nexport const make = (parent: string) =>\n  kms.createCryptoKey({\n    parent,\n    cryptoKeyId: 'ledger',\n    cryptoKey: {\n      purpose: 'ENCRYPT_DECRYPT',\n      rotationPeriod: { seconds: 2592000 },\n      nextRotationTime: { seconds: 1800000000 },\n    },\n  });\n",
      filename: 'src/keys.ts',
    },
  ],
  invalid: [
    {
      // registerAsync: the factory's secret line, not the call
      code: "import { JwtModule } from '@nestjs/jwt';\nexport const m = JwtModule.registerAsync({\n  useFactory: () => ({\n    secret: process.env.SESSION_SECRET,\n    signOptions: {\n      expiresIn: '2h',\n    },\n  }),\n});\n",
      filename: 'src/auth/module.ts',
      errors: [{ messageId: 'jwtNoKid', line: 4, column: 5, endLine: 4, endColumn: 39 }],
    },
    {
      // register: the secret, not the call or signOptions
      code: "import { JwtModule } from '@nestjs/jwt';\nexport const m = JwtModule.register({\n  global: true,\n  secret: process.env.SESSION_SECRET,\n  signOptions: { expiresIn: '30m', audience: 'web' },\n});\n",
      filename: 'src/auth/module.ts',
      errors: [{ messageId: 'jwtNoKid', line: 4, column: 3, endLine: 4, endColumn: 37 }],
    },
    {
      // no signOptions at all: the secret
      code: "import { JwtModule } from '@nestjs/jwt';\nexport const m = JwtModule.register({\n  secret: process.env.SESSION_SECRET,\n});\n",
      filename: 'src/auth/module.ts',
      errors: [{ messageId: 'jwtNoKid', line: 3, column: 3, endLine: 3, endColumn: 37 }],
    },
    {
      // @fastify/jwt: its secret
      code: "const app = require('fastify')();\napp.register(require('@fastify/jwt'), {\n  secret: process.env.SESSION_KEY,\n  sign: {\n    expiresIn: '10m',\n  },\n});\n",
      filename: 'src/server.js',
      errors: [{ messageId: 'jwtNoKid', line: 3, column: 3, endLine: 3, endColumn: 34 }],
    },
  ],
});
