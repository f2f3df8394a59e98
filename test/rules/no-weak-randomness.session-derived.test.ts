import rule from '../../rules/no-weak-randomness.js';
import { ruleTester } from '../helpers/rule-tester.js';

// issue 11 (session 30, branch wr14): a token made from a session identifier and a clock, a counter or Math.random.
// The identifier's name is also a purpose (`sessionId`, `sid`), so the tracker counted it as entropy and the token
// as unguessable; but a session id travels with every request of its session, so the token is as guessable as its
// other parts. Seen in seven development corpora by six authors (CSRF tokens, a resume token, a key handle).
ruleTester.run('no-weak-randomness (tokens made from a session identifier)', rule, {
  valid: [
    {
      // keyed with a server secret; a CSPRNG part beside the id; a session token or key (secrets, not identifiers)
      // as the other part; a trace token (no security purpose)
      code: "import { createHash, createHmac, randomBytes } from 'node:crypto';\n\nconst CSRF_SECRET = process.env.CSRF_SECRET ?? '';\n\nexport function csrfToken(sessionId: string): string {\n  return createHmac('sha256', CSRF_SECRET).update(`${sessionId}:${Date.now()}`).digest('hex');\n}\nexport function doubleSubmitToken(sid: string): string {\n  return createHash('sha256').update(sid + randomBytes(16).toString('hex')).digest('base64url');\n}\nexport function antiForgeryToken(sessionToken: string): string {\n  return createHash('sha256').update(`${sessionToken}.${Date.now()}`).digest('hex');\n}\nexport function resumeToken(sessionKey: string): string {\n  return `${sessionKey}:${Date.now()}`;\n}\nexport function traceToken(sessionId: string): string {\n  return `${sessionId}:${Date.now()}`;\n}\n",
      filename: 'src/csrf.ts',
    },
  ],
  invalid: [
    {
      // a counter, a request's session id with the clock, a client's session id with a monotonic clock, a digest
      // of the session id updated with Math.random (each silent before: the id counted as entropy)
      code: "import { createHash } from 'node:crypto';\nimport type { Request } from 'express';\n\nexport class FormGuard {\n  private served = 0;\n\n  antiForgeryToken(sid: string): string {\n    this.served++;\n    return Buffer.from(`${sid}|${this.served}`).toString('hex');\n  }\n}\n\nexport function xsrfToken(req: Request): string {\n  return createHash('md5').update(`${req.sessionID}${Date.now()}`).digest('hex');\n}\n\nexport function onConnect(client: { sessionId: string; send(m: unknown): void }) {\n  const reconnect = { resumeToken: `${client.sessionId}-${process.hrtime.bigint()}` };\n  client.send(reconnect);\n}\n\nexport const formCsrfToken = (sessionId: string): string =>\n  createHash('sha1').update(sessionId).update(String(Math.random())).digest('base64url');\n",
      filename: 'src/guard.ts',
      errors: [
        { messageId: 'weakRandom', line: 9, column: 34, endLine: 9, endColumn: 45 },
        {
          messageId: 'weakRandom',
          line: 14,
          column: 54,
          endLine: 14,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { createHash, randomBytes } from 'node:crypto';\nimport type { Request } from 'express';\n\nexport class FormGuard {\n  private served = 0;\n\n  antiForgeryToken(sid: string): string {\n    this.served++;\n    return Buffer.from(`${sid}|${this.served}`).toString('hex');\n  }\n}\n\nexport function xsrfToken(req: Request): string {\n  return createHash('md5').update(`${req.sessionID}${randomBytes(32).toString('base64url')}`).digest('hex');\n}\n\nexport function onConnect(client: { sessionId: string; send(m: unknown): void }) {\n  const reconnect = { resumeToken: `${client.sessionId}-${process.hrtime.bigint()}` };\n  client.send(reconnect);\n}\n\nexport const formCsrfToken = (sessionId: string): string =>\n  createHash('sha1').update(sessionId).update(String(Math.random())).digest('base64url');\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { createHash } from 'node:crypto';\nimport type { Request } from 'express';\nimport { randomToken } from 'keyhygiene/keys';\n\nexport class FormGuard {\n  private served = 0;\n\n  antiForgeryToken(sid: string): string {\n    this.served++;\n    return Buffer.from(`${sid}|${this.served}`).toString('hex');\n  }\n}\n\nexport function xsrfToken(req: Request): string {\n  return createHash('md5').update(`${req.sessionID}${randomToken()}`).digest('hex');\n}\n\nexport function onConnect(client: { sessionId: string; send(m: unknown): void }) {\n  const reconnect = { resumeToken: `${client.sessionId}-${process.hrtime.bigint()}` };\n  client.send(reconnect);\n}\n\nexport const formCsrfToken = (sessionId: string): string =>\n  createHash('sha1').update(sessionId).update(String(Math.random())).digest('base64url');\n",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 18,
          column: 59,
          endLine: 18,
          endColumn: 82,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { createHash, randomBytes } from 'node:crypto';\nimport type { Request } from 'express';\n\nexport class FormGuard {\n  private served = 0;\n\n  antiForgeryToken(sid: string): string {\n    this.served++;\n    return Buffer.from(`${sid}|${this.served}`).toString('hex');\n  }\n}\n\nexport function xsrfToken(req: Request): string {\n  return createHash('md5').update(`${req.sessionID}${Date.now()}`).digest('hex');\n}\n\nexport function onConnect(client: { sessionId: string; send(m: unknown): void }) {\n  const reconnect = { resumeToken: `${client.sessionId}-${randomBytes(32).toString('base64url')}` };\n  client.send(reconnect);\n}\n\nexport const formCsrfToken = (sessionId: string): string =>\n  createHash('sha1').update(sessionId).update(String(Math.random())).digest('base64url');\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { createHash } from 'node:crypto';\nimport type { Request } from 'express';\nimport { randomToken } from 'keyhygiene/keys';\n\nexport class FormGuard {\n  private served = 0;\n\n  antiForgeryToken(sid: string): string {\n    this.served++;\n    return Buffer.from(`${sid}|${this.served}`).toString('hex');\n  }\n}\n\nexport function xsrfToken(req: Request): string {\n  return createHash('md5').update(`${req.sessionID}${Date.now()}`).digest('hex');\n}\n\nexport function onConnect(client: { sessionId: string; send(m: unknown): void }) {\n  const reconnect = { resumeToken: `${client.sessionId}-${randomToken()}` };\n  client.send(reconnect);\n}\n\nexport const formCsrfToken = (sessionId: string): string =>\n  createHash('sha1').update(sessionId).update(String(Math.random())).digest('base64url');\n",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 23,
          column: 54,
          endLine: 23,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { createHash, randomBytes } from 'node:crypto';\nimport type { Request } from 'express';\n\nexport class FormGuard {\n  private served = 0;\n\n  antiForgeryToken(sid: string): string {\n    this.served++;\n    return Buffer.from(`${sid}|${this.served}`).toString('hex');\n  }\n}\n\nexport function xsrfToken(req: Request): string {\n  return createHash('md5').update(`${req.sessionID}${Date.now()}`).digest('hex');\n}\n\nexport function onConnect(client: { sessionId: string; send(m: unknown): void }) {\n  const reconnect = { resumeToken: `${client.sessionId}-${process.hrtime.bigint()}` };\n  client.send(reconnect);\n}\n\nexport const formCsrfToken = (sessionId: string): string =>\n  createHash('sha1').update(sessionId).update(randomBytes(32).toString('base64url')).digest('base64url');\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { createHash } from 'node:crypto';\nimport type { Request } from 'express';\nimport { randomToken } from 'keyhygiene/keys';\n\nexport class FormGuard {\n  private served = 0;\n\n  antiForgeryToken(sid: string): string {\n    this.served++;\n    return Buffer.from(`${sid}|${this.served}`).toString('hex');\n  }\n}\n\nexport function xsrfToken(req: Request): string {\n  return createHash('md5').update(`${req.sessionID}${Date.now()}`).digest('hex');\n}\n\nexport function onConnect(client: { sessionId: string; send(m: unknown): void }) {\n  const reconnect = { resumeToken: `${client.sessionId}-${process.hrtime.bigint()}` };\n  client.send(reconnect);\n}\n\nexport const formCsrfToken = (sessionId: string): string =>\n  createHash('sha1').update(sessionId).update(randomToken()).digest('base64url');\n",
            },
          ],
        },
      ],
    },
  ],
});
