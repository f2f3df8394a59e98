/**
 * no-unsafe-key-deletion, a Map judged by what the file does with its elements (issue 11, session 32): bots,
 * browser extensions and servers keep per-guild, per-tab or per-tenant keys in a Map under any name, fill it in
 * another module or not at all in sight, and read an element to encrypt with it (`const key = guildKeys.get(id);
 * createCipheriv(alg, key, iv)`, `importKey('raw', raw, …)`). Dropping an entry of such a Map without a wipe leaves
 * the bytes in the heap. Near misses: a Map of sessions read for a member, a Map of WebCrypto `CryptoKey` handles
 * (no bytes to wipe), an element wiped before the entry is dropped.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-unsafe-key-deletion.js';
import { lintWith } from '../helpers/probe.js';

const lines = (code: string, filename = 'src/keys/cache.ts'): number[] =>
  lintWith(rule, code, filename).map((m) => (m.fatal ? -1 : m.line));

describe('no-unsafe-key-deletion: a Map whose elements the file uses as keys', () => {
  it('reports dropping an entry of a Map whose element is a cipher key or raw key bytes', () => {
    const cases: [string, number[]][] = [
      [
        "import { createCipheriv, randomBytes } from 'node:crypto';\n" +
          'const perGuild = new Map();\n' +
          'export function seal(guildId: string, text: string) {\n' +
          '  const key = perGuild.get(guildId);\n' +
          "  const c = createCipheriv('aes-256-gcm', key, randomBytes(12));\n" +
          "  return Buffer.concat([c.update(text, 'utf8'), c.final()]);\n" +
          '}\n' +
          'export function leave(guildId: string) {\n' +
          '  perGuild.delete(guildId);\n' +
          '}\n',
        [9],
      ],
      [
        'const tabs = new Map<number, Uint8Array>();\n' +
          'export async function draft(tabId: number, text: string) {\n' +
          '  const raw = tabs.get(tabId);\n' +
          "  const k = await crypto.subtle.importKey('raw', raw!, 'AES-GCM', false, ['encrypt']);\n" +
          "  return crypto.subtle.encrypt({ name: 'AES-GCM', iv: crypto.getRandomValues(new Uint8Array(12)) }, k, new TextEncoder().encode(text));\n" +
          '}\n' +
          'export function closed(tabId: number) {\n' +
          '  tabs.delete(tabId);\n' +
          '}\n',
        [8],
      ],
      [
        "import { createHmac } from 'node:crypto';\n" +
          'export class TenantSigner {\n' +
          '  private readonly entries = new Map();\n' +
          '  sign(tenant: string, body: string) {\n' +
          '    const secret = this.entries.get(tenant);\n' +
          "    return createHmac('sha256', secret!).update(body).digest('hex');\n" +
          '  }\n' +
          '  offboard(tenant: string) {\n' +
          '    this.entries.delete(tenant);\n' +
          '  }\n' +
          '}\n',
        [9],
      ],
    ];
    for (const [code, want] of cases) expect(lines(code)).toEqual(want);
  });

  it('stays silent on a Map of other values, of key handles, or wiped before the drop', () => {
    const cases: string[] = [
      'const sessions = new Map<string, { user: string }>();\n' +
        'export function who(id: string) {\n' +
        '  const s = sessions.get(id);\n' +
        '  return s?.user;\n' +
        '}\n' +
        'export function logout(id: string) {\n' +
        '  sessions.delete(id);\n' +
        '}\n',
      'const handles = new Map();\n' +
        'export async function seal(id: string, data: Uint8Array) {\n' +
        '  const key = handles.get(id);\n' +
        "  return crypto.subtle.encrypt({ name: 'AES-GCM', iv: crypto.getRandomValues(new Uint8Array(12)) }, key, data);\n" +
        '}\n' +
        'export function forget(id: string) {\n' +
        '  handles.delete(id);\n' +
        '}\n',
      "import { createCipheriv, randomBytes } from 'node:crypto';\n" +
        'const perGuild = new Map<string, Buffer>();\n' +
        'export function seal(guildId: string, text: string) {\n' +
        '  const key = perGuild.get(guildId)!;\n' +
        "  const c = createCipheriv('aes-256-gcm', key, randomBytes(12));\n" +
        "  return Buffer.concat([c.update(text, 'utf8'), c.final()]);\n" +
        '}\n' +
        'export function leave(guildId: string) {\n' +
        '  perGuild.get(guildId)?.fill(0);\n' +
        '  perGuild.delete(guildId);\n' +
        '}\n',
    ];
    for (const code of cases) expect(lines(code)).toEqual([]);
  });
});
