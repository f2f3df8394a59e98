/**
 * no-unsafe-key-deletion: a KMS data key worked with through a view or a copy, and an entry wiped before it leaves its
 * collection (issue 11, session 36, del20). `Buffer.from(p.buffer, p.byteOffset, p.byteLength)` is a view over the
 * plaintext's own memory: wiping the view wipes the plaintext, and storing the view in a field hands the plaintext
 * to that field's owner. When a function works with one copy of the plaintext (`const dek = Buffer.from(Plaintext)`)
 * and never wipes it, the finding names that copy. An entry wiped through the collection it is dropped from (a loop
 * over `Object.entries(this.slots)`) or through a sibling index of the same object (`this.byId.get(id)` before
 * `this.list = this.list.filter(…)`) was wiped before the drop; a holder filtered by its own method derives no key.
 * Near misses that stay reported: a wipe of a string made from the plaintext, a wipe after the drop, a drop in a
 * loop that wipes nothing, a wipe through an unrelated parameter, and a wipe of one entry before a drop that does
 * not name its key.
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-unsafe-key-deletion (byte views and sibling indexes)', rule, {
  valid: [
    {
      // a view over the plaintext wiped in finally; a view stored in a field (its owner wipes it)
      code: [
        "import { KMSClient, DecryptCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';",
        "import { createDecipheriv, createCipheriv, randomBytes } from 'node:crypto';",
        'const kms = new KMSClient({});',
        'const kekId = process.env.KEK_ID;',
        'export async function unseal(blob: Uint8Array, iv: Buffer, body: Buffer) {',
        '  const res = await kms.send(new DecryptCommand({ CiphertextBlob: blob }));',
        '  const view = Buffer.from(res.Plaintext!.buffer, res.Plaintext!.byteOffset, res.Plaintext!.byteLength);',
        '  try {',
        "    return createDecipheriv('aes-256-cbc', view, iv).update(body);",
        '  } finally {',
        '    view.fill(0);',
        '  }',
        '}',
        'export class Session {',
        '  private dek: Buffer | undefined;',
        '  async start() {',
        "    const { Plaintext } = await kms.send(new GenerateDataKeyCommand({ KeyId: kekId, KeySpec: 'AES_256' }));",
        '    this.dek = Buffer.from(Plaintext!.buffer, Plaintext!.byteOffset, Plaintext!.byteLength);',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/crypto/envelope.ts',
    },
    {
      // the entry wiped through a sibling index before the filter; wiped in the loop over the collection
      code: [
        'interface Held { id: string; secret: Uint8Array; until: number }',
        'export class Ring {',
        '  private list: Held[] = [];',
        '  private byId = new Map<string, Held>();',
        '  private slots: Record<string, Held> = {};',
        '  drop(id: string): void {',
        '    const h = this.byId.get(id);',
        '    if (!h) return;',
        '    h.secret.fill(0);',
        '    this.list = this.list.filter((x) => x.id !== id);',
        '    this.byId.delete(id);',
        '  }',
        '  sweep(now: number): void {',
        '    for (const [id, h] of Object.entries(this.slots)) {',
        '      if (h.until < now) {',
        '        h.secret.fill(0);',
        '        delete this.slots[id];',
        '      }',
        '    }',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/keys/ring.ts',
    },
  ],
  invalid: [
    {
      // one copy of the plaintext, never wiped: the copy is named; a string made from the plaintext is no wipe of it
      code: [
        "import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';",
        "import { createDecipheriv } from 'node:crypto';",
        'const kms = new KMSClient({});',
        'export async function unseal(blob: Uint8Array, iv: Buffer, body: Buffer) {',
        '  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: blob }));',
        '  const dek = Buffer.from(Plaintext!);',
        "  return createDecipheriv('aes-256-cbc', dek, iv).update(body);",
        '}',
        'export async function peek(blob: Uint8Array, iv: Buffer, body: Buffer) {',
        '  const out = await kms.send(new DecryptCommand({ CiphertextBlob: blob }));',
        "  const hex = Buffer.from(out.Plaintext!.toString(), 'utf8');",
        '  hex.fill(0);',
        "  return createDecipheriv('aes-256-cbc', out.Plaintext!, iv).update(body);",
        '}',
      ].join('\n'),
      filename: 'src/crypto/envelope.ts',
      errors: [
        { messageId: 'keyNotWiped', line: 6, column: 9, endLine: 6, endColumn: 12 },
        { messageId: 'keyNotWiped', line: 10, column: 9, endLine: 10, endColumn: 12 },
      ],
    },
    {
      // wiped only after the filter; a loop that drops without a wipe; a wipe through an unrelated parameter
      code: [
        'interface Held { id: string; secret: Uint8Array; until: number }',
        'export class Ring {',
        '  private list: Held[] = [];',
        '  private byId = new Map<string, Held>();',
        '  private slots: Record<string, Held> = {};',
        '  drop(id: string): void {',
        '    this.list = this.list.filter((x) => x.id !== id);',
        '    const h = this.byId.get(id);',
        '    h?.secret.fill(0);',
        '  }',
        '  sweep(now: number): void {',
        '    for (const [id, h] of Object.entries(this.slots)) {',
        '      if (h.until < now) delete this.slots[id];',
        '    }',
        '  }',
        '}',
        'export function forget(sessionKeys: Record<string, Uint8Array>, id: string, other: Map<string, Uint8Array>) {',
        '  other.get(id)?.fill(0);',
        '  delete sessionKeys[id];',
        '}',
      ].join('\n'),
      filename: 'src/keys/ring.ts',
      errors: [
        { messageId: 'keyDropped', line: 7, column: 5, endLine: 7, endColumn: 53 },
        { messageId: 'keyDropped', line: 13, column: 26, endLine: 13, endColumn: 47 },
        { messageId: 'keyDropped', line: 19, column: 3, endLine: 19, endColumn: 25 },
      ],
    },
    {
      // an entry wiped by its own key, then older entries of another collection cut off: those are not wiped
      code: [
        'interface Member { id: string; voiceKey: Uint8Array }',
        'export class Lobby {',
        '  private members = new Map<string, Member>();',
        '  private epochKeys: Uint8Array[] = [];',
        '  leave(id: string) {',
        '    const m = this.members.get(id);',
        '    if (!m) return;',
        '    m.voiceKey.fill(0);',
        '    this.members.delete(id);',
        '    if (this.epochKeys.length > 8) this.epochKeys.splice(0, this.epochKeys.length - 8);',
        '  }',
        '}',
      ].join('\n'),
      filename: 'src/lobby.ts',
      errors: [
        {
          messageId: 'keyDropped',
          line: 10,
          column: 36,
          endLine: 10,
          endColumn: 87,
        },
      ],
    },
  ],
});
