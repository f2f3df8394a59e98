/**
 * no-unsafe-key-deletion on what the file's own wipes say (issue 11, session 25): a collection whose elements the
 * file wipes when it gets one out (`const prev = map.get(id); memzero(prev.send)`) holds key material, so removing
 * an element elsewhere without a wipe drops it; a keyring whose retired slot the file wipes when it purges drops
 * the old retired key when the active one is shifted over it. Near misses: the same drops after a wipe, and a slot
 * set from a parameter (it may have held nothing).
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-unsafe-key-deletion (evidence of wipes, session 25)', rule, {
  valid: [
    {
      // the element wiped before its removal, the retired slot wiped before the shift, a slot set from a parameter (it may have held nothing)
      code: "import sodium from 'libsodium-wrappers';\nimport { randomBytes } from 'node:crypto';\n\ninterface Peer {\n  id: string;\n  send: Uint8Array;\n  recv: Uint8Array;\n}\n\nexport class Peers {\n  private readonly byId = new Map<string, Peer>();\n\n  add(p: Peer): void {\n    this.byId.set(p.id, p);\n  }\n\n  remove(id: string): void {\n    const prev = this.byId.get(id);\n    if (prev) sodium.memzero(prev.send);\n    this.byId.delete(id);\n  }\n}\n\ninterface Slots {\n  active: Buffer;\n  retired?: Buffer;\n}\n\nexport class Ring {\n  private slots: Slots = { active: randomBytes(32) };\n\n  roll(): void {\n    this.slots.retired?.fill(0);\n    this.slots.retired = this.slots.active;\n    this.slots.active = randomBytes(32);\n  }\n\n  adopt(key: Buffer): void {\n    this.slots.retired = key;\n  }\n\n  purge(): void {\n    this.slots.retired?.fill(0);\n    this.slots.retired = undefined;\n  }\n}\n",
      filename: 'src/peers-ok.ts',
    },
  ],
  invalid: [
    {
      // a map whose elements' keys the class wipes when it replaces one, dropped without a wipe; a keyring's retired slot overwritten by the active one, though the class wipes that slot when it purges
      code: "import sodium from 'libsodium-wrappers';\nimport { randomBytes } from 'node:crypto';\n\ninterface Peer {\n  id: string;\n  send: Uint8Array;\n  recv: Uint8Array;\n}\n\nexport class Peers {\n  private readonly byId = new Map<string, Peer>();\n\n  add(p: Peer): void {\n    this.byId.set(p.id, p);\n  }\n\n  replace(id: string, next: Peer): void {\n    const prev = this.byId.get(id);\n    if (prev) {\n      sodium.memzero(prev.send);\n      sodium.memzero(prev.recv);\n    }\n    this.byId.set(id, next);\n  }\n\n  remove(id: string): void {\n    this.byId.delete(id);\n  }\n}\n\ninterface Slots {\n  active: Buffer;\n  retired?: Buffer;\n}\n\nexport class Ring {\n  private slots: Slots = { active: randomBytes(32) };\n\n  roll(): void {\n    this.slots.retired = this.slots.active;\n    this.slots.active = randomBytes(32);\n  }\n\n  purge(): void {\n    this.slots.retired?.fill(0);\n    this.slots.retired = undefined;\n  }\n}\n",
      filename: 'src/peers.ts',
      errors: [
        { messageId: 'keyDropped', line: 27, column: 5, endLine: 27, endColumn: 25 },
        { messageId: 'keyDropped', line: 40, column: 5, endLine: 40, endColumn: 43 },
      ],
    },
  ],
});
