/**
 * The check of `no-weak-randomness`: a weak value (a predictable generator, a clock or pid reading, a modulo-biased
 * CSPRNG draw) that reaches a purpose, reported once per source node at the highest-ranked purpose it reaches.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  derivedKeyPurpose,
  longSecretPurpose,
  minSecretBits,
  stateReadingKinds,
  type WeakKind,
} from '../catalogue/randomness.js';
import { normaliseName } from '../detect/names.js';
import { weakSourceEvidence } from '../catalogue/evidence.js';
import { publicDerivation } from './public-derivations.js';
import type { createForeignFollower } from './flow/taint/foreign.js';
import type { Draw, WeakHit } from './flow/taint/lattice.js';
import type { TaintTracker } from './flow/taint/tracker.js';
import type { RandomFixes, RandomSuggestionId } from './random-fixes.js';
import type { Purpose } from './random-purposes.js';

type Node = TSESTree.Node;
type GetScope = (n: Node) => TSESLint.Scope.Scope;

/** A weak value at a purpose, ranked by that purpose. */
export interface Finding {
  readonly node: Node;
  readonly messageId: 'weakRandom' | 'moduloBias' | 'shortRandom';
  readonly data: Record<string, string | number>;
  readonly rank: number;
  readonly fix?: TSESLint.ReportFixFunction;
  readonly suggest?: TSESLint.SuggestionReportDescriptor<RandomSuggestionId>[];
}

const BECAUSE: Record<WeakKind, string> = {
  prng: 'it is predictable',
  'seeded-prng': 'a seeded, non-cryptographic generator is predictable',
  time: 'a clock reading is guessable',
  process: 'a process id is guessable',
  'uuid-v1': 'a time-based UUID is guessable',
  'name-based': 'a name-based UUID is a hash of its name, so anyone who knows the name computes it',
  deprecated: 'it is deprecated and not guaranteed to be cryptographically strong',
  counter: 'its next value follows from the last one',
  unfilled: 'nothing fills it, so every byte is zero',
};

