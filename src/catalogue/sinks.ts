/**
 * Crypto APIs whose arguments are key material, IVs, nonces, salts or passwords. Both the rules and the
 * scanner read this table; `src/rule-kit/sinks.ts` matches it against calls.
 * Argument positions come from each library's documented signature.
 */
import type { KeySink } from './types.js';

const nodeCrypto = ['crypto', 'node:crypto'];

const ownSinks: readonly KeySink[] = [
  // ---- node:crypto --------------------------------------------------------------------------------
  {
    id: 'node-crypto.createCipheriv',
    title: 'crypto.createCipheriv',
    modules: nodeCrypto,
    callee: 'createCipheriv',
    receivers: ['crypto'],
    args: [
      { index: 0, role: 'algorithm' },
      { index: 1, role: 'key' },
      { index: 2, role: 'iv' },
    ],
    valueType: 'bytes',
    samples: {
      positive: [
        "import crypto from 'node:crypto'; crypto.createCipheriv('aes-256-gcm', k, iv);",
        "const { createCipheriv } = require('crypto'); createCipheriv(a, k, iv);",
      ],
      negative: ["import crypto from 'node:crypto'; crypto.createHash('sha256');", 'myLib.createCipheriv(a, k, iv);'],
    },
  },
  {
    id: 'node-crypto.createDecipheriv',
    title: 'crypto.createDecipheriv',
    modules: nodeCrypto,
    callee: 'createDecipheriv',
    receivers: ['crypto'],
    args: [
      { index: 0, role: 'algorithm' },
      { index: 1, role: 'key' },
      { index: 2, role: 'iv' },
    ],
    valueType: 'bytes',
    samples: {
      positive: ["import { createDecipheriv } from 'crypto'; createDecipheriv('aes-256-cbc', k, iv);"],
      negative: ["import { createDecipheriv } from './my-crypto'; createDecipheriv('aes-256-cbc', k, iv);"],
    },
  },
  {
    id: 'node-crypto.createCipher',
    title: 'crypto.createCipher (deprecated, password-based)',
    modules: nodeCrypto,
    callee: 'createCipher',
    receivers: ['crypto'],
    args: [
      { index: 0, role: 'algorithm' },
      { index: 1, role: 'password' },
    ],
    samples: {
      positive: ["const crypto = require('crypto'); crypto.createCipher('aes192', pw);"],
      negative: ["const crypto = require('crypto'); crypto.createCipheriv('aes192', k, iv);"],
    },
  },
  {
    id: 'node-crypto.createDecipher',
    title: 'crypto.createDecipher (deprecated, password-based)',
    modules: nodeCrypto,
    callee: 'createDecipher',
    receivers: ['crypto'],
    args: [
      { index: 0, role: 'algorithm' },
      { index: 1, role: 'password' },
    ],
    samples: {
      positive: ["const crypto = require('crypto'); crypto.createDecipher('aes192', pw);"],
      negative: ['createDecipher(a, b);'],
    },
  },
  {
    id: 'node-crypto.createHmac',
    title: 'crypto.createHmac',
    modules: nodeCrypto,
    callee: 'createHmac',
    receivers: ['crypto'],
    args: [
      { index: 0, role: 'algorithm' },
      { index: 1, role: 'key' },
    ],
    valueType: 'any',
    samples: {
      positive: ["import * as crypto from 'crypto'; crypto.createHmac('sha256', k);"],
      negative: ["import * as crypto from 'crypto'; crypto.createHash('sha256');"],
    },
  },
  {
    id: 'node-crypto.createSecretKey',
    title: 'crypto.createSecretKey',
    modules: nodeCrypto,
    callee: 'createSecretKey',
    receivers: ['crypto'],
    args: [{ index: 0, role: 'key' }],
    valueType: 'bytes',
    samples: {
      positive: ["import { createSecretKey } from 'node:crypto'; createSecretKey(k);"],
      negative: ["import { createPublicKey } from 'node:crypto'; createPublicKey(k);"],
    },
  },
  {
    id: 'node-crypto.createPrivateKey',
    title: 'crypto.createPrivateKey',
    modules: nodeCrypto,
    callee: 'createPrivateKey',
    receivers: ['crypto'],
    args: [{ index: 0, role: 'private-key' }],
    samples: {
      positive: ["import { createPrivateKey } from 'node:crypto'; createPrivateKey(pem);"],
      negative: ["import { createPublicKey } from 'node:crypto'; createPublicKey(pem);"],
    },
  },
  {
    id: 'node-crypto.sign',
    title: 'crypto.sign',
    modules: nodeCrypto,
    callee: 'sign',
    args: [{ index: 2, role: 'private-key' }],
    samples: {
      positive: ["import { sign } from 'node:crypto'; sign(null, data, key);"],
      negative: ["import { sign } from 'jsonwebtoken'; sign(p, k);"],
    },
  },
  {
    id: 'node-crypto.createSign.sign',
    title: 'Sign.sign',
    modules: nodeCrypto,
    callee: 'createSign().sign',
    args: [{ index: 0, role: 'private-key' }],
    samples: {
      positive: [
        "import crypto from 'crypto'; const s = crypto.createSign('SHA256'); s.sign(pem);",
        "import crypto from 'crypto'; crypto.createSign('SHA256').update(d).sign(pem);",
      ],
      negative: ["import crypto from 'crypto'; const s = crypto.createVerify('SHA256'); s.verify(pem, sig);"],
    },
  },
  {
    id: 'node-crypto.privateDecrypt',
    title: 'crypto.privateDecrypt / privateEncrypt',
    modules: nodeCrypto,
    callee: 'privateDecrypt',
    receivers: ['crypto'],
    args: [{ index: 0, role: 'private-key' }],
    samples: {
      positive: ["import { privateDecrypt } from 'crypto'; privateDecrypt(pem, buf);"],
      negative: ["import { publicEncrypt } from 'crypto'; publicEncrypt(pem, buf);"],
    },
  },
  {
    id: 'node-crypto.hkdf',
    title: 'crypto.hkdf / hkdfSync',
    modules: nodeCrypto,
    callee: 'hkdfSync',
    receivers: ['crypto'],
    args: [
      { index: 0, role: 'algorithm' },
      { index: 1, role: 'ikm' },
      { index: 2, role: 'salt' },
    ],
    samples: {
      positive: ["import { hkdfSync } from 'node:crypto'; hkdfSync('sha256', ikm, salt, info, 32);"],
      negative: ["import { hkdf } from 'node:crypto'; hkdf('sha256', ikm, salt, info, 32, cb);"],
    },
  },
  {
    id: 'node-crypto.hkdf-async',
    title: 'crypto.hkdf',
    modules: nodeCrypto,
    callee: 'hkdf',
    receivers: ['crypto'],
    args: [
      { index: 0, role: 'algorithm' },
      { index: 1, role: 'ikm' },
      { index: 2, role: 'salt' },
    ],
    samples: {
      positive: ["import { hkdf } from 'node:crypto'; hkdf('sha256', ikm, salt, info, 32, cb);"],
      negative: ["import { hkdfSync } from 'node:crypto'; hkdfSync('sha256', ikm, salt, info, 32);"],
    },
  },
  ...(['pbkdf2', 'pbkdf2Sync', 'scrypt', 'scryptSync'] as const).map((fn): KeySink => ({
    id: `node-crypto.${fn}`,
    title: `crypto.${fn}`,
    modules: nodeCrypto,
    callee: fn,
    receivers: ['crypto'],
    args: [
      { index: 0, role: 'password' },
      { index: 1, role: 'salt' },
    ],
    samples: {
      positive: [`import crypto from 'crypto'; crypto.${fn}(pw, salt, 1, 32);`],
      negative: [`import crypto from 'crypto'; crypto.randomBytes(16);`],
    },
  })),
  // ---- WebCrypto ----------------------------------------------------------------------------------
  {
    id: 'webcrypto.importKey',
    title: 'SubtleCrypto.importKey',
    modules: nodeCrypto,
    callee: 'subtle.importKey',
    global: true,
    args: [{ index: 1, role: 'key' }],
    when: { index: 0, noneOf: ['spki'] },
    valueType: 'bytes',
    samples: {
      positive: [
        "await crypto.subtle.importKey('raw', k, 'AES-GCM', false, ['encrypt']);",
        "await window.crypto.subtle.importKey('jwk', jwk, alg, false, ['sign']);",
      ],
      negative: [
        "await crypto.subtle.importKey('spki', der, alg, true, ['verify']);",
        "await crypto.subtle.digest('SHA-256', d);",
      ],
    },
  },
  {
    id: 'webcrypto.encrypt',
    title: 'SubtleCrypto.encrypt',
    modules: nodeCrypto,
    callee: 'subtle.encrypt',
    global: true,
    args: [
      { index: 0, property: 'iv', role: 'iv' },
      // AES-CTR names its nonce-and-counter block `counter`.
      { index: 0, property: 'counter', role: 'nonce' },
    ],
    samples: {
      positive: [
        "await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);",
        "await crypto.subtle.encrypt({ name: 'AES-CTR', counter, length: 64 }, key, data);",
      ],
      negative: ["await crypto.subtle.sign('HMAC', key, data);"],
    },
  },
  {
    id: 'webcrypto.deriveKey',
    title: 'SubtleCrypto.deriveKey / deriveBits (PBKDF2, HKDF)',
    modules: nodeCrypto,
    callee: 'subtle.deriveKey',
    global: true,
    args: [{ index: 0, property: 'salt', role: 'salt' }],
    samples: {
      positive: [
        "await crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations: 1, hash: 'SHA-256' }, base, alg, false, u);",
      ],
      negative: ["await crypto.subtle.importKey('raw', k, 'PBKDF2', false, u);"],
    },
  },
  {
    id: 'webcrypto.deriveBits',
    title: 'SubtleCrypto.deriveBits (PBKDF2, HKDF)',
    modules: nodeCrypto,
    callee: 'subtle.deriveBits',
    global: true,
    args: [{ index: 0, property: 'salt', role: 'salt' }],
    samples: {
      positive: [
        "await crypto.subtle.deriveBits({ name: 'PBKDF2', salt, iterations: 1, hash: 'SHA-256' }, base, 256);",
      ],
      negative: ["await crypto.subtle.deriveKey({ name: 'ECDH', public: pk }, sk, alg, false, u);"],
    },
  },
  // ---- jsonwebtoken -------------------------------------------------------------------------------
  {
    id: 'jsonwebtoken.sign',
    title: 'jsonwebtoken.sign',
    modules: ['jsonwebtoken'],
    callee: 'sign',
    receivers: ['jwt', 'jsonwebtoken', 'jsonWebToken'],
    args: [{ index: 1, role: 'secret' }],
    valueType: 'any',
    samples: {
      positive: [
        "import jwt from 'jsonwebtoken'; jwt.sign({ sub }, k);",
        "const { sign } = require('jsonwebtoken'); sign(p, k, { expiresIn: '1h' });",
        'function f(jwt) { return jwt.sign(p, k); }',
      ],
      negative: ["import jwt from 'jsonwebtoken'; jwt.decode(t);", 'signer.sign(p, k);'],
    },
  },
  {
    id: 'jsonwebtoken.verify',
    title: 'jsonwebtoken.verify',
    modules: ['jsonwebtoken'],
    callee: 'verify',
    receivers: ['jwt', 'jsonwebtoken'],
    args: [{ index: 1, role: 'secret' }],
    valueType: 'any',
    samples: {
      positive: ["import jwt from 'jsonwebtoken'; jwt.verify(t, k);"],
      negative: ["import { verify } from 'node:crypto'; verify(a, d, pub, sig);"],
    },
  },
  // ---- other JWT/JWS signers: the signing key of each library's documented sign call ----------------------
  {
    id: 'hapi-jwt.token.generate',
    title: '@hapi/jwt token.generate',
    modules: ['@hapi/jwt'],
    callee: 'token.generate',
    // `generate(payload, secret, options)`; the secret is a key or `{ key, algorithm }`.
    args: [
      { index: 1, role: 'secret' },
      { index: 1, property: 'key', role: 'secret' },
    ],
    valueType: 'any',
    samples: {
      positive: [
        "import Jwt from '@hapi/jwt'; Jwt.token.generate({ sub }, k);",
        "const Jwt = require('@hapi/jwt'); Jwt.token.generate(p, { key: k, algorithm: 'HS512' });",
      ],
      negative: ["import Jwt from '@hapi/jwt'; Jwt.token.verify(artifacts, k);", 'token.generate(p, k);'],
    },
  },
  {
    id: 'jwt-simple.encode',
    title: 'jwt-simple encode',
    modules: ['jwt-simple'],
    callee: 'encode',
    receivers: ['jwtSimple'],
    args: [{ index: 1, role: 'secret' }],
    valueType: 'any',
    samples: {
      positive: [
        "import jwt from 'jwt-simple'; jwt.encode({ sub }, k);",
        "const { encode } = require('jwt-simple'); encode(p, k, 'HS512');",
      ],
      negative: ["import jwt from 'jwt-simple'; jwt.decode(t, k);", "import { encode } from './base64'; encode(p, k);"],
    },
  },
  {
    id: 'cloudflare-worker-jwt.sign',
    title: '@tsndr/cloudflare-worker-jwt sign',
    modules: ['@tsndr/cloudflare-worker-jwt'],
    callee: 'sign',
    args: [{ index: 1, role: 'secret' }],
    valueType: 'any',
    samples: {
      positive: ["import jwt from '@tsndr/cloudflare-worker-jwt'; await jwt.sign({ sub }, k);"],
      negative: ["import jwt from '@tsndr/cloudflare-worker-jwt'; await jwt.verify(t, k);"],
    },
  },
  {
    id: 'jws.sign',
    title: 'jws.sign',
    modules: ['jws'],
    callee: 'sign',
    // `sign({ header, payload, secret | privateKey })`
    args: [
      { index: 0, property: 'secret', role: 'secret' },
      { index: 0, property: 'privateKey', role: 'private-key' },
    ],
    valueType: 'any',
    samples: {
      positive: ["import jws from 'jws'; jws.sign({ header: { alg: 'HS256' }, payload: p, secret: k });"],
      negative: ["import jws from 'jws'; jws.verify(t, 'HS256', k);"],
    },
  },
  {
    id: 'jsrsasign.KJUR.jws.JWS.sign',
    title: 'KJUR.jws.JWS.sign (jsrsasign)',
    modules: ['jsrsasign'],
    callee: 'KJUR.jws.JWS.sign',
    // `JWS.sign(alg, header, payload, key)`
    args: [{ index: 3, role: 'secret' }],
    valueType: 'any',
    samples: {
      positive: ["import { KJUR } from 'jsrsasign'; KJUR.jws.JWS.sign('HS256', { alg: 'HS256' }, p, k);"],
      negative: ["import { KJUR } from 'jsrsasign'; KJUR.jws.JWS.verify(t, k, ['HS256']);"],
    },
  },
  // ---- jose ---------------------------------------------------------------------------------------
  {
    id: 'jose.SignJWT.sign',
    title: 'jose SignJWT.sign',
    modules: ['jose'],
    callee: 'new SignJWT().sign',
    args: [{ index: 0, role: 'secret' }],
    valueType: 'bytes',
    samples: {
      positive: [
        "import { SignJWT } from 'jose'; await new SignJWT(p).setProtectedHeader({ alg: 'HS256' }).sign(k);",
        "import * as jose from 'jose'; const b = new jose.SignJWT(p); await b.sign(k);",
      ],
      negative: ["import { SignJWT } from 'jose'; new SignJWT(p).setIssuer(i);"],
    },
  },
  // ---- hono/jwt and paseto: token signing and local (symmetric) tokens --------------------------------------
  {
    id: 'hono.jwt.sign',
    title: 'hono/jwt sign',
    modules: ['hono/jwt', 'hono/utils/jwt/jwt'],
    callee: 'sign',
    // No receivers: a bare `jwt.sign` is jsonwebtoken's; hono's is recognised only through its import.
    args: [{ index: 1, role: 'secret' }],
    valueType: 'any',
    samples: {
      positive: [
        "import { sign } from 'hono/jwt'; await sign({ sub }, k);",
        "import * as jwt from 'hono/jwt'; await jwt.sign({ sub }, k, 'HS256');",
      ],
      negative: [
        "import { verify } from 'hono/jwt'; await verify(t, k);",
        "import { sign } from './jwt'; sign(p, k);",
        'jwt.sign(p, k);',
      ],
    },
  },
  ...(['V1', 'V2', 'V3', 'V4'] as const).flatMap((v) =>
    (['sign', 'encrypt'] as const).map((op): KeySink => ({
      id: `paseto.${v}.${op}`,
      title: `paseto ${v}.${op}`,
      modules: ['paseto'],
      callee: `${v}.${op}`,
      args: [{ index: 1, role: op === 'sign' ? 'private-key' : 'key' }],
      valueType: 'any',
      samples: {
        positive: [`import { ${v} } from 'paseto'; await ${v}.${op}({ sub }, key, { expiresIn: '2h' });`],
        negative: [`import { ${v} } from 'paseto'; await ${v}.${op === 'sign' ? 'verify' : 'decrypt'}(t, key);`],
      },
    })),
  ),
  // JWS without the JWT claims layer: `new CompactSign(bytes).setProtectedHeader({ alg }).sign(key)`.
  ...(['CompactSign', 'FlattenedSign'] as const).map((cls): KeySink => ({
    id: `jose.${cls}.sign`,
    title: `jose ${cls}.sign`,
    modules: ['jose'],
    callee: `new ${cls}().sign`,
    args: [{ index: 0, role: 'secret' }],
    valueType: 'bytes',
    samples: {
      positive: [`import { ${cls} } from 'jose'; await new ${cls}(p).setProtectedHeader({ alg: 'HS256' }).sign(k);`],
      negative: [`import { ${cls} } from 'jose'; new ${cls}(p).setProtectedHeader({ alg: 'HS256' });`],
    },
  })),
  ...(['EncryptJWT', 'CompactEncrypt', 'FlattenedEncrypt'] as const).map((cls): KeySink => ({
    id: `jose.${cls}.encrypt`,
    title: `jose ${cls}.encrypt`,
    modules: ['jose'],
    callee: `new ${cls}().encrypt`,
    args: [{ index: 0, role: 'key' }],
    valueType: 'bytes',
    samples: {
      positive: [
        `import { ${cls} } from 'jose'; await new ${cls}(p).setProtectedHeader({ alg: 'dir', enc: ` +
          `'A256GCM' }).encrypt(k);`,
      ],
      negative: [`import { ${cls} } from 'jose'; new ${cls}(p).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' });`],
    },
  })),
  {
    id: 'jose.jwtVerify',
    title: 'jose jwtVerify',
    modules: ['jose'],
    callee: 'jwtVerify',
    args: [{ index: 1, role: 'secret' }],
    valueType: 'bytes',
    samples: {
      positive: ["import { jwtVerify } from 'jose'; await jwtVerify(t, k);"],
      negative: ["import { decodeJwt } from 'jose'; decodeJwt(t);"],
    },
  },
  {
    id: 'jose.importPKCS8',
    title: 'jose importPKCS8 / importJWK',
    modules: ['jose'],
    callee: 'importPKCS8',
    args: [{ index: 0, role: 'private-key' }],
    samples: {
      positive: ["import { importPKCS8 } from 'jose'; await importPKCS8(pem, 'ES256');"],
      negative: ["import { importSPKI } from 'jose'; await importSPKI(pem, 'ES256');"],
    },
  },
  {
    id: 'jose.importJWK',
    title: 'jose importJWK',
    modules: ['jose'],
    callee: 'importJWK',
    args: [{ index: 0, role: 'key' }],
    samples: {
      positive: ["import * as jose from 'jose'; await jose.importJWK(jwk, 'HS256');"],
      negative: ["import * as jose from 'jose'; await jose.importSPKI(pem, 'ES256');"],
    },
  },
  // ---- web frameworks -----------------------------------------------------------------------------
  {
    id: 'express-session',
    title: 'express-session secret',
    modules: ['express-session'],
    callee: 'default',
    receivers: ['session', 'expressSession'],
    args: [{ index: 0, property: 'secret', role: 'secret' }],
    valueType: 'string',
    samples: {
      positive: ["import session from 'express-session'; app.use(session({ secret: s, resave: false }));"],
      negative: ["import session from 'express-session'; app.use(session({ resave: false }));"],
    },
  },
  {
    id: 'cookie-parser',
    title: 'cookie-parser secret',
    modules: ['cookie-parser'],
    callee: 'default',
    receivers: ['cookieParser'],
    args: [{ index: 0, role: 'secret' }],
    valueType: 'string',
    samples: {
      positive: ["const cookieParser = require('cookie-parser'); app.use(cookieParser(s));"],
      negative: ["const cookieParser = require('cookie-parser'); app.use(cookieParser());"],
    },
  },
  {
    id: 'cookie-session',
    title: 'cookie-session keys / secret',
    modules: ['cookie-session'],
    callee: 'default',
    receivers: ['cookieSession'],
    args: [
      { index: 0, property: 'keys', role: 'secret' },
      { index: 0, property: 'secret', role: 'secret' },
    ],
    valueType: 'string',
    samples: {
      positive: ["import cookieSession from 'cookie-session'; app.use(cookieSession({ name: 's', keys: [a, b] }));"],
      negative: ["import cookieSession from 'cookie-session'; app.use(cookieSession({ name: 's' }));"],
    },
  },
  // Keygrip: the list of HMAC keys that signs cookies (Koa's `app.keys`, cookie-session, Cookies), newest first.
  ...(['new default', 'default'] as const).map((callee): KeySink => ({
    id: callee === 'default' ? 'keygrip' : 'keygrip.new',
    title: 'Keygrip key list',
    modules: ['keygrip'],
    callee,
    receivers: ['Keygrip', 'keygrip'],
    args: [{ index: 0, role: 'secret' }],
    valueType: 'string',
    samples: {
      positive: [`import Keygrip from 'keygrip'; const keys = ${callee === 'default' ? '' : 'new '}Keygrip([a, b]);`],
      negative: ["import Keygrip from 'keygrip'; keys.sign(data);"],
    },
  })),
  {
    id: 'passport-jwt',
    title: 'passport-jwt Strategy secretOrKey',
    modules: ['passport-jwt'],
    callee: 'new Strategy',
    args: [{ index: 0, property: 'secretOrKey', role: 'secret' }],
    valueType: 'any',
    samples: {
      positive: [
        "import { Strategy } from 'passport-jwt'; new Strategy({ secretOrKey: s, jwtFromRequest: f }, verify);",
        "const JwtStrategy = require('passport-jwt').Strategy; new JwtStrategy({ secretOrKey: s }, v);",
      ],
      negative: ["import { Strategy } from 'passport-local'; new Strategy({ usernameField: 'u' }, verify);"],
    },
  },
  {
    id: 'express-jwt',
    title: 'express-jwt secret',
    modules: ['express-jwt'],
    callee: 'expressjwt',
    args: [{ index: 0, property: 'secret', role: 'secret' }],
    valueType: 'any',
    samples: {
      positive: [
        "import { expressjwt } from 'express-jwt'; app.use(expressjwt({ secret: s, algorithms: ['HS256'] }));",
      ],
      negative: ["import { expressjwt } from 'express-jwt'; app.use(expressjwt({ algorithms: ['HS256'] }));"],
    },
  },
  {
    id: 'express-jwt-legacy',
    title: 'express-jwt (v6 default export) secret',
    modules: ['express-jwt'],
    callee: 'default',
    args: [{ index: 0, property: 'secret', role: 'secret' }],
    valueType: 'any',
    samples: {
      positive: ["const jwt = require('express-jwt'); app.use(jwt({ secret: s }));"],
      negative: ["const jwt = require('express-jwt'); app.use(jwt({ algorithms: [] }));"],
    },
  },
  // ---- crypto-js ----------------------------------------------------------------------------------
  ...(['AES', 'TripleDES', 'DES', 'Rabbit', 'RC4', 'Blowfish'] as const).flatMap((cipher) =>
    (['encrypt', 'decrypt'] as const).map((op): KeySink => ({
      id: `crypto-js.${cipher}.${op}`,
      title: `CryptoJS.${cipher}.${op}`,
      modules: ['crypto-js', `crypto-js/${cipher.toLowerCase()}`],
      callee: `${cipher}.${op}`,
      receivers: ['CryptoJS', 'cryptoJs', 'CryptoJs'],
      args: [
        { index: 1, role: 'key' },
        { index: 2, property: 'iv', role: 'iv' },
      ],
      valueType: 'any',
      samples: {
        positive: [`import CryptoJS from 'crypto-js'; CryptoJS.${cipher}.${op}(m, k);`],
        negative: [`import CryptoJS from 'crypto-js'; CryptoJS.SHA256(m);`],
      },
    })),
  ),
  ...(['HmacSHA256', 'HmacSHA512', 'HmacSHA1', 'HmacMD5', 'HmacSHA384', 'HmacSHA224'] as const).map((fn): KeySink => ({
    id: `crypto-js.${fn}`,
    title: `CryptoJS.${fn}`,
    modules: ['crypto-js', `crypto-js/${fn.replace(/^Hmac/, 'hmac-').toLowerCase()}`],
    callee: fn,
    receivers: ['CryptoJS'],
    args: [{ index: 1, role: 'key' }],
    valueType: 'any',
    samples: {
      positive: [`import CryptoJS from 'crypto-js'; CryptoJS.${fn}(m, k);`],
      negative: [`import CryptoJS from 'crypto-js'; CryptoJS.MD5(m);`],
    },
  })),
  {
    id: 'crypto-js.PBKDF2',
    title: 'CryptoJS.PBKDF2',
    modules: ['crypto-js', 'crypto-js/pbkdf2'],
    callee: 'PBKDF2',
    receivers: ['CryptoJS'],
    args: [
      { index: 0, role: 'password' },
      { index: 1, role: 'salt' },
    ],
    samples: {
      positive: ["import CryptoJS from 'crypto-js'; CryptoJS.PBKDF2(pw, salt, { keySize: 8 });"],
      negative: ["import CryptoJS from 'crypto-js'; CryptoJS.SHA1(pw);"],
    },
  },
  // ---- react-native-aes-crypto: Aes.encrypt(text, key, iv, algorithm), Aes.pbkdf2(password, salt, cost, length)
  ...(['encrypt', 'decrypt'] as const).map((op): KeySink => ({
    id: `react-native-aes-crypto.${op}`,
    title: `Aes.${op} (react-native-aes-crypto)`,
    modules: ['react-native-aes-crypto'],
    callee: op,
    receivers: ['Aes'],
    args: [
      { index: 1, role: 'key' },
      { index: 2, role: 'iv' },
      { index: 3, role: 'algorithm' },
    ],
    valueType: 'string',
    samples: {
      positive: [`import Aes from 'react-native-aes-crypto'; Aes.${op}(text, key, iv, 'aes-256-cbc');`],
      negative: ["import Aes from 'react-native-aes-crypto'; Aes.randomKey(16);"],
    },
  })),
  {
    id: 'react-native-aes-crypto.pbkdf2',
    title: 'Aes.pbkdf2 (react-native-aes-crypto)',
    modules: ['react-native-aes-crypto'],
    callee: 'pbkdf2',
    receivers: ['Aes'],
    args: [
      { index: 0, role: 'password' },
      { index: 1, role: 'salt' },
    ],
    samples: {
      positive: ["import Aes from 'react-native-aes-crypto'; Aes.pbkdf2(pin, salt, 100000, 256, 'sha256');"],
      negative: ["import Aes from 'react-native-aes-crypto'; Aes.sha256(text);"],
    },
  },
  // ---- on-device databases opened with a key in their options -------------------------------------
  // Realm and MMKV use the bytes as the AES key itself (no KDF): a password there is the key.
  ...(['open', 'Realm.open', 'new default', 'new Realm'] as const).map((callee): KeySink => ({
    id: `realm.${callee.replace(/^new /, 'new-')}`,
    title: 'Realm encryptionKey',
    modules: ['realm'],
    callee,
    args: [{ index: 0, property: 'encryptionKey', role: 'key' }],
    samples: {
      positive: [
        `import ${/^(?:open|new default)$/.test(callee) ? 'Realm' : '{ Realm }'} from 'realm'; ` +
          (callee.startsWith('new') ? 'new Realm({ encryptionKey: k });' : 'Realm.open({ encryptionKey: k });'),
      ],
      negative: ["import Realm from 'realm'; Realm.open({ path: 'a.realm' });"],
    },
  })),
  ...(['new MMKV', 'createMMKV'] as const).map((callee): KeySink => ({
    id: `react-native-mmkv.${callee.replace(/^new /, 'new-')}`,
    title: 'MMKV encryptionKey',
    modules: ['react-native-mmkv'],
    callee,
    args: [{ index: 0, property: 'encryptionKey', role: 'key' }],
    valueType: 'string',
    samples: {
      positive: [
        `import { ${callee.replace('new ', '')} } from 'react-native-mmkv'; ${callee}({ id: 'v', encryptionKey: k });`,
      ],
      negative: [`import { ${callee.replace('new ', '')} } from 'react-native-mmkv'; ${callee}({ id: 'v' });`],
    },
  })),
  // SQLCipher through op-sqlite: the key option is a passphrase SQLCipher stretches with PBKDF2, so a password there
  // is its intended input (its work factor is `kdf_iter`); a literal there is still a committed database key.
  {
    id: 'op-sqlite.open',
    title: 'op-sqlite open encryptionKey (SQLCipher)',
    modules: ['@op-engineering/op-sqlite'],
    callee: 'open',
    args: [{ index: 0, property: 'encryptionKey', role: 'password' }],
    valueType: 'string',
    samples: {
      positive: ["import { open } from '@op-engineering/op-sqlite'; open({ name: 'a.db', encryptionKey: k });"],
      negative: ["import { open } from '@op-engineering/op-sqlite'; open({ name: 'a.db' });"],
    },
  },
  // ---- node-forge ---------------------------------------------------------------------------------
  {
    id: 'node-forge.cipher.createCipher',
    title: 'forge.cipher.createCipher / createDecipher',
    modules: ['node-forge'],
    callee: 'cipher.createCipher',
    receivers: ['forge'],
    args: [
      { index: 0, role: 'algorithm' },
      { index: 1, role: 'key' },
    ],
    samples: {
      positive: ["import forge from 'node-forge'; forge.cipher.createCipher('AES-GCM', k);"],
      negative: ["import forge from 'node-forge'; forge.md.sha256.create();"],
    },
  },
  {
    id: 'node-forge.cipher.createDecipher',
    title: 'forge.cipher.createDecipher',
    modules: ['node-forge'],
    callee: 'cipher.createDecipher',
    receivers: ['forge'],
    args: [
      { index: 0, role: 'algorithm' },
      { index: 1, role: 'key' },
    ],
    samples: {
      positive: ["const forge = require('node-forge'); forge.cipher.createDecipher('AES-CBC', k);"],
      negative: ["const forge = require('node-forge'); forge.random.getBytesSync(16);"],
    },
  },
  {
    id: 'node-forge.cipher.start',
    title: 'forge cipher.start({ iv })',
    modules: ['node-forge'],
    callee: 'cipher.createCipher().start',
    args: [{ index: 0, property: 'iv', role: 'iv' }],
    samples: {
      positive: ["import forge from 'node-forge'; const c = forge.cipher.createCipher('AES-GCM', k); c.start({ iv });"],
      negative: ["import forge from 'node-forge'; const h = forge.hmac.create(); h.update(d);"],
    },
  },
  {
    id: 'node-forge.hmac.start',
    title: 'forge hmac.start',
    modules: ['node-forge'],
    callee: 'hmac.create().start',
    args: [{ index: 1, role: 'key' }],
    samples: {
      positive: ["import forge from 'node-forge'; const h = forge.hmac.create(); h.start('sha256', k);"],
      negative: ["import forge from 'node-forge'; const h = forge.hmac.create(); h.update(d);"],
    },
  },
  {
    id: 'node-forge.privateKeyFromPem',
    title: 'forge.pki.privateKeyFromPem',
    modules: ['node-forge'],
    callee: 'pki.privateKeyFromPem',
    receivers: ['forge'],
    args: [{ index: 0, role: 'private-key' }],
    samples: {
      positive: ["import forge from 'node-forge'; forge.pki.privateKeyFromPem(pem);"],
      negative: ["import forge from 'node-forge'; forge.pki.publicKeyFromPem(pem);"],
    },
  },
  // ---- tweetnacl ----------------------------------------------------------------------------------
  {
    id: 'tweetnacl.secretbox',
    title: 'nacl.secretbox',
    modules: ['tweetnacl'],
    callee: 'secretbox',
    receivers: ['nacl'],
    args: [
      { index: 1, role: 'nonce' },
      { index: 2, role: 'key' },
    ],
    valueType: 'bytes',
    samples: {
      positive: ["import nacl from 'tweetnacl'; nacl.secretbox(m, n, k);"],
      negative: ["import nacl from 'tweetnacl'; nacl.randomBytes(24);"],
    },
  },
  {
    id: 'tweetnacl.secretbox.open',
    title: 'nacl.secretbox.open',
    modules: ['tweetnacl'],
    callee: 'secretbox.open',
    receivers: ['nacl'],
    args: [
      { index: 1, role: 'nonce' },
      { index: 2, role: 'key' },
    ],
    valueType: 'bytes',
    samples: {
      positive: ["const nacl = require('tweetnacl'); nacl.secretbox.open(c, n, k);"],
      negative: ["const nacl = require('tweetnacl'); nacl.hash(m);"],
    },
  },
  {
    id: 'tweetnacl.box',
    title: 'nacl.box',
    modules: ['tweetnacl'],
    callee: 'box',
    receivers: ['nacl'],
    args: [
      { index: 1, role: 'nonce' },
      { index: 3, role: 'private-key' },
    ],
    valueType: 'bytes',
    samples: {
      positive: ["import nacl from 'tweetnacl'; nacl.box(m, n, theirPk, mySk);"],
      negative: ["import nacl from 'tweetnacl'; nacl.box.keyPair();"],
    },
  },
  {
    id: 'tweetnacl.sign.keyPair.fromSecretKey',
    title: 'nacl.sign.keyPair.fromSecretKey / fromSeed',
    modules: ['tweetnacl'],
    callee: 'sign.keyPair.fromSecretKey',
    receivers: ['nacl'],
    args: [{ index: 0, role: 'private-key' }],
    valueType: 'bytes',
    samples: {
      positive: ["import nacl from 'tweetnacl'; nacl.sign.keyPair.fromSecretKey(sk);"],
      negative: ["import nacl from 'tweetnacl'; nacl.sign.keyPair();"],
    },
  },
  {
    id: 'tweetnacl.sign.keyPair.fromSeed',
    title: 'nacl.sign.keyPair.fromSeed',
    modules: ['tweetnacl'],
    callee: 'sign.keyPair.fromSeed',
    receivers: ['nacl'],
    args: [{ index: 0, role: 'private-key' }],
    valueType: 'bytes',
    samples: {
      positive: ["import nacl from 'tweetnacl'; nacl.sign.keyPair.fromSeed(seed);"],
      negative: ["import nacl from 'tweetnacl'; nacl.sign.detached.verify(m, s, pk);"],
    },
  },
  // ---- libsodium (libsodium-wrappers returns its output; sodium-native writes into its first argument) ----
  // [library, function, nonce index, key index, key role]: libsodium-wrappers returns its output, sodium-native
  // writes it into its first argument (so every index is one higher).
  ...(
    [
      ['libsodium', 'crypto_secretbox_easy', 1, 2, 'key'],
      ['libsodium', 'crypto_secretbox_open_easy', 1, 2, 'key'],
      ['libsodium', 'crypto_secretbox_detached', 1, 2, 'key'],
      ['libsodium', 'crypto_box_easy', 1, 3, 'private-key'],
      ['libsodium', 'crypto_box_easy_afternm', 1, 2, 'key'],
      ['libsodium', 'crypto_stream_xchacha20_xor', 1, 2, 'key'],
      ['libsodium', 'crypto_aead_xchacha20poly1305_ietf_encrypt', 3, 4, 'key'],
      ['libsodium', 'crypto_aead_xchacha20poly1305_ietf_decrypt', 3, 4, 'key'],
      ['libsodium', 'crypto_aead_chacha20poly1305_ietf_encrypt', 3, 4, 'key'],
      ['libsodium', 'crypto_aead_chacha20poly1305_ietf_decrypt', 3, 4, 'key'],
      ['libsodium', 'crypto_aead_aes256gcm_encrypt', 3, 4, 'key'],
      // The detached AEADs and the bare stream ciphers (documented in libsodium's "AEAD" and "Stream ciphers").
      ['libsodium', 'crypto_aead_xchacha20poly1305_ietf_encrypt_detached', 3, 4, 'key'],
      ['libsodium', 'crypto_aead_chacha20poly1305_ietf_encrypt_detached', 3, 4, 'key'],
      ['libsodium', 'crypto_aead_aes256gcm_encrypt_detached', 3, 4, 'key'],
      ['libsodium', 'crypto_box_detached', 1, 3, 'private-key'],
      ['libsodium', 'crypto_stream_xor', 1, 2, 'key'],
      ['libsodium', 'crypto_stream_chacha20_xor', 1, 2, 'key'],
      ['libsodium', 'crypto_stream_chacha20_ietf_xor', 1, 2, 'key'],
      ['sodium-native', 'crypto_secretbox_easy', 2, 3, 'key'],
      ['sodium-native', 'crypto_secretbox_open_easy', 2, 3, 'key'],
      ['sodium-native', 'crypto_box_easy', 2, 4, 'private-key'],
      ['sodium-native', 'crypto_aead_xchacha20poly1305_ietf_encrypt', 4, 5, 'key'],
      ['sodium-native', 'crypto_aead_xchacha20poly1305_ietf_decrypt', 4, 5, 'key'],
      ['sodium-native', 'crypto_aead_chacha20poly1305_ietf_encrypt', 4, 5, 'key'],
      ['sodium-native', 'crypto_secretbox_detached', 3, 4, 'key'],
      ['sodium-native', 'crypto_aead_xchacha20poly1305_ietf_encrypt_detached', 5, 6, 'key'],
      ['sodium-native', 'crypto_aead_chacha20poly1305_ietf_encrypt_detached', 5, 6, 'key'],
      ['sodium-native', 'crypto_stream_xor', 2, 3, 'key'],
      ['sodium-native', 'crypto_stream_chacha20_xor', 2, 3, 'key'],
      ['sodium-native', 'crypto_stream_chacha20_ietf_xor', 2, 3, 'key'],
      ['sodium-native', 'crypto_stream_xchacha20_xor', 2, 3, 'key'],
    ] as const
  ).map(([lib, fn, nonce, key, keyRole]): KeySink => {
    const wrappers = lib === 'libsodium';
    const mod = wrappers ? 'libsodium-wrappers' : 'sodium-native';
    return {
      id: `${lib}.${fn}`,
      title: wrappers ? `sodium.${fn}` : `sodium-native ${fn}`,
      modules: wrappers
        ? ['libsodium-wrappers', 'libsodium-wrappers-sumo']
        : ['sodium-native', 'sodium-universal', 'sodium-javascript'],
      callee: fn,
      ...(wrappers ? { receivers: ['sodium', '_sodium', 'libsodium'] } : {}),
      args: [
        { index: nonce, role: 'nonce' },
        { index: key, role: keyRole },
      ],
      valueType: 'bytes',
      samples: {
        positive: [`import sodium from '${mod}'; sodium.${fn}(${'a, '.repeat(nonce)}n${', x'.repeat(key - nonce)});`],
        negative: [`import sodium from '${mod}'; sodium.randombytes_buf(${wrappers ? '24' : 'nonce'});`],
      },
    };
  }),
  {
    id: 'sodium-native.crypto_pwhash',
    title: 'sodium-native crypto_pwhash',
    modules: ['sodium-native', 'sodium-universal'],
    callee: 'crypto_pwhash',
    args: [
      { index: 1, role: 'password' },
      { index: 2, role: 'salt' },
    ],
    samples: {
      positive: ["import sodium from 'sodium-native'; sodium.crypto_pwhash(out, pw, salt, ops, mem, alg);"],
      negative: ["import sodium from 'sodium-native'; sodium.crypto_pwhash_str(out, pw, ops, mem);"],
    },
  },
  {
    id: 'tweetnacl.box.after',
    title: 'nacl.box.after',
    modules: ['tweetnacl'],
    callee: 'box.after',
    receivers: ['nacl'],
    args: [
      { index: 1, role: 'nonce' },
      { index: 2, role: 'key' },
    ],
    valueType: 'bytes',
    samples: {
      positive: ["import nacl from 'tweetnacl'; nacl.box.after(m, n, shared);"],
      negative: ["import nacl from 'tweetnacl'; nacl.box.before(pk, sk);"],
    },
  },
  // ---- IV, nonce and salt APIs (no-weak-randomness reads these roles) -----------------------------
  // @noble/ciphers: every cipher is `cipher(key, nonce, ...)` (managedNonce(...) makes its own nonces).
  ...(
    [
      'gcm',
      'gcmsiv',
      'siv',
      'cbc',
      'ctr',
      'cfb',
      'chacha20poly1305',
      'xchacha20poly1305',
      'xsalsa20poly1305',
      'chacha20',
      'xchacha20',
      'salsa20',
      'xsalsa20',
    ] as const
  ).map((fn): KeySink => ({
    id: `noble-ciphers.${fn}`,
    title: `@noble/ciphers ${fn}`,
    modules: ['@noble/ciphers', '@noble/ciphers/*'],
    callee: fn,
    args: [
      { index: 0, role: 'key' },
      { index: 1, role: 'nonce' },
    ],
    valueType: 'bytes',
    samples: {
      positive: [
        `import { ${fn} } from '@noble/ciphers/${fn.includes('cha') || fn.includes('salsa') ? 'chacha' : 'aes'}.js'; ` +
          `${fn}(key, nonce).encrypt(data);`,
      ],
      negative: [`import { ${fn} } from './local.js'; ${fn}(key, nonce);`],
    },
  })),
  // @stablelib AEADs (session 29 breadth study, branch breadth13b): the key goes to the constructor, the nonce to
  // each `seal(nonce, plaintext, associatedData?)`; GCM wraps a block cipher made with the key (`new GCM(new AES(k))`).
  ...(
    [
      ['@stablelib/chacha20poly1305', 'ChaCha20Poly1305'],
      ['@stablelib/xchacha20poly1305', 'XChaCha20Poly1305'],
      ['@stablelib/gcm', 'GCM'],
    ] as const
  ).map(([module, cls]): KeySink => ({
    id: `stablelib.${cls}.seal`,
    title: `@stablelib ${cls} seal`,
    modules: [module],
    callee: `new ${cls}().seal`,
    args: [{ index: 0, role: 'nonce' }],
    valueType: 'bytes',
    samples: {
      positive: [`import { ${cls} } from '${module}'; new ${cls}(k).seal(nonce, data);`],
      negative: [`import { ${cls} } from '${module}'; new ${cls}(k).open(nonce, sealed);`],
    },
  })),
  ...(
    [
      ['@stablelib/chacha20poly1305', 'ChaCha20Poly1305'],
      ['@stablelib/xchacha20poly1305', 'XChaCha20Poly1305'],
      ['@stablelib/aes', 'AES'],
    ] as const
  ).map(([module, cls]): KeySink => ({
    id: `stablelib.${cls}`,
    title: `@stablelib new ${cls}`,
    modules: [module],
    callee: `new ${cls}`,
    args: [{ index: 0, role: 'key' }],
    valueType: 'bytes',
    samples: {
      positive: [`import { ${cls} } from '${module}'; new ${cls}(key);`],
      negative: [`import { ${cls} } from './${cls.toLowerCase()}.js'; new ${cls}(key);`],
    },
  })),
  // @noble/hashes KDFs: pbkdf2(hash, password, salt, opts), scrypt/argon2*(password, salt, opts),
  // hkdf(hash, ikm, salt, info, len).
  ...(['pbkdf2', 'pbkdf2Async'] as const).map((fn): KeySink => ({
    id: `noble.${fn}`,
    title: `@noble/hashes ${fn}`,
    modules: ['@noble/hashes', '@noble/hashes/*'],
    callee: fn,
    args: [
      { index: 1, role: 'password' },
      { index: 2, role: 'salt' },
    ],
    samples: {
      positive: [`import { ${fn} } from '@noble/hashes/pbkdf2.js'; ${fn}(sha256, pw, salt, { c: 600000, dkLen: 32 });`],
      negative: ["import { sha256 } from '@noble/hashes/sha2.js'; sha256(pw);"],
    },
  })),
  ...(
    [
      'scrypt',
      'scryptAsync',
      'argon2id',
      'argon2i',
      'argon2d',
      'argon2idAsync',
      'argon2iAsync',
      'argon2dAsync',
    ] as const
  ).map((fn): KeySink => ({
    id: `noble.${fn}`,
    title: `@noble/hashes ${fn}`,
    modules: ['@noble/hashes', '@noble/hashes/*'],
    callee: fn,
    args: [
      { index: 0, role: 'password' },
      { index: 1, role: 'salt' },
    ],
    samples: {
      positive: [
        `import { ${fn} } from ` +
          `'@noble/hashes/${fn.startsWith('scrypt') ? 'scrypt' : 'argon2'}.js'; ${fn}(pw, salt, opts);`,
      ],
      negative: [`import { ${fn} } from './kdf.js'; ${fn}(pw, salt, opts);`],
    },
  })),
  {
    id: 'noble.hkdf',
    title: '@noble/hashes hkdf',
    modules: ['@noble/hashes', '@noble/hashes/*'],
    callee: 'hkdf',
    args: [
      { index: 1, role: 'ikm' },
      { index: 2, role: 'salt' },
    ],
    samples: {
      positive: ["import { hkdf } from '@noble/hashes/hkdf.js'; hkdf(sha256, ikm, salt, info, 32);"],
      negative: ["import { expand } from '@noble/hashes/hkdf.js'; expand(sha256, prk, info, 32);"],
    },
  },
  {
    id: 'noble.hkdf.extract',
    title: '@noble/hashes hkdf extract',
    modules: ['@noble/hashes/hkdf', '@noble/hashes/hkdf.js'],
    callee: 'extract',
    args: [
      { index: 1, role: 'ikm' },
      { index: 2, role: 'salt' },
    ],
    samples: {
      positive: ["import { extract } from '@noble/hashes/hkdf.js'; extract(sha256, ikm, salt);"],
      negative: ["import { extract } from './archive.js'; extract(a, b, c);"],
    },
  },
  {
    id: 'argon2.hash',
    title: 'argon2.hash',
    modules: ['argon2'],
    callee: 'hash',
    receivers: ['argon2'],
    args: [
      { index: 0, role: 'password' },
      { index: 1, property: 'salt', role: 'salt' },
    ],
    samples: {
      positive: ["import argon2 from 'argon2'; await argon2.hash(pw, { salt });"],
      negative: ["import argon2 from 'argon2'; await argon2.verify(h, pw);"],
    },
  },
  ...(['bcrypt', 'bcryptjs'] as const).map((mod): KeySink => ({
    id: `${mod}.hash`,
    title: `${mod}.hash / hashSync`,
    modules: [mod],
    callee: 'hash*',
    receivers: [mod],
    // The second argument is a salt string ('$2b$10$…') or a cost number.
    args: [{ index: 1, role: 'salt' }],
    samples: {
      positive: [
        `import ${mod} from '${mod}'; ${mod}.hashSync(pw, salt);`,
        `const ${mod} = require('${mod}'); await ${mod}.hash(pw, 12);`,
      ],
      negative: [`import ${mod} from '${mod}'; ${mod}.compareSync(pw, h);`],
    },
  })),
  {
    id: 'node-forge.pkcs5.pbkdf2',
    title: 'forge.pkcs5.pbkdf2',
    modules: ['node-forge'],
    callee: 'pkcs5.pbkdf2',
    receivers: ['forge'],
    args: [
      { index: 0, role: 'password' },
      { index: 1, role: 'salt' },
    ],
    samples: {
      positive: ["import forge from 'node-forge'; forge.pkcs5.pbkdf2(pw, salt, 600000, 32);"],
      negative: ["import forge from 'node-forge'; forge.random.getBytesSync(16);"],
    },
  },
  ...(
    [
      ['crypto_secretbox_easy', 1, 2],
      ['crypto_secretbox_open_easy', 1, 2],
      ['crypto_aead_xchacha20poly1305_ietf_encrypt', 3, 4],
      ['crypto_aead_chacha20poly1305_ietf_encrypt', 3, 4],
      ['crypto_aead_xchacha20poly1305_ietf_decrypt', 3, 4],
      ['crypto_aead_chacha20poly1305_ietf_decrypt', 3, 4],
    ] as const
  ).map(([fn, nonce, key]): KeySink => ({
    id: `libsodium.${fn}`,
    title: `sodium.${fn}`,
    modules: ['libsodium-wrappers', 'libsodium-wrappers-sumo'],
    callee: fn,
    receivers: ['sodium', '_sodium'],
    args: [
      { index: nonce, role: 'nonce' },
      { index: key, role: 'key' },
    ],
    valueType: 'bytes',
    samples: {
      positive: [
        `import sodium from 'libsodium-wrappers'; ` +
          `sodium.${fn}(${Array.from({ length: key + 1 }, (_, i) => `a${i}`).join(', ')});`,
      ],
      negative: ["import sodium from 'libsodium-wrappers'; sodium.randombytes_buf(24);"],
    },
  })),
  {
    id: 'libsodium.crypto_pwhash',
    title: 'sodium.crypto_pwhash',
    modules: ['libsodium-wrappers', 'libsodium-wrappers-sumo'],
    callee: 'crypto_pwhash',
    receivers: ['sodium', '_sodium'],
    args: [
      { index: 1, role: 'password' },
      { index: 2, role: 'salt' },
    ],
    samples: {
      positive: ["import sodium from 'libsodium-wrappers'; sodium.crypto_pwhash(32, pw, salt, ops, mem, alg);"],
      negative: ["import sodium from 'libsodium-wrappers'; sodium.crypto_pwhash_str(pw, ops, mem);"],
    },
  },
  // ---- aes-js: `new aesjs.ModeOfOperation.cbc(key, iv)`; CTR takes a `Counter` (or its initial value) -------
  ...(['cbc', 'cfb', 'ofb', 'ctr'] as const).map((mode): KeySink => ({
    id: `aes-js.${mode}`,
    title: `aes-js ModeOfOperation.${mode}`,
    modules: ['aes-js'],
    callee: `new ModeOfOperation.${mode}`,
    receivers: ['aesjs', 'aesJs', 'AES'],
    args: [
      { index: 0, role: 'key' },
      { index: 1, role: mode === 'ctr' ? 'nonce' : 'iv' },
    ],
    valueType: 'bytes',
    samples: {
      positive: [`import aesjs from 'aes-js'; new aesjs.ModeOfOperation.${mode}(key, iv);`],
      negative: ["import aesjs from 'aes-js'; new aesjs.ModeOfOperation.ecb(key);", 'new Mode.cbc(key, iv);'],
    },
  })),
  // ---- sjcl: `sjcl.encrypt(password, data, { iv, salt })`, `sjcl.mode.gcm.encrypt(prp, data, iv)`, `misc.pbkdf2` --
  {
    id: 'sjcl.encrypt',
    title: 'sjcl.encrypt',
    modules: ['sjcl'],
    callee: 'encrypt',
    receivers: ['sjcl'],
    args: [
      { index: 0, role: 'password' },
      { index: 2, property: 'iv', role: 'iv' },
      { index: 2, property: 'salt', role: 'salt' },
    ],
    samples: {
      positive: ["import sjcl from 'sjcl'; sjcl.encrypt(pw, data, { iv, salt });"],
      negative: ["import sjcl from 'sjcl'; sjcl.decrypt(pw, blob);"],
    },
  },
  ...(['gcm', 'ccm', 'ocb2', 'cbc', 'ctr'] as const).map((mode): KeySink => ({
    id: `sjcl.mode.${mode}.encrypt`,
    title: `sjcl.mode.${mode}.encrypt`,
    modules: ['sjcl'],
    callee: `mode.${mode}.encrypt`,
    receivers: ['sjcl'],
    args: [{ index: 2, role: mode === 'ctr' ? 'nonce' : 'iv' }],
    samples: {
      positive: [`import sjcl from 'sjcl'; sjcl.mode.${mode}.encrypt(prp, data, iv);`],
      negative: [`import sjcl from 'sjcl'; sjcl.mode.${mode}.decrypt(prp, data, iv);`],
    },
  })),
  {
    id: 'sjcl.misc.pbkdf2',
    title: 'sjcl.misc.pbkdf2',
    modules: ['sjcl'],
    callee: 'misc.pbkdf2',
    receivers: ['sjcl'],
    args: [
      { index: 0, role: 'password' },
      { index: 1, role: 'salt' },
    ],
    samples: {
      positive: ["import sjcl from 'sjcl'; sjcl.misc.pbkdf2(pw, salt, 100000, 256);"],
      negative: ["import sjcl from 'sjcl'; sjcl.hash.sha256.hash(pw);"],
    },
  },
  // ---- jose: JWE makes its own IV unless one is set (`setInitializationVector`, in jose 4 and 5) ----------
  {
    id: 'jose.setInitializationVector',
    title: 'jose setInitializationVector',
    modules: ['jose'],
    callee: 'new *Encrypt*().setInitializationVector',
    args: [{ index: 0, role: 'iv' }],
    samples: {
      positive: ["import { CompactEncrypt } from 'jose'; new CompactEncrypt(m).setInitializationVector(iv);"],
      negative: ["import { CompactEncrypt } from 'jose'; new CompactEncrypt(m).setProtectedHeader(h);"],
    },
  },
  // ---- ethers: an encrypted JSON keystore takes optional `iv` and `salt` (made at random when left out) ---
  ...(['encryptKeystoreJson', 'encryptKeystoreJsonSync'] as const).map((fn): KeySink => ({
    id: `ethers.${fn}`,
    title: `ethers ${fn}`,
    modules: ['ethers', 'ethers/wallet'],
    callee: fn,
    args: [
      { index: 1, role: 'password' },
      { index: 2, property: 'iv', role: 'iv' },
      { index: 2, property: 'salt', role: 'salt' },
    ],
    samples: {
      positive: [`import { ${fn} } from 'ethers'; ${fn}(account, pw, { iv, salt });`],
      negative: ["import { decryptKeystoreJson } from 'ethers'; decryptKeystoreJson(json, pw);"],
    },
  })),
  // ---- PKCS#11: the IV is a mechanism parameter (graphene-pk11 `params`, pkcs11js `parameter` or its `iv`) --------
  ...(['createCipher', 'createDecipher'] as const).map((fn): KeySink => ({
    id: `graphene-pk11.${fn}`,
    title: `graphene session.${fn}`,
    modules: ['graphene-pk11'],
    callee: fn,
    receivers: ['session', 'pkcs11Session', 'hsmSession'],
    args: [{ index: 0, property: 'params', role: 'iv' }],
    samples: {
      positive: [`session.${fn}({ name: 'AES_CBC_PAD', params: iv }, key);`],
      negative: [
        `session.sign({ name: 'SHA256_RSA_PKCS' }, key);`,
        `other.${fn}({ name: 'AES_CBC_PAD', params: iv }, k);`,
      ],
    },
  })),
  ...(['C_EncryptInit', 'C_DecryptInit'] as const).map((fn): KeySink => ({
    id: `pkcs11js.${fn}`,
    title: `pkcs11js ${fn}`,
    modules: ['pkcs11js'],
    callee: fn,
    receivers: ['pkcs11', 'p11'],
    args: [
      { index: 1, property: 'parameter', role: 'iv' },
      { index: 1, property: 'parameter.iv', role: 'iv' },
    ],
    samples: {
      positive: [`pkcs11.${fn}(session, { mechanism: pkcs11js.CKM_AES_CBC_PAD, parameter: iv }, key);`],
      negative: ['pkcs11.C_SignInit(session, { mechanism: pkcs11js.CKM_SHA256_RSA_PKCS }, key);'],
    },
  })),
  // ---- secrets that unlock key stores: an HSM user PIN, a vault or key passphrase, a wallet's secret URI --------
  // A user PIN is digits as often as not (PKCS#11 v2.40 §5.6 allows any bytes; HSM vendors hand out numeric ones).
  ...(['C_Login', 'new PKCS11().C_Login'] as const).map((callee): KeySink => ({
    id: `pkcs11js.${callee.startsWith('new') ? 'instance.' : ''}C_Login`,
    title: 'pkcs11js C_Login (PIN)',
    modules: ['pkcs11js'],
    callee,
    receivers: ['pkcs11', 'p11'],
    args: [{ index: 2, role: 'password', secretShape: /^\d{4,16}$/ }],
    valueType: 'string',
    samples: {
      positive: [
        callee === 'C_Login'
          ? 'pkcs11.C_Login(session, pkcs11js.CKU_USER, pin);'
          : "import pkcs11js from 'pkcs11js'; new pkcs11js.PKCS11().C_Login(s, pkcs11js.CKU_USER, pin);",
      ],
      negative: ['pkcs11.C_Logout(session);', 'other.C_Login(session, user, pin);'],
    },
  })),
  {
    id: 'tauri-stronghold.load',
    title: 'Tauri Stronghold.load (vault password)',
    modules: ['@tauri-apps/plugin-stronghold', 'tauri-plugin-stronghold-api'],
    callee: 'Stronghold.load',
    args: [{ index: 1, role: 'password' }],
    valueType: 'string',
    samples: {
      positive: ["import { Stronghold } from '@tauri-apps/plugin-stronghold'; await Stronghold.load(path, pw);"],
      negative: ["import { Client } from '@tauri-apps/plugin-stronghold'; await client.getStore();"],
    },
  },
  ...(['encrypt', 'decrypt'] as const).map((fn): KeySink => ({
    id: `openpgp.${fn}.passwords`,
    title: `openpgp ${fn} (passwords)`,
    modules: ['openpgp'],
    callee: fn,
    receivers: ['openpgp'],
    args: [{ index: 0, property: 'passwords', role: 'password' }],
    valueType: 'string',
    samples: {
      positive: [`import * as openpgp from 'openpgp'; await openpgp.${fn}({ message, passwords: [pw] });`],
      negative: [`import * as openpgp from 'openpgp'; await openpgp.readKey({ armoredKey });`],
    },
  })),
  ...(['decryptKey', 'encryptKey', 'generateKey'] as const).map((fn): KeySink => ({
    id: `openpgp.${fn}.passphrase`,
    title: `openpgp ${fn} (passphrase)`,
    modules: ['openpgp'],
    callee: fn,
    receivers: ['openpgp'],
    args: [{ index: 0, property: 'passphrase', role: 'password' }],
    valueType: 'string',
    samples: {
      positive: [`import * as openpgp from 'openpgp'; await openpgp.${fn}({ privateKey, passphrase: pw });`],
      negative: [`import * as openpgp from 'openpgp'; await openpgp.createMessage({ text });`],
    },
  })),
  // A pair's `toJson(passphrase)` is left out: the canonical path cannot tell it from the keyring's `toJson(address)`.
  ...(['addFromUri', 'addFromMnemonic', 'addFromSeed'] as const).map((fn): KeySink => ({
    id: `polkadot-keyring.${fn}`,
    title: `Polkadot Keyring ${fn} (secret URI, mnemonic or seed)`,
    modules: ['@polkadot/keyring', '@polkadot/api'],
    callee: `new Keyring().${fn}`,
    // `//Alice`, `//Bob//stash`: junctions alone derive from Substrate's published development phrase.
    args: [{ index: 0, role: 'private-key', publicShape: /^(?:\/\/?[\w-]+)+$/ }],
    samples: {
      positive: [`import { Keyring } from '@polkadot/keyring'; new Keyring({ type: 'sr25519' }).${fn}(secret);`],
      negative: ["import { Keyring } from '@polkadot/keyring'; new Keyring({ type: 'sr25519' }).addFromAddress(a);"],
    },
  })),
  // ---- AWS SDK credentials ------------------------------------------------------------------------
  {
    id: 'aws-sdk-v3.client-credentials',
    title: 'AWS SDK v3 client credentials',
    modules: ['@aws-sdk/*'],
    callee: 'new *Client',
    args: [{ index: 0, property: 'credentials.secretAccessKey', role: 'secret', issued: true }],
    valueType: 'string',
    samples: {
      positive: [
        "import { S3Client } from '@aws-sdk/client-s3'; new S3Client({ region, credentials: { " +
          'accessKeyId: a, secretAccessKey: s } });',
      ],
      negative: ["import { S3Client } from '@aws-sdk/client-s3'; new S3Client({ region });"],
    },
  },
  {
    id: 'aws-sdk-v2.config',
    title: 'AWS SDK v2 config credentials',
    modules: ['aws-sdk'],
    callee: 'config.update',
    receivers: ['AWS'],
    args: [{ index: 0, property: 'secretAccessKey', role: 'secret', issued: true }],
    valueType: 'string',
    samples: {
      positive: ["const AWS = require('aws-sdk'); AWS.config.update({ accessKeyId: a, secretAccessKey: s });"],
      negative: ["const AWS = require('aws-sdk'); AWS.config.update({ region: r });"],
    },
  },
  {
    id: 'aws-sdk-v2.Credentials',
    title: 'AWS SDK v2 new Credentials',
    modules: ['aws-sdk'],
    callee: 'new Credentials',
    receivers: ['AWS'],
    args: [{ index: 1, role: 'secret', issued: true }],
    valueType: 'string',
    samples: {
      positive: ["import AWS from 'aws-sdk'; new AWS.Credentials(a, s);"],
      negative: ["import AWS from 'aws-sdk'; new AWS.S3();"],
    },
  },
];

