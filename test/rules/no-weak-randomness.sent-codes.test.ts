import rule from '../../rules/no-weak-randomness.js';
import { ruleTester } from '../helpers/rule-tester.js';

// issue 11 (session 30, branch wr14): codes whose purpose the lexicon or the context did not tell.
// (1) Voucher, coupon, promo and discount codes are bearer value: whoever guesses one redeems it (development corpora
// blind7d, blind8b and dev9rand, and ghostfolio's admin coupon codes, a real-repository miss).
// (2) A bare value sent to the person in a message to type back (`Your Acme code is ${code}`) is a one-time code,
// whatever its binding or function is called (blind7d, blind8b; serverless SMS handlers in public code).
// Each invalid case below was silent before this change.
ruleTester.run('no-weak-randomness (voucher, coupon and promo codes)', rule, {
  valid: [
    {
      // a CSPRNG voucher code; a coupon code read from the request; a promo code length; a referral code (it identifies, opens nothing); a banner picked at random
      code: "import { randomInt } from 'node:crypto';\nimport type { Request } from 'express';\n\nconst CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';\n\nexport function voucherCode(length = 12): string {\n  return Array.from({ length }, () => CHARS[randomInt(CHARS.length)]).join('');\n}\n\nexport function appliedCouponCode(req: Request): string {\n  return String(req.body.couponCode ?? '').trim().toUpperCase();\n}\n\nexport const promoCodeLength = (): number => 8 + Math.floor(Math.random() * 4);\n\nexport function referralCode(userId: number): string {\n  return `${userId.toString(36)}${Math.floor(Math.random() * 1000)}`;\n}\n\nexport function promoBanner(): string {\n  return ['SUMMER', 'WINTER'][Math.floor(Math.random() * 2)]!;\n}\n",
      filename: 'src/codes.ts',
    },
  ],
  invalid: [
    {
      // a class method, a seeded generator, the clock, a modulo-biased CSPRNG draw
      code: "import { randomBytes, randomInt } from 'node:crypto';\nimport seedrandom from 'seedrandom';\n\nconst CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';\n\nexport class CampaignAdmin {\n  private couponCode(length: number): string {\n    let code = '';\n    for (let i = 0; i < length; i++) code += CHARS.charAt(Math.floor(Math.random() * CHARS.length));\n    return code;\n  }\n\n  issue(): string {\n    return `SPRING-${this.couponCode(10)}`;\n  }\n}\n\nexport function giftVoucherCode(orderRef: string): string {\n  const rng = seedrandom(orderRef);\n  return Array.from({ length: 12 }, () => CHARS[Math.floor(rng() * CHARS.length)]).join('');\n}\n\nexport function discountCode(campaign: string): string {\n  return `${campaign}-${Date.now().toString(36).toUpperCase()}`;\n}\n\nexport function promoCode(): string {\n  return Array.from(randomBytes(8), (b) => CHARS[b % 36]).join('');\n}\n",
      filename: 'src/campaigns.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 9,
          column: 70,
          endLine: 9,
          endColumn: 83,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomBytes, randomInt } from 'node:crypto';\nimport seedrandom from 'seedrandom';\n\nconst CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';\n\nexport class CampaignAdmin {\n  private couponCode(length: number): string {\n    let code = '';\n    for (let i = 0; i < length; i++) code += CHARS.charAt(randomInt(CHARS.length));\n    return code;\n  }\n\n  issue(): string {\n    return `SPRING-${this.couponCode(10)}`;\n  }\n}\n\nexport function giftVoucherCode(orderRef: string): string {\n  const rng = seedrandom(orderRef);\n  return Array.from({ length: 12 }, () => CHARS[Math.floor(rng() * CHARS.length)]).join('');\n}\n\nexport function discountCode(campaign: string): string {\n  return `${campaign}-${Date.now().toString(36).toUpperCase()}`;\n}\n\nexport function promoCode(): string {\n  return Array.from(randomBytes(8), (b) => CHARS[b % 36]).join('');\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomBytes, randomInt } from 'node:crypto';\nimport seedrandom from 'seedrandom';\nimport { randomInt } from 'keyhygiene/keys';\n\nconst CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';\n\nexport class CampaignAdmin {\n  private couponCode(length: number): string {\n    let code = '';\n    for (let i = 0; i < length; i++) code += CHARS.charAt(randomInt(0, CHARS.length));\n    return code;\n  }\n\n  issue(): string {\n    return `SPRING-${this.couponCode(10)}`;\n  }\n}\n\nexport function giftVoucherCode(orderRef: string): string {\n  const rng = seedrandom(orderRef);\n  return Array.from({ length: 12 }, () => CHARS[Math.floor(rng() * CHARS.length)]).join('');\n}\n\nexport function discountCode(campaign: string): string {\n  return `${campaign}-${Date.now().toString(36).toUpperCase()}`;\n}\n\nexport function promoCode(): string {\n  return Array.from(randomBytes(8), (b) => CHARS[b % 36]).join('');\n}\n",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 20,
          column: 60,
          endLine: 20,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomBytes, randomInt } from 'node:crypto';\nimport seedrandom from 'seedrandom';\n\nconst CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';\n\nexport class CampaignAdmin {\n  private couponCode(length: number): string {\n    let code = '';\n    for (let i = 0; i < length; i++) code += CHARS.charAt(Math.floor(Math.random() * CHARS.length));\n    return code;\n  }\n\n  issue(): string {\n    return `SPRING-${this.couponCode(10)}`;\n  }\n}\n\nexport function giftVoucherCode(orderRef: string): string {\n  const rng = seedrandom(orderRef);\n  return Array.from({ length: 12 }, () => CHARS[randomInt(CHARS.length)]).join('');\n}\n\nexport function discountCode(campaign: string): string {\n  return `${campaign}-${Date.now().toString(36).toUpperCase()}`;\n}\n\nexport function promoCode(): string {\n  return Array.from(randomBytes(8), (b) => CHARS[b % 36]).join('');\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomBytes, randomInt } from 'node:crypto';\nimport seedrandom from 'seedrandom';\nimport { randomInt } from 'keyhygiene/keys';\n\nconst CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';\n\nexport class CampaignAdmin {\n  private couponCode(length: number): string {\n    let code = '';\n    for (let i = 0; i < length; i++) code += CHARS.charAt(Math.floor(Math.random() * CHARS.length));\n    return code;\n  }\n\n  issue(): string {\n    return `SPRING-${this.couponCode(10)}`;\n  }\n}\n\nexport function giftVoucherCode(orderRef: string): string {\n  const rng = seedrandom(orderRef);\n  return Array.from({ length: 12 }, () => CHARS[randomInt(0, CHARS.length)]).join('');\n}\n\nexport function discountCode(campaign: string): string {\n  return `${campaign}-${Date.now().toString(36).toUpperCase()}`;\n}\n\nexport function promoCode(): string {\n  return Array.from(randomBytes(8), (b) => CHARS[b % 36]).join('');\n}\n",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 24,
          column: 25,
          endLine: 24,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomBytes, randomInt } from 'node:crypto';\nimport seedrandom from 'seedrandom';\n\nconst CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';\n\nexport class CampaignAdmin {\n  private couponCode(length: number): string {\n    let code = '';\n    for (let i = 0; i < length; i++) code += CHARS.charAt(Math.floor(Math.random() * CHARS.length));\n    return code;\n  }\n\n  issue(): string {\n    return `SPRING-${this.couponCode(10)}`;\n  }\n}\n\nexport function giftVoucherCode(orderRef: string): string {\n  const rng = seedrandom(orderRef);\n  return Array.from({ length: 12 }, () => CHARS[Math.floor(rng() * CHARS.length)]).join('');\n}\n\nexport function discountCode(campaign: string): string {\n  return `${campaign}-${randomBytes(32).toString('base64url')}`;\n}\n\nexport function promoCode(): string {\n  return Array.from(randomBytes(8), (b) => CHARS[b % 36]).join('');\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomBytes, randomInt } from 'node:crypto';\nimport seedrandom from 'seedrandom';\nimport { randomToken } from 'keyhygiene/keys';\n\nconst CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';\n\nexport class CampaignAdmin {\n  private couponCode(length: number): string {\n    let code = '';\n    for (let i = 0; i < length; i++) code += CHARS.charAt(Math.floor(Math.random() * CHARS.length));\n    return code;\n  }\n\n  issue(): string {\n    return `SPRING-${this.couponCode(10)}`;\n  }\n}\n\nexport function giftVoucherCode(orderRef: string): string {\n  const rng = seedrandom(orderRef);\n  return Array.from({ length: 12 }, () => CHARS[Math.floor(rng() * CHARS.length)]).join('');\n}\n\nexport function discountCode(campaign: string): string {\n  return `${campaign}-${randomToken()}`;\n}\n\nexport function promoCode(): string {\n  return Array.from(randomBytes(8), (b) => CHARS[b % 36]).join('');\n}\n",
            },
          ],
        },
        {
          messageId: 'moduloBias',
          line: 28,
          column: 50,
          endLine: 28,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "import { randomBytes, randomInt } from 'node:crypto';\nimport seedrandom from 'seedrandom';\n\nconst CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';\n\nexport class CampaignAdmin {\n  private couponCode(length: number): string {\n    let code = '';\n    for (let i = 0; i < length; i++) code += CHARS.charAt(Math.floor(Math.random() * CHARS.length));\n    return code;\n  }\n\n  issue(): string {\n    return `SPRING-${this.couponCode(10)}`;\n  }\n}\n\nexport function giftVoucherCode(orderRef: string): string {\n  const rng = seedrandom(orderRef);\n  return Array.from({ length: 12 }, () => CHARS[Math.floor(rng() * CHARS.length)]).join('');\n}\n\nexport function discountCode(campaign: string): string {\n  return `${campaign}-${Date.now().toString(36).toUpperCase()}`;\n}\n\nexport function promoCode(): string {\n  return Array.from(randomBytes(8), (b) => CHARS[randomInt(36)]).join('');\n}\n",
            },
            {
              messageId: 'useKeys',
              output:
                "import { randomBytes, randomInt } from 'node:crypto';\nimport seedrandom from 'seedrandom';\nimport { randomInt } from 'keyhygiene/keys';\n\nconst CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';\n\nexport class CampaignAdmin {\n  private couponCode(length: number): string {\n    let code = '';\n    for (let i = 0; i < length; i++) code += CHARS.charAt(Math.floor(Math.random() * CHARS.length));\n    return code;\n  }\n\n  issue(): string {\n    return `SPRING-${this.couponCode(10)}`;\n  }\n}\n\nexport function giftVoucherCode(orderRef: string): string {\n  const rng = seedrandom(orderRef);\n  return Array.from({ length: 12 }, () => CHARS[Math.floor(rng() * CHARS.length)]).join('');\n}\n\nexport function discountCode(campaign: string): string {\n  return `${campaign}-${Date.now().toString(36).toUpperCase()}`;\n}\n\nexport function promoCode(): string {\n  return Array.from(randomBytes(8), (b) => CHARS[randomInt(0, 36)]).join('');\n}\n",
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-weak-randomness (codes sent in a message)', rule, {
  valid: [
    {
      // session 31: a value sent as an error, exit, response, HTTP status or country code reports or picks, opens nothing
      code: "async function reportFailure(phone, sms) {\n  const n = Math.floor(Math.random() * 900) + 100;\n  await sms.send(phone, `Your error code is ${n}`);\n}\n\nasync function jobDone(phone, sms) {\n  const value = Math.floor(Math.random() * 256);\n  await sms.send(phone, 'Your job exit code: ' + value);\n}\n\nfunction simulated(res) {\n  const picked = 200 + Math.floor(Math.random() * 4);\n  res.end(`Your response code is ${picked}; your HTTP status code: ${picked}`);\n}\n\nasync function regionHint(phone, sms) {\n  const guess = ['44', '49', '33'][Math.floor(Math.random() * 3)];\n  await sms.send(phone, `Your country code is ${guess}`);\n}\n\nmodule.exports = { reportFailure, jobDone, simulated, regionHint };\n",
      filename: 'functions/notify.js',
    },
  ],
  invalid: [
    {
      // a Twilio-style handler and a concatenated text are reported; an order code, a CSPRNG code and a status code are not
      code: "const { randomInt } = require('node:crypto');\n\nexports.handler = async function (context, event) {\n  const client = context.getTwilioClient();\n  const n = Math.floor(1000 + Math.random() * 9000);\n  await client.messages.create({ to: event.From, body: `Your verification code is: ${n}` });\n  return { ok: true };\n};\n\nasync function remindDevice(phone, sms) {\n  const value = Date.now().toString().slice(-6);\n  await sms.send(phone, 'Sign-in code: ' + value);\n}\n\nasync function confirmOrder(phone, sms) {\n  const ref = Math.random().toString(36).slice(2, 8).toUpperCase();\n  await sms.send(phone, `Your order code is ${ref}`);\n}\n\nasync function secondFactor(phone, sms) {\n  const digits = String(randomInt(0, 1_000_000)).padStart(6, '0');\n  await sms.send(phone, `Your Acme code is ${digits}`);\n}\n\nfunction httpError(res) {\n  const status = 500 + Math.floor(Math.random() * 4);\n  res.end(`status code ${status}`);\n}\n\nmodule.exports = { remindDevice, confirmOrder, secondFactor, httpError };\n",
      filename: 'functions/send-code.js',
      errors: [
        {
          messageId: 'weakRandom',
          line: 5,
          column: 31,
          endLine: 5,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "const { randomInt } = require('node:crypto');\n\nexports.handler = async function (context, event) {\n  const client = context.getTwilioClient();\n  const n = randomInt(1000, 10000);\n  await client.messages.create({ to: event.From, body: `Your verification code is: ${n}` });\n  return { ok: true };\n};\n\nasync function remindDevice(phone, sms) {\n  const value = Date.now().toString().slice(-6);\n  await sms.send(phone, 'Sign-in code: ' + value);\n}\n\nasync function confirmOrder(phone, sms) {\n  const ref = Math.random().toString(36).slice(2, 8).toUpperCase();\n  await sms.send(phone, `Your order code is ${ref}`);\n}\n\nasync function secondFactor(phone, sms) {\n  const digits = String(randomInt(0, 1_000_000)).padStart(6, '0');\n  await sms.send(phone, `Your Acme code is ${digits}`);\n}\n\nfunction httpError(res) {\n  const status = 500 + Math.floor(Math.random() * 4);\n  res.end(`status code ${status}`);\n}\n\nmodule.exports = { remindDevice, confirmOrder, secondFactor, httpError };\n",
            },
            {
              messageId: 'useKeys',
              output:
                "const { randomInt } = require('node:crypto');\nconst { randomInt } = require('keyhygiene/keys');\n\nexports.handler = async function (context, event) {\n  const client = context.getTwilioClient();\n  const n = randomInt(1000, 10000);\n  await client.messages.create({ to: event.From, body: `Your verification code is: ${n}` });\n  return { ok: true };\n};\n\nasync function remindDevice(phone, sms) {\n  const value = Date.now().toString().slice(-6);\n  await sms.send(phone, 'Sign-in code: ' + value);\n}\n\nasync function confirmOrder(phone, sms) {\n  const ref = Math.random().toString(36).slice(2, 8).toUpperCase();\n  await sms.send(phone, `Your order code is ${ref}`);\n}\n\nasync function secondFactor(phone, sms) {\n  const digits = String(randomInt(0, 1_000_000)).padStart(6, '0');\n  await sms.send(phone, `Your Acme code is ${digits}`);\n}\n\nfunction httpError(res) {\n  const status = 500 + Math.floor(Math.random() * 4);\n  res.end(`status code ${status}`);\n}\n\nmodule.exports = { remindDevice, confirmOrder, secondFactor, httpError };\n",
            },
          ],
        },
        {
          messageId: 'weakRandom',
          line: 11,
          column: 17,
          endLine: 11,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "const { randomInt } = require('node:crypto');\nconst { randomBytes } = require('node:crypto');\n\nexports.handler = async function (context, event) {\n  const client = context.getTwilioClient();\n  const n = Math.floor(1000 + Math.random() * 9000);\n  await client.messages.create({ to: event.From, body: `Your verification code is: ${n}` });\n  return { ok: true };\n};\n\nasync function remindDevice(phone, sms) {\n  const value = randomBytes(32).toString('base64url');\n  await sms.send(phone, 'Sign-in code: ' + value);\n}\n\nasync function confirmOrder(phone, sms) {\n  const ref = Math.random().toString(36).slice(2, 8).toUpperCase();\n  await sms.send(phone, `Your order code is ${ref}`);\n}\n\nasync function secondFactor(phone, sms) {\n  const digits = String(randomInt(0, 1_000_000)).padStart(6, '0');\n  await sms.send(phone, `Your Acme code is ${digits}`);\n}\n\nfunction httpError(res) {\n  const status = 500 + Math.floor(Math.random() * 4);\n  res.end(`status code ${status}`);\n}\n\nmodule.exports = { remindDevice, confirmOrder, secondFactor, httpError };\n",
            },
            {
              messageId: 'useKeys',
              output:
                "const { randomInt } = require('node:crypto');\nconst { randomToken } = require('keyhygiene/keys');\n\nexports.handler = async function (context, event) {\n  const client = context.getTwilioClient();\n  const n = Math.floor(1000 + Math.random() * 9000);\n  await client.messages.create({ to: event.From, body: `Your verification code is: ${n}` });\n  return { ok: true };\n};\n\nasync function remindDevice(phone, sms) {\n  const value = randomToken();\n  await sms.send(phone, 'Sign-in code: ' + value);\n}\n\nasync function confirmOrder(phone, sms) {\n  const ref = Math.random().toString(36).slice(2, 8).toUpperCase();\n  await sms.send(phone, `Your order code is ${ref}`);\n}\n\nasync function secondFactor(phone, sms) {\n  const digits = String(randomInt(0, 1_000_000)).padStart(6, '0');\n  await sms.send(phone, `Your Acme code is ${digits}`);\n}\n\nfunction httpError(res) {\n  const status = 500 + Math.floor(Math.random() * 4);\n  res.end(`status code ${status}`);\n}\n\nmodule.exports = { remindDevice, confirmOrder, secondFactor, httpError };\n",
            },
          ],
        },
      ],
    },
  ],
});
