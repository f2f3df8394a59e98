/**
 * The evidence scale (`Evidence` in ./types.ts) as data: how the levels order, the level each rule message rests
 * on when the rule does not say more, and the levels the `recommended` preset and the audit's default report
 * per category (docs/audit.md, "Evidence"). The floors were chosen from the measurement in docs/benchmarks.md
 * (session 25, "Evidence"): hand-checked findings on 48 real repositories and the labelled corpora, by category
 * and evidence level.
 */
import { nameValueFormats } from './credentials.js';
import type { Category, Evidence } from './types.js';

/** Weakest first: a level reaches a floor when its index is at least the floor's. */
export const evidenceLevels: readonly Evidence[] = ['name', 'flow', 'sink', 'format'];

export const isEvidence = (v: unknown): v is Evidence => evidenceLevels.includes(v as Evidence);

/** Whether `level` is at least `floor`. */
export const meetsEvidence = (level: Evidence, floor: Evidence): boolean =>
  evidenceLevels.indexOf(level) >= evidenceLevels.indexOf(floor);

/**
 * The level of each rule message when the report does not carry its own (`data.evidence`): a message that
 * always rests on the same thing says so here; a message whose evidence varies per finding (a hardcoded value
 * judged by its format or by its name; a logged value traced from a key source or only named like one) gets
 * its level from the check that found it, and the entry here is its floor.
 */
export const messageEvidence: Readonly<Record<string, Readonly<Record<string, Evidence>>>> = {
  'no-hardcoded-key': {
    hardcodedKey: 'sink',
    credential: 'format',
    fallbackKey: 'sink',
    fallbackSecret: 'name',
    clientCredential: 'sink',
    secretName: 'name',
    privateJwk: 'format',
  },
  'no-logged-key': {
    loggedKey: 'name',
    envDump: 'flow',
    keyInFile: 'name',
    keyFileMode: 'flow',
    keyInResponse: 'name',
  },
  'no-password-as-key': {
    passwordAsKey: 'sink',
    hashedPassword: 'sink',
    deprecatedCipher: 'sink',
    cryptoJsPassphrase: 'sink',
    weakKdf: 'sink',
    shortSalt: 'sink',
  },
  'no-static-iv': { staticIv: 'sink', reusedIv: 'sink', clockIv: 'sink', ivFromKey: 'sink', staticSalt: 'sink' },
  'no-unsafe-key-deletion': {
    keyFileDeleted: 'name',
    keyItemRemoved: 'name',
    keyDropped: 'name',
    keyNotWiped: 'name',
    wipeMissesExits: 'name',
    keyAsString: 'name',
  },
  'no-weak-key-size': {
    weakCipher: 'sink',
    ecbMode: 'sink',
    smallModulus: 'sink',
    weakCurve: 'sink',
    pkcs1Padding: 'sink',
    shortTag: 'sink',
    weakDigest: 'sink',
    shortKey: 'sink',
    unsignedToken: 'sink',
  },
  'no-weak-randomness': { weakRandom: 'name', moduloBias: 'name' },
  'require-key-recovery-window': {
    shortWindow: 'sink',
    forceDelete: 'sink',
    destroyPolicy: 'sink',
    destroySecret: 'sink',
    purged: 'sink',
    keyBucketEmptied: 'sink',
  },
  'require-key-rotation': {
    rotationOff: 'sink',
    periodMissing: 'sink',
    periodOutOfRange: 'sink',
    createKeyNoRotation: 'sink',
    jwtNoKid: 'sink',
    jweNoKid: 'sink',
    keyringRotationOff: 'sink',
    keyringPeriodTooLong: 'sink',
    keyringNoPeriod: 'sink',
  },
};

/**
 * The level of the audit's own detectors' findings (src/scanner/rules.ts `scannerDetectors`). A committed secret in
 * a text file or in history (`secret-in-file`, `secret-in-history`) gets its level from its format instead
 * (`formatEvidence`), `name` when no format matched (a value judged by the classifier under a secret name).
 */
export const detectorEvidence: Readonly<Record<string, Evidence>> = {
  'keyhygiene/cross-file-hardcoded-key': 'sink',
  'keyhygiene/cross-file-weak-algorithm': 'sink',
  'keyhygiene/cross-file-missing-rotation': 'sink',
  'keyhygiene/cross-file-unsafe-deletion': 'sink',
  'keyhygiene/template-missing-rotation': 'sink',
  'keyhygiene/template-unsafe-deletion': 'sink',
  'keyhygiene/config-weak-algorithm': 'sink',
  'keyhygiene/config-password-as-key': 'sink',
  // An object logged whole whose members are named like secrets; a helper's value under a purpose name.
  'keyhygiene/cross-file-logged-key': 'name',
  'keyhygiene/cross-file-weak-randomness': 'name',
};

/**
 * The level of a value matched by a credential format: `format`, except for a format that is judged by the name
 * written before the value (`password = …`, ./credentials.ts `nameValueFormats`), which is `name`.
 */
export const formatEvidence = (formatId: string): Evidence => (nameValueFormats.has(formatId) ? 'name' : 'format');

/**
 * The lowest level the `recommended` preset and the audit's default report, per category; a category not listed
 * reports every level. `strict` and `keyhygiene audit --min-evidence name` report everything.
 */
export const recommendedMinEvidence: Readonly<Partial<Record<Category, Evidence>>> = {};
