/**
 * Id generators that real code reaches for when it makes a token (session 29 breadth study): name-based UUIDs,
 * hyperid, MongoDB ObjectIds, lodash `uniqueId`, Math.random wrapper packages, seeded generators and snowflake ids.
 * Each is weak where the value is a secret, and quiet where it only identifies a record, an element or a request.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-weak-randomness.js';
import { lintWith } from '../helpers/probe.js';

const findings = (code: string): string[] =>
  lintWith(rule, code, 'src/tokens.ts').map((m) => `${m.line}:${m.message.split(' makes ')[0] ?? ''}`);

describe('no-weak-randomness: id generators that are not random', () => {
  it.each([
    [
      "import { v5 as uuidv5 } from 'uuid';\nexport const resetTokenFor = (email: string) => uuidv5(email, NS);",
      'a name-based UUID',
    ],
    [
      "const uuid = require('uuid');\nexport function issueApiKey(userId: string) {\n  return uuid.v3(userId, uuid.v3.URL);\n}",
      'a name-based UUID',
    ],
    [
      "import uuidv5 from 'uuid/v5';\nexport function makeInviteToken(teamId: string) {\n  return uuidv5(teamId, NS);\n}",
      'a name-based UUID',
    ],
    [
      "import hyperid from 'hyperid';\nconst nextId = hyperid({ urlSafe: true });\nexport function newSessionToken() {\n  return nextId();\n}",
      'hyperid',
    ],
    [
      "import { ObjectId } from 'mongodb';\nexport function createApiKey() {\n  return new ObjectId().toHexString();\n}",
      'a MongoDB ObjectId',
    ],
    [
      "import mongoose from 'mongoose';\nexport function createVerificationToken() {\n  return new mongoose.Types.ObjectId().toString();\n}",
      'a MongoDB ObjectId',
    ],
    [
      "import _ from 'lodash';\nexport function createInviteToken() {\n  return _.uniqueId('invite_');\n}",
      'lodash uniqueId()',
    ],
    ["import hat from 'hat';\nexport const apiToken = hat();", 'a Math.random() wrapper'],
    [
      "import randomInteger from 'random-int';\nexport function makeOtp() {\n  return String(randomInteger(100000, 999999));\n}",
      'a Math.random() wrapper',
    ],
    [
      "import uniqueRandom from 'unique-random';\nconst draw = uniqueRandom(1000, 9999);\nexport function verificationCode() {\n  return String(draw());\n}",
      'a Math.random() wrapper',
    ],
    [
      "import prand from 'pure-rand';\nexport function makeResetToken() {\n  const g = prand.xoroshiro128plus(Date.now());\n  return String(prand.unsafeUniformIntDistribution(0, 1e9, g));\n}",
      'pure-rand',
    ],
    [
      "import Prando from 'prando';\nexport function makeResetToken() {\n  return new Prando().nextString(32);\n}",
      'Prando',
    ],
    [
      "import FlakeId from 'flake-idgen';\nconst flake = new FlakeId();\nexport function createSessionId() {\n  return flake.next().toString('hex');\n}",
      'a snowflake id',
    ],
    [
      "import { Snowflake } from 'nodejs-snowflake';\nconst sf = new Snowflake();\nexport const newResetToken = () => sf.getUniqueID().toString();",
      'a snowflake id',
    ],
  ])('reports %#', (code, source) => {
    const got = findings(code);
    expect(got.length, code).toBe(1);
    expect(got[0]).toContain(source);
  });

  it.each([
    // a name-based UUID as a stable id of a room or a design token
    "import { v5 as uuidv5 } from 'uuid';\nexport const roomId = (name: string) => uuidv5(name, NS);",
    // hyperid and snowflakes for request and message ids
    "import hyperid from 'hyperid';\nconst nextId = hyperid();\nexport function requestId() {\n  return nextId();\n}",
    "import FlakeId from 'flake-idgen';\nconst flake = new FlakeId();\nexport const messageId = () => flake.next().toString('hex');",
    // an ObjectId as a document id, or one parsed from a value
    "import { ObjectId } from 'mongodb';\nexport const newDocument = () => ({ _id: new ObjectId(), name: 'x' });",
    "import { ObjectId } from 'mongodb';\nexport function resetTokenOwner(id: string) {\n  return new ObjectId(id).toHexString();\n}",
    // lodash uniqueId for element ids; a generator made but never drawn
    "import _ from 'lodash';\nexport const inputId = _.uniqueId('field_');",
    "import uniqueRandom from 'unique-random';\nexport const makeDraw = () => uniqueRandom(1, 6);",
    // strong packages stay quiet
    "import cryptoRandomString from 'crypto-random-string';\nexport const resetToken = () => cryptoRandomString({ length: 32 });",
    "import { createId } from '@paralleldrive/cuid2';\nexport const sessionToken = () => createId();",
  ])('stays quiet %#', (code) => {
    expect(findings(code)).toEqual([]);
  });
});
