/**
 * The evidence scale (`Evidence` in ./types.ts) as data: how the levels order, the level each rule message rests
 * on when the rule does not say more, and the levels the audit lists by default per category (docs/audit.md,
 * "Evidence"). The floor was chosen from the measurement in docs/benchmarks.md (session 25, "Evidence"):
 * hand-checked findings on 48 real repositories and the labelled corpora, by category and evidence level.
 */
import { nameValueFormats } from './credentials.js';
import type { WeakKind } from './randomness.js';
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
    legacyRead: 'sink',
    fixedFormat: 'sink',
  },
  'no-static-iv': {
    staticIv: 'sink',
    reusedIv: 'sink',
    repeatedIv: 'sink',
    clockIv: 'sink',
    ivFromKey: 'sink',
    staticSalt: 'sink',
    legacyRead: 'sink',
  },
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
    oldProtocol: 'sink',
    fixedFormat: 'sink',
  },
  // A weak value's level comes from its purpose (a sink) or its source (`weakSourceEvidence`).
  'no-weak-randomness': { weakRandom: 'name', moduloBias: 'flow', shortRandom: 'flow' },
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
    secretNoRotation: 'sink',
    accessKeyNoRotation: 'sink',
    dataKeyCached: 'sink',
    certificateTooLong: 'sink',
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
  // A setting named as an IV with an IV's bytes: the name says where it goes (no crypto call is seen).
  'keyhygiene/config-static-iv': 'name',
  // An object logged whole whose members are named like secrets. A weak helper's value under a purpose name
  // carries its own level (`weakSourceEvidence`); this is the level of a finding made without it.
  'keyhygiene/cross-file-logged-key': 'name',
  'keyhygiene/cross-file-weak-randomness': 'name',
};

/**
 * The level of a weak value found by the purpose a name gives it (`no-weak-randomness`,
 * `cross-file-weak-randomness`; a purpose at a key sink is `sink`): a generator's output (`Math.random`, a seeded
 * PRNG, a modulo-reduced CSPRNG draw, a buffer meant to be filled with random bytes) was made to be unpredictable,
 * and the value flow from that random source shows it (`flow`); a clock, process id, time-based UUID or counter is
 * made to be a time or a sequence number, and only the name says it was meant to be a secret (`name`).
 */
export const weakSourceEvidence = (kind: WeakKind | 'bias'): Evidence => (STATE_KINDS.has(kind) ? 'name' : 'flow');
const STATE_KINDS: ReadonlySet<WeakKind | 'bias'> = new Set<WeakKind>([
  'time',
  'process',
  'uuid-v1',
  'name-based',
  'counter',
]);

/**
 * The level of a value matched by a credential format: `format`, except for a format that is judged by the name
 * written before the value (`password = …`, ./credentials.ts `nameValueFormats`), which is `name`.
 */
export const formatEvidence = (formatId: string): Evidence => (nameValueFormats.has(formatId) ? 'name' : 'format');

/**
 * The lowest level `keyhygiene audit` lists by default (`--min-evidence default`), per category; a category not
 * listed keeps every level, and `--min-evidence name` lists everything. The ESLint presets report every level (a
 * configuration can set `settings.keyhygiene.minEvidence`): in an editor the name is the author's own and the
 * finding is one line away, and the labelled corpora rely on name-level findings (docs/benchmarks.md, session 25).
 */
export const auditMinEvidence: Readonly<Partial<Record<Category, Evidence>>> = {
  // A clock, process id, time-based UUID or counter under a token or key name: on 48 real repositories 0 of 9
  // such findings were real (ids, timestamps, UI keys, selectors); a generator's output under such a name was.
  'weak-randomness': 'flow',
};
