/**
 * no-weak-key-size, session 35 (branch alg19, issue 11): `'none'` in an `algorithms` option that lists the JWS
 * algorithms a verifier accepts (a signing algorithm beside it says so, catalogue `jwsAlgorithmName`), in any call's
 * options: a passport-jwt strategy's `super({ … })`, express-jwt, a project's own wrapper
 * (src/rule-kit/algorithm-options.ts `checkAcceptedAlgorithms`). Near misses: a list of signing algorithms only, and
 * an `algorithms` list that names no JWS algorithm (content encodings).
 */
import rule from '../../rules/no-weak-key-size.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-weak-key-size (accepted JWT algorithms)', rule, {
  valid: [
    {
      code: "import { verifyToken } from '../auth/tokens';\nimport compression from './compression';\nexport const readClaims = (t: string) => verifyToken(t, { algorithms: ['HS256'] });\nexport const packer = compression({ algorithms: ['none', 'gzip', 'br'] });\n",
      filename: 'src/api/claims.ts',
    },
  ],
  invalid: [
    {
      // a NestJS passport-jwt strategy passes its options to super()
      code: "import { Injectable } from '@nestjs/common';\nimport { PassportStrategy } from '@nestjs/passport';\nimport { ExtractJwt, Strategy } from 'passport-jwt';\n\n@Injectable()\nexport class JwtStrategy extends PassportStrategy(Strategy) {\n  constructor() {\n    super({\n      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),\n      secretOrKey: process.env.JWT_SECRET,\n      algorithms: ['HS256', 'none'],\n    });\n  }\n}\n",
      filename: 'src/auth/jwt.strategy.ts',
      errors: [
        {
          messageId: 'unsignedToken',
          data: { algorithm: 'none', api: 'super({ algorithms })' },
          line: 11,
          column: 29,
          endLine: 11,
          endColumn: 35,
        },
      ],
    },
    {
      // express-jwt's verifier options
      code: "import { expressjwt } from 'express-jwt';\nexport const requireAuth = expressjwt({ secret: process.env.JWT_PUBLIC_KEY!, algorithms: ['RS256', 'none'] });\n",
      filename: 'src/middleware/auth.ts',
      errors: [
        {
          messageId: 'unsignedToken',
          data: { algorithm: 'none', api: 'expressjwt({ algorithms })' },
          line: 2,
          column: 100,
          endLine: 2,
          endColumn: 106,
        },
      ],
    },
    {
      // a project's own verify wrapper, 'none' listed first
      code: "import { verifyToken } from '../auth/tokens';\nexport const readClaims = (t: string) => verifyToken(t, { audience: 'api', algorithms: ['none', 'ES256'] });\n",
      filename: 'src/api/claims.ts',
      errors: [
        {
          messageId: 'unsignedToken',
          data: { algorithm: 'none', api: 'verifyToken({ algorithms })' },
          line: 2,
          column: 89,
          endLine: 2,
          endColumn: 95,
        },
      ],
    },
  ],
});
