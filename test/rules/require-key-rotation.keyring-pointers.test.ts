/**
 * require-key-rotation: a keyring class is a rotation structure only when the field that points at "the one in
 * use" points at a key (`current`, `activeKid`, `currentKeyId`, `primaryVersion`). A wallet keyring's
 * `currentAccount`, `currentTransaction` or `currentMessageHash` points at an address or a pending request: it
 * holds accounts, and the keys that sign are the owners' (src/rule-kit/keyring-periods.ts `CURRENT_KEY`). The near
 * misses are the same classes pointing at a key.
 */
import rule from '../../rules/require-key-rotation.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('require-key-rotation (what a keyring points at)', rule, {
  valid: [
    {
      // a multisig keyring: accounts, the pending transaction, and signatures collected from the owners
      code: 'export class MultisigKeyring {\n  accounts: string[] = [];\n  currentTransaction: object | null = null;\n  currentTransactionHash: string | null = null;\n  constructor(opts: { accounts?: string[] } = {}) {\n    this.accounts = opts.accounts ?? [];\n  }\n  async signTransaction(address: string, tx: object) {\n    this.currentTransaction = tx;\n    return address;\n  }\n}\n',
      filename: 'src/keyring/multisig-keyring.ts',
    },
    {
      // a hardware-wallet keyring that pages through accounts
      code: "class DeviceKeyring {\n  accounts = [];\n  paths = new Map();\n  currentAccount = 0;\n  constructor(bridge) {\n    this.bridge = bridge;\n  }\n  async signMessage(address, message) {\n    return this.bridge.call('sign', { address, message });\n  }\n}\nmodule.exports = { DeviceKeyring };\n",
      filename: 'lib/device-keyring.js',
    },
  ],
  invalid: [
    {
      // near miss: the same class pointing at a key id it encrypts under
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\nexport class MultisigKeyring {\n  keys = new Map<string, Buffer>();\n  currentKeyId = '';\n  constructor(opts: { keys?: Map<string, Buffer> } = {}) {\n    this.keys = opts.keys ?? new Map();\n  }\n  encrypt(data: Buffer) {\n    const iv = randomBytes(12);\n    return createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv).update(data);\n  }\n}\n",
      filename: 'src/keyring/multisig-keyring.ts',
      errors: [{ messageId: 'keyringNoPeriod', line: 5, column: 3, endLine: 7, endColumn: 4 }],
    },
    {
      // near miss: a plain `active` key field in JavaScript
      code: "const crypto = require('crypto');\nclass DataKeyring {\n  keys = [];\n  active = null;\n  constructor(first) {\n    this.active = first;\n    this.keys.push(first);\n  }\n  seal(data) {\n    return crypto.createHmac('sha256', this.active).update(data).digest();\n  }\n}\nmodule.exports = { DataKeyring };\n",
      filename: 'lib/data-keyring.js',
      errors: [{ messageId: 'keyringNoPeriod', line: 5, column: 3, endLine: 8, endColumn: 4 }],
    },
  ],
});
