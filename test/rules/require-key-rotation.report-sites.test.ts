/**
 * require-key-rotation (session 38, branch rot22): a finding about a missing setting is reported where that setting
 * belongs when the call writes the object that would hold it: a framework JWT configuration's `signOptions`/`sign`
 * (where `keyid`/`kid` goes), a Cloud KMS `cryptoKey` (where `rotationPeriod` goes). Without that object, or with
 * it held in a variable, the call is reported. Near misses: the key id or the period present.
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
      // registerAsync: the factory's signOptions line, not the call
      code: "import { JwtModule } from '@nestjs/jwt';\nexport const m = JwtModule.registerAsync({\n  useFactory: () => ({\n    secret: process.env.SESSION_SECRET,\n    signOptions: {\n      expiresIn: '2h',\n    },\n  }),\n});\n",
      filename: 'src/auth/module.ts',
      errors: [{ messageId: 'jwtNoKid', line: 5, column: 5, endLine: 7, endColumn: 6 }],
    },
    {
      // register with signOptions in one line below the secret
      code: "import { JwtModule } from '@nestjs/jwt';\nexport const m = JwtModule.register({\n  global: true,\n  secret: process.env.SESSION_SECRET,\n  signOptions: { expiresIn: '30m', audience: 'web' },\n});\n",
      filename: 'src/auth/module.ts',
      errors: [{ messageId: 'jwtNoKid', line: 5, column: 3, endLine: 5, endColumn: 53 }],
    },
    {
      // no signOptions at all: the call
      code: "import { JwtModule } from '@nestjs/jwt';\nexport const m = JwtModule.register({\n  secret: process.env.SESSION_SECRET,\n});\n",
      filename: 'src/auth/module.ts',
      errors: [{ messageId: 'jwtNoKid', line: 2, column: 18, endLine: 4, endColumn: 3 }],
    },
    {
      // @fastify/jwt: its `sign` options
      code: "const app = require('fastify')();\napp.register(require('@fastify/jwt'), {\n  secret: process.env.SESSION_KEY,\n  sign: {\n    expiresIn: '10m',\n  },\n});\n",
      filename: 'src/server.js',
      errors: [{ messageId: 'jwtNoKid', line: 4, column: 3, endLine: 6, endColumn: 4 }],
    },
    {
      // Cloud KMS: the cryptoKey object written in the call
      code: "import { KeyManagementServiceClient } from '@google-cloud/kms';\nconst kms = new KeyManagementServiceClient();\nexport const make = (parent: string) =>\n  kms.createCryptoKey({\n    parent,\n    cryptoKeyId: 'ledger',\n    cryptoKey: {\n      purpose: 'ENCRYPT_DECRYPT',\n    },\n  });\n",
      filename: 'src/keys.ts',
      errors: [
        {
          messageId: 'periodMissing',
          line: 7,
          column: 5,
          endLine: 9,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'setRotationPeriod',
              data: {
                property: 'rotationPeriod',
                value: '{ seconds: 7776000 }, nextRotationTime: { seconds: Math.floor(Date.now() / 1000) + 7776000 }',
              },
              output:
                "import { KeyManagementServiceClient } from '@google-cloud/kms';\nconst kms = new KeyManagementServiceClient();\nexport const make = (parent: string) =>\n  kms.createCryptoKey({\n    parent,\n    cryptoKeyId: 'ledger',\n    cryptoKey: {\n      purpose: 'ENCRYPT_DECRYPT',\n      rotationPeriod: { seconds: 7776000 }, nextRotationTime: { seconds: Math.floor(Date.now() / 1000) + 7776000 },\n    },\n  });\n",
            },
          ],
        },
      ],
    },
    {
      // the cryptoKey object held in a constant: the call
      code: "import { KeyManagementServiceClient } from '@google-cloud/kms';\nconst kms = new KeyManagementServiceClient();\nconst spec = { purpose: 'ENCRYPT_DECRYPT' };\nexport const make = (parent: string) =>\n  kms.createCryptoKey({\n    parent,\n    cryptoKeyId: 'ledger',\n    cryptoKey: spec,\n  });\n",
      filename: 'src/keys.ts',
      errors: [
        {
          messageId: 'periodMissing',
          line: 5,
          column: 3,
          endLine: 9,
          endColumn: 5,
          suggestions: [
            {
              messageId: 'setRotationPeriod',
              data: {
                property: 'rotationPeriod',
                value: '{ seconds: 7776000 }, nextRotationTime: { seconds: Math.floor(Date.now() / 1000) + 7776000 }',
              },
              output:
                "import { KeyManagementServiceClient } from '@google-cloud/kms';\nconst kms = new KeyManagementServiceClient();\nconst spec = { purpose: 'ENCRYPT_DECRYPT', rotationPeriod: { seconds: 7776000 }, nextRotationTime: { seconds: Math.floor(Date.now() / 1000) + 7776000 } };\nexport const make = (parent: string) =>\n  kms.createCryptoKey({\n    parent,\n    cryptoKeyId: 'ledger',\n    cryptoKey: spec,\n  });\n",
            },
          ],
        },
      ],
    },
  ],
});