/** node:crypto sinks that react-native-quick-crypto offers under its own module name, with the same arguments. */
const QUICK_CRYPTO_IDS: ReadonlySet<string> = new Set(
  ['createCipheriv', 'createDecipheriv', 'pbkdf2', 'pbkdf2Sync', 'scrypt', 'scryptSync'].map((f) => `node-crypto.${f}`),
);
const quickCrypto = (s: KeySink): KeySink => {
  const rename = (code: string): string => code.replace(/'(?:node:)?crypto'/g, "'react-native-quick-crypto'");
  return {
    ...s,
    id: s.id.replace(/^node-crypto\./, 'quick-crypto.'),
    title: s.title.replace(/^crypto\./, 'QuickCrypto.'),
    modules: ['react-native-quick-crypto'],
    receivers: ['QuickCrypto', 'crypto'],
    samples: { positive: s.samples.positive.map(rename), negative: s.samples.negative.map(rename) },
  };
};

export const keySinks: readonly KeySink[] = [
  ...ownSinks,
  ...ownSinks.filter((s) => QUICK_CRYPTO_IDS.has(s.id)).map(quickCrypto),
];

/** The roles that carry secret key material (as opposed to IVs, salts and algorithm names). */
export const secretRoles = new Set(['key', 'secret', 'private-key', 'password', 'ikm'] as const);

