/**
 * require-key-rotation: a key read as a member of a parameter (`params.jwtSecret`, `const { jwtSecret } = params`)
 * is the caller's choice, as the same member destructured in the parameter list already is: the caller decides
 * which key to pass and when to change it. Near misses stay reported: a member of a module-level settings object,
 * and a deeper read through a request (`req.app.locals.jwtSecret`), which reaches the application's one key.
 */
import rule from '../../rules/require-key-rotation.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('require-key-rotation (a member of a parameter)', rule, {
  valid: [
    {
      code: "import jwt from 'jsonwebtoken';\nexport function client(params: { jwtSecret?: string; algorithm?: jwt.Algorithm }) {\n  const { jwtSecret, algorithm = 'HS256' } = params;\n  return jwtSecret ? jwt.sign({ app: true }, jwtSecret, { algorithm }) : undefined;\n}\n",
      filename: 'src/client.ts',
    },
    {
      code: "import jwt from 'jsonwebtoken';\nexport function bearer(options: { secret: string }, sub: string) {\n  return jwt.sign({ sub }, options.secret, { expiresIn: 300 });\n}\n",
      filename: 'src/bearer.ts',
    },
    {
      code: "import { SignJWT } from 'jose';\nexport async function assertion(cfg: { key: Uint8Array }, iss: string) {\n  return new SignJWT({ iss }).setProtectedHeader({ alg: 'HS256' }).sign(cfg.key);\n}\n",
      filename: 'src/assertion.ts',
    },
  ],
  invalid: [
    {
      // near miss: a member of a module-level settings object is the one configured key
      code: "import jwt from 'jsonwebtoken';\nconst settings = { jwtSecret: process.env.JWT_SECRET as string };\nexport function bearer(sub: string) {\n  return jwt.sign({ sub }, settings.jwtSecret, { expiresIn: 300 });\n}\n",
      filename: 'src/bearer.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'keyid', kid: 'v1' },
              output:
                "import jwt from 'jsonwebtoken';\nconst settings = { jwtSecret: process.env.JWT_SECRET as string };\nexport function bearer(sub: string) {\n  return jwt.sign({ sub }, settings.jwtSecret, { expiresIn: 300, keyid: 'v1' });\n}\n",
            },
          ],
        },
      ],
    },
    {
      // near miss: through the request, the application's own setting
      code: "import jwt from 'jsonwebtoken';\nexport function login(req: { app: { locals: { jwtSecret: string } } }, sub: string) {\n  return jwt.sign({ sub }, req.app.locals.jwtSecret, { expiresIn: 300 });\n}\n",
      filename: 'src/login.ts',
      errors: [
        {
          messageId: 'jwtNoKid',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'addKeyId',
              data: { property: 'keyid', kid: 'v1' },
              output:
                "import jwt from 'jsonwebtoken';\nexport function login(req: { app: { locals: { jwtSecret: string } } }, sub: string) {\n  return jwt.sign({ sub }, req.app.locals.jwtSecret, { expiresIn: 300, keyid: 'v1' });\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
