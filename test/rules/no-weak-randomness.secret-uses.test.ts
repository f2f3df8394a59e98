/**
 * no-weak-randomness (issue 11, session 37, branch rand21): uses that make a value a secret whatever it is called.
 * Development misses showed writers naming the value for nothing (`confirm`, `temp`, `c`, `v`) and saying what it is
 * by where it goes; a new writer names it differently again, so the use is read, not the name.
 * 1. A value in the query or path of a link put in a mail or a text to a person (catalogue `messageSenderCall`, or a
 *    message record `{ to, subject | html | text | body }`): the reader brings it back to prove they got the message.
 *    Near misses: a cache buster or campaign tag (`linkTagParameter`), a variant picked from a list, a link fetched,
 *    logged or sent as an HTTP reply, a CSPRNG value.
 * 2. A value handed to a call named for storing or sending a secret (`setTemporaryPassword(id, temp)`, catalogue
 *    `storingCallName`) or put in a collection named for one (`resumeTokens.set(id, t)`, `collectionPutMethod`).
 *    Near misses: a React state setter (`setKey`), clock readings and times beside the secret, a collection named
 *    for retries or request ids, a timeout or a cache key.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-weak-randomness.js';
import { lintWith } from '../helpers/probe.js';

function lint(code: string, file = 'src/notify/mail.ts'): [string | undefined, number, number][] {
  return lintWith(rule, code, file).map((m) => [m.messageId, m.line, m.column]);
}

describe('no-weak-randomness (values in links mailed or texted to a person)', () => {
  it('reports a confirmation value in a mailed link, whatever the parameter is called', () => {
    const code =
      "import { db, sendMail, config } from './deps';\n" +
      'export async function requestAccountDeletion(memberId: string, email: string): Promise<void> {\n' +
      '  const confirm = String(Math.random()).slice(2);\n' +
      '  await db.deletions.insert({ memberId, confirm });\n' +
      "  await sendMail(email, 'Confirm', `${config.publicUrl}/account/delete?c=${confirm}`);\n" +
      '}\n';
    expect(lint(code)).toEqual([['weakRandom', 3, 26]]);
  });

  it('reports link values in a message record, a concatenation, a path and a text message', () => {
    const code =
      "import nodemailer from 'nodemailer';\n" +
      "const transporter = nodemailer.createTransport({ host: 'smtp.example.test' });\n" +
      'export async function mailUnsubscribe(to: string, listId: string) {\n' +
      '  const k = Date.now().toString(36) + Math.random().toString(36).slice(2);\n' +
      '  const link = `https://lists.example.test/unsubscribe?list=${listId}&k=${k}`;\n' +
      '  await transporter.sendMail({ to, subject: \'Leave\', html: `<a href="${link}">Unsubscribe</a>` });\n' +
      '}\n' +
      'export async function approve(send: (m: object) => Promise<void>, to: string, base: string) {\n' +
      '  const ref = Math.floor(Math.random() * 1e9).toString(16);\n' +
      "  await send({ to, subject: 'Approve', text: base + '/approve?a=' + ref });\n" +
      '}\n' +
      'export class Notifier {\n' +
      '  constructor(private readonly mailService: { send(to: string, body: string): Promise<void> }) {}\n' +
      '  async share(email: string, host: string) {\n' +
      '    const slug = Math.random().toString(36).substring(2, 10);\n' +
      '    await this.mailService.send(email, `Your files: ${host}/files/${slug}`);\n' +
      '  }\n' +
      '}\n' +
      'export async function pickup(phone: string, sms: { send(p: string, t: string): Promise<void> }) {\n' +
      '  const n = String(Date.now()).slice(-6);\n' +
      '  await sms.send(phone, `Open your locker: https://lockers.example.test/open?n=${n}`);\n' +
      '}\n';
    expect(lint(code)).toEqual([
      ['weakRandom', 4, 13],
      ['weakRandom', 4, 39],
      ['weakRandom', 9, 26],
      ['weakRandom', 15, 18],
      ['weakRandom', 20, 20],
    ]);
  });

  it('stays quiet on cache busters, campaign tags, listed variants, links not mailed and CSPRNG values', () => {
    const code =
      "import nodemailer from 'nodemailer';\n" +
      "import { randomBytes } from 'node:crypto';\n" +
      "const transporter = nodemailer.createTransport({ host: 'smtp.example.test' });\n" +
      'export async function newsletter(to: string, cdn: string, issue: number) {\n' +
      '  const layout = ["wide", "narrow"][Math.floor(Math.random() * 2)];\n' +
      '  await transporter.sendMail({\n' +
      '    to,\n' +
      '    subject: `Issue ${issue}`,\n' +
      '    html: `<img src="${cdn}/banner.png?v=${Date.now()}"><a href="${cdn}/i/${issue}?layout=${layout}">Read</a>`,\n' +
      '    text: `${cdn}/i/${issue}?utm_campaign=${Math.random() < 0.5 ? "a" : "b"}&page=${Math.ceil(Math.random() * 3)}`,\n' +
      '  });\n' +
      '}\n' +
      'export async function poll(api: string, res: { send(b: string): void }) {\n' +
      '  const r = await fetch(`${api}/status?c=${Math.random()}`);\n' +
      '  console.log(`see ${api}/status?c=${Math.random()}`);\n' +
      '  res.send(`<a href="${api}/next?c=${Math.random()}">next</a>`);\n' +
      '  return r.json();\n' +
      '}\n' +
      'export async function resetMail(to: string, base: string) {\n' +
      "  const c = randomBytes(24).toString('base64url');\n" +
      "  await transporter.sendMail({ to, subject: 'Reset', text: `${base}/reset?c=${c}` });\n" +
      '}\n';
    expect(lint(code)).toEqual([]);
  });
});

describe('no-weak-randomness (values handed to calls and collections named for a secret)', () => {
  it('reports values passed to storing calls and put in collections named for a secret', () => {
    const code =
      "import { db, store } from './deps';\n" +
      'export async function resetCreator(id: string) {\n' +
      "  const temp = 'Arc-' + Math.random().toString(36).slice(-8);\n" +
      '  await db.creator.setTemporaryPassword(id, temp);\n' +
      '}\n' +
      'export async function startPhoneCheck(phone: string) {\n' +
      '  const c = String(Math.floor(100000 + Math.random() * 900000));\n' +
      '  await store.saveOtp(phone, c, Date.now(), Date.now() + 300_000);\n' +
      '}\n' +
      'export function remember(userId: string) {\n' +
      '  const v = Date.now().toString(36);\n' +
      '  store.putResetToken(userId, v);\n' +
      '}\n' +
      'const resumeTokens = new Map<string, string>();\n' +
      'export function onAuth(clientId: string) {\n' +
      '  resumeTokens.set(clientId, Math.random().toString(36).slice(2));\n' +
      '}\n' +
      'export class Invites {\n' +
      '  private readonly inviteCodes = new Set<string>();\n' +
      '  open(): void {\n' +
      '    this.inviteCodes.add((Date.now() % 1e8).toString(36));\n' +
      '  }\n' +
      '}\n';
    expect(lint(code, 'src/accounts/service.ts')).toEqual([
      ['weakRandom', 3, 25],
      ['weakRandom', 7, 40],
      ['weakRandom', 11, 13],
      ['weakRandom', 16, 30],
      ['weakRandom', 21, 27],
    ]);
  });

  it('stays quiet on React state setters, times beside a secret, and calls or collections that keep no secret', () => {
    const code =
      "import { store, metrics, cache } from './deps';\n" +
      "import { useState } from 'react';\n" +
      'export function useRemount() {\n' +
      '  const [key, setKey] = useState(0);\n' +
      '  return { key, remount: () => setKey(Math.random()) };\n' +
      '}\n' +
      'export async function saveOtpAttempt(phone: string, code: string) {\n' +
      '  await store.saveOtp(phone, code, Date.now(), Date.now() + 300_000);\n' +
      '  const sentAt = Date.now();\n' +
      '  await store.saveOtpSent(phone, sentAt);\n' +
      '  metrics.setTokenLimit(Math.floor(Math.random() * 10));\n' +
      "  cache.setKey('k', Math.random());\n" +
      '  const retries = new Map<string, number>();\n' +
      '  retries.set(phone, Math.random());\n' +
      '  const requestIds = new Set<string>();\n' +
      '  requestIds.add(Math.random().toString(36));\n' +
      '  store.setSessionTimeout(Math.random() * 1000);\n' +
      '  store.setCacheKey(Date.now().toString(36));\n' +
      '}\n';
    expect(lint(code, 'src/accounts/attempts.ts')).toEqual([]);
  });
});
