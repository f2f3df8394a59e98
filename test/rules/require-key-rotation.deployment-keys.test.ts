/**
 * require-key-rotation: a key drawn per start in production, with a fixed value only for development
 * (src/rule-kit/dev-only.ts `outsideProduction`, read by `drawnByProgram`). The non-production arm of a deployment
 * test (`isProduction ? randomBytes(64) : 'dev'`, `NODE_ENV !== 'production'`) never runs in production, so it
 * neither counts as the production key nor spoils the random one. Near misses stay reported: the fixed value on the
 * production arm, a test that names no deployment (a debug flag, a configured secret's `||` fallback), and a
 * configured production key with a random development one.
 */
import rule from '../../rules/require-key-rotation.js';
import { ruleTester } from '../helpers/rule-tester.js';

const sign = (decl: string): string =>
  "import { randomBytes, randomUUID } from 'node:crypto';\nimport jwt from 'jsonwebtoken';\n" +
  `${decl}\nexport const issue = (sub: string) => jwt.sign({ sub }, secret);\n`;
const kid = (decl: string): string =>
  sign(decl).replace('jwt.sign({ sub }, secret)', "jwt.sign({ sub }, secret, { keyid: 'v1' })");
const error = (decl: string) => ({
  code: sign(decl),
  filename: 'src/auth/tokens.ts',
  errors: [
    {
      messageId: 'jwtNoKid' as const,
      line: 3 + decl.split('\n').length,
      column: 39,
      endLine: 3 + decl.split('\n').length,
      endColumn: 64,
      suggestions: [{ messageId: 'addKeyId' as const, output: kid(decl) }],
    },
  ],
});

ruleTester.run('require-key-rotation (a key drawn per start in production)', rule, {
  valid: [
    {
      code: sign(
        "const isProduction = process.env.NODE_ENV === 'production';\nconst secret = isProduction ? randomBytes(64).toString('hex') : 'local-dev';",
      ),
      filename: 'src/auth/tokens.ts',
    },
    {
      code: sign("const secret = process.env.NODE_ENV !== 'production' ? 'local-dev' : randomBytes(32);"),
      filename: 'src/auth/tokens.ts',
    },
    {
      code: sign("let secret = randomBytes(32).toString('base64');\nif (config.isDev) secret = 'dev-only';"),
      filename: 'src/auth/tokens.ts',
    },
    {
      // a UUID drawn once per start (122 random bits) is as new at every start as randomBytes
      code: sign('const secret = randomUUID();'),
      filename: 'src/auth/tokens.ts',
    },
  ],
  invalid: [
    // the fixed value is the production one
    error("const secret = process.env.NODE_ENV === 'production' ? 'prod-signing-value' : randomBytes(32);"),
    // a debug flag is no deployment: production can turn it on
    error("const secret = process.env.DEBUG ? 'debug-signing-value' : randomBytes(32);"),
    // a configured secret with a random fallback: production runs on the configured, static one
    error("const secret = process.env.JWT_SECRET || randomBytes(32).toString('hex');"),
    // a configured production key, random only in development
    error(
      "const isProd = process.env.NODE_ENV === 'production';\nconst secret = isProd ? process.env.JWT_SECRET : randomUUID();",
    ),
  ],
});
