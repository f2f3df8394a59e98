import rule from '../../rules/no-weak-randomness.js';
import { ruleTester } from '../helpers/rule-tester.js';

// issue 11 (session 39, branch rand23): node-forge's byte buffer carries what is written into it. An empty
// `forge.util.createBuffer()` holds nothing of its own, `putByte` / `putInt32` / `putBytes` write into it, and
// `getBytes()`, `bytes()` and `forge.util.encode64` read it out: a password or key made of Math.random or clock bytes
// that way is as predictable as they are. Quiet: a buffer that also holds CSPRNG bytes, a buffer with no purpose.
ruleTester.run('no-weak-randomness (node-forge byte buffers)', rule, {
  valid: [
    {
      code: "import forge from 'node-forge';\n\nexport function sessionSecret(): string {\n  const buf = forge.util.createBuffer();\n  buf.putBytes(forge.random.getBytesSync(32));\n  buf.putInt32(Date.now() & 0xffffffff);\n  return forge.util.bytesToHex(buf.getBytes());\n}\n",
      filename: 'src/val1.ts',
    },
    {
      code: "import forge from 'node-forge';\n\nexport function frameHeader(seq: number): string {\n  const buf = forge.util.createBuffer();\n  buf.putInt16(Math.floor(Math.random() * 100));\n  buf.putInt32(seq);\n  return buf.toHex();\n}\n",
      filename: 'src/val2.ts',
    },
    {
      code: "import forge from 'node-forge';\n\nexport function wrapKeyFor(deviceSerial: string): string {\n  const material = forge.util.createBuffer(forge.random.getBytesSync(32));\n  material.putBytes(deviceSerial);\n  return material.bytes();\n}\n",
      filename: 'src/val3.ts',
    },
  ],
  invalid: [
    {
      code: "const forge = require('node-forge');\n\nfunction mqttLogin(deviceId) {\n  const bytes = forge.util.createBuffer();\n  for (let i = 0; i < 18; i++) bytes.putByte(Math.floor(Math.random() * 256));\n  return { username: deviceId, password: forge.util.encode64(bytes.getBytes()) };\n}\n\nmodule.exports = { mqttLogin };\n",
      filename: 'src/inv1.js',
      errors: [
        {
          messageId: 'weakRandom',
          line: 5,
          column: 57,
          endLine: 5,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'useNodeCrypto',
              output:
                "const forge = require('node-forge');\nconst { randomInt } = require('node:crypto');\n\nfunction mqttLogin(deviceId) {\n  const bytes = forge.util.createBuffer();\n  for (let i = 0; i < 18; i++) bytes.putByte(randomInt(256));\n  return { username: deviceId, password: forge.util.encode64(bytes.getBytes()) };\n}\n\nmodule.exports = { mqttLogin };\n",
            },
            {
              messageId: 'useKeys',
              output:
                "const forge = require('node-forge');\nconst { randomInt } = require('keyhygiene/keys');\n\nfunction mqttLogin(deviceId) {\n  const bytes = forge.util.createBuffer();\n  for (let i = 0; i < 18; i++) bytes.putByte(randomInt(0, 256));\n  return { username: deviceId, password: forge.util.encode64(bytes.getBytes()) };\n}\n\nmodule.exports = { mqttLogin };\n",
            },
          ],
        },
      ],
    },
    {
      code: "import forge from 'node-forge';\n\nexport function sessionSecret(): string {\n  const buf = forge.util.createBuffer();\n  buf.putInt32(Date.now() & 0xffffffff);\n  buf.putInt32(process.pid);\n  return forge.util.bytesToHex(buf.getBytes());\n}\n",
      filename: 'src/inv2.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 26,
        },
        {
          messageId: 'weakRandom',
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 27,
        },
      ],
    },
    {
      code: "import forge from 'node-forge';\n\nexport function wrapKeyFor(deviceSerial: string): string {\n  const material = forge.util.createBuffer(deviceSerial);\n  material.putInt32(Math.floor(performance.now()));\n  return material.bytes();\n}\n",
      filename: 'src/inv3.ts',
      errors: [
        {
          messageId: 'weakRandom',
          line: 5,
          column: 32,
          endLine: 5,
          endColumn: 49,
        },
      ],
    },
  ],
});