/**
 * Sinks whose key argument may as well be a PUBLIC key: JWT verification (`jwt.verify(t, publicPem)`,
 * `jwtVerify`, passport-jwt's and express-jwt's `secretOrKey`/`secret` given an RS256 public key) and JWK import (a
 * public JWK). A value passed there is not proven secret by that use alone (src/rule-kit/flow/roles.ts), by sink id.
 */
export const publicKeyAcceptingSink = /verify|importJWK|passport-jwt|express-jwt/i;

/**
 * The keystore name a suggestion gives a key that has no name of its own, by the sink it reaches (first
 * match wins): `loadSecret('jwt-secret')` for a JWT library, `'hmac-key'` for an HMAC, and so on.
 */
export const defaultKeyNames: readonly { readonly sink: RegExp; readonly name: string }[] = [
  { sink: /jsonwebtoken|jose|passport-jwt|express-jwt/, name: 'jwt-secret' },
  { sink: /session|cookie/, name: 'session-secret' },
  { sink: /hmac|Hmac/, name: 'hmac-key' },
  { sink: /aws/, name: 'aws-secret-access-key' },
  { sink: /privateKey|sign|Pem|PKCS8|private/, name: 'signing-key' },
];
/** The name when no sink is known, and when no row above matches. */
export const fallbackKeyName = { none: 'app-key', other: 'encryption-key' } as const;
