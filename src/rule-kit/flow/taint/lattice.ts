/**
 * The randomness lattice the taint tracker computes over: weak sources (and biased reductions) that make
 * a value, whether every way of making it draws on entropy the tracker cannot call weak, and the width
 * of CSPRNG buffers and integers (for modulo bias). `mix` combines parts of one value, `alt` combines
 * alternative ways of computing it.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { WeakRandomSource } from '../../../catalogue/randomness.js';
import { isSecretName, normaliseName, securityPurposeOf } from '../../../detect/names.js';

/** A value from another file, found with type information. */
export interface ForeignOrigin {
  /** The function that returns the weak value, as `name()`. */
  readonly fn: string;
  /** Its file, relative to the linted project. */
  readonly file: string;
  /** The name the function or generator is declared under there (`makeOtp`), which may state what it makes. */
  readonly made?: string;
}

export type WeakHit =
  | {
      readonly kind: 'source';
      /** Where to report: the weak call, or the call into another file that returns a weak value. */
      readonly node: TSESTree.Node;
      readonly source: WeakRandomSource;
      readonly foreign?: ForeignOrigin;
      /** The node makes a generator (`customAlphabet(abc, 10)`), not a value: no value replaces it. */
      readonly generator?: true;
    }
  | {
      /** CSPRNG bits reduced modulo a number that does not divide 2^bits: some values are likelier. */
      readonly kind: 'bias';
      readonly node: TSESTree.BinaryExpression;
      readonly bits: number;
      readonly modulus: number;
    };

export interface Taint {
  /** Weak sources (and biased reductions) that make the value in some way of computing it. */
  readonly weak: readonly WeakHit[];
  /** Every way of computing the value draws on entropy the tracker cannot call weak. */
  readonly entropy: boolean;
  /** The value is a buffer of CSPRNG elements this many bits wide. */
  readonly elementBits?: number;
  /** The value is one CSPRNG integer this many bits wide (an element of such a buffer). */
  readonly intBits?: number;
}

/**
 * Whether a name the tracker cannot see behind (a parameter, a property of an unknown object, a global)
 * may hold secret or random material: `key`, `signingSecret`, `randomPart`, `saltBytes`. Other names
 * (`userId`, `email`, `prefix`) hold predictable data.
 */
export function mayHoldEntropy(name: string): boolean {
  return (
    isSecretName(name) ||
    securityPurposeOf(name) !== undefined ||
    /(?:^|_)(?:keys?|seed|random|rand|entropy|bytes|buf|buffer|pass|pw|kek|dek|ikm|prk|mac)(?:_|$)/.test(
      normaliseName(name),
    )
  );
}

export const PREDICTABLE: Taint = { weak: [], entropy: false };
export const OPAQUE: Taint = { weak: [], entropy: true };

/** Ways of combining the parts of one value (`a + b`): entropy in any part makes the whole unguessable. */
export function mix(parts: readonly Taint[]): Taint {
  if (parts.length === 1) return parts[0]!;
  if (parts.some((p) => p.entropy)) return OPAQUE;
  const weak = parts.flatMap((p) => p.weak);
  return weak.length ? { weak: dedupe(weak), entropy: false } : PREDICTABLE;
}

/** Alternative ways of computing one value (`a ? b : c`, re-assignment): weak if any alternative is. */
export function alt(parts: readonly Taint[]): Taint {
  if (parts.length === 0) return PREDICTABLE;
  if (parts.length === 1) return parts[0]!;
  const weak = dedupe(parts.flatMap((p) => p.weak));
  return { weak, entropy: parts.every((p) => p.entropy) };
}

function dedupe(hits: readonly WeakHit[]): WeakHit[] {
  const seen = new Set<TSESTree.Node>();
  return hits.filter((h) => !seen.has(h.node) && (seen.add(h.node), true));
}

/** An element of the value (`buf[i]`, `for (const b of buf)`): a CSPRNG buffer gives CSPRNG integers. */
export function element(t: Taint): Taint {
  if (t.elementBits !== undefined) return { weak: t.weak, entropy: t.entropy, intBits: t.elementBits };
  return t.intBits === undefined ? t : { weak: t.weak, entropy: t.entropy };
}

/** Drops the width facts: the value is derived, no longer a raw buffer or integer. */
export function derived(t: Taint): Taint {
  return t.elementBits === undefined && t.intBits === undefined ? t : { weak: t.weak, entropy: t.entropy };
}