/** A node's source text on one line, shortened to 60 characters for a message. */
export function shortText(sourceCode: TSESLint.SourceCode, n: Node): string {
  const t = sourceCode.getText(n).replace(/\s+/g, ' ');
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

/** What the check reads of one file. */
export interface PurposeCheck {
  readonly sourceCode: TSESLint.SourceCode;
  readonly tracker: TaintTracker | undefined;
  /** The file reads a weak source or CSPRNG bytes that a modulo could bias. */
  readonly sawSource: boolean;
  readonly foreignCall: ReturnType<typeof createForeignFollower>;
  readonly purposes: readonly Purpose[];
  readonly fixes: RandomFixes;
  /** A weak value reported where its maker is written, not again where it is used (random-purposes.ts). */
  readonly reportedWhereMade?: (hit: WeakHit) => boolean;
}

/** Keeps the higher-ranked finding per node; at equal rank, the one with suggestions. */
function offerFinding(findings: Map<Node, Finding>, f: Finding): void {
  const prev = findings.get(f.node);
  // Two checks on one node (a shared IV seen by the cipher and the decipher): keep the one with a fix.
  if (!prev || prev.rank < f.rank || (prev.rank === f.rank && !prev.suggest?.length && f.suggest?.length))
    findings.set(f.node, f);
}

/**
 * A counter that makes a value only its name calls a nonce (`getNonce()`, `const nonce = …`, `noncePromise`) or a
 * ticket (a support or queue ticket number): a sequence number in the word's own sense.
 */
function countedNonce(hit: { kind: string; source?: { kind: string } }, p: Purpose): boolean {
  return (
    hit.kind === 'source' &&
    hit.source?.kind === 'counter' &&
    /\b(?:nonces?|tickets?)\b/.test(p.purpose) &&
    p.rank < 3 &&
    !p.via.startsWith('sent as')
  );
}

/**
 * A CSPRNG draw too short for a long secret (`randomBytes(4)` for a session token, `randomUUID().slice(0, 8)` for an
 * API secret): strong bits, too few of them (catalogue `longSecretPurpose`, `minSecretBits`).
 */
function offerShortDraw(file: PurposeCheck, findings: Map<Node, Finding>, p: Purpose, draw: Draw | undefined): void {
  if (!draw || draw.bits >= minSecretBits || p.ivLike) return;
  if (!longSecretPurpose.pattern.test(normaliseName(p.purpose))) return;
  offerFinding(findings, {
    node: draw.node,
    messageId: 'shortRandom',
    data: {
      source: shortText(file.sourceCode, draw.node),
      bits: draw.bits,
      min: minSecretBits,
      purpose: p.purpose,
      via: p.via,
      category: 'weak-randomness',
      evidence: p.evidence ?? 'flow',
    },
    rank: p.rank,
  });
}

/**
 * Offers a finding to `findings` for each weak value that reaches one of the file's purposes, then (with `getScope`)
 * for key material that is a digest of public values (`checkPublicDerivations`).
 */
export function checkPurposes(file: PurposeCheck, findings: Map<Node, Finding>, getScope?: GetScope): void {
  weakValues(file, findings);
  if (getScope) checkPublicDerivations(file, findings, getScope);
}

function weakValues(file: PurposeCheck, findings: Map<Node, Finding>): void {
  const { tracker, sawSource, foreignCall, purposes, fixes, sourceCode } = file;
  if (!tracker || (!sawSource && !foreignCall)) return;
  const ordered = [...purposes].sort((a, b) => b.rank - a.rank);
  // Clock and pid readings that make an IV, nonce or salt: a derived value, reported by no-static-iv.
  const derivedIvs = new Set<Node>();
  for (const p of ordered) {
    if (!p.ivLike) continue;
    const t = tracker.taintOf(p.expr);
    if (t.entropy) continue;
    // A counter nonce is a deterministic construction (NIST SP 800-38D §8.2.1), not a weak random value.
    for (const hit of t.weak)
      if (
        hit.kind === 'source' &&
        (stateReadingKinds.has(hit.source.kind) || hit.source.kind === 'counter' || hit.source.kind === 'unfilled')
      )
        derivedIvs.add(hit.node);
  }
  for (const p of ordered) {
    const t = tracker.taintOf(p.expr);
    if (t.entropy) {
      offerShortDraw(file, findings, p, t.draw);
      continue;
    }
    for (const hit of t.weak) {
      if (findings.has(hit.node) || derivedIvs.has(hit.node)) continue;
      // A value named a nonce and made by counting (a transaction or message sequence number) is a counter nonce,
      // as in a sink above; a nonce sent in a link (OpenID Connect's) must still be unguessable.
      if (countedNonce(hit, p) || file.reportedWhereMade?.(hit)) continue;
      if (hit.kind === 'bias') {
        const modulus = sourceCode.getText(hit.node.right);
        offerFinding(findings, {
          node: hit.node,
          messageId: 'moduloBias',
          data: {
            expr: shortText(sourceCode, hit.node),
            bits: hit.bits,
            modulus,
            purpose: p.purpose,
            via: p.via,
            category: 'weak-randomness',
            evidence: p.evidence ?? weakSourceEvidence('bias'),
          },
          rank: p.rank,
          suggest: fixes.both(
            hit.node,
            (r) => `${r('randomInt')}(${modulus})`,
            (r) => `${r('randomInt')}(0, ${modulus})`,
          ),
        });
        continue;
      }
      const source = hit.foreign ? `${hit.source.title} in ${hit.foreign.fn} (${hit.foreign.file})` : hit.source.title;
      // A generator (`customAlphabet(…)`) is called where it is used: no value written in its place fits.
      const fix = hit.foreign || hit.generator ? undefined : fixes.renameFix(hit);
      offerFinding(findings, {
        node: hit.node,
        messageId: 'weakRandom',
        data: {
          source,
          purpose: p.purpose,
          via: p.via,
          because: BECAUSE[hit.source.kind],
          category: 'weak-randomness',
          evidence: p.evidence ?? weakSourceEvidence(hit.source.kind),
        },
        rank: p.rank,
        ...(fix ? { fix } : {}),
        ...(hit.foreign || fix || hit.generator || hit.source.kind === 'counter'
          ? {}
          : { suggest: fixes.weakSuggestions(hit, p) }),
      });
    }
  }
}

/**
 * A secret no weak source made but that is only a digest of values anyone can know (public-derivations.ts):
 * `deviceKey = sha256(`covenant:${imei}`)`, `pin = sha1(`${deviceId}|${day}`) % 1e6`. Not an IV, nonce or salt (a
 * derived IV is no-static-iv's), nor an identifier, which is meant to be computable.
 */
function checkPublicDerivations(file: PurposeCheck, findings: Map<Node, Finding>, getScope: GetScope): void {
  const { tracker, sourceCode } = file;
  if (!tracker) return;
  for (const p of [...file.purposes].sort((a, b) => b.rank - a.rank)) {
    if (p.ivLike || p.identifier || !derivedKeyPurpose.pattern.test(normaliseName(p.purpose))) continue;
    // Every input is read here, so a keyed digest (HMAC) the tracker takes for entropy is judged by its key.
    if (tracker.taintOf(p.expr).weak.some((h) => findings.has(h.node))) continue;
    const d = publicDerivation(p.expr, getScope);
    if (!d || findings.has(d.node)) continue;
    offerFinding(findings, {
      node: d.node,
      messageId: 'weakRandom',
      data: {
        source: `${shortText(sourceCode, d.node)}, a digest of ${d.inputs.join(', ')},`,
        purpose: p.purpose,
        via: p.via,
        because: 'whoever knows those values computes it',
        category: 'weak-randomness',
        evidence: p.evidence ?? 'name',
      },
      rank: p.rank,
    });
  }
}
