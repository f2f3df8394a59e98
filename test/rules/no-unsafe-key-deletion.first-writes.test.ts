/**
 * no-unsafe-key-deletion: the first value a binding gets is no drop (src/rule-kit/key-drops.ts `firstWrite`). A
 * `let` declared without a value and set in one branch to an empty buffer or null, in the other to the real key,
 * held nothing before: no write to it can reach the assignment. Near misses stay reported: a key written earlier on
 * the same path, a binding set in a loop (the last round's key is dropped), and one a closure may have set.
 */
import rule from '../../rules/no-unsafe-key-deletion.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('no-unsafe-key-deletion (first writes)', rule, {
  valid: [
    {
      code: 'declare const info: { srtpKey?: Buffer; srtpSalt?: Buffer };\ndeclare function start(k: Buffer, s: Buffer): void;\nexport function setup(encrypted: boolean) {\n  let srtpKey: Buffer;\n  let srtpSalt: Buffer;\n  if (encrypted) {\n    srtpKey = info.srtpKey ?? Buffer.alloc(0);\n    srtpSalt = info.srtpSalt ?? Buffer.alloc(0);\n  } else {\n    srtpKey = Buffer.alloc(0);\n    srtpSalt = Buffer.alloc(0);\n  }\n  start(srtpKey, srtpSalt);\n}\n',
      filename: 'src/stream.ts',
    },
    {
      code: "import { randomBytes } from 'crypto';\ndeclare function open(k: Uint8Array | null): void;\nexport function begin(offer: { plain: boolean }) {\n  let sessionKey: Uint8Array | null;\n  if (offer.plain) {\n    sessionKey = null;\n  } else {\n    sessionKey = randomBytes(32);\n  }\n  open(sessionKey);\n}\n",
      filename: 'src/begin.ts',
    },
    {
      code: 'declare function use(k: Uint8Array): void;\nexport function empty() {\n  let secretKey: Uint8Array;\n  secretKey = new Uint8Array(0);\n  use(secretKey);\n}\n',
      filename: 'src/empty.ts',
    },
  ],
  invalid: [
    {
      // near miss: the key was set earlier on the same path
      code: "import { randomBytes } from 'crypto';\ndeclare function use(k: Buffer): void;\nexport function once() {\n  let secretKey: Buffer;\n  secretKey = randomBytes(32);\n  use(secretKey);\n  secretKey = Buffer.alloc(0);\n}\n",
      filename: 'src/once.ts',
      errors: [{ messageId: 'keyDropped', line: 7, column: 3, endLine: 7, endColumn: 30 }],
    },
    {
      // near miss: in a loop, each round drops the key the last round set
      code: 'declare function use(k: Buffer): void;\nexport function each(list: { off: boolean; key: Buffer }[]) {\n  let secretKey: Buffer;\n  for (const s of list) {\n    if (s.off) {\n      secretKey = Buffer.alloc(0);\n    } else {\n      secretKey = s.key;\n    }\n    use(secretKey);\n  }\n}\n',
      filename: 'src/each.ts',
      errors: [{ messageId: 'keyDropped', line: 6, column: 7, endLine: 6, endColumn: 34 }],
    },
    {
      // near miss: a closure may have set the key before
      code: "import { randomBytes } from 'crypto';\ndeclare function use(k: Buffer): void;\nexport function later() {\n  let secretKey: Buffer | null;\n  const load = () => {\n    secretKey = randomBytes(32);\n  };\n  load();\n  use(secretKey!);\n  secretKey = null;\n}\n",
      filename: 'src/later.ts',
      errors: [{ messageId: 'keyDropped', line: 10, column: 3, endLine: 10, endColumn: 19 }],
    },
  ],
});
