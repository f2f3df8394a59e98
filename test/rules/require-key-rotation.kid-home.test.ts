import rule from '../../rules/require-key-rotation.js';
import { ruleTester } from '../helpers/rule-tester.js';

// Where a missing key id is reported: at the place a fix adds it (the sign options), not at the call that opens
// the configuration some lines above.
const NEST = "import { Module } from '@nestjs/common';\nimport { JwtModule } from '@nestjs/jwt';\n";

ruleTester.run('require-key-rotation (reported where the key id belongs)', rule, {
  valid: [
    {
      code:
        NEST +
        '@Module({\n  imports: [\n    JwtModule.register({\n      secret: process.env.APP_JWT_SECRET,\n' +
        "      signOptions: { expiresIn: '10m', keyid: 'k2' },\n    }),\n  ],\n})\nexport class TokensModule {}\n",
      filename: 'src/tokens/tokens.module.ts',
    },
    {
      code:
        NEST +
        'JwtModule.registerAsync({\n  useFactory: () => ({\n    secret: process.env.APP_JWT_SECRET,\n' +
        "    signOptions: { header: { alg: 'HS256', kid: 'k7' } },\n  }),\n});\n",
      filename: 'src/tokens/tokens.module.ts',
    },
    {
      code: "import jwt from 'jsonwebtoken';\nexport const mint = (u) =>\n  jwt.sign(\n    { sub: u.id },\n    process.env.APP_JWT_SECRET,\n    { expiresIn: '5m', keyid: 'k3' },\n  );\n",
      filename: 'src/tokens/mint.ts',
    },
  ],
  invalid: [
    // the sign options on their own line: reported there
    {
      code:
        NEST +
        '@Module({\n  imports: [\n    JwtModule.register({\n      secret: process.env.APP_JWT_SECRET,\n' +
        "      signOptions: { expiresIn: '10m' },\n    }),\n  ],\n})\nexport class TokensModule {}\n",
      filename: 'src/tokens/tokens.module.ts',
      errors: [{ messageId: 'jwtNoKid', line: 7, column: 20, endLine: 7, endColumn: 40 }],
    },
    // options returned by the factory: the sign options inside them
    {
      code:
        NEST +
        'JwtModule.registerAsync({\n  inject: [Cfg],\n  useFactory: (cfg) => ({\n    secret: cfg.get("jwt.key"),\n' +
        "    signOptions: { expiresIn: '2h', issuer: 'svc' },\n  }),\n});\n",
      filename: 'src/tokens/tokens.module.ts',
      errors: [{ messageId: 'jwtNoKid', line: 7, column: 18, endLine: 7, endColumn: 52 }],
    },
    // no sign options at all: the options object, where they would go
    {
      code: NEST + 'JwtModule.register(\n  { secret: process.env.APP_JWT_SECRET },\n);\n',
      filename: 'src/tokens/tokens.module.ts',
      errors: [{ messageId: 'jwtNoKid', line: 4, column: 3, endLine: 4, endColumn: 41 }],
    },
    // jsonwebtoken with its options three lines below the call
    {
      code: "import jwt from 'jsonwebtoken';\nexport const mint = (u) =>\n  jwt.sign(\n    { sub: u.id },\n    process.env.APP_JWT_SECRET,\n    { expiresIn: '5m' },\n  );\n",
      filename: 'src/tokens/mint.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'addKeyId',
              output:
                "import jwt from 'jsonwebtoken';\nexport const mint = (u) =>\n  jwt.sign(\n    { sub: u.id },\n    process.env.APP_JWT_SECRET,\n    { expiresIn: '5m', keyid: 'v1' },\n  );\n",
            },
          ],
        },
      ],
    },
  ],
});
