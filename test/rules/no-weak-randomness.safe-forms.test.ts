/**
 * no-weak-randomness, safe forms (issue 11, session 24, branch neg7): a request nonce that a MAC signs
 * (src/rule-kit/signed-nonces.ts). Exchange and payment APIs and OAuth 1.0a ask for a nonce that is only new per request
 * (often the clock or a counter); the request's security rests on the MAC key. Every case is written anew after those
 * clients. The near misses are nonces that must be unguessable (OpenID Connect, CSP), a nonce used as the key, and a
 * helper whose value is also used unsigned: they stay reported.
 */
import rule from '../../rules/no-weak-randomness.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-weak-randomness (signed request nonces)', rule, {
  valid: [
    // an exchange nonce from the clock, signed with HMAC-SHA512 and sent beside the signature
    {
      code: "import { createHmac } from 'node:crypto';\nexport function signed(path: string, body: string) { const nonce = Date.now().toString(); const signature = createHmac('sha512', process.env.EXCHANGE_API_SECRET!).update(nonce + path + body).digest('hex'); return { nonce, signature }; }\n",
      filename: 'src/signed-nonce-k1.ts',
    },
    // a client class's nonce() method, signed through this.nonce() in the request headers
    {
      code: "import { createHmac } from 'node:crypto';\nexport class TradeClient {\n  constructor(private readonly apiKey: string, private readonly apiSecret: string) {}\n  private nonce() { return Date.now() * 1000; }\n  headers(path: string, body: string) {\n    const nonce = this.nonce();\n    const sig = createHmac('sha384', this.apiSecret).update(`/api/${path}${nonce}${body}`).digest('hex');\n    return { 'X-Nonce': String(nonce), 'X-Key': this.apiKey, 'X-Signature': sig };\n  }\n}\n",
      filename: 'src/signed-nonce-k2.ts',
    },
    // a getNonce() helper whose value goes into a URL that crypto-js HmacSHA512 signs
    {
      code: "import CryptoJS from 'crypto-js';\nfunction getNonce() { return Math.floor(new Date().getTime() / 1000); }\nexport function signedUrl(base: string, apiSecret: string) { const url = `${base}&nonce=${getNonce()}`; return { url, sign: CryptoJS.HmacSHA512(url, apiSecret).toString() }; }\n",
      filename: 'src/signed-nonce-k3.ts',
    },
    // an OAuth 1.0a nonce from Math.random inside the signed base string (RFC 5849 §3.3)
    {
      code: 'import { createHmac } from \'node:crypto\';\nexport function oauthHeader(consumerKey: string, consumerSecret: string, base: string) {\n  const oauthNonce = Math.random().toString(36).slice(2);\n  const signature = createHmac(\'sha1\', `${consumerSecret}&`).update(`${base}&oauth_nonce=${oauthNonce}`).digest(\'base64\');\n  return `OAuth oauth_consumer_key="${consumerKey}", oauth_nonce="${oauthNonce}", oauth_signature="${signature}"`;\n}\n',
      filename: 'src/signed-nonce-k4.ts',
    },
  ],
  invalid: [
    // an OpenID Connect nonce from the clock, kept in the session and sent in the URL: never signed
    {
      code: "declare const client: { authorizationUrl(o: object): string };\nexport function login(req: { session: { nonce?: string } }) { const nonce = Date.now().toString(36); req.session.nonce = nonce; return client.authorizationUrl({ scope: 'openid', nonce }); }\n",
      filename: 'src/signed-nonce-h1.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 2,
          column: 77,
          endLine: 2,
          endColumn: 87,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomBytes } from 'node:crypto';\ndeclare const client: { authorizationUrl(o: object): string };\nexport function login(req: { session: { nonce?: string } }) { const nonce = randomBytes(32).toString('base64url'); req.session.nonce = nonce; return client.authorizationUrl({ scope: 'openid', nonce }); }\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomToken } from 'keyhygiene/keys';\ndeclare const client: { authorizationUrl(o: object): string };\nexport function login(req: { session: { nonce?: string } }) { const nonce = randomToken(); req.session.nonce = nonce; return client.authorizationUrl({ scope: 'openid', nonce }); }\n",
            },
          ],
        },
      ],
    },
    // a clock nonce used as the MAC key, not as its data
    {
      code: "import { createHmac } from 'node:crypto';\nexport function tag(body: string) { const nonce = Date.now().toString(); return createHmac('sha256', nonce).update(body).digest('hex'); }\n",
      filename: 'src/signed-nonce-h2.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 2,
          column: 51,
          endLine: 2,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { createHmac, randomBytes } from 'node:crypto';\nexport function tag(body: string) { const nonce = randomBytes(32).toString('base64url'); return createHmac('sha256', nonce).update(body).digest('hex'); }\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { createHmac } from 'node:crypto';\nimport { randomToken } from 'keyhygiene/keys';\nexport function tag(body: string) { const nonce = randomToken(); return createHmac('sha256', nonce).update(body).digest('hex'); }\n",
            },
          ],
        },
      ],
    },
    // a CSP nonce from Math.random: the page's script policy rests on it being unguessable
    {
      code: "export function csp(res: { setHeader(k: string, v: string): void }) { const nonce = Math.random().toString(36).slice(2); res.setHeader('Content-Security-Policy', `script-src 'nonce-${nonce}'`); return nonce; }\n",
      filename: 'src/signed-nonce-h3.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 1,
          column: 85,
          endLine: 1,
          endColumn: 98,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomBytes } from 'node:crypto';\nexport function csp(res: { setHeader(k: string, v: string): void }) { const nonce = randomBytes(32).toString('base64url'); res.setHeader('Content-Security-Policy', `script-src 'nonce-${nonce}'`); return nonce; }\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomToken } from 'keyhygiene/keys';\nexport function csp(res: { setHeader(k: string, v: string): void }) { const nonce = randomToken(); res.setHeader('Content-Security-Policy', `script-src 'nonce-${nonce}'`); return nonce; }\n",
            },
          ],
        },
      ],
    },
    // a nonce helper whose value is signed once and kept in a session once: not every call is signed
    {
      code: "import { createHmac } from 'node:crypto';\nfunction makeNonce() { return Date.now().toString(36); }\nexport const signed = (s: string) => createHmac('sha256', s).update(makeNonce()).digest('hex');\nexport const challenge = (session: { nonce?: string }) => { session.nonce = makeNonce(); };\n",
      filename: 'src/signed-nonce-h4.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 2,
          column: 31,
          endLine: 2,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { createHmac, randomBytes } from 'node:crypto';\nfunction makeNonce() { return randomBytes(32).toString('base64url'); }\nexport const signed = (s: string) => createHmac('sha256', s).update(makeNonce()).digest('hex');\nexport const challenge = (session: { nonce?: string }) => { session.nonce = makeNonce(); };\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { createHmac } from 'node:crypto';\nimport { randomToken } from 'keyhygiene/keys';\nfunction makeNonce() { return randomToken(); }\nexport const signed = (s: string) => createHmac('sha256', s).update(makeNonce()).digest('hex');\nexport const challenge = (session: { nonce?: string }) => { session.nonce = makeNonce(); };\n",
            },
          ],
        },
      ],
    },
  ],
});
